"""A cache of py3langid's model, unpacked and restricted to our languages, in muster's cache folder.

The file name carries py3langid's version, the model file's size and the language list, so an upgrade
or another language set builds a new one; a missing, partial or unreadable file means "build again".
"""
from __future__ import annotations

import zipfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any, Sequence

from ..cache import writable_dir, write_atomic


def _model_path() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    p = Path(MODEL_FILE)
    return p if p.is_absolute() else Path(MODEL_DIR) / p


def path(langs: Sequence[str]) -> Path:
    key = f"{version('py3langid')}-{_model_path().stat().st_size}-{'_'.join(sorted(langs))}"
    return writable_dir() / f"langid-{key}.npz"


def save(ident: Any, langs: Sequence[str]) -> Path | None:
    """Write the identifier's arrays atomically; None (and no file) when that is not possible."""
    import numpy as np

    try:
        target = path(langs)
        write_atomic(target, lambda f: np.savez(
            f, ptc=np.ascontiguousarray(ident.nb_ptc), pc=np.asarray(ident.nb_pc),
            classes=np.asarray(ident.nb_classes), output=np.asarray(ident.tk_output, dtype=np.int64),
            nextmove=np.frombuffer(ident.tk_nextmove, dtype=ident.tk_nextmove.typecode),
            row=np.frombuffer(ident.tk_row, dtype=ident.tk_row.typecode),
            typecodes=np.asarray([ident.tk_nextmove.typecode, ident.tk_row.typecode])))
        return target
    except (OSError, AttributeError, TypeError, ValueError):
        return None


def load(cls: Any, langs: Sequence[str]) -> Any | None:
    """An identifier (`cls`, py3langid's LanguageIdentifier) from the cache, or None."""
    import numpy as np

    try:
        with np.load(path(langs), allow_pickle=False) as d:
            next_tc, row_tc = (str(t) for t in d["typecodes"])
            nextmove, row = array(next_tc), array(row_tc)
            nextmove.frombytes(d["nextmove"].tobytes())
            row.frombytes(d["row"].tobytes())
            ident = cls(d["ptc"], d["pc"], d["classes"].tolist(), nextmove, d["output"].tolist(),
                        norm_probs=True, tk_row=row)
    except (OSError, KeyError, ValueError, TypeError, EOFError, zipfile.BadZipFile):
        return None
    if sorted(ident.nb_classes) != sorted(langs):
        return None
    return ident
