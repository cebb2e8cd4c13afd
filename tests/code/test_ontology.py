"""PLOVER/CAMEO tables derived from shared/reference/ (tools/build_ontology.py)."""
from __future__ import annotations

import pytest

from muster.code import ontology


def test_ontology_has_all_sixteen_plover_types() -> None:
    assert set(ontology.plover()["types"]) == set(ontology.TYPES)


@pytest.mark.parametrize("event_type,quad", [
    ("AGREE", "verbal_cooperation"), ("AID", "material_cooperation"),
    ("ACCUSE", "verbal_conflict"), ("ASSAULT", "material_conflict"),
])
def test_ontology_quad_class_per_type(event_type: str, quad: str) -> None:
    assert ontology.quad_class(event_type) == quad


@pytest.mark.parametrize("cameo,value", [("195", -10.0), ("0333", 5.2), ("114", -2.0), ("043", 2.8)])
def test_ontology_goldstein_of_cameo_code(cameo: str, value: float) -> None:
    assert ontology.goldstein(cameo) == pytest.approx(value)


def test_ontology_goldstein_falls_back_to_parent_code() -> None:
    assert ontology.goldstein("1959") == ontology.goldstein("195")


@pytest.mark.parametrize("cameo,expected", [
    ("173", ("COERCE", "arrest", ("legal",))), ("043", ("CONSULT", "visit", ())),
    ("166", ("SANCTION", "expel", ("diplomatic",))),
])
def test_ontology_cameo_to_plover(cameo: str, expected: tuple) -> None:
    assert ontology.cameo_to_plover(cameo) == expected


@pytest.mark.parametrize("event_type,mode", [("ASSAULT", "drone"), ("CONSULT", "visit"), ("COERCE", "arrest")])
def test_ontology_modes_belong_to_their_type(event_type: str, mode: str) -> None:
    assert ontology.is_mode(event_type, mode)
    assert not ontology.is_mode("AGREE", mode)


def test_ontology_contexts_include_diplomatic_and_military() -> None:
    assert ontology.is_context("diplomatic") and ontology.is_context("military")
