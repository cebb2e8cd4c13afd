"""Front matter read with libyaml's parser gives what the Python parser gives, errors included."""
from __future__ import annotations

import pytest
import yaml

from muster.ingest import frontmatter

BLOCKS = [
    "published: 2025-03-01\nlanguage: de\ntitle: 'Ein Titel: mit Doppelpunkt'",
    "url: https://example.org/a?b=1#c\noutlet: Daily Ledger\ndate: 2025-03-01T10:00:00Z",
    "title: \"Zitat \\\"innen\\\"\"\nlang: ru\ntags: [a, b]\nnested: {x: 1}",
    "title: Київ — «Заява»\nsource: ТАСС",
    "title: [unclosed",
    "a: b: c",
    "- a list\n- not a mapping",
    "key: value\n\tkey2: tab",
    "title: 'x'\ntitle: 'y'",
]


@pytest.mark.parametrize("block", BLOCKS)
def test_frontmatter_loader_matches_the_python_parser(block):
    text = f"---\n{block}\n---\nBody text.\n"
    try:
        want = yaml.safe_load(block)
        error = None
    except yaml.YAMLError as exc:
        want, error = None, str(exc).splitlines()[0]
    meta, start, problem = frontmatter.split(text)
    assert text[start:] == "Body text.\n"
    if error is not None:
        assert meta == {} and problem == f"invalid YAML front matter ({error})"
    elif isinstance(want, dict):
        assert problem is None and meta == {frontmatter._ALIASES.get(k.lower(), k.lower()): v for k, v in want.items()
                                            if frontmatter._ALIASES.get(k.lower(), k.lower()) in frontmatter.KEYS}
    else:
        assert meta == {} and problem == "front matter is not a mapping of keys to values"
