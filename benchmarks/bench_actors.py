"""Actor tagger figures: dev-set precision/recall, throughput (docs/s, mentions/s), lexicon build time, peak RSS."""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from _rss import peak_rss_mb

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "actors"
SEED = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
LANGS = ("de", "en", "ru", "uk", "ro", "fr")


def _rows() -> list[dict]:
    rows: list[dict] = []
    for path in sorted(DEV.glob("*.jsonl")):
        rows += [dict(json.loads(x), _file=path.name) for x in path.read_text(encoding="utf-8").splitlines()
                 if x.strip()]
    return rows


def run() -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from muster.annotate.actor_lexicon import lexicon
    from muster.annotate.actors import ActorTagger

    t0 = time.perf_counter()
    for lang in LANGS:
        lexicon(lang)
    build_s = time.perf_counter() - t0
    taggers = {lang: ActorTagger(lang) for lang in LANGS}
    rows = _rows()
    tp = fp = fn = 0
    counts = {True: [0, 0, 0], False: [0, 0, 0]}  # hand-annotated (blind*) vs reviewed output (dev.*)
    for r in rows:
        c = counts[r["_file"].startswith("blind")]
        gold = [(g["text"], g["code"]) for g in r["mentions"]]
        for m in taggers[r["lang"]].tag(r["text"], r.get("date")):
            if (m.text, m.code) in gold:
                gold.remove((m.text, m.code))
                c[0] += 1
            else:
                c[1] += 1
        c[2] += len(gold)
    tp, fp, fn = (counts[True][i] + counts[False][i] for i in range(3))
    btp, bfp, bfn = counts[True]
    # Throughput on short articles: the seed article (about 3,000 characters) when present, else the dev texts.
    docs = [(SEED.read_text(encoding="utf-8"), "de", "2025-11-21")] if SEED.is_file() else \
        [(r["text"], r["lang"], r.get("date")) for r in rows]
    rates, mrates = [], []
    for _ in range(5):
        n_docs = n_mentions = 0
        t = time.perf_counter()
        while time.perf_counter() - t < 0.5:
            for text, lang, date in docs:
                n_mentions += len(taggers[lang].tag(text, date))
                n_docs += 1
        dt = time.perf_counter() - t
        rates.append(n_docs / dt)
        mrates.append(n_mentions / dt)
    return {
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "gold_mentions": tp + fn,
        "blind_precision": btp / max(btp + bfp, 1),
        "blind_recall": btp / max(btp + bfn, 1),
        "blind_gold_mentions": btp + bfn,
        "docs_per_s": statistics.median(rates),
        "mentions_per_s": statistics.median(mrates),
        "lexicon_build_s_all_langs": build_s,
        "peak_rss_mb": peak_rss_mb(),
    }


if __name__ == "__main__":
    res = run()
    width = max(len(k) for k in res)
    for k, v in res.items():
        print(f"{k:<{width}}  {v:.3f}" if isinstance(v, float) else f"{k:<{width}}  {v}")
