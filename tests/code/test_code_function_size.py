"""Issue 11: the coder stays made of small functions (none in src/muster/code/ over 80 lines)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

CODE = Path(__file__).resolve().parents[2] / "src" / "muster" / "code"
LIMIT = 80


@pytest.mark.parametrize("path", sorted(CODE.glob("*.py")), ids=lambda p: p.name)
def test_code_function_size_at_most_80_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(n.name, n.end_lineno - n.lineno + 1) for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > LIMIT]
    assert not long, long
