"""Scores a temporal tagger on a development set (tests/data/times/*.jsonl): span F1 and value accuracy.

A line: {"lang", "anchor", "sentence", "expressions": [{"text", "value", "start", "end",
"granularity", "range"?: [start_date, end_date], "relation"?}]}. A system is any function
(sentence, anchor, lang) -> list of predictions with .start .end .value .granularity and
optionally .start_date .end_date .relation.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable


def load(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The rows of the given files; golden_*.jsonl (recorded tagger outputs, not gold) are skipped."""
    rows: list[dict[str, Any]] = []
    for p in sorted(paths):
        if Path(p).name.startswith("golden_"):
            continue
        with open(p, encoding="utf-8") as f:
            rows.extend(json.loads(line) for line in f if line.strip())
    return rows


@dataclass
class Score:
    """Counts for strict spans (same offsets), loose spans (overlap) and values."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    loose_tp: int = 0
    loose_fp: int = 0
    loose_fn: int = 0
    gold: int = 0
    exact: int = 0  # same span, value, granularity, bounds and relation
    dated: int = 0  # gold expressions with a non-null value
    value_ok: int = 0  # of those: a system expression overlapping it carries that value
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, fp: int, fn: int) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp and not fn else 0.0)

    def as_dict(self) -> dict[str, float | int]:
        return {"span_f1": round(self._f1(self.tp, self.fp, self.fn), 4),
                "span_f1_overlap": round(self._f1(self.loose_tp, self.loose_fp, self.loose_fn), 4),
                "exact_value": round(self.exact / self.gold, 4) if self.gold else 1.0,
                "value_on_dated": round(self.value_ok / self.dated, 4) if self.dated else 1.0,
                "gold": self.gold, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _same_value(g: dict[str, Any], p: Any) -> bool:
    if p.value != g["value"] or p.granularity != g["granularity"]:
        return False
    if "range" in g and [getattr(p, "start_date", None), getattr(p, "end_date", None)] != g["range"]:
        return False
    return getattr(p, "relation", "") == g.get("relation", "")


def value_matches(gold_value: str, pred_value: str | None) -> bool:
    """A value that agrees with the gold one at the gold's precision (used for other systems,
    whose values are all days or TIMEX3 strings: 2024-01-15 counts for a gold 2024-01)."""
    return bool(pred_value) and str(pred_value)[:len(gold_value)] == gold_value


def score(rows: list[dict[str, Any]], system: Callable[[str, str, str], list[Any]],
          keep_errors: bool = False) -> Score:
    sc = Score()
    for row in rows:
        preds = system(row["sentence"], row["anchor"], row["lang"])
        gold = row["expressions"]
        gspans = {(g["start"], g["end"]) for g in gold}
        pspans = {(p.start, p.end) for p in preds}
        sc.tp += len(gspans & pspans)
        sc.fp += len(pspans - gspans)
        sc.fn += len(gspans - pspans)
        over = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
        sc.loose_tp += sum(1 for g in gspans if any(over(g, p) for p in pspans))
        sc.loose_fn += sum(1 for g in gspans if not any(over(g, p) for p in pspans))
        sc.loose_fp += sum(1 for p in pspans if not any(over(g, p) for g in gspans))
        for g in gold:
            sc.gold += 1
            same = [p for p in preds if (p.start, p.end) == (g["start"], g["end"])]
            if same and _same_value(g, same[0]):
                sc.exact += 1
            elif keep_errors:
                sc.errors.append({"sentence": row["sentence"], "anchor": row["anchor"], "gold": g,
                                  "pred": [vars(p) for p in preds]})
            if g["value"] is not None:
                sc.dated += 1
                if any(over((g["start"], g["end"]), (p.start, p.end)) and value_matches(g["value"], p.value)
                       for p in preds):
                    sc.value_ok += 1
        if keep_errors:
            for p in preds:
                if (p.start, p.end) not in gspans:
                    sc.errors.append({"sentence": row["sentence"], "anchor": row["anchor"], "gold": None,
                                      "pred": [vars(p)]})
    return sc
