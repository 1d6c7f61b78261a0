"""What the kit prints on a terminal: article text made harmless, and the progress of slow stages.

:func:`printable` escapes control characters (terminal escape sequences such as OSC-8 links or
colour codes, NUL bytes, bidi overrides) so text from an article can never drive the terminal:
``\x1b]8;;https://…`` is shown as typed. Every command prints article text through it.

Progress of the slow stages is told to whoever waits: a bar on a terminal, plain lines in a CI log.

A stage reports through one callable, ``progress(stage, done, total, unit)``:
:class:`Progress` draws it (tqdm on a terminal, else a line at the start, about every 10% or
30 seconds, and at the end, with the rate: ``parsing: 400/2,000 articles (20%), 3.1 articles/s``);
``kit.params.StageLog.progress`` writes it to the run folder's ``progress.json`` so ``kit report``
can show the notebook's stages while the kernel runs (:func:`follow_run`).
``total`` 0 means the size is not known (a stage that starts: ``loading``, ``tables``).
"""
from __future__ import annotations

import json
import re
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Callable, TextIO

# C0 and C1 controls, DEL, and the bidi controls that reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\n\r\t\u2028\u2029\x85]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value, newlines: bool = False) -> str:
    """``value`` as text safe to print on a terminal: control characters shown as ``\\x1b``, ``\\x00``,
    ``\\u202e``. Line breaks and tabs become spaces (or stay, with ``newlines=True``, for the kit's own
    multi-line messages)."""
    text = "" if value is None else str(value)
    if not newlines:
        text = _LINE_BREAKS.sub(" ", text)
    else:
        text = text.replace("\r", " ")
    return _CONTROL.sub(_escape, text)


Reporter = Callable[[str, int, int, str], None]
LINE_EVERY_SECONDS = 30.0


class Progress:
    """A ``Reporter`` for a person watching: a tqdm bar per stage when ``stream`` is a terminal,
    else plain lines (CI logs, pipes). Everything goes to ``stream`` (stderr by default), never to
    stdout, so ``kit quotes > table.txt`` stays clean."""

    def __init__(self, stream: TextIO | None = None, bar: bool | None = None):
        self.stream = stream or sys.stderr
        self.bar_wanted = self.stream.isatty() if bar is None else bar
        self.stage = ""
        self.started = 0.0
        self.last_line = 0.0
        self.last_share = -1
        self.bar = None
        self.last_told: tuple[int, int] | None = None

    def __call__(self, stage: str, done: int, total: int = 0, unit: str = "") -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.close()
            self.stage, self.started, self.last_line, self.last_share = stage, now, 0.0, -1
            self.last_told = None
            if self.bar_wanted and total:
                from tqdm import tqdm

                self.bar = tqdm(total=total, desc=stage, unit=f" {unit}" if unit else "it", file=self.stream,
                                leave=False, dynamic_ncols=True)
        if self.bar is not None:
            self.bar.update(done - self.bar.n)
            if total and done >= total:
                self.close(final=self.line(done, total, unit, now))
            return
        share = int(10 * done / total) if total else 0
        finished = bool(total) and done >= total
        if (done, total) == getattr(self, "last_told", None):
            return
        if self.last_line == 0.0 or finished or share > self.last_share or now - self.last_line >= LINE_EVERY_SECONDS:
            print(self.line(done, total, unit, now), file=self.stream, flush=True)
            self.last_line, self.last_share, self.last_told = now, share, (done, total)

    def line(self, done: int, total: int, unit: str, now: float) -> str:
        seconds = now - self.started
        if not total:
            return f"{self.stage}…" if not done else f"{self.stage}: {done:,} {unit}".rstrip()
        text = f"{self.stage}: {done:,}/{total:,} {unit} ({done / total:.0%})".replace("  ", " ")
        # the end always tells the rate, even of a stage done within a second; until then a
        # rate over less than a second says nothing
        if done and seconds > 0 and (seconds >= 1 or done >= total):
            text += f", {done / seconds:,.1f} {unit or 'items'}/s"
        return text

    def close(self, final: str = "") -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
            if final:
                print(final, file=self.stream, flush=True)
        self.stage = ""


def write_progress(folder: str | Path, stage: str, done: int, total: int = 0, unit: str = "") -> None:
    """Record a stage's progress in ``folder/progress.json`` (small, rewritten whole, read by :func:`follow_run`)."""
    from .files import write_json

    folder = Path(folder)
    if folder.exists():
        write_json(folder / "progress.json", {"stage": stage, "done": int(done), "total": int(total), "unit": unit})


def follow_run(find_run: Callable[[], Path | None], reporter: Reporter, stop: threading.Event,
               every: float = 0.5) -> threading.Thread:
    """A daemon thread that shows a running report's ``progress.json`` through ``reporter`` until ``stop`` is set.

    ``find_run`` returns the run folder once it exists (None before)."""
    def watch() -> None:
        # Ctrl-C and SIGTERM must reach the main thread, which runs the notebook: a signal the kernel
        # hands to this thread would be noticed there only at its next wake-up.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        seen = None
        run = None
        while not stop.wait(every):
            run = run or find_run()
            if run is None:
                continue
            try:
                state = json.loads((run / "progress.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            key = (state.get("stage"), state.get("done"), state.get("total"))
            if key != seen:
                seen = key
                reporter(printable(str(state.get("stage", ""))), int(state.get("done", 0)),
                         int(state.get("total", 0)), printable(str(state.get("unit", ""))))
        if isinstance(reporter, Progress):
            reporter.close()

    thread = threading.Thread(target=watch, name="kit-progress", daemon=True)
    thread.start()
    return thread
