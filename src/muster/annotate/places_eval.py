"""Scores the place tagger on annotated texts: detection precision/recall and accuracy within 50 km."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from ..model import Place
from .gazetteer import distance_km

RADIUS_KM = 50.0


def load_rows(folder: Path) -> list[dict[str, Any]]:
    """Every line of every *.jsonl file in `folder` but the golden outputs: {"lang", "text", "places": [...]}."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        if path.name.startswith("golden_"):
            continue  # recorded tagger outputs (tests/annotate/test_places_golden.py), not annotated texts
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def correct(pred: Place, gold: dict[str, Any]) -> bool:
    """Right place: within 50 km of the gold point, or the same country for a country without a point."""
    if gold.get("lat") is None:
        return pred.country == gold["country"]
    if pred.lat is None or pred.lon is None:
        return False
    return distance_km(pred.lat, pred.lon, gold["lat"], gold["lon"]) <= RADIUS_KM


def score(rows: Iterable[dict[str, Any]], predict) -> dict[str, Any]:
    """`predict(text, lang) -> list[Place]`; gold and predicted mentions are paired by their text, in order."""
    n_gold = n_pred = n_match = n_right = 0
    errors: list[dict[str, Any]] = []
    for row in rows:
        preds = list(predict(row["text"], row["lang"]))
        n_pred += len(preds)
        used: set[int] = set()
        for g in row["places"]:
            n_gold += 1
            hit = next((i for i, p in enumerate(preds) if i not in used and p.text == g["text"]), None)
            if hit is None:
                errors.append({"lang": row["lang"], "gold": g["text"], "error": "missed"})
                continue
            used.add(hit)
            n_match += 1
            if correct(preds[hit], g):
                n_right += 1
            else:
                errors.append({"lang": row["lang"], "gold": g["text"], "error": "wrong",
                               "got": f"{preds[hit].name} {preds[hit].country}", "want": f"{g['name']} {g['country']}"})
        for i, p in enumerate(preds):
            if i not in used:
                errors.append({"lang": row["lang"], "got": p.text, "error": "spurious", "as": f"{p.name} {p.country}"})
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "precision": n_match / n_pred if n_pred else 0.0,
        "recall": n_match / n_gold if n_gold else 0.0,
        "accuracy_50km": n_right / n_gold if n_gold else 0.0,
        "accuracy_50km_found": n_right / n_match if n_match else 0.0,
        "errors": errors,
    }
