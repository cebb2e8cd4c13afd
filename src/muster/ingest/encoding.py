"""Bytes to text: binary sniffing, UTF-8 first, then charset-normalizer for legacy encodings."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import MusterError

# A text file may carry a few stray control characters; more than this share means binary.
CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {9, 10, 12, 13, 27}  # tab, newline, form feed, carriage return, escape
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or a high share of ASCII control characters, in the first 64 KiB."""
    head = data[:65536]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS or b == 127)
    return controls / len(head) > CONTROL_SHARE


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises MusterError E003 for binary data, E005 when undecodable."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise MusterError("E005", f"byte order mark says {name} but the bytes are not ({exc.reason})")
    if looks_binary(data):
        raise MusterError("E003", "binary file, not text (NUL bytes or control characters)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise MusterError("E005", "cannot decode text: not UTF-8 and no legacy encoding fits")
    return str(best), best.encoding
