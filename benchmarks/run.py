"""`make bench`: run every benchmarks/bench_*.py (each exposes run() -> dict) and print the figures.

    python benchmarks/run.py [NAME ...] [--json]

Each benchmark runs in a process of its own, so its peak memory is its own.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader
    sys.path.insert(0, str(HERE))
    spec.loader.exec_module(mod)
    return mod


def fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, dict):
        return ", ".join(f"{k}={fmt(x)}" for k, x in v.items())
    return str(v)


def run_apart(path: Path) -> dict:
    """path's run() in a fresh interpreter; a broken benchmark is reported, the others still run."""
    proc = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"exit {proc.returncode}: {tail}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:  # child: one benchmark, its figures as the last line of JSON
        print(json.dumps(load(Path(argv[1])).run(), default=str))
        return 0
    as_json = "--json" in argv
    names = [a for a in argv if not a.startswith("--")]
    results = {}
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if names and name not in names:
            continue
        t0 = time.perf_counter()
        results[name] = run_apart(path)
        results[name]["bench_seconds"] = round(time.perf_counter() - t0, 1)
        if not as_json:
            print(f"\n== {name} ==")
            for k, v in results[name].items():
                print(f"  {k:28s} {fmt(v)}")
            sys.stdout.flush()
    if as_json:
        print(json.dumps(results, indent=2, default=str))
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
