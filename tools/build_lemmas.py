#!/usr/bin/env python3
"""Derive the small per-language lemma tables (src/muster/lang/<code>/lemmas.tsv) the event coder uses.

    python3 tools/build_lemmas.py [LANG ...]     # default: every language folder (muster.lang.SUPPORTED)

simplemma ships whole-language dictionaries that take seconds to load; the coder only needs the word
forms whose lemma one of its patterns or word lists can match (lang/<code>/events.yaml, modality.yaml).
This keeps those (form -> lemma) pairs from simplemma's dictionary, so `muster extract` starts fast.
(Participle endings are matched on the written form and are left out.) Re-run after editing the patterns. Lemma data: simplemma (MIT licence), derived from its dictionaries.
"""
from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path

import yaml
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parents[1]
LANG = ROOT / "src" / "muster" / "lang"


def _words(obj) -> list[str]:
    """Every string glob in a YAML structure (trigger strings split into their steps)."""
    out: list[str] = []
    if isinstance(obj, str):
        for part in obj.split():
            if part in ("...", "~"):
                continue
            out.extend(a.strip().lstrip("^").lower() for a in part.split("|") if a.strip())
    elif isinstance(obj, list):
        for x in obj:
            out.extend(_words(x))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("id", "type", "mode", "cameo", "context", "participle", "passive"):
                continue
            if k == "targets" and isinstance(v, dict):
                out.extend(_words(list(v)))
                continue
            out.extend(_words(v))
    return out


def _matches_almost_all(glob: str) -> bool:
    """A wildcard glob with fewer than two literal letters ("[a-zăîșț0-9]*", "*a") would keep the whole
    dictionary; such globs (word-class guards, not trigger words) need no lemma rows."""
    if not any(c in glob for c in "*?["):
        return False
    return len(re.sub(r"\[[^\]]*\]|[*?]", "", glob)) < 2


def globs(lang: str) -> re.Pattern[str]:
    words: list[str] = []
    for name in ("events.yaml", "modality.yaml", "attribution.yaml"):
        p = LANG / lang / name
        if p.is_file():
            words.extend(_words(yaml.safe_load(p.read_text(encoding="utf-8"))))
    words = sorted({w for w in words if w and not isinstance(w, bool) and not _matches_almost_all(w)})
    return re.compile("|".join(f"(?:{fnmatch.translate(w)})" for w in words))


def build(lang: str) -> int:
    rx = globs(lang)
    table = DefaultDictionaryFactory().get_dictionary(lang)
    rows: dict[str, str] = {}
    for form, lemma in table.items():
        form, lemma = str(form), str(lemma)
        lemma_l = lemma.lower()
        if not rx.fullmatch(lemma_l) or form.lower() == lemma_l:
            continue
        rows[form] = lemma_l  # case kept: "Angriffe" -> angriff (noun), "angriffe" -> angreifen (verb)
    out = LANG / lang / "lemmas.tsv"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# form (case as written)\tlemma -- derived by tools/build_lemmas.py from simplemma's dictionary (MIT); do not edit\n")
        for form in sorted(rows):
            fh.write(f"{form}\t{rows[form]}\n")
    return len(rows)


def main() -> None:
    from muster.lang import SUPPORTED

    langs = sys.argv[1:] or list(SUPPORTED)
    for lang in langs:
        print(lang, build(lang))


if __name__ == "__main__":
    main()
