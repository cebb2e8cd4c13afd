"""Encodings: UTF-8 first, legacy encodings via charset-normalizer, BOMs, binary sniffing."""
from __future__ import annotations

import codecs

import pytest

from muster.errors import MusterError
from muster.ingest import iter_documents
from muster.ingest.encoding import _ALLOWED_CONTROLS, CONTROL_SHARE, decode, looks_binary

RU = ("Министерство иностранных дел России вызвало посла Азербайджана 3 марта 2025 года. "
      "Поводом стало задержание журналистов в Баку.\n")
DE = ("Die Außenministerin äußerte sich am Dienstag besorgt über die Festnahmen in Baku. "
      "Gespräche über eine Freilassung würden fortgesetzt, hieß es aus dem Ministerium in Berlin.\n")


@pytest.mark.parametrize("text,encoding,lang", [(RU, "cp1251", "ru"), (DE, "latin-1", "de"), (DE, "cp1252", "de")])
def test_encoding_legacy_files_decode_correctly(tmp_path, text, encoding, lang):
    f = tmp_path / f"article-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    [doc] = list(iter_documents([str(f)], published="2025-03-04"))
    assert doc.clean == text.strip()
    assert doc.language == lang


@pytest.mark.parametrize("data,name", [
    (codecs.BOM_UTF8 + DE.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + RU.encode("utf-16-le"), "utf-16"),
    (DE.encode("utf-8"), "utf-8"),
])
def test_encoding_utf_variants(data, name):
    text, enc = decode(data)
    assert enc == name
    assert text.strip() in (DE.strip(), RU.strip())


@pytest.mark.parametrize("data,binary", [
    (b"plain text\n", False),
    (b"\x1b[1mbold\x1b[0m terminal text\n", False),
    (b"abc\x00def", True),
    (bytes(range(32)) * 10, True),
])
def test_encoding_binary_sniffing(data, binary):
    assert looks_binary(data) is binary


def test_encoding_undecodable_raises_e005():
    with pytest.raises(MusterError) as err:
        decode(bytes(range(0x80, 0x100)) * 20)
    assert err.value.code == "E005"


@pytest.mark.parametrize("data", [b"", b"plain text\n", bytes(range(256)).replace(b"\x00", b""),
                                  b"\x01\x02\x03 abc" * 10, b"\x1b[1mbold\x1b[0m\n" * 5, b"\x7f" * 3 + b"a" * 57,
                                  b"\x7f" * 4 + b"a" * 56, "Grüße\r\n\f".encode() * 9])
def test_encoding_binary_share_counts_like_a_byte_loop(data):
    head = data[:65536]
    controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS or b == 127)
    want = bool(head) and (b"\x00" in head or controls / len(head) > CONTROL_SHARE)
    assert looks_binary(data) is want
