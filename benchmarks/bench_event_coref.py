"""Event coreference cost per event as documents grow (it must stay flat: linear in the events)."""
from __future__ import annotations

import statistics
import time

from muster.code.event_coref import EventCoref
from muster.ingest import from_text
from muster.pipeline import DEFAULT, build

CODER_ONLY = tuple(n for n in DEFAULT if n != "event_coref")
PARAGRAPH = ("Russian drones struck Odesa on {d} August, the regional governor said. "
             "Ukraine accused Russia of the attack on {d} August and summoned the Russian envoy. "
             "Russian missiles also hit Kharkiv on {d} August.")
SIZES = (10, 40, 160)  # paragraphs
REPEAT = 5


def _doc(paragraphs: int):
    text = "\n\n".join(PARAGRAPH.format(d=1 + n % 28) for n in range(paragraphs))
    return build("en", CODER_ONLY)(from_text(text, published="2025-09-04", lang="en"))


def run() -> dict:
    """Median microseconds per event of the event_coref component, per document size."""
    comp = EventCoref("en")
    out = {}
    for size in SIZES:
        doc = _doc(size)
        events = list(doc.events)
        times = []
        for _ in range(REPEAT):
            doc.events = list(events)
            t0 = time.perf_counter()
            comp(doc)
            times.append(time.perf_counter() - t0)
        out[size] = {"events": len(events), "after": len(doc.events),
                     "us_per_event": round(statistics.median(times) / len(events) * 1e6, 1)}
    return out


if __name__ == "__main__":
    print(f"{'paragraphs':>10} {'events':>7} {'after':>6} {'us/event':>9}")
    for size, row in run().items():
        print(f"{size:>10} {row['events']:>7} {row['after']:>6} {row['us_per_event']:>9}")
