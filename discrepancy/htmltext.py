"""Visible text of an HTML page, with anchors back to the source, in one linear pass.

The standard library's ``html.parser`` rescans the rest of the page at every ``<`` of a tag
or comment that is never closed (``'<a ' * 8000`` takes seconds, ``'<!--' * 100000`` more
than a minute). Parsers in C (lxml, selectolax) are linear but give no column of a text
node, and findings must point at a line and column of the file. So this module tokenizes by
the rules HTML5 uses for the cases that matter, each construct found by one forward search:

* a comment runs to ``-->`` (or to the end of the page when never closed);
* ``<!...>`` and ``<?...>`` are bogus comments up to the next ``>``;
* a tag runs to the first ``>`` outside a quoted attribute value; a tag never closed drops
  the rest of the page, as a browser does;
* ``<script>`` and ``<style>`` hold raw text up to their end tag.

>>> text, meta, anchors = html_text("<p>a &amp; b</p><!-- x --><P>c</P>")
>>> text, anchors
('a & b\\nc', ((0, 1, 4), (4, 1, 12), (6, 1, 30)))
"""

from __future__ import annotations

import bisect
import html
from typing import Any

import regex

Anchors = tuple[tuple[int, int, int], ...]


class AnchorTrack:
    """Builds ``Document.anchors``: records a new anchor only where the source position of
    the next character differs from what counting lines from the last anchor predicts."""

    def __init__(self, line: int = 1, col: int = 1) -> None:
        self.items: list[tuple[int, int, int]] = [(0, line, col)]
        self.pred = (line, col)

    def at(self, offset: int, line: int, col: int) -> None:
        if self.pred != (line, col):
            if self.items[-1][0] == offset:
                self.items[-1] = (offset, line, col)
            else:
                self.items.append((offset, line, col))
            self.pred = (line, col)

    def advance(self, s: str) -> None:
        if not s:
            return
        line, col = self.pred
        n = s.count("\n")
        self.pred = (line + n, len(s) - s.rfind("\n")) if n else (line, col + len(s))


# Elements whose content is never shown as text.
# (``<head>`` is not listed: its end tag is optional, and its only text is the title, which
# goes to metadata.)
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
# Elements whose content is raw text up to their end tag (no tags, no references inside).
_RAW = frozenset({"script", "style"})
# Elements that start a new line of text: paragraphs, headings, list items, table rows and
# cells, line breaks. Without the break, "Headline" and "First paragraph" would run together
# into one sentence.
_BLOCK = frozenset(
    """address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody
    td tfoot th thead tr ul""".split()
)
# Whitespace runs, and runs of words joined by single spaces (kept whole: collapsing leaves
# them unchanged, so one anchor serves the whole run).
_TOKEN = regex.compile(r"\s+|\S+(?: \S+)*+")

# Where markup may start: "<" before a letter, "/", "!" or "?"; any other "<" is text.
_MARKUP = regex.compile(r"<(?=[A-Za-z/!?])")
_START_TAG = regex.compile(
    r"""
    <(?P<name>[A-Za-z][^\t\n\f\r\x20/>]*+)   # tag name
    (?P<attrs>(?:
        [^>=]++                               # names, blanks, slashes
      | =[\t\n\f\r\x20]*+(?:"[^"]*+"|'[^']*+')   # a quoted value may hold ">"
      | =                                     # "=" before an unquoted value
    )*+)
    >
    """,
    regex.VERBOSE,
)
_END_TAG = regex.compile(r"</(?P<name>[A-Za-z][^\t\n\f\r\x20/>]*+)[^>]*+>")
_ATTR = regex.compile(
    r"""
    (?P<key>[^\t\n\f\r\x20/>=][^\t\n\f\r\x20/>=]*+)                   # attribute name
    (?:[\t\n\f\r\x20]*+=[\t\n\f\r\x20]*+
       (?:"(?P<dq>[^"]*+)"|'(?P<sq>[^']*+)'|(?P<bare>[^\t\n\f\r\x20>]*+)))?+   # optional value
    """,
    regex.VERBOSE,
)
_RAW_END = {name: regex.compile(rf"</{name}(?=[\t\n\f\r\x20/>])", regex.IGNORECASE) for name in _RAW}
# A character reference: named (with or without ";") or numeric; bounded lengths.
_REFERENCE = regex.compile(r"&(?:\#[0-9]{1,10}+;?|\#[xX][0-9a-fA-F]{1,8}+;?|[A-Za-z][A-Za-z0-9]{0,31}+;?)")


class _HTMLText:
    """Collects visible text with anchors, the title and meta tags, fed by `_tokenize`."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.length = 0
        self.track = AnchorTrack()
        self.hidden = 0
        self.pre = 0
        self.in_title = False
        self.title_done = False
        self.title: list[str] = []
        self.meta: dict[str, Any] = {}
        self.pending = ""  # separator owed before the next visible text: "", " " or "\n"

    def _emit(self, s: str) -> None:
        self.out.append(s)
        self.length += len(s)

    def text(self, data: str, line: int, col0: int) -> None:
        """Visible characters ``data`` that start at ``line``/``col0`` (0-based) of the source."""
        if self.in_title:
            if not self.hidden and not self.title_done:  # not an SVG <title>, not a second one
                self.title.append(data)
            return
        if self.hidden:
            return
        col = col0 + 1
        for m in _TOKEN.finditer(data):
            tok = m.group()
            if tok[0].isspace() and not self.pre:
                if self.pending != "\n" and self.length:
                    self.pending = " "
            else:
                if self.pending and self.length:
                    self._emit(self.pending)
                    self.track.advance(self.pending)
                self.pending = ""
                self.track.at(self.length, line, col)
                self._emit(tok)
                self.track.advance(tok)
            n = tok.count("\n")
            if n:
                line += n
                col = len(tok) - tok.rfind("\n")
            else:
                col += len(tok)

    def _break(self) -> None:
        if self.length and not self.hidden:
            self.pending = "\n"

    def start(self, tag: str, attrs: str) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = _attributes(attrs)
            key = a.get("property") or a.get("name") or a.get("itemprop")
            if key and "content" in a:
                self.meta.setdefault(key.strip().lower(), a["content"].strip())
        if tag in _BLOCK:
            self._break()
        if tag == "pre":
            self.pre += 1

    def end(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag == "title":
            self.in_title = False
            self.title_done = bool(self.title)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self._break()


def _attributes(attrs: str) -> dict[str, str]:
    """Attribute names (lower case) and values, references decoded; the first of a name wins.

    >>> _attributes(''' name="a &amp; b" content='x>y' checked data-x=1''')
    {'name': 'a & b', 'content': 'x>y', 'checked': '', 'data-x': '1'}
    """
    out: dict[str, str] = {}
    for m in _ATTR.finditer(attrs):
        value = m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"] or ""
        out.setdefault(m["key"].lower(), html.unescape(value))
    return out


def _tokenize(source: str, sink: _HTMLText) -> None:
    """Feed ``sink`` the text runs and tags of ``source``; each character is looked at a
    bounded number of times, whatever the markup."""
    newlines = [m.start() for m in regex.finditer(r"\n", source)]

    def where(offset: int) -> tuple[int, int]:
        i = bisect.bisect_left(newlines, offset)
        return i + 1, offset - (newlines[i - 1] + 1 if i else 0)

    def data(start: int, end: int) -> None:
        pos = start
        for m in _REFERENCE.finditer(source, start, end):
            if m.start() > pos:
                sink.text(source[pos : m.start()], *where(pos))
            sink.text(html.unescape(m.group()), *where(m.start()))
            pos = m.end()
        if pos < end:
            sink.text(source[pos:end], *where(pos))

    n = len(source)
    pos = 0
    while pos < n:
        m = _MARKUP.search(source, pos)
        if m is None:
            data(pos, n)
            return
        lt = m.start()
        if lt > pos:
            data(pos, lt)
        pos = _markup(source, lt, sink)


def _markup(source: str, lt: int, sink: _HTMLText) -> int:
    """Handle the markup that starts at ``source[lt] == "<"``; returns where text resumes."""
    n = len(source)
    nxt = source[lt + 1]
    if source.startswith("<!--", lt):
        # "<!-->" and "<!--->" are empty comments; else up to "-->", or the end of the page.
        for short in ("<!-->", "<!--->"):
            if source.startswith(short, lt):
                return lt + len(short)
        close = source.find("-->", lt + 4)
        return n if close < 0 else close + 3
    if nxt in "!?" or (nxt == "/" and not source[lt + 2 : lt + 3].isalpha()):
        close = source.find(">", lt + 2)  # a bogus comment: <!DOCTYPE ...>, <?xml ...?>, </ >
        return n if close < 0 else close + 1
    if nxt == "/":
        end = _END_TAG.match(source, lt)
        if end is None:
            return n  # an end tag never closed: the rest of the page is inside it
        sink.end(end["name"].lower())
        return end.end()
    tag = _START_TAG.match(source, lt)
    if tag is None:
        return n  # a start tag never closed, as a browser reads it
    name = tag["name"].lower()
    sink.start(name, tag["attrs"])
    if tag["attrs"].endswith("/") and name not in _RAW:
        sink.end(name)  # <br/>, <p/>: what html.parser reports as a start-end tag
        return tag.end()
    if name in _RAW:
        # Raw text, never shown (script and style are hidden): skip to the end tag.
        close = _RAW_END[name].search(source, tag.end())
        return n if close is None else close.start()
    return tag.end()


def html_text(source: str) -> tuple[str, dict[str, Any], Anchors]:
    """Visible text, metadata (title, meta tags) and anchors of an HTML page.

    >>> text, meta, anchors = html_text(
    ...     "<html><head><title>T</title><meta property='article:published_time' "
    ...     "content='2020-01-08'></head>\\n<body><p>One &amp; two.</p><script>x()</script>"
    ...     "<p>Three\\n  four.</p></body>")
    >>> text
    'One & two.\\nThree four.'
    >>> meta["title"], meta["article:published_time"]
    ('T', '2020-01-08')
    """
    sink = _HTMLText()
    _tokenize(source, sink)
    meta: dict[str, Any] = {}
    title = " ".join("".join(sink.title).split())
    if title:
        meta["title"] = title
    meta.update(sink.meta)
    return "".join(sink.out), meta, tuple(sink.track.items)
