"""WARC archives (.warc, .warc.gz) via warcio: each HTML response record is one page."""
from __future__ import annotations

import re
from typing import Iterator

from ..errors import MusterError

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


def pages(path: str, max_bytes: int) -> Iterator[tuple[str, dict[str, str | None] | MusterError, bytes]]:
    """(item, {"url", "date", "charset"} or error, body bytes) for each HTML response record.
    item is the record's target URI (or "record N"); a record over max_bytes is an E004 item;
    a truncated or invalid archive ends with one E015 item."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with open(path, "rb") as fh:
        try:
            for rec in ArchiveIterator(fh):
                n += 1
                if rec.rec_type != "response" or rec.http_headers is None:
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower():
                    continue
                uri = rec.rec_headers.get_header("WARC-Target-URI")
                item = uri or f"record {n}"
                body = rec.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield item, MusterError("E004", f"record larger than {max_bytes:,} bytes"), b""
                    continue
                m = _CHARSET.search(ctype)
                meta = {"url": uri, "date": rec.rec_headers.get_header("WARC-Date"),
                        "charset": m.group(1) if m else None}
                yield item, meta, body
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, TypeError, KeyError) as exc:
            # warcio raises assorted errors on malformed archives; each ends the file as one item
            yield f"record {n + 1}", MusterError("E015", f"invalid WARC archive: {str(exc).splitlines()[0][:120]}"), b""
