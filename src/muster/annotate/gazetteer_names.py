"""Name folding and the expansion of admin-1 stems into region names by per-language patterns."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..lang import load_yaml

_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'"})
_SEP = re.compile(r"[\s\-‐‑–—.]+")


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lookup key of a name: no diacritics, case-folded, apostrophes unified, hyphens/dashes/dots as spaces."""
    if name.isascii():
        if name.isalpha():  # one plain word: no separator to replace, nothing to strip
            return name.lower()
        return _SEP.sub(" ", name.replace("`", "'").lower()).strip()
    s = unicodedata.normalize("NFKD", name.translate(_APOS))
    if not s.isascii():
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold()
    return s if s.isalpha() else _SEP.sub(" ", s).strip()


def _case(stem: str, rules: list[list[str]]) -> str:
    """Apply the first matching suffix rule [old, new] to a (possibly multi-word) adjective stem."""
    words = stem.split(" ")
    out = []
    for w in words:
        for old, new in rules:
            if w.endswith(old):
                w = w[: len(w) - len(old)] + new
                break
        out.append(w)
    return " ".join(out)


def admin1_names(lang: str, kind: str, stems: str) -> list[str]:
    """Every region name a row's stems give in `lang`: '=Name' as is, stems through the kind's patterns."""
    y = load_yaml(lang, "places.yaml") or {}
    patterns = (y.get("admin1_patterns") or {}).get(kind) or ["{X}"]
    cases = y.get("adjective_cases") or {}
    out: list[str] = []
    for stem in filter(None, (s.strip() for s in stems.split("|"))):
        if stem.startswith("="):
            out.append(stem[1:])
            continue
        for pat in patterns:
            m = re.search(r"\{X(?::(\w+))?\}", pat)
            if not m:
                continue
            x = _case(stem, cases.get(m.group(1), [])) if m.group(1) else stem
            out.append(pat[: m.start()] + x + pat[m.end():])
    return out
