"""The folder where muster keeps what it builds at first use (gazetteer index, language-id model)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def cache_dir() -> Path:
    """$MUSTER_CACHE_DIR, else $XDG_CACHE_HOME/muster, else ~/.cache/muster."""
    if os.environ.get("MUSTER_CACHE_DIR"):
        return Path(os.environ["MUSTER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "muster"


def writable_dir() -> Path:
    """cache_dir(), created; a per-user folder in the temporary directory when it cannot be written."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if not writable:
        folder = Path(tempfile.gettempdir()) / f"muster-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_atomic(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write `target` through write(file) into a temporary file beside it, then move it in place, so a
    reader sees the old file or the whole new one; on failure no temporary file is left. Raises OSError."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
