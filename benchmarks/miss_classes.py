"""Why required gold events were missed, by class, per language (-v lists them).

    python benchmarks/miss_classes.py DIR [--src SRC_DIR] [--glob PATTERN] [-v]

recipient: an unused prediction has the type and an overlapping date but the wrong or no recipient; date: the
type and recipient but no overlapping date; type-used-or-other: the type is predicted in the document but every
such prediction is paired or disagrees (usually: this mention has no trigger); marked-neg/hyp: found but marked
negated or hypothetical; wrong-type: a prediction with the date and recipient but another type; none: nothing.
"""
import argparse, importlib.util, json, sys, collections
from pathlib import Path
ap=argparse.ArgumentParser(); ap.add_argument("dir"); ap.add_argument("--src"); ap.add_argument("--glob",default="*.gold.json"); ap.add_argument("-v",action="store_true")
a=ap.parse_args()
if a.src: sys.path.insert(0,a.src)
import muster
spec=importlib.util.spec_from_file_location("score",Path(__file__).resolve().parents[2]/"shared"/"eval"/"score.py"); score=importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
C=collections.Counter(); byl=collections.defaultdict(collections.Counter)
for gp in sorted(Path(a.dir).glob(a.glob)):
    gold=json.loads(gp.read_text()); txt=gp.with_name(gp.name[:-10]+".txt")
    preds=[e.to_dict() for e in muster.extract(txt.read_text(),published=gold.get("published"),lang=gold.get("language"))]
    live=[p for p in preds if not p.get("negated") and not p.get("hypothetical")]
    hyp=[p for p in preds if p.get("negated") or p.get("hypothetical")]
    pairs=score.max_matching(live,gold["events"]); used=set(pairs.values())
    for gi,g in enumerate(gold["events"]):
        if not g.get("required",True) or gi in pairs: continue
        types={g["event_type"],*g.get("alt_types",[])}
        rest=[p for i,p in enumerate(live) if i not in used]
        if any(p["event_type"] in types and score.overlaps(p,g) for p in rest): k="recipient"
        elif any(p["event_type"] in types and score.same_party(p.get("recipient"),g.get("recipient")) for p in rest): k="date"
        elif any(p["event_type"] in types for p in live): k="type-used-or-other"
        elif any(p["event_type"] in types and score.same_party(p.get("recipient"),g.get("recipient")) for p in hyp): k="marked-neg/hyp"
        elif any(score.overlaps(p,g) and score.same_party(p.get("recipient"),g.get("recipient")) for p in rest): k="wrong-type"
        else: k="none"
        C[k]+=1; byl[gold["language"]][k]+=1
        if a.v: print(gp.name[:12],g["id"],g["event_type"],k,"|",g.get("evidence","")[:90])
print(dict(C)); 
for l,c in sorted(byl.items()): print(l,dict(c))
