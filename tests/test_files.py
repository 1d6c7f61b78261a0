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
