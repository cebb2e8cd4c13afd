"""Submitted articles into the store through the same path as `muster ingest`: read, code, store, resolve."""
from __future__ import annotations

import hashlib
import os
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MusterError
from ..ingest import Failure, from_text, iter_documents
from ..lang import SUPPORTED
from ..model import Document
from ..store.db import Store
from ..workflow import ingest_documents
from . import lookup

UPLOAD_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
META_FIELDS = ("published", "lang", "outlet", "title", "url")
MAX_META_CHARS = 500


class SubmitError(ValueError):
    """A submission that cannot be ingested: `status` is the HTTP status, the message says why."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


@dataclass
class Submission:
    """One article: pasted text or an uploaded file (bytes and the client's file name), with metadata."""

    text: str | None = None
    data: bytes | None = None
    filename: str | None = None
    meta: dict[str, str | None] = field(default_factory=dict)

    def checked(self) -> "Submission":
        meta = {k: (str(v).strip() or None) if v is not None else None for k, v in self.meta.items() if k in META_FIELDS}
        for k, v in meta.items():
            if v is not None and len(v) > MAX_META_CHARS:
                raise SubmitError(f"E062 {k} is longer than {MAX_META_CHARS} characters")
        if meta.get("lang") and meta["lang"] not in SUPPORTED:
            raise SubmitError(f"E014 unsupported language {meta['lang'][:20]!r}: expected one of {', '.join(SUPPORTED)}")
        if meta.get("url") and not meta["url"].startswith(("http://", "https://")):
            raise SubmitError("E062 url must start with http:// or https://")
        has_text = bool(self.text and self.text.strip())
        if has_text == bool(self.data):
            raise SubmitError("E002 give either the article text or a file, not both and not neither"
                              if has_text else "E002 empty document: give the article text or a non-empty file")
        return Submission(self.text, self.data, self.filename, meta)


def upload_path(data_dir: Path, data: bytes, filename: str | None) -> Path:
    """Where an uploaded file is kept: uploads/ in the data folder, named by its content hash; the
    client's file name only picks the reader (by extension, from a fixed list), never the path."""
    ext = os.path.splitext(os.path.basename(filename or ""))[1].lower()
    ext = ext if ext in UPLOAD_EXTENSIONS else ".txt"
    folder = (data_dir / "uploads").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (hashlib.sha256(data).hexdigest()[:24] + ext)
    assert path.parent == folder
    return path


def _items(sub: Submission, data_dir: Path) -> list[Document | Failure]:
    meta = sub.meta
    if sub.text is not None and sub.text.strip():
        try:
            return [from_text(sub.text, published=meta.get("published"), lang=meta.get("lang"), url=meta.get("url"),
                              outlet=meta.get("outlet"), title=meta.get("title"))]
        except MusterError as exc:
            raise SubmitError(str(exc)) from None
    assert sub.data is not None
    path = upload_path(data_dir, sub.data, sub.filename)
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
        tmp.write_bytes(sub.data)
        os.replace(tmp, path)
    try:
        items = list(iter_documents([str(path)], published=meta.get("published"), outlet=meta.get("outlet"),
                                    lang=meta.get("lang")))
    except MusterError as exc:
        raise SubmitError(str(exc)) from None
    docs = [d for d in items if isinstance(d, Document)]
    if len(docs) == 1:  # the form's title and url describe the one article in the file
        docs[0].title = meta.get("title") or docs[0].title
        docs[0].url = docs[0].url or meta.get("url")
    return items


def ingest(store: Store, sub: Submission, data_dir: Path, lock: threading.Lock) -> dict[str, Any]:
    """Run a submission through the pipeline into the store; what was stored, with its events."""
    sub = sub.checked()
    items = _items(sub, data_dir)
    failures = [f for f in items if isinstance(f, Failure)]
    docs = [d for d in items if isinstance(d, Document)]
    if not docs:
        raise SubmitError("; ".join(f"{f.code} {f.reason}" for f in failures) or "E002 empty document")
    failed: list[Failure] = []
    with lock:
        known = {d.id for d in docs if store.has_document(d.id)}
        summary = ingest_documents(store, items, run_id="web-" + uuid.uuid4().hex[:8], on_failure=failed.append)
        docs = [d for d in docs if store.has_document(d.id)]  # the pipeline may still refuse one (recorded)
        if not docs:
            raise SubmitError("; ".join(f"{f.code} {f.reason}" for f in failed) or "E002 nothing could be stored")
        out = [{"id": d.id, "title": d.title, "published": d.published, "language": d.language,
                "outlet": d.outlet, "stored": d.id not in known, "warnings": d.warnings,
                "events": lookup.document_events(store, d.id)} for d in docs]
    return {"summary": summary, "documents": out,
            "failures": [{"code": f.code, "reason": f.reason, "item": f.item}
                         for f in failures + [f for f in failed if f not in failures]]}
