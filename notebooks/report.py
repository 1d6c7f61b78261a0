# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
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
start_date = ""
end_date = ""
period = "week"
spacy_model = ""
actors_files = []

# %%
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

import kit
from kit.report import StageLog

out = Path(output_dir)
log = StageLog(out)
pd.set_option("display.max_colwidth", 120)

# %% [markdown]
# ## Loading the articles

# %%
with log.stage("load"):
    loaded = kit.load_articles(input_paths)
articles = loaded.articles
if start_date:
    articles = articles[articles["published"] >= pd.Timestamp(start_date, tz="UTC")]
if end_date:
    articles = articles[articles["published"] < pd.Timestamp(end_date, tz="UTC") + pd.Timedelta(days=1)]
log.count("load", articles=len(articles), inputs=len(loaded.inputs))
display(Markdown(f"**{len(articles)} articles** loaded from {len(loaded.inputs)} inputs."))

# %%
with log.stage("quotes"):
    statements = kit.extract_quotes(articles, nlp=kit.load_pipeline(spacy_model or None))
log.count("quotes", statements=len(statements))

# %%
with log.stage("attribute"):
    registry = kit.load_registry(actors_files)
    statements = kit.attribute_statements(statements, articles, registry)

# %%
with log.stage("tables"):
    table = kit.who_said_what(statements, articles)
    counts = kit.by_camp_and_period(table, period)
    kit.write_table(table, out / "tables", "who_said_what", formats=("csv", "parquet"))
    kit.write_table(counts, out / "tables", f"by_camp_and_{period}", formats=("csv", "parquet"))
    kit.write_table(loaded.inputs, out / "tables", "inputs", formats=("csv",))
log.count("tables", rows=len(table))

# %% [markdown]
# ## Findings

# %%
dated = table.dropna(subset=["said_on"])
span = f"{dated['said_on'].min():%d %B %Y} to {dated['said_on'].max():%d %B %Y}" if len(dated) else "no dated statements"
by_camp = table["camp"].value_counts()
display(Markdown(
    f"# {title}\n\n"
    f"- **{len(table)} statements** in {len(articles)} articles, {span}.\n"
    + "".join(f"- {camp}: {n} statements\n" for camp, n in by_camp.items())
))

# %% [markdown]
# ## Messaging over time

# %%
with log.stage("charts"):
    fig = kit.messaging_timeline(counts, registry.camp_colours(), source=f"{len(articles)} articles")
    kit.save_figure(fig, out / "charts", "messaging_timeline")
fig

# %% [markdown]
# ## Who said what, and when

# %%
table[["said_on", "speaker", "camp", "kind", "quote", "venue", "title"]]

# %% [markdown]
# ## Every input accounted for

# %%
loaded.inputs.groupby("status").size().rename("files").to_frame()

# %%
loaded.inputs[loaded.inputs["status"] != "loaded"]
