"""Tick marks worked out once per view: a chart's axes ask their locator and formatter again at every
layout pass and every file drawn (``tight_layout``, the PNG, the SVG), and a date axis walks its
recurrence rules and formats every date each time, about a tenth of drawing the report's charts.

``remember_ticks(fig)`` wraps each axis's own locator and formatter so that they answer from memory
while what decides their answer is unchanged (the view interval and the room for ticks; the tick
values and the view interval), and ask the wrapped ones again when it changes (a reporter zooming, a
figure resized): the ticks are those the wrapped locator and formatter give, drawn alike.
"""
from __future__ import annotations

from matplotlib.ticker import FixedLocator, Formatter, Locator, NullLocator


class RememberedLocator(Locator):
    """An axis's locator, asked again only when the view interval or the room for ticks changes."""

    def __init__(self, locator: Locator):
        self.locator = locator
        self.axis = locator.axis
        self._key: tuple | None = None
        self._locs = None

    def __call__(self):
        # What the stock locators read: the view interval (dates, MaxNLocator) and, for nbins="auto",
        # the room for ticks (axis length over label size).
        key = (tuple(self.axis.get_view_interval()), self.axis.get_tick_space())
        if key != self._key:
            self._locs, self._key = self.locator(), key
        return self._locs

    def tick_values(self, vmin, vmax):
        return self.locator.tick_values(vmin, vmax)

    def set_params(self, **kwargs):
        self._key = None
        self.locator.set_params(**kwargs)

    def nonsingular(self, v0, v1):
        return self.locator.nonsingular(v0, v1)

    def view_limits(self, vmin, vmax):
        return self.locator.view_limits(vmin, vmax)

    def __getattr__(self, name: str):
        if name in ("locator", "__setstate__"):
            raise AttributeError(name)
        self._key = None  # anything else asked of the locator may change it: ask it again next time
        return getattr(self.locator, name)


class RememberedFormatter(Formatter):
    """An axis's formatter, asked again only when the tick values or the view interval change."""

    def __init__(self, formatter: Formatter):
        self.formatter = formatter
        self.axis = formatter.axis
        self._key: tuple | None = None
        self._labels: list[str] = []
        self._offset = ""

    def format_ticks(self, values):
        key = (tuple(values), tuple(self.axis.get_view_interval()) if self.axis is not None else None)
        if key != self._key:
            self._labels, self._offset, self._key = list(self.formatter.format_ticks(values)), None, key
            self._offset = self.formatter.get_offset()
        return list(self._labels)

    def get_offset(self):
        return self._offset if self._key is not None else self.formatter.get_offset()

    def __call__(self, x, pos=None):
        return self.formatter(x, pos)

    def format_data(self, value):
        return self.formatter.format_data(value)

    def format_data_short(self, value):
        return self.formatter.format_data_short(value)

    def set_locs(self, locs):
        self.formatter.set_locs(locs)

    def __getattr__(self, name: str):
        if name in ("formatter", "__setstate__"):
            raise AttributeError(name)
        self._key = None  # e.g. ax.ticklabel_format() calling set_scientific: format the ticks again
        return getattr(self.formatter, name)


def remember_ticks(fig) -> None:
    """Wrap the major locator and formatter of every axis of ``fig`` (shared axes share one pair) in a
    :class:`RememberedLocator` and :class:`RememberedFormatter`; fixed and empty locators are left alone."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticker = axis.major  # set directly: set_major_locator would mark the locator as chosen by hand
            if isinstance(ticker.locator, (NullLocator, FixedLocator, RememberedLocator)):
                continue
            ticker.locator = RememberedLocator(ticker.locator)
            if not isinstance(ticker.formatter, RememberedFormatter):
                ticker.formatter = RememberedFormatter(ticker.formatter)
