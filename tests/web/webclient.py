"""Helpers for the web tests: a real uvicorn server in a thread, store copies, HTTP with the standard library."""
from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import http.client
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def copy_store(src: Path, folder: Path) -> Path:
    """A private copy of a store (WAL checkpointed first, so the main file holds everything)."""
    from muster.store import Store

    with Store(src) as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder.mkdir(parents=True, exist_ok=True)
    dst = folder / "muster.db"
    shutil.copyfile(src, dst)
    return dst


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ThreadServer:
    """A real uvicorn server for the muster app, in a thread of the test process, on a free local port."""

    def __init__(self, db: Path, **kw: Any):
        import uvicorn

        from muster.web import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(db, **kw)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "ThreadServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            assert self.thread.is_alive(), "uvicorn stopped"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class Reply:
    def __init__(self, status: int, headers: Any, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


def request(url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 120) -> Reply:
    """One HTTP request; error statuses come back as replies. A server may answer (413) before it has
    read the whole body: the reply is read even when sending the rest broke the pipe."""
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        try:
            conn.request(method, u.path + ("?" + u.query if u.query else ""), body=body, headers=headers or {})
        except (BrokenPipeError, ConnectionResetError):
            pass
        r = conn.getresponse()
        return Reply(r.status, r.headers, r.read())
    finally:
        conn.close()


def post_json(url: str, payload: Any) -> Reply:
    return request(url, "POST", json.dumps(payload).encode("utf-8"), {"Content-Type": "application/json"})


def post_multipart(url: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None) -> Reply:
    boundary = uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, data) in (files or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return request(url, "POST", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
