"""Place tagger figures: dev-set quality, throughput, memory, index build and cached load time.

    python benchmarks/bench_places.py
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "places"
SEED = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
REPEAT = 5

_CHILD_LOAD = """
import time, json
t0 = time.perf_counter()
from muster.annotate.places import PlaceTagger
from muster.annotate.gazetteer import gazetteer
from muster.annotate.gazetteer_names import fold
t1 = time.perf_counter()
g = gazetteer(); g.lookup([fold("Kiew")]); PlaceTagger("de")
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1}))
"""

_CHILD_RSS = """
import json, resource, sys
from pathlib import Path
from muster.model import Document
from muster.pipeline import build
from muster.annotate.places_eval import load_rows
names = tuple(sys.argv[1].split(","))
for row in load_rows(Path(sys.argv[2])):
    build(row["lang"], names)(Document(raw=row["text"], language=row["lang"]))
print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str, env: dict | None = None) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})})
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> dict:
    from muster.annotate import gazetteer as gz
    from muster.annotate.places import tag_places
    from muster.annotate.places_eval import load_rows, score

    figures: dict = {}
    # index build (fresh cache dir, in a child process as at first use) and cached load
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", gz.BUILD_CMD, str(Path(tmp) / "g.sqlite")], check=True)
        figures["index_build_s"] = time.perf_counter() - t0
        figures["index_mb"] = (Path(tmp) / "g.sqlite").stat().st_size / 2**20
    gz.ensure_index()
    loads = [_child(_CHILD_LOAD) for _ in range(3)]
    figures["import_s"] = statistics.median(x["import_s"] for x in loads)
    figures["cached_load_s"] = statistics.median(x["load_s"] for x in loads)  # index open + tagger data
    # quality on the development set
    rows = load_rows(DEV)
    r = score(rows, tag_places)
    figures.update(gold=r["gold"], accuracy_50km=r["accuracy_50km"], precision=r["precision"], recall=r["recall"])
    try:  # as in the pipeline, after the actors layer (its countries weigh in)
        from muster.model import Document
        from muster.pipeline import build

        def after_actors(text: str, lang: str):
            doc = Document(raw=text, language=lang, published="2025-01-01")
            return build(lang, ("sentences", "actors", "places"))(doc).places

        figures["accuracy_50km_after_actors"] = score(rows, after_actors)["accuracy_50km"]
    except Exception as exc:  # the actors component is another module's: report, do not fail
        figures["accuracy_50km_after_actors"] = f"failed: {type(exc).__name__}: {exc}"
    # throughput: the development texts and the seed article, median of REPEAT passes
    texts = [(row["text"], row["lang"]) for row in rows]
    if SEED.is_file():
        texts.append((SEED.read_text(encoding="utf-8"), "de"))
    chars = sum(len(t) for t, _ in texts)
    times, n_places = [], 0
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        n_places = sum(len(tag_places(t, lang)) for t, lang in texts)
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    figures.update(docs_per_s=len(texts) / med, places_per_s=n_places / med, kchars_per_s=chars / med / 1000)
    # memory: a process with the places tagger alone, and one with actors and places
    figures["peak_rss_mb_places"] = _child(_CHILD_RSS, "sentences,places", str(DEV))["peak_rss_mb"]
    try:
        figures["peak_rss_mb_actors_places"] = _child(_CHILD_RSS, "sentences,actors,places", str(DEV))["peak_rss_mb"]
    except subprocess.CalledProcessError as exc:
        figures["peak_rss_mb_actors_places"] = f"failed: {exc.stderr.strip().splitlines()[-1:]}"
    return figures


if __name__ == "__main__":
    for k, v in run().items():
        print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
