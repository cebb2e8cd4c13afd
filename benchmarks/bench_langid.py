"""Language identifiers compared on tests/data/ingest/langid.tsv: accuracy, ms per doc, installed size.

    python benchmarks/bench_langid.py
"""
from __future__ import annotations

import importlib.util
import statistics
import time
from pathlib import Path

from muster.lang import SUPPORTED

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "ingest" / "langid.tsv"
LANGS = SUPPORTED  # every language folder (src/muster/lang/<code>/language.yaml)
SHORT_WORDS = 6  # items with at most this many words count as short


def load() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def _size_mb(*packages: str) -> float:
    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            total += sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())
    return total / 1e6


def _py3langid():
    from muster.ingest import langid
    langid._identifier.cache_clear()  # count the model load even when another benchmark loaded it
    return lambda text: langid.identify(text)[0]


def _py3langid_all():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    return lambda text: ident.classify(text)[0]


def _langdetect():
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0

    def guess(text: str) -> str:
        try:
            ranked = [r for r in detect_langs(text) if r.lang in LANGS]
        except LangDetectException:
            return "?"
        return ranked[0].lang if ranked else "?"
    return guess


CANDIDATES = {
    f"py3langid ({len(LANGS)} langs, chosen)": (_py3langid, ("py3langid",)),
    "py3langid (all 97 langs)": (_py3langid_all, ("py3langid",)),
    f"langdetect (filtered to {len(LANGS)})": (_langdetect, ("langdetect",)),
}


def run(repeat: int = 3) -> dict:
    rows = load()
    out = {"items": len(rows)}
    for name, (factory, packages) in CANDIDATES.items():
        t0 = time.perf_counter()
        guess = factory()
        guess(rows[0][1])
        load_ms = (time.perf_counter() - t0) * 1000
        timings, hits = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            hits = [guess(text) == lang for lang, text in rows]
            timings.append((time.perf_counter() - t) * 1000 / len(rows))
        short = [h for h, (_, text) in zip(hits, rows) if len(text.split()) <= SHORT_WORDS]
        long = [h for h, (_, text) in zip(hits, rows) if len(text.split()) > SHORT_WORDS]
        out[name] = {"accuracy": sum(hits) / len(hits), "acc_short": sum(short) / len(short),
                     "acc_long": sum(long) / len(long), "ms_per_doc": statistics.median(timings),
                     "load_ms": load_ms, "size_mb": _size_mb(*packages)}
    return out


if __name__ == "__main__":
    res = run()
    print(f"{res['items']} labelled items ({DATA.relative_to(ROOT)})")
    print(f"{'identifier':30} {'acc':>6} {'short':>6} {'long':>6} {'ms/doc':>7} {'load ms':>8} {'MB':>6}")
    for name, r in res.items():
        if isinstance(r, dict):
            print(f"{name:30} {r['accuracy']:6.3f} {r['acc_short']:6.3f} {r['acc_long']:6.3f} "
                  f"{r['ms_per_doc']:7.3f} {r['load_ms']:8.0f} {r['size_mb']:6.1f}")
