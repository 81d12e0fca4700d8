"""Regenerate the golden findings table of the seeds.

Run from the repository root after an intended change in what the seeds produce::

    python -m tests.golden.regen

(or ``DISCREPANCY_REGEN_GOLDEN=1 pytest tests/test_golden.py``), then review the diff of
``tests/golden/seeds.csv`` like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import discrepancy

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "seeds.csv"
# Sentences repeat what line/col already locate and make every diff noisy.
DROPPED = ("sentence_a", "sentence_b")


def table() -> pd.DataFrame:
    """The seeds' findings as the golden file stores them (all columns as text)."""
    frame = discrepancy.audit(str(SEEDS))
    return frame.drop(columns=list(DROPPED)).astype(str).reset_index(drop=True)


def write() -> Path:
    table().to_csv(GOLDEN, index=False, lineterminator="\n")
    return GOLDEN


if __name__ == "__main__":
    print(f"wrote {write()}")
