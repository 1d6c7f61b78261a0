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

# %% [markdown]
# # 3. Messaging: who pushed which theme, when, and who answered whom
#
# The charts of the report, with the knobs a reporter turns while looking for a story: a
# narrower date range, another period, a wider window for counter-claims, key dates on the
# timeline, and one theme to follow in detail. Charts are saved as PNG and SVG into
# `output_dir/charts`, ready for a graphics desk.

# %% tags=["parameters"]
# Parameters (papermill -p NAME VALUE). Dates are ISO strings ("2025-03-01"); "" means no filter.
input_paths = ["../data/sample"]
actors_files = ["../data/sample-actors.yml"]
# spacy_model: the spaCy pipeline ("" = KIT_SPACY_MODEL, else the kit's default)
spacy_model = ""
# n_process: processes that parse (0 = the usable cores, at most 4)
n_process = 0
# cache_dir: extraction cache folder shared with the report ("" = KIT_CACHE_DIR, else .cache/kit)
cache_dir = ""
# start_date, end_date: only articles published on or between these days
start_date = ""
end_date = ""
period = "week"
# key_dates: "YYYY-MM-DD label" entries separated by ";", drawn on the timeline
key_dates = ""
counter_claim_days = 7
# theme: a theme id from data/themes.yml to follow ("" = the most discussed one)
theme = ""
output_dir = "messaging"

# %% [markdown]
# Inputs: the article files in `input_paths` and the actor registry (`data/actors.yml` plus
# `actors_files`). Outputs: `output_dir/charts/*.png|svg` and `output_dir/tables/*.csv`.

# %%
import html
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

import kit

out = Path(output_dir)
pd.set_option("display.max_colwidth", 100)

# %%
loaded = kit.load_articles(input_paths)
articles = kit.select_articles(loaded, start_date, end_date)
registry = kit.load_registry(actors_files)
# Articles parsed before (by a report or another notebook) come from the extraction cache.
statements = kit.pipeline.attributed_statements(articles, spacy_model=spacy_model, registry=registry,
                                                cache_dir=cache_dir, n_process=n_process)
tables = kit.build_tables(statements, articles, period=period, claim_days=int(counter_claim_days))
tables.write(out / "tables", ("csv",))
figures = kit.report_charts(tables, registry.camp_colours(), source=kit.charts.source_line(articles),
                            key_dates=key_dates, folder=out / "charts")
display(Markdown(f"**{len(tables.who_said_what):,} statements** in {len(articles):,} articles; "
                 f"charts in `{html.escape(str(out / 'charts'))}`."))

# %% [markdown]
# ## Statements per camp over time

# %%
kit.charts.show(figures["messaging_timeline"])

# %% [markdown]
# ## Which themes each camp raised

# %%
kit.charts.show(figures["theme_heatmap"])

# %%
kit.charts.show(figures["themes_over_time"])

# %% [markdown]
# ## One theme in detail
# Every statement on the theme, by date; set `theme` to follow another one (ids are in
# `data/themes.yml`).

# %%
label, on_theme = kit.themes.statements_on_theme(tables, theme)
display(Markdown(f"### {html.escape(label)}: {len(on_theme):,} statements"))
on_theme[["said_on", "camp", "speaker", "quote", "title"]].head(100)

# %% [markdown]
# ## Claims and counter-claims
# Pairs of statements on a shared theme from opposing camps at most `counter_claim_days`
# apart, ranked by closeness in time (0.35), in wording (0.45, TF-IDF cosine) and by whether
# exactly one of the two denies (0.20). See the report notebook for the full explanation.

# %%
kit.charts.show(figures["claims_and_counterclaims"])

# %%
tables.claims.head(20)[["rank", "score", "days_apart", "themes", "claim_camp", "claim_quote",
                        "counter_camp", "counter_quote"]]

# %% [markdown]
# ## Quotes that echoed

# %%
kit.charts.show(figures["quote_timeline"])

# %%
tables.echoes.head(20)[["articles", "quote", "speaker", "camp", "first_published", "first_title"]]

# %% [markdown]
# ## Who was quoted most

# %%
kit.charts.show(figures["top_speakers"])
