"""Shared checks for the per-language coder rule tests: the real pipeline, facts only."""
from __future__ import annotations

import muster


def facts(text: str, lang: str, published: str = "2024-02-12") -> list[dict]:
    """The events of `text` that are told as facts (not negated, not hypothetical), as EVENT_FORMAT dicts."""
    evs = [e.to_dict() for e in muster.extract(text, published=published, lang=lang)]
    return [e for e in evs if not e["negated"] and not e["hypothetical"]]


def party(p: dict | None) -> str | None:
    """A party's country, else its organisation code."""
    return (p or {}).get("country") or (p or {}).get("code")


def assert_coded(events: list[dict], etype: str, rule: str, actor: str | None = None,
                 recipient: str | None = None) -> None:
    """Some event of `etype` whose rule contains `rule`, with these parties where given."""
    got = [e for e in events if e["event_type"] == etype and rule in e["rule"]]
    assert got, [(e["event_type"], e["rule"]) for e in events]
    if actor:
        assert any(party(e["actor"]) == actor for e in got), [e["actor"] for e in got]
    if recipient:
        assert any(party(e["recipient"]) == recipient for e in got), [e["recipient"] for e in got]
