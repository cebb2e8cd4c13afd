"""Publication dates: normalisation, and the fallback to the file's modification time."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from muster.ingest import iter_documents
from muster.ingest.dates import normalise_date


@pytest.mark.parametrize("value,expected", [
    ("2025-11-21", "2025-11-21"),
    ("2025-11-21T10:00:00Z", "2025-11-21"),
    ("2025-11-21 10:00", "2025-11-21"),
    ("21.11.2025", "2025-11-21"),
    ("1.3.2025", "2025-03-01"),
    ("2025/11/21", "2025-11-21"),
    ("20251121", "2025-11-21"),
    ("Fri, 21 Nov 2025 10:00:00 GMT", "2025-11-21"),
    (dt.date(2025, 11, 21), "2025-11-21"),
    (1763719200, "2025-11-21"),
    (dt.datetime(2025, 11, 21, 23, 59), "2025-11-21"),
    ("2025-02-30", None),
    ("yesterday", None),
    ("", None),
    (None, None),
])
def test_dates_normalise(value, expected):
    assert normalise_date(value) == expected


def _file(tmp_path, text: str, mtime: str = "2024-06-15"):
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    ts = dt.datetime.fromisoformat(mtime + "T12:00:00+00:00").timestamp()
    os.utime(f, (ts, ts))
    return str(f)


BODY = "Die Polizei nahm am Montag zwei Journalisten fest, teilte das Ministerium mit.\n"


def test_dates_missing_date_falls_back_to_file_mtime_with_w001(tmp_path):
    [doc] = list(iter_documents([_file(tmp_path, BODY)]))
    assert doc.published == "2024-06-15"
    assert [w[:4] for w in doc.warnings] == ["W001"]
    assert "2024-06-15" in doc.warnings[0]


def test_dates_unparseable_own_date_warns_and_falls_back(tmp_path):
    [doc] = list(iter_documents([_file(tmp_path, "---\npublished: gestern\n---\n" + BODY)]))
    assert doc.published == "2024-06-15"
    assert [w[:4] for w in doc.warnings] == ["W005", "W001"]


@pytest.mark.parametrize("front,default,expected", [
    ("published: 21.11.2025\n", None, "2025-11-21"),
    ("published: 2025-11-21T10:00:00Z\n", "2020-01-01", "2025-11-21"),
    ("date: 2025-11-21\n", None, "2025-11-21"),
    ("title: x\n", "2020-01-01", "2020-01-01"),
])
def test_dates_own_date_wins_then_default(tmp_path, front, default, expected):
    [doc] = list(iter_documents([_file(tmp_path, f"---\n{front}---\n" + BODY)], published=default))
    assert doc.published == expected
    assert not any(w.startswith("W001") for w in doc.warnings)
