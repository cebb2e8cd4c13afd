"""Store benchmark: streamed export (rows/s, memory growth), resolution of one large block (time ratio
for 4x the events), dyad timeline over 1,000,000 events with its query plan, and full-pipeline ingest docs/s."""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from muster.ingest import from_text
from muster.store import Store
from muster.store.query import EventQuery, dyad_timeline, select_events
from muster.workflow import ingest_documents
from _rss import peak_rss_mb

COUNTRIES = ["RUS", "UKR", "AZE", "ARM", "GEO", "MDA", "ROU", "DEU", "FRA", "USA", "CHN", "TUR", "IRN", "POL",
             "BLR", "KAZ", "GBR", "ISR", "SYR", "IRQ"]
TYPES = ["ASSAULT", "ACCUSE", "CONSULT", "AID", "COERCE", "SANCTION", "AGREE", "PROTEST", "THREATEN", "REJECT"]


def synthetic(n: int, seed: int = 7):
    rnd = random.Random(seed)
    for i in range(n):
        a, r = rnd.sample(COUNTRIES, 2)
        day = f"{rnd.randint(2015, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        yield {"id": f"s{i:07d}", "doc_id": f"synthetic:{i // 5}", "event_type": rnd.choice(TYPES), "mode": None,
               "context": [], "cameo": None, "goldstein": round(rnd.uniform(-10, 10), 1),
               "actor": {"country": a, "code": a + "GOV"}, "recipient": {"country": r, "code": r},
               "date": {"value": day, "start": day, "end": day, "granularity": "day"}, "location": None,
               "attribution": None, "negated": False, "hypothetical": False,
               "evidence": {"sentence": f"synthetic event {i}", "start": 0, "end": 10},
               "sources": [{"doc_id": f"synthetic:{i // 5}", "url": None, "outlet": "Synthetic", "published": day}]}


def timeline_bench(n: int = 1_000_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        batch = []
        for e in synthetic(n):
            batch.append(e)
            if len(batch) == 20_000:
                store.add_events(batch, "synthetic")
                batch = []
        if batch:
            store.add_events(batch, "synthetic")
        load_s = time.perf_counter() - t0
        store.execute("ANALYZE")
        times = []
        for a, b in [("AZE", "RUS"), ("UKR", "RUS"), ("DEU", "FRA"), ("USA", "CHN"), ("ARM", "AZE")] * 3:
            t = time.perf_counter()
            rows = dyad_timeline(store, a, b, by="month", table="events")
            times.append(time.perf_counter() - t)
        sql, params = EventQuery(dyad="AZE-RUS", since="2020-01-01").sql("events")
        t = time.perf_counter()
        n_rows = len(select_events(store, EventQuery(dyad="AZE-RUS", since="2020-01-01", limit=100000)))
        select_s = time.perf_counter() - t
        plan = [r[3] for r in store.execute(
            "EXPLAIN QUERY PLAN SELECT substr(date_start,1,7), quad, count(*) FROM events "
            "WHERE actor_country=? AND recipient_country=? AND date_start IS NOT NULL AND negated=0 "
            "AND hypothetical=0 GROUP BY 1, 2", ("AZE", "RUS"))]
        store.close()
    return {"events": n, "load_events_per_s": n / load_s, "timeline_median_s": statistics.median(times),
            "timeline_max_s": max(times), "timeline_rows": len(rows), "dyad_select_rows": n_rows,
            "dyad_select_s": select_s, "plan": " | ".join(plan)}


def ingest_bench(n: int = 300) -> dict:
    rnd = random.Random(3)
    templates = [
        ("en", "Russian forces shelled {city} on {d} March 2025, officials said. {nat} summoned the ambassador."),
        ("de", "Am {d}. März 2025 griffen russische Drohnen {city} an. Die Regierung in Berlin verurteilte den Angriff."),
        ("ru", "{d} марта 2025 года российские войска обстреляли {city}. МИД Украины вызвал посла."),
    ]
    docs = []
    for i in range(n):
        lang, t = templates[i % 3]
        text = t.format(city=rnd.choice(["Kharkiv", "Odesa", "Kyiv", "Dnipro"]), d=1 + i % 28,
                        nat=rnd.choice(["Ukraine", "Poland"])) + f" Report {i}."
        docs.append(from_text(text, published="2025-03-30", lang=lang))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "ingest.db")
        t0 = time.perf_counter()
        s = ingest_documents(store, docs, run_id="bench")
        secs = time.perf_counter() - t0
        store.close()
    return {"docs": n, "ingest_docs_per_s": n / secs, "ingest_events": s["events"], "ingest_incidents": s.get("incidents_touched", 0)}


def _vague(i: int, rnd: random.Random) -> dict:
    """A synthetic event of one block (ASSAULT on UKR) with a day, month or year date and a place."""
    e = next(synthetic(1, seed=i))
    e["id"], e["event_type"], e["recipient"] = f"r{i:07d}", "ASSAULT", {"country": "UKR", "code": "UKR"}
    y, m, d = rnd.randint(2015, 2025), rnd.randint(1, 12), rnd.randint(1, 28)
    kind = rnd.random()
    if kind < 0.7:
        s = t = f"{y}-{m:02d}-{d:02d}"
    elif kind < 0.9:
        s, t = f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"
    else:
        s, t = f"{y}-01-01", f"{y}-12-31"
    e["date"] = {"value": None, "start": s, "end": t, "granularity": "range"}
    e["location"] = {"name": "P", "country": "UKR", "lat": 46 + rnd.random() * 5, "lon": 30 + rnd.random() * 5}
    return e


def resolution_bench(sizes: tuple[int, ...] = (5_000, 20_000)) -> dict:
    """Resolution of one block of n events (the worst case: everything in one block): seconds, and
    the ratio of times for the largest to the smallest block (linear work: the ratio of sizes)."""
    from muster.resolve import resolve_block

    out, times = {}, []
    for n in sizes:
        rnd = random.Random(n)
        events = [_vague(i, rnd) for i in range(n)]
        t0 = time.perf_counter()
        incs = resolve_block(events)
        times.append(time.perf_counter() - t0)
        out[f"resolve_{n}_events_s"] = round(times[-1], 2)
        out[f"resolve_{n}_incidents"] = len(incs)
    out["resolve_time_ratio"] = round(times[-1] / times[0], 1)
    out["resolve_size_ratio"] = sizes[-1] // sizes[0]
    return out


def export_bench(n: int = 200_000) -> dict:
    """`iter_rows` over n events (what `muster export` and `muster events --format jsonl` stream):
    rows/s and the growth of peak memory while streaming (flat when nothing is held)."""
    from muster.store.query import iter_rows

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "export.db")
        batch = []
        for e in synthetic(n, seed=11):
            batch.append(e)
            if len(batch) == 20_000:
                store.add_events(batch, "synthetic")
                batch = []
        if batch:
            store.add_events(batch, "synthetic")
        before = peak_rss_mb()
        t0 = time.perf_counter()
        rows = sum(1 for _ in iter_rows(store, EventQuery(), "events"))
        secs = time.perf_counter() - t0
        store.close()
    return {"export_rows": rows, "export_rows_per_s": round(rows / secs), "export_peak_rss_growth_mb":
            round(peak_rss_mb() - before, 1)}


def run(n: int = 1_000_000) -> dict:
    out = {}
    out.update(export_bench())  # first: its memory figure must not hide under a later peak
    out.update(resolution_bench())
    out.update(ingest_bench())
    out.update(timeline_bench(n))
    out["peak_rss_mb"] = peak_rss_mb()
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    for k, v in run(n).items():
        print(f"{k:24s} {v}")
