"""``.gitignore`` and ``.ignore`` files, honoured by folder scans as git and ripgrep do.

A scan of ``docs/`` inside a git repository reads the ignore files of every folder from the
repository root (the nearest folder above holding ``.git``) down to ``docs/``, then those of
each folder it enters. Patterns are gitignore patterns (``pathspec``), relative to the folder
of their file; a deeper file's match wins over a shallower one, and inside one file the last
matching pattern wins (``!pattern`` re-includes). An ignored folder is not entered, so a built
``site/`` is never read.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / ".gitignore").write_text("site/\\n*.tmp.md\\n!keep.tmp.md\\n")
>>> rules = IgnoreRules.for_folder(root)
>>> [rules.ignored(p, d) for p, d in [("site", True), ("a/site", True), ("x.tmp.md", False),
...                                   ("keep.tmp.md", False), ("guide.md", False)]]
[True, True, True, False, False]
"""

from __future__ import annotations

from pathlib import Path

import pathspec

IGNORE_FILES = (".gitignore", ".ignore")


def _read(folder: Path) -> list[pathspec.GitIgnoreSpec]:
    out = []
    for name in IGNORE_FILES:
        path = folder / name
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = fh.read().splitlines()
        except OSError:
            continue
        out.append(pathspec.GitIgnoreSpec.from_lines(lines))
    return out


def _repo_root(folder: Path) -> Path | None:
    here = folder.resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class IgnoreRules:
    """The ignore patterns that apply under one scanned folder."""

    def __init__(self, above: list[tuple[str, pathspec.GitIgnoreSpec]]) -> None:
        # (prefix from the ignore file's folder down to the scanned folder, spec)
        self._above = above
        self._inside: dict[str, list[pathspec.GitIgnoreSpec]] = {}

    @classmethod
    def for_folder(cls, folder: Path) -> IgnoreRules:
        """Rules for a scan of ``folder``: its ignore files and those above it in its repository."""
        here = folder.resolve()
        root = _repo_root(here)
        above: list[tuple[str, pathspec.GitIgnoreSpec]] = []
        if root is not None and root != here:
            rel = here.relative_to(root).parts
            for depth in range(len(rel)):
                base = root.joinpath(*rel[:depth])
                prefix = "/".join(rel[depth:]) + "/"
                above.extend((prefix, spec) for spec in _read(base))
        rules = cls(above)
        rules.enter(here, "")
        return rules

    def enter(self, folder: Path, rel: str) -> None:
        """Read the ignore files of a subfolder (``rel``: its path below the scanned folder)."""
        specs = _read(folder)
        if specs:
            self._inside[rel] = specs

    def ignored(self, rel: str, is_dir: bool) -> bool:
        """Whether ``rel`` (``/``-separated, relative to the scanned folder) is ignored."""
        probe = rel + "/" if is_dir else rel
        verdict: bool | None = None
        for prefix, spec in self._above:
            verdict = _check(spec, prefix + probe, verdict)
        parts = rel.split("/")
        for depth in range(len(parts)):
            base = "/".join(parts[:depth])
            for spec in self._inside.get(base, ()):
                below = "/".join(parts[depth:]) + ("/" if is_dir else "")
                verdict = _check(spec, below, verdict)
        return bool(verdict)


def _check(spec: pathspec.GitIgnoreSpec, path: str, verdict: bool | None) -> bool | None:
    result = spec.check_file(path).include
    return verdict if result is None else bool(result)
