"""Dask path benchmark: local versus Dask with 1 and 2 worker processes, peak RSS per worker, and a
DuckDB dyad query over a partitioned Parquet folder of synthetic events.

    python benchmarks/bench_dask.py [--docs N] [--events N]

Documents are the development corpus (tests/data/events), repeated with a varying correction line
until there are N (default 1200, so that the last batch is a small share of the run). Throughput excludes cluster start-up: each worker codes one warm-up
batch first (lexicons load once per worker process); 1 and 2 workers are timed alternately, three
rounds each, and the medians compared. The Parquet events (default 10 M) are generated
once with numpy and cached under the muster cache directory.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DOCS = 1200
DEFAULT_EVENTS = 10_000_000


def corpus(n: int, out: Path) -> Path:
    texts = sorted((ROOT / "tests" / "data" / "events").glob("*.txt"))
    i = 0
    while i < n:
        for p in texts:
            if i >= n:
                break
            rnd = i // len(texts)
            body = p.read_text(encoding="utf-8") + (f"\n\nCorrection {rnd}: a name was misspelt.\n" if rnd else "")
            (out / f"{i:05d}-{p.name}").write_text(body, encoding="utf-8")
            i += 1
    return out


def _docs(folder: Path) -> list[Any]:
    from muster.ingest import iter_documents

    return list(iter_documents([str(folder)]))


def _local(docs: list[Any]) -> float:
    from muster.ingest import Failure
    from muster.pipeline import build

    for d in docs[:40]:  # warm-up: lexicons of every language
        if not isinstance(d, Failure):
            build(d.language or "en")
    t0 = time.perf_counter()
    for d in docs:
        if not isinstance(d, Failure):
            build(d.language or "en")(d)
    return len(docs) / (time.perf_counter() - t0)


def _peak_rss_mb() -> float:
    sys.path.insert(0, str(HERE))
    from _rss import peak_rss_mb

    return peak_rss_mb()


def _warm(c: Any, docs: list[Any]) -> None:
    from muster.distributed.engine import code_batch
    from muster.ingest import Failure

    warm = [d for d in docs[:120] if not isinstance(d, Failure)]
    for w in c.scheduler_info()["workers"]:  # every worker loads every language once
        c.submit(code_batch, warm, workers=[w], pure=False, allow_other_workers=False).result()


def _rate(c: Any, docs: list[Any]) -> float:
    from muster.distributed.engine import STORE_LAYERS, code_stream

    t0 = time.perf_counter()
    n = sum(1 for _ in code_stream(iter(docs), c, layers=STORE_LAYERS))  # what ingest --engine dask --db asks
    return n / (time.perf_counter() - t0)


def _dask_pair(docs: list[Any], rounds: int = 3) -> tuple[list[float], list[float], list[float]]:
    """Docs/s with 1 and with 2 worker processes, timed alternately (1, 2, 1, 2, ...) so that a slow
    spell of this shared machine hits both alike; both clusters are up, only one works at a time."""
    from muster.distributed.engine import client

    with client(workers=1) as c1, client(workers=2) as c2:
        _warm(c1, docs)
        _warm(c2, docs)
        one, two = [], []
        for _ in range(rounds):
            one.append(_rate(c1, docs))
            two.append(_rate(c2, docs))
        rss = sorted(list(c1.run(_peak_rss_mb).values()) + list(c2.run(_peak_rss_mb).values()))
    return one, two, rss


def synthetic_parquet(n: int) -> Path:
    """n synthetic events in 24 monthly partitions (cached)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from muster.cache import cache_dir

    out = cache_dir() / f"bench-parquet-{n}"
    if (out / "_done").exists():
        return out
    rng = np.random.default_rng(0)
    codes = np.array(["RUS", "UKR", "AZE", "ARM", "USA", "CHN", "DEU", "FRA", "TUR", "IRN", "ISR", "GBR"])
    types = np.array(["ASSAULT", "ACCUSE", "CONSULT", "AGREE", "SANCTION", "COERCE", "REQUEST", "SUPPORT"])
    per = n // 24
    for m in range(24):
        month = f"{2024 + m // 12}-{m % 12 + 1:02d}"
        days = rng.integers(1, 29, per)
        a, r = rng.integers(0, len(codes), per), rng.integers(0, len(codes), per)
        t = pa.table({
            "id": pa.array([f"{m:02d}{i:09d}" for i in range(per)]),
            "event_type": pa.array(types[rng.integers(0, len(types), per)]),
            "actor_country": pa.array(codes[a]), "recipient_country": pa.array(codes[r]),
            "date_start": pa.array([f"{month}-{d:02d}" for d in days]),
            "goldstein": pa.array(rng.uniform(-10, 10, per)),
            "quad": pa.array(rng.integers(1, 5, per).astype("int8")),
        })
        part = out / "events" / f"month={month}"
        part.mkdir(parents=True, exist_ok=True)
        pq.write_table(t, part / "part-0.parquet", compression="zstd")
    (out / "_done").write_text("")
    return out


def dyad_query(folder: Path) -> tuple[int, float, int]:
    import duckdb

    files = str(folder / "events" / "month=*" / "*.parquet")
    con = duckdb.connect()
    times, n = [], 0
    for _ in range(5):
        t0 = time.perf_counter()
        rows = con.execute(
            "SELECT substr(date_start, 1, 7) AS month, actor_country, count(*) AS n, sum(goldstein) AS g "
            "FROM read_parquet(?) WHERE (actor_country='AZE' AND recipient_country='RUS') "
            "OR (actor_country='RUS' AND recipient_country='AZE') GROUP BY 1, 2 ORDER BY 1, 2", [files]).fetchall()
        times.append(time.perf_counter() - t0)
        n = sum(r[2] for r in rows)
    total = con.execute("SELECT count(*) FROM read_parquet(?)", [files]).fetchone()[0]
    con.close()
    return total, statistics.median(times), n


def run(n_docs: int = DEFAULT_DOCS, n_events: int = DEFAULT_EVENTS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        docs = _docs(corpus(n_docs, Path(tmp)))
    local = _local(docs)
    ones, twos, rss = _dask_pair(docs)
    one, two = statistics.median(ones), statistics.median(twos)
    total, q_s, dyad_n = dyad_query(synthetic_parquet(n_events))
    return {"documents": len(docs), "local_docs_per_s": round(local, 1), "dask1_docs_per_s": round(one, 1),
            "dask2_docs_per_s": round(two, 1), "speedup_2_vs_1": round(two / one, 2),
            "speedup_per_round": [round(b / a, 2) for a, b in zip(ones, twos)],
            "peak_rss_per_worker_mb": max(rss), "parquet_events": total,
            "dyad_query_s": round(q_s, 3), "dyad_events": dyad_n}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=DEFAULT_DOCS)
    ap.add_argument("--events", type=int, default=DEFAULT_EVENTS)
    args = ap.parse_args()
    for k, v in run(args.docs, args.events).items():
        print(f"{k:26s} {v}")
