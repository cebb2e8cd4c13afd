"""Per-language knowledge as data files: lang/<code>/<name>.yaml|.txt; a folder with a language.yaml is a language.

The registry: every sub-folder of this package that holds a `language.yaml` is a supported language,
so adding a language means adding a folder (same file names in every one), never editing Python.
`SUPPORTED` (sorted codes), `languages()`, `language(code)` and `FALLBACK` (the folder whose
language.yaml says `fallback: true`, used when a document's language is unknown) derive from them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: same result, faster
REGISTRY_FILE = "language.yaml"


def parse_yaml(text: str) -> Any:
    """YAML text as Python data, with the safe loader."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)


def path(lang: str, name: str):
    return resources.files("muster.lang").joinpath(lang, name)


@dataclass(frozen=True)
class Language:
    """A language's registry entry (lang/<code>/language.yaml)."""

    code: str
    name: str                      # English name ("Italian")
    native: str = ""               # own name ("italiano")
    script: str = "latin"          # latin | cyrillic: only informative
    aliases: tuple[str, ...] = ()  # names and codes found in metadata that mean this language (lower case)
    ordinal_dot: bool = False      # "am 14. November": a number, a dot and a short word is an ordinal
    fallback: bool = False         # the language used when a document's language is unknown
    flags: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)  # every key as written


def _entry(code: str, raw: Any) -> Language:
    data = raw if isinstance(raw, dict) else {}
    return Language(code=code, name=str(data.get("name") or code), native=str(data.get("native") or ""),
                    script=str(data.get("script") or "latin"),
                    aliases=tuple(str(a).strip().lower() for a in data.get("aliases") or ()),
                    ordinal_dot=bool(data.get("ordinal_dot", False)), fallback=bool(data.get("fallback", False)),
                    flags=dict(data))


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """Every language folder (one holding a language.yaml), by code, in code order."""
    root = resources.files("muster.lang")
    out: dict[str, Language] = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        reg = entry.joinpath(REGISTRY_FILE)
        if entry.is_dir() and reg.is_file():
            out[entry.name] = _entry(entry.name, parse_yaml(reg.read_text(encoding="utf-8")))
    return out


def language(code: str) -> Language:
    """The registry entry of a supported language (KeyError for an unknown code)."""
    return languages()[code]


def _fallback() -> str:
    marked = [lang.code for lang in languages().values() if lang.fallback]
    return marked[0] if marked else next(iter(languages()), "")


SUPPORTED: tuple[str, ...] = tuple(languages())
FALLBACK: str = _fallback()


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
