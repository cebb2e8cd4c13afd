"""Trigger coverage of the CAMEO codebook: verb and noun trigger forms per leaf CAMEO code and language.

The checklist is every leaf CAMEO code that CAMEO2PLOVER maps to a PLOVER type (data/cameo_plover.tsv,
built by tools/build_ontology.py); a pattern counts for the code it is written with, a parent code
("112") only for itself. Leaves exempt by data/coverage_exceptions.yaml (with the reason) are listed but
not required; the code that stands for them ("141" for "1411".."1414") is required instead.

    python -m muster.code.coverage [--lang L] [--json] [--gaps]
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from typing import Any

from .. import lang as _lang
from ..data import path as data_path
from ..lang import load_yaml, parse_yaml
from . import ontology


def languages() -> tuple[str, ...]:
    """The supported languages, as the language registry lists them."""
    sup = getattr(_lang, "SUPPORTED")
    return tuple(sup() if callable(sup) else sup)


@lru_cache(maxsize=1)
def codebook() -> dict[str, dict[str, str]]:
    """Mapped CAMEO code -> {plover, mode, label}, in table order."""
    out: dict[str, dict[str, str]] = {}
    for line in data_path("cameo_plover.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        r = line.split("\t") + [""] * 5
        out.setdefault(r[0], {"plover": r[1], "mode": r[2].strip(), "label": r[4].strip()})
    return out


def leaves() -> list[str]:
    """Mapped codes no other mapped code refines ("031" has "0311": not a leaf), sorted."""
    codes = list(codebook())
    return sorted(c for c in codes if not any(o != c and o.startswith(c) for o in codes))


def checklist() -> list[str]:
    """The codes the inventory lists: the leaves, plus the codes that stand for exempt leaves ("141")."""
    return sorted(set(leaves()) | {e["covered_by"] for e in exceptions().values() if e["covered_by"]})


def required() -> list[str]:
    """The listed codes that need a verb and a noun trigger in every language (the exempt ones do not)."""
    exc = exceptions()
    return [c for c in checklist() if c not in exc]


@lru_cache(maxsize=1)
def exceptions() -> dict[str, dict[str, str]]:
    """Exempt code -> {covered_by, reason}."""
    data = parse_yaml(data_path("coverage_exceptions.yaml").read_text(encoding="utf-8")) or {}
    out: dict[str, dict[str, str]] = {}
    for e in data.get("exceptions") or []:
        for c in e.get("codes") or []:
            out[str(c)] = {"covered_by": str(e.get("covered_by") or ""), "reason": " ".join(str(e["reason"]).split())}
    return out


def trigger_forms(trigger: str) -> list[str]:
    """The written forms of one trigger: one per alternative of its anchoring step ("a|b ... c": 2)."""
    parts = trigger.split()
    steps = [i for i, p in enumerate(parts) if p not in ("...", "~")]
    if not steps:
        return []
    at = next((i for i in steps if parts[i].startswith("^") and len(parts[i]) > 1), steps[0])
    out = []
    for alt in parts[at].lstrip("^").split("|"):
        if alt.strip():
            out.append(" ".join(parts[:at] + [alt.strip().lower()] + parts[at + 1:]))
    return out


def language_forms(lang: str) -> dict[str, dict[str, Any]]:
    """CAMEO code -> {"verb": set of forms, "noun": set of forms, "patterns": [ids]} for one language."""
    data = load_yaml(lang, "events.yaml") or {}
    out: dict[str, dict[str, Any]] = {}
    for p in data.get("patterns") or []:
        code = str(p.get("cameo") or "")
        if not code:
            continue
        slot = out.setdefault(code, {"verb": set(), "noun": set(), "patterns": []})
        kind = "noun" if p.get("noun") else "verb"
        for t in p.get("triggers") or []:
            slot[kind].update(trigger_forms(str(t)))
        slot["patterns"].append(f"{lang}.{p.get('id')}")
    return out


def _type_mismatches(lang: str) -> list[dict[str, str]]:
    """Patterns whose PLOVER type differs from the type CAMEO2PLOVER gives their code (conventions aside)."""
    book = codebook()
    out = []
    for p in (load_yaml(lang, "events.yaml") or {}).get("patterns") or []:
        code = str(p.get("cameo") or "")
        want = book.get(code, {}).get("plover")
        if want and want != p.get("type"):
            out.append({"id": f"{lang}.{p.get('id')}", "cameo": code, "type": str(p.get("type")), "table": want})
    return out


def coverage(lang: str | None = None) -> dict[str, Any]:
    """The coverage inventory (JSON-ready): leaf codes x languages with counts of verb and noun trigger forms.

    {"languages": [...], "codes": [{"cameo", "plover", "mode", "label", "exempt", "langs": {l: {"verb", "noun",
    "status"}}}], "summary": {l: {"codes", "covered", "verb", "noun", "exempt", "gaps"}}, "gaps": {l: {"verb":
    [...], "noun": [...]}}, "other_codes": {l: {code: {"verb", "noun"}}}, "type_mismatches": {l: [...]}}.
    status is "ok" (a verb and a noun form), "verb" / "noun" (only that kind), "none", or "exempt".
    """
    langs = [lang] if lang else list(languages())
    book, exc, leaf = codebook(), exceptions(), checklist()
    forms = {lg: language_forms(lg) for lg in langs}
    rows: list[dict[str, Any]] = []
    required_n = len(leaf) - len(set(leaf) & set(exc))
    summary = {lg: {"codes": required_n, "covered": 0, "verb": 0, "noun": 0, "exempt": 0, "gaps": 0} for lg in langs}
    gaps: dict[str, dict[str, list[str]]] = {lg: {"verb": [], "noun": []} for lg in langs}
    for code in leaf:
        info = book[code]
        row: dict[str, Any] = {"cameo": code, "plover": info["plover"], "mode": info["mode"], "label": info["label"],
                               "exempt": exc.get(code), "langs": {}}
        for lg in langs:
            f = forms[lg].get(code) or {"verb": set(), "noun": set()}
            v, n = len(f["verb"]), len(f["noun"])
            if code in exc:
                status = "exempt"
            elif v and n:
                status = "ok"
            else:
                status = "verb" if v else "noun" if n else "none"
            row["langs"][lg] = {"verb": v, "noun": n, "status": status}
            s = summary[lg]
            s["verb"] += bool(v)
            s["noun"] += bool(n)
            s["covered"] += status == "ok"
            s["exempt"] += status == "exempt"
            if status not in ("ok", "exempt"):
                s["gaps"] += 1
                if not v:
                    gaps[lg]["verb"].append(code)
                if not n:
                    gaps[lg]["noun"].append(code)
        rows.append(row)
    leafset = set(leaf)
    other = {lg: {c: {"verb": len(f["verb"]), "noun": len(f["noun"]), "mapped": c in book}
                  for c, f in sorted(forms[lg].items()) if c not in leafset} for lg in langs}
    return {"languages": langs, "codes": rows, "summary": summary, "gaps": gaps, "other_codes": other,
            "type_mismatches": {lg: _type_mismatches(lg) for lg in langs},
            "exceptions": {c: e for c, e in exc.items()}}


def _cell(c: dict[str, Any]) -> str:
    v = str(c["verb"]) if c["verb"] else "-"
    n = str(c["noun"]) if c["noun"] else "-"
    mark = "" if c["status"] == "ok" else "=" if c["status"] == "exempt" else "!"
    return f"{v}/{n}{mark}"


def render_table(cov: dict[str, Any], gaps_only: bool = False) -> str:
    """A plain-text table: one row per leaf code, "verbs/nouns" per language; "!" marks a gap, "=" an exempt code."""
    langs = cov["languages"]
    lines = [f"{'cameo':<6}{'plover':<10}{'label':<42}" + "".join(f"{lg:>9}" for lg in langs)]
    for row in cov["codes"]:
        cells = [row["langs"][lg] for lg in langs]
        if gaps_only and all(c["status"] in ("ok", "exempt") for c in cells):
            continue
        lines.append(f"{row['cameo']:<6}{row['plover']:<10}{row['label'][:40]:<42}"
                     + "".join(f"{_cell(c):>9}" for c in cells))
    lines.append("")
    lines.append("verb/noun trigger forms; '-' none, '!' gap (needs a verb and a noun form), '=' exempt "
                 "(data/coverage_exceptions.yaml)")
    for lg in langs:
        s = cov["summary"][lg]
        lines.append(f"{lg}: {s['covered']}/{s['codes']} required codes with verb and noun, {s['exempt']} exempt, "
                     f"{s['gaps']} gaps (no verb: {len(cov['gaps'][lg]['verb'])}, "
                     f"no noun: {len(cov['gaps'][lg]['noun'])})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m muster.code.coverage", description=__doc__.splitlines()[0])
    ap.add_argument("--lang", help="one language (default: all supported)")
    ap.add_argument("--json", action="store_true", help="print the inventory as JSON")
    ap.add_argument("--gaps", action="store_true", help="table rows with a gap only")
    a = ap.parse_args(argv)
    if a.lang and a.lang not in languages():
        print(f"unknown language {a.lang!r}; supported: {' '.join(languages())}", file=sys.stderr)
        return 2
    cov = coverage(a.lang)
    print(json.dumps(cov, ensure_ascii=False, indent=1) if a.json else render_table(cov, gaps_only=a.gaps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
