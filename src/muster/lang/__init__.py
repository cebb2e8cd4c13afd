"""Per-language knowledge as data files: lang/<code>/<name>.yaml|.txt, same names in every language."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

SUPPORTED = ("de", "en", "ru", "uk", "ro", "fr")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: same result, faster


def parse_yaml(text: str) -> Any:
    """YAML text as Python data, with the safe loader."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)


def path(lang: str, name: str):
    return resources.files("muster.lang").joinpath(lang, name)


@lru_cache(maxsize=None)
def load_yaml(lang: str, name: str) -> Any:
    """The parsed YAML file lang/<lang>/<name>, or None when the language has none."""
    p = path(lang, name)
    if not p.is_file():
        return None
    return parse_yaml(p.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def load_lines(lang: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of lang/<lang>/<name>."""
    p = path(lang, name)
    if not p.is_file():
        return ()
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)
