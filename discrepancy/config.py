"""Configuration files: ``[tool.discrepancy]`` in ``pyproject.toml``, or ``discrepancy.toml``.

Discovery walks up from the first audited path (its folder when it is a file) to the
filesystem root; the first folder holding a config wins. Inside one folder the precedence is
``.discrepancy.toml``, then ``discrepancy.toml``, then ``pyproject.toml`` (only when it has a
``[tool.discrepancy]`` table), as ruff does for its own files. ``discrepancy.toml`` files put the
keys at the top level. Every key is validated: an unknown key or a bad value raises
`ConfigError` naming the key and the file.

>>> cfg = parse({"select": ["quantity-mismatch"], "zones": {"IST": "+05:30"}}, "x.toml")
>>> cfg.select, cfg.zones
(('DSC101',), (('IST', 330),))
>>> parse({"colour": "red"}, "x.toml")
Traceback (most recent call last):
discrepancy.config.ConfigError: x.toml: unknown key 'colour'
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import regex

from .rules import resolve
from .settings import Settings, parse_group_by

LEVELS = ("info", "warning", "error")
FAIL_LEVELS = (*LEVELS, "never")
# "off" as a severity turns a rule off, like ``ignore``.
SEVERITIES = (*LEVELS, "off")
FORMATS = ("table", "concise", "json", "jsonl", "csv", "markdown", "github", "sarif", "junit")
DATE_ORDERS = ("mdy", "dmy")
# File names searched in each folder, highest precedence first.
CONFIG_NAMES = (".discrepancy.toml", "discrepancy.toml", "pyproject.toml")

_DEFAULTS = Settings()


class ConfigError(ValueError):
    """A config file or value that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    """The effective configuration: file values, then command-line overrides."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_level: str = "info"
    fail_level: str = "error"
    format: str = "table"
    baseline: str = ""
    jobs: int = _DEFAULTS.jobs
    approx_tolerance: float = _DEFAULTS.approx_tolerance
    unit_tolerance: float = _DEFAULTS.unit_tolerance
    date_order: str = _DEFAULTS.date_order
    zones: tuple[tuple[str, int], ...] = ()
    min_confidence: float = _DEFAULTS.min_confidence
    severity: tuple[tuple[str, str], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    aliases: tuple[tuple[str, ...], ...] = ()
    distinct: tuple[tuple[str, str], ...] = ()
    group_by: str = _DEFAULTS.group_by
    # Address of a rendered copy of the rules page (SARIF helpUri); "" = none, help names docs/rules.md.
    docs_url: str = ""
    # The file the values came from ("" when none) and its folder, against which the
    # relative ``baseline`` path is resolved.
    source: str = field(default="", compare=False)

    def settings(self) -> Settings:
        """The `Settings` for the pipeline."""
        return replace(
            _DEFAULTS, approx_tolerance=self.approx_tolerance, unit_tolerance=self.unit_tolerance,
            date_order=self.date_order, zones=self.zones, aliases=self.aliases,
            distinct=self.distinct, min_confidence=self.min_confidence, jobs=self.jobs,
            group_by=self.group_by,
        )

    def enabled(self, rule: str) -> bool:
        """Whether rule id ``rule`` is reported (select, ignore and ``off`` severities).

        >>> Config(select=("DSC101", "DSC301"), ignore=("DSC301",)).enabled("DSC301")
        False
        >>> Config().enabled("DSC203")
        True
        """
        if self.select and rule not in self.select:
            return False
        if rule in self.ignore:
            return False
        return dict(self.severity).get(rule) != "off"

    def baseline_path(self) -> Path | None:
        """The baseline file, relative paths taken from the config file's folder."""
        if not self.baseline:
            return None
        path = Path(self.baseline)
        if not path.is_absolute() and self.source:
            path = Path(self.source).parent / path
        return path


# --- validation of single values --------------------------------------------------------

def _str_list(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{key}: expected a list of non-empty strings, got {value!r}")
    return tuple(v.strip() for v in value)


def _check_glob(key: str, pattern: str) -> None:
    """A glob that cannot compile (``[z-a]``) is a config error now, not after the audit."""
    from .load import check_glob  # the loader owns the glob dialect

    try:
        check_glob(pattern)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def _globs(key: str, value: Any) -> tuple[str, ...]:
    out = _str_list(key, value)
    for pattern in out:
        _check_glob(key, pattern)
    return out


def _rules(key: str, value: Any) -> tuple[str, ...]:
    return resolve(_str_list(key, value), key)


def _choice(options: tuple[str, ...]) -> Callable[[str, Any], str]:
    def check(key: str, value: Any) -> str:
        if not isinstance(value, str) or value.lower() not in options:
            raise ValueError(f"{key}: expected one of {', '.join(options)}, got {value!r}")
        return value.lower()
    return check


def _fraction(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(f"{key}: expected a number from 0 to 1, got {value!r}")
    return float(value)


def _jobs(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1024:
        raise ValueError(f"{key}: expected a whole number from 1 to 1024, got {value!r}")
    return value


def _group_by(key: str, value: Any) -> str:
    try:
        mode, name = parse_group_by(value)
    except ValueError:
        raise ValueError(f"{key}: expected auto, folder, none or field:NAME, got {value!r}") from None
    return f"field:{name}" if mode == "field" else mode


def _path(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected a file path, got {value!r}")
    return value


# A UTC offset as written in config: "+05:30", "-0500", "+1", "UTC+2" is not accepted.
_OFFSET = regex.compile(
    r"""
    (?P<sign>[+-])           # a sign is required: "5:30" alone is ambiguous
    (?P<hh>\d{1,2})          # hours
    (?::?(?P<mm>\d{2}))?     # optional minutes, with or without a colon
    """,
    regex.VERBOSE,
)


def parse_offset(text: str) -> int:
    """Minutes east of UTC for ``"+05:30"``; ``ValueError`` when malformed.

    >>> parse_offset("+05:30"), parse_offset("-0500"), parse_offset("+1")
    (330, -300, 60)
    """
    m = _OFFSET.fullmatch(text.strip())
    if not m:
        raise ValueError(f"bad UTC offset {text!r}: use +HH:MM")
    hours, minutes = int(m["hh"]), int(m["mm"] or 0)
    if hours > 14 or minutes >= 60:
        raise ValueError(f"bad UTC offset {text!r}: out of range")
    total = hours * 60 + minutes
    return -total if m["sign"] == "-" else total


def _zones(key: str, value: Any) -> tuple[tuple[str, int], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"{key}: expected a table of ABBR = \"+HH:MM\"")
    out = []
    for abbr, off in sorted(value.items()):
        if not regex.fullmatch(r"[A-Za-z]{2,6}", abbr):
            raise ValueError(f"{key}.{abbr}: expected a zone abbreviation of 2-6 letters")
        if not isinstance(off, str):
            raise ValueError(f"{key}.{abbr}: expected a string like \"+05:30\", got {off!r}")
        try:
            out.append((abbr.upper(), parse_offset(off)))
        except ValueError as exc:
            raise ValueError(f"{key}.{abbr}: {exc}") from None
    return tuple(out)


def _url(key: str, value: Any) -> str:
    # "" keeps the default (what `render` prints when the key is unset).
    if not isinstance(value, str) or (value and not value.startswith(("https://", "http://"))):
        raise ValueError(f"{key}: expected an http(s) URL, got {value!r}")
    return value


def _severity(key: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"{key}: expected a table of RULE = \"level\"")
    out: dict[str, str] = {}
    for ref, level in value.items():
        (rule,) = resolve([ref], f"{key}.{ref}")
        if not isinstance(level, str) or level.lower() not in SEVERITIES:
            raise ValueError(f"{key}.{ref}: expected one of {', '.join(SEVERITIES)}, got {level!r}")
        out[rule] = level.lower()
    return tuple(sorted(out.items()))


def _per_file_ignores(key: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"{key}: expected a table of \"GLOB\" = [RULES]")
    for glob in value:
        _check_glob(f"{key}.{glob!r}", glob)
    return tuple((glob, _rules(f"{key}.{glob!r}", rules)) for glob, rules in sorted(value.items()))


def _aliases(key: str, value: Any) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise ValueError(f"{key}: expected a list of lists of names")
    groups = []
    for i, group in enumerate(value):
        names = _str_list(f"{key}[{i}]", group)
        if len(names) < 2:
            raise ValueError(f"{key}[{i}]: a group needs at least two names")
        groups.append(names)
    return tuple(groups)


def _distinct(key: str, value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        raise ValueError(f"{key}: expected a list of pairs of names")
    pairs = []
    for i, pair in enumerate(value):
        names = _str_list(f"{key}[{i}]", pair)
        if len(names) != 2:
            raise ValueError(f"{key}[{i}]: expected exactly two names, got {len(names)}")
        pairs.append((names[0], names[1]))
    return tuple(pairs)


# Config key -> (Config field, validator). The order is the order `render` prints.
_KEYS: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "select": ("select", _rules),
    "ignore": ("ignore", _rules),
    "min-level": ("min_level", _choice(LEVELS)),
    "fail-level": ("fail_level", _choice(FAIL_LEVELS)),
    "format": ("format", _choice(FORMATS)),
    "baseline": ("baseline", _path),
    "jobs": ("jobs", _jobs),
    "approx-tolerance": ("approx_tolerance", _fraction),
    "unit-tolerance": ("unit_tolerance", _fraction),
    "date-order": ("date_order", _choice(DATE_ORDERS)),
    "min-confidence": ("min_confidence", _fraction),
    "group-by": ("group_by", _group_by),
    "zones": ("zones", _zones),
    "severity": ("severity", _severity),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "docs-url": ("docs_url", _url),
}
_VOCAB_KEYS: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
    "aliases": ("aliases", _aliases),
    "distinct": ("distinct", _distinct),
}
KEYS = (*_KEYS, "vocab")


def parse(table: Mapping[str, Any], source: str = "", base: Config | None = None) -> Config:
    """A `Config` from the ``[tool.discrepancy]`` table (or a discrepancy.toml's top level)."""
    where = f"{source}: " if source else ""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "vocab":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}vocab: expected a table with aliases and distinct")
            for vkey, vvalue in value.items():
                if vkey not in _VOCAB_KEYS:
                    raise ConfigError(f"{where}unknown key 'vocab.{vkey}'")
                name, check = _VOCAB_KEYS[vkey]
                values[name] = _checked(check, f"vocab.{vkey}", vvalue, where)
            continue
        if key not in _KEYS:
            raise ConfigError(f"{where}unknown key {key!r}")
        name, check = _KEYS[key]
        values[name] = _checked(check, key, value, where)
    return replace(base or Config(), source=source, **values)


def _checked(check: Callable[[str, Any], Any], key: str, value: Any, where: str) -> Any:
    try:
        return check(key, value)
    except ValueError as exc:
        raise ConfigError(f"{where}{exc}") from None


def override(config: Config, **values: Any) -> Config:
    """Command-line values replace file values; ``None`` means "not given".

    Values are checked like config values, so a bad flag value names the flag's key.
    """
    checked: dict[str, Any] = {}
    by_field = {name: (key, check) for key, (name, check) in {**_KEYS, **_VOCAB_KEYS}.items()}
    for name, value in values.items():
        if value is None:
            continue
        key, check = by_field[name]
        checked[name] = _checked(check, f"--{key}", value, "")
    return replace(config, **checked)


def glob_match(pattern: str, doc_id: str) -> bool:
    """Whether a document id matches a glob, with the loader's ``include`` semantics.

    A pattern without ``/`` matches any path segment; ``**`` spans folders.

    >>> glob_match("archive/**", "archive/2020/a.md"), glob_match("*.txt", "news/a.txt")
    (True, True)
    >>> glob_match("news/*.md", "news/old/a.md")
    False
    """
    from .load import glob_match as _load_glob_match  # one dialect for include/exclude/per-file-ignores

    return _load_glob_match(pattern, doc_id)


# --- discovery --------------------------------------------------------------------------

def read(path: str | Path) -> Config:
    """The config in one file (``pyproject.toml``: its ``[tool.discrepancy]`` table)."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (first bad byte at offset {exc.start})") from None
    if p.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: [tool] must be a table, got {type(tool).__name__}")
        table = tool.get("discrepancy", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.discrepancy] must be a table")
    else:
        table = data
    return parse(table, str(path))


def _has_tool_table(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 (first bad byte at offset {exc.start})") from None
    tool = data.get("tool")
    return isinstance(tool, dict) and "discrepancy" in tool


def find(start: str | Path) -> Path | None:
    """The config file that applies to ``start``: the nearest folder upwards holding one."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return candidate
    return None


def load(paths: list[str], config_file: str | None = None, isolated: bool = False) -> Config:
    """The file config for an audit of ``paths``: ``--config`` file, discovered, or defaults."""
    if isolated:
        return Config()
    if config_file:
        return read(config_file)
    found = find(paths[0]) if paths else find(Path.cwd())
    return read(found) if found else Config()


# --- printing ---------------------------------------------------------------------------

def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(type(value).__name__)


def _offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def render(config: Config) -> str:
    """The effective config as TOML, keys in a fixed order (what ``discrepancy config`` prints).

    >>> print(render(Config(select=("DSC101",))).splitlines()[4])
    select = ["DSC101"]
    """
    head = f"# from {config.source}" if config.source else "# no config file: defaults"
    lines = [head, "[tool.discrepancy]"]
    table_keys = ("zones", "severity", "per-file-ignores")
    for key, (name, _) in _KEYS.items():
        if key not in table_keys:
            lines.append(f"{key} = {_toml(getattr(config, name))}")
    lines += ["", "[tool.discrepancy.zones]"]
    lines += [f"{abbr} = {_toml(_offset(m))}" for abbr, m in config.zones]
    lines += ["", "[tool.discrepancy.severity]"]
    lines += [f"{rule} = {_toml(level)}" for rule, level in config.severity]
    lines += ["", "[tool.discrepancy.per-file-ignores]"]
    lines += [f"{_toml(glob)} = {_toml(rules)}" for glob, rules in config.per_file_ignores]
    lines += ["", "[tool.discrepancy.vocab]"]
    lines.append(f"aliases = {_toml(config.aliases)}")
    lines.append(f"distinct = {_toml(config.distinct)}")
    return "\n".join(lines) + "\n"


def field_names() -> tuple[str, ...]:
    """Names of the `Config` fields that come from config keys (for tests and docs)."""
    return tuple(f.name for f in fields(Config) if f.name != "source")
