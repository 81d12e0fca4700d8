"""The HTML report: content, escaping of document text, and the page in a real browser.

The browser tests run headless Chromium from the system's packages (``.ci/run`` installs it
when it can) and skip with the reason when it is absent.
"""

from __future__ import annotations

import html as html_lib
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("jinja2", reason="the HTML report needs the 'html' extra (jinja2)")
pytest.importorskip("matplotlib", reason="the HTML report needs the 'html' extra (matplotlib)")

from discrepancy import report, report_html
from discrepancy.audit import AuditResult, collect, run
from discrepancy.cli import main
from discrepancy.settings import Settings

EXAMPLES = int(os.environ.get("DISCREPANCY_PROPERTY_EXAMPLES", "25"))
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
HOSTILE = (
    "<script>alert(1)</script> Officials said 40 homes were flooded. "
    '"><img src=x onerror=alert(2)> <script>document.title="pwned"</script>\n'
)


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if dict(attrs).get("id"):
            self.ids.add(str(dict(attrs)["id"]))


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def seeds_result() -> AuditResult:
    return run(collect([str(SEEDS)]), Settings())


@pytest.fixture(scope="module")
def seeds_page(seeds_result: AuditResult) -> str:
    return report.html(seeds_result)


def _row(page: str, slot_id: int) -> str:
    start = page.index(f'id="slot-{slot_id}"')
    end = page.find('<tr class="slot"', start)
    return page[start:end if end >= 0 else page.index("</tbody>", start)]


def test_every_slot_of_the_seeds_appears_with_its_values(seeds_result: AuditResult, seeds_page: str) -> None:
    assert seeds_result.slots, "the seeds have slots"
    for slot in seeds_result.slots:
        row = _row(seeds_page, slot.id)
        assert f">{slot.status}<" in row
        for value, facts in slot.values:
            assert html_lib.escape(value, quote=False) in row, (slot.id, value)
            for f in facts:
                assert html_lib.escape(Path(f.doc).name, quote=False) in row


def test_summary_counts_documents_slots_and_findings(seeds_result: AuditResult, seeds_page: str) -> None:
    summary = seeds_page[seeds_page.index('id="summary"'):seeds_page.index("</header>")]
    assert f"<b>{len(seeds_result.documents)}</b>documents" in summary
    assert f"<b>{len(seeds_result.slots)}</b>slots" in summary
    n_errors = sum(f.severity == "error" for f in seeds_result.findings)
    assert f"<b>{n_errors}</b>error findings" in summary


def test_links_point_at_anchors_of_the_page(seeds_page: str) -> None:
    """Every finding, quote and mark links to an element of the page itself."""
    tags = _tags(seeds_page)
    hrefs = [a["href"] for t, a in tags.tags if t == "a" and a.get("href")]
    assert hrefs and all(h and h.startswith("#") for h in hrefs)
    missing = {h for h in hrefs if h and h[1:] not in tags.ids}
    assert not missing


def test_the_seeds_get_a_timeline_of_the_strike_date(seeds_page: str) -> None:
    charts = seeds_page[seeds_page.index('id="timelines"'):seeds_page.index('id="slots-heading"')]
    assert charts.count("<svg") >= 1 and 'id="timeline-' in charts


def test_the_page_needs_no_network(seeds_page: str) -> None:
    tags = _tags(seeds_page)
    for tag, attrs in tags.tags:
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value or value.startswith(("#", "data:")), (tag, name, value)
    assert "http-equiv" in seeds_page and "default-src 'none'" in seeds_page


def test_rendering_is_deterministic(seeds_result: AuditResult, seeds_page: str) -> None:
    assert report.html(seeds_result) == seeds_page


@pytest.mark.parametrize("where", ["text", "id"], ids=["document-text", "document-id"])
def test_document_text_never_becomes_markup(where: str) -> None:
    hostile_id = '<script>alert(3)</script>".txt'
    docs = {"a.txt": "The council said 55 homes were flooded.\n",
            (hostile_id if where == "id" else "b.txt"): HOSTILE}
    page = report.html(run(collect([docs])))
    tags = _tags(page)
    assert report_html.count_scripts(page) == 1  # the filter script only
    assert [t for t, _ in tags.tags].count("script") == 1
    assert "img" not in [t for t, _ in tags.tags]
    assert not [(t, n) for t, a in tags.tags for n in a if n.startswith("on")]
    assert "&lt;script&gt;alert(" in page


def test_front_matter_title_and_file_name_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: '<script>alert(4)</script>'\noutlet: '<b>x</b>'\n---\n"
                                   "Officials said 40 homes were flooded.\n")
    (tmp_path / "<img src=x onerror=alert(5)>.md").write_text("Officials said 55 homes were flooded.\n")
    page = report.html(run(collect([str(tmp_path)])))
    tags = [t for t, _ in _tags(page).tags]
    assert tags.count("script") == 1 and "img" not in tags and "b" in tags  # <b> of the page's own
    assert "&lt;script&gt;alert(4)" in page and "&lt;b&gt;x&lt;/b&gt;" in page


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("<>&\"' =/ascriptonerr1234567890.\n\x1b\u202e")), max_size=120))
def test_any_text_stays_text(text: str) -> None:
    """Whatever a document holds, the page has one script (its own) and no event handlers."""
    page = report.html(run(collect([{"a.txt": text, "b.txt": "Officials said 55 homes were flooded."}])))
    tags = _tags(page).tags
    assert [t for t, _ in tags].count("script") == 1
    assert not [(t, n) for t, a in tags for n in a if n.startswith("on")]


def test_the_readme_screenshot_is_small() -> None:
    shot = ROOT / "docs" / "report.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size < 300_000


def test_a_folder_without_publication_times_charts_by_source_order(tmp_path: Path) -> None:
    for name, n in (("a.md", 40), ("b.md", 55), ("c.md", 61)):
        (tmp_path / name).write_text(f"# Flood\n\nOfficials said {n} homes were flooded.\n")
    result = run(collect([str(tmp_path)]))
    assert all(d.published is None for d in result.documents)
    page = report.html(result)
    assert "order of sources" in page and "<svg" in page
    for n in (40, 55, 61):
        assert f'<span class="value">{n}</span>' in page


def test_dollar_signs_in_labels_are_not_mathtext() -> None:
    """matplotlib would read "$x$" as a formula (and fail on an odd one); labels are plain text."""
    docs = {f"$\\bad{i}$ news.txt": f"Officials said {40 + i} homes were flooded." for i in range(4)}
    page = report.html(run(collect([docs])))
    assert "<svg" in page and "$\\bad0$ news" in page


def test_no_slots_no_findings_still_renders() -> None:
    page = report.html(run(collect([{"a.txt": "Nothing to see here."}])))
    assert "No findings." in page and "<b>0</b>slots" in page


def test_html_takes_an_audit_result() -> None:
    with pytest.raises(TypeError, match="AuditResult"):
        report.html({"a": "text"})


def test_cli_writes_the_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main([str(SEEDS), "--isolated", "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert main([str(SEEDS), "--isolated", "--format", "html"]) == 1
    assert capsys.readouterr().out == page


def test_cli_without_the_extra_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing() -> None:
        raise ImportError(report_html._MISSING)

    monkeypatch.setattr(report_html, "check_available", missing)
    assert main([str(SEEDS), "--isolated", "--format", "html"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "discrepancy[html]" in err


# --- in a real browser ---------------------------------------------------------------------

def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed (apt-get install chromium; .ci/run does when it can)")


def _browse(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Chromium headless on a file, console messages logged to stderr."""
    args = [_chromium(), "--headless", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--enable-logging=stderr", "--v=0", f"--user-data-dir={page.parent / 'profile'}",
            *extra, page.as_uri()]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(1, "--no-sandbox")  # Chromium refuses to run as root inside its sandbox
    return subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)


def _console(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln]


def test_browser_shows_the_seeds_report_without_console_errors(
    tmp_path: Path, seeds_result: AuditResult, seeds_page: str
) -> None:
    page = tmp_path / "report.html"
    page.write_text(seeds_page, encoding="utf-8")
    shot = tmp_path / "report.png"
    done = _browse(page, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    assert not _console(done.stderr)
    dom = _browse(page, "--dump-dom")
    assert not _console(dom.stderr)
    # The filter script ran (the page's CSP hash admits it): it wrote the slot count.
    n = len(seeds_result.slots)
    assert f'id="filter-count" class="meta">{n} of {n} slots<' in dom.stdout
    for slot in seeds_result.slots:
        assert f'id="slot-{slot.id}"' in dom.stdout


def test_browser_does_not_run_scripts_from_documents(tmp_path: Path) -> None:
    result = run(collect([{"a.txt": "The council said 55 homes were flooded.\n", "b.txt": HOSTILE}]))
    page = tmp_path / "hostile.html"
    page.write_text(report.html(result), encoding="utf-8")
    done = _browse(page, "--dump-dom")
    assert "<title>discrepancy report</title>" in done.stdout  # not "pwned"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in done.stdout
    assert not _console(done.stderr), _console(done.stderr)
