"""Memory grows linearly with the input for the shapes that used to grow with its square.

Each test measures the tracemalloc peak of one step on an input of two sizes and asserts that
doubling the input at most a little more than doubles the peak (a quadratic step would
quadruple it), plus an absolute ceiling so that a linear but wasteful step fails too.
Tracemalloc counts Python allocations, which is what these shapes used to exhaust; it is
deterministic, unlike timings.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from discrepancy.audit import run
from discrepancy.document import Document
from discrepancy.htmltext import html_text
from discrepancy.load import LoadError, documents_from_mapping, load_documents, split_front_matter
from discrepancy.suppress import apply


def peak_mb(step: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        step()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def assert_linear(make: Callable[[int], Callable[[], object]], small: int, ceiling_mb: float) -> None:
    step_small, step_large = make(small), make(2 * small)
    step_small()  # warm the table and regex caches so they do not count against the first size
    a, b = peak_mb(step_small), peak_mb(step_large)
    # Doubling the input: a linear step at most ~doubles its peak (slack for fixed costs).
    assert b <= 2.6 * a + 2.0, f"peak {a:.1f} MB -> {b:.1f} MB when the input doubled"
    assert b <= ceiling_mb, f"peak {b:.1f} MB over {ceiling_mb} MB"


def test_item07_repeated_titles_stay_linear() -> None:
    def make(n: int) -> Callable[[], object]:
        docs = documents_from_mapping({"t.txt": "President " * n + "Joe Biden."})
        return lambda: run(docs)
    # 2,500 and 5,000 titles (25 and 50 KB) used to peak at 0.2 and 0.6 GB.
    assert_linear(make, 2_500, ceiling_mb=60)


def test_item08_many_suppression_regions_stay_linear() -> None:
    def make(n: int) -> Callable[[], object]:
        text = "<!-- discrepancy-disable -->\n" * n + "<!-- discrepancy-enable DSC101 -->\n" * n
        doc = Document("a.md", text, path="a.md")
        return lambda: apply([], [doc])
    assert_linear(make, 2_000, ceiling_mb=40)


def _laughs(levels: int) -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    lines.append(f"date: *{chr(ord('a') + levels - 1)}")
    return "---\n" + "\n".join(lines) + "\n---\nBody.\n"


@pytest.mark.parametrize("levels", [pytest.param(4, id="four-levels"), pytest.param(9, id="billion-laughs")])
@pytest.mark.parametrize("libyaml", [pytest.param(True, id="libyaml"), pytest.param(False, id="pure-python")])
def test_item09_yaml_aliases_are_refused(levels: int, libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    if not libyaml:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    warnings: list[str] = []
    peak = peak_mb(lambda: split_front_matter(_laughs(levels), "x.md", warnings.append))
    assert peak < 5
    assert len(warnings) == 1 and "aliases" in warnings[0] and len(warnings[0]) <= 300


def test_item09_warning_about_a_huge_date_is_short(tmp_path: Path) -> None:
    warnings: list[str] = []
    path = tmp_path / "x.md"
    path.write_text("---\ndate: [" + ", ".join(["lol"] * 30_000) + "]\n---\nBody.\n", encoding="utf-8")
    load_documents(path, on_warning=warnings.append)
    assert len(warnings) == 1 and "'date' date" in warnings[0] and len(warnings[0]) <= 300, warnings


@pytest.mark.parametrize("shape", [
    pytest.param("<a ", id="unclosed-start-tags"),
    pytest.param("<!--", id="unclosed-comments"),
    pytest.param("</a", id="unclosed-end-tags"),
    pytest.param('<a x="', id="unclosed-quotes"),
    pytest.param("<p>x</p>", id="closed-paragraphs"),
])
def test_item10_html_stays_linear(shape: str) -> None:
    def make(n: int) -> Callable[[], object]:
        source = shape * n
        return lambda: html_text(source)
    assert_linear(make, 20_000, ceiling_mb=40)


def test_item10_size_limit_checked_before_reading(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "small.txt").write_text("The council said 40 homes were flooded.\n", encoding="utf-8")
    with open(folder / "big.txt", "wb") as fh:  # sparse: 50 MB that costs no disk
        fh.truncate(50_000_000)
    (folder / "bin.txt").write_bytes(b"\x00" * 10 + b"x" * 5_000_000)
    warnings: list[str] = []
    peak = peak_mb(lambda: load_documents(folder, on_warning=warnings.append))
    assert peak < 15  # the 5 MB binary is recognized from its first bytes, the 50 MB file never read
    assert any("big.txt" in w and "limit" in w for w in warnings)
    assert any("bin.txt" in w and "binary" in w for w in warnings)
    with pytest.raises(LoadError, match="no documents"):
        load_documents(folder / "small.txt", on_warning=warnings.append, max_bytes=10)
    assert "small.txt: skipped, 40 bytes is over the 10-byte limit" in warnings[-1]


def test_item10_html_time_is_not_quadratic() -> None:
    # The one timing check, with a wide margin: the standard-library parser took 4.5 s on
    # 24 KB of "<a " and four times that per doubling (about 250 s for this input); the
    # tokenizer takes milliseconds. Memory alone cannot show this shape.
    import time

    start = time.process_time()
    html_text("<a " * 60_000 + "<!--" * 60_000)
    assert time.process_time() - start < 10
