"""The temporal tagger reproduces its recorded outputs exactly (tests/data/times/golden_outputs.jsonl).

The record holds its own input texts (dev sentences, the dev files joined into long texts, the
sample corpus, the event corpus and the seed article, each with fixed anchors), so a change in
ingest or in the sentence splitter does not move it; sentence bounds come from the tagger's own
punctuation fallback. Regenerate only on purpose, after checking the differences:

    python tests/annotate/test_times_golden.py --write
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from muster.annotate.times import _SENT, parse_anchor, tag
from muster.annotate.timex_lexicon import lexicon

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "times"
GOLDEN = DATA / "golden_outputs.jsonl"
SEED = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
ANCHORS = ("2025-11-21", None)


def _bounds(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENT.finditer(text)]


def run_tagger(text: str, anchor: str | None, lang: str) -> list[dict[str, Any]]:
    return [t.as_json() for t in tag(lexicon(lang), text, parse_anchor(anchor), _bounds(text))]


def _inputs() -> list[dict[str, Any]]:
    """Every (source, lang, anchor, text) the record covers; needs ingest for the documents."""
    import glob

    from muster.ingest import iter_documents

    out: list[dict[str, Any]] = []
    for p in sorted(DATA.glob("*.jsonl")):
        if p == GOLDEN:
            continue
        rows = [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
        for i, r in enumerate(rows):
            out.append({"src": f"{p.name}:{i}", "lang": r["lang"], "anchor": r["anchor"], "text": r["sentence"]})
        by_lang: dict[str, list[str]] = {}
        for r in rows:
            by_lang.setdefault(r["lang"], []).append(r["sentence"])
        for lang, sents in by_lang.items():
            for anchor in ANCHORS:
                out.append({"src": f"{p.name}:joined", "lang": lang, "anchor": anchor, "text": "\n".join(sents)})
    paths = sorted(glob.glob(str(ROOT / "src" / "muster" / "data" / "sample" / "*")))
    paths += sorted(glob.glob(str(ROOT / "tests" / "data" / "events" / "*.txt")))
    if SEED.is_file():
        paths.append(str(SEED))
    for doc in iter_documents(paths):
        text = getattr(doc, "clean", None)
        if not text:
            continue
        for anchor in ANCHORS:
            out.append({"src": f"doc:{doc.id}", "lang": doc.language or "de", "anchor": anchor, "text": text})
    return out


def write() -> int:
    lines = []
    for rec in _inputs():
        rec["times"] = run_tagger(rec["text"], rec["anchor"], rec["lang"])
        lines.append(json.dumps(rec, ensure_ascii=False))
    GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def _load() -> list[dict[str, Any]]:
    if not GOLDEN.is_file():
        return []
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


RECORDS = _load()


def test_times_golden_record_covers_every_language_and_long_texts() -> None:
    assert len(RECORDS) >= 500
    assert {r["lang"].split("-")[0] for r in RECORDS} >= {"de", "en", "ru", "uk", "ro", "fr"}
    assert sum(len(r["times"]) for r in RECORDS) >= 1000
    assert max(len(r["text"]) for r in RECORDS) >= 3000
    assert GOLDEN.stat().st_size < 1_000_000


@pytest.mark.parametrize("lang", sorted({r["lang"] for r in RECORDS}))
def test_times_golden_outputs_reproduced_exactly(lang: str) -> None:
    diffs = []
    for r in RECORDS:
        if r["lang"] != lang:
            continue
        got = run_tagger(r["text"], r["anchor"], r["lang"])
        if got != r["times"]:
            diffs.append((r["src"], r["anchor"], [t for t in got if t not in r["times"]],
                          [t for t in r["times"] if t not in got]))
    assert diffs == []


if __name__ == "__main__":
    if "--write" in sys.argv:
        print(f"{write()} records written to {GOLDEN}")
