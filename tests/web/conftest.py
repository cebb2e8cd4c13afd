"""Web fixtures: the sample corpus ingested once, real uvicorn servers on free ports, one headless Chromium."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import importlib.util

import pytest
from webclient import ThreadServer, copy_store

CHROMIUM = "/usr/bin/chromium"

# Test modules elsewhere do `from conftest import ROOT, run_cli`; when pytest loads this file first it
# is the module named "conftest", so it carries the root conftest's plain helpers too (not its fixtures).
_spec = importlib.util.spec_from_file_location("_muster_tests_root", Path(__file__).resolve().parents[1] / "conftest.py")
_root = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_root)
ROOT, SHARED, SEED, SEED_GOLD, MUSTER, run_cli = (_root.ROOT, _root.SHARED, _root.SEED, _root.SEED_GOLD, _root.MUSTER,
                                                 _root.run_cli)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the bundled sample corpus, ingested the way `muster demo` does (once per session)."""
    from muster import data
    from muster.ingest import iter_documents
    from muster.store import Store
    from muster.workflow import ingest_documents

    path = tmp_path_factory.mktemp("sample") / "muster.db"
    with Store(path) as store:
        summary = ingest_documents(store, iter_documents([str(data.path("sample"))]), run_id="web-tests")
    assert summary["stored"] >= 10 and summary["failed"] == 0
    return path


@pytest.fixture(scope="module")
def server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    """A writable server over a private copy of the sample store (one per test module)."""
    db = copy_store(sample_db, tmp_path_factory.mktemp("data"))
    with ThreadServer(db) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $MUSTER_SCREENSHOTS when set (to look at them), else a temporary folder."""
    folder = Path(os.environ.get("MUSTER_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
