"""Event selections: `type=ASSAULT actor=RUS recipient=AZE`, compiled to the one query layer (EventQuery).

A selection is space-separated `key=value` terms; values may be comma lists (`type=ACCUSE,SANCTION`,
`recipient=NATO,EU,USA`: any of them). Keys: type, actor, recipient, dyad, quad, country, place, outlet,
language, provenance, search, since, until. Every term narrows the selection (AND).
"""
from __future__ import annotations

import shlex
from dataclasses import replace
from typing import Any

from ..errors import MusterError
from ..store.query import EventQuery

KEYS = {"type": "event_type", "actor": "actor", "recipient": "recipient", "dyad": "dyad", "quad": "quad",
        "country": "country", "place": "place", "outlet": "outlet", "language": "language",
        "provenance": "provenance", "search": "text", "since": "since", "until": "until"}


class SelectionError(ValueError):
    """A selection that cannot be read; the message names the bad term."""


def parse(selection: str) -> EventQuery:
    """The EventQuery a selection stands for."""
    try:
        terms = shlex.split(selection)
    except ValueError as exc:
        raise SelectionError(f"cannot read selection {selection!r}: {exc}") from None
    params: dict[str, Any] = {}
    for term in terms:
        key, eq, value = term.partition("=")
        key = key.strip().lower()
        if not eq or not value.strip():
            raise SelectionError(f"selection term {term!r} is not key=value (keys: {', '.join(KEYS)})")
        if key not in KEYS:
            raise SelectionError(f"unknown selection key {key!r} (keys: {', '.join(KEYS)})")
        if KEYS[key] in params:
            raise SelectionError(f"selection key {key!r} given twice; use a comma list instead")
        params[KEYS[key]] = value.strip()
    if not params:
        raise SelectionError("empty selection: give at least one key=value term")
    try:
        return EventQuery.from_params(params).checked()
    except (ValueError, MusterError) as exc:  # E062 names the bad key (as its CLI option)
        raise SelectionError(f"bad value in selection {selection!r}: {exc}") from None


def with_period(q: EventQuery, since: str | None, until: str | None) -> EventQuery:
    """The selection narrowed to a period (the pattern test's --since/--until)."""
    return replace(q, since=since or q.since, until=until or q.until, limit=None, offset=0)
