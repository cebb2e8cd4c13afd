"""muster: news in, a sourced timeline of political events out.

    >>> import muster
    >>> events = muster.extract("Russia summoned the French ambassador on 3 May 2024.", published="2024-05-04", lang="en")
    >>> events[0].to_dict()["event_type"]
"""
from __future__ import annotations

from .lang import FALLBACK
from .model import Document, Event
from .pipeline import Pipeline, build

__version__ = "0.1.0"
__all__ = ["Document", "Event", "Pipeline", "build", "extract", "process", "open_store"]


def process(text: str, *, published: str | None = None, lang: str | None = None, url: str | None = None,
            outlet: str | None = None, title: str | None = None) -> Document:
    """Run the whole pipeline on one text and return the annotated Document."""
    from .ingest import from_text

    doc = from_text(text, published=published, lang=lang, url=url, outlet=outlet, title=title)
    return build(doc.language or FALLBACK)(doc)


def extract(text: str, *, published: str | None = None, lang: str | None = None, url: str | None = None,
            outlet: str | None = None, title: str | None = None) -> list[Event]:
    """Events in one text, each serialising (`.to_dict()`) to shared/EVENT_FORMAT.md."""
    return process(text, published=published, lang=lang, url=url, outlet=outlet, title=title).events


def open_store(path: str = "muster.db"):
    """Open (creating or migrating) the event store at `path`."""
    from .store.db import Store

    return Store(path)
