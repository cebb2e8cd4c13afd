"""Score a folder of articles + gold (a blind batch): per article and per language P/R/F1, role errors and
duplicate mentions, with shared/eval/score.py.

    python benchmarks/score_batch.py DIR [--src SRC_DIR] [--json OUT] [--lang L] [--glob '*b8-*.gold.json']

role errors: matched events whose actor country differs from the gold's, over matched events with a gold
actor; duplicates: unmatched predictions that would match a gold event already matched (a second mention of
one incident), over all predictions. --src scores another checkout's muster (e.g. a `git worktree` of an
older commit) for a before/after on the same batch.
"""
from __future__ import annotations

import argparse, importlib.util, json, sys
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("dir")
ap.add_argument("--src", default=None)
ap.add_argument("--json", default=None)
ap.add_argument("--lang", default=None, help="only the articles in this language")
ap.add_argument("--glob", default="*.gold.json", help="which gold files, e.g. '*b8-*.gold.json' for one batch")
a = ap.parse_args()
if a.src:
    sys.path.insert(0, a.src)
import muster  # noqa: E402
print("muster from", muster.__file__, file=sys.stderr)
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
if not SCORER.is_file():
    sys.exit(f"scorer not found: {SCORER} (shared/ must sit beside the repository)")
spec = importlib.util.spec_from_file_location("score", SCORER)
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)

tot: dict[str, list[int]] = {}
rows = []
for gp in sorted(Path(a.dir).glob(a.glob)):
    gold = json.loads(gp.read_text(encoding="utf-8"))
    if a.lang and gold.get("language") != a.lang:
        continue
    txt = gp.with_name(gp.name[:-10] + ".txt")
    preds = [e.to_dict() for e in muster.extract(txt.read_text(encoding="utf-8"), published=gold.get("published"), lang=gold.get("language"))]
    res = score.score(gold, preds)
    live = [p for p in preds if not p.get("negated") and not p.get("hypothetical")]
    pairs = score.max_matching(live, gold["events"])
    role_err = role_n = 0
    for g, p in pairs.items():
        ga = (gold["events"][g].get("actor") or {}).get("country")
        if ga:
            role_n += 1
            role_err += (live[p].get("actor") or {}).get("country") != ga
    used = set(pairs.values())
    dup = sum(1 for i, p in enumerate(live) if i not in used and any(score.is_match(p, gold["events"][g]) for g in pairs))
    lang = gold["language"]
    acc = tot.setdefault(lang, [0] * 6)
    for k, v in enumerate((res["tp"], res["fp"], res["fn"], role_err, role_n, dup)):
        acc[k] += v
    rows.append((gp.name[:-10], lang, res["tp"], res["fp"], res["fn"], res["f1"], role_err, role_n, dup, len(live)))

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0; r = tp / (tp + fn) if tp + fn else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)

for r in rows:
    print(f"{r[0]:45s} {r[1]} tp{r[2]:3d} fp{r[3]:3d} fn{r[4]:3d} F1 {r[5]:.3f} roleerr {r[6]}/{r[7]} dup {r[8]}/{r[9]}")
all_ = [sum(v[k] for v in tot.values()) for k in range(6)]
npred = {}
for r in rows:
    npred[r[1]] = npred.get(r[1], 0) + r[9]
out = {}
for lang, v in sorted(tot.items()) + [("ALL", all_)]:
    p, rc, f = prf(*v[:3])
    n = sum(npred.values()) if lang == "ALL" else npred[lang]
    out[lang] = dict(P=round(p, 3), R=round(rc, 3), F1=round(f, 3), tp=v[0], fp=v[1], fn=v[2],
                     role_err=f"{v[3]}/{v[4]}", role_err_share=round(v[3] / v[4], 3) if v[4] else None,
                     dup=f"{v[5]}/{n}", dup_share=round(v[5] / n, 3) if n else None)
    print(lang, out[lang])
if a.json:
    Path(a.json).write_text(json.dumps({"languages": out, "articles": rows}, indent=1))
