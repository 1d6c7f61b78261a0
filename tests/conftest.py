"""Shared fixtures: paths to the repo's sample data and to ../shared (skipped where absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "sample"
SAMPLE_ACTORS = REPO / "data" / "sample-actors.yml"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or skip the test where it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not present on this machine")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kit.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_articles():
    from kit.articles import load_articles

    return load_articles(shared_path("seed", "trump-putin-talks.jsonl")).articles


@pytest.fixture(scope="session")
def sample_loaded():
    from kit.articles import load_articles

    return load_articles(SAMPLE)


CLAIMS = REPO / "tests" / "fixtures" / "claims"


def statements_frame(rows: list[dict]):
    """Attributed statements as kit.speakers returns them, from a few hand-written fictional rows."""
    import pandas as pd

    base = {"kind": "direct", "cue": "said", "venue": "", "when_text": "", "said_on_precision": "day",
            "actor": "", "role": "", "sentence": "", "speaker": ""}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["quote_id"] = [f"{a}:{i}" for i, a in enumerate(frame["article_id"])]
    frame["quote_start"] = range(len(frame))
    frame["quote_end"] = frame["quote_start"] + frame["quote"].str.len()
    frame["said_on"] = pd.to_datetime(frame["said_on"])
    return frame


def articles_frame(ids_dates: dict[str, str]):
    """Fictional articles (id -> publication date) for hand-written statements."""
    import pandas as pd

    return pd.DataFrame({
        "article_id": list(ids_dates), "title": [f"Fictional story {a}" for a in ids_dates],
        "source": "Test Wire (fictional)", "url": [f"https://example.org/{a}" for a in ids_dates],
        "published": pd.to_datetime(list(ids_dates.values()), utc=True), "text": "",
    })


@pytest.fixture(scope="session")
def claims_tables(nlp):
    """The fictional claims articles run through the whole kit: load, quote, attribute, tabulate."""
    import kit

    loaded = kit.load_articles(CLAIMS)
    statements = kit.extract_quotes(loaded.articles, nlp=nlp)
    registry = kit.load_registry([CLAIMS / "actors.yml"])
    statements = kit.attribute_statements(statements, loaded.articles, registry)
    return statements, loaded.articles
