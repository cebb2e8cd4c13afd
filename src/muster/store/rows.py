"""The error an importer yields for a row it cannot read: the CLI prints "FILE:line N: reason" and goes on."""
from __future__ import annotations

import hashlib
from typing import Any, NamedTuple


class RowError(NamedTuple):
    """A bad or unusable input row. `kind` is "error" (malformed) or "skip" (well-formed, nothing to code)."""

    line: int
    reason: str
    kind: str = "error"


def blank_event(id: str, doc_id: str, event_type: str, provenance: str) -> dict[str, Any]:
    """An EVENT_FORMAT dict with every required key present (null / empty where unknown)."""
    return {"id": id, "doc_id": doc_id, "event_type": event_type, "mode": None, "context": [], "cameo": None,
            "goldstein": None, "actor": None, "recipient": None, "date": None, "location": None,
            "attribution": None, "negated": False, "hypothetical": False,
            "evidence": {"sentence": None, "start": None, "end": None}, "sources": [], "language": None,
            "rule": None, "trigger": None, "provenance": provenance}


def stable_id(key: str) -> str:
    """16 hex digits of SHA-256, the same shape as muster's own event ids."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def day_date(iso: str) -> dict[str, Any]:
    """EVENT_FORMAT date object for one known day (YYYY-MM-DD)."""
    return {"text": None, "value": iso, "start": iso, "end": iso, "granularity": "day"}
