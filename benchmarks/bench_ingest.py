"""Ingest throughput: 1,000 generated documents (txt with front matter, boilerplate, HTML, JSON Lines)
through `iter_documents`: docs/s (median of runs) and peak RSS.

    python benchmarks/bench_ingest.py [N]
"""
from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from muster.ingest import Failure, iter_documents  # noqa: E402
from _rss import peak_rss_mb

ACTORS = {"de": ["Aserbaidschan", "Russland", "die Ukraine", "Moldau", "Armenien", "Georgien"],
          "en": ["Azerbaijan", "Russia", "Ukraine", "Moldova", "Armenia", "Georgia"],
          "ru": ["Азербайджан", "Россия", "Украина", "Молдавия", "Армения", "Грузия"]}
SENTENCES = {
    "de": ["{a} hat am {d}. März den Botschafter von {b} einbestellt.", "Die Regierung von {a} kritisierte {b} scharf.",
           "Nach Angaben von {a} wurden in der Nacht mehrere Drohnen abgefangen.", "Vertreter von {a} und {b} trafen sich in Genf."],
    "en": ["{a} summoned the ambassador of {b} on March {d}.", "The government of {a} sharply criticised {b}.",
           "According to {a}, several drones were shot down overnight.", "Officials from {a} and {b} met in Geneva."],
    "ru": ["{a} {d} марта вызвала посла страны {b}.", "Правительство страны {a} резко раскритиковало {b}.",
           "По данным {a}, ночью были сбиты несколько беспилотников.", "Представители {a} и {b} встретились в Женеве."],
}
NOISE = {"de": ["Lesen Sie auch", "Artikel teilen", "Foto: Archiv", "Quellen: dpa"],
         "en": ["Read more", "Share this article", "Photo: Reuters/Staff", "Sources: AP"],
         "ru": ["Читайте также", "Поделиться", "Фото: ТАСС", "Источник: Интерфакс"]}


def _article(rng: random.Random, lang: str, i: int) -> str:
    lines = [f"Meldung {i}" if lang == "de" else f"Report {i}" if lang == "en" else f"Сообщение {i}"]
    for _ in range(rng.randint(6, 14)):
        a, b = rng.sample(ACTORS[lang], 2)
        lines.append(" ".join(rng.choice(SENTENCES[lang]).format(a=a, b=b, d=rng.randint(1, 28))
                              for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.25:
            lines.append(rng.choice(NOISE[lang]))
    return "\n".join(lines) + "\n"


def generate(folder: Path, n: int = 1000, seed: int = 7) -> int:
    """n documents: 80 % .txt (half with front matter), 10 % .html, 10 % in .jsonl files of 10 records."""
    rng = random.Random(seed)
    langs = list(SENTENCES)
    records: list[str] = []
    for i in range(n):
        lang = langs[i % 3]
        text = _article(rng, lang, i)
        kind = i % 10
        if kind == 8:
            paras = "".join(f"<p>{ln}</p>" for ln in text.splitlines())
            (folder / f"doc{i:05d}.html").write_text(
                f"<html lang='{lang}'><head><title>Report {i}</title><meta property='og:site_name' content='Bench'>"
                f"<meta property='article:published_time' content='2025-03-{1 + i % 28:02d}'></head>"
                f"<body><article>{paras}</article></body></html>", encoding="utf-8")
        elif kind == 9:
            records.append(json.dumps({"text": text, "date": f"2025-03-{1 + i % 28:02d}", "source": "Bench"},
                                      ensure_ascii=False))
            if len(records) == 10:
                (folder / f"doc{i:05d}.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
                records = []
        elif kind % 2:
            (folder / f"doc{i:05d}.txt").write_text(
                f"---\noutlet: Bench\npublished: 2025-03-{1 + i % 28:02d}\nlanguage: {lang}\n---\n{text}", encoding="utf-8")
        else:
            (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")
    if records:
        (folder / "rest.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return n


def run(n: int = 1000, repeat: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, n)
        rss_before = peak_rss_mb()
        rates, counts = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            docs = fails = 0
            for item in iter_documents([str(folder)], published="2025-03-01"):
                if isinstance(item, Failure):
                    fails += 1
                else:
                    docs += 1
            rates.append(docs / (time.perf_counter() - t0))
            counts.append((docs, fails))
    return {"documents": counts[0][0], "failures": counts[0][1], "docs_per_s": statistics.median(rates),
            "docs_per_s_runs": [round(r) for r in rates],
            "peak_rss_mb": peak_rss_mb(),
            "rss_before_ingest_mb": rss_before}


if __name__ == "__main__":
    res = run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
    for k, v in res.items():
        print(f"{k:22} {v:,.1f}" if isinstance(v, float) else f"{k:22} {v}")
