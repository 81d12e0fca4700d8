"""Writing report and baseline files so that a reader never sees half of one.

A regular file (or a path that does not exist yet) is written to a temporary file in the same
folder and moved over the target with `os.replace`, which is atomic on POSIX and Windows: a
concurrent reader sees the old file or the new one, never a mix. Anything else (``/dev/stdout``,
a named pipe, ``/dev/full``) cannot be replaced and is written in place.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text(folder / "r.txt", "one\\n")
>>> (folder / "r.txt").read_text(), sorted(p.name for p in folder.iterdir())
('one\\n', ['r.txt'])
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def printable(text: str) -> str:
    r"""``text`` as UTF-8 can encode it: lone surrogates (a file name that is not UTF-8, a JSON
    ``"\ud800"``) are written as ``\udcff`` escapes instead of failing the write.

    >>> printable("a\udcffb")
    'a\\udcffb'
    """
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, atomically where the target allows it.

    Raises ``OSError`` whose message names the file.
    """
    target = Path(path)
    data = printable(text).encode("utf-8")
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OSError(exc.errno, f"{target}: cannot write: {exc.strerror}") from None
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(target, data)
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OSError(exc.errno, f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))  # keep the permissions of the file it replaces
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # as open() would have created it
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OSError(exc.errno, f"{target}: cannot write: {exc.strerror}") from None


def _write_in_place(target: Path, data: bytes) -> None:
    try:
        with open(target, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise OSError(exc.errno, f"{target}: cannot write: {exc.strerror}") from None
