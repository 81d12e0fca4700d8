"""The Dask engine gives the in-process engine's findings, slots and stories, on a local cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import discrepancy
from discrepancy import Settings, load_documents
from discrepancy.audit import run
from discrepancy.cli import main

SKIP = "the Dask engine needs the dask extra: pip install '.[dask]'"
distributed = pytest.importorskip("distributed", reason=SKIP)
pytest.importorskip("pyarrow", reason=SKIP)

from discrepancy.engines.dask_engine import run_dask  # noqa: E402
from discrepancy.findings import FINDING_COLUMNS, sort_key, to_frame  # noqa: E402
from discrepancy.load import documents_from_mapping  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """Two workers of one thread each, in this process (worker processes are slow to start)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def docs() -> list[discrepancy.Document]:
    # Seeds and the test corpora: several stories, every fact family, copies and updates.
    return load_documents(ROOT / "seeds", ROOT / "tests" / "corpora")


def test_same_findings_slots_and_stories(cluster: str, docs: list[discrepancy.Document]) -> None:
    local = run(docs, Settings())
    remote = run_dask(docs, Settings(), scheduler=cluster)
    assert len(local.stories) > 1 and local.findings  # a corpus that exercises the per-story split
    assert remote.stories == local.stories
    assert remote.facts == local.facts
    assert remote.findings == local.findings
    assert remote.slots == local.slots
    pd.testing.assert_frame_equal(remote.frame(), local.frame())


def test_audit_engine_option(cluster: str) -> None:
    texts = {"a": "Officials said 40 homes were flooded.", "b": "55 homes were flooded."}
    expected = discrepancy.audit(texts)
    got = discrepancy.audit(texts, engine="dask", scheduler=cluster)
    assert len(expected) == 1
    pd.testing.assert_frame_equal(got, expected)


def test_local_cluster_without_a_scheduler() -> None:
    """No address, no client and no configured scheduler: a local cluster started for the audit."""
    texts = {"a": "Officials said 40 homes were flooded.", "b": "55 homes were flooded."}
    docs = documents_from_mapping(texts)
    local = run(docs, Settings())
    remote = run_dask(docs, Settings())
    assert remote.findings == local.findings and len(local.findings) == 1
    assert remote.slots == local.slots and remote.facts == local.facts


def test_parquet_output_dir(cluster: str, docs: list[discrepancy.Document], tmp_path: Path) -> None:
    out = tmp_path / "findings"
    result = run_dask(docs, Settings(), scheduler=cluster, output_dir=out)
    assert result.findings == ()
    assert result.facts == ((),) * len(docs)  # the facts stayed on the workers
    parts = sorted(out.glob("findings-*.parquet"))
    assert parts
    written = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    assert list(written.columns) == list(FINDING_COLUMNS)
    back = sorted((discrepancy.Finding(**row) for row in written.to_dict("records")), key=sort_key)
    local = run(docs, Settings())
    assert to_frame(back).values.tolist() == local.frame().values.tolist()
    assert result.slots == local.slots
    with pytest.raises(ValueError, match="already holds findings"):
        run_dask(docs, Settings(), scheduler=cluster, output_dir=out)


@pytest.mark.parametrize(("call", "error", "match"), [
    pytest.param(lambda: discrepancy.audit({"a": "x"}, engine="spark"), ValueError, "engine",
                 id="bad-engine"),
    pytest.param(lambda: discrepancy.audit({"a": "x"}, scheduler="tcp://h:1"), ValueError, "dask",
                 id="scheduler-without-dask"),
    pytest.param(lambda: run_dask([], scheduler=42), TypeError, "scheduler", id="scheduler-not-str"),
])
def test_bad_engine_arguments(call: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()  # type: ignore[operator]


def test_cli_engine_dask(cluster: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("Officials said 40 homes were flooded.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("55 homes were flooded.\n", encoding="utf-8")
    args = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "csv", "--isolated"]
    assert main(args) == 1
    local = capsys.readouterr().out
    assert main([*args, "--engine", "dask", "--scheduler", cluster]) == 1
    assert capsys.readouterr().out == local
    assert main([*args, "--output-dir", str(tmp_path / "out")]) == 2
    assert "--engine dask" in capsys.readouterr().err
