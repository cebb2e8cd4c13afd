"""The FastAPI application: settings, one reader connection per thread, a single locked writer, error pages."""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..analyse.selection import SelectionError
from ..errors import MusterError
from ..store.db import Store
from .submit import SubmitError

HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # an article file or pasted text above this is refused with 413
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@dataclass
class Settings:
    db: Path
    read_only: bool = False
    max_upload: int = MAX_UPLOAD_BYTES

    @property
    def data_dir(self) -> Path:
        """The folder of the database: the only place the server writes (the store, uploads/)."""
        return self.db.resolve().parent


@dataclass
class Stores:
    """Readers: one read-only connection per worker thread (WAL: they never block the writer).
    Writer: one connection, used under `lock` only, absent in read-only mode."""

    settings: Settings
    lock: threading.Lock = field(default_factory=threading.Lock)
    local: threading.local = field(default_factory=threading.local)
    writer: Store | None = None

    def open(self) -> None:
        from ..workflow import settle

        if not self.settings.read_only:
            self.writer = Store(self.settings.db)
            with self.lock:
                settle(self.writer)  # what an interrupted run left to resolve
        self.reader()  # fails early (E020) on a missing or broken file

    def reader(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = Store(self.settings.db, readonly=True)
            self.local.store = store
        return store


def templates() -> Environment:
    from ..cli import when

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, when=when)
    return env


def wants_json(request: Request) -> bool:
    """JSON for .json paths and API calls; HTML for browsers (and for the HTML form posts)."""
    path = request.url.path
    if path.endswith(".json"):
        return True
    if path == "/upload":
        return False
    return request.method != "GET" or "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, code: str | None = None,
                   detail: Any = None) -> Response:
    body: dict[str, Any] = {"error": code or f"HTTP{status}", "message": message}
    if detail is not None:
        body["detail"] = detail
    if wants_json(request):
        return JSONResponse(body, status_code=status)
    page = request.app.state.templates.get_template("error.html").render(
        status=status, message=message, code=code, read_only=request.app.state.settings.read_only)
    return HTMLResponse(page, status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    parts, detail = [], []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {e.get('msg')}")
        detail.append({"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg")), "type": e.get("type")})
    return "invalid request: " + "; ".join(parts), detail


def create_app(db: str | Path, *, read_only: bool = False, max_upload: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """The web application over the store at `db` (created when missing, unless read-only)."""
    from . import routes

    settings = Settings(Path(db), read_only=read_only, max_upload=max_upload)
    stores = Stores(settings)
    stores.open()
    app = FastAPI(title="muster", version=__version__, docs_url=None, redoc_url=None,
                  description="News in, a sourced timeline of political events out: documents, events, incidents, "
                              "dyad timelines and pattern tests over a muster store. Every HTML page has a .json twin.")
    app.state.settings, app.state.stores, app.state.templates = settings, stores, templates()

    @app.middleware("http")
    async def headers(request: Request, call_next):  # noqa: ANN001
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        # no referrer leaves for outside links, and same-origin form posts keep their Origin (checked on writes)
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(MusterError)
    async def muster_error(request: Request, exc: MusterError) -> Response:
        status = 500 if exc.code == "E020" else 422
        return error_response(request, status, str(exc), exc.code)

    @app.exception_handler(SelectionError)
    async def selection_error(request: Request, exc: SelectionError) -> Response:
        return error_response(request, 422, str(exc), "E062")

    @app.exception_handler(SubmitError)
    async def submit_error(request: Request, exc: SubmitError) -> Response:
        return error_response(request, exc.status, str(exc), str(exc).split(" ", 1)[0] if str(exc)[:1] == "E" else None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        message, detail = _validation_message(exc)
        return error_response(request, 422, message, "E062", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(sqlite3.DatabaseError)
    async def database_error(request: Request, exc: sqlite3.DatabaseError) -> Response:
        return error_response(request, 500, f"database error: {str(exc).splitlines()[0] if str(exc) else 'unknown'}",
                              "E020")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        import plotly

        return FileResponse(Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
                            media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})

    app.include_router(routes.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
