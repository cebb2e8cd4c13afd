"""`muster lexicon`: what the language data covers (registered on the main app by cli.py)."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from .cli import _fail, app, out


@app.command()
def lexicon(coverage: bool = typer.Option(False, "--coverage", help="The CAMEO coverage inventory: codes x languages."),
            lang: Optional[str] = typer.Option(None, "--lang", help="One language (default: every supported one)."),
            gaps: bool = typer.Option(False, "--gaps", help="Only the rows with a gap."),
            as_json: bool = typer.Option(False, "--json", help="The whole inventory as one JSON object."),
            strict: bool = typer.Option(False, "--strict", help="Exit 1 when a required code lacks a verb or a noun trigger.")) -> None:
    """The event lexicon: with --coverage, every mapped CAMEO leaf code with its verb/noun trigger forms per language."""
    from .code import coverage as cov
    from .lang import SUPPORTED

    if not coverage:
        _fail("say what to show: --coverage")
    if lang is not None and lang not in SUPPORTED:
        _fail(f"unknown language {lang!r}; supported: {' '.join(SUPPORTED)}")
    inv = cov.coverage(lang)
    if as_json:
        sys.stdout.write(json.dumps(inv, ensure_ascii=False) + "\n")
    else:
        out.print(cov.render_table(inv, gaps_only=gaps), highlight=False, markup=False)
    if strict and any(s["gaps"] for s in inv["summary"].values()):
        raise typer.Exit(1)
