"""HTML pages: main text and metadata (title, date, site name, canonical URL) via trafilatura."""
from __future__ import annotations

import re
from typing import Any

from ..errors import MusterError

_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.I | re.S)  # "Please enable JavaScript": never the text
_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)", re.I)


def _date_params() -> dict[str, Any]:
    # No extensive search: it turns a footer "(c) 2025" into 2025-01-01. Metadata, markup and URL only.
    return {"original_date": True, "extensive_search": False}


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head and "</" in head)


def extract(html: str) -> dict[str, Any]:
    """{"text", "title", "published", "outlet", "url", "language"}; E008 when no main text."""
    import trafilatura

    scripted = "<script" in html[:1_000_000].lower()
    html = _NOSCRIPT.sub(" ", html)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False,
                                          date_extraction_params=_date_params())
    except Exception as exc:  # lxml/trafilatura raise many kinds of errors on broken markup
        raise MusterError("E008", f"broken HTML: {type(exc).__name__}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise MusterError("E008", "no main text found: the page only has scripts (it needs JavaScript)"
                          if scripted else "broken HTML: no main text found")
    m = _LANG.search(html[:5000])
    return {"text": text, "title": doc.title, "published": doc.date, "outlet": doc.sitename,
            "url": doc.url, "language": m.group(1) if m else None}
