"""Slot recall and judged precision on the real-news dev set, scored as its own scorer does.

The dev set (``../shared/devsets/news/``: real passages about ten events, each event's
conflicting slots and look-alikes annotated) ships with a scorer, ``score_news.py``, that runs
the command line on each event. This benchmark audits each event in process with
`discrepancy.audit` and judges every flag with that scorer's own functions (loaded from the
file, not copied), so the figures are the scorer's; it adds the time taken and, with
``--show``, the flags of a kind.

    python -m benchmarks.devset                      # one line per event and the totals
    python -m benchmarks.devset --show false,unjudged derna-floods-2023

The passages are copyrighted: they are read from ``../shared`` and never copied here.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import discrepancy  # noqa: E402

DEVSETS = ROOT.parent / "shared" / "devsets"
SERIOUS = ("error", "warning")


@dataclass
class EventScore:
    """One event's counts, as the scorer defines them."""

    name: str
    slots: int = 0
    found: int = 0
    flags: int = 0
    true: int = 0
    false: int = 0
    unjudged: int = 0
    shown: list[str] = field(default_factory=list)


def scorer() -> ModuleType:
    """The dev set's own scorer module; `FileNotFoundError` when ``../shared`` is absent."""
    path = DEVSETS / "score_news.py"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: the dev set lives in ../shared/devsets")
    spec = importlib.util.spec_from_file_location("score_news", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def events(s: ModuleType) -> list[str]:
    """The event names of the dev set, sorted."""
    return sorted(n[: -len(".expected.json")] for n in os.listdir(s.HERE) if n.endswith(".expected.json"))


def score_event(s: ModuleType, name: str, show: frozenset[str] = frozenset()) -> EventScore:
    """Audit one event's folder and judge its flags with the scorer's functions."""
    with open(os.path.join(s.HERE, name + ".expected.json"), encoding="utf-8") as fh:
        slots = json.load(fh)["slots"]
    required = [
        i for i, slot in enumerate(slots)
        if s.kind(slot) == "required"
        and any(s.conflict(a["value"], b["value"]) for a in slot["values"] for b in slot["values"])
    ]
    frame = discrepancy.audit(os.path.join(s.HERE, name))
    flags: list[dict[str, Any]] = [r for r in frame.to_dict("records") if str(r["severity"]) in SERIOUS]
    out = EventScore(name, slots=len(required), flags=len(flags))
    hit: set[int] = set()
    for f in flags:
        ok, which = s.judge(f, slots)
        verdict = "unjudged" if ok is None else "allowed" if ok == "allowed" else "true" if ok else "false"
        if verdict != "allowed":
            setattr(out, verdict, getattr(out, verdict) + 1)
        hit |= which
        if verdict in show:
            out.shown.append(f"{verdict:>8}" + s.line(f))
    out.found = len(hit)
    if "missed" in show:
        out.shown += [f"  missed  {slots[i]['slot']}" for i in required if i not in hit]
    return out


def totals(rows: list[EventScore]) -> tuple[float, float, EventScore]:
    """(slot recall, judged precision, summed counts) over events."""
    t = EventScore("total")
    for r in rows:
        for k in ("slots", "found", "flags", "true", "false", "unjudged"):
            setattr(t, k, getattr(t, k) + getattr(r, k))
    recall = t.found / t.slots if t.slots else 1.0
    judged = t.true + t.false
    return recall, (t.true / judged if judged else 0.0), t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("events", nargs="*", help="event folder names (default: all)")
    ap.add_argument("--show", default="", help="comma list of: false, unjudged, true, allowed, missed")
    args = ap.parse_args(argv)
    try:
        s = scorer()
    except FileNotFoundError as err:
        print(f"devset: {err}", file=sys.stderr)
        return 2
    show = frozenset(filter(None, args.show.split(",")))
    rows = []
    head = ("event", "slots", "found", "flags", "true", "false", "unjudged", "cpu s")
    print(f"{head[0]:34} " + " ".join(f"{h:>{max(5, len(h))}}" for h in head[1:]))
    for name in args.events or events(s):
        t0 = time.process_time()
        r = score_event(s, name, show)
        cpu = time.process_time() - t0
        rows.append(r)
        counts = f"{r.slots:5} {r.found:5} {r.flags:5} {r.true:5} {r.false:5} {r.unjudged:8}"
        print(f"{name:34} {counts} {cpu:5.2f}")
        for line in r.shown:
            print(line)
    recall, precision, t = totals(rows)
    print(f"{'total':34} {t.slots:5} {t.found:5} {t.flags:5} {t.true:5} {t.false:5} {t.unjudged:8}")
    print(f"slot recall {recall:.2f}, judged precision {precision:.2f} ({t.unjudged} flags unjudged)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
