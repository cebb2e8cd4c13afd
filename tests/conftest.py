"""Shared fixtures: paths to the repository, shared/ beside it, and a fresh store per test."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "aserbaidschan-russland.de.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"
MUSTER = [sys.executable, "-m", "muster.cli"]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    assert SEED.is_file(), f"shared/ must sit beside the repository: {SEED} missing"
    return SEED


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "muster.db"


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    """Run the real `muster` command line in a subprocess."""
    env = dict(os.environ, PYTHONWARNINGS="ignore", COLUMNS="200")
    return subprocess.run([*MUSTER, *args], input=input, capture_output=True, text=True, cwd=cwd or ROOT,
                          env=env, timeout=timeout)


@pytest.fixture()
def cli():
    return run_cli
