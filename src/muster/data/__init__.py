"""Language-independent tables (ontology, Goldstein, gazetteer) shipped as package data."""
from __future__ import annotations

from importlib import resources


def path(name: str):
    return resources.files("muster.data").joinpath(name)
