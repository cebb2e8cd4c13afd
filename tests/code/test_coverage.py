"""Coverage inventory: every mapped leaf CAMEO code has verb and noun triggers in every language."""
from __future__ import annotations

import json

import pytest

from muster.code import coverage as cov
from muster.lang import SUPPORTED

LANGS = list(SUPPORTED)


def test_coverage_checklist_is_the_mapped_leaf_codes() -> None:
    book = cov.codebook()
    leaves = set(cov.leaves())
    assert "190" in leaves and "0841" in leaves and "1823" in leaves
    assert "031" not in leaves and "084" not in leaves  # refined by 0311.., 0841..
    assert all(c in book for c in cov.checklist())
    # exempt leaves are stood for by a listed code, and every exempt code is a real leaf with a reason
    for code, e in cov.exceptions().items():
        assert code in leaves and e["covered_by"] in cov.checklist() and len(e["reason"]) > 20, code
    assert set(cov.required()) == set(cov.checklist()) - set(cov.exceptions())


@pytest.mark.parametrize("trigger,forms", [
    ("attack|attacked|attacks", 3),
    ("^launch|launched ... attack|attacks", 2),
    ("hold|held ... ^talks", 1),
    ("call ~ in", 1),
])
def test_coverage_trigger_forms_count_anchor_alternatives(trigger: str, forms: int) -> None:
    assert len(cov.trigger_forms(trigger)) == forms


def test_coverage_parent_code_counts_only_for_itself() -> None:
    forms = cov.language_forms("en")
    rows = {r["cameo"]: r for r in cov.coverage("en")["codes"]}
    # a pattern coded "112" (accuse) does not cover the leaves 1121..1125, nor they it
    assert "112" in forms and "112" not in rows
    for leaf in ("1121", "1125"):
        f = forms.get(leaf) or {"verb": set(), "noun": set()}
        assert rows[leaf]["langs"]["en"]["verb"] == len(f["verb"])


def test_coverage_json_and_table_render() -> None:
    data = cov.coverage()
    assert data["languages"] == LANGS
    assert json.loads(json.dumps(data)) == data  # JSON-ready
    text = cov.render_table(data)
    assert text.splitlines()[0].split()[-len(LANGS):] == LANGS
    assert all(f"{lg}:" in text for lg in LANGS)
    assert cov.main(["--lang", "en", "--gaps"]) == 0
    assert cov.main(["--lang", "xx"]) == 2


def test_coverage_english_has_verb_and_noun_for_every_required_code() -> None:
    data = cov.coverage("en")
    assert data["gaps"]["en"] == {"verb": [], "noun": []}, data["gaps"]["en"]
    assert data["summary"]["en"]["covered"] == len(cov.required())


@pytest.mark.parametrize("lang", LANGS)
def test_coverage_every_language_has_verb_and_noun_for_every_required_code(lang: str) -> None:
    gaps = cov.coverage(lang)["gaps"][lang]
    assert gaps == {"verb": [], "noun": []}, gaps
