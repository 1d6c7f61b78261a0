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
input_paths = ["../data/sample"]
output_dir = "."
title = "Who said what"
# start_date, end_date: only articles published on or between these days ("" = no limit)
start_date = ""
end_date = ""
period = "week"
# spacy_model: the spaCy pipeline ("" = KIT_SPACY_MODEL, else the kit's default)
spacy_model = ""
# n_process: processes that parse (0 = the usable cores, at most 4); the rows do not depend on it
n_process = 0
actors_files = []
# key_dates: dates to mark on the messaging timeline, "YYYY-MM-DD label" entries separated by ";"
key_dates = ""
# counter_claim_days: how many days apart a claim and its counter-claim may be
counter_claim_days = 7
# excel: also write every table as an Excel workbook (.xlsx)
excel = False
# cache_dir: extraction cache folder (empty: KIT_CACHE_DIR, else .cache/kit)
cache_dir = ""
# previous_run: an earlier run folder to compare with (kit report sets it from latest.json)
previous_run = ""
# corrections_file: reporters' corrections (kit.corrections) to apply; "" = none
corrections_file = ""

# %%
import json
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

import kit
import kit.diff
import kit.findings
import kit.params
from kit.notebook import escape_md
from kit.params import StageLog

out = Path(output_dir)
log = StageLog(out)
pd.set_option("display.max_colwidth", 120)

# %%
# The first thing a reader sees is the findings summary; the work below prints nothing.
with log.stage("load"):
    loaded = kit.load_articles(input_paths)
    # Every input with the sha256 of the bytes read: the manifest takes them from here.
    kit.write_table(loaded.inputs, out / "tables", "inputs", formats=("csv",))
articles = kit.select_articles(loaded, start_date, end_date)
log.count("load", articles=len(articles), inputs=len(loaded.inputs))

# %%
# Quotes, then actor, camp and date (kit.pipeline): only articles not seen before with this engine
# and pipeline are parsed, only changed ones re-attributed (kit.cache). Reporters' corrections
# (wrong speaker, not a quote, wrong camp) then override the machine; the manifest lists the file
# with its sha256 and how many corrections were applied.
registry = kit.load_registry(actors_files)
statements = kit.pipeline.attributed_statements(articles, spacy_model=spacy_model, registry=registry,
                                                cache_dir=cache_dir, n_process=n_process,
                                                corrections_file=corrections_file, log=log)
if corrections_file:
    fixed = statements.attrs["corrections"]
    display(Markdown(f"{fixed['applied']} reporter correction(s) applied from `{Path(corrections_file).name}`"
                     + (f"; {len(fixed['unmatched'])} no longer match a statement." if fixed["unmatched"] else ".")))

# %%
# Every table is checked against its schema (kit.schemas.SCHEMAS) as it is written to tables/.
with log.stage("tables"):
    tables = kit.build_tables(statements, articles, period=period, claim_days=int(counter_claim_days))
    table, counts = tables.who_said_what, tables.by_period
    formats = ("csv", "parquet", "xlsx") if kit.params.truthy(excel) else ("csv", "parquet")
    tables.write(out / "tables", formats)
    kit.write_table(kit.actors_table(statements), out / "tables", "actors", formats)
log.count("tables", rows=len(table), claims=len(tables.claims), echoes=len(tables.echoes),
          theme_tags=len(tables.theme_tags))

# %%
with log.stage("charts"):
    figures = kit.report_charts(tables, registry.camp_colours(), source=kit.charts.source_line(articles),
                                key_dates=key_dates, folder=out / "charts")

# %%
facts = kit.findings.findings(tables)
display(Markdown(kit.findings.findings_markdown(facts, title, period=period, escape=escape_md)))

# %% [markdown]
# ## Since the last run

# %%
# previous_run is the newest earlier successful run of this report (kit report sets it).
if previous_run and Path(previous_run).is_dir():
    changes = kit.diff.diff_runs(previous_run, out)
    changes.write(out / "tables" / "diff")
    log.count("diff", **changes.summary())
    display(Markdown(changes.to_markdown()))
    display(changes.new_statements[["said_on", "speaker", "camp", "quote", "title"]].head(20))
else:
    display(Markdown("This is the first run of this report: nothing to compare with."))

# %% [markdown]
# ## Finding: Messaging over time
#
# How many statements each camp made per period (`tables/by_camp_and_<period>.csv`). A dotted
# line marks each key date given in the `key_dates` parameter.

# %%
kit.charts.show(figures["messaging_timeline"])

# %%
counts.pivot_table(index="period", columns="camp", values="statements", fill_value=0).tail(12)

# %% [markdown]
# ## Finding: Who was quoted most
#
# Statements per speaker within each camp (`tables/speakers_by_camp.csv`); the registry name when
# the speaker is in `data/actors.yml`, else the words the article used.

# %%
kit.charts.show(figures["top_speakers"])

# %%
tables.speakers.groupby("camp", sort=False).head(5).reset_index(drop=True)

# %% [markdown]
# ## Finding: What each camp talked about
#
# Themes come from the lexicon in `data/themes.yml`, matched on lemmas ("talks", "talked" and
# "peace talks" all count for "talk"); a statement can carry several themes. Short fragments
# are matched with their sentence. Counts in `tables/themes_by_camp.csv`, the words that
# matched each statement in `tables/theme_tags.csv`.

# %%
kit.charts.show(figures["theme_heatmap"])

# %%
kit.charts.show(figures["themes_over_time"])

# %%
tables.themes_by_camp.pivot_table(index="label", columns="camp", values="statements", fill_value=0)

# %% [markdown]
# ## Finding: Claims and counter-claims
#
# A pair is two statements on a shared theme from opposing camps (not the press, not
# unattributed speakers) at most `counter_claim_days` days apart. Pairs are ranked by a score
# between 0 and 1:
#
# - **0.35 × closeness in time**: 1 on the same day, falling to 0 past the window;
# - **0.45 × closeness in wording**: the cosine similarity of the two statements' TF-IDF vectors
#   (content-word lemmas, weighted up when rare in this set of statements), so two statements
#   that use the same unusual words ("initial contact", "rare earths") score high;
# - **0.20 when exactly one of the two negates or denies** ("no contact", "not true",
#   "fantasies"; the list is `negations` in `data/themes.yml`): the mark of a counter-claim.
#
# The earlier statement is the claim. A quote repeated in several articles is paired once.
# Read the pairs as leads to check, not as proven contradictions.

# %%
kit.charts.show(figures["claims_and_counterclaims"])

# %%
tables.claims.head(10)[["rank", "score", "days_apart", "themes", "claim_said_on", "claim_camp", "claim_speaker",
                        "claim_quote", "counter_said_on", "counter_camp", "counter_speaker", "counter_quote"]]

# %% [markdown]
# ## Finding: Quotes that echoed
#
# The same quotation in several articles, found on normalised text (case, punctuation and
# quote marks ignored) with rapidfuzz, each with the first article it appeared in and every
# article that repeated it (`tables/echoes.csv`).

# %%
kit.charts.show(figures["quote_timeline"])

# %%
tables.echoes.head(10)[["articles", "quote", "speaker", "camp", "first_published", "first_title", "repeated_in"]]

# %% [markdown]
# ## Who said what, and when
#
# The first 200 statements by date; every statement is in `tables/who_said_what.csv`
# (and `.parquet`).

# %%
table[["said_on", "speaker", "camp", "kind", "quote", "venue", "themes", "title"]].head(200)

# %% [markdown]
# ## Every input accounted for

# %%
display(Markdown(f"**{len(articles):,} articles** loaded from {len(loaded.inputs):,} inputs."))
loaded.inputs.groupby("status").size().rename("files").to_frame()

# %%
loaded.inputs[loaded.inputs["status"] != "loaded"]

# %% [markdown]
# ## Manifest
#
# `manifest.json` in the run folder records the parameters, the kit commit, the package versions
# and the spaCy pipeline; `kit report` completes it, when this notebook ends, with timings, the
# status and every input file with the size and sha256 of the bytes read (from `tables/inputs.csv`).

# %%
manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8")) if (out / "manifest.json").exists() else {}
pd.Series({"kit commit": manifest.get("kit_commit", ""), "spaCy pipeline": manifest.get("spacy_pipeline", ""),
           "input files": loaded.inputs.loc[loaded.inputs["sha256"] != "", "path"].nunique(),
           **manifest.get("packages", {})}, name="value").to_frame()
