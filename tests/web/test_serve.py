"""`muster serve` as users start it: a uvicorn subprocess, read-only mode, loopback by default."""
from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
from webclient import copy_store, free_port, post_json, post_multipart, request

ARTICLE = "Russian forces shelled the Ukrainian city of Kharkiv on 3 May 2025, Ukrainian officials said.\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def readonly(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """`muster serve --read-only` in a subprocess over a copy of the sample store, on a free port."""
    db = copy_store(sample_db, tmp_path_factory.mktemp("ro"))
    before = {p.name: digest(p) for p in db.parent.iterdir()}
    port = free_port()
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    proc = subprocess.Popen([sys.executable, "-m", "muster.cli", "serve", "--db", str(db), "--port", str(port),
                             "--read-only"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert proc.poll() is None, proc.communicate()
        try:
            if request(url + "/.json", timeout=5).status == 200:
                break
        except OSError:
            pass
        assert time.monotonic() < deadline, "muster serve did not answer within 60 s"
        time.sleep(0.2)
    yield {"url": url, "db": db, "before": before, "proc": proc}
    proc.terminate()
    proc.communicate(timeout=20)


@pytest.mark.parametrize("send", [
    lambda url: post_json(url + "/documents", {"text": ARTICLE, "published": "2025-05-04"}),
    lambda url: post_multipart(url + "/documents", {}, {"file": ("a.txt", ARTICLE.encode())}),
    lambda url: post_multipart(url + "/upload", {"text": ARTICLE}),
])
def test_serve_read_only_refuses_writes(readonly: dict, send) -> None:
    r = send(readonly["url"])
    assert r.status == 403 and "read-only" in r.text


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_serve_other_methods_are_not_allowed(readonly: dict, method: str) -> None:
    assert request(readonly["url"] + "/documents", method).status == 405


def test_serve_read_only_reads_and_never_writes(readonly: dict) -> None:
    assert request(readonly["url"] + "/events.json").json()["total"] > 0
    page = request(readonly["url"] + "/upload", headers={"Accept": "text/html"}).text
    assert "read-only" in page and "<form" not in page.split("<main>")[1]
    folder: Path = readonly["db"].parent
    assert digest(readonly["db"]) == readonly["before"]["muster.db"]
    # SQLite's WAL readers keep a shared-memory index beside the file; nothing else may appear, the log stays empty
    assert {p.name for p in folder.iterdir()} <= {"muster.db", "muster.db-wal", "muster.db-shm"}
    assert not (folder / "muster.db-wal").exists() or (folder / "muster.db-wal").stat().st_size == 0


def _own_address() -> str | None:
    """This machine's address on its default route, if it has one besides loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            ip = s.getsockname()[0]
        except OSError:
            return None
    return None if ip.startswith("127.") else ip


def test_serve_binds_loopback_by_default(readonly: dict) -> None:
    port = int(readonly["url"].rsplit(":", 1)[1])
    ip = _own_address()
    if ip is None:
        pytest.skip("no network address besides loopback to check against")
    with socket.socket() as s:
        s.settimeout(2)
        assert s.connect_ex((ip, port)) != 0


def test_serve_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from muster.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db"), "--read-only"])
    assert result.exit_code == 2 and "E061" in result.output
    assert not (tmp_path / "missing.db").exists()
