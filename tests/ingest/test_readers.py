"""Readers: text with front matter, HTML, JSON Lines, JSON, WARC, folders, stdin, defaults."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from muster.ingest import Failure, from_text, iter_documents
from muster.model import content_id

ARTICLE_EN = ("Georgia detains opposition leader\n"
              "Police in Tbilisi detained the leader of an opposition party on Tuesday, March 4, 2025, officials said.\n"
              "Read more\n"
              "The European Union called for his release.\n")
HTML = """<!DOCTYPE html><html lang="de-DE"><head><title>Moldau weist Diplomaten aus | Ostwind</title>
<meta property="og:site_name" content="Ostwind Nachrichten">
<meta property="og:title" content="Moldau weist russische Diplomaten aus">
<meta property="article:published_time" content="2025-02-20T16:40:00+02:00">
<link rel="canonical" href="https://ostwind.example/2025/02/20/moldau"></head>
<body><nav><a href="/">Startseite</a></nav><article><h1>Moldau weist russische Diplomaten aus</h1>
<p>Die Regierung der Republik Moldau hat am 20. Februar 2025 drei russische Diplomaten zu unerwünschten Personen erklärt.</p>
<p>Moskau kündigte eine Reaktion an. Ein Sprecher nannte die Entscheidung unfreundlich.</p>
</article><footer>© 2025 Ostwind</footer></body></html>"""


def _docs(items):
    return [i for i in items if not isinstance(i, Failure)]


def test_readers_text_front_matter_wins_over_defaults(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\nurl: https://x.example/a\noutlet: Tiflis Post\ntitle: Festnahme\npublished: 2025-03-04T10:00:00Z\n"
                 "language: en\n---\n" + ARTICLE_EN, encoding="utf-8")
    [doc] = list(iter_documents([str(f)], published="2024-01-01", outlet="Default", lang="de"))
    assert (doc.url, doc.outlet, doc.title, doc.published, doc.language) == (
        "https://x.example/a", "Tiflis Post", "Festnahme", "2025-03-04", "en")
    assert doc.removed[0]["reason"] == "front-matter"
    assert doc.clean.startswith("Georgia detains opposition leader\nPolice in Tbilisi")
    assert "Read more" not in doc.clean
    assert all(doc.raw[o] == c for o, c in zip(doc.offsets, doc.clean))
    assert doc.id == content_id(doc.clean)
    assert doc.warnings == []


def test_readers_text_defaults_fill_missing_metadata(tmp_path):
    f = tmp_path / "b.txt"
    f.write_text(ARTICLE_EN, encoding="utf-8")
    [doc] = list(iter_documents([str(f)], published="2025-03-05", outlet="Wire", lang="en"))
    assert (doc.published, doc.outlet, doc.language, doc.url) == ("2025-03-05", "Wire", "en", None)
    assert doc.raw == ARTICLE_EN


def test_readers_invalid_front_matter_warns_and_keeps_text(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("---\ntitle: [unclosed\n---\n" + ARTICLE_EN, encoding="utf-8")
    [doc] = list(iter_documents([str(f)], published="2025-03-05"))
    assert any(w.startswith("W004") for w in doc.warnings)
    assert doc.clean.startswith("Georgia detains")


def test_readers_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    [doc] = list(iter_documents([str(f)], published="2024-01-01", outlet="Default"))
    assert doc.published == "2025-02-20"
    assert doc.outlet == "Ostwind Nachrichten"
    assert doc.title == "Moldau weist russische Diplomaten aus"
    assert doc.url == "https://ostwind.example/2025/02/20/moldau"
    assert doc.language == "de"
    assert "drei russische Diplomaten" in doc.clean and "Startseite" not in doc.clean and "©" not in doc.clean
    assert all(doc.raw[o] == c for o, c in zip(doc.offsets, doc.clean))


@pytest.mark.parametrize("name,payload", [
    ("w.jsonl", "\n".join(json.dumps(r) for r in [
        {"content": "Die Polizei nahm am Montag drei Verdächtige fest.", "date": "21.11.2025", "source": "Ostwind"},
        {"body": "Police detained three suspects on Monday.", "published": "2025-11-21", "outlet": {"name": "Wire"}},
    ])),
    ("w.json", json.dumps([
        {"content": "Die Polizei nahm am Montag drei Verdächtige fest.", "date": "21.11.2025", "source": "Ostwind"},
        {"body": "Police detained three suspects on Monday.", "published": "2025-11-21", "outlet": {"name": "Wire"}},
    ])),
])
def test_readers_json_records_default_field_names(tmp_path, name, payload):
    f = tmp_path / name
    f.write_text(payload, encoding="utf-8")
    docs = list(iter_documents([str(f)]))
    assert [d.outlet for d in docs] == ["Ostwind", "Wire"]
    assert [d.published for d in docs] == ["2025-11-21", "2025-11-21"]
    assert [d.language for d in docs] == ["de", "en"]


def test_readers_json_single_object_and_custom_fields(tmp_path):
    f = tmp_path / "one.json"
    f.write_text(json.dumps({"article_body": "Police detained three suspects on Monday in Chisinau.",
                             "when": "2025-06-01", "text": "not this one"}), encoding="utf-8")
    [doc] = list(iter_documents([str(f)], fields={"text": "article_body", "published": "when"}))
    assert doc.clean == "Police detained three suspects on Monday in Chisinau."
    assert doc.published == "2025-06-01"


def test_readers_jsonl_invalid_line_is_a_failure_and_the_rest_goes_on(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"text": "Erste Meldung über eine Festnahme in Baku."}\n{broken\n\n[1, 2]\n{"title": "no text"}\n'
                 '{"text": "Zweite Meldung über eine Festnahme in Tiflis."}\n', encoding="utf-8")
    items = list(iter_documents([str(f)], published="2025-01-01"))
    fails = [(i.code, i.item) for i in items if isinstance(i, Failure)]
    assert fails == [("E006", "line 2"), ("E006", "line 4"), ("E007", "line 5")]
    assert [d.clean for d in _docs(items)] == ["Erste Meldung über eine Festnahme in Baku.",
                                               "Zweite Meldung über eine Festnahme in Tiflis."]


def _write_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": "2025-02-21T08:00:00Z"})
            writer.write_record(rec)


def test_readers_warc_html_responses(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    no_date = (HTML.replace('<meta property="article:published_time" content="2025-02-20T16:40:00+02:00">', "")
               .replace("2025/02/20/", "").replace("am 20. Februar 2025", "am Donnerstag"))
    _write_warc(f, [("https://ostwind.example/a", "text/html; charset=utf-8", HTML.encode()),
                    ("https://ostwind.example/logo.png", "image/png", b"\x89PNG..."),
                    ("https://ostwind.example/b", "text/html; charset=windows-1251",
                     no_date.replace("Moldau", "Moldawien").encode("cp1252"))])
    docs = list(iter_documents([str(f)]))
    assert len(docs) == 2 and all(not isinstance(d, Failure) for d in docs)
    assert docs[0].published == "2025-02-20" and docs[0].url == "https://ostwind.example/2025/02/20/moldau"
    assert docs[1].published == "2025-02-21"
    assert any(w.startswith("W001") and "WARC" in w for w in docs[1].warnings)


def test_readers_warc_truncated_is_a_failure(tmp_path):
    f = tmp_path / "bad.warc"
    f.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>")
    items = list(iter_documents([str(f)]))
    assert items and all(isinstance(i, Failure) for i in items)
    assert items[-1].code in ("E015", "E008")


def test_readers_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".git").mkdir()
    texts = {"a.txt": "Meldung A über Gespräche in Baku.", "b/z.md": "Meldung Z über Gespräche in Jerewan.",
             "b/deep/c.txt": "Meldung C über Gespräche in Moskau.", "b/.hidden.txt": "versteckt",
             ".git/x.txt": "git", "b/image.png": "png", "b/notes": "ohne Endung"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    docs = list(iter_documents([str(tmp_path)], published="2025-01-01"))
    assert [os.path.relpath(d.path, tmp_path) for d in docs] == ["a.txt", os.path.join("b", "deep", "c.txt"),
                                                                  os.path.join("b", "z.md")]
    assert list(iter_documents([str(tmp_path)], published="2025-01-01"))[1].clean == docs[1].clean


def test_readers_stdin_text_via_cli_process():
    code = ("import sys; from muster.ingest import iter_documents\n"
            "for d in iter_documents(['-'], published='2025-03-05'):\n"
            "    print(d.path, d.language, d.published, repr(d.clean))")
    proc = subprocess.run([sys.executable, "-c", code], input=ARTICLE_EN, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("- en 2025-03-05 ")
    assert "Read more" not in proc.stdout and "European Union" in proc.stdout


def test_readers_stdin_html_and_no_date(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(HTML.replace("article:published_time", "x").encode())))
    [doc] = list(iter_documents(["-"]))
    assert doc.path == "-" and doc.title == "Moldau weist russische Diplomaten aus"
    assert "drei russische Diplomaten" in doc.clean


def test_readers_from_text_without_date_warns_and_leaves_it_empty():
    doc = from_text("Police detained three suspects on Monday in Chisinau, officials said.")
    assert doc.published is None
    assert any(w.startswith("W003") for w in doc.warnings)
    assert doc.language == "en"


@pytest.mark.parametrize("payload,count", [
    (json.dumps({"text": "Police detained three suspects on Monday in Chisinau."}, indent=2), 1),
    (json.dumps([{"text": "Police detained three suspects on Monday."}, {"body": "Talks resumed in Geneva on Friday."}]), 2),
    ('{"text": "Police detained three suspects on Monday."}\n{"text": "Talks resumed in Geneva on Friday."}\n', 2),
])
def test_readers_stdin_json_and_jsonl(monkeypatch, payload, count):
    monkeypatch.setattr(sys, "stdin", io.StringIO(payload))
    docs = list(iter_documents(["-"], published="2025-03-05"))
    assert len(docs) == count and all(not isinstance(d, Failure) for d in docs)


def test_readers_html_saved_as_txt_goes_through_html_path(tmp_path):
    f = tmp_path / "saved.txt"
    f.write_text(HTML, encoding="utf-8")
    [doc] = list(iter_documents([str(f)]))
    assert doc.outlet == "Ostwind Nachrichten" and "<p>" not in doc.clean


def test_readers_warc_without_html_pages_is_a_failure(tmp_path):
    f = tmp_path / "images.warc.gz"
    _write_warc(f, [("https://ostwind.example/logo.png", "image/png", b"\x89PNG...")])
    [fail] = list(iter_documents([str(f)]))
    assert isinstance(fail, Failure) and fail.code == "E002"


@pytest.mark.parametrize("text,title", [
    (ARTICLE_EN, "Georgia detains opposition leader"),
    ("Удар по порту Одессы: повреждены склады\nРоссийские войска нанесли удар по порту.\n",
     "Удар по порту Одессы: повреждены склады"),
    ("Wer spricht für Kiew?\nDie Frage stellt sich seit Wochen.\n", "Wer spricht für Kiew?"),
    ("Ein früherer Partner entfernt sich zunehmend.\nDie Regierung schweigt dazu.\n", None),  # a lead, not a headline
    ("Police detained the leader of an opposition party on Tuesday and officials said nothing more about it "
     "for the rest of the day while protesters gathered outside the building in the rain\nMore text.\n", None),
    ("Georgia detains opposition leader\n", None),  # nothing after it: the whole text, not a headline
])
def test_readers_plain_text_headline_becomes_the_title(tmp_path, text, title):
    f = tmp_path / "h.txt"
    f.write_text(text, encoding="utf-8")
    [doc] = list(iter_documents([str(f)], published="2025-03-05"))
    assert doc.title == title


def test_readers_front_matter_title_wins_over_headline():
    doc = from_text("---\ntitle: Festnahme\n---\n" + ARTICLE_EN, published="2025-03-05")
    assert doc.title == "Festnahme"


def test_readers_gzipped_json_lines_stream_like_plain(tmp_path):
    import gzip
    import json as _json

    from muster.ingest import iter_documents

    recs = [{"text": f"Paragraph {i}. Russia summoned the French ambassador on Monday.", "published": "2025-03-0" + str(i + 1)}
            for i in range(3)]
    plain = tmp_path / "a.jsonl"
    plain.write_text("".join(_json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    packed = tmp_path / "b.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as fh:
        fh.write(plain.read_text(encoding="utf-8"))
    a = [d.id for d in iter_documents([str(plain)])]
    b = [d.id for d in iter_documents([str(packed)])]
    assert len(a) == 3 and a == b
    (tmp_path / "bad.jsonl.gz").write_bytes(b"not gzip at all")
    fails = [f for f in iter_documents([str(tmp_path / "bad.jsonl.gz")]) if not hasattr(f, "events")]
    assert fails and fails[0].code == "E003"


def test_readers_folders_stream_in_path_order(tmp_path):
    from muster.ingest.readers import expand

    for rel in ("b.txt", "a/x.txt", "a/b/y.txt", "c/z.jsonl.gz", ".hidden/h.txt", "a/notes.pdf"):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x", encoding="utf-8")
    skipped: list[str] = []
    got = [str(p).replace(str(tmp_path) + "/", "") for p in expand([str(tmp_path)], skipped)]
    assert got == ["a/b/y.txt", "a/x.txt", "b.txt", "c/z.jsonl.gz"]
    assert [s.replace(str(tmp_path) + "/", "") for s in skipped] == ["a/notes.pdf"]
