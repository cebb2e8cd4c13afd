"""A plain-text article's headline: its first line, when that line is shaped like one."""
from __future__ import annotations

MAX_CHARS = 200
MAX_WORDS = 25


def headline(text: str) -> str | None:
    """The first line of `text` when it reads as a headline: short, more text after it, and not
    ending like a sentence (a final period marks a lead or teaser, not a headline)."""
    first, sep, rest = text.strip().partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return None
    if len(first) > MAX_CHARS or len(first.split()) > MAX_WORDS or first.endswith((".", ",", ";", ":")):
        return None
    return first
