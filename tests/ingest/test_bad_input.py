"""Bad input: every failure is one line with a code, and the batch goes on."""
from __future__ import annotations

import os
import subprocess

import pytest

from muster.errors import CODES, MusterError
from muster.ingest import Failure, iter_documents

GOOD = "Die Polizei in Baku nahm am Montag zwei Journalisten fest, teilte das Innenministerium mit.\n"


def _make(tmp_path, name: str) -> str:
    p = tmp_path / name
    if name == "empty.txt":
        p.write_text("  \n\n")
    elif name == "binary.txt":
        p.write_bytes(bytes(range(256)) * 40)
    elif name == "controls.txt":
        p.write_bytes(b"abc\x01\x02\x03\x04\x05\x06\x07\x08" * 50)
    elif name == "huge.txt":
        subprocess.run(["truncate", "-s", "200M", str(p)], check=True)  # sparse: fast, never read
    elif name == "undecodable.txt":
        p.write_bytes(bytes(range(0x80, 0x100)) * 20)
    elif name == "invalid.json":
        p.write_text('{"text": "Eine Meldung", ', encoding="utf-8")
    elif name == "notext.json":
        p.write_text('{"title": "Nur ein Titel"}', encoding="utf-8")
    elif name == "broken.html":
        p.write_text("<html><body><div><script>var x = 1;</script></div", encoding="utf-8")
    elif name == "report.pdf":
        p.write_bytes(b"%PDF-1.4\n")
    elif name == "boilerplate-only.txt":
        p.write_text("Lesen Sie auch\nArtikel teilen\nQuellen: dpa\n", encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("name,code", [
    ("missing.txt", "E001"),
    ("empty.txt", "E002"),
    ("boilerplate-only.txt", "E002"),
    ("binary.txt", "E003"),
    ("controls.txt", "E003"),
    ("huge.txt", "E004"),
    ("undecodable.txt", "E005"),
    ("invalid.json", "E006"),
    ("notext.json", "E007"),
    ("broken.html", "E008"),
    ("report.pdf", "E009"),
])
def test_bad_input_gives_one_line_failure_and_batch_goes_on(tmp_path, name, code):
    bad = _make(tmp_path, name)
    good = tmp_path / "zz-good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([bad, str(good)], published="2025-03-01"))
    assert len(items) == 2
    fail, doc = items
    assert isinstance(fail, Failure) and fail.code == code, fail
    assert fail.code in CODES
    assert "\n" not in fail.line() and fail.line().startswith(bad)
    assert not isinstance(doc, Failure) and "Journalisten" in doc.clean


def test_bad_input_size_limit_is_configurable(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(GOOD * 10, encoding="utf-8")
    [fail] = list(iter_documents([str(f)], published="2025-03-01", max_bytes=100))
    assert fail.code == "E004" and "limit 100" in fail.reason


def test_bad_input_huge_file_is_not_read(tmp_path, monkeypatch):
    huge = _make(tmp_path, "huge.txt")
    assert os.path.getsize(huge) == 200 * 1024 * 1024

    def refuse(*args, **kwargs):
        raise AssertionError("an oversized file must not be opened")
    monkeypatch.setattr("builtins.open", refuse)
    [fail] = list(iter_documents([huge]))
    assert fail.code == "E004"


def test_bad_input_invalid_default_date_raises_e013():
    with pytest.raises(MusterError) as err:
        list(iter_documents(["-"], published="next tuesday"))
    assert err.value.code == "E013"


def test_bad_input_folder_batch_collects_all_failures(tmp_path):
    names = ["empty.txt", "binary.txt", "undecodable.txt", "broken.html", "invalid.json"]
    for n in names:
        _make(tmp_path, n)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([str(tmp_path)], published="2025-03-01"))
    codes = sorted(i.code for i in items if isinstance(i, Failure))
    assert codes == ["E002", "E003", "E005", "E006", "E008"]
    assert sum(not isinstance(i, Failure) for i in items) == 1
