"""The documentation site stays true to the code.

- every rule id in `discrepancy.rules.RULES` has its section in ``docs/rules.md`` (heading
  ``## DSC101 quantity-mismatch``, whose anchor is the rule's ``docs_url``), and every
  ``DSCnnn`` named in ``docs/rules.md`` exists in the code;
- every public name (`discrepancy.__all__`) has a docstring, and ``docs/api.md`` documents
  each one with its current signature and docstring: the part of the page below the
  ``GENERATED`` marker must equal what `api_reference` renders now;
- ``mkdocs build --strict`` passes and no link points at a missing heading (skipped when
  mkdocs is not installed: ``pip install ".[docs]"``).

After changing a public signature or docstring, rewrite the generated part of
``docs/api.md`` with ``python -m tests.test_docs_site`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import discrepancy
from discrepancy.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
API_PAGE = DOCS / "api.md"
GENERATED = "<!-- Generated from the docstrings by `python -m tests.test_docs_site`; do not edit below. -->"

# Sections of the API page, in order. A public name missing here lands in "Other", so a new
# export is documented (and shows up in review) without editing this test first.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Auditing", ("audit", "extract", "slots", "load_documents", "run", "AuditResult", "Story", "Settings",
                  "LoadError")),
    ("Tables", ("FINDING_COLUMNS", "FACT_COLUMNS", "SLOT_COLUMNS", "Finding")),
    ("Documents and facts", ("Document", "Fact", "Subject")),
    ("Values", ("Amount", "When", "PersonName", "PlaceName")),
    ("Package", ("__version__",)),
)

# Constants cannot carry docstrings; their description lives here.
CONSTANTS: dict[str, str] = {
    "FINDING_COLUMNS": "The columns of the findings table returned by `audit`, in order "
    "(the table has them even when it is empty).",
    "FACT_COLUMNS": "The columns of the facts table returned by `extract`, in order.",
    "SLOT_COLUMNS": "The columns of the slots table returned by `slots`, in order: one row per "
    "distinct value of each group of facts that speak of one thing.",
    "__version__": "The installed version of the package.",
}

WIDTH = 88


# --- rendering the API reference ----------------------------------------------------------

def _annotation(value: Any) -> str:
    # `from __future__ import annotations` keeps annotations as the source text.
    return value if isinstance(value, str) else inspect.formatannotation(value)


def _parameters(sig: inspect.Signature, skip_self: bool) -> list[str]:
    out: list[str] = []
    star_done = False
    for i, p in enumerate(sig.parameters.values()):
        if skip_self and i == 0:
            continue
        text = p.name
        if p.kind is p.VAR_POSITIONAL:
            text, star_done = "*" + text, True
        elif p.kind is p.VAR_KEYWORD:
            text = "**" + text
        elif p.kind is p.KEYWORD_ONLY and not star_done:
            out.append("*")
            star_done = True
        if p.annotation is not p.empty:
            text += f": {_annotation(p.annotation)}"
        if p.default is not p.empty:
            # PEP 8: spaces around "=" only after an annotation.
            text += (" = " if p.annotation is not p.empty else "=") + repr(p.default)
        out.append(text)
    return out


def signature(name: str, obj: Any, skip_self: bool = False, one_line: bool = False) -> str:
    """``name(params) -> return``, one line when short, one parameter per line otherwise.

    >>> signature("f", lambda a, *b, c=1, **d: None)
    'f(a, *b, c=1, **d)'
    """
    sig = inspect.signature(obj)
    params = _parameters(sig, skip_self)
    ret = ""
    if sig.return_annotation is not sig.empty and not inspect.isclass(obj):
        ret = f" -> {_annotation(sig.return_annotation)}"
    one_line_sig = f"{name}({', '.join(params)}){ret}"
    if one_line or len(one_line_sig) <= WIDTH:
        return one_line_sig
    body = "".join(f"    {p},\n" for p in params)
    return f"{name}(\n{body}){ret}"


def _doc(obj: Any) -> str:
    doc = inspect.getdoc(obj) or ""
    # A dataclass without a docstring gets its signature as __doc__: that is no documentation.
    name = getattr(obj, "__name__", "")
    return "" if name and doc.startswith(f"{name}(") else doc


def _summary(doc: str) -> str:
    return " ".join(doc.split("\n\n", 1)[0].split())


def _members(cls: type) -> list[tuple[str, str, str]]:
    """(name, signature or property line, docstring) of a class's public methods and properties."""
    out = []
    for attr, value in vars(cls).items():
        if attr.startswith("_"):
            continue
        qualified = f"{cls.__name__}.{attr}"
        if isinstance(value, property):
            out.append((attr, qualified, _doc(value.fget)))
        elif isinstance(value, (classmethod, staticmethod)):
            func = value.__func__
            sig = signature(qualified, func, isinstance(value, classmethod), one_line=True)
            out.append((attr, sig, _doc(func)))
        elif inspect.isfunction(value):
            out.append((attr, signature(qualified, value, skip_self=True, one_line=True), _doc(value)))
    return out


def _entry(name: str) -> str:
    obj = getattr(discrepancy, name)
    lines = [f"### `{name}`", ""]
    if name in CONSTANTS:
        # Strings (the version) change every release: show the type, not the value.
        shown = f"{name}: str" if isinstance(obj, str) else f"{name} = {obj!r}"
        lines += ["```text", shown, "```", "", CONSTANTS[name], ""]
        return "\n".join(lines)
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        head = f"class {name}({obj.__mro__[1].__name__})"
    elif inspect.isclass(obj):
        head = "class " + signature(name, obj)
    else:
        head = signature(name, obj)
    doc = _doc(obj)
    lines += ["```text", head, "```", "", _summary(doc) or "(no docstring)", ""]
    rest = doc.split("\n\n", 1)[1].strip() if "\n\n" in doc else ""
    if rest:
        # The body keeps its own layout (lists, doctest lines) in a plain-text block.
        lines += ["```text", rest, "```", ""]
    if inspect.isclass(obj) and not issubclass(obj, BaseException):
        for _attr, sig, doc in _members(obj):
            lines += [f"- `{sig}`" + (f": {_summary(doc)}" if doc else "")]
        if lines[-1] != "":
            lines.append("")
    return "\n".join(lines)


def api_reference() -> str:
    """The generated part of docs/api.md: every public name, grouped, in a fixed order."""
    public = list(discrepancy.__all__)
    grouped = {n for _, names in GROUPS for n in names}
    groups = [*GROUPS, ("Other", tuple(n for n in public if n not in grouped))]
    parts: list[str] = []
    for title, names in groups:
        present = [n for n in names if n in public]
        if not present:
            continue
        parts.append(f"## {title}\n")
        parts += [_entry(n) for n in present]
    return "\n".join(parts).rstrip() + "\n"


def _api_page_parts() -> tuple[str, str]:
    text = API_PAGE.read_text(encoding="utf-8")
    if GENERATED not in text:
        return text, ""
    head, tail = text.split(GENERATED, 1)
    return head, tail.lstrip("\n")


# --- rules --------------------------------------------------------------------------------

def _rules_page() -> str:
    return (DOCS / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES])
def test_every_rule_has_a_section(rule: Any) -> None:
    headings = re.findall(r"^##\s+(.+?)\s*$", _rules_page(), re.M)
    assert f"{rule.id} {rule.name}" in headings, f"docs/rules.md needs a heading '## {rule.id} {rule.name}'"


def test_every_rule_named_in_the_page_exists() -> None:
    known = {r.id for r in RULES}
    named = set(re.findall(r"\bDSC\d{3}\b", _rules_page()))
    assert sorted(named - known) == []


def test_rule_anchor_is_the_heading_slug() -> None:
    # docs_url points at '#dsc101-quantity-mismatch'; MkDocs' toc slug of the heading
    # '## DSC101 quantity-mismatch' is exactly that.
    for rule in RULES:
        slug = re.sub(r"[^\w\s-]", "", f"{rule.id} {rule.name}".lower()).strip().replace(" ", "-")
        assert rule.docs_url.endswith("rules.md#" + slug)


# --- public API ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in discrepancy.__all__ if n not in CONSTANTS])
def test_public_name_has_a_docstring(name: str) -> None:
    assert _doc(getattr(discrepancy, name)).strip(), f"discrepancy.{name} has no docstring"


def test_constants_are_described() -> None:
    missing = [n for n in discrepancy.__all__ if not callable(getattr(discrepancy, n)) and n not in CONSTANTS]
    assert missing == [], "describe these constants in CONSTANTS"


def test_api_page_is_in_sync() -> None:
    head, tail = _api_page_parts()
    assert tail, f"docs/api.md lacks the marker line {GENERATED!r}"
    assert "\n# " in "\n" + head, "docs/api.md starts with a title"
    assert tail == api_reference(), "docs/api.md is out of date: run `python -m tests.test_docs_site`"


def test_api_page_names_every_public_name() -> None:
    _, tail = _api_page_parts()
    documented = re.findall(r"^### `([^`]+)`$", tail, re.M)
    assert sorted(documented) == sorted(discrepancy.__all__)


# --- the site builds ----------------------------------------------------------------------

def test_nav_pages_exist() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = re.findall(r":\s*(\S+\.md)\s*$", config, re.M)
    assert pages, "mkdocs.yml has no nav"
    assert [p for p in pages if not (DOCS / p).exists()] == []


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip('mkdocs is not installed (pip install ".[docs]")')
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    # MkDocs reports links to missing headings only at INFO level, even with --strict.
    assert "does not contain an anchor" not in log, log
    assert (tmp_path / "site" / "rules" / "index.html").exists()


def regenerate() -> None:
    """Rewrite the generated part of docs/api.md from the current code."""
    head, _ = _api_page_parts()
    if GENERATED not in API_PAGE.read_text(encoding="utf-8"):
        head = head.rstrip("\n") + "\n\n"
    API_PAGE.write_text(head + GENERATED + "\n\n" + api_reference(), encoding="utf-8")
    print(f"updated {API_PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    regenerate()
