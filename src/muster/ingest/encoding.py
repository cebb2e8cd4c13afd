"""Bytes to text: binary sniffing, UTF-8 first, then charset-normalizer for legacy encodings."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import MusterError

# A text file may carry a few stray control characters; more than this share means binary.
CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {9, 10, 12, 13, 27}  # tab, newline, form feed, carriage return, escape
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


# every byte that is not a counted control character (deleted, what remains is counted)
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in _ALLOWED_CONTROLS or b == 127))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or a high share of ASCII control characters, in the first 64 KiB."""
    head = data[:65536]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls / len(head) > CONTROL_SHARE


# one valid UTF-8 multi-byte sequence (RFC 3629): a file with these is UTF-8, whatever else it holds
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                         rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                         rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_REPLACEMENT = "\ufffd"
LINES_SHOWN = 5  # line numbers a W060 warning names


def decode_text(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding name, W060 warning or None). A file in a legacy encoding (not one valid
    UTF-8 multi-byte sequence) is decoded whole in the encoding charset-normalizer finds. A UTF-8
    file with some invalid lines is decoded line by line (split on \\n only): valid lines as
    UTF-8; an invalid line without any UTF-8 sequence in the legacy encoding the invalid lines
    share (cp1252 when too little to tell), an invalid line mixing both with U+FFFD for each bad
    byte. Never a whole-file switch because of a few bytes; the warning counts what happened.
    Raises MusterError E003 for binary data, E005 when undecodable."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return decode(data) + (None,)
    if looks_binary(data):
        raise MusterError("E003", "binary file, not text (NUL bytes or control characters)")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTI.search(data) is None:
        text, name = decode(data)
        return text, name, None
    lines = data.split(b"\n")
    bad: list[int] = []
    legacy: list[int] = []
    for n, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(n)
            if _UTF8_MULTI.search(line) is None:
                legacy.append(n)
    encoding = "cp1252"
    if legacy:
        sample = b"\n".join(lines[n] for n in legacy)
        best = from_bytes(sample).best() if len(sample) >= 200 else None
        if best is not None and best.encoding and not best.encoding.startswith("utf"):
            encoding = best.encoding
    out: list[str] = []
    replaced = 0
    legacy_set = set(legacy)
    bad_set = set(bad)
    for n, line in enumerate(lines):
        if n not in bad_set:
            out.append(line.decode("utf-8"))
            continue
        if n in legacy_set:
            try:
                out.append(line.decode(encoding))
                continue
            except UnicodeDecodeError:
                legacy_set.discard(n)
        text = line.decode("utf-8", errors="replace")
        replaced += text.count(_REPLACEMENT) - line.count(b"\xef\xbf\xbd")
        out.append(text)
    where = ", ".join(str(n + 1) for n in bad[:LINES_SHOWN]) + (", ..." if len(bad) > LINES_SHOWN else "")
    parts = []
    if legacy_set:
        parts.append(f"{len(legacy_set)} decoded as {encoding}")
    if replaced:
        parts.append(f"{replaced} invalid byte(s) replaced by U+FFFD")
    warning = (f"W060 {len(bad)} line(s) not valid UTF-8 (line {where}): " + ", ".join(parts) +
               "; the other lines read as UTF-8")
    return "\n".join(out), "utf-8", warning


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name), the whole input in one encoding (see decode_text for mixed input).
    Raises MusterError E003 for binary data, E005 when undecodable."""
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
