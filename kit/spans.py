"""Character spans sorted once, so the quote engine asks "what lies here?" in logarithmic time.

An article of thousands of quotations or transcript turns asked, for each paragraph, about every
span of the article, which grew with the square of its length (issue #19, item 22). ``Spans``
sorts the spans once and answers each question from the few that can overlap.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Iterable


class Spans:
    """Half-open character spans ``[start, end)``, sorted by start (overlaps and nesting allowed)."""

    def __init__(self, spans: Iterable = ()):
        ordered = sorted((int(a), int(b), i) for i, (a, b) in enumerate(spans))
        self.spans = [(a, b) for a, b, _ in ordered]
        self._given = [i for _, _, i in ordered]  # where each span stood in the list given
        self._starts = [a for a, _ in self.spans]
        # the furthest end of any span so far: spans before the first index past `at` all end by `at`
        self._reach = list(accumulate((b for _, b in self.spans), max))

    def __len__(self) -> int:
        return len(self.spans)

    def _range(self, first_end_over: int, last_start_below: int, inclusive: bool = False) -> range:
        lo = bisect_right(self._reach, first_end_over)
        hi = (bisect_right if inclusive else bisect_left)(self._starts, last_start_below)
        return range(lo, max(lo, hi))

    def _candidates(self, first_end_over: int, last_start_below: int, inclusive: bool = False) -> list:
        found = self._range(first_end_over, last_start_below, inclusive)
        return self.spans[found.start:found.stop]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that share a character with ``[start, end)``, in order of their start."""
        return [(a, b) for a, b in self._candidates(start, end) if b > start]

    def overlapping_positions(self, start: int, end: int) -> list[int]:
        """Positions, in the list given, of the spans that share a character with ``[start, end)``, in that order."""
        return sorted(self._given[k] for k in self._range(start, end) if self.spans[k][1] > start)

    def covering(self, start: int, end: int) -> bool:
        """True when one span holds all of ``[start, end)`` (``a <= start and end <= b``)."""
        return any(a <= start and end <= b for a, b in self._candidates(end - 1, start, inclusive=True))

    def holding(self, at: int) -> bool:
        """True when a span holds the character at offset ``at``."""
        return any(a <= at < b for a, b in self._candidates(at, at, inclusive=True))
