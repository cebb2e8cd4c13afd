"""Ingest: readers for txt/html/jsonl/json/warc/folders/stdin, boilerplate cleaning, language id.

Public interface (used by the CLI, the store and the Python API):
- `from_text(raw, *, published, lang, url, outlet, title, path) -> Document`: clean + identify language.
- `iter_documents(paths, *, published, outlet, lang, fields) -> Iterator[Document | Failure]`:
  every document under the given paths ("-" is stdin); bad inputs come out as Failures, never raise.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Failure:
    """A bad input item: which file (and item in it), the error code (errors.CODES) and why."""

    path: str
    code: str
    reason: str
    item: str | None = None  # e.g. "line 7" in a JSON Lines file

    def line(self) -> str:
        where = f"{self.path}:{self.item}" if self.item else self.path
        return f"{where}: {self.code} {self.reason}"


from .readers import from_text, iter_documents  # noqa: E402,F401
