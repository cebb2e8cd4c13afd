"""YAML front matter at the top of a text file: '---' line, YAML mapping, '---' line."""
from __future__ import annotations

import re
from typing import Any

import yaml

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M)

KEYS = ("url", "outlet", "title", "published", "language")
_ALIASES = {"date": "published", "lang": "language", "source": "outlet", "link": "url"}


def _load(block: str) -> Any:
    """yaml.safe_load with libyaml's parser when PyYAML has it (the same values, several times
    faster); what it refuses is read again by the Python parser, whose error message is reported."""
    if _CLOADER is not None:
        try:
            return yaml.load(block, Loader=_CLOADER)  # noqa: S506 (a safe loader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(block)


_CLOADER = getattr(yaml, "CSafeLoader", None)


def split(text: str) -> tuple[dict[str, Any] | None, int, str | None]:
    """(metadata, body start, problem). metadata is None when there is no front matter block;
    a block whose YAML is not a mapping gives ({}, body start, reason) so the caller can warn."""
    m = _OPEN.match(text)
    if not m:
        return None, 0, None
    close = _CLOSE.search(text, m.end())
    if not close:
        return None, 0, None
    block = text[m.end():close.start()]
    try:
        data = _load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "YAML error"
        return {}, close.end(), f"invalid YAML front matter ({first})"
    if not isinstance(data, dict):
        return {}, close.end(), "front matter is not a mapping of keys to values"
    meta: dict[str, Any] = {}
    for key, value in data.items():
        name = _ALIASES.get(str(key).lower(), str(key).lower())
        if name in KEYS and value is not None and name not in meta:
            meta[name] = value
    return meta, close.end(), None
