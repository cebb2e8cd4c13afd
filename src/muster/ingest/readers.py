"""Readers: files, folders and stdin to Documents (or Failures), one format module per file type.

Flow per input: size check (never reading an oversized file) -> bytes -> binary sniffing and
decoding -> per format (text + front matter, HTML, JSON/JSON Lines, WARC) a `Pending` item ->
batch-wise boilerplate cleaning (lines repeated across a window of BATCH_WINDOW items count as
boilerplate) -> language, date and metadata resolution -> Document.

Document.raw is the text as read: the whole decoded file for .txt/.md (front matter included, and
recorded in `removed`), trafilatura's main text for HTML and WARC pages, the text field for JSON.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from ..errors import MusterError
from ..model import Document, content_id
from . import Failure
from . import clean as cleaning
from . import frontmatter, html, jsonl, langid, warc
from .dates import file_date, normalise_date
from .encoding import decode_text, looks_binary
from .headline import headline

MAX_BYTES = 50 * 1024 * 1024    # a document (a file, a JSON record, a WARC record) above this is refused with E004
MAX_JSON_BYTES = 256 * 1024 * 1024  # a .json file (an array of records) is parsed whole: its own limit
BATCH_WINDOW = 256              # items whose lines are counted together for repeated-line removal

KINDS = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html",
         ".xhtml": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
         ".warc": "warc", ".warc.gz": "warc", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl"}
GZIPPED = (".jsonl.gz", ".ndjson.gz")  # JSON Lines exports of news APIs, compressed: streamed through gzip


@dataclass
class Pending:
    """An item read but not yet cleaned: raw text, where the body starts, its own metadata."""

    raw: str
    path: str
    body_start: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    item: str | None = None
    fallback_date: str | None = None
    fallback_what: str = "the file's modification time"


def kind_of(path: str) -> str | None:
    """The reader kind for a file name by extension; "text" for names without one."""
    name = path.lower()
    if name.endswith(".warc.gz"):
        return "warc"
    if name.endswith(GZIPPED):
        return "jsonl"
    suffix = os.path.splitext(name)[1]
    if not suffix:
        return "text"
    return KINDS.get(suffix)


def expand(paths: Sequence[str], skipped: list[str] | None = None) -> Iterator[str | Failure]:
    """Input paths to file paths: folders recursively (known extensions only, hidden files and
    folders skipped, sorted), "-" as is, missing paths as E001 Failures, folders that cannot be
    read as E060 Failures. Files of unknown type inside folders are appended to `skipped`."""
    for p in map(os.fspath, paths):
        if p == "-":
            yield p
        elif os.path.isdir(p):
            yield from _walk(p, skipped)
        elif os.path.exists(p):
            yield p
        else:
            yield Failure(p, "E001", "file not found")


def _walk(folder: str, skipped: list[str] | None) -> Iterator[str | Failure]:
    """A folder's files streamed in path order (names sorted at every level, so "a/x.txt" comes before
    "b.txt"): one directory's listing in memory at a time, never the whole tree. Symlinked folders
    are not followed; a folder that cannot be read is an E060 Failure where it stands."""
    try:
        with os.scandir(folder) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield Failure(str(exc.filename or folder), "E060", f"cannot read directory: {exc.strerror or exc}")
        return
    for e in entries:
        try:
            is_dir = e.is_dir(follow_symlinks=False)
            if not is_dir and e.is_symlink() and os.path.isdir(e.path):
                continue  # a symlink to a folder: not followed
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(e.path, skipped)
        elif kind_of(e.name) and os.path.splitext(e.name)[1]:
            yield e.path
        elif skipped is not None:
            skipped.append(e.path)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        data = buffer.read(max_bytes + 1) if buffer else sys.stdin.read(max_bytes + 1).encode("utf-8")
    else:
        try:
            size = os.stat(path).st_size
        except OSError as exc:
            raise MusterError("E001", f"cannot read file: {exc.strerror}") from exc
        if size > max_bytes:
            raise MusterError("E004", f"file too large: {size:,} bytes (limit {max_bytes:,})")
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise MusterError("E001", f"cannot read file: {exc.strerror}") from exc
    if len(data) > max_bytes:
        raise MusterError("E004", f"input too large: over {max_bytes:,} bytes")
    if not data.strip():
        raise MusterError("E002", "empty document")
    return data


def _text_pending(raw: str, path: str, fallback: str | None) -> Pending:
    meta, body, problem = frontmatter.split(raw)
    p = Pending(raw=raw, path=path, body_start=body, meta=meta or {}, fallback_date=fallback)
    if body:
        p.removed.append({"text": raw[:body], "start": 0, "end": body, "reason": "front-matter"})
    if problem:
        p.warnings.append(f"W004 {problem}")
    return p


def _html_pending(text: str, path: str, fallback: str | None, item: str | None = None) -> Pending:
    meta = html.extract(text)
    raw = meta.pop("text")
    return Pending(raw=raw, path=path, meta=meta, item=item, fallback_date=fallback)


def _warned(p: Pending, warning: str | None) -> Pending:
    if warning:
        p.warnings.append(warning)
    return p


def _record(rec: Any, path: str, item: str | None, fields: Mapping[str, str] | None, fallback: str | None,
            max_bytes: int, warning: str | None = None) -> Pending | Failure:
    try:
        if isinstance(rec, MusterError):
            raise rec
        meta = jsonl.pick(rec, fields)
        size = len(meta["text"].encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise MusterError("E004", f"record too large: {size:,} bytes of text (limit {max_bytes:,})")
    except MusterError as exc:
        return Failure(path, exc.code, exc.message, item)
    return _warned(Pending(raw=meta.pop("text"), path=path, meta=meta, item=item, fallback_date=fallback), warning)


def _read_jsonl(path: str, max_bytes: int, fields: Mapping[str, str] | None,
                fallback: str | None) -> Iterator[Pending | Failure]:
    """A JSON Lines file streamed record by record: split on \\n only (U+2028 and U+0085 inside a
    string are text), each line decoded on its own, MAX_BYTES applied per record, not to the file."""
    try:
        fh = gzip.open(path, "rb") if path.lower().endswith(GZIPPED) else open(path, "rb")
        head = fh.read(65536)
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        yield Failure(path, "E001" if isinstance(exc, FileNotFoundError) else "E003",
                      f"cannot read file: {getattr(exc, 'strerror', None) or exc}")
        return
    with fh:
        if not head.strip():
            yield Failure(path, "E002", "empty document")
            return
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16/32: lines are not byte lines
            fh.seek(0)
            data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Failure(path, "E004", f"UTF-16 JSON Lines file larger than {max_bytes:,} bytes")
                return
            text, _, warning = decode_text(data)
            for item, rec in jsonl.records(text, lines=True):
                yield _record(rec, path, item, fields, fallback, max_bytes, warning)
            return
        if looks_binary(head):
            yield Failure(path, "E003", "binary file, not text (NUL bytes or control characters)")
            return
        fh.seek(0)
        n = 0
        while True:
            line = fh.readline(max_bytes + 1)
            if not line:
                return
            n += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while True:  # skip the rest of the oversized line without holding it
                    rest = fh.readline(1 << 20)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield Failure(path, "E004", f"record larger than {max_bytes:,} bytes", f"line {n}")
                continue
            if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                text, _, warning = decode_text(line)
            except MusterError as exc:
                yield Failure(path, exc.code, exc.message, f"line {n}")
                continue
            yield _record(jsonl.parse_line(text), path, f"line {n}", fields, fallback, max_bytes,
                          warning and warning.replace("(line 1)", f"(line {n})"))


def _sniff(text: str) -> str:
    """Kind of stdin input: HTML, one JSON document, JSON Lines, or plain text."""
    if html.looks_like_html(text):
        return "html"
    first = text.lstrip()[:1]
    if first in ("{", "["):
        try:
            json.loads(text)
            return "json"
        except ValueError:
            return "jsonl" if first == "{" else "text"
    return "text"


def _read(path: str, *, max_bytes: int, fields: Mapping[str, str] | None) -> Iterator[Pending | Failure]:
    """Pending items (or Failures) of one file; never raises for bad input."""
    kind = "stdin" if path == "-" else kind_of(path)
    if kind is None:
        known = " ".join(sorted(KINDS))
        yield Failure(path, "E009", f"unsupported file type {os.path.splitext(path)[1]!r} (known: {known})")
        return
    fallback = None if path == "-" else file_date(path)
    try:
        if kind == "warc":
            try:
                import warcio  # noqa: F401
            except ImportError:
                yield Failure(path, "E009", "WARC files need the warcio package (pip install warcio)")
                return
            yield from _read_warc(path, max_bytes)
            return
        if kind == "jsonl":
            yield from _read_jsonl(path, max_bytes, fields, fallback)
            return
        text, _, warning = decode_text(_read_bytes(path, MAX_JSON_BYTES if kind == "json" else max_bytes))
        if kind == "stdin":
            kind = _sniff(text)
        if kind == "text" and html.looks_like_html(text):
            kind = "html"  # a saved web page with the wrong extension
        if kind == "text":
            yield _warned(_text_pending(text, path, fallback), warning)
        elif kind == "html":
            yield _warned(_html_pending(text, path, fallback), warning)
        else:
            for item, rec in jsonl.records(text, lines=kind == "jsonl"):
                yield _record(rec, path, item, fields, fallback, max_bytes, warning)
    except MusterError as exc:
        yield Failure(path, exc.code, exc.message)


def _read_warc(path: str, max_bytes: int) -> Iterator[Pending | Failure]:
    """HTML pages of a WARC archive (streamed: MAX_BYTES applies per record, not to the file)."""
    if os.path.getsize(path) == 0:
        yield Failure(path, "E002", "empty document")
        return
    seen = 0
    for item, meta, body in warc.pages(path, max_bytes):
        seen += 1
        if isinstance(meta, MusterError):
            yield Failure(path, meta.code, meta.message, item)
            continue
        try:
            text = None
            if meta["charset"]:
                try:
                    text = body.decode(meta["charset"])
                except (LookupError, UnicodeDecodeError):
                    text = None
            warning = None
            if text is None:
                text, _, warning = decode_text(body)
            p = _warned(_html_pending(text, path, normalise_date(meta["date"]), item), warning)
        except MusterError as exc:
            yield Failure(path, exc.code, exc.message, item)
            continue
        p.meta["url"] = p.meta.get("url") or meta["url"]
        p.fallback_what = "the WARC capture date"
        yield p
    if not seen:
        yield Failure(path, "E002", "no HTML response records in the WARC archive")


def _published(p: Pending, default: str | None, warnings: list[str]) -> str | None:
    own = p.meta.get("published")
    if own not in (None, ""):
        value = normalise_date(own)
        if value:
            return value
        warnings.append(f"W005 unparseable publication date {str(own)[:40]!r}; ignored")
    if default:
        return default
    if p.fallback_date:
        warnings.append(f"W001 no publication date in the document; used {p.fallback_what} {p.fallback_date}")
        return p.fallback_date
    warnings.append("W003 no publication date and no file to take one from; published left empty")
    return None


def build(p: Pending, *, published: str | None = None, lang: str | None = None, url: str | None = None,
          outlet: str | None = None, title: str | None = None,
          repeated: frozenset[str] = frozenset()) -> Document | Failure:
    """Clean a pending item and resolve its metadata: the item's own values win over the defaults."""
    text, offsets, removed = cleaning.clean(p.raw, start=p.body_start, repeated=repeated)
    if not text.strip():
        why = "no text left after boilerplate removal" if removed else "empty document"
        return Failure(p.path, "E002", why, p.item)
    warnings = list(p.warnings)
    language, lang_warnings = langid.resolve(p.meta.get("language") or lang, text)
    warnings.extend(lang_warnings)
    date = _published(p, published, warnings)
    return Document(raw=p.raw, clean=text, offsets=offsets, id=content_id(text),
                    url=p.meta.get("url") or url, outlet=p.meta.get("outlet") or outlet,
                    title=p.meta.get("title") or title or headline(text), published=date, language=language, path=p.path,
                    removed=sorted(p.removed + removed, key=lambda r: r["start"]), warnings=warnings)


def _check_default_date(published: str | None) -> str | None:
    if published in (None, ""):
        return None
    value = normalise_date(published)
    if value is None:
        raise MusterError("E013", f"invalid date {published!r} (expected YYYY-MM-DD)")
    return value


def from_text(raw: str, *, published: str | None = None, lang: str | None = None, url: str | None = None,
              outlet: str | None = None, title: str | None = None, path: str | None = None) -> Document:
    """A Document from text (front matter allowed). Raises MusterError E002 when nothing is left."""
    fallback = file_date(path) if path and os.path.isfile(path) else None
    item = _text_pending(raw, path or "-", fallback)
    doc = build(item, published=_check_default_date(published), lang=lang, url=url, outlet=outlet, title=title)
    if isinstance(doc, Failure):
        raise MusterError(doc.code, doc.reason)
    if path is None:
        doc.path = None
    return doc


def _flush(window: list[Pending | Failure], defaults: dict[str, Any]) -> Iterator[Document | Failure]:
    pending = [w for w in window if isinstance(w, Pending)]
    repeated = cleaning.repeated_lines(w.raw[w.body_start:] for w in pending) if len(pending) > 1 else frozenset()
    for w in window:
        yield w if isinstance(w, Failure) else build(w, repeated=repeated, **defaults)


def iter_documents(paths: Sequence[str] | Iterable[str], *, published: str | None = None,
                   outlet: str | None = None, lang: str | None = None, fields: Mapping[str, str] | None = None,
                   max_bytes: int = MAX_BYTES, skipped: list[str] | None = None) -> Iterator[Document | Failure]:
    """Every document under the given paths ("-" is stdin), in a deterministic order; bad input
    comes out as Failures and the rest goes on. `published`, `outlet`, `lang` fill in what a
    document does not carry itself; `fields` maps our names (text, url, title, published,
    outlet, language) to a JSON record's field names; files of unknown type found in folders are
    appended to `skipped`. Raises MusterError E013 for a bad default date."""
    defaults = {"published": _check_default_date(published), "outlet": outlet, "lang": lang}
    window: list[Pending | Failure] = []
    for path in expand(list(paths), skipped):
        if isinstance(path, Failure):
            window.append(path)
        else:
            window.extend(_read(path, max_bytes=max_bytes, fields=fields))
        if len(window) >= BATCH_WINDOW:
            yield from _flush(window, defaults)
            window = []
    yield from _flush(window, defaults)
