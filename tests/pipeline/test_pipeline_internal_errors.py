"""A bug in a component on one document becomes that document's E070 failure; the batch goes on."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from muster.errors import MusterError
from muster.model import Document
from muster.pipeline import Pipeline, build, register


class _Explodes:
    """A component with a bug: it fails on documents that mention 'kaboom'."""

    name, requires, provides = "explodes_on_kaboom", ("clean",), ()

    def __call__(self, doc: Document) -> Document:
        if "kaboom" in doc.clean:
            raise IndexError("list index out of range")
        return doc


register("explodes_on_kaboom")(lambda lang: _Explodes())


def test_pipeline_internal_error_becomes_E070() -> None:
    pipe = Pipeline("en", [_Explodes()])
    assert pipe(Document(raw="calm", clean="calm", language="en")).done == ["explodes_on_kaboom"]
    with pytest.raises(MusterError) as err:
        pipe(Document(raw="kaboom", clean="kaboom", language="en"))
    assert err.value.code == "E070"
    assert "explodes_on_kaboom" in err.value.message and "IndexError" in err.value.message


@pytest.mark.parametrize("text", [
    # a clause that ends in ", an allegation ... accepts" right at the end of the token list (crashed the coder)
    "Gold conventions were aligned (agreeing to a ceasefire also accepts",
    "RETREAT/ceasefire; signing a declaration also accepts SUPPORT), no event was added or removed.",
])
def test_pipeline_truncated_clauses_do_not_crash(text: str) -> None:
    doc = build("en")(Document(raw=text, clean=text, language="en", published="2025-01-01"))
    assert "coder" in doc.done


def test_pipeline_bug_in_one_file_fails_only_that_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("---\npublished: 2024-05-02\nlanguage: en\n---\nPoland expelled a Russian diplomat on Monday.\n",
                               encoding="utf-8")
    (src / "b.md").write_text((ROOT / "tests" / "data" / "events" / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "m.db"
    res = run_cli("ingest", str(src), "--db", str(db), "--quiet")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    events = run_cli("events", "--db", str(db), "--format", "jsonl")
    assert events.returncode == 0 and "POL" in events.stdout
