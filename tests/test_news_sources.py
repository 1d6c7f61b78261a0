"""Who a news text's sources are: documents named with their author ("according to a press release
from the Harbour Trust."). The articles are FICTIONAL, made up for these tests.
"""
from __future__ import annotations

import pandas as pd

from kit.quotes import extract_quotes


def run(nlp, text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["t"], "text": [text]}), nlp)


def test_a_documents_author_ends_at_the_full_stop_of_its_sentence(nlp):
    """"a press release from Harbour Watch. The group ...": the author is Harbour Watch, not
    "Harbour Watch. The"; initials ("the U.S. Coast Guard") stay whole."""
    text = ("The ferry will be sold, according to a press release from Harbour Watch. The group has "
            "fought the sale for years. The pier is unsafe, according to a report by the U.S. Coast Guard.")
    found = run(nlp, text)
    assert list(found["speaker"]) == ["Harbour Watch", "the U.S. Coast Guard"]
