"""Place tagger figures: dev-set quality, throughput, memory, index build and cached load time.

    python benchmarks/bench_places.py           # everything
    python benchmarks/bench_places.py --speed   # the places layer alone: seed ms, dev docs/s, peak RSS
    python benchmarks/bench_places.py --compare HEAD  # the same, interleaved with the tagger of a git revision
    python benchmarks/bench_places.py --geo     # LGL and GeoWebNews (../shared/bench) only: recognition, acc@161km
    python benchmarks/bench_places.py --geo --errors lgl  # ... and the misses and wrong resolutions of one set
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
SEED_RUNS = 50

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
import json, sys
from _rss import peak_rss_mb
from pathlib import Path
from muster.model import Document
from muster.pipeline import build
from muster.annotate.places_eval import load_rows
names = tuple(sys.argv[1].split(","))
for row in load_rows(Path(sys.argv[2])):
    build(row["lang"], names)(Document(raw=row["text"], language=row["lang"]))
print(json.dumps({"peak_rss_mb": peak_rss_mb()}))
"""


_CHILD_SPEED = """
import json, statistics, sys, time
from _rss import peak_rss_mb
from pathlib import Path
from muster.model import Document
from muster.pipeline import build
from muster.annotate.places import PlaceTagger
from muster.annotate.places_eval import load_rows
runs, repeat = int(sys.argv[1]), int(sys.argv[2])
def before(text, lang):  # the layers places reads, as in the pipeline
    return build(lang, ("sentences", "actors"))(Document(raw=text, language=lang, published="2025-01-01"))
seed = before(Path(sys.argv[3]).read_text(encoding="utf-8"), "de")
docs = [(before(r["text"], r["lang"]), r["lang"]) for r in load_rows(Path(sys.argv[4]))]
taggers = {lang: PlaceTagger(lang) for lang in {"de"} | {lang for _, lang in docs}}
taggers["de"].find(seed)
seed_ms = []
for _ in range(runs):
    t0 = time.perf_counter(); taggers["de"].find(seed); seed_ms.append((time.perf_counter() - t0) * 1000)
passes = []
for _ in range(repeat):
    t0 = time.perf_counter()
    for d, lang in docs:
        taggers[lang].find(d)
    passes.append(time.perf_counter() - t0)
print(json.dumps({"seed_ms_median": statistics.median(seed_ms), "seed_ms_min": min(seed_ms),
                  "dev_docs": len(docs), "dev_docs_per_s": len(docs) / statistics.median(passes),
                  "peak_rss_mb": peak_rss_mb()}))
"""


_CHILD_COMPARE = """
import importlib.util, json, statistics, sys, time
from pathlib import Path
from muster.model import Document
from muster.pipeline import build, register
from muster.annotate import places as new
from muster.annotate.gazetteer import gazetteer
from muster.annotate.gazetteer_names import fold
from muster.annotate.places_eval import load_rows
def load(name, path):
    spec = importlib.util.spec_from_file_location("muster.annotate." + name, path)
    mod = importlib.util.module_from_spec(spec); sys.modules[spec.name] = mod; spec.loader.exec_module(mod)
    return mod
folder, runs, repeat, seed_path, dev, cold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6] == "1"
load("_old_gazetteer_names", folder + "/gazetteer_names.py")
old_gz = load("_old_gazetteer", folder + "/gazetteer.py")
old = load("_old_places", folder + "/places.py")
old_fold = old.fold
register("places")(new.make)  # loading the old module registered its own factory
def before(text, lang):
    return build(lang, ("sentences", "actors"))(Document(raw=text, language=lang, published="2025-01-01"))
seed = before(Path(seed_path).read_text(encoding="utf-8"), "de")
docs = [(before(r["text"], r["lang"]), r["lang"]) for r in load_rows(Path(dev))]
langs = {"de"} | {lang for _, lang in docs}
gaz = {"old": old_gz.Gazetteer(gazetteer().path), "new": gazetteer()}
make = {"old": lambda lang: old.PlaceTagger(lang, gaz["old"]), "new": lambda lang: new.PlaceTagger(lang, gaz["new"])}
taggers = {k: {lang: f(lang) for lang in langs} for k, f in make.items()}
for k in taggers:
    taggers[k]["de"].find(seed)
def reset(k):  # cold: no cache of names, words or candidates from earlier documents
    if cold:
        fold.cache_clear(); old_fold.cache_clear()
        for attr in ("_cache", "_probed"):
            getattr(gaz[k], attr, {}).clear()
        taggers[k] = {lang: make[k](lang) for lang in langs}
seed_ms, dev_s = {k: [] for k in taggers}, {k: [] for k in taggers}
for r in range(runs):
    for k in taggers:
        reset(k)
        t0 = time.perf_counter(); taggers[k]["de"].find(seed); seed_ms[k].append((time.perf_counter() - t0) * 1000)
    if r % max(1, runs // repeat) == 0:
        for k in taggers:
            reset(k)
            t0 = time.perf_counter()
            for d, lang in docs:
                taggers[k][lang].find(d)
            dev_s[k].append(time.perf_counter() - t0)
out = {}
for k in taggers:
    out[f"{k}_seed_ms_median"] = statistics.median(seed_ms[k])
    out[f"{k}_dev_docs_per_s"] = len(docs) / statistics.median(dev_s[k])
out["speedup_seed"] = out["old_seed_ms_median"] / out["new_seed_ms_median"]
out["speedup_dev"] = out["new_dev_docs_per_s"] / out["old_dev_docs_per_s"]
print(json.dumps(out))
"""


def compare(rev: str, cold: bool = False) -> dict:
    """Seed ms and dev docs/s of this tagger and of the one at git revision `rev`, interleaved in one process."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("places", "gazetteer", "gazetteer_names"):
            src = subprocess.run(["git", "show", f"{rev}:src/muster/annotate/{name}.py"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout
            for other in ("gazetteer_names", "gazetteer"):  # the old modules import each other
                src = src.replace(f"from .{other} import", f"from ._old_{other} import")
            (Path(tmp) / f"{name}.py").write_text(src, encoding="utf-8")
        figures = _child(_CHILD_COMPARE, tmp, str(SEED_RUNS), str(REPEAT), str(SEED), str(DEV), "1" if cold else "0")
    return {("cold_" if cold else "") + k: v for k, v in figures.items()}


def speed() -> dict:
    """The places layer alone, in one process, on documents that already carry sentences and actors."""
    return _child(_CHILD_SPEED, str(SEED_RUNS), str(REPEAT), str(SEED), str(DEV))


def _child(code: str, *args: str, env: dict | None = None) -> dict:
    path = os.pathsep.join(p for p in (str(Path(__file__).resolve().parent), os.environ.get("PYTHONPATH")) if p)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": path, **(env or {})})  # the child imports _rss
    return json.loads(out.stdout.strip().splitlines()[-1])


GEO_BENCH = ROOT.parent / "shared" / "bench"
GEO_RADIUS_KM = 161.0


def _geo_gold(name: str) -> list[tuple[str, list[tuple[int, int, float, float, str]]]]:
    """(text, [(start, end, lat, lon, phrase)]) of every article, with the benchmark's own unit rules."""
    import xml.etree.ElementTree as ET

    if name == "lgl":
        root = ET.parse(GEO_BENCH / "lgl" / "lgl.dev.xml").getroot()
        out = []
        for a in root.iter("article"):
            units = []
            for t in a.iter("toponym"):
                g = t.find("gaztag")
                if g is not None and (g.findtext("lat") or "").strip():
                    units.append((int(t.findtext("start")), int(t.findtext("end")), float(g.findtext("lat")),
                                  float(g.findtext("lon")), t.findtext("phrase") or ""))
            out.append((a.findtext("text") or "", units))
        return out
    root = ET.parse(GEO_BENCH / "gwn" / "GWN.dev.xml").getroot()
    out = []
    for a in root.iter("article"):
        units = []
        for t in a.iter("toponym"):
            lat = (t.findtext("latitude") or "").strip()
            if t.findtext("nonLocational") != "Yes" and lat:
                units.append((int(t.findtext("start")), int(t.findtext("end")), float(lat),
                              float(t.findtext("longitude")), t.findtext("extractedName") or ""))
        out.append((a.findtext("text") or "", units))
    return out


def _geo_predict(text: str) -> list[tuple[int, int, float, float, str]]:
    """The places `muster places - --lang en` prints, as (start, end, lat, lon, name) in the input text."""
    from muster.ingest.readers import iter_documents
    from muster.model import Document
    from muster.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        docs = [d for d in iter_documents([str(path)], lang="en") if isinstance(d, Document)]
    out = []
    for doc in docs:
        for p in build(doc.language or "en", ("sentences", "places"))(doc).places:
            if p.lat is None or p.lon is None:
                continue
            at = text.find(p.text, p.start)  # the span is a starting point: the text is looked for from there
            if at >= 0:
                out.append((at, at + len(p.text), p.lat, p.lon, f"{p.name} {p.country} {p.feature}"))
    return out


def geo(name: str, errors: bool = False) -> dict:
    """Recognition precision/recall/F1 and acc@161km (of all gold toponyms and of recognised ones)."""
    from muster.annotate.gazetteer import distance_km

    n_gold = n_rec = n_within = n_pred = n_pred_ok = 0
    for text, gold in _geo_gold(name):
        preds = _geo_predict(text)
        n_gold += len(gold)
        n_pred += len(preds)
        n_pred_ok += sum(any(ps < e and pe > s for s, e, *_ in gold) for ps, pe, *_ in preds)
        for s, e, lat, lon, phrase in gold:
            over = [p for p in preds if p[0] < e and p[1] > s]
            within = any(distance_km(p[2], p[3], lat, lon) <= GEO_RADIUS_KM for p in over)
            n_rec += bool(over)
            n_within += within
            if errors and not within:
                ctx = text[max(0, s - 40):e + 20].replace("\n", " ")
                got = "; ".join(f"{p[4]} {distance_km(p[2], p[3], lat, lon):.0f}km" for p in over) or "MISSED"
                print(f"{name}\t{phrase}\t{got}\t...{ctx}...")
    p = n_pred_ok / n_pred if n_pred else 0.0
    r = n_rec / n_gold if n_gold else 0.0
    return {f"{name}_gold": n_gold, f"{name}_precision": p, f"{name}_recall": r,
            f"{name}_f1": 2 * p * r / (p + r) if p + r else 0.0,
            f"{name}_acc161_all": n_within / n_gold if n_gold else 0.0,
            f"{name}_acc161_recognised": n_within / n_rec if n_rec else 0.0}


def geo_all(errors: str = "") -> dict:
    """LGL and GeoWebNews development halves, when ../shared/bench is there."""
    if not (GEO_BENCH / "lgl").is_dir() or not (GEO_BENCH / "gwn").is_dir():
        return {"geo_bench": f"not found: {GEO_BENCH} (LGL and GeoWebNews figures skipped)"}
    out: dict = {}
    for name in ("lgl", "gwn"):
        out.update(geo(name, errors=errors == name))
    return out


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

    def locations(text: str, lang: str):  # the development set annotates places named as locations only
        return [p for p in tag_places(text, lang) if not p.reference]

    r = score(rows, locations)
    figures.update(gold=r["gold"], accuracy_50km=r["accuracy_50km"], precision=r["precision"], recall=r["recall"])
    try:  # as in the pipeline, after the actors layer (its countries weigh in)
        from muster.model import Document
        from muster.pipeline import build

        def after_actors(text: str, lang: str):
            doc = Document(raw=text, language=lang, published="2025-01-01")
            return [p for p in build(lang, ("sentences", "actors", "places"))(doc).places if not p.reference]

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
    # the places layer alone on documents that carry sentences and actors (one process, warm caches)
    figures.update({f"layer_{k}": v for k, v in speed().items()})
    # memory: a process with the places tagger alone, and one with actors and places
    figures.update(geo_all())
    figures["peak_rss_mb_places"] = _child(_CHILD_RSS, "sentences,places", str(DEV))["peak_rss_mb"]
    try:
        figures["peak_rss_mb_actors_places"] = _child(_CHILD_RSS, "sentences,actors,places", str(DEV))["peak_rss_mb"]
    except subprocess.CalledProcessError as exc:
        figures["peak_rss_mb_actors_places"] = f"failed: {exc.stderr.strip().splitlines()[-1:]}"
    return figures


if __name__ == "__main__":
    if "--compare" in sys.argv[1:]:
        rev = sys.argv[sys.argv.index("--compare") + 1]
        result = {**compare(rev), **compare(rev, cold=True)}
    elif "--geo" in sys.argv[1:]:
        which = sys.argv[sys.argv.index("--errors") + 1] if "--errors" in sys.argv[1:] else ""
        result = geo_all(which)
    else:
        result = speed() if "--speed" in sys.argv[1:] else run()
    for k, v in result.items():
        print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
