"""Scope and modality errors of the coder against gold: events wrongly marked negated/hypothetical, and
live events the gold only has as optional (future, conditional, announced) ones.

    python benchmarks/modality_errors.py DIR [--glob PATTERN] [--lang L] [--src SRC_DIR]

marked: a prediction marked negated or hypothetical that would have matched a required gold event no live
prediction matched (its date is not asked when it has none: undated hypotheticals get no date);
live-optional: a live prediction paired with no required gold event that matches only optional gold
events (the gold took the mention as future/conditional, the coder as a fact); without --all-optional only
those whose gold date lies after publication or whose sentence holds a future, intent, modal or conditional
cue of the language (optional background events are not modality errors).
"""
from __future__ import annotations

import argparse, collections, importlib.util, json, sys
from pathlib import Path


def _load_scorer():
    path = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _loose_match(score, p: dict, g: dict) -> bool:
    """is_match, but an undated prediction passes the date test."""
    if p.get("date"):
        return score.is_match(p, g)
    types = {g["event_type"], *g.get("alt_types", [])}
    return (p.get("event_type") or "").upper() in types and score.same_party(p.get("recipient"), g.get("recipient"))


def _line(kind: str, name: str, p: dict, g: dict | None) -> str:
    flag = "neg" if p.get("negated") else ("hyp" if p.get("hypothetical") else "live")
    gid = f"{g['id']} {g['event_type']}" if g else ""
    sent = (p.get("evidence") or {}).get("sentence", "").replace("\n", " ")
    trig = (p.get("trigger") or {}).get("text", "")
    return f"{kind:13s} {name[:16]:16s} {gid:14s} {p['event_type']:10s} {flag:4s} [{trig}] {sent[:140]}"


def _cued(p: dict, lang: str) -> bool:
    """The prediction's sentence holds a future/intent/modal/conditional cue word of the language."""
    from muster.code.lemmas import tokenize
    from muster.code.modality import modality
    m = modality(lang)
    forms = getattr(m, "future_forms", None)  # (absent in an older checkout run with --src)
    toks = tokenize((p.get("evidence") or {}).get("sentence", ""), lang, 0)
    return any(m.future_aux.has_surface(t) or m.intent.has_surface(t) or m.hypothetical.has(t)
               or m.conditional.has_surface(t) or (forms is not None and forms.has_surface(t)) for t in toks)


def _future(g: dict, published: str | None) -> bool:
    start = (g.get("date") or {}).get("start")
    return bool(start and published and start > published[:10])


def run(directory: str, glob: str = "*.gold.json", lang: str | None = None, verbose: bool = True,
        all_optional: bool = False) -> dict:
    import muster
    score = _load_scorer()
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for gp in sorted(Path(directory).glob(glob)):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        if lang and gold.get("language") != lang:
            continue
        name, lg = gp.name[:-10], gold.get("language")
        text = gp.with_name(name + ".txt").read_text(encoding="utf-8")
        preds = [e.to_dict() for e in muster.extract(text, published=gold.get("published"), lang=lg)]
        live = [p for p in preds if not p.get("negated") and not p.get("hypothetical")]
        marked = [p for p in preds if p.get("negated") or p.get("hypothetical")]
        golds = gold["events"]
        pairs = score.max_matching(live, golds)
        req_pairs = {g: p for g, p in pairs.items() if golds[g].get("required", True)}
        used = set(req_pairs.values())
        taken: set[int] = set()
        for gi, g in enumerate(golds):
            if not g.get("required", True) or gi in pairs:
                continue
            for pi, p in enumerate(marked):
                if pi not in taken and _loose_match(score, p, g):
                    taken.add(pi)
                    counts[lg]["marked-" + ("neg" if p.get("negated") else "hyp")] += 1
                    if verbose:
                        print(_line("marked", name, p, g))
                    break
        for pi, p in enumerate(live):
            if pi in used:
                continue
            opt = [g for g in golds if not g.get("required", True) and score.is_match(p, g)]
            if opt and not all_optional and not any(_future(g, gold.get("published")) for g in opt) \
                    and not _cued(p, lg):
                continue
            if opt and not any(score.is_match(p, g) for g in golds if g.get("required", True)):
                counts[lg]["live-optional"] += 1
                if verbose:
                    print(_line("live-optional", name, p, opt[0]))
    total = collections.Counter()
    for c in counts.values():
        total.update(c)
    return {"languages": {k: dict(v) for k, v in sorted(counts.items())}, "ALL": dict(total)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--glob", default="*.gold.json")
    ap.add_argument("--lang", default=None)
    ap.add_argument("--src", default=None)
    ap.add_argument("-q", action="store_true", help="figures only")
    ap.add_argument("--all-optional", action="store_true", help="every live prediction matching only optional gold")
    a = ap.parse_args()
    if a.src:
        sys.path.insert(0, a.src)
    out = run(a.dir, a.glob, a.lang, not a.q, a.all_optional)
    for k, v in out["languages"].items():
        print(k, v)
    print("ALL", out["ALL"])


if __name__ == "__main__":
    main()
