"""Annotators: each adds one layer of spans to a Document, reading only the text and earlier layers."""
from . import actors, attribution, places, sentences, times  # noqa: F401  (registers components)
