"""Event coding: ontology tables, language patterns, and the coder that turns spans into events."""
from . import coder  # noqa: F401  (registers the component)
