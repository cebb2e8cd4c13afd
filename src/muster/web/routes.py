"""The routes: every page at /path (HTML) and /path.json (the same dictionary as JSON), and the write endpoints."""
from __future__ import annotations

import json
from typing import Any, AsyncIterator
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from ..analyse import report as report_mod
from ..analyse import timeline
from ..code import ontology
from ..errors import MusterError
from ..lang import SUPPORTED
from ..store.db import Store
from ..store.query import EventQuery, bad_option, check_day
from . import highlight, lookup, submit, views
from .app import Stores

router = APIRouter()
TEXT = {"max_length": 200}
FORM_OVERHEAD = 64 * 1024  # multipart framing and the metadata fields, on top of the file itself


def reader(request: Request) -> Store:
    """This worker thread's read-only connection (called in the endpoint, so in the thread that uses it)."""
    stores: Stores = request.app.state.stores
    return stores.reader()


def is_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def page(request: Request, template: str, data: dict[str, Any], status: int = 200, **extra: Any) -> Response:
    """The .json twin gets `data`; the HTML page renders the same `data` (plus presentation-only `extra`)."""
    if is_json(request):
        return JSONResponse(data, status_code=status)
    context = {"read_only": request.app.state.settings.read_only, **data, **extra}
    html = request.app.state.templates.get_template(template).render(
        **context, request=request, url_with=lambda **kw: _url_with(request, **kw))
    return HTMLResponse(html, status_code=status)


def _url_with(request: Request, **params: Any) -> str:
    """This page's URL with some query parameters replaced (None removes one)."""
    q = {k: v for k, v in request.query_params.items()}
    for k, v in params.items():
        if v is None:
            q.pop(k, None)
        else:
            q[k] = str(v)
    return request.url.path + ("?" + urlencode(q) if q else "")


def _int(value: str | None, name: str, default: int, lo: int, hi: int) -> int:
    if value in (None, ""):
        return default
    try:
        n = int(str(value).strip())
    except ValueError:
        raise bad_option(name, value, "expected a whole number") from None
    if not lo <= n <= hi:
        raise bad_option(name, value, f"expected a number from {lo} to {hi}")
    return n


def filters(dyad: str | None = Query(None, description="Two countries, either direction: AZE-RUS", **TEXT),
            actor: str | None = Query(None, description="Actor country (ISO3) or code (RUSGOV, NATO)", **TEXT),
            recipient: str | None = Query(None, description="Recipient country (ISO3) or code", **TEXT),
            event_type: str | None = Query(None, alias="type", description="PLOVER event type(s), comma-separated", **TEXT),
            quad: str | None = Query(None, description="Quad class 1-4", **TEXT),
            since: str | None = Query(None, description="Happened on or after (YYYY-MM-DD, YYYY-MM, YYYY)", **TEXT),
            until: str | None = Query(None, description="Happened on or before", **TEXT),
            country: str | None = Query(None, description="Country where it happened (ISO3)", **TEXT),
            place: str | None = Query(None, description="Place name (substring)", **TEXT),
            outlet: str | None = Query(None, description="Outlet (substring)", **TEXT),
            language: str | None = Query(None, description="Language of the report", **TEXT),
            search: str | None = Query(None, description="Full-text search in the evidence sentences", **TEXT),
            provenance: str | None = Query(None, description="muster, gdelt, acled or jsonl", **TEXT),
            with_negated: str | None = Query(None, description="Include negated and hypothetical events (events only)",
                                             **TEXT),
            limit: str | None = Query(None, description=f"Rows per page (default {views.DEFAULT_LIMIT}, "
                                                        f"at most {views.MAX_LIMIT})", **TEXT),
            offset: str | None = Query(None, description="Rows to skip", **TEXT)) -> EventQuery:
    """The filters of the CLI (`muster events --dyad ... --search ...`), compiled by the one query layer."""
    _printable(dyad, actor, recipient, event_type, quad, since, until, country, place, outlet, language, search,
               provenance, with_negated, limit, offset)
    params = {"dyad": dyad, "actor": actor, "recipient": recipient, "event_type": event_type, "quad": quad,
              "since": since, "until": until, "country": country, "place": place, "outlet": outlet,
              "language": language, "text": search, "provenance": provenance, "include_negated": with_negated}
    _int(quad, "quad", 0, 1, 4)
    params["limit"] = _int(limit, "limit", views.DEFAULT_LIMIT, 0, views.MAX_LIMIT)
    params["offset"] = _int(offset, "offset", 0, 0, views.MAX_OFFSET)
    if search is not None and not search.strip():
        params["text"] = None
    return EventQuery.from_params(params).checked()


def _printable(*values: str | None) -> None:
    """Refuse control characters (a NUL would end an SQLite full-text query string early)."""
    for v in values:
        if v and any(ord(c) < 32 and c not in "\t\n\r" for c in v):
            raise MusterError("E062", f"invalid value {v[:40]!r}: control characters are not allowed")


def _form_context() -> dict[str, Any]:
    return {"types": ontology.TYPES, "quads": views.QUADS, "languages": SUPPORTED}


# -- index ----------------------------------------------------------------------------------------
@router.get("/", include_in_schema=False)
@router.get("/.json", summary="Store overview: totals, dyads, recent documents")
def index(request: Request) -> Response:
    s = reader(request)
    return page(request, "index.html", views.index(s))


# -- documents ------------------------------------------------------------------------------------
@router.get("/documents", include_in_schema=False)
@router.get("/documents.json", summary="Stored documents, newest first")
def documents(request: Request, limit: str | None = Query(None, **TEXT),
              offset: str | None = Query(None, **TEXT)) -> Response:
    s = reader(request)
    n = _int(limit, "limit", views.DEFAULT_LIMIT, 0, views.MAX_LIMIT)
    return page(request, "documents.html", views.documents(s, n, _int(offset, "offset", 0, 0, views.MAX_OFFSET)))


# decorators register bottom-up: the .json route must come first, or {id} would swallow '.json'
@router.get("/documents/{doc_id}", include_in_schema=False)
@router.get("/documents/{doc_id}.json", summary="One document: clean text, annotations (actors, places, times, "
                                                "attributions) and its events")
def document(request: Request, doc_id: str = Path(..., max_length=100)) -> Response:
    s = reader(request)
    data = views.document(s, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id[:40]!r}")
    extra = {}
    if not is_json(request):
        marks = [highlight.Mark(*m["span"], m["layer"], highlight.label(m)) for m in data["annotations"]]
        for ev in data["events"]:
            evid, trig = ev.get("evidence") or {}, ev.get("trigger") or {}
            if isinstance(evid.get("start"), int) and isinstance(evid.get("end"), int):
                marks.append(highlight.Mark(evid["start"], evid["end"], "evidence", anchor=f"ev-{ev['id']}",
                                            ref=ev["id"]))
            if isinstance(trig.get("start"), int) and isinstance(trig.get("end"), int):
                marks.append(highlight.Mark(trig["start"], trig["end"], "trigger", f"event {ev['event_type']}"))
        extra["segments"] = highlight.segments(data["document"]["clean"], marks)
    return page(request, "document.html", data, **extra)


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is larger than `limit` (held in memory only)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"E004 request too large: at most {limit} bytes")
    buf = bytearray()
    async for chunk in request.stream():
        buf += chunk
        if len(buf) > limit:
            raise HTTPException(413, f"E004 request too large: at most {limit} bytes")
    return bytes(buf)


class _MemoryParser(MultiPartParser):
    spool_max_size = 1 << 40  # the body is already size-checked: never spool an upload to a temporary file


async def _submission(request: Request) -> submit.Submission:
    """A submission from a JSON body ({"text": ..., "published": ...}) or a multipart form (file or text)."""
    settings = request.app.state.settings
    if settings.read_only:
        raise HTTPException(403, "this server is read-only (--read-only): submissions are refused")
    origin = request.headers.get("origin")
    if request.headers.get("sec-fetch-site") == "cross-site" or (
            origin and urlsplit(origin).netloc != request.headers.get("host")):
        raise HTTPException(403, "submissions from another site's page are refused")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _body(request, settings.max_upload + FORM_OVERHEAD)
    if ctype == "application/json":
        try:
            rec = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise submit.SubmitError("E006 invalid JSON body") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise submit.SubmitError('E007 the JSON body needs a "text" string')
        if len(rec["text"].encode("utf-8")) > settings.max_upload:
            raise HTTPException(413, f"E004 article too large: at most {settings.max_upload} bytes")
        meta = {k: rec.get(k) for k in submit.META_FIELDS if isinstance(rec.get(k), (str, type(None)))}
        return submit.Submission(text=rec["text"], meta=meta)
    if ctype != "multipart/form-data":
        raise HTTPException(415, "send application/json or multipart/form-data")

    async def stream() -> AsyncIterator[bytes]:
        yield body

    try:
        form = await _MemoryParser(request.headers, stream(), max_files=1, max_fields=16,
                                   max_part_size=settings.max_upload).parse()
    except MultiPartException as exc:
        raise submit.SubmitError(f"E062 cannot read the form: {exc.message}") from None
    upload = form.get("file")
    data, filename = None, None
    if isinstance(upload, UploadFile):
        data = await upload.read()
        filename = upload.filename
        if len(data) > settings.max_upload:
            raise HTTPException(413, f"E004 file too large: at most {settings.max_upload} bytes")
    text = form.get("text")
    meta = {k: form.get(k) for k in submit.META_FIELDS if isinstance(form.get(k), str)}
    return submit.Submission(text=text if isinstance(text, str) else None, data=data or None, filename=filename,
                             meta=meta)


SUBMIT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
        "text": {"type": "string", "description": "The article (front matter allowed)"},
        "published": {"type": "string", "description": "Publication date YYYY-MM-DD"},
        "lang": {"type": "string", "enum": list(SUPPORTED)}, "outlet": {"type": "string"},
        "title": {"type": "string"}, "url": {"type": "string"}}}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary", "description": ".txt .md .html .json .jsonl"},
        "text": {"type": "string"}, "published": {"type": "string"}, "lang": {"type": "string"},
        "outlet": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"}}}}}}}


@router.post("/documents", status_code=201, openapi_extra=SUBMIT_BODY,
             summary="Submit an article (JSON or a file): read, coded, stored and resolved as `muster ingest` does",
             responses={403: {"description": "read-only server"}, 413: {"description": "too large"},
                        422: {"description": "nothing to ingest"}})
async def post_document(request: Request) -> Response:
    sub = await _submission(request)
    result = await _ingest(request, sub)
    status = 201 if any(d["stored"] for d in result["documents"]) else 200
    return JSONResponse(result, status_code=status)


async def _ingest(request: Request, sub: submit.Submission) -> dict[str, Any]:
    stores: Stores = request.app.state.stores
    assert stores.writer is not None
    return await run_in_threadpool(submit.ingest, stores.writer, sub, request.app.state.settings.data_dir, stores.lock)


# -- upload form ----------------------------------------------------------------------------------
@router.get("/upload", include_in_schema=False)
@router.get("/upload.json", summary="What the upload form accepts")
def upload_form(request: Request) -> Response:
    settings = request.app.state.settings
    data = {"read_only": settings.read_only, "max_bytes": settings.max_upload, "languages": list(SUPPORTED),
            "extensions": list(submit.UPLOAD_EXTENSIONS), "fields": ["file", "text", *submit.META_FIELDS]}
    return page(request, "upload.html", data, error=None, form={})


@router.post("/upload", include_in_schema=False)
async def upload_post(request: Request) -> Response:
    try:
        sub = await _submission(request)
        result = await _ingest(request, sub)
    except submit.SubmitError as exc:
        settings = request.app.state.settings
        html = request.app.state.templates.get_template("upload.html").render(
            read_only=settings.read_only, max_bytes=settings.max_upload, languages=list(SUPPORTED),
            extensions=list(submit.UPLOAD_EXTENSIONS), error=str(exc), form={}, request=request)
        return HTMLResponse(html, status_code=exc.status)
    doc = result["documents"][0]
    flag = "stored" if doc["stored"] else "duplicate"
    return RedirectResponse(f"/documents/{doc['id']}?{flag}=1", status_code=303)


# -- events and incidents -------------------------------------------------------------------------
@router.get("/events", include_in_schema=False)
@router.get("/events.json", summary="Events with the CLI's filters, full-text search and pagination")
def events(request: Request, q: EventQuery = Depends(filters)) -> Response:
    s = reader(request)
    return page(request, "events.html", views.events(s, q), **_form_context())


@router.get("/incidents", include_in_schema=False)
@router.get("/incidents.json", summary="Incidents (events merged across reports) with the same filters")
def incidents(request: Request, q: EventQuery = Depends(filters)) -> Response:
    s = reader(request)
    return page(request, "incidents.html", views.incidents(s, q), **_form_context())


# decorators register bottom-up: the .json route must come first, or {id} would swallow '.json'
@router.get("/incidents/{incident_id}", include_in_schema=False)
@router.get("/incidents/{incident_id}.json", summary="One incident: every report, its evidence in context, "
                                                      "and why the reports were merged")
def incident(request: Request, incident_id: str = Path(..., max_length=100)) -> Response:
    s = reader(request)
    data = views.incident(s, incident_id)
    if data is None:
        raise HTTPException(404, f"no incident {incident_id[:40]!r}")
    return page(request, "incident.html", data)


# -- dyads --------------------------------------------------------------------------------------
@router.get("/dyads", include_in_schema=False)
@router.get("/dyads.json", summary="Country pairs with incidents, busiest first")
def dyads(request: Request) -> Response:
    return page(request, "dyads.html", {"dyads": lookup.dyads(reader(request), limit=500)})


# decorators register bottom-up: the .json route must come first, or {id} would swallow '.json'
@router.get("/dyads/{dyad}", include_in_schema=False)
@router.get("/dyads/{dyad}.json", summary="A dyad's timeline (per period, direction and quad class) and incidents")
def dyad(request: Request, dyad: str = Path(..., max_length=20, description="AZE-RUS"),
         by: str = Query("month", description="day, week, month or year", **TEXT),
         since: str | None = Query(None, **TEXT), until: str | None = Query(None, **TEXT)) -> Response:
    s = reader(request)
    data, tl = views.dyad(s, dyad, by=by.strip().lower() or "month", since=since, until=until)
    extra: dict[str, Any] = {}
    if not is_json(request):
        extra["figure"] = timeline.plotly_figure(tl).to_json() if tl.incidents else None
        extra["tests"] = report_mod.default_tests(data["a"], data["b"])
    return page(request, "dyad.html", data, **extra)


# -- pattern test ---------------------------------------------------------------------------------
def _windows(text: str) -> list[int]:
    try:
        ws = [int(w) for w in text.replace(" ", ",").split(",") if w.strip()]
    except ValueError:
        raise bad_option("window", text, "expected whole days separated by commas, e.g. 7,14,30,60") from None
    if not ws or len(ws) > 12 or any(w < 0 or w > 3650 for w in ws):
        raise bad_option("window", text, "expected 1 to 12 windows of 0 to 3650 days")
    return ws


@router.get("/pattern", include_in_schema=False)
@router.get("/pattern.json", summary="Pattern test: do RESPONSE events follow TRIGGER events more often than chance?")
def pattern(request: Request,
            trigger: str | None = Query(None, max_length=500, description="Selection, e.g. 'dyad=AZE-RUS quad=3'"),
            response: str | None = Query(None, max_length=500, description="Selection, e.g. 'actor=RUS quad=4'"),
            window: str = Query("7,14,30,60", description="Window lengths in days, comma-separated", **TEXT),
            lag: str | None = Query(None, description="Days between a trigger and its window", **TEXT),
            since: str | None = Query(None, **TEXT), until: str | None = Query(None, **TEXT),
            table: str = Query("incidents", description="incidents or events", **TEXT),
            surrogates: str | None = Query(None, description="Circular-shift surrogates (default 999, at most 9999)",
                                           **TEXT)) -> Response:
    s = reader(request)
    _printable(trigger, response, window, lag, since, until, table, surrogates)
    ws = _windows(window or "7,14,30,60")
    n_lag = _int(lag, "lag", 0, 0, 3650)
    n_sur = _int(surrogates, "surrogates", 999, 0, 9999)
    if table not in ("incidents", "events"):
        raise bad_option("table", table, "expected incidents or events")
    since, until = check_day(since, "since"), check_day(until, "until", end=True)
    form = {"trigger": trigger or "", "response": response or "", "window": ",".join(map(str, ws)), "lag": n_lag,
            "since": since or "", "until": until or "", "table": table, "surrogates": n_sur}
    data: dict[str, Any] = {"query": form, "test": None}
    if bool((trigger or "").strip()) != bool((response or "").strip()):
        raise MusterError("E062", "give both a trigger and a response selection")
    if (trigger or "").strip():
        data["test"] = views.pattern_test(s, trigger, response or "", windows=ws, lag=n_lag, since=since, until=until,
                                          table=table, surrogates=n_sur)
    top = lookup.dyads(s, limit=1)
    examples = (report_mod.default_tests(top[0]["a"], top[0]["b"]) if top else []) + [("quad=3", "quad=4")]
    data["examples"] = [{"trigger": t, "response": r} for t, r in examples]
    return page(request, "pattern.html", data)
