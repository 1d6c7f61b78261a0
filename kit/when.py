"""When a statement was made, from the words around it and the publication date.

``statement_dates(statements, articles)`` returns one row per statement with:
    said_on            date (datetime64, day resolution) or NaT
    said_on_precision  day | week | month | article | unknown
    when_text          the words that gave the date ("" when the publication date was used)
"""
from __future__ import annotations

import pandas as pd


def statement_dates(statements: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Date of each statement; for now the article's publication date (precision ``article``)."""
    published = articles.set_index("article_id")["published"]
    pub = statements["article_id"].map(published)
    said = pd.to_datetime(pub, utc=True).dt.tz_localize(None).dt.normalize()
    precision = ["article" if not pd.isna(p) else "unknown" for p in pub]
    return pd.DataFrame({"said_on": said.values, "said_on_precision": precision, "when_text": ""},
                        index=statements.index)
