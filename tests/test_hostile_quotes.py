"""Hostile input to the quote engine (issue #19, items 10 and 22): a paragraph too long for spaCy,
long runs of marks, articles the engine would take too long on. Every person here is fictional.

Time and memory growth are measured in benchmarks/hostile_scale.py, never asserted here."""
from __future__ import annotations

import random
import time

import pandas as pd
import pytest
from typer.testing import CliRunner

import kit.quotes
import kit.quotes_plan
from kit.quotes_marks import paragraphs
from kit.cli import app
from kit.quotes import MAX_MARK_RUN, extract_quotes
from kit.spans import Spans

QUOTE = "“The tram will run all night from March,” Mayor Anna Berg said."


def articles(**texts: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})


def long_line(chars: int) -> str:
    """One line of prose of about ``chars`` characters that ends with a quotation."""
    sentence = "The old bridge over the river needs new paint before the winter. "
    return sentence * (chars // len(sentence)) + QUOTE


def test_a_paragraph_longer_than_the_pipeline_reads_is_read_in_parts_and_named(nlp, monkeypatch):
    """spaCy refuses a text over nlp.max_length (E088): a one-line article of 2 MB failed the whole
    run. Here the limit is lowered so that a 12,000-character line is such a paragraph."""
    monkeypatch.setattr(nlp, "max_length", 5_000)
    text = long_line(12_000)
    with pytest.warns(kit.quotes.ExtractionWarning, match="article one-line: a paragraph of 12,"):
        found = extract_quotes(articles(**{"one-line": text, "short": QUOTE}), nlp, n_process=1)
    assert found.groupby("article_id").size().to_dict() == {"one-line": 1, "short": 1}
    row = found[found.article_id == "one-line"].iloc[0]
    assert text[row.quote_start:row.quote_end] == row.quote and row.speaker == "Anna Berg"
    assert found.attrs["notes"] == [f"article one-line: a paragraph of {len(text):,} characters (at offset 0) was "
                                    "read in 3 parts of at most 5,000 characters, cut at sentence ends"]


def test_kit_quotes_names_the_article_read_in_parts_and_keeps_the_others(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(nlp, "max_length", 5_000)
    monkeypatch.setenv("KIT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "2025-02-12-long.txt").write_text(long_line(12_000) + "\n", encoding="utf-8")
    (tmp_path / "in" / "2025-02-12-short.txt").write_text(f"Trams\n\n{QUOTE}\n", encoding="utf-8")
    out = tmp_path / "quotes.jsonl"
    result = CliRunner().invoke(app, ["quotes", str(tmp_path / "in"), "--processes", "1", "--no-attribute",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2025-02-12-long.txt): a paragraph of 12,023 characters (at offset 0) was read in 3 parts" in result.stderr
    assert len(pd.read_json(out, lines=True)) == 2


def test_runs_of_marks_reach_the_tokenizer_capped_with_offsets_kept(nlp):
    """spaCy's tokenizer takes time in the square of a run of marks without a space (16,000 "="
    took 77 s): the engine hands it such runs with their middle blanked, one space per character."""
    seen = []

    class Recording:
        """The pipeline, recording each text it is given."""

        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def pipe(self, texts, **options):
            def record(texts):
                for t in texts:
                    seen.append(t)
                    yield t
            return self.inner.pipe(record(texts), **options)

    runs = [mark * 3_000 for mark in ('"', "“", "=", "*")] + ["“”" * 2_000]
    text = "\n\n".join([f"Berg wrote {run} in the minutes." for run in runs] + [QUOTE])
    found = extract_quotes(articles(runs=text), Recording(nlp), n_process=1)
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert len(seen) == len(paras)
    for given, para in zip(seen, paras):  # the same length, and only spaces put in
        assert len(given) == len(para) and all(a == b or a == " " for a, b in zip(given, para))
        assert max(len(word) for word in given.split()) <= MAX_MARK_RUN
    row = found[found.quote.str.startswith("The tram")].iloc[0]
    assert text[row.quote_start:row.quote_end] == row.quote and row.speaker == "Anna Berg"


def test_an_article_over_its_time_budget_is_skipped_with_a_note_and_the_others_kept(nlp, monkeypatch):
    """A clock that moves one second each time the engine looks at it: the short article takes a
    few "seconds", the one of 300 paragraphs many more than its budget of 60."""
    ticks = iter(range(10**9))
    monkeypatch.setattr(kit.quotes_plan, "_clock", lambda: float(next(ticks)))
    long = "\n\n".join(f"“Line {i} opens in spring,” Berg said." for i in range(300))
    with pytest.warns(kit.quotes.ExtractionWarning, match="article long: skipped"):
        found = extract_quotes(articles(short=QUOTE, long=long, after=QUOTE), nlp, n_process=1, article_seconds=60)
    assert found.article_id.tolist() == ["short", "after"]
    assert found.attrs["skipped"] == ["long"]
    assert found.attrs["notes"] == ["article long: skipped: the quote engine took longer than its budget of 60 "
                                    "seconds for this article (article_seconds); no statements were kept from it"]
    unlimited = extract_quotes(articles(long=long), nlp, n_process=1, article_seconds=0)
    assert len(unlimited) == 300 and not unlimited.attrs["notes"]


def test_a_skipped_article_is_not_cached_so_the_next_run_tries_it_again(nlp, monkeypatch, tmp_path):
    from kit.cache import cached_statements

    long = "\n\n".join(f"“Line {i} opens in spring,” Berg said." for i in range(50))
    texts = articles(short=QUOTE, long=long)
    ticks = iter(range(10**9))
    monkeypatch.setattr(kit.quotes_plan, "_clock", lambda: float(next(ticks)))
    slow = lambda part, nlp=None: extract_quotes(part, nlp, n_process=1, article_seconds=30)  # noqa: E731
    with pytest.warns(kit.quotes.ExtractionWarning):
        first = cached_statements(texts, extract=slow, nlp=nlp, cache_dir=tmp_path)
    assert first.attrs["skipped"] == ["long"] and first.attrs["cache"]["parsed"] == 2
    monkeypatch.setattr(kit.quotes_plan, "_clock", time.perf_counter)
    again = cached_statements(texts, nlp=nlp, cache_dir=tmp_path)
    assert again.attrs["cache"] == {"articles": 2, "parsed": 1, "reused": 1, "rejected": 0}
    assert again.article_id.value_counts().to_dict() == {"long": 50, "short": 1}


@pytest.mark.parametrize("seed", range(5))
def test_span_lookups_match_a_scan_of_every_span(seed):
    """The sorted index that replaced the engine's scans of every span for every paragraph."""
    rnd = random.Random(seed)
    spans = [(a, a + rnd.choice([0, 1, 3, 10, 50])) for a in (rnd.randrange(200) for _ in range(60))]
    index = Spans(spans)
    for start in range(-2, 210, 3):
        for end in (start, start + 1, start + 7, start + 40):
            assert index.overlapping(start, end) == sorted((a, b) for a, b in spans if a < end and start < b)
            assert index.overlapping_positions(start, end) == [i for i, (a, b) in enumerate(spans) if a < end and start < b]
            assert index.covering(start, end) == any(a <= start and end <= b for a, b in spans)
        assert index.holding(start) == any(a <= start < b for a, b in spans)
