"""Store benchmark: dyad timeline over 1,000,000 events, its query plan, and full-pipeline ingest docs/s."""
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


def run(n: int = 1_000_000) -> dict:
    out = {}
    out.update(ingest_bench())
    out.update(timeline_bench(n))
    out["peak_rss_mb"] = peak_rss_mb()
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    for k, v in run(n).items():
        print(f"{k:24s} {v}")
