"""PLOVER types, modes, contexts and CAMEO codes/Goldstein scores, loaded from muster/data tables.

PLOVER (c) Open Event Data Alliance (openeventdata/PLOVER), CC BY-SA 4.0; tables derived by
tools/build_ontology.py from shared/reference/.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..lang import parse_yaml

from ..data import path

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in path(name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows[1:]  # header


@lru_cache(maxsize=1)
def plover() -> dict[str, Any]:
    """The parsed plover.yaml: {"types": {TYPE: {quad, modes, score, mode_scores}}, "contexts": [...]}."""
    return parse_yaml(path("plover.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    return {r[0]: float(r[1]) for r in _tsv("cameo_goldstein.tsv") if len(r) >= 2}


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    out = {}
    for r in _tsv("cameo_plover.tsv"):
        r = r + [""] * (4 - len(r))
        out[r[0]] = (r[1], r[2].strip(), tuple(c for c in r[3].split(";") if c))
    return out


def goldstein(cameo: str | None) -> float | None:
    """Goldstein value of a CAMEO code, falling back to its parent code."""
    table = goldstein_table()
    code = cameo or ""
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def plover_score(event_type: str, mode: str | None = None) -> float | None:
    t = plover()["types"].get(event_type) or {}
    if mode and mode in (t.get("mode_scores") or {}):
        return t["mode_scores"][mode]
    return t.get("score")


def cameo_to_plover(cameo: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(PLOVER type, mode, contexts) for a CAMEO code, or None when PLOVER drops it."""
    return cameo_table().get(cameo)


def quad_class(event_type: str) -> str | None:
    return (plover()["types"].get(event_type) or {}).get("quad")


def is_type(name: str) -> bool:
    return name in plover()["types"]


def is_mode(event_type: str, mode: str) -> bool:
    return mode in ((plover()["types"].get(event_type) or {}).get("modes") or [])


def is_context(name: str) -> bool:
    return name in plover()["contexts"]


@lru_cache(maxsize=1)
def mode_cameo_table() -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in _tsv("mode_cameo.tsv") if len(r) >= 3}


def mode_cameo(event_type: str, mode: str | None) -> str | None:
    """The CAMEO code muster uses for a type+mode (e.g. ASSAULT aerial -> 195), or None."""
    return mode_cameo_table().get((event_type, mode or ""))
