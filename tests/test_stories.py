"""Stories: documents grouped before comparison, and no fact compared across stories.

The mixed corpus is ``tests/corpora/mixed_events`` (a flood and a wildfire in one folder, with
the same nouns and numbers); ``test_corpora.py`` checks its expected findings under the default
``auto``. Here: that without grouping the cross-story pairs would be reported (so those checks
can fail), each mode, bad values, order independence, scale, and the real-news dev set mixed
into one flat folder (skipped when ``../shared`` is absent).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy.audit import collect, run
from discrepancy.cli import main
from discrepancy.compare import find_conflicts
from discrepancy.document import Document
from discrepancy.extract import extract_corpus
from discrepancy.settings import Settings
from discrepancy.stories import Story, folder_of, group_stories

CORPORA = Path(__file__).parent / "corpora"
MIXED = CORPORA / "mixed_events"
NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "devsets" / "news"
FLOOD = ("flood-monday.txt", "flood-tuesday.txt")
FIRE = ("wildfire-report.txt", "wildfire-update.txt")


def _pairs(frame: object) -> set[frozenset[str]]:
    return {frozenset((r.doc_a, r.doc_b)) for r in frame.itertuples()}  # type: ignore[attr-defined]


def _crosses(frame: object) -> int:
    return sum(1 for p in _pairs(frame) if len(p) == 2 and not (p <= set(FLOOD) or p <= set(FIRE)))


# --- auto on the mixed corpus ---------------------------------------------------------------

def test_auto_finds_the_two_events() -> None:
    result = run(collect([str(MIXED)]))
    assert [s.documents for s in result.stories] == [FLOOD, FIRE]
    assert result.story_of("flood-tuesday.txt") == result.stories[0]
    assert result.story_of("nowhere.txt") is None


def test_without_grouping_the_look_alikes_are_reported() -> None:
    """The cross-story pairs are real look-alikes: with ``none`` they are flagged."""
    assert _crosses(discrepancy.audit(str(MIXED), group_by="none")) >= 2
    auto = discrepancy.audit(str(MIXED))
    assert _crosses(auto) == 0
    assert {frozenset(FLOOD), frozenset(FIRE)} <= _pairs(auto)


# --- the other modes ------------------------------------------------------------------------

def _copy(tmp_path: Path, layout: dict[str, tuple[str, ...]]) -> Path:
    for folder, names in layout.items():
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.copy(MIXED / name, tmp_path / folder / name)
    return tmp_path


def test_folder_mode_follows_the_folders_whatever_the_names(tmp_path: Path) -> None:
    # Each folder mixes one flood and one fire report: folder mode compares inside folders only.
    root = _copy(tmp_path, {"a": (FLOOD[0], FIRE[0]), "b": (FLOOD[1], FIRE[1])})
    frame = discrepancy.audit(str(root), group_by="folder")
    assert _pairs(frame) == {frozenset(("a/" + FLOOD[0], "a/" + FIRE[0])),
                             frozenset(("b/" + FLOOD[1], "b/" + FIRE[1]))}


def test_auto_uses_folders_that_already_separate_stories(tmp_path: Path) -> None:
    root = _copy(tmp_path, {"flood": FLOOD, "fire": FIRE})
    stories = run(collect([str(root)])).stories
    assert [(s.label, s.documents) for s in stories] == [
        (f"{root.as_posix()}/fire", tuple("fire/" + n for n in FIRE)),
        (f"{root.as_posix()}/flood", tuple("flood/" + n for n in FLOOD)),
    ]


def test_auto_keeps_a_documentation_site_whole(tmp_path: Path) -> None:
    # Sections in folders, but every page names the product: the folders are not stories, and
    # a limit stated differently in the guide and the API reference is still a conflict.
    pages = {
        "guide/start.md": "# Start\n\nGet Northwind Relay; Northwind Relay keeps up to 30 days of logs.\n",
        "guide/limits.md": "# Limits\n\nA Northwind Relay mailbox accepts up to 50 calls per minute.\n",
        "api/logs.md": "# Logs API\n\nNorthwind Relay keeps up to 14 days of logs.\n",
        "api/calls.md": "# Calls API\n\nEach Northwind Relay mailbox accepts up to 80 calls per minute.\n",
    }
    for rel, text in pages.items():
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = run(collect([str(tmp_path)]))
    assert len(result.stories) == 1
    assert {frozenset((f.doc_a, f.doc_b)) for f in result.findings} == {
        frozenset(("guide/start.md", "api/logs.md")), frozenset(("guide/limits.md", "api/calls.md"))}


def test_folders_without_evidence_do_not_split(tmp_path: Path) -> None:
    # Two section folders whose pages name nothing: the layout alone is no sign of two events.
    for rel, n in [("guide/a.md", 30), ("guide/b.md", 30), ("api/c.md", 14), ("api/d.md", 14)]:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        text = f"# Logs\n\nEvery mailbox keeps up to {n} days of logs.\n"
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = run(collect([str(tmp_path)]))
    assert [s.label for s in result.stories] == ["all documents"]
    assert any({f.doc_a[:3], f.doc_b[:3]} == {"gui", "api"} for f in result.findings)


def test_verbose_names_the_stories(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(MIXED), "-v", "--isolated", "--format", "json"])
    err = capsys.readouterr().err
    assert "story S1 (Harwick, Ostley): 2 documents" in err
    assert "story S2 (Cedar Hollow, Marlow): 2 documents" in err


def _with_story(name: str, story: object) -> Document:
    text = (MIXED / name).read_text(encoding="utf-8")
    return Document(name, text, metadata={} if story is None else {"Story": story})


@pytest.mark.parametrize(("field", "expected"), [
    pytest.param("story", [("no story", FIRE), ("story: flood", FLOOD)], id="field-values"),
    pytest.param("desk", [("no desk", (*FLOOD, *FIRE))], id="missing-field-one-story"),
])
def test_field_mode(field: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    docs = [_with_story(FLOOD[0], "flood"), _with_story(FLOOD[1], " flood "),
            _with_story(FIRE[0], None), _with_story(FIRE[1], "")]
    stories = group_stories(docs, [[] for _ in docs], f"field:{field}")
    assert sorted((s.label, tuple(sorted(s.documents))) for s in stories) == sorted(
        (label, tuple(sorted(ids))) for label, ids in expected)


def test_field_mode_reads_jsonl_fields(tmp_path: Path) -> None:
    lines = [{"id": n, "text": (MIXED / n).read_text(encoding="utf-8"), "event": e}
             for n, e in [(FLOOD[0], "flood"), (FIRE[0], "fire"), (FLOOD[1], "flood"), (FIRE[1], "fire")]]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    frame = discrepancy.audit(str(feed), group_by="field:event")
    assert _pairs(frame) == {frozenset("feed.jsonl#" + n for n in FLOOD),
                             frozenset("feed.jsonl#" + n for n in FIRE)}


def test_none_is_the_comparison_of_everything() -> None:
    docs = collect([str(MIXED), str(CORPORA / "flood_places")])
    s = Settings(group_by="none")
    per_doc = extract_corpus(docs, s)
    result = run(docs, s)
    assert result.findings == tuple(find_conflicts(docs, per_doc, s))
    assert result.stories == (Story("S1", "all documents", tuple(sorted(d.id for d in docs))),)


@pytest.mark.parametrize(("doc", "folder"), [
    pytest.param(Document("n/a.txt", "x", path="in/n/a.txt"), "in/n", id="file"),
    pytest.param(Document("f.jsonl#2", "x", path="in/f.jsonl"), "in/f.jsonl", id="jsonl-record"),
    pytest.param(Document("x/y.txt", "x"), "x", id="mapping-id-with-folder"),
    pytest.param(Document("y", "x"), ".", id="mapping-plain-id"),
])
def test_folder_of(doc: Document, folder: str) -> None:
    assert folder_of(doc) == folder


# --- small corpora stay whole -------------------------------------------------------------

@pytest.mark.parametrize("texts", [
    pytest.param({"a": "40 homes were flooded on Saturday.", "b": "55 homes were flooded."}, id="no-names"),
    pytest.param({"a": "Rain hit Leeds.", "b": "Rain hit York."}, id="nothing-shared"),
])
def test_without_evidence_of_two_events_nothing_is_split(texts: dict[str, str]) -> None:
    docs = [Document(k, v) for k, v in texts.items()]
    assert [s.documents for s in group_stories(docs, [[], []])] == [("a", "b")]


# --- bad values -----------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["topic", "field:", "field", "", 3])
def test_bad_group_by_is_a_value_error(value: object) -> None:
    with pytest.raises(ValueError, match="group_by"):
        Settings(group_by=value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="group_by"):
        group_stories([Document("a", "x")], [[]], value)  # type: ignore[arg-type]


def test_facts_must_match_documents() -> None:
    with pytest.raises(ValueError, match="1 documents"):
        group_stories([Document("a", "x")], [], "auto")


def test_cli_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(MIXED), "--group-by", "none", "--format", "json", "--isolated"]) == 1
    assert len(json.loads(capsys.readouterr().out)) > 2
    assert main([str(MIXED), "--group-by", "topic", "--isolated"]) == 2
    err = capsys.readouterr().err
    assert "--group-by" in err and len(err.strip().splitlines()) == 1


# --- properties -----------------------------------------------------------------------------

def _corpus() -> list[Document]:
    names = ("mixed_events", "flood_places", "role_holders", "hedges_news")
    return collect([str(CORPORA / name) for name in names])


CORPUS = _corpus()
FACTS = extract_corpus(CORPUS, Settings())


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(len(CORPUS))))
def test_stories_do_not_depend_on_document_order(order: list[int]) -> None:
    expected = group_stories(CORPUS, FACTS)
    assert group_stories([CORPUS[i] for i in order], [FACTS[i] for i in order]) == expected


def test_scales_to_ten_thousand_documents() -> None:
    # One name in every document, a rarer one shared by ten: one story, built in seconds
    # (every pair would be 50 million comparisons).
    docs = [Document(f"{i:05d}", f"Crews in Harwick met Okafor{i // 10} and Corbel{i}.")
            for i in range(10_000)]
    start = time.perf_counter()
    stories = group_stories(docs, [[] for _ in docs])
    assert time.perf_counter() - start < 30
    assert len(stories) == 1


# --- the real-news dev set, mixed into one folder ------------------------------------------

@pytest.mark.skipif(not NEWS.is_dir(), reason="the real-news dev set (../shared/devsets/news) is absent")
def test_dev_set_events_are_recovered_from_a_flat_folder(tmp_path: Path) -> None:
    """Every passage copied under a neutral name into one folder (at test time only)."""
    event_of = {}
    for k, path in enumerate(sorted(NEWS.glob("*/*"))):
        name = f"passage{k:02d}{path.suffix}"
        shutil.copy(path, tmp_path / name)
        event_of[name] = path.parent.name
    result = run(collect([str(tmp_path)]))
    events = {e: {n for n, x in event_of.items() if x == e} for e in set(event_of.values())}
    exact = sum(1 for ids in events.values() if any(set(s.documents) == ids for s in result.stories))
    assert exact == len(events) == 10  # measured: all 10 events, purity and completeness 1.0
    crossing = [f for f in result.findings if event_of[f.doc_a] != event_of[f.doc_b]]
    assert crossing == []


# Characters the capitalized-run and lower-case patterns treat apart: letters of each case,
# digits, dots, blanks, the marks that open a sentence and the joiners of a word.
_PATTERN_TEXT = st.text(alphabet="aZB. \t\n\"'([#*>|!?:;-_0s’“”–…\xa0é", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_PATTERN_TEXT)
def test_ascii_scans_find_what_the_unicode_scans_find(text: str) -> None:
    """In ASCII text (typographic marks read as ASCII) the `re` patterns and `_opens` give the
    runs, their sentence starts and the lower-case words of the `regex` patterns (documents
    take whichever fits their text)."""
    from discrepancy import stories

    scan = stories._as_ascii(text)
    assume(scan.isascii())
    full = [(m.span(), m.group("first") is not None) for m in stories._CAPITALIZED.finditer(text)]
    fast = [(m.span(), stories._opens(text, m.start())) for m in stories._ASCII_CAPITALIZED.finditer(scan)]
    assert fast == full
    assert stories._ASCII_LOWER.findall(scan) == stories._LOWER.findall(text)
