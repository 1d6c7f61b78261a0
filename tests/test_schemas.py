"""kit.schemas: every table's schema matches the README's data dictionary, and bad tables are refused by name."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import REPO, articles_frame, statements_frame
from kit.schemas import SCHEMAS, check_table
from kit.table import who_said_what, write_table

# A section that documents only the columns it adds to another table's.
ADDS_TO = {"attributed_statements": "statements"}


def readme_dictionary() -> dict[str, set[str]]:
    """Table name -> the columns its README section lists (``a, b`` cells name two columns)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Data dictionary"):]
    section = section[:section.find("\n## ", 10)] if "\n## " in section[10:] else section
    tables = {}
    for name, body in re.findall(r"^### (\w+)[^\n]*\n(.*?)(?=^### |\Z)", section, flags=re.M | re.S):
        cells = re.findall(r"^\| ([^|]+?) \|", body, flags=re.M)
        columns = {c.strip() for cell in cells if cell.strip() not in ("column", "---") for c in cell.split(",")}
        tables[name] = {c for c in columns if not c.startswith("*")}
    return tables


def test_readme_data_dictionary_lists_each_schemas_columns():
    documented = readme_dictionary()
    assert documented, "README.md has a Data dictionary with one ### section per table"
    for name, columns in documented.items():
        assert name in SCHEMAS, f"README documents a table '{name}' that kit.schemas does not know"
        expected = set(SCHEMAS[name].columns)
        if name in ADDS_TO:
            expected -= set(SCHEMAS[ADDS_TO[name]].columns)
        assert columns == expected, (f"{name}: README lists {sorted(columns - expected)} that the schema lacks, "
                                     f"the schema has {sorted(expected - columns)} that the README lacks")
    undocumented = {id(s) for s in SCHEMAS.values()} - {id(SCHEMAS[n]) for n in documented}
    assert not undocumented, [n for n, s in SCHEMAS.items() if id(s) in undocumented]


def test_schema_failures_name_the_table(tmp_path):
    rows = [{"article_id": "a", "said_on": "2031-03-03", "camp": "Kremlin", "quote": "x"}] * 2
    table = who_said_what(statements_frame(rows), articles_frame({"a": "2031-03-01"}))
    table.loc[1, "quote_id"] = table.loc[0, "quote_id"]
    with pytest.raises(ValueError, match=r"(?s)who_said_what.*quote_id"):
        write_table(table, tmp_path, "who_said_what")
    assert not (tmp_path / "who_said_what.csv").exists()
    counts = pd.DataFrame({"period": pd.to_datetime(["2031-03-03"]), "camp": ["Kremlin"], "statements": [0]})
    with pytest.raises(ValueError, match="by_camp_and_week"):
        write_table(counts, tmp_path, "by_camp_and_week")


def test_a_table_passed_between_stages_is_checked_by_name():
    from kit.quotes import STATEMENT_COLUMNS, statements_frame as engine_rows

    row = {c: "" for c in STATEMENT_COLUMNS}
    row.update(article_id="a", quote_id="a:0-5", quote="Hello", quote_spans=[[0, 5]], kind="direct", confidence=0.9,
               **{c: -1 for c in STATEMENT_COLUMNS if c.endswith(("_start", "_end"))})
    good = engine_rows([row])
    assert check_table(good, "statements") is good, "a table that passes comes back as it is"
    with pytest.raises(ValueError, match=r"(?s)'statements'.*kind"):
        check_table(engine_rows([{**row, "kind": "rumour"}]), "statements")
    with pytest.raises(ValueError, match=r"(?s)'statements'.*quote_id"):
        check_table(engine_rows([row, row]), "statements")
