#!/usr/bin/env python3
"""Derive muster's ontology tables (src/muster/data/) from shared/reference/ (PLOVER manual, CAMEO tables).

    python3 tools/build_ontology.py [REFERENCE_DIR]

Writes plover.yaml (types, quad classes, modes, contexts, PLOVER scores), cameo_plover.tsv
(CAMEO code -> PLOVER type, mode, contexts, CAMEO label) and cameo_goldstein.tsv (CAMEO code -> Goldstein).
PLOVER: Open Event Data Alliance, https://github.com/openeventdata/PLOVER, CC BY-SA 4.0.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "muster" / "data"
HEADER = ("# Derived by tools/build_ontology.py from the PLOVER manual and CAMEO tables.\n"
          "# PLOVER (c) Open Event Data Alliance, openeventdata/PLOVER, licensed CC BY-SA 4.0;\n"
          "# CAMEO Goldstein scale: Goldstein (1992), as distributed with CAMEO. Do not edit by hand.\n")


def slug(s: str) -> str:
    return re.sub(r"[\s\-]+", "_", s.strip().lower())


def parse_manual(tex: str) -> dict:
    types: dict[str, dict] = {}
    current = None
    lines = tex.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"\\section\{([A-Z]+)\}\s*$", line)
        if m:
            current = m.group(1)
            types[current] = {"quad": None, "modes": [], "score": None, "mode_scores": {}}
        m = re.match(r"\\subsection\{Quad category: ([A-Z ]+)\}", line)
        if m and current:
            types[current]["quad"] = slug(m.group(1))
        m = re.match(r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes", line)
        if m:
            target = m.group(1)
            j = i + 1
            while j < len(lines) and "\\end{tabular}" not in lines[j]:
                row = lines[j].strip()
                mm = re.match(r"^([a-z][a-z\-]*)\s*&", row)
                if mm:
                    types.setdefault(target, {"quad": None, "modes": [], "score": None, "mode_scores": {}})
                    types[target]["modes"].append(mm.group(1))
                j += 1
            i = j
        if line.startswith("\\chapter{Contexts}"):
            break
        i += 1
    # REJECT shares REQUEST's modes
    if "REJECT" in types and not types["REJECT"]["modes"] and "REQUEST" in types:
        types["REJECT"]["modes"] = list(types["REQUEST"]["modes"])
    # scores table
    live = "\n".join(ln for ln in tex.splitlines() if not ln.lstrip().startswith("%"))
    a = live.find("PLOVER conflict--cooperation scores")
    table = live[a:live.find("tab:ploverscores", a)] if a >= 0 else ""
    for m in re.finditer(r"(?:\\cellcolor\{gray!25\})?([A-Z]+)(?::\s*([A-Za-z\-]+))?\s*&\s*(?:\\cellcolor\{gray!25\})?(-?[\d.]+)", table):
        typ, mode, val = m.group(1), m.group(2), float(m.group(3))
        if typ not in types:
            continue
        if mode:
            types[typ]["mode_scores"][mode.lower()] = val
        else:
            types[typ]["score"] = val
    contexts = [slug(m.group(1)) for m in re.finditer(r"\\section\{([^}]+)\}\\label\{context:", tex)]
    return {"types": types, "contexts": contexts}


def parse_cameo_plover(text: str) -> list[tuple[str, str, str, str, str]]:
    """(code, type, mode, contexts, CAMEO label) per mapped code, once each (the table repeats 175)."""
    rows = []
    seen: set[str] = set()
    for line in text.splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?", line)
        if not m or len(m.group(1)) == 2 or m.group(1) in seen:
            continue
        seen.add(m.group(1))
        mode = (m.group(3) or "").strip()
        ctx = ";".join(slug(c) for c in (m.group(4) or "").split(";") if c.strip())
        label = re.split(r"\s{2,}\d", (m.group(5) or "").strip())[0].strip()  # drop the editor's dated notes
        rows.append((m.group(1), m.group(2), mode, ctx, label))
    return rows


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
    manual = parse_manual((ref / "PLOVER_MANUAL.tex").read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "plover.yaml").write_text(HEADER + yaml.safe_dump(manual, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    rows = parse_cameo_plover((ref / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"))
    with open(OUT / "cameo_plover.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER + "cameo\tplover\tmode\tcontext\tlabel\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    with open(OUT / "cameo_goldstein.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER + "cameo\tgoldstein\n")
        for line in (ref / "CAMEO.goldsteinscale.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) == 2 and parts[0].strip().isdigit():
                fh.write(f"{parts[0].strip()}\t{float(parts[1])}\n")
    print(f"types={len(manual['types'])} contexts={len(manual['contexts'])} cameo_plover={len(rows)}")


if __name__ == "__main__":
    main()
