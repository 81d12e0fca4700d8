"""Loading files and folders: formats, ids, encodings, include/exclude, user dates."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discrepancy.document import Document
from discrepancy.facts import When
from discrepancy.load import (
    LoadError,
    documents_from_mapping,
    load_documents,
    parse_published,
    split_front_matter,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "load"
SITE = FIXTURES / "site"


def load(*paths: str | Path, **kw: object) -> tuple[list[Document], list[str]]:
    warnings: list[str] = []
    docs = load_documents(*paths, on_warning=warnings.append, **kw)  # type: ignore[arg-type]
    return docs, warnings


def by_id(docs: list[Document]) -> dict[str, Document]:
    return {d.id: d for d in docs}


# --- folders ----------------------------------------------------------------------------


def test_folder_ids_sorted_hidden_and_unsupported_skipped() -> None:
    docs, warnings = load(SITE)
    assert [d.id for d in docs] == [
        "article.md",
        "page.html",
        "plain.txt",
        "sub/feed.jsonl#a",
        "sub/feed.jsonl#3",
        "sub/feed.jsonl#4",
    ]
    assert warnings == []


def test_same_folder_twice_gives_same_documents() -> None:
    first, _ = load(SITE)
    second, _ = load(SITE)
    assert [(d.id, d.text, d.published) for d in first] == [(d.id, d.text, d.published) for d in second]


def test_file_given_directly_has_its_name_as_id() -> None:
    docs, _ = load(SITE / "plain.txt")
    assert [d.id for d in docs] == ["plain.txt"]


def test_file_inside_a_folder_given_twice_is_loaded_once() -> None:
    docs, _ = load(SITE, SITE / "plain.txt")
    assert [d.id for d in docs].count("plain.txt") == 1


def test_colliding_names_keep_their_paths(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(f"From {folder}.")
    docs, _ = load(tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt")
    assert [d.id for d in docs] == [
        (tmp_path / "a" / "x.txt").as_posix(),
        (tmp_path / "b" / "x.txt").as_posix(),
    ]


def test_skipped_folders(tmp_path: Path) -> None:
    for rel in (".git/a.txt", ".venv/lib/b.md", "node_modules/pkg/c.md", "__pycache__/d.txt", "keep/e.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Text.")
    docs, _ = load(tmp_path)
    assert [d.id for d in docs] == ["keep/e.txt"]


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.")
    try:
        os.symlink(tmp_path, tmp_path / "loop")
    except OSError:
        pytest.skip("symlinks not supported here")
    docs, _ = load(tmp_path)
    assert [d.id for d in docs] == ["a.txt"]


# --- include / exclude ------------------------------------------------------------------------

GLOBS = [
    pytest.param(["*.md"], [], ["article.md"], id="include-suffix-anywhere"),
    pytest.param(
        ["sub/**"], [], ["sub/feed.jsonl#a", "sub/feed.jsonl#3", "sub/feed.jsonl#4"], id="include-folder"
    ),
    pytest.param(
        ["**/*.jsonl"], [], ["sub/feed.jsonl#a", "sub/feed.jsonl#3", "sub/feed.jsonl#4"], id="doublestar"
    ),
    pytest.param([], ["sub"], ["article.md", "page.html", "plain.txt"], id="exclude-folder-name"),
    pytest.param([], ["*.html", "*.jsonl"], ["article.md", "plain.txt"], id="exclude-two"),
    pytest.param(["*.md", "*.txt"], ["plain.*"], ["article.md"], id="exclude-wins"),
    pytest.param(["p[al]*"], [], ["page.html", "plain.txt"], id="char-class"),
]


@pytest.mark.parametrize(("include", "exclude", "ids"), GLOBS)
def test_include_exclude(include: list[str], exclude: list[str], ids: list[str]) -> None:
    docs, _ = load(SITE, include=include, exclude=exclude)
    assert [d.id for d in docs] == ids


def test_exclude_everything_is_no_documents() -> None:
    with pytest.raises(LoadError, match="no documents found in"):
        load(SITE, exclude=["*"])


# --- formats -----------------------------------------------------------------------------------


def test_markdown_front_matter_is_metadata_not_text() -> None:
    doc = by_id(load(SITE)[0])["article.md"]
    assert doc.text.startswith("Base closes\n")  # the heading's prose, without its "# "
    assert "title:" not in doc.text
    assert doc.metadata["title"] == "Base closes" and doc.metadata["author"] == "Jane Doe"
    assert (doc.published, doc.published_source) == (When(2023, 3, 14), "metadata")
    assert doc.line_col(0) == (6, 3)


FRONT_MATTER = [
    pytest.param("---\na: 1\n---\nBody", "Body", {"a": 1}, 4, id="yaml"),
    pytest.param("---\na: 1\n...\nBody", "Body", {"a": 1}, 4, id="yaml-dots-close"),
    pytest.param('+++\ntitle = "T"\n+++\nBody', "Body", {"title": "T"}, 4, id="toml"),
    pytest.param("---\na: 1\nBody", "---\na: 1\nBody", {}, 1, id="unclosed"),
    pytest.param("---\n---\nBody", "Body", {}, 3, id="empty"),
    pytest.param("Text\n---\na: 1\n---\n", "Text\n---\na: 1\n---\n", {}, 1, id="not-at-top"),
    pytest.param("---\na: 1\n---", "", {"a": 1}, 4, id="nothing-after"),
]


@pytest.mark.parametrize(("text", "body", "meta", "line"), FRONT_MATTER)
def test_split_front_matter(text: str, body: str, meta: dict, line: int) -> None:
    assert split_front_matter(text) == (body, meta, line)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        pytest.param("a: [1, 2\n", "not valid YAML", id="bad-yaml"),
        pytest.param("- a\n- b\n", "it is a list", id="list"),
    ],
)
def test_bad_front_matter_warns(block: str, message: str) -> None:
    warnings: list[str] = []
    body, meta, _ = split_front_matter(f"---\n{block}---\nBody", "x.md", warnings.append)
    assert (body, meta) == ("Body", {})
    assert len(warnings) == 1 and "x.md" in warnings[0] and message in warnings[0]


def test_html_visible_text_and_metadata() -> None:
    doc = by_id(load(SITE)[0])["page.html"]
    assert doc.text.split("\n") == [
        "Strike & response",
        "Iran launched more than a dozen missiles at two bases.",
        "No U.S. personnel were hurt – officials said.",
        "First item",
        "Second\xa0item".replace("\xa0", " "),
        "line one",
        "  line two",
    ]
    for hidden in ("color", "var published", "Enable JavaScript", "Hidden template"):
        assert hidden not in doc.text
    assert doc.metadata["title"] == "Strike & response"
    assert doc.metadata["description"] == "A test page"
    assert doc.published == When(2020, 1, 8, hour=19, minute=17, zone="+05:30", utc_offset=330)
    assert doc.published_source == "metadata"


HTML_CASES = [
    pytest.param("<p>a<br>b</p>", "a\nb", id="br"),
    pytest.param("<div>a</div><div>b</div>", "a\nb", id="divs"),
    pytest.param("<span>a</span><span>b</span>", "ab", id="inline"),
    pytest.param("<table><tr><td>1</td><td>2</td></tr></table>", "1\n2", id="cells"),
    pytest.param("<p>&lt;tag&gt; &#233;t&#xE9; &copy;</p>", "<tag> été ©", id="entities"),
    pytest.param("<p>AT&T and &bogus; stay</p>", "AT&T and &bogus; stay", id="unknown-entities"),
    pytest.param("<p>a<!-- note -->b</p>", "ab", id="comment"),
    pytest.param("<script>if (a < b) {}</script><p>x</p>", "x", id="script-with-lt"),
    pytest.param("<p>unclosed <b>bold", "unclosed bold", id="unclosed"),
    pytest.param("<h1>Title</h1>\n\n<p>  spaced   out  </p>", "Title\nspaced out", id="whitespace"),
    pytest.param("<head><title>T</title><body><p>Body", "Body", id="head-end-tag-omitted"),
    pytest.param("<p>Icon<svg><title>icon</title></svg> here</p>", "Icon here", id="svg-title-hidden"),
    pytest.param("<p>x</p><iframe>Your browser lacks frames</iframe>", "x", id="iframe-fallback-hidden"),
]


@pytest.mark.parametrize(("html", "text"), HTML_CASES)
def test_html_text(tmp_path: Path, html: str, text: str) -> None:
    (tmp_path / "p.html").write_text(html)
    [doc] = load(tmp_path / "p.html")[0]
    assert doc.text == text


HTML_DATES = [
    pytest.param(
        '<meta name="pubdate" content="January 8, 2020">', When(2020, 1, 8), "metadata", id="pubdate"
    ),
    pytest.param('<meta name="date" content="2020-01-08">', When(2020, 1, 8), "metadata", id="date"),
    pytest.param(
        '<meta property="og:published_time" content="2020-01-08T14:00:00Z">',
        When(2020, 1, 8, hour=14, minute=0, zone="UTC", utc_offset=0),
        "metadata",
        id="og",
    ),
    pytest.param(
        '<meta itemprop="datePublished" content="2020-01-08">', When(2020, 1, 8), "metadata", id="itemprop"
    ),
    pytest.param(
        '<meta name="parsely-pub-date" content="2020-01-08">', When(2020, 1, 8), "metadata", id="parsely"
    ),
    pytest.param(
        '<p class="byline">Published: January 8, 2020</p>', When(2020, 1, 8), "header", id="visible-line"
    ),
    pytest.param('<meta name="description" content="2020-01-08">', None, "", id="other-meta-ignored"),
]


@pytest.mark.parametrize(("head", "published", "source"), HTML_DATES)
def test_html_dates(tmp_path: Path, head: str, published: When | None, source: str) -> None:
    (tmp_path / "p.html").write_text(f"{head}<p>Story.</p>")
    [doc] = load(tmp_path / "p.html")[0]
    assert (doc.published, doc.published_source) == (published, source)


def test_jsonl_documents() -> None:
    docs = by_id(load(SITE)[0])
    a = docs["sub/feed.jsonl#a"]
    assert a.text == "Published: March 14, 2023\nThe base closed."
    assert (a.published, a.published_source) == (When(2023, 3, 14), "header")
    assert a.metadata["url"] == "https://example.org/a"
    third = docs["sub/feed.jsonl#3"]
    assert third.text == 'Café owners said "no".\nTwo lines here.'
    assert (third.published, third.published_source) == (When(2024, 2, 1), "metadata")
    assert docs["sub/feed.jsonl#4"].published == When(2020, 1, 6)


BAD_JSONL = [
    pytest.param('{"text": "ok"}\n{"text": oops}\n', ":2: not a JSON object", id="syntax"),
    pytest.param('{"text": "ok"}\n[1, 2]\n', ":2: expected a JSON object", id="array"),
    pytest.param('{"id": "a"}\n', ':1: missing "text" string', id="no-text"),
    pytest.param('{"text": 5}\n', ':1: missing "text" string', id="text-not-string"),
    pytest.param(
        '{"id": 1, "text": "a"}\n{"id": "1", "text": "b"}\n', ":2: duplicate id '1'", id="duplicate-id"
    ),
]


@pytest.mark.parametrize(("content", "message"), BAD_JSONL)
def test_bad_jsonl_line(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "f.jsonl").write_text(content)
    with pytest.raises(LoadError) as err:
        load(tmp_path / "f.jsonl")
    assert str(err.value).startswith(f"{(tmp_path / 'f.jsonl').as_posix()}{message}")


def test_jsonl_bad_published_warns(tmp_path: Path) -> None:
    (tmp_path / "f.jsonl").write_text('{"text": "Story.", "published": "last Tuesday"}\n')
    [doc], warnings = load(tmp_path / "f.jsonl")
    assert doc.published is None
    assert len(warnings) == 1 and "f.jsonl:1" in warnings[0] and "last Tuesday" in warnings[0]


def test_explicit_file_with_other_suffix_is_text(tmp_path: Path) -> None:
    (tmp_path / "NOTES").write_text("Plain notes.")
    [doc] = load(tmp_path / "NOTES")[0]
    assert doc.text == "Plain notes."


# --- encodings ----------------------------------------------------------------------------------

ENCODINGS = [
    pytest.param(b"caf\xc3\xa9\n", "café\n", None, id="utf8"),
    pytest.param(b"\xef\xbb\xbfcaf\xc3\xa9", "café", None, id="utf8-bom"),
    pytest.param(b"a\r\nb\r\n", "a\nb\n", None, id="crlf"),
    pytest.param(b"a\rb\r", "a\nb\n", None, id="lone-cr"),
    pytest.param(b"\xff\xfea\x00\r\x00\n\x00", "a\n", None, id="utf16-bom"),
    pytest.param(b"caf\xe9 \x93q\x94", "café “q”", "offset 3); read as cp1252", id="cp1252"),
    pytest.param(
        b"\xef\xbb\xbfok \x81", "ok \ufffd", "offset 6); read as cp1252, 1 byte(s)", id="unmappable"
    ),
]


@pytest.mark.parametrize(("data", "text", "warning"), ENCODINGS)
def test_encodings(tmp_path: Path, data: bytes, text: str, warning: str | None) -> None:
    (tmp_path / "f.txt").write_bytes(data)
    [doc], warnings = load(tmp_path / "f.txt")
    assert doc.text == text
    if warning is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and "f.txt" in warnings[0] and warning in warnings[0]


def test_binary_file_in_folder_is_skipped_with_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\x00\x00")
    docs, warnings = load(tmp_path)
    assert [d.id for d in docs] == ["a.txt"]
    assert warnings == [f"{(tmp_path / 'b.txt').as_posix()}: skipped binary file (contains NUL bytes)"]


def test_binary_file_given_explicitly_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    with pytest.raises(LoadError, match="binary file"):
        load(tmp_path / "b.txt")


def test_files_are_not_modified(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfA\r\nB \x93\r"
    (tmp_path / "f.txt").write_bytes(data)
    before = os.stat(tmp_path / "f.txt").st_mtime_ns
    load(tmp_path)
    assert (tmp_path / "f.txt").read_bytes() == data
    assert os.stat(tmp_path / "f.txt").st_mtime_ns == before


# --- errors --------------------------------------------------------------------------------------


def test_missing_path() -> None:
    with pytest.raises(LoadError, match=r"nope\.txt: no such file or directory"):
        load("nope.txt")


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no documents found in"):
        load(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("x")
    real_open = open

    def deny(path: object, *args: object, **kw: object) -> object:
        if Path(str(path)) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(LoadError, match=r"secret\.txt: cannot read file: permission denied"):
        load(target)


def test_unlistable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def deny(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", deny)
    with pytest.raises(LoadError, match="locked: cannot list folder: permission denied"):
        load(tmp_path)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("x")
    target.chmod(0)
    try:
        with pytest.raises(LoadError, match="permission denied"):
            load(target)
    finally:
        target.chmod(0o644)


# --- user-given publication dates ----------------------------------------------------------------

PUBLISHED = [
    pytest.param("2020-01-08", When(2020, 1, 8), id="iso-date"),
    pytest.param(
        "2020-01-08T19:17+05:30",
        When(2020, 1, 8, hour=19, minute=17, zone="+05:30", utc_offset=330),
        id="iso-offset",
    ),
    pytest.param(
        "2020-01-08 19:17 IST",
        When(2020, 1, 8, hour=19, minute=17, zone="IST", utc_offset=330),
        id="zone-abbreviation",
    ),
    pytest.param("January 8, 2020", When(2020, 1, 8), id="month-name"),
    pytest.param(When(2020, 1, 8), When(2020, 1, 8), id="when"),
]


@pytest.mark.parametrize(("value", "expected"), PUBLISHED)
def test_parse_published(value: str | When, expected: When) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2020-02-30", "08/01/2020", ""])
def test_parse_published_bad(value: str) -> None:
    with pytest.raises(LoadError, match="bad publication date"):
        parse_published(value)


KEYS = [
    pytest.param("plain.txt", "plain.txt", id="by-id"),
    pytest.param("sub/feed.jsonl#3", "sub/feed.jsonl#3", id="jsonl-id"),
    pytest.param((SITE / "page.html").as_posix(), "page.html", id="by-path-as-given"),
]


@pytest.mark.parametrize(("key", "doc_id"), KEYS)
def test_user_published_overrides(key: str, doc_id: str) -> None:
    docs = by_id(load(SITE, published={key: "2019-12-31"})[0])
    assert (docs[doc_id].published, docs[doc_id].published_source) == (When(2019, 12, 31), "user")
    others = [d for i, d in docs.items() if i != doc_id]
    assert all(d.published_source != "user" for d in others)


def test_user_published_by_file_name_in_subfolder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Text.")
    [doc] = load(tmp_path, published={"a.txt": "2020-01-01"})[0]
    assert doc.published_source == "user"


def test_user_published_unknown_document() -> None:
    with pytest.raises(LoadError, match=r"--published plian\.txt: no such document"):
        load(SITE, published={"plian.txt": "2020-01-01"})


def test_user_published_ambiguous_file_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("Text.")
    with pytest.raises(LoadError, match="ambiguous"):
        load(tmp_path, published={"x.txt": "2020-01-01"})


def test_user_published_not_strict_ignores_unknown() -> None:
    docs = load(SITE, published={"elsewhere": "2020-01-01"}, strict_published=False)[0]
    assert all(d.published_source != "user" for d in docs)


def test_documents_from_mapping() -> None:
    docs = documents_from_mapping(
        {"a": "Published: 2024-02-01\r\nText.", "b": "Other."}, published={"b": "2020-01-01"}
    )
    assert [d.text for d in docs] == ["Published: 2024-02-01\nText.", "Other."]
    assert [(d.published, d.published_source) for d in docs] == [
        (When(2024, 2, 1), "header"),
        (When(2020, 1, 1), "user"),
    ]
    with pytest.raises(LoadError, match="text must be a string"):
        documents_from_mapping({"a": 5})  # type: ignore[dict-item]


# --- hostile input ------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_arbitrary_bytes_load_or_raise_load_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    try:
        docs = load_documents(path, on_warning=lambda m: None)
    except LoadError:
        return
    for doc in docs:
        assert "\r" not in doc.text
        for offset in range(0, len(doc.text) + 1, 7):
            line, col = doc.line_col(offset)
            assert line >= 1 and col >= 1


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300),
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_arbitrary_text_loads(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        load_documents(path, on_warning=lambda m: None)
    except LoadError as err:
        assert "binary" in str(err) or "HTML" in str(err)
