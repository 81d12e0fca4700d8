"""Command line: ``python -m discrepancy PATH...`` and its subcommands.

``discrepancy PATH...`` audits the files and folders together. ``discrepancy rules`` lists the
rules, ``discrepancy rule DSC101`` explains one, ``discrepancy config [PATH]`` prints the
effective configuration. (To audit a folder literally named ``rules`` or ``config``, write
``./rules``.)

Exit status: 0 no finding at or above the fail level, 1 there is one, 2 the audit could
not run (bad flag, bad config, missing path, no documents), 130 interrupted. Writing to a
file, annotation caps and baselines never change it: it is computed from the findings that
remain after suppressions, the baseline and ``--changed``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from . import __version__, report_html, safeio
from . import baseline as baseline_mod
from . import config as config_mod
from .audit import ENGINES, AuditResult, run, run_with
from .config import FAIL_LEVELS, FORMATS, LEVELS, Config, ConfigError, glob_match
from .document import Document
from .findings import SEVERITY_ORDER, Finding, to_frame
from .load import DEFAULT_MAX_BYTES, LoadError, load_documents
from .report import MACHINE_FORMATS, RENDERERS, Context, slots_for_json, step_summary, summary
from .rules import RULES, lookup
from .settings import Settings
from .suppress import apply as apply_suppressions
from .tables import TableError

SUBCOMMANDS = ("rules", "rule", "config")
# Formats that a person reads in a terminal: the only ones that get colour and progress.
_HUMAN_FORMATS = ("table", "concise")


class UsageError(Exception):
    """A bad combination of flags; exit 2 with the message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _csv(value: str) -> list[str]:
    """``--select DSC101,date-mismatch`` -> ``["DSC101", "date-mismatch"]``."""
    return [v for v in (p.strip() for p in value.split(",")) if v]


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="discrepancy",
        description="Audit documents for facts that disagree with each other.",
        epilog="subcommands: `discrepancy rules` lists the rules, `discrepancy rule ID` explains one, "
               "`discrepancy config [PATH]` prints the effective configuration. "
               "Exit status: 0 clean, 1 findings at or above the fail level, 2 could not run.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or folders to audit together; - reads one document from stdin; "
                        "quoted globs are expanded")
    out = p.add_argument_group("output")
    out.add_argument("--format", choices=(*FORMATS, "html"), default=None,
                     help="output format (default: table; html: one self-contained page, with -o FILE)")
    out.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    out.add_argument("--min-level", choices=LEVELS, default=None,
                     help="show findings at or above this level (default: info)")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                     help="colour the table and concise formats (default: auto: on a terminal "
                          "unless NO_COLOR is set)")
    out.add_argument("-q", "--quiet", action="count", default=0,
                     help="-q: only the summary line; -qq: nothing but errors")
    out.add_argument("-v", "--verbose", action="count", default=0,
                     help="print the config used and per-document fact counts to stderr")
    fail = p.add_argument_group("exit status")
    fail.add_argument("--fail-level", choices=FAIL_LEVELS, default=None,
                      help="exit 1 when a finding at or above this level remains (default: error)")
    fail.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    rules = p.add_argument_group("rules and documents")
    rules.add_argument("--select", action="append", type=_csv, metavar="RULES",
                       help="only these rules (ids or names, comma-separated)")
    rules.add_argument("--ignore", action="append", type=_csv, metavar="RULES",
                       help="never these rules (ids or names, comma-separated)")
    rules.add_argument("--include", action="append", metavar="GLOB",
                       help="audit only files inside the folders whose relative path matches GLOB")
    rules.add_argument("--exclude", action="append", metavar="GLOB",
                       help="skip files inside the folders whose relative path matches GLOB")
    rules.add_argument("--no-ignore", action="store_true",
                       help="also audit files that .gitignore/.ignore files exclude")
    rules.add_argument("--stdin-name", default="stdin", metavar="NAME",
                       help="document id of the text read from - (its suffix picks the reader, "
                            "e.g. docs/page.md; default: stdin)")
    rules.add_argument("--published", action="append", default=[], metavar="DOC=DATE",
                       help="publication date of a document (id or file name), e.g. a.txt=2020-01-08")
    rules.add_argument("--group-by", default=None, metavar="MODE",
                       help="group documents into stories, compared separately: auto, folder, "
                            "field:NAME or none (default: auto)")
    rules.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                       help="worker processes for extraction (default: 1)")
    eng = p.add_argument_group("engine")
    eng.add_argument("--engine", choices=ENGINES, default="local",
                     help="where extraction and comparison run: this machine (local, default) or "
                          "a Dask cluster (dask; pip install 'discrepancy[dask]')")
    eng.add_argument("--scheduler", metavar="ADDRESS",
                     help="address of the Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask)")
    eng.add_argument("--output-dir", metavar="DIR",
                     help="write the findings as Parquet files to DIR instead of a report "
                          "(with --engine dask; rules, suppressions and baselines not applied)")
    cfg = p.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="FILE", help="read this config file instead of searching")
    cfg.add_argument("--isolated", action="store_true", help="ignore all config files")
    base = p.add_argument_group("baselines and pull requests")
    base.add_argument("--baseline", metavar="FILE", help="hide findings recorded in this baseline file")
    base.add_argument("--write-baseline", nargs="?", const="", default=None, metavar="FILE",
                      help="record today's findings (default file: the configured baseline or "
                           f"{baseline_mod.DEFAULT_FILE}) and exit 0; write --write-baseline=FILE "
                           "before the paths")
    base.add_argument("--prune-baseline", action="store_true",
                      help="rewrite the baseline without the findings that are fixed")
    base.add_argument("--changed", nargs="+", metavar="FILE",
                      help="audit everything, report only findings with a side in these files "
                           "(put it after the paths)")
    rules.add_argument("--follow-links", action="store_true",
                       help="follow symbolic links inside folders that point outside the folder "
                            "(default: skip them with a warning)")
    rules.add_argument("--max-file-size", type=float, default=None, metavar="MB",
                       help=f"skip files larger than MB megabytes with a warning "
                            f"(default: {DEFAULT_MAX_BYTES // 1_000_000})")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _parse_published(items: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in items:
        doc, sep, date = item.partition("=")
        if not sep or not doc or not date:
            raise UsageError(f"--published {item!r}: expected DOC=DATE")
        out[doc.strip()] = date.strip()
    return out


def _flatten(groups: list[list[str]] | None) -> list[str] | None:
    return None if groups is None else [v for g in groups for v in g]


def _err(message: str) -> None:
    _safe_stderr(f"discrepancy: error: {message}")


# --- progress and colour ----------------------------------------------------------------

class Progress:
    """A one-line progress bar on stderr; silent unless ``enabled``.

    Nothing is drawn during the first ``delay`` seconds, so short runs never flicker.
    """

    WIDTH = 24
    DELAY = 0.5

    def __init__(self, enabled: bool, stream: IO[str] | None = None, delay: float | None = None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.shown = False
        self.start = time.monotonic()
        self.delay = self.DELAY if delay is None else delay

    def step(self, done: int, total: int, label: str) -> None:
        if not self.enabled or time.monotonic() - self.start < self.delay:
            return
        filled = self.WIDTH * done // max(total, 1)
        bar = "=" * filled + (">" if filled < self.WIDTH else "") + " " * max(0, self.WIDTH - filled - 1)
        label = _one_line(label)  # a document id from a file name may hold escape sequences
        self.stream.write(f"\r[{bar}] {done}/{total} {label:<40.40}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.WIDTH + 50) + "\r")
            self.stream.flush()
            self.shown = False


def progress_enabled(fmt: str, quiet: int, stream: IO[str] | None = None,
                     environ: dict[str, str] | None = None) -> bool:
    """Progress only for people: a terminal, not CI, a human format, not quiet."""
    env = os.environ if environ is None else environ
    stream = stream or sys.stderr
    return (fmt in _HUMAN_FORMATS and not quiet and "CI" not in env
            and hasattr(stream, "isatty") and stream.isatty())


def use_color(choice: str, fmt: str, to_file: bool, stream: IO[str] | None = None,
              environ: dict[str, str] | None = None) -> bool:
    """``--color``: ``always``/``never``; ``auto`` = a terminal and ``NO_COLOR`` unset or empty."""
    if fmt not in _HUMAN_FORMATS or choice == "never":
        return False
    if choice == "always":
        return True
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return not to_file and hasattr(stream, "isatty") and stream.isatty()


# --- the audit --------------------------------------------------------------------------

def _per_file_ignored(f: Finding, config: Config) -> bool:
    if not config.per_file_ignores:
        return False
    for doc in (f.doc_a, f.doc_b):
        for glob, rules in config.per_file_ignores:
            if doc and f.rule in rules and glob_match(glob, doc):
                return True
    return False


def configure_findings(findings: Sequence[Finding], config: Config) -> list[Finding]:
    """Findings of enabled rules, with configured severities."""
    levels = dict(config.severity)
    out = []
    for f in findings:
        if not config.enabled(f.rule):
            continue
        level = levels.get(f.rule)
        out.append(replace(f, severity=level) if level and level != f.severity else f)
    return out


def _changed_docs(docs: Sequence[Document], changed: Sequence[str],
                  warn: Callable[[str], None] | None = None) -> set[str]:
    """Ids of the documents named by ``--changed``.

    A name that is neither an audited document nor an existing file is a `UsageError`: a typo
    would otherwise hide every finding. An existing file that is not audited (an image, a
    file outside the paths) gets a warning, since a pull request's list of changed files
    often holds such files.
    """
    out = set()
    for c in changed:
        path = os.path.normcase(os.path.abspath(c))
        wanted = Path(c).as_posix()
        hits = {d.id for d in docs
                if d.id == wanted or (d.path and os.path.normcase(os.path.abspath(d.path)) == path)}
        if not hits:
            if not os.path.exists(c):
                raise UsageError(f"--changed {c}: no such file, and not one of the audited documents")
            if warn:
                warn(f"--changed {c}: not one of the audited documents")
        out |= hits
    return out


def _prepare_output(output: str | None) -> None:
    """Create the folders of ``-o FILE`` and check the file can be written, before the audit
    runs (so a typo does not cost a whole audit)."""
    if not output:
        return
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"-o {output}: is a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"-o {output}: cannot create folder {path.parent}: {err.strerror or err}") from None
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"-o {output}: not writable")


def _document_rows(docs: Sequence[Document], facts: Sequence[Sequence[Any]]) -> tuple[dict[str, object], ...]:
    """One row per audited document for the JSON report."""
    return tuple({
        "id": d.id, "path": d.path, "facts": len(f),
        "published": d.published.render() if d.published is not None else None,
        "published_source": d.published_source or None,
    } for d, f in zip(docs, facts, strict=True))


def _audited_or_gone(docs: Sequence[Document], paths: Sequence[str]) -> Callable[[str], bool]:
    """Whether a baseline entry's document was audited in this run, or is gone: its id names no
    file in any folder audited (a deleted file's findings are fixed). A document that merely was
    not among the paths of this run is neither."""
    ids = {d.id for d in docs}
    folders = [Path(p) for p in paths if os.path.isdir(p)]

    def check(doc_id: str) -> bool:
        if doc_id in ids:
            return True
        file_part = doc_id.split("#", 1)[0]  # "news.jsonl#3" lives in news.jsonl
        return bool(folders) and not any((f / file_part).exists() for f in folders)

    return check


def _write(text: str, output: str | None) -> None:
    if output:
        safeio.write_text(output, text)
    else:
        if sys.stdout is None:  # started with stdout closed (`discrepancy docs/ >&-`)
            raise UsageError("cannot write the report: standard output is closed (use -o FILE)")
        try:
            sys.stdout.write(safeio.printable(text))
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (`discrepancy docs/ | head`): not a failure of the audit.
            # Point stdout at /dev/null so the interpreter's final flush stays quiet.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())


def _verbose_counts(result_docs: Sequence[Document], facts: Sequence[Sequence[Any]]) -> None:
    for doc, doc_facts in zip(result_docs, facts, strict=True):
        kinds = Counter(f.kind for f in doc_facts)
        detail = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        where = _one_line(doc.path or doc.id)  # a file name may hold escape sequences
        _safe_stderr(f"discrepancy: {where}: {len(doc_facts)} facts" + (f" ({detail})" if detail else ""))


def _run(docs: Sequence[Document], settings: Settings, progress: Progress) -> AuditResult:
    """`audit.run`, reporting per-document progress when the pipeline offers a hook for it."""
    if progress.enabled and "progress" in inspect.signature(run).parameters:
        return run(docs, settings, progress=progress.step)  # type: ignore[call-arg]
    return run(docs, settings)


def _run_engine(docs: Sequence[Document], settings: Settings, args: argparse.Namespace) -> AuditResult:
    """`run_with` for ``--engine``: its bad values and an unreachable scheduler are usage errors."""
    try:
        return run_with(docs, settings, args.engine, args.scheduler, args.output_dir)
    except (ValueError, TypeError) as exc:
        raise UsageError(str(exc)) from None


def audit_command(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.engine != "dask" and (args.scheduler is not None or args.output_dir is not None):
        raise UsageError("--scheduler and --output-dir need --engine dask")
    warn: Callable[[str], None] = (
        (lambda m: None) if args.quiet else (lambda m: _safe_stderr(f"discrepancy: warning: {_one_line(m)}")))
    # The HTML page is rendered from the whole audit result, not from the findings table the
    # configurable formats share, so it is a command-line choice only.
    html_page = args.format == "html"
    if html_page:
        try:
            report_html.check_available()
        except ImportError as err:
            raise UsageError(str(err)) from None
    config = config_mod.load(args.paths, args.config, args.isolated)
    config = config_mod.override(
        config, select=_flatten(args.select), ignore=_flatten(args.ignore), include=args.include,
        exclude=args.exclude, min_level=args.min_level, fail_level=args.fail_level,
        format=None if html_page else args.format,
        baseline=args.baseline, jobs=args.jobs, group_by=args.group_by)
    if args.baseline:
        # A --baseline path is relative to the working directory, not to the config file.
        config = replace(config, baseline=os.path.abspath(args.baseline))
    if args.verbose:
        _safe_stderr(_one_line(f"discrepancy: config: {config.source or 'none (defaults)'}"))
    fmt = "html" if html_page else config.format
    progress = Progress(progress_enabled(fmt, args.quiet))
    published = _parse_published(args.published)

    _prepare_output(args.output)
    skipped: list[tuple[str, str]] = []
    progress.step(0, 1, "loading documents")
    size = args.max_file_size
    if size is not None and not (math.isfinite(size) and size * 1_000_000 >= 1):
        raise UsageError(f"--max-file-size {size}: expected a positive number of MB")
    max_bytes = DEFAULT_MAX_BYTES if size is None else int(size * 1_000_000)
    docs = load_documents(*args.paths, published=published, on_warning=warn,
                          include=config.include, exclude=config.exclude,
                          ignore_files=not args.no_ignore, on_skip=lambda *s: skipped.append(s),
                          stdin_name=args.stdin_name, follow_links=args.follow_links, max_bytes=max_bytes)
    if args.verbose:
        for path, kind in skipped:
            print(f"discrepancy: {path}: skipped, {kind} is not a supported format", file=sys.stderr)
    progress.step(0, len(docs), "extracting facts")
    try:
        if args.engine == "local":
            result = _run(docs, config.settings(), progress)
        else:
            result = _run_engine(docs, config.settings(), args)
    finally:
        progress.close()
    if args.output_dir is not None:
        if args.quiet < 2:
            _safe_stderr(_one_line(f"discrepancy: wrote the findings of {len(result.documents)} "
                                   f"document(s) to {args.output_dir}"))
        return 0
    if args.verbose:
        _verbose_counts(result.documents, result.facts)
        for story in result.stories:
            print(f"discrepancy: story {story.id} ({story.label}): {len(story.documents)} documents",
                  file=sys.stderr)

    # Rules, severities, per-file ignores, then inline directives (which may add DSC900).
    findings = configure_findings(result.findings, config)
    kept = [f for f in findings if not _per_file_ignored(f, config)]
    n_ignored = len(findings) - len(kept)
    outcome = apply_suppressions(kept, result.documents, config.enabled)
    n_suppressed = len(outcome.suppressed)
    unused = [f for f in configure_findings(outcome.unused, config) if not _per_file_ignored(f, config)]
    findings = outcome.kept + unused

    base_path = config.baseline_path()
    if args.write_baseline is not None:
        target = Path(args.write_baseline) if args.write_baseline else base_path
        target = target or Path(baseline_mod.DEFAULT_FILE)
        n = baseline_mod.write(target, findings)
        if args.quiet < 2:
            _safe_stderr(_one_line(f"discrepancy: wrote {n} finding(s) to {target}"))
        return 0
    if args.prune_baseline and base_path is None:
        base_path = Path(baseline_mod.DEFAULT_FILE)
    n_baselined = 0
    if base_path is not None:
        rows = baseline_mod.read(base_path)
        if args.prune_baseline:
            # Only entries this run could have reproduced are dropped: their rule was enabled
            # and all their documents were audited.
            live = baseline_mod.prune(rows, findings, config.enabled,
                                      _audited_or_gone(result.documents, args.paths))
            baseline_mod.write_entries(base_path, live)
            if args.quiet < 2:
                _safe_stderr(_one_line(
                    f"discrepancy: pruned {len(rows) - len(live)} fixed finding(s) from {base_path}"))
            rows = live
        findings, old = baseline_mod.split(findings, baseline_mod.fingerprints(rows))
        n_baselined = len(old)
    if args.changed is not None:
        changed = _changed_docs(result.documents, args.changed, warn)
        findings = [f for f in findings if f.doc_a in changed or f.doc_b in changed]

    # The exit status comes from every finding that remains, shown or not.
    if args.exit_zero or config.fail_level == "never":
        code = 0
    else:
        threshold = SEVERITY_ORDER[config.fail_level]
        code = 1 if any(SEVERITY_ORDER.get(f.severity, 9) <= threshold for f in findings) else 0

    min_rank = SEVERITY_ORDER[config.min_level]
    shown = [f for f in findings if SEVERITY_ORDER.get(f.severity, 9) <= min_rank]
    frame = to_frame(shown)
    ctx = Context(
        n_docs=len(result.documents), paths={d.id: d.path for d in result.documents},
        suppressed=n_suppressed, baselined=n_baselined, hidden=len(findings) - len(shown),
        color=use_color(args.color, fmt, bool(args.output)),
        ignored=n_ignored, unsupported=len(skipped), docs_url=config.docs_url,
        documents=_document_rows(result.documents, result.facts),
        slots=tuple(slots_for_json(result)),
    )
    text = report_html.html(result, shown, paths=ctx.paths) if html_page else RENDERERS[fmt](frame, ctx)
    if fmt not in MACHINE_FORMATS and args.quiet and not args.output:
        # On the terminal -q keeps only the summary line and -qq prints nothing; a report
        # written with -o is always complete.
        text = "" if args.quiet >= 2 else summary(frame, ctx) + "\n"
    if text or args.output:
        _write(text, args.output)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_file:
        with open(summary_file, "a", encoding="utf-8", errors="backslashreplace") as fh:
            fh.write(step_summary(frame, ctx))
    return code


# --- subcommands ------------------------------------------------------------------------

def rules_command(argv: Sequence[str]) -> int:
    p = _Parser(prog="discrepancy rules", description="List the rules.")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    args = p.parse_args(argv)
    if args.format == "json":
        rows = [{"id": r.id, "name": r.name, "kind": r.kind, "severity": r.severity, "summary": r.summary,
                 "description": r.description, "example": r.example, "docs": r.docs_url} for r in RULES]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown())
    else:
        width = max(len(r.name) for r in RULES)
        for r in RULES:
            print(f"{r.id}  {r.name:<{width}}  {r.severity:<7}  {r.summary}")
    return 0


def rules_markdown() -> str:
    """The rule reference page (``docs/rules.md``), one section per rule."""
    out = ["# Rules", "", "| id | name | default severity | summary |", "|---|---|---|---|"]
    out += [f"| [{r.id}](#{r.anchor}) | {r.name} | {r.severity} | {r.summary} |" for r in RULES]
    for r in RULES:
        out += ["", f"## {r.id} {r.name}", "", f"Default severity: **{r.severity}**. Kind: {r.kind}.", "",
                r.summary, "", r.description, "", "Example:", "", "```text", r.example, "```"]
    return "\n".join(out) + "\n"


def explain(ref: str) -> str:
    """What ``discrepancy rule REF`` prints."""
    r = lookup(ref)
    lines = [f"{r.id} {r.name}", "", f"Default severity: {r.severity}", f"Kind: {r.kind}", "",
             r.summary, ""]
    if r.description:
        lines += [r.description, ""]
    if r.example:
        lines += ["Example:", *("    " + x for x in r.example.splitlines()), ""]
    lines += [f"Silence: <!-- discrepancy-disable-next-line {r.name} -->  or  ignore = [\"{r.id}\"]",
              f"Docs: {r.docs_url}"]
    return "\n".join(lines) + "\n"


def rule_command(argv: Sequence[str]) -> int:
    p = _Parser(prog="discrepancy rule", description="Explain one rule.")
    p.add_argument("rule", metavar="RULE", help="rule id or name, e.g. DSC101 or quantity-mismatch")
    args = p.parse_args(argv)
    try:
        text = explain(args.rule)
    except KeyError:
        raise UsageError(f"unknown rule {args.rule!r} (see `discrepancy rules`)") from None
    sys.stdout.write(text)
    return 0


def config_command(argv: Sequence[str]) -> int:
    p = _Parser(prog="discrepancy config", description="Print the effective configuration.")
    p.add_argument("path", nargs="?", default=".", metavar="PATH",
                   help="the path whose config to show (default: the current folder)")
    p.add_argument("--config", metavar="FILE", help="read this config file instead of searching")
    p.add_argument("--isolated", action="store_true", help="ignore all config files")
    args = p.parse_args(argv)
    sys.stdout.write(config_mod.render(config_mod.load([args.path], args.config, args.isolated)))
    return 0


_COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "rules": rules_command, "rule": rule_command, "config": config_command,
}


def _verbose_flag(args: Sequence[str]) -> bool:
    """Whether ``-v`` is among the arguments (read before parsing, for errors parsing raises)."""
    for a in args:
        if a == "--":
            break
        if a == "--verbose" or (a.startswith("-") and not a.startswith("--") and set(a[1:]) == {"v"}):
            return True
    return False


def _one_line(text: str) -> str:
    """An error message on one line, without control characters, at most 500 characters."""
    flat = " ".join(safeio.printable(text).split())
    flat = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in flat)
    return flat if len(flat) <= 500 else flat[:499] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (never raises).

    Every failure is one line on stderr and exit status 2, which ``--exit-zero`` never hides:
    a crash must not pass for "findings found" (1) or "clean" (0). ``-v`` adds the traceback
    of an unexpected error.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    command = _COMMANDS.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return audit_command(args)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except (LoadError, ConfigError, baseline_mod.BaselineError, UsageError, TableError) as exc:
        _err(_one_line(str(exc)))
        return 2
    except OSError as exc:
        if exc.strerror and exc.filename:
            _err(_one_line(f"{exc.filename}: {exc.strerror}"))
        else:
            _err(_one_line(exc.strerror or str(exc) or type(exc).__name__))
        return 2
    except KeyboardInterrupt:
        _safe_stderr("discrepancy: interrupted")
        return 130
    except (Exception, RecursionError) as exc:
        if _verbose_flag(args):
            import traceback

            traceback.print_exc()
        _err(_one_line(f"internal error: {type(exc).__name__}: {exc}") + " (run with -v for the traceback)")
        return 2


def _safe_stderr(line: str) -> None:
    if sys.stderr is not None:
        try:
            print(line, file=sys.stderr)
        except (OSError, ValueError):
            pass
