"""Alignment's pairs joined into slots and screened for the comparison rules.

`align_and_join` walks the aligned pairs of a story block by block (`align.aligned_blocks`):
every pair joins its two facts in the story's `SlotIndex`, the first fact of each run of
pairs is kept (a slot is named after the first pair that formed it), and the pairs that pass
their rule's screen (`Comparator.screen`: the first question the rule asks, judged once per
pair of distinct readings) are kept as numbers for `discrepancy.compare` to judge once the
slots are final. A large block does the same walk on arrays (`discrepancy.pair_arrays`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .align import AlignedBlock, AlignStats, Features, aligned_blocks
from .compare_rules import Context
from .compare_rules.base import Screen
from .facts import Fact
from .pair_arrays import codes, first_appearances, run_starts, screened
from .settings import Settings
from .slots import SlotIndex


def _join_arrays(
    block: AlignedBlock, k: int, out: Judged, index: SlotIndex, screen: Screen | None, ctx: Context,
    last: Fact | None,
) -> Fact | None:
    """`align_and_join`'s walk over the pairs of a large block, on arrays: the same nodes in
    the same order, the same runs, the same screen; only the joins go pair by pair. Returns
    the last run's first fact."""
    first, second, score = block.firsts, block.seconds, block.scores
    assert isinstance(first, np.ndarray) and isinstance(second, np.ndarray) and isinstance(score, np.ndarray)
    facts_of, features_of = block.facts, block.features
    order = first_appearances(first, second)  # as the walk registers and reads them
    nodes = [-1] * len(facts_of)
    for x in order:
        nodes[x] = index.node(facts_of[x])
    numbered = np.array(nodes, dtype=np.int64)
    union = index.union
    for na, nb in zip(numbered[first].tolist(), numbered[second].tolist(), strict=True):
        union(na, nb)
    firsts = first.tolist()
    for at in run_starts(first):
        a = facts_of[firsts[at]]
        if a is not last:
            last = a
            out.first_facts.append(a)
            out.first_features.append(features_of[firsts[at]])
    if screen is not None:
        read, judge_within, judge_across = screen
        readings = [-1] * len(facts_of)
        for x in order:
            readings[x] = ctx.reading_number(read, facts_of[x])
        within, across = ctx.judgments(read, judge_within), ctx.judgments(read, judge_across)

        def verdict(one_document: bool, ra: int, rb: int) -> object:
            memo, judge = (within, judge_within) if one_document else (across, judge_across)
            found = memo.get(ra << 32 | rb, memo)
            return ctx.judge_numbers(read, judge, ra, rb) if found is memo else found

        docs = codes([f.doc for f in facts_of])
        keep, judgments = screened(first, second, np.array(readings, dtype=np.int64), docs, verdict)
        first, second, score = first[keep], second[keep], score[keep]
        out.judgments.extend(judgments)
    else:
        out.judgments.extend([None] * len(first))
    out.blocks.extend([k] * len(first))
    out.firsts.extend(first.tolist())
    out.seconds.extend(second.tolist())
    out.scores.extend(score.tolist())
    return last


@dataclass
class Judged:
    """What `align_and_join` leaves for the rules: per aligned pair, in order, the first fact
    of each run of pairs with one first fact (and its features); per pair that passed the
    rules' screen, its block (a number into ``held``: the block's facts and features), the
    positions of its two facts there and its score (numbers, in parallel lists)."""

    first_facts: list[Fact] = field(default_factory=list)
    first_features: list[Features] = field(default_factory=list)
    held: list[tuple[list[Fact], list[Features]]] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)
    firsts: list[int] = field(default_factory=list)
    seconds: list[int] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    judgments: list[object] = field(default_factory=list)  # the screen's, None for no screen


def align_and_join(
    facts: Sequence[Fact],
    settings: Settings,
    families: tuple[str, ...],
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]],
    stats: AlignStats,
    ctx: Context,
    index: SlotIndex,
    screens: dict[str, Screen],
) -> Judged:
    """Align ``facts``, join every aligned pair in ``index`` and screen it for the rules."""
    out = Judged()
    node, union = index.node, index.union
    last: Fact | None = None
    for block in aligned_blocks(facts, settings, families, names=names, stats=stats):
        facts_of, features_of, n = block.facts, block.features, len(block.facts)
        fam = features_of[0].family  # a block is of one family
        k = len(out.held)
        out.held.append((facts_of, features_of))
        if isinstance(block.firsts, np.ndarray):
            last = _join_arrays(block, k, out, index, screens.get(fam), ctx, last)
            continue
        # Per member, found once: its slot node (registered at its first pair, as `join` does)
        # and, under a screen, its reading's number (read at its first pair).
        nodes = [-1] * n
        screen = screens.get(fam)
        if screen is not None:
            read, judge_within, judge_across = screen
            readings = [-1] * n
            docs = [f.doc for f in facts_of]
            within, across = ctx.judgments(read, judge_within), ctx.judgments(read, judge_across)
        for i, j, score in block.pairs():
            a = facts_of[i]
            na = nodes[i]
            if na < 0:
                na = nodes[i] = node(a)
            nb = nodes[j]
            if nb < 0:
                nb = nodes[j] = node(facts_of[j])
            union(na, nb)
            if a is not last:
                # Pairs come in runs of one first fact (and its features): all of a run fall in
                # one slot, so its first pair stands for it (and its family's rules judge the run).
                last = a
                out.first_facts.append(a)
                out.first_features.append(features_of[i])
            if screen is not None:
                # A pair of a block is in side order (i < j): the rule's first question, asked
                # of the two readings' numbers; most pairs repeat a pair of readings judged
                # before, and most judgments are "no conflict".
                ra = readings[i]
                if ra < 0:
                    ra = readings[i] = ctx.reading_number(read, a)
                rb = readings[j]
                if rb < 0:
                    rb = readings[j] = ctx.reading_number(read, facts_of[j])
                key = ra << 32 | rb
                if docs[i] == docs[j]:
                    verdict = within.get(key, within)
                    if verdict is within:
                        verdict = ctx.judge_numbers(read, judge_within, ra, rb)
                else:
                    verdict = across.get(key, across)
                    if verdict is across:
                        verdict = ctx.judge_numbers(read, judge_across, ra, rb)
                if not verdict:
                    continue
            else:
                verdict = None
            out.judgments.append(verdict)
            out.blocks.append(k)
            out.firsts.append(i)
            out.seconds.append(j)
            out.scores.append(score)
    return out


__all__ = ["Judged", "align_and_join"]
