# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: newsroom-kit
#     language: python
#     name: newsroom-kit
# ---

# %% tags=["parameters"]
# Parameters: the whole interface of this report. `kit report` sets them; dates are ISO strings.
# input_paths: files and folders of articles (kit report: its arguments)
input_paths = ["../data/sample"]
# output_dir: the run folder (kit report makes a new one for every run)
output_dir = "."
# title: the report's title, on the page and in its folder name (kit report: --title)
title = "Who said what"
# start_date: only articles published on or after this day ("" = no limit)
start_date = ""
# end_date: only articles published on or before this day ("" = no limit)
end_date = ""
# period: day, week or month, for the counts over time
period = "week"
# spacy_model: the spaCy pipeline ("" = KIT_SPACY_MODEL, else the kit's default)
spacy_model = ""
# n_process: processes that parse (0 = the usable cores, at most 4); the rows do not depend on it
n_process = 0
# article_seconds: skip, with a note in the manifest, an article on which the quote engine's own work (not the parse) takes longer (0 = no limit)
article_seconds = 300.0
# actors_files: actor registry files merged with data/actors.yml (kit report: --actors)
actors_files = []
# key_dates: dates to mark on the messaging timeline, "YYYY-MM-DD label" entries separated by ";"
key_dates = ""
# counter_claim_days: how many days apart a claim and its counter-claim may be
counter_claim_days = 7
# per_100_texts: draw the messaging timeline as statements per 100 texts published in each period
per_100_texts = False
# page_rows: how many rows of the who-said-what table the page holds (all of them are in tables/)
page_rows = 5000
# excel: also write every table as an Excel workbook (.xlsx)
excel = False
# cache_dir: extraction cache folder (empty: KIT_CACHE_DIR, else .cache/kit)
cache_dir = ""
# previous_run: an earlier run folder to compare with (kit report sets it from latest.json)
previous_run = ""
# corrections_file: reporters' corrections (kit.corrections) to apply; "" = none
corrections_file = ""

# %%
import gc
import json
import warnings
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown, display

import kit
import kit.cache
import kit.diff
import kit.findings
import kit.params
import kit.quotes
from kit.notebook import escape_md, escape_text
from kit.page import find_link, reader_table, statement_anchor
from kit.params import StageLog

# The objects the imports made live as long as the kernel: set aside from Python's cycle collector, whose
# passes would otherwise walk all of them again and again while the stages below make their rows.
gc.freeze()
out = Path(output_dir)
log = StageLog(out)
# Through papermill's command line a list arrives as text ('["data/mixed"]'): read it as the list it names.
input_paths = kit.params.coerce_parameter("input_paths", input_paths, [])
actors_files = kit.params.coerce_parameter("actors_files", actors_files, [])

# %%
# The first thing a reader sees is the findings summary; the work below prints nothing.
with log.stage("load"):
    # What each text alone gives (its hash, language, near-duplicate signature) is kept in the extraction cache.
    loaded = kit.load_articles(input_paths, cache_dir=kit.cache.resolve_cache_dir(cache_dir or None))
    # Every input with the sha256 of the bytes read: the manifest takes them from here.
    kit.write_table(loaded.inputs, out / "tables", "inputs", formats=("csv",))
if loaded.articles.empty:
    reasons = "; ".join(f"{r.path}: {r.reason}" for r in loaded.inputs.itertuples()) or "no input given"
    raise ValueError(f"no article could be loaded from input_paths {input_paths}: {reasons}")
articles = kit.select_articles(loaded, start_date, end_date)
log.count("load", articles=len(articles), inputs=len(loaded.inputs))

# %%
# Quotes, then actor, camp and date (kit.pipeline): only articles not seen before with this engine
# and pipeline are parsed, only changed ones re-attributed (kit.cache). Reporters' corrections
# (wrong speaker, not a quote, wrong camp) then override the machine; the manifest lists the file
# with its sha256 and how many corrections were applied.
# An article read in parts or skipped for time is noted in manifest.json (stages.quotes.notes), not on the page.
warnings.filterwarnings("ignore", category=kit.quotes.ExtractionWarning)
registry = kit.load_registry(actors_files)
statements = kit.pipeline.attributed_statements(articles, spacy_model=spacy_model, registry=registry,
                                                cache_dir=cache_dir, n_process=n_process,
                                                article_seconds=float(article_seconds),
                                                corrections_file=corrections_file, log=log, progress=log.progress)
if corrections_file:
    fixed = statements.attrs["corrections"]
    display(Markdown(f"{fixed['applied']} reporter correction(s) applied from `{Path(corrections_file).name}`"
                     + (f"; {len(fixed['unmatched'])} no longer match a statement." if fixed["unmatched"] else ".")))

# %%
# Every table is checked against its schema (kit.schemas.SCHEMAS) as it is written to tables/,
# and all of them go into tables/who_said_what.db (SQLite, full-text search; `datasette` opens it).
# What each statement adds to the tables is kept per article in the extraction cache: a re-run
# computes it only for new or changed articles.
with log.stage("tables"):
    tables = kit.build_tables(statements, articles, period=period, claim_days=int(counter_claim_days),
                              registry=registry, spacy_model=spacy_model,
                              cache_dir=kit.cache.resolve_cache_dir(cache_dir or None), log=log)
    table, counts = tables.who_said_what, tables.by_period
    formats = ("csv", "parquet", "xlsx") if kit.params.truthy(excel) else ("csv", "parquet")
    tables.write(out / "tables", formats, extra={"actors": kit.actors_table(statements)})
log.count("tables", rows=len(table), claims=len(tables.claims), echoes=len(tables.echoes),
          theme_tags=len(tables.theme_tags))

# %%
with log.stage("charts"):
    figures = kit.report_charts(tables, registry.camp_colours(), source=kit.charts.source_line(articles),
                                key_dates=key_dates, folder=out / "charts",
                                per_texts=kit.params.truthy(per_100_texts),
                                cache_dir=kit.cache.resolve_cache_dir(cache_dir or None))

# %%
with log.stage("findings"):
    facts = kit.findings.findings(tables)
    display(Markdown(kit.findings.findings_markdown(facts, title, period=period, escape=escape_md,
                                                    table_period=figures.timeline_period)))

# %% [markdown]
# ## Since the last run

# %%
# previous_run is the newest earlier successful run of this report (kit report sets it).
if previous_run and Path(previous_run).is_dir():
    with log.stage("diff"):
        changes = kit.diff.diff_runs(previous_run, out)
    changes.write(out / "tables" / "diff")
    log.count("diff", **changes.summary())
    display(Markdown(changes.to_markdown()))
    display(reader_table(changes.new_statements.head(20), {"said_on": "Said on", "speaker": "Speaker", "camp": "Camp",
                                                           "quote": "Quote", "title": "Source"},
                         empty="No new statements since the last run."))
else:
    display(Markdown("This is the first run of this report: nothing to compare with."))

# %% [markdown]
# ## Finding: Messaging over time
#
# How many statements each camp made per period, beside how many texts were published in it
# (`charts/messaging_timeline.csv` holds exactly what the chart draws; every count is in
# `tables/by_camp_and_<period>.csv`). A period in which no text was published is a gap in the
# line, not a zero. With `per_100_texts` the chart shows statements per 100 texts, and a period
# with fewer than 30 texts is an open mark. A dotted line marks each date in `key_dates`.

# %%
kit.charts.show(figures["messaging_timeline"])

# %%
timeline = figures.tables["messaging_timeline"]
display(reader_table(timeline, {"period": "Period", **{c: c for c in timeline.columns if c not in ("period", "texts")},
                                "texts": "Texts published"},
                     row_ids=lambda r: f"period-{r['period']:%Y%m%d}", table_id="messaging", scroll=True,
                     empty="No dated statement: there is nothing to count over time."))

# %% [markdown]
# ## Finding: Who was quoted most
#
# Statements per speaker within each camp (`tables/speakers_by_camp.csv`); the registry name when
# the speaker is in `data/actors.yml`, else the words the article used.

# %%
kit.charts.show(figures["top_speakers"])

# %%
display(reader_table(figures.tables["top_speakers"],
                     {"camp": "Camp", "speaker": "Speaker", "statements": "Statements",
                      "first_said_on": "First quoted", "last_said_on": "Last quoted"},
                     empty="No statement could be tied to a speaker."))

# %% [markdown]
# ## Finding: What each camp talked about
#
# Themes come from the lexicon in `data/themes.yml`, matched on lemmas ("talks", "talked" and
# "peace talks" all count for "talk"); a statement can carry several themes. Short fragments
# are matched with their sentence. A camp with fewer than 30 statements is hatched: its shares
# rest on few statements. Counts in `tables/themes_by_camp.csv`, the words that matched each
# statement in `tables/theme_tags.csv`.

# %%
kit.charts.show(figures["theme_heatmap"])

# %%
kit.charts.show(figures["themes_over_time"])

# %%
by_theme = tables.themes_by_camp.pivot_table(index="label", columns="camp", values="statements", fill_value=0,
                                             aggfunc="sum")
by_theme = by_theme[by_theme.sum(axis=1) > 0].reset_index().rename(columns={"label": "Theme"})
display(reader_table(by_theme, empty="No statement touched a theme of data/themes.yml."))

# %% [markdown]
# ## Finding: Claims and counter-claims
#
# A pair is two statements from opposing camps (`opposing_camps` in `data/themes.yml`) on the
# same subject at most `counter_claim_days` days apart, in which one side **denies or rejects**
# (the speech act of its cue: "denied", "dismissed", "rejected") or **negates its main verb**
# ("They haven't had any initial contact" against "he has spoken with Putin"), and the other
# **asserts** (a clause with its subject; not a guess, a wish, a belief, a promise or a fragment).
# Only statements **in their own side's words** are paired: a White House text quoting Putin, or a
# Kremlin readout of what Biden said, is one camp's account of the other and is left out. A
# statement is never paired with itself, with words from the same sentence, or with the same
# speaker. Pairs are ranked by a score between 0 and 1 (`tables/claims_and_counterclaims.csv`
# explains each part in its columns):
#
# - **0.30 × closeness in time**: 1 on the same day, falling to 0 past the window;
# - **0.40 × closeness in wording**: the cosine similarity of the two statements' TF-IDF vectors
#   (content-word lemmas, weighted up when rare in this set of statements; for a negation, what
#   it denies);
# - **0.30 × how plainly the counter-claim opposes the claim**: 1 for a denial or rejection, 0.7
#   for a negation of its main verb, raised when either names the other's side.
#
# A statement of more than 120 words (a briefing answer, an interview turn) is paired sentence by
# sentence: each table row gives the sentence, the statement's id and the sentence's characters in its
# article (`claim_start`, `claim_end`), and such a sentence must share two words with the other side's
# and one of the two must name the other's side. A quote repeated in several articles is paired once,
# a counter-claim appears in its best pair only, and a claim once per speaker who opposed it.
# Read the pairs as leads to check, not as proven contradictions.

# %%
kit.charts.show(figures["claims_and_counterclaims"])

# %%
display(reader_table(
    tables.claims.head(10),
    {"rank": "#", "themes": "Themes", "days_apart": "Days apart", "claim_said_on": "Claim: date",
     "claim_speaker": "Claim: speaker", "claim_camp": "Claim: camp", "claim_quote": "Claim", "claim_title": "Claim: source",
     "counter_said_on": "Counter: date", "counter_speaker": "Counter: speaker", "counter_camp": "Counter: camp",
     "counter_quote": "Counter-claim", "counter_title": "Counter: source",
     "claim_quote_id": "Claim: statement", "counter_quote_id": "Counter: statement"},
    links={"claim_title": "claim_url", "counter_title": "counter_url"}, row_ids=lambda r: f"claim-{r['rank']}",
    empty="No claim met a counter-claim from an opposing camp within the window."))

# %% [markdown]
# ## Finding: Quotes that echoed
#
# The same quotation of 8 words or more in articles from several outlets (web sites), found on
# normalised text (case, punctuation and quote marks ignored) with rapidfuzz; formulas of courtesy
# ("Thank you very much"), a briefing's procedure ("Our next question will go to …") and reporters'
# questions are left out (`data/courtesies.yml`), and a line inside a long speech does not echo it. Each has the first article it appeared in
# and every article that repeated it (`tables/echoes.csv`). The chart marks every statement, or
# past 400 statements the most quoted speakers week by week (`charts/quote_timeline.csv`).

# %%
kit.charts.show(figures["quote_timeline"])

# %%
display(reader_table(
    tables.echoes.head(10).assign(rank=range(1, min(len(tables.echoes), 10) + 1)),
    {"rank": "#", "outlets": "Outlets", "articles": "Articles", "quote": "Quote", "speaker": "Speaker",
     "camp": "Camp", "first_published": "First published", "first_title": "First in"},
    links={"first_title": "first_url"}, row_ids=lambda r: f"echo-{r['rank']}",
    empty="No quotation of 8 words or more ran in articles from more than one outlet."))

# %% [markdown]
# ## Every input accounted for

# %%
display(Markdown(f"**{len(articles):,} articles** loaded from {len(loaded.inputs):,} inputs."))
display(reader_table(loaded.inputs.groupby("status").size().rename("files").reset_index(),
                     {"status": "Status", "files": "Files"}))

# %%
display(reader_table(loaded.inputs[loaded.inputs["status"] != "loaded"],
                     {"path": "Path", "record": "Record", "status": "Status", "reason": "Reason"},
                     empty="Every input was loaded: none was skipped or a duplicate."))

# %% [markdown]
# ## Manifest
#
# `manifest.json` in the run folder records the parameters, the kit commit, the package versions
# and the spaCy pipeline; `kit report` completes it, when this notebook ends, with timings, the
# status and every input file with the size and sha256 of the bytes read (from `tables/inputs.csv`).

# %%
manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8")) if (out / "manifest.json").exists() else {}
facts_table = pd.DataFrame({"what": ["kit commit", "spaCy pipeline", "input files"] + list(manifest.get("packages", {})),
                            "value": [manifest.get("kit_commit", ""), manifest.get("spacy_pipeline", ""),
                                      str(loaded.inputs.loc[loaded.inputs["sha256"] != "", "path"].nunique())]
                            + list(manifest.get("packages", {}).values())})
display(reader_table(facts_table, {"what": "", "value": "Version"}))

# %% [markdown]
# ## Who said what, and when
#
# Every statement by date (the page holds the first `page_rows`); click a column to sort, type
# in the box to search (`speaker: Peskov` looks in one column). The whole table is in
# `tables/who_said_what.csv` and `.parquet`, and in `tables/who_said_what.db`, which
# `datasette tables/who_said_what.db` opens with full-text search.

# %%
with log.stage("page"):
    who = table.assign(speaker=kit.table.speaker_name(table).where(kit.table.speaker_name(table) != "(unattributed)", ""))
    who_table = reader_table(
        who, {"said_on": "Said on", "speaker": "Speaker", "camp": "Camp", "kind": "Kind", "act": "Act", "quote": "Quote",
              "venue": "Venue", "themes": "Themes", "title": "Source"},
        links={"title": "url"}, row_ids=lambda r: statement_anchor(r["quote_id"]), table_id="who-said-what",
        sortable=True, searchable=True, scroll=True, limit=int(page_rows),
        more='Every row: <a href="tables/who_said_what.csv">tables/who_said_what.csv</a> and '
             '<a href="tables/who_said_what.db">tables/who_said_what.db</a>.',
        empty="No statement was found in these articles.")
display(who_table)
