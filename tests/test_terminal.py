"""kit.terminal: the progress follower that ``kit report`` runs beside the notebook."""
from __future__ import annotations

import io
import re
import signal
import threading

from kit.terminal import Progress, follow_run, write_progress


def test_the_follower_shows_progress_and_leaves_ctrl_c_to_the_main_thread(tmp_path):
    seen, masks = [], []

    def reporter(stage, done, total, unit):
        seen.append((stage, done, total, unit))
        masks.append(signal.pthread_sigmask(signal.SIG_BLOCK, []))

    write_progress(tmp_path, "parsing", 3, 10, "articles")
    stop = threading.Event()
    thread = follow_run(lambda: tmp_path, reporter, stop, every=0.05)
    for _ in range(200):
        if seen:
            break
        stop.wait(0.05)
    stop.set()
    thread.join(timeout=5)
    assert seen[0] == ("parsing", 3, 10, "articles")
    assert not thread.is_alive()
    # A Ctrl-C or SIGTERM the kernel hands to the follower would reach the notebook's thread late.
    assert {signal.SIGINT, signal.SIGTERM} <= masks[0]


def test_the_last_progress_line_tells_the_rate_even_of_a_stage_done_within_a_second():
    stream = io.StringIO()
    progress = Progress(stream=stream, bar=False)
    progress("parsing", 0, 11, "articles")
    progress("parsing", 11, 11, "articles")
    first, last = stream.getvalue().splitlines()
    assert first == "parsing: 0/11 articles (0%)"
    assert re.fullmatch(r"parsing: 11/11 articles \(100%\), [\d,.]+ articles/s", last), last
