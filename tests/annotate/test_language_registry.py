"""The language registry: a folder with a language.yaml is a language; SUPPORTED and the per-language
behaviour (sentence ordinals, attribution articles, metadata names) come from the folders, not from code."""
from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

from muster import lang as registry
from muster.annotate.attribution import AttributionTagger
from muster.annotate.sentences import SentenceSplitter
from muster.ingest.langid import normalise
from muster.lang import FALLBACK, SUPPORTED, language, languages, load_yaml
from muster.model import Document

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "muster"
FILES = {"abbreviations.txt", "actors.yaml", "attribution.yaml", "boilerplate.txt", "events.yaml", "lemmas.tsv",
         "modality.yaml", "places.yaml", "times.yaml", "language.yaml"}
# Files of other owners that still name a language in code; the lead's change list removes them (see the
# registry helper's report). Nothing may be added here: a new file naming a language fails the test.
PENDING: set[str] = set()


def test_language_registry_lists_every_folder_with_a_language_file() -> None:
    root = resources.files("muster.lang")
    folders = sorted(e.name for e in root.iterdir() if e.is_dir() and e.joinpath("language.yaml").is_file())
    assert list(SUPPORTED) == folders == list(languages())
    assert {"de", "en", "fr", "it", "ro", "ru", "uk"} <= set(SUPPORTED)


@pytest.mark.parametrize("code", SUPPORTED)
def test_language_registry_folder_has_the_common_file_set(code: str) -> None:
    folder = resources.files("muster.lang").joinpath(code)
    names = {e.name for e in folder.iterdir() if e.is_file() and not e.name.startswith("__")}
    assert FILES <= names, FILES - names
    entry = language(code)
    assert entry.code == code and entry.name and entry.aliases


def test_language_registry_has_one_fallback_language() -> None:
    marked = [c for c, e in languages().items() if e.fallback]
    assert marked == [FALLBACK] and FALLBACK in SUPPORTED


@pytest.mark.parametrize("code", SUPPORTED)
def test_language_registry_aliases_normalise_to_their_language(code: str) -> None:
    for alias in language(code).aliases:
        assert normalise(alias) == code
        assert normalise(alias.upper()) == code
    assert normalise(f"{code}-XX") == code


def test_language_registry_aliases_are_unique_across_languages() -> None:
    seen: dict[str, str] = {}
    for code, entry in languages().items():
        for alias in entry.aliases:
            assert seen.setdefault(alias, code) == code, alias


def test_language_registry_entry_defaults_for_a_minimal_file() -> None:
    entry = registry._entry("xx", {"name": "Example"})
    assert (entry.name, entry.script, entry.aliases, entry.ordinal_dot, entry.fallback) == ("Example", "latin", (), False, False)
    assert registry._entry("yy", None).name == "yy"


@pytest.mark.parametrize("lang,text,count", [
    ("de", "Am 14. November kam es zu Protesten.", 1),      # ordinal dot: no sentence end
    ("ru", "На 14. ноября назначены выборы.", 1),
    ("it", "Gli arrestati sono 14. Molti sono studenti.", 2),  # no ordinal dot in Italian: a sentence ends
    ("ro", "Au fost arestați 14. Mulți sunt studenți.", 2),
])
def test_language_registry_ordinal_dot_flag_drives_the_splitter(lang: str, text: str, count: int) -> None:
    splitter = SentenceSplitter(lang)
    assert splitter.ordinal_dot is language(lang).ordinal_dot
    assert len(splitter.split(text)) == count


@pytest.mark.parametrize("lang,text,source", [
    ("it", "Secondo l'agenzia Ansa, il vertice è stato rinviato.", "Ansa"),
    ("it", "Secondo il Corriere, il vertice è stato rinviato.", "Corriere"),
    ("de", "Laut der Tagesschau wurde das Treffen verschoben.", "Tagesschau"),
    ("en", "According to the Guardian, the summit was postponed.", "Guardian"),
    ("ro", "Potrivit agenției Reuters, summitul a fost amânat.", "Reuters"),
])
def test_language_registry_attribution_articles_come_from_the_language(lang: str, text: str, source: str) -> None:
    doc = AttributionTagger(lang)(Document(raw=text, language=lang))
    assert [a.source for a in doc.attributions] == [source]


def test_language_registry_articles_of_one_language_do_not_leak_into_another() -> None:
    assert "il" in load_yaml("it", "attribution.yaml")["articles"]
    doc = AttributionTagger("en")(Document(raw="According to il Manifesto, talks stalled.", language="en"))
    assert [a.source for a in doc.attributions] == []  # "il" is no English article: no capitalised name follows the cue


def _language_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and n.value in SUPPORTED}


def test_language_registry_no_python_file_names_a_language() -> None:
    offenders = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if _language_literals(p)}
    assert offenders <= PENDING, offenders - PENDING
    for mine in ("lang/__init__.py", "annotate/sentences.py", "annotate/attribution.py", "ingest/langid.py",
                 "ingest/langid_cache.py"):
        assert not _language_literals(SRC / mine), mine
