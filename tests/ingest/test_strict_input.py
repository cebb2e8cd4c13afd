"""Strict, explained input handling: stray bytes, JSON Lines line ends, script-only pages, unreadable
folders, files of unknown type, and the size limit per document rather than per container."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess

import pytest

from conftest import MUSTER, ROOT
from muster.ingest import Failure, iter_documents
from muster.ingest.encoding import decode_text

DE = ("Aserbaidschan bestellte am 3. März den russischen Botschafter ein.\n"
      "Die Regierung in Baku äußerte sich besorgt über die Lage.\n"
      "Ein Sprecher sagte, man werde \x92alle Optionen\x92 prüfen.\n"
      "Über weitere Schritte wurde am Dienstag beraten.\n")


def _utf8_with_stray(text: str) -> bytes:
    """UTF-8 bytes in which each U+0092 stands for one stray cp1252 byte 0x92."""
    return text.encode("utf-8").replace("\x92".encode("utf-8"), b"\x92")


def test_strict_stray_bytes_do_not_switch_the_whole_file_to_a_code_page(tmp_path):
    f = tmp_path / "stray.txt"
    f.write_bytes(_utf8_with_stray(DE))
    [doc] = list(iter_documents([str(f)], published="2025-03-04"))
    assert "3. März" in doc.clean and "äußerte" in doc.clean and "Über weitere" in doc.clean
    assert "MÃ" not in doc.clean
    [w] = [w for w in doc.warnings if w.startswith("W060")]
    assert "1 line(s)" in w and "line 3" in w


@pytest.mark.parametrize("line,expected,what", [
    (b"Er sagte \x92nein\x92.", "Er sagte ’nein’.", "decoded as cp1252"),           # a legacy line
    ("Größe \x92".encode("utf-8").replace(b"\xc2\x92", b"\x92"), "Größe \ufffd", "1 invalid byte(s) replaced"),
])
def test_strict_decoding_is_per_line_and_counted(line, expected, what):
    data = "Über Baku\n".encode("utf-8") + line + "\nEnde März\n".encode("utf-8")
    text, enc, warning = decode_text(data)
    assert text.splitlines() == ["Über Baku", expected, "Ende März"]
    assert enc == "utf-8" and what in warning


def test_strict_seed_with_one_stray_byte_keeps_its_events(cli, seed_path, tmp_path):
    raw = seed_path.read_bytes()
    at = raw.index(b" ", len(raw) // 2)
    f = tmp_path / "seed-stray.txt"
    f.write_bytes(raw[:at] + b" \x92" + raw[at:])
    good = cli("extract", str(seed_path), "--published", "2025-11-21")
    stray = cli("extract", str(f), "--published", "2025-11-21")
    assert stray.returncode == 0 and "W060" in stray.stderr
    ev = [json.loads(x) for x in good.stdout.splitlines()]
    ev2 = [json.loads(x) for x in stray.stdout.splitlines()]
    assert len(ev2) == len(ev)
    assert [e["date"] for e in ev2] == [e["date"] for e in ev]


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\x1c"])
def test_strict_json_lines_split_on_newline_only(tmp_path, sep):
    recs = [{"text": f"Erster Satz über Baku.{sep}Zweiter Satz über Moskau und Kiew.", "date": "2025-03-01"},
            {"text": "Armenia and Azerbaijan met in Geneva on Monday to discuss the border.", "date": "2025-03-02"}]
    f = tmp_path / "wire.jsonl"
    f.write_text("\r\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\r\n", encoding="utf-8")
    items = list(iter_documents([str(f)]))
    assert [type(i).__name__ for i in items] == ["Document", "Document"], items
    assert "Zweiter Satz" in items[0].clean


@pytest.mark.parametrize("page", [
    "<html><head><script>var app = 1;</script></head><body><div id=app></div>"
    "<script src='bundle.js'></script><noscript>Enable JS to read this site.</noscript></body></html>",
    "<!doctype html><html><body><noscript><p>Please enable JavaScript</p></noscript><script>go()</script></body></html>",
])
def test_strict_html_with_only_scripts_is_e008(tmp_path, page):
    f = tmp_path / "app.html"
    f.write_text(page, encoding="utf-8")
    [item] = list(iter_documents([str(f)], published="2025-03-01"))
    assert isinstance(item, Failure) and item.code == "E008", item


def test_strict_unknown_extensions_are_counted_and_listed(cli, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Russia and Ukraine exchanged prisoners on 3 March 2025.\n", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    (folder / "table.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    proc = cli("ingest", str(folder), "--db", str(db_path), "--published", "2025-03-04", "--json")
    assert proc.returncode == 0, proc.stderr
    s = json.loads(proc.stdout.splitlines()[-1])
    assert s["skipped"] == 2 and s["stored"] == 1 and s["failed"] == 0
    assert "report.pdf" not in proc.stderr
    verbose = cli("ingest", str(folder), "--db", str(db_path), "--verbose", "--quiet")
    assert "report.pdf: skipped" in verbose.stderr and "table.csv: skipped" in verbose.stderr
    plain = cli("ingest", str(folder), "--db", str(db_path))
    assert "skipped 2" in plain.stderr


def _unprivileged() -> list[str]:
    """As root, drop the capabilities that bypass file permissions, so chmod means what it says."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def test_strict_unreadable_directory_is_a_recorded_failure(tmp_path, db_path):
    folder = tmp_path / "in"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "b.txt").write_text("Russia and Ukraine exchanged prisoners.\n", encoding="utf-8")
    (folder / "a.txt").write_text("Azerbaijan summoned Russia's ambassador on 3 March 2025.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        proc = subprocess.run([*_unprivileged(), *MUSTER, "ingest", str(folder), "--db", str(db_path),
                               "--published", "2025-03-04", "--json"], capture_output=True, text=True, cwd=ROOT,
                              env=dict(os.environ, PYTHONWARNINGS="ignore"), timeout=120)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    s = json.loads(proc.stdout.splitlines()[-1])
    assert s["failed"] == 1 and s["stored"] == 1
    assert "E060" in proc.stderr and "locked" in proc.stderr
    rows = sqlite3.connect(db_path).execute("SELECT code, path FROM failures").fetchall()
    assert rows == [("E060", str(locked))]


def test_strict_size_limit_is_per_record_not_per_json_lines_file(tmp_path):
    text = "Armenia and Azerbaijan met in Geneva to discuss the border. " * 8
    lines = [json.dumps({"text": f"{i} {text}", "date": "2025-03-01"}) for i in range(30)]
    lines.insert(10, json.dumps({"text": "x " * 3000, "date": "2025-03-01"}))
    f = tmp_path / "big.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert f.stat().st_size > 5000
    items = list(iter_documents([str(f)], max_bytes=5000))
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(items) == 31 and [(x.code, x.item) for x in failures] == [("E004", "line 11")]


def test_strict_size_limit_still_refuses_one_oversized_text_file(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_text("Baku. " * 2000, encoding="utf-8")
    [item] = list(iter_documents([str(f)], max_bytes=5000))
    assert isinstance(item, Failure) and item.code == "E004"


def test_strict_ingest_reads_json_lines_from_a_subprocess_pipe(tmp_path):
    """The stdin path splits on \\n only too."""
    rec = {"text": "Erster Satz über Baku.\u2028Zweiter Satz über Moskau.", "date": "2025-03-01"}
    proc = subprocess.run([*MUSTER, "clean", "-"], input=json.dumps(rec, ensure_ascii=False) + "\n",
                          capture_output=True, text=True, cwd=ROOT, timeout=60, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    assert proc.returncode == 0, proc.stderr
    assert "Zweiter Satz" in proc.stdout
