"""Dated office-holder lookup: who held which office on a date, and how a person is coded then."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .actor_lexicon import _data_yaml

OPEN = "9999-12-31"


def _active(office: dict[str, Any], date: str) -> bool:
    start = str(office.get("from") or "0000-01-01")
    end = str(office.get("to") or OPEN)
    return start <= date <= end


def person_sector(attrs: dict[str, Any], date: str | None) -> tuple[str | None, str, str | None]:
    """(sector, status, org) of a listed person on `date`: GOV in office, ELI after it, else the listed sector.

    Without a date an open term counts as current. Status is "in office", "former", "not yet" or "";
    org is the organisation code when the office is in one (NATO secretary general -> "NATO").
    """
    offices = attrs.get("offices") or []
    day = date or OPEN
    for o in offices:
        if _active(o, day):
            return (None if o.get("org") else o.get("sector", "GOV")), "in office", o.get("org")
    if offices:
        if all(str(o.get("from") or "") > day for o in offices):
            return attrs.get("sector"), "not yet", None
        return attrs.get("sector") or "ELI", "former", None
    return attrs.get("sector"), "", None


@lru_cache(maxsize=None)
def _by_office() -> dict[tuple[str, str], list[tuple[dict[str, Any], str]]]:
    idx: dict[tuple[str, str], list[tuple[dict[str, Any], str]]] = {}
    for p in _data_yaml("officeholders.yaml"):
        for o in p.get("offices", []):
            idx.setdefault((p["country"], o["role"]), []).append((o, p["name"]))
    return idx


def holder(country: str | None, office: str | None, date: str | None) -> str | None:
    """The name of whoever held `office` ("president", "head_of_government", "foreign_minister")."""
    if not country or not office:
        return None
    day = date or OPEN
    for o, name in _by_office().get((country, office), []):
        if _active(o, day):
            return name
    return None
