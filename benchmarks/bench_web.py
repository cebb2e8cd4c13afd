"""Web API benchmark: requests/s of the events and dyad-timeline endpoints over 100,000 stored events.

    python benchmarks/bench_web.py [--events N] [--requests N] [--clients N]

A real `muster serve --read-only` runs in its own process on a free loopback port; a local load
generator (threads with keep-alive HTTP connections) sends a fixed number of requests to each
endpoint and reports requests/s and latency percentiles. Everything stays on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

ENDPOINTS = {
    "events": "/events.json?dyad=RUS-UKR&limit=50",
    "events_search": "/events.json?search=synthetic&type=ASSAULT&limit=50",
    "dyad_timeline": "/dyads/RUS-UKR.json",
}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fill(db: Path, n: int) -> None:
    from bench_store import synthetic

    from muster.store import Store
    from muster.workflow import resolve_store

    store = Store(db)
    batch: list[dict[str, Any]] = []
    for ev in synthetic(n):
        batch.append(ev)
        if len(batch) >= 5000:
            store.add_events(batch, provenance="jsonl")
            batch = []
    if batch:
        store.add_events(batch, provenance="jsonl")
    resolve_store(store)
    store.close()


def _client(port: int, path: str, n: int) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    lat = []
    for _ in range(n):
        t0 = time.perf_counter()
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        if resp.status != 200:
            raise RuntimeError(f"{path}: HTTP {resp.status}")
        lat.append(time.perf_counter() - t0)
    conn.close()
    return lat


def run(n_events: int = 100_000, requests: int = 200, clients: int = 4) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.db"
        t0 = time.perf_counter()
        _fill(db, n_events)
        fill_s = time.perf_counter() - t0
        port = _port()
        proc = subprocess.Popen([sys.executable, "-m", "muster.cli", "serve", "--db", str(db), "--port", str(port),
                                 "--read-only"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while True:
                try:
                    _client(port, "/.json", 1)
                    break
                except OSError:
                    if time.time() > deadline:
                        raise RuntimeError("muster serve did not start")
                    time.sleep(0.2)
            out: dict[str, Any] = {"events_stored": n_events, "fill_s": round(fill_s, 1), "clients": clients}
            for name, path in ENDPOINTS.items():
                _client(port, path, 3)  # warm-up
                per = max(1, requests // clients)
                t0 = time.perf_counter()
                with ThreadPoolExecutor(clients) as pool:
                    lat = [x for got in pool.map(lambda _: _client(port, path, per), range(clients)) for x in got]
                wall = time.perf_counter() - t0
                lat.sort()
                out[f"{name}_req_per_s"] = round(len(lat) / wall, 1)
                out[f"{name}_p50_ms"] = round(statistics.median(lat) * 1000, 1)
                out[f"{name}_p95_ms"] = round(lat[int(0.95 * (len(lat) - 1))] * 1000, 1)
            return out
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    a = ap.parse_args()
    for k, v in run(a.events, a.requests, a.clients).items():
        print(f"{k:28s} {v}")
