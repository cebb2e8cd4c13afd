"""Property-based tests of the readers: arbitrary bytes and Unicode in every input format give
Documents or Failures with a known code, never an exception."""
from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from muster.errors import CODES, MusterError
from muster.ingest import Failure, iter_documents
from muster.ingest.encoding import decode_text
from muster.ingest.jsonl import records
from muster.model import Document

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SUFFIXES = [".txt", ".md", ".jsonl", ".json", ".html", ".htm", ""]
WORDS = st.sampled_from(["Russia", "Україна", "März", "\u2028", "\x85", "\r\n", "\n", "{", "}", '"text":', "<p>",
                         "</p>", "<script>", "---", "published: 2025-13-45", "\x00", "\ufeff", "\x92", " "])


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Document, Failure))
        if isinstance(item, Failure):
            assert item.code in CODES and "\n" not in item.reason
        else:
            assert item.clean.strip() and len(item.offsets) == len(item.clean)


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_readers_property_arbitrary_bytes_never_raise(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("b") / f"input{suffix}"
    f.write_bytes(data)
    _check(list(iter_documents([str(f)], published="2025-03-01")))


@FAST
@given(text=st.one_of(st.text(max_size=1500), st.lists(WORDS, max_size=60).map("".join)),
       suffix=st.sampled_from(SUFFIXES), encoding=st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]))
def test_readers_property_arbitrary_unicode_never_raises(tmp_path_factory, text, suffix, encoding):
    f = tmp_path_factory.mktemp("u") / f"input{suffix}"
    f.write_bytes(text.encode(encoding, errors="replace"))
    _check(list(iter_documents([str(f)])))


@FAST
@given(texts=st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=8))
def test_readers_property_json_lines_of_any_text_are_one_document_a_line(tmp_path_factory, texts):
    f = tmp_path_factory.mktemp("j") / "wire.jsonl"
    f.write_text("".join(json.dumps({"text": t, "date": "2025-03-01"}, ensure_ascii=False) + "\n" for t in texts),
                 encoding="utf-8", errors="surrogatepass")
    items = list(iter_documents([str(f)]))
    _check(items)
    assert len(items) == len(texts)  # never split inside a record, whatever its characters


@FAST
@given(data=st.binary(max_size=4000))
def test_readers_property_decode_is_text_or_a_coded_error(data):
    try:
        text, encoding, warning = decode_text(data)
    except MusterError as exc:
        assert exc.code in ("E003", "E005")
        return
    assert isinstance(text, str) and encoding
    assert warning is None or warning.startswith("W060")


@FAST
@given(text=st.text(max_size=2000))
def test_readers_property_records_never_raise(text):
    for item, rec in records(text, lines=True):
        assert isinstance(rec, (dict, MusterError))
