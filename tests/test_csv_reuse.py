"""kit.csv_reuse: a table's CSV written again from the rows an earlier run wrote is the same bytes as one
written whole, whatever rows were added, changed, removed or moved (fictional rows)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.csv_reuse import row_ends, write_csv_reusing
from kit.files import write_frame

TRICKY = ['plain words', 'a "quoted" word, and a comma', 'two\nlines', '=SUM(A1)', "-3", "-dash first",
          '"', "", "ends with a quote\"", "tab\tinside", "Кремль, «цитата»"]


def fictional_table(n: int, seed: int = 0, start: str = "2026-01-01") -> pd.DataFrame:
    """``n`` rows of a who-said-what-like table of invented statements."""
    rng = np.random.default_rng(seed)
    said = pd.to_datetime(start) + pd.to_timedelta(rng.integers(0, 90, n), unit="D")
    return pd.DataFrame({
        "said_on": said.where(rng.random(n) > 0.1),  # some undated
        "speaker": [f"Fictional Speaker {i % 7}" for i in range(n)],
        "quote": [TRICKY[i % len(TRICKY)] + f" {i}" for i in range(n)],
        "published": pd.to_datetime("2026-01-01 09:30:00", utc=True) + pd.to_timedelta(rng.integers(0, 10**6, n), unit="s"),
        "quote_start": rng.integers(0, 5000, n),
        "quote_id": [f"q{seed}-{i}" for i in range(n)],
        "camp_id": [None if i % 5 == 0 else "camp" for i in range(n)],
    }).astype({"speaker": "str", "quote": "str", "quote_id": "str"})


def written_whole(table: pd.DataFrame, path) -> bytes:
    write_frame(table, path)
    return path.read_bytes()


def test_a_table_written_from_an_earlier_ones_rows_is_the_same_bytes(tmp_path):
    store = tmp_path / "store"
    before = fictional_table(300)
    write_csv_reusing(before, tmp_path / "run1" / "who.csv", store, min_rows=0)
    assert (tmp_path / "run1" / "who.csv").read_bytes() == written_whole(before, tmp_path / "whole1.csv")
    # Rows added between the old ones, one changed, some removed, the order shuffled.
    after = pd.concat([before.drop(index=before.index[::17]), fictional_table(9, seed=1)]).sample(frac=1, random_state=3)
    after.loc[after.index[5], "speaker"] = "Another Fictional Speaker"
    after = after.reset_index(drop=True)
    write_csv_reusing(after, tmp_path / "run2" / "who.csv", store, min_rows=0)
    assert (tmp_path / "run2" / "who.csv").read_bytes() == written_whole(after, tmp_path / "whole2.csv")
    assert (tmp_path / "run1" / "who.csv").read_bytes() == written_whole(before, tmp_path / "whole1.csv"), \
        "the earlier run's file is left as it was"


def test_a_bare_carriage_return_quotes_every_cell_warm_or_cold(tmp_path):
    store = tmp_path / "store"
    before = fictional_table(50)
    write_csv_reusing(before, tmp_path / "a.csv", store, min_rows=0)
    after = before.copy()
    after.loc[3, "quote"] = "a bare\rreturn"
    write_csv_reusing(after, tmp_path / "b.csv", store, min_rows=0)
    assert (tmp_path / "b.csv").read_bytes() == written_whole(after, tmp_path / "whole.csv")
    assert (tmp_path / "b.csv").read_bytes().startswith(b'"said_on"')


@pytest.mark.parametrize("change", ["time of day", "fraction of a second"])
def test_dates_pandas_writes_by_block_are_written_whole(tmp_path, change):
    """A day with a time among days, or a fraction of a second among whole seconds, changes how pandas
    writes every cell of its block: such a table is not pieced together."""
    store = tmp_path / "store"
    before = fictional_table(40)
    write_csv_reusing(before, tmp_path / "a.csv", store, min_rows=0)
    after = before.copy()
    if change == "time of day":
        after.loc[2, "said_on"] = pd.Timestamp("2026-02-01 10:15")
    else:
        after["published"] = after["published"].astype("datetime64[ns, UTC]")
        after.loc[2, "published"] = pd.Timestamp("2026-02-01 10:15:00.5", tz="UTC")
    write_csv_reusing(after, tmp_path / "b.csv", store, min_rows=0)
    assert (tmp_path / "b.csv").read_bytes() == written_whole(after, tmp_path / "whole.csv")


def test_a_kept_file_edited_since_is_not_used(tmp_path):
    store = tmp_path / "store"
    table = fictional_table(60)
    write_csv_reusing(table, tmp_path / "a.csv", store, min_rows=0)
    kept = store / "a.csv"
    kept.unlink()  # the link, not the run's file: edit a copy in its place
    kept.write_bytes((tmp_path / "a.csv").read_bytes().replace(b"Fictional Speaker 1", b"Fictional Speaker X"))
    write_csv_reusing(table, tmp_path / "b.csv", store, min_rows=0)
    assert (tmp_path / "b.csv").read_bytes() == written_whole(table, tmp_path / "whole.csv")


def test_row_ends_skip_line_breaks_inside_quoted_cells():
    text = b'a,b\n"x\ny",1\n"say ""hi""\n",2\nplain,3\n'
    assert row_ends(text).tolist() == [4, 12, 28, 36]
