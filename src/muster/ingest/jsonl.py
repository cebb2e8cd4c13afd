"""JSON Lines and JSON files: one article per record, field names configurable."""
from __future__ import annotations

import json
from typing import Any, Iterator, Mapping

from ..errors import MusterError

# our name -> field names tried in order when the caller does not name one
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "pubdate"),
    "outlet": ("outlet", "source", "site"),
    "language": ("language", "lang"),
}


def _value(v: Any) -> Any:
    if isinstance(v, dict):  # {"source": {"name": "Reuters"}}
        for k in ("name", "title", "id"):
            if isinstance(v.get(k), str):
                return v[k]
        return None
    return v


def pick(record: Mapping[str, Any], fields: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Our fields from one record. E007 when the text field is missing, empty or not a string."""
    fields = fields or {}
    out: dict[str, Any] = {}
    for ours, names in DEFAULT_FIELDS.items():
        for name in ((fields[ours],) if ours in fields else names):
            if record.get(name) not in (None, ""):
                out[ours] = _value(record[name])
                break
    text = out.get("text")
    if not isinstance(text, str) or not text.strip():
        wanted = fields.get("text") or "|".join(DEFAULT_FIELDS["text"])
        raise MusterError("E007", f"no text field ({wanted}) in record")
    for key in ("url", "title", "outlet", "language"):
        if key in out and not isinstance(out[key], str):
            out[key] = str(out[key])
    return out


def records(text: str, *, lines: bool) -> Iterator[tuple[str | None, dict[str, Any] | MusterError]]:
    """(item, record or error) for each record. JSON Lines: item "line N"; a JSON list: "record N";
    a single JSON object: item None. An invalid line is an error item; the others go on."""
    if lines:  # records end at \n only: U+2028, U+0085, \v, \f inside a record are text, not line ends
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            yield f"line {n}", _parse(line)
        return
    data = _parse(text, whole=True)
    if isinstance(data, MusterError):
        yield None, data
    elif isinstance(data, list):
        for n, rec in enumerate(data, 1):
            yield f"record {n}", rec if isinstance(rec, dict) else MusterError("E006", "record is not a JSON object")
    else:
        yield None, data


def parse_line(line: str) -> dict[str, Any] | MusterError:
    """One JSON Lines record, or the error that says why it is not one."""
    return _parse(line)


def _parse(s: str, whole: bool = False) -> Any:
    try:
        data = json.loads(s)
    except json.JSONDecodeError as exc:
        return MusterError("E006", f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
                           if whole else f"invalid JSON: {exc.msg} at column {exc.colno}")
    if whole and isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return MusterError("E006", f"expected a JSON object, got {type(data).__name__}")
    return data
