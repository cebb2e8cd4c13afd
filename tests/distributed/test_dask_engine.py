"""The Dask path gives the local path's events, incidents and failures, on a real LocalCluster with 2 worker processes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from muster.ingest import Failure, iter_documents
from muster.pipeline import build

pytest.importorskip("dask.distributed")

N_DOCS = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """200 documents: the development corpus, then the same articles with a dated correction line, plus
    one empty file that must fail."""
    out = tmp_path_factory.mktemp("corpus")
    texts = sorted((ROOT / "tests" / "data" / "events").glob("*.txt"))
    n = 0
    for rnd in range(3):
        for p in texts:
            if n >= N_DOCS:
                break
            body = p.read_text(encoding="utf-8")
            if rnd:
                body += f"\n\nCorrection {rnd}: an earlier version of this article misspelt a name.\n"
            (out / f"{rnd}-{p.name}").write_text(body, encoding="utf-8")
            n += 1
    (out / "zz-empty.txt").write_text("", encoding="utf-8")
    return out


def _local(corpus: Path) -> tuple[dict[str, dict], list[tuple[str, str]]]:
    events, fails = {}, []
    for item in iter_documents([str(corpus)]):
        if isinstance(item, Failure):
            fails.append((Path(item.path).name, item.code))
            continue
        for e in build(item.language or "en")(item).events:
            events[e.id] = e.to_dict()
    return events, fails


@pytest.fixture(scope="module")
def local(corpus):
    return _local(corpus)


@pytest.fixture(scope="module")
def cluster():
    from muster.distributed.engine import client

    with client(workers=2) as c:
        yield c


def test_dask_code_stream_same_events_as_local(corpus, local, cluster) -> None:
    from muster.distributed.engine import code_stream

    events, fails = {}, []
    for item in code_stream(iter_documents([str(corpus)]), cluster, batch=8):
        if isinstance(item, Failure):
            fails.append((Path(item.path).name, item.code))
        else:
            events.update({e.id: e.to_dict() for e in item.events})
    assert len(cluster.scheduler_info()["workers"]) == 2
    assert len(events) > 500
    diffs = [(k, f, local[0][k][f], events[k][f]) for k in events if k in local[0] for f in events[k] if events[k][f] != local[0][k][f]]
    assert not diffs, diffs[:4]
    assert events == local[0]
    assert fails == local[1] and fails


def test_dask_parquet_output_same_events_and_rerun_skips(corpus, local, cluster, tmp_path) -> None:
    from muster.distributed import parquet_out, run

    out = tmp_path / "out"
    first = run.to_parquet(iter_documents([str(corpus)]), out, cluster, batch=8)
    assert first["documents"] == N_DOCS and first["failed"] == 1 and first["skipped_done"] == 0
    got = {e["id"]: e for e in parquet_out.iter_events(out)}
    assert local[0] == got
    assert [(Path(f["path"]).name, f["code"]) for f in parquet_out.iter_failures(out)] == local[1]
    again = run.to_parquet(iter_documents([str(corpus)]), out, cluster, batch=8)
    assert again["skipped_done"] == N_DOCS + 1 and again["documents"] == 0
    months = {p.parent.name for p in (out / "events").glob("month=*/*.parquet")}
    assert len(months) > 5 and all(m.startswith("month=") for m in months)


def test_dask_resolution_over_parquet_matches_local_store(corpus, cluster, tmp_path) -> None:
    import muster
    from muster.distributed import run
    from muster.workflow import ingest_documents

    out = tmp_path / "out"
    run.to_parquet(iter_documents([str(corpus)]), out, cluster, batch=8)
    n = run.resolve_parquet(out, cluster)
    dask_inc = sorted((i["id"], len(i["sources"])) for i in run.iter_incidents(out))
    with muster.open_store(str(tmp_path / "local.db")) as store:
        ingest_documents(store, iter_documents([str(corpus)]), run_id="t")
        from muster.store.packing import unpack_incident

        local_inc = sorted((d["id"], len(d["sources"])) for d in
                           (unpack_incident(r["data"], r["explain"])[0]
                            for r in store.execute("SELECT data, explain FROM incidents")))
    assert n == len(dask_inc) == len(local_inc)
    assert dask_inc == local_inc
    assert any(k > 1 for _, k in dask_inc)  # the repeated articles merged as several sources


def test_dask_parquet_query_in_place_with_duckdb(corpus, cluster, tmp_path, local) -> None:
    from muster.distributed import run
    from muster.store.query import EventQuery

    out = tmp_path / "out"
    run.to_parquet(iter_documents([str(corpus)]), out, cluster, batch=8)
    ru_ua = list(run.query_parquet(out, EventQuery(dyad="RUS-UKR", event_type="ASSAULT")))
    expect = {i for i, e in local[0].items() if e["event_type"] == "ASSAULT" and not e["negated"]
              and not e["hypothetical"] and {(e.get("actor") or {}).get("country"), (e.get("recipient") or {}).get("country")} == {"RUS", "UKR"}}
    assert ru_ua and {e["id"] for e in ru_ua} == expect
    hits = list(run.query_parquet(out, EventQuery(text="drone")))
    assert hits and all("drone" in e["evidence"]["sentence"].lower() for e in hits)


KILL_SCRIPT = """
import sys
from muster.distributed import run
from muster.distributed.engine import client
from muster.ingest import iter_documents
with client(workers=1) as c:
    run.to_parquet(iter_documents([sys.argv[1]]), sys.argv[2], c, batch=4, in_flight=2)
print("finished")
"""


def test_dask_kill_9_then_rerun_gives_the_clean_result(corpus, local, cluster, tmp_path) -> None:
    from muster.distributed import parquet_out, run

    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(corpus), str(out)], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "_done").glob("*"))) < 5:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the client and its worker processes, mid-batch
    proc.wait()
    done_before = len(list((out / "_done").glob("*")))
    assert 5 <= done_before < (N_DOCS + 1 + 3) // 4
    again = run.to_parquet(iter_documents([str(corpus)]), out, cluster, batch=4)
    assert again["skipped_done"] >= 5 * 4
    got = {e["id"]: e for e in parquet_out.iter_events(out)}
    assert set(got) == set(local[0])
    assert sum(1 for _ in parquet_out.iter_events(out)) == len(local[0])  # nothing written twice
