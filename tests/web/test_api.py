"""REST API over a real uvicorn server: JSON twins, the CLI's filters, pagination, validation, submissions."""
from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from muster.store import Store
from muster.store.query import EventQuery, select_events, select_incidents

from webclient import ThreadServer, post_json, post_multipart, request

ARTICLE = ("Russian forces shelled the Ukrainian city of Kharkiv on 3 May 2025, Ukrainian officials said.\n"
           "Ukraine accused Russia of deliberately targeting civilians in Zolochiv on 4 May 2025.\n")


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


@pytest.fixture(scope="module")
def first(server: ThreadServer) -> dict[str, str]:
    """A document, an incident and a dyad of the sample store, found through the API."""
    doc = request(server.url + "/documents.json").json()["rows"][0]["id"]
    inc = request(server.url + "/incidents.json?limit=1").json()["rows"][0]["id"]
    d = request(server.url + "/dyads.json").json()["dyads"][0]
    return {"doc": doc, "incident": inc, "dyad": f"{d['a']}-{d['b']}"}


@pytest.mark.parametrize("path, keys", [
    ("/.json", {"totals", "dyads", "recent_documents"}),
    ("/documents.json", {"total", "rows", "limit", "offset", "next_offset"}),
    ("/documents/{doc}.json", {"document", "annotations", "events"}),
    ("/events.json", {"total", "rows", "filters", "limit", "offset"}),
    ("/incidents.json", {"total", "rows", "filters"}),
    ("/incidents/{incident}.json", {"incident", "explain", "reports"}),
    ("/dyads.json", {"dyads"}),
    ("/dyads/{dyad}.json", {"dyad", "timeline", "incidents", "total"}),
    ("/pattern.json", {"query", "test", "examples"}),
    ("/upload.json", {"read_only", "max_bytes", "languages"}),
])
def test_api_every_page_has_a_json_twin(server: ThreadServer, first: dict[str, str], path: str, keys: set[str]) -> None:
    url = server.url + path.format(**first)
    data = request(url).json()
    assert keys <= set(data)
    html = request(url.removesuffix(".json").replace("/.json", "/") or "/", headers={"Accept": "text/html"})
    assert html.status == 200 and html.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in html.headers["content-security-policy"]


@pytest.mark.parametrize("params", [{"dyad": "AZE-RUS"}, {"actor": "RUS"}, {"type": "ASSAULT,COERCE"}, {"quad": "4"},
                                    {"since": "2025-09", "until": "2025"}, {"language": "ru"}, {"search": "Botschafter"},
                                    {"outlet": "a", "with_negated": "1"}])
def test_api_filters_are_the_query_layers(server: ThreadServer, params: dict[str, str]) -> None:
    got = request(f"{server.url}/events.json?{urlencode({**params, 'limit': 1000})}").json()
    kw = {("event_type" if k == "type" else "text" if k == "search" else "include_negated" if k == "with_negated" else k): v
          for k, v in params.items()}
    q = EventQuery.from_params(kw).checked()
    with Store(server.app.state.settings.db, readonly=True) as s:
        want, want_inc = select_events(s, q), select_incidents(s, q)
    assert ids(got["rows"]) == ids(want) and got["total"] == len(want)
    inc = request(f"{server.url}/incidents.json?{urlencode({**params, 'limit': 1000})}").json()
    assert ids(inc["rows"]) == ids(want_inc)


def test_api_search_finds_words_in_evidence(server: ThreadServer) -> None:
    rows = request(server.url + "/events.json?search=" + quote("Botschafter")).json()["rows"]
    assert rows and all("botschafter" in r["evidence"]["sentence"].lower() for r in rows)


@pytest.mark.parametrize("limit", [1, 3, 7])
def test_api_pagination_walks_every_row_once(server: ThreadServer, limit: int) -> None:
    everything = request(server.url + "/incidents.json?limit=1000").json()
    seen, offset = [], 0
    while offset is not None:
        page = request(f"{server.url}/incidents.json?limit={limit}&offset={offset}").json()
        assert page["count"] <= limit and page["total"] == everything["total"]
        seen += ids(page["rows"])
        offset = page["next_offset"]
    assert seen == ids(everything["rows"])


@pytest.mark.parametrize("path, needle", [
    ("/events.json?quad=9", "quad"), ("/events.json?dyad=XX", "dyad"), ("/events.json?limit=abc", "limit"),
    ("/events.json?limit=5000", "limit"), ("/events.json?offset=-1", "offset"), ("/events.json?since=2025-13-01", "since"),
    ("/incidents.json?type=FOO", "type"), ("/events.json?language=xx1", "language"),
    ("/events.json?search=" + "x" * 300, "search"), ("/dyads/AZE-XXX.json", "dyad"), ("/dyads/AZE.json", "dyad"),
    ("/dyads/AZE-RUS.json?by=decade", "by"), ("/pattern.json?trigger=type%3DASSAULT", "response"),
    ("/pattern.json?trigger=color%3Dred&response=actor%3DRUS", "color"),
    ("/pattern.json?trigger=actor%3DRUS&response=actor%3DUKR&window=a,b", "window"),
    ("/pattern.json?trigger=actor%3DRUS&response=actor%3DUKR&surrogates=100000", "surrogates"),
    ("/documents.json?limit=-3", "limit"),
])
def test_api_bad_input_is_422_with_a_message(server: ThreadServer, path: str, needle: str) -> None:
    r = request(server.url + path)
    assert r.status == 422
    body = r.json()
    assert needle in body["message"] and body["error"]


@pytest.mark.parametrize("path", ["/documents/nope.json", "/incidents/nope.json", "/nothing-here"])
def test_api_unknown_things_are_404(server: ThreadServer, path: str) -> None:
    r = request(server.url + path)
    assert r.status == 404 and r.json()["message"]


def test_api_openapi_documents_every_endpoint(server: ThreadServer) -> None:
    spec = request(server.url + "/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/events.json", "/incidents.json", "/documents.json", "/documents/{doc_id}.json", "/dyads/{dyad}.json",
            "/incidents/{incident_id}.json", "/pattern.json", "/documents"} <= paths
    assert "post" in spec["paths"]["/documents"]
    names = {p["name"] for p in spec["paths"]["/events.json"]["get"]["parameters"]}
    assert {"dyad", "type", "search", "since", "limit", "offset"} <= names


def test_api_pattern_test_answers_in_words(server: ThreadServer, first: dict[str, str]) -> None:
    a, b = first["dyad"].split("-")
    q = urlencode({"trigger": f"dyad={a}-{b}", "response": f"actor={b}", "window": "7,30", "surrogates": "99"})
    test = request(f"{server.url}/pattern.json?{q}").json()["test"]
    assert test["trigger"] == f"dyad={a}-{b}" and isinstance(test["verdict"], str) and len(test["verdict"]) > 20


def test_api_post_json_runs_the_pipeline_and_resolves(server: ThreadServer) -> None:
    r = post_json(server.url + "/documents", {"text": ARTICLE, "published": "2025-05-05", "lang": "en",
                                              "outlet": "Test Wire"})
    assert r.status == 201, r.text
    doc = r.json()["documents"][0]
    assert doc["stored"] and doc["events"]
    assert any(e["event_type"] == "ASSAULT" and e["incident_id"] for e in doc["events"])
    listed = request(server.url + "/events.json?search=Kharkiv&outlet=Test+Wire").json()["rows"]
    assert {e["id"] for e in doc["events"]} & set(ids(listed))
    again = post_json(server.url + "/documents", {"text": ARTICLE, "published": "2025-05-05", "lang": "en"})
    assert again.status == 200 and not again.json()["documents"][0]["stored"]


@pytest.mark.parametrize("filename, data", [
    ("../../escape.txt", b"Russia expelled two Moldovan diplomats from Moscow on 2 June 2025.\n"),
    ("page.html", b"<html><head><title>Moldova</title></head><body><article><p>Moldova expelled a Russian "
                  b"diplomat from Chisinau on 3 June 2025, the foreign ministry said.</p></article></body></html>"),
])
def test_api_post_file_is_kept_in_the_data_folder_only(server: ThreadServer, filename: str, data: bytes) -> None:
    r = post_multipart(server.url + "/documents", {"published": "2025-06-04", "lang": "en"}, {"file": (filename, data)})
    assert r.status == 201, r.text
    folder: Path = server.app.state.settings.data_dir
    kept = list((folder / "uploads").iterdir())
    assert kept and all(p.parent == folder / "uploads" for p in kept)
    assert not (folder.parent / "escape.txt").exists() and not (folder.parent.parent / "escape.txt").exists()
    assert r.json()["documents"][0]["language"] == "en"


@pytest.mark.parametrize("send, status", [
    (lambda url: post_json(url, {"text": "   "}), 422),
    (lambda url: post_json(url, {"text": ARTICLE, "lang": "xx"}), 422),
    (lambda url: post_json(url, {"text": ARTICLE, "published": "yesterday"}), 422),
    (lambda url: post_json(url, {"nothing": 1}), 422),
    (lambda url: request(url, "POST", b"{not json", {"Content-Type": "application/json"}), 422),
    (lambda url: request(url, "POST", b"text", {"Content-Type": "text/plain"}), 415),
    (lambda url: post_json(url, {"text": "x" * (3 * 1024 * 1024)}), 413),
    (lambda url: post_multipart(url, {}, {"file": ("big.txt", b"y" * (3 * 1024 * 1024))}), 413),
    (lambda url: post_multipart(url, {"text": ARTICLE}, {"file": ("a.txt", b"Another text.")}), 422),
    (lambda url: request(url, "POST", b'{"text": "Russia attacked Ukraine."}',
                         {"Content-Type": "application/json", "Origin": "http://evil.example"}), 403),
])
def test_api_post_refuses_bad_submissions(server: ThreadServer, send, status: int) -> None:
    before = request(server.url + "/.json").json()["totals"]
    r = send(server.url + "/documents")
    assert r.status == status and r.json()["message"]
    assert request(server.url + "/.json").json()["totals"] == before


NASTY = ["", " ", "'", '"', "\\", "%", "_", "*", "NEAR(", "a OR b", '" OR 1=1 --', "'; DROP TABLE events; --", "\x00",
         "\u202e", "é", "ß", "Москва", "1e309", "-1", "0", "99999999999999999999", "2025-02-30", "2025-1-1", "../..",
         "<script>alert(1)</script>", "AZE-RUS-UKR", "AZE-", "-", "type=", "quad=5", "dyad=AZE-RUS quad=3",
         "actor=RUS,UKR", "'unbalanced", "\t\n", "🙂" * 5, "a" * 199]


def _value(rng: random.Random) -> str:
    if rng.random() < 0.7:
        return rng.choice(NASTY)
    return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x2FFF)])) for _ in range(rng.randint(1, 30)))


SHARP = ["\x00", "\x07", "'", '"', "NEAR(", "*", "a" * 199, "<script>", "-1", "99999999999999999999", "2025-02-30"]


def _url(path: str, params: list[dict], values: dict[str, str]) -> str:
    query = {}
    for p in params:
        v = values.get(p["name"])
        if v is None:
            continue
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", quote(v or "x", safe=""))
        else:
            query[p["name"]] = v
    path = path.replace("{dyad}", "AZE-RUS").replace("{doc_id}", "x").replace("{incident_id}", "x")
    return path + "?" + urlencode(query)


def test_api_fuzzing_the_openapi_spec_finds_no_500(server: ThreadServer) -> None:
    """Property-based run over the spec (as schemathesis does): every GET endpoint, each parameter alone with
    sharp values, then random mixes of hostile ones; the server may refuse (4xx) but never fail (5xx)."""
    rng = random.Random(15)
    spec = request(server.url + "/openapi.json").json()
    urls = []
    for path, ops in sorted(spec["paths"].items()):
        params = (ops.get("get") or {}).get("parameters")
        if params is None:
            continue
        urls += [_url(path, params, {p["name"]: v}) for p in params for v in SHARP]
        for _ in range(8):
            mix = {p["name"]: _value(rng) for p in params if p["in"] == "path" or rng.random() < 0.5}
            if path.startswith("/pattern"):
                mix["surrogates"] = rng.choice(["0", "9", "x"])
            urls.append(_url(path, params, mix))
    for url in urls:
        r = request(server.url + url)
        assert r.status < 500, (url, r.text[:300])
        assert r.headers["content-type"].startswith("application/json")
    assert len(urls) >= 300
