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
# # 1. Load the articles: what is in the folder, and what was left out
#
# Before reading any quote, check the material: how many files loaded, which were duplicates
# or skipped and why, which outlets and months the articles come from, and where each
# publication date came from. Nothing here changes the input files.

# %% tags=["parameters"]
# Parameters (papermill -p NAME VALUE). Dates are ISO strings ("2025-03-01"); "" means no filter.
input_paths = ["../data/sample"]
start_date = ""
end_date = ""
# show_articles: how many article rows to list at the end
show_articles = 50

# %% [markdown]
# Inputs: the files and folders in `input_paths` (folders are searched recursively).
# Outputs: none; this notebook only reads.

# %%
import html

import pandas as pd
from IPython.display import Markdown, display

import kit

pd.set_option("display.max_colwidth", 100)

# %%
loaded = kit.load_articles(input_paths)
articles = kit.select_articles(loaded, start_date, end_date)
summary = loaded.summary()
display(Markdown(
    f"**{len(articles):,} articles** kept ({summary['loaded']:,} loaded, {summary['duplicate']:,} duplicates, "
    f"{summary['skipped']:,} skipped) from {len(loaded.inputs):,} inputs"
    + (f", published between {html.escape(start_date or 'the start')} and {html.escape(end_date or 'the end')}."
       if start_date or end_date else ".")
))

# %% [markdown]
# ## Every input accounted for
# One row per file (or record in a JSONL/CSV file): loaded, duplicate (of which article) or
# skipped (with the reason).

# %%
loaded.inputs.groupby("status").size().rename("inputs").to_frame()

# %%
loaded.inputs[loaded.inputs["status"] != "loaded"].head(100)

# %% [markdown]
# ## Where the articles come from, month by month

# %%
kit.table.articles_by_source_and_month(articles).pivot_table(
    index="month", columns="source", values="articles", fill_value=0)

# %% [markdown]
# ## Where the publication dates came from
# A date from the file's front matter or a `published` field is the outlet's own; one taken
# from the file name is a guess worth checking. Articles without a date cannot be placed on
# the timelines.

# %%
articles["published_from"].replace("", "(no date)").value_counts().rename("articles").to_frame()

# %% [markdown]
# ## The articles

# %%
articles[["published", "source", "title", "url", "path"]].sort_values("published", kind="stable").head(int(show_articles))
