"""Readers (thin first version): plain text only; the ingest issue deepens this."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Sequence

from ..model import Document
from . import Failure


def from_text(raw: str, *, published: str | None = None, lang: str | None = None, url: str | None = None,
              outlet: str | None = None, title: str | None = None, path: str | None = None) -> Document:
    return Document(raw=raw, published=published, language=lang or "en", url=url, outlet=outlet,
                    title=title, path=path)


def iter_documents(paths: Sequence[str], *, published: str | None = None, outlet: str | None = None,
                   lang: str | None = None, fields: dict[str, str] | None = None) -> Iterator[Document | Failure]:
    for p in paths:
        if p == "-":
            yield from_text(sys.stdin.read(), published=published, lang=lang, outlet=outlet, path="-")
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            if not f.exists():
                yield Failure(str(f), "E001", "file not found")
                continue
            yield from_text(f.read_text(encoding="utf-8"), published=published, lang=lang, outlet=outlet, path=str(f))
