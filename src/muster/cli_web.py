"""The `muster serve` command: the web application over a store (registered on the main app by cli.py)."""
from __future__ import annotations

import ipaddress

import typer

from .cli import DB, _fail, app, err
from .errors import MusterError


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(db: str = DB,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (only this machine by default)."),
          port: int = typer.Option(8001, "--port", min=0, max=65535, help="Port to listen on."),
          read_only: bool = typer.Option(False, "--read-only", help="Refuse every write (uploads answer 403); the "
                                                                    "database is opened read-only."),
          max_upload_mb: float = typer.Option(2.0, "--max-upload-mb", min=0.01, max=256,
                                              help="Largest article a submission may carry, in MB.")) -> None:
    """Browse the store in a web browser, with a REST API (OpenAPI at /openapi.json); writes only in the database's
    folder."""
    import os

    import uvicorn

    from .web import create_app

    if read_only and not os.path.isfile(db):
        _fail(f"E061 {db}: no such database (create one with `muster ingest FILE --db {db}`)")
    try:
        web = create_app(db, read_only=read_only, max_upload=int(max_upload_mb * 1024 * 1024))
    except MusterError as exc:
        _fail(str(exc))
    if not _loopback(host):
        err.print(f"warning: listening on {host}: anyone who can reach this machine can read"
                  + (" the store" if read_only else " and write to the store (--read-only refuses writes)"),
                  highlight=False, markup=False)
    err.print(f"muster serving {db} on http://{host}:{port}/" + (" (read-only)" if read_only else ""),
              highlight=False, markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")
