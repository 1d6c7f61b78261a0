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
# # Who said what: explore the quotes
#
# Ask the questions the report did not: what did a spokesman say about a meeting in March, who
# first said a phrase, what else was in that article. Filter the browser below by camp, actor,
# theme, kind, dates and words; open a row to read the paragraph it came from. If the machine got
# a row wrong, mark it (wrong speaker / not a quote / wrong camp): the mark is saved to the
# corrections file, and the next report run applies it (`kit report ... -p corrections_file=FILE`).

# %% tags=["parameters"]
# Parameters (papermill -p NAME VALUE). Dates are ISO strings ("2025-03-01"); "" means no filter.
input_paths = ["../data/sample"]
actors_files = ["../data/sample-actors.yml"]
# start_date, end_date: only articles published on or between these days
start_date = ""
end_date = ""
# spacy_model: the spaCy pipeline ("" = KIT_SPACY_MODEL, else the kit's default)
spacy_model = ""
# n_process: processes that parse (0 = the usable cores, at most 4)
n_process = 0
# cache_dir: extraction cache folder shared with the report ("" = KIT_CACHE_DIR, else .cache/kit)
cache_dir = ""
# max_articles: 0 = every article; N = only the first N of each input file (a quick look at big files)
max_articles = 0
corrections_file = "corrections.csv"
camp = ""
actor = ""
theme = ""
kind = ""
# said_from, said_to: the browser's date filter, on the day a statement was said
said_from = ""
said_to = ""
text = ""
oldest_first = False
page_size = 20
# quote_id: the statement to show in context below ("" = the first one the browser shows)
quote_id = ""

# %% [markdown]
# Inputs: the article files in `input_paths`, the actor registry (`data/actors.yml` plus
# `actors_files`) and, if it exists, `corrections_file`. Output: `corrections_file`, written
# only when a reporter saves a correction; the articles are never changed.

# %%
import pandas as pd
from IPython.display import Markdown, display

import kit

pd.set_option("display.max_colwidth", 100)

# %%
loaded = kit.load_articles(input_paths)
articles = kit.select_articles(loaded, start_date, end_date)
if max_articles:
    articles = articles.groupby("path", sort=False).head(int(max_articles))
registry = kit.load_registry(actors_files)
# Articles parsed before (by this notebook or a report) come from the extraction cache (kit.cache).
# The browser shows the machine's rows; corrections are counted below and marked on each row.
statements = kit.pipeline.attributed_statements(articles, spacy_model=spacy_model, registry=registry,
                                                cache_dir=cache_dir, n_process=n_process)
# Themes from data/themes.yml, for the browser's theme filter.
statements = kit.themes.add_themes(statements, kit.tag_themes(statements))
display(Markdown(f"**{len(statements):,} statements** in {len(articles):,} articles."))

# %% [markdown]
# ## Corrections so far
# The browser shows every statement the machine found, with a ✎ note on those a reporter
# corrected; the counts below already apply the corrections.

# %%
corrections = kit.Corrections(corrections_file, inputs=input_paths)
corrected = (kit.apply_corrections(statements, corrections.path, registry)
             if corrections.path.exists() else statements)
applied = corrected.attrs.get("corrections", {}).get("applied", 0)
display(Markdown(
    f"{len(corrections)} correction(s) in `{corrections.path}`, {applied} applied.\n\n"
    + "".join(f"- {c}: {n} statements\n" for c, n in corrected["camp"].value_counts().items())
))

# %% [markdown]
# ## The browser

# %%
browser = kit.explore(statements, articles, page_size=page_size, corrections=corrections, registry=registry)
browser.set(camp=camp, actor=actor, theme=theme, kind=kind, start=said_from, end=said_to, text=text,
            sort="oldest" if oldest_first else "newest")
browser

# %% [markdown]
# The same rows as a table (`browser.filtered` is every row the filters let through):

# %%
browser.filtered[["said_on", "speaker", "camp", "kind", "quote", "venue", "title"]].head(page_size)

# %% [markdown]
# ## One statement in context

# %%
chosen = quote_id or (browser.filtered["quote_id"].iloc[0] if len(browser.filtered) else "")
kit.context(chosen) if chosen else Markdown("No statement matches the filters.")

# %% [markdown]
# ## The whole article, every statement coloured by camp

# %%
if chosen:
    article_id = browser.frame.loc[browser.frame["quote_id"] == chosen, "article_id"].iloc[0]
    display(kit.show_article(article_id))
