"""Ingest benchmark on generated articles (benchmarks/gen_articles.py, six languages, ~460 words):

- end to end: the real `muster ingest FOLDER` (read, annotate, code, store, resolve) in a child
  process: docs/s including start-up, and peak RSS of that process; the same workflow in this
  process once the six languages' pipelines are loaded (warm docs/s, and the load time);
- readers only: `iter_documents` docs/s (median of runs);
- length scaling: pipeline time of one long article against one ten times shorter (the ratio
  of times; linear work gives ~10).

    python benchmarks/bench_ingest.py            # 200 articles, 10 KB vs 100 KB (~2-3 minutes on an idle core)
    python benchmarks/bench_ingest.py --full     # 5,000 articles, 100 KB vs 1 MB (the issue's figures)
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

DEFAULT_N = 200
DEFAULT_SIZES = (10_000, 100_000)
FULL_N = 5000
FULL_SIZES = (100_000, 1_000_000)


def end_to_end(folder: Path, db: Path) -> dict:
    """`muster ingest` in a child process: its JSON summary, wall time and peak RSS."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "muster.cli", "ingest", str(folder), "--db", str(db), "--json"],
                          capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    wall = time.perf_counter() - t0
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"summary": summary, "wall_s": wall, "peak_rss_mb": round(rss, 1)}


def warm(folder: Path, db: Path) -> tuple[float, float]:
    """(seconds to load every language's pipeline, docs/s of the whole ingest workflow once they are
    loaded): in this process, the same work as `muster ingest` without the start-up."""
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
        s = ingest_documents(store, iter_documents([str(folder)]), run_id="bench")
    return boot, s["read"] / s["seconds"]


def readers(folder: Path, repeat: int = 3) -> float:
    from muster.ingest import Failure, iter_documents

    rates = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(1 for item in iter_documents([str(folder)], published="2025-03-01") if not isinstance(item, Failure))
        rates.append(n / (time.perf_counter() - t0))
    return statistics.median(rates)


def scaling(sizes: tuple[int, int], lang: str = "de") -> dict:
    """Pipeline seconds for one article of each size (same generator, same language)."""
    from muster.ingest import from_text
    from muster.pipeline import build

    pipe = build(lang)
    pipe(from_text(long_article(lang, 3000, 5), published="2025-06-01", lang=lang))  # warm: lexicons loaded
    out = {}
    for size in sizes:
        doc = from_text(long_article(lang, size), published="2025-06-01", lang=lang)
        t0 = time.perf_counter()
        pipe(doc)
        out[size] = time.perf_counter() - t0
    return out


def run(n: int = DEFAULT_N, sizes: tuple[int, int] = DEFAULT_SIZES) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        stats = generate(folder, n)
        e2e = end_to_end(folder, Path(tmp) / "bench.db")
        store_bytes = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
        read_rate = readers(folder)
        boot, warm_rate = warm(folder, Path(tmp) / "warm.db")
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
    if "--full" in args:
        res = run(FULL_N, FULL_SIZES)
    else:
        nums = [a for a in args if a.isdigit()]
        res = run(int(nums[0]) if nums else DEFAULT_N)
    for k, v in res.items():
        print(f"{k:26} {v:,.1f}" if isinstance(v, float) else f"{k:26} {v}")
