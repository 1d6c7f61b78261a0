"""Who speaks in the White House's own documents (issue 14): the name a proclamation's "I" gives
itself, a speech printed below a line that introduces it, and rows that are no statement at all.
Short fictional passages, and the shared corpus read at test time (skipped where it is absent)."""
from __future__ import annotations

import pandas as pd

from kit.quotes import extract_quotes
from kit.speakers import attribute_statements, load_registry


def rows(nlp, text: str, title: str = "", published: str = "2025-06-02T12:00Z") -> pd.DataFrame:
    articles = pd.DataFrame([{"article_id": "a1", "text": text, "title": title, "source": "whitehouse.gov",
                              "url": "https://www.whitehouse.gov/x", "published": pd.Timestamp(published)}])
    return attribute_statements(extract_quotes(articles, nlp), articles, load_registry())


def test_a_speech_below_a_line_that_introduces_it_is_the_named_speakers(nlp):
    text = ("Ambassador Nora Kettle opened the harbour conference on Monday with a message of calm. "
            "The conference drew delegates from forty ports.\n\n"
            "Below are the full remarks by Ambassador Nora Kettle, as prepared for delivery:\n\n"
            "Thank you all for coming.\n\n"
            "I believe our harbours will be safer next year than they have ever been.\n\n"
            "I invite each of you to join the new port safety council.\n")
    out = rows(nlp, text, "Ambassador Kettle Opens the Harbour Conference")
    first = out[out["speaker_mention"] == "I"]
    assert len(first) == 2 and set(first["speaker"]) == {"Nora Kettle"}
