"""Ingest benchmark on generated articles (benchmarks/gen_articles.py, six languages, ~460 words), the
figures of issue 13 by default (5,000 articles, 100 KB against 1 MB):

- end to end: the real `muster ingest FOLDER` (read, annotate, code, store, resolve) in a child
  process: docs/s including start-up, and peak RSS of that process; the same workflow in this
  process once the six languages' pipelines are loaded (warm docs/s over the first WARM_N articles,
  and the load time);
- the store: bytes per event (the database file and its WAL);
- readers only: `iter_documents` docs/s (median of runs);
- length scaling: process time of coding one long article (as ingest codes it: workflow.code_local)
  against one ten times shorter, the least of a few runs each (linear work gives a ratio of ~10).

    python benchmarks/bench_ingest.py            # 5,000 articles, 100 KB vs 1 MB (~3 minutes on an idle core)
    python benchmarks/bench_ingest.py --quick    # 200 articles, 10 KB vs 100 KB
    python benchmarks/bench_ingest.py N          # N articles
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _rss import peak_rss_mb  # noqa: E402
from gen_articles import generate, long_article  # noqa: E402

QUICK_N = 200
QUICK_SIZES = (10_000, 100_000)
FULL_N = 5000
FULL_SIZES = (100_000, 1_000_000)
WARM_N = 1000  # articles the in-process (warm) figure codes


def end_to_end(folder: Path, db: Path) -> dict:
    """`muster ingest` in a child process: its JSON summary, wall time and peak RSS."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "muster.cli", "ingest", str(folder), "--db", str(db), "--json"],
                          capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    wall = time.perf_counter() - t0
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"summary": summary, "wall_s": wall, "peak_rss_mb": round(rss, 1)}


def warm(folder: Path, db: Path, n: int = WARM_N) -> tuple[float, float]:
    """(seconds to load every language's pipeline, docs/s of the whole ingest workflow once they are
    loaded): in this process, the same work as `muster ingest` without the start-up, over the first
    n articles."""
    from itertools import islice

    from gen_articles import LANGS
    from muster.ingest import iter_documents
    from muster.pipeline import build
    from muster.store import Store
    from muster.workflow import ingest_documents

    t0 = time.perf_counter()
    for lang in LANGS:
        build(lang)
    boot = time.perf_counter() - t0
    with Store(db) as store:
        s = ingest_documents(store, islice(iter_documents([str(folder)]), n), run_id="bench")
    return boot, s["read"] / s["seconds"]


def readers(folder: Path, repeat: int = 3) -> float:
    from muster.ingest import Failure, iter_documents

    rates = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(1 for item in iter_documents([str(folder)], published="2025-03-01") if not isinstance(item, Failure))
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates)


def scaling(sizes: tuple[int, int], lang: str = "de", runs: int = 2) -> dict:
    """Process seconds to code one article of each size as ingest does (same generator, same
    language): the least of `runs` runs, so other work on the machine counts as little as it can."""
    import gc

    from muster.ingest import from_text
    from muster.workflow import code_local

    def code(text: str) -> float:
        doc = from_text(text, published="2025-06-01", lang=lang)
        gc.collect()
        t0 = time.process_time()
        list(code_local([doc]))
        return time.process_time() - t0

    code(long_article(lang, 3000, 5))  # warm: lexicons loaded
    return {size: min(code(long_article(lang, size)) for _ in range(runs)) for size in sizes}


def run(n: int = FULL_N, sizes: tuple[int, int] = FULL_SIZES) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        stats = generate(folder, n)
        e2e = end_to_end(folder, Path(tmp) / "bench.db")
        store_bytes = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        read_rate = readers(folder)
        boot, warm_rate = warm(folder, Path(tmp) / "warm.db", min(n, WARM_N))
    s = e2e["summary"]
    times = scaling(sizes)
    small, big = sizes
    return {"articles": n, "words_per_article": round(stats["words"] / n), "input_mb": round(stats["bytes"] / 2**20, 2),
            "stored": s["stored"], "failed": s["failed"], "events": s["events"],
            "end_to_end_docs_per_s": round(s["read"] / e2e["wall_s"], 1),
            "warm_docs_per_s": round(warm_rate, 1), "pipelines_load_s": round(boot, 1), "ingest_wall_s": round(e2e["wall_s"], 1),
            "peak_rss_mb": e2e["peak_rss_mb"],
            "store_mb": round(store_bytes / 2**20, 2), "store_bytes_per_event": round(store_bytes / max(s["events"], 1)),
            "store_to_input": round(store_bytes / stats["bytes"], 1),
            "readers_docs_per_s": round(read_rate, 1),
            f"pipeline_s_{small // 1000}kb": round(times[small], 2), f"pipeline_s_{big // 1000}kb": round(times[big], 2),
            "length_ratio": big // small, "time_ratio": round(times[big] / times[small], 1),
            "bench_peak_rss_mb": peak_rss_mb()}


if __name__ == "__main__":
    args = sys.argv[1:]
    nums = [a for a in args if a.isdigit()]
    if "--quick" in args:
        res = run(int(nums[0]) if nums else QUICK_N, QUICK_SIZES)
    else:  # --full (the default) is accepted as before
        res = run(int(nums[0]) if nums else FULL_N)
    for k, v in res.items():
        print(f"{k:26} {v:,.1f}" if isinstance(v, float) else f"{k:26} {v}")
