"""Export and import throughput (rows/s) for every format on synthetic events, and peak memory.

    python benchmarks/bench_io.py            # 100,000 events, median of 3 runs per format
    BENCH_IO_N=20000 BENCH_IO_REPEAT=1 python benchmarks/bench_io.py
"""
from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from muster.model import Event
from muster.store.io import export_events, import_events
from _rss import peak_rss_mb

N = int(os.environ.get("BENCH_IO_N", "100000"))
REPEAT = int(os.environ.get("BENCH_IO_REPEAT", "3"))
COUNTRIES = ["RUS", "UKR", "AZE", "GEO", "MDA", "ROU", "FRA", "DEU", "USA", "TUR"]
TYPES = [("ASSAULT", "drone", "195"), ("PROTEST", "demo", "141"), ("CONSULT", "visit", "042"),
         ("ACCUSE", "disapprove", "111"), ("SANCTION", "expel", "166"), ("AID", None, "073")]
ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
                "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
                "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
                "tags,timestamp")
ACLED_ROW = ("X{i},2025-{m:02d}-{d:02d},2025,1,Political violence,Explosions/Remote violence,Air/drone strike,"
             "Military Forces of Russia (2000-),,8,Civilians (Ukraine),,7,78,Civilian targeting,804,Europe,Ukraine,"
             "Kharkiv,,,Kharkiv,49.99,36.23,1,Outlet A; Outlet B,National,\"Synthetic note number {i}.\",0,,1763400000")


def synthetic(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        etype, mode, cameo = TYPES[i % len(TYPES)]
        a, r = rnd.sample(COUNTRIES, 2)
        day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        k = 1 + i % 3
        out.append(Event(
            event_type=etype, doc_id=f"doc{i // 4}", mode=mode, cameo=cameo, goldstein=-5.0 + (i % 10),
            evidence={"sentence": f"Synthetic sentence {i} about {a} and {r}.", "start": 10 * (i % 50), "end": 10 * (i % 50) + 40},
            actor={"text": a, "name": a, "code": a + "GOV", "country": a, "sector": "GOV", "implicit": False},
            recipient={"text": r, "name": r, "code": r + "MIL", "country": r, "sector": "MIL", "implicit": False},
            date={"text": None, "value": day, "start": day, "end": day, "granularity": "day"},
            location={"text": "Town", "name": f"Town{i % 100}", "country": r, "admin1": f"Region{i % 7}",
                      "lat": rnd.uniform(-60, 60), "lon": rnd.uniform(-150, 150), "geonameid": 100000 + i % 5000},
            language="en", trigger={"text": "x", "start": i, "end": i + 1},
            sources=[{"doc_id": f"doc{i // 4}-{j}", "url": f"https://outlet{j}.test/{i}", "outlet": f"Outlet{j}",
                      "published": day} for j in range(k)],
        ).to_dict())
    return out


def _rate(fn, n: int) -> float:
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        got = fn()
        times.append(time.perf_counter() - t0)
        assert got == n, (got, n)
    return n / statistics.median(times)


def run() -> dict[str, Any]:
    events = synthetic(N)
    res: dict[str, Any] = {"events": N, "repeat": REPEAT,
                           "rss_with_events_loaded_mb": peak_rss_mb()}
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for fmt in ("jsonl", "csv", "parquet", "gdelt", "plover"):
            files[fmt] = str(Path(tmp) / f"events.{fmt}")
            res[f"export_{fmt}_rows_s"] = round(_rate(lambda: export_events(events, fmt, files[fmt]), N))
            res[f"{fmt}_bytes_per_event"] = round(os.path.getsize(files[fmt]) / N)
        res["peak_rss_after_exports_mb"] = peak_rss_mb()
        acled = Path(tmp) / "acled.csv"
        acled.write_text(ACLED_HEADER + "\n" + "\n".join(
            ACLED_ROW.format(i=i, m=1 + i % 12, d=1 + i % 28) for i in range(N)) + "\n", encoding="utf-8")
        files["acled"] = str(acled)
        for fmt in ("jsonl", "parquet", "gdelt", "acled"):
            res[f"import_{fmt}_rows_s"] = round(_rate(
                lambda: sum(isinstance(x, dict) for x in import_events(files[fmt], fmt)), N))
    res["peak_rss_mb"] = peak_rss_mb()
    return res


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:28s} {value:>12,}" if isinstance(value, (int, float)) else f"{key:28s} {value}")
