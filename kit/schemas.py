"""What every table the kit passes between stages or writes holds: pandera schemas and column lists.

``SCHEMAS`` maps a table's name to its schema: the tables passed between stages (``articles``,
``statements``, ``attributed_statements``) and every table written under ``tables/``.
``check_table`` validates a table by name and raises with the table's name and the failing
column; ``kit.pipeline`` checks each stage's output, ``kit.table.write_table`` each table it
writes. The README's data dictionary documents the same columns (``tests/test_schemas.py``
compares the two).
"""
from __future__ import annotations

import re
import sys

import pandas as pd
import pandera.pandas as pa


def _without_hypothesis() -> None:
    # pandera's first check imports its data-synthesis strategies, which import hypothesis when it is
    # installed (it is, for the kit's tests): a third of a second in every report's kernel, for a
    # feature the kit never uses. Imported here with hypothesis hidden, they stay without it in this
    # process; a process that imported hypothesis first (a test run) keeps pandera's strategies.
    if "hypothesis" in sys.modules:
        return
    sys.modules["hypothesis"] = None  # "import hypothesis" raises ImportError while this is set
    try:
        import pandera.strategies.base_strategies  # noqa: F401
    finally:
        del sys.modules["hypothesis"]


_without_hypothesis()

# The periods count tables come in, with the pandas frequency of each (weeks start on Monday).
PERIODS = {"day": "D", "week": "W-SUN", "month": "M"}

WHO_SAID_WHAT_COLUMNS = [
    "said_on", "actor", "speaker", "camp", "role", "kind", "act", "quote", "cue", "venue", "when_text",
    "said_on_precision", "published", "title", "source", "url", "article_id", "quote_id",
    "quote_start", "quote_end", "sentence", "context", "note",
]
# start, end: where a side's words (a statement, or one sentence of a long one) are in its article's text.
CLAIM_FIELDS = ["said_on", "camp", "speaker", "quote", "title", "url", "quote_id", "start", "end"]
CLAIMS_COLUMNS = (["rank", "score", "days_apart", "wording", "opposition", "how", "themes"]
                  + [f"claim_{c}" for c in CLAIM_FIELDS] + [f"counter_{c}" for c in CLAIM_FIELDS])
ECHO_COLUMNS = ["echo_id", "outlets", "articles", "statements", "quote", "speaker", "camp", "first_published",
                "first_said_on", "first_title", "first_source", "first_url", "first_article_id",
                "last_published", "repeated_in", "repeated_urls"]


def _str(nullable: bool = False, **kw) -> pa.Column:
    return pa.Column(str, nullable=nullable, **kw)


def _utc_time(nullable: bool = True) -> pa.Column:
    # Any unit (us from pandas 3, ns from older files), but always UTC.
    return pa.Column(None, nullable=nullable, checks=pa.Check(
        lambda s: isinstance(s.dtype, pd.DatetimeTZDtype) and str(s.dtype.tz) == "UTC",
        error="a time in UTC"))


def _all_text(s: pd.Series) -> bool:
    if isinstance(s.dtype, pd.StringDtype):
        return True
    return bool(s.map(lambda v: isinstance(v, str)).all())


def _text(**kw) -> pa.Column:
    # Text columns between stages: str, or object holding only str (an empty table, a cached one).
    return pa.Column(None, nullable=False, checks=[pa.Check(_all_text, error="text in every cell"),
                                                   *kw.pop("checks", [])], **kw)


def _lists(nullable: bool = False) -> pa.Column:
    return pa.Column(None, nullable=nullable, checks=pa.Check(
        lambda s: s.map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).all(),
        error="a list in every cell"))


def _offset() -> pa.Column:
    return pa.Column("int64", pa.Check.ge(-1))


ARTICLES_SCHEMA = pa.DataFrameSchema({
    "article_id": _text(unique=True, checks=[pa.Check.str_length(min_value=1)]), "title": _text(), "text": _text(),
    "published": _utc_time(), "published_from": _text(), "source": _text(), "url": _text(), "path": _text(),
    "record": pa.Column("int64"), "content_hash": _text(), "published_offset": _text(), "paths": _lists(),
    "near_duplicate_of": _text(), "note": _text(),
    "language": _text(checks=[pa.Check.isin(["ru", "uk", "en", "und", ""])]),
    "other_fields": _text(required=False),  # only when records bring more than 100 other field names
}, strict=False)  # any other front-matter or record field follows, as text

INPUTS_SCHEMA = pa.DataFrameSchema({
    "path": _text(), "record": pa.Column("int64"),
    "status": _text(checks=[pa.Check.isin(["loaded", "duplicate", "skipped"])]), "reason": _text(),
    "article_id": _text(), "input_id": _text(), "format": _text(),
    "note": _text(), "bytes": pa.Column("int64", pa.Check.ge(-1)),
    "sha256": _text(checks=[pa.Check(lambda s: all(re.fullmatch("([0-9a-f]{64})?", v) for v in s),
                                     error="a sha256 in hex, or empty")]),
}, strict=True)

STATEMENTS_SCHEMA = pa.DataFrameSchema({
    "article_id": _text(), "quote_id": _text(unique=True), "quote": _text(),
    "quote_start": _offset(), "quote_end": _offset(), "quote_spans": _lists(), "quote_text": _text(),
    "kind": _text(checks=[pa.Check.isin(["direct", "partial", "indirect", "turn"])]),
    "speaker": _text(), "speaker_mention": _text(), "speaker_start": _offset(), "speaker_end": _offset(),
    "cue": _text(), "cue_start": _offset(), "cue_end": _offset(), "act": _text(), "venue": _text(),
    "sentence": _text(), "content": _text(), "content_start": _offset(), "content_end": _offset(),
    "confidence": pa.Column("float64", pa.Check.in_range(0, 1)),
    "note": _text(required=False),  # added by kit.pipeline: text that may display misleadingly
}, strict=False)

# The columns kit.speakers and kit.when add to the statements.
ATTRIBUTED_SCHEMA = STATEMENTS_SCHEMA.add_columns({
    "published": _utc_time(), "said_on": pa.Column(pa.DateTime, nullable=True), "said_on_precision": _text(),
    "said_on_range": _text(), "when_text": _text(), "actor": _text(), "actors": _text(), "camp_id": _text(),
    "camp": _text(checks=[pa.Check.str_length(min_value=1)]), "role": _text(), "matched_by": _text(),
})

WHO_SAID_WHAT_SCHEMA = pa.DataFrameSchema({
    "said_on": pa.Column(pa.DateTime, nullable=True),
    "actor": _str(), "speaker": _str(),
    "camp": _str(checks=pa.Check.str_length(min_value=1)),
    "role": _str(), "kind": _str(), "act": _str(), "quote": _str(), "cue": _str(), "venue": _str(),
    "when_text": _str(), "said_on_precision": _str(), "published": _utc_time(),
    "title": _str(), "source": _str(), "url": _str(), "article_id": _str(),
    "quote_id": _str(unique=True), "quote_start": pa.Column("int64"), "quote_end": pa.Column("int64"),
    "sentence": _str(), "context": _str(), "note": _str(),
    "themes": _str(required=False), "echo_id": _str(required=False),
    "echo_articles": pa.Column("int64", pa.Check.ge(1), required=False),
    "camp_id": _str(required=False),
}, strict=False)
BY_CAMP_AND_PERIOD_SCHEMA = pa.DataFrameSchema({
    "period": pa.Column(pa.DateTime), "camp": _str(), "statements": pa.Column("int64", pa.Check.gt(0)),
}, strict=True, unique=["period", "camp"])
TEXTS_BY_PERIOD_SCHEMA = pa.DataFrameSchema({
    "period": pa.Column(pa.DateTime, unique=True), "texts": pa.Column("int64", pa.Check.gt(0)),
}, strict=True)
SPEAKERS_SCHEMA = pa.DataFrameSchema({
    "camp": _str(), "speaker": _str(), "statements": pa.Column("int64", pa.Check.gt(0)),
    "first_said_on": pa.Column(pa.DateTime, nullable=True), "last_said_on": pa.Column(pa.DateTime, nullable=True),
}, strict=True, unique=["camp", "speaker"])
THEMES_SCHEMA = pa.DataFrameSchema({
    "theme": _str(), "label": _str(), "camp": _str(), "statements": pa.Column("int64", pa.Check.ge(0)),
    "share": pa.Column("float64", pa.Check.in_range(0, 1)),
}, strict=True, unique=["theme", "camp"])
THEMES_BY_PERIOD_SCHEMA = pa.DataFrameSchema({
    "period": pa.Column(pa.DateTime), "camp": _str(), "theme": _str(), "label": _str(),
    "statements": pa.Column("int64", pa.Check.gt(0)),
}, strict=True, unique=["period", "camp", "theme"])
ACTORS_SCHEMA = pa.DataFrameSchema({
    "actor": _str(unique=True), "camps": _str(checks=pa.Check.str_length(min_value=1)),
    "statements": pa.Column("int64", pa.Check.gt(0)),
    "first_said_on": pa.Column(pa.DateTime, nullable=True), "last_said_on": pa.Column(pa.DateTime, nullable=True),
}, strict=True)
THEME_TAGS_SCHEMA = pa.DataFrameSchema({
    "quote_id": _str(), "theme": _str(), "label": _str(), "terms": _str(checks=pa.Check.str_length(min_value=1)),
}, strict=True, unique=["quote_id", "theme"])
_side = {f"{p}_{f}": (pa.Column(pa.DateTime) if f == "said_on" else pa.Column("int64", pa.Check.ge(0))
                      if f in ("start", "end") else _str()) for p in ("claim", "counter") for f in CLAIM_FIELDS}
CLAIMS_SCHEMA = pa.DataFrameSchema({
    "rank": pa.Column("int64", pa.Check.ge(1), unique=True), "score": pa.Column("float64", pa.Check.in_range(0, 1)),
    "days_apart": pa.Column("int64", pa.Check.ge(0)), "wording": pa.Column("float64", pa.Check.in_range(0, 1.0001)),
    "opposition": pa.Column("float64", pa.Check.in_range(0, 1)),
    "how": _str(checks=pa.Check.isin(["denies", "negates"])), "themes": _str(checks=pa.Check.str_length(min_value=1)), **_side,
}, strict=True, checks=pa.Check(lambda df: (df["claim_camp"] != df["counter_camp"]).all(),
                                 error="a claim and its counter-claim come from different camps"))
ECHOES_SCHEMA = pa.DataFrameSchema({
    "echo_id": _str(unique=True), "outlets": pa.Column("int64", pa.Check.ge(1)),
    "articles": pa.Column("int64", pa.Check.ge(2)),
    "statements": pa.Column("int64", pa.Check.ge(2)), "quote": _str(), "speaker": _str(), "camp": _str(),
    "first_published": _utc_time(), "first_said_on": pa.Column(pa.DateTime, nullable=True),
    "first_title": _str(), "first_source": _str(), "first_url": _str(), "first_article_id": _str(),
    "last_published": _utc_time(), "repeated_in": _str(checks=pa.Check.str_length(min_value=1)),
    "repeated_urls": _str(),
}, strict=True)
SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "articles": ARTICLES_SCHEMA,
    "inputs": INPUTS_SCHEMA,
    "statements": STATEMENTS_SCHEMA,
    "attributed_statements": ATTRIBUTED_SCHEMA,
    "who_said_what": WHO_SAID_WHAT_SCHEMA,
    **{f"by_camp_and_{p}": BY_CAMP_AND_PERIOD_SCHEMA for p in PERIODS},
    **{f"texts_by_{p}": TEXTS_BY_PERIOD_SCHEMA for p in PERIODS},
    "speakers_by_camp": SPEAKERS_SCHEMA,
    "actors": ACTORS_SCHEMA,
    "themes_by_camp": THEMES_SCHEMA,
    **{f"themes_by_{p}": THEMES_BY_PERIOD_SCHEMA for p in PERIODS},
    "theme_tags": THEME_TAGS_SCHEMA,
    "claims_and_counterclaims": CLAIMS_SCHEMA,
    "echoes": ECHOES_SCHEMA,
}


def empty_table(columns: list[str], schema: pa.DataFrameSchema) -> pd.DataFrame:
    """A table with no rows, typed as ``schema`` says, so an empty result still passes its check."""
    dtypes = {}
    for col in columns:
        dtype = schema.columns[col].dtype if col in schema.columns else "str"
        name = str(dtype).lower()
        dtypes[col] = ("datetime64[us, UTC]" if dtype is None else "datetime64[us]" if "datetime" in name
                       else "str" if name in ("str", "string") else name)
    return pd.DataFrame({c: pd.Series([], dtype=d) for c, d in dtypes.items()})


def check_table(table: pd.DataFrame, name: str, schema: pa.DataFrameSchema | None = None) -> pd.DataFrame:
    """``table`` itself, after checking it against its schema (by name, or the one given); raises
    ValueError naming the table and the failing columns."""
    schema = schema or SCHEMAS.get(name)
    if schema is None:
        return table
    try:
        schema.validate(table, lazy=True)
        return table
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        raise ValueError(f"table '{name}' does not match its schema:\n{exc}") from exc
