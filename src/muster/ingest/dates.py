"""Publication dates: normalise whatever a document carries to YYYY-MM-DD."""
from __future__ import annotations

import datetime as dt
import os
import re
from email.utils import parsedate_to_datetime
from typing import Any

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_DMY = re.compile(r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_YMD_SLASH = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")


def _make(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def normalise_date(value: Any) -> str | None:
    """YYYY-MM-DD from a date, datetime, ISO string ("2025-11-21T10:00:00Z"), "21.11.2025",
    "2025/11/21", "20251121", Unix seconds or an RFC 2822 date (HTTP/WARC headers); None when unparseable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1e8 < value < 1e10:
        return dt.datetime.fromtimestamp(value, dt.timezone.utc).date().isoformat()  # Unix seconds
    s = str(value)
    for rx in (_ISO, _YMD_SLASH, _COMPACT):
        m = rx.match(s)
        if m:
            return _make(*m.groups())
    m = _DMY.match(s)
    if m:
        d, mo, y = m.groups()
        return _make(y, mo, d)
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def file_date(path: str) -> str | None:
    """The file's modification time as an ISO date (UTC), or None when it cannot be read."""
    try:
        return dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.timezone.utc).date().isoformat()
    except (OSError, ValueError, OverflowError):
        return None
