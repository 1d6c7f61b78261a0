"""kit.echoes: the same quotation carried by several articles."""
from __future__ import annotations

import pandas as pd

from conftest import articles_frame, statements_frame
from kit import echoes
from kit.table import who_said_what


def test_echoes_cluster_the_same_quote_across_articles():
    said = "We will not accept any deal that is decided over our heads, not now and not ever"
    rows = [
        {"article_id": "late", "said_on": "2031-05-03", "camp": "Ukraine", "speaker": "Ivanka Test",
         "quote": said.upper().replace("deal", "Deal")},
        {"article_id": "first", "said_on": "2031-05-01", "camp": "Ukraine", "speaker": "Ivanka Test",
         "quote": f"“{said},”"},
        {"article_id": "middle", "said_on": "2031-05-02", "camp": "Ukraine", "speaker": "Ivanka Test",
         "quote": said.replace("decided", "made")},
        {"article_id": "middle", "said_on": "2031-05-02", "camp": "Kremlin", "speaker": "Boris Test",
         "quote": "The weather will decide the timing of any offensive in the spring"},
        {"article_id": "solo", "said_on": "2031-05-02", "camp": "Kremlin", "speaker": "Boris Test",
         "quote": "Repeated twice in one article only, and nowhere else at all"},
        {"article_id": "solo", "said_on": "2031-05-02", "camp": "Kremlin", "speaker": "Boris Test",
         "quote": "Repeated twice in one article only, and nowhere else at all"},
    ]
    arts = articles_frame({"first": "2031-05-01", "middle": "2031-05-02", "late": "2031-05-04", "solo": "2031-05-02"})
    table = who_said_what(statements_frame(rows), arts)
    assert echoes.echo_clusters(table).empty, "one site repeating a line in its own texts is not an echo"
    table["url"] = [f"https://{a}.example/story" for a in table["article_id"]]
    clusters = echoes.echo_clusters(table)
    assert clusters["echo_id"].nunique() == 1 and len(clusters) == 3
    out = echoes.echoes(table, clusters)
    assert len(out) == 1
    echo = out.iloc[0]
    assert echo["articles"] == 3 and echo["first_article_id"] == "first"
    assert echo["first_url"] == "https://first.example/story" and echo["outlets"] == 3
    assert echo["repeated_in"] == "middle; late"
    marked = echoes.add_echoes(table, clusters)
    assert marked.loc[marked["article_id"] == "solo", "echo_id"].eq("").all()
    assert marked.loc[marked["article_id"] == "late", "echo_articles"].item() == 3


def echo_table(rows: list[dict]):
    """who_said_what from fictional rows; each row names its article, published on its date said, on a
    site of its own unless the row gives its ``url``."""
    arts = articles_frame({r["article_id"]: r["said_on"] for r in rows})
    table = who_said_what(statements_frame(rows), arts)
    urls = {r["article_id"]: r["url"] for r in rows if "url" in r}
    table["url"] = [urls.get(a, f"https://{a}.example/story") for a in table["article_id"]]
    return table


OPENING = "Good afternoon, everyone. I am here in Testville because the harbour matters to all of us"
BODIES = [
    "Our fishermen lost their boats in the winter storms, and the fund we open today will replace every one of "
    "them. The ministry will publish the list of owners next month, and inspectors will visit each village.",
    "Teachers in the northern valleys have waited three years for new schools. Builders start in April, the "
    "budget is signed, and the first classrooms open their doors before the autumn term begins.",
    "The railway to the coast carried half a million tonnes of grain last season. We double that with new "
    "wagons, a second track near Oldbridge and longer opening hours at the customs post.",
]


def test_a_line_inside_long_turns_is_no_echo_but_a_large_part_of_a_quote_is():
    rows = [{"article_id": f"speech{i}", "said_on": f"2031-05-0{i + 1}", "camp": "Europe / NATO", "kind": "turn",
             "speaker": "Mara Testvik", "quote": f"{OPENING}. {body} {body.upper()}"} for i, body in enumerate(BODIES)]
    rows.append({"article_id": "news", "said_on": "2031-05-05", "camp": "Europe / NATO", "speaker": "Mara Testvik",
                 "quote": OPENING})
    table = echo_table(rows)
    assert echoes.echo_clusters(table).empty, "an opening line shared by long speeches is not a repeated quotation"
    # The same opening inside ordinary quotes of about its length is the same quotation.
    short = [dict(r, kind="direct", quote=OPENING + ", she added with a smile") if r.get("kind") == "turn" else r
             for r in rows]
    assert echoes.echo_clusters(echo_table(short))["echo_id"].nunique() == 1


def test_every_member_matches_the_first_quotation_not_a_chain_of_look_alikes():
    a = "the harbour of testville will reopen to grain ships on the first day of june this year"
    b = a + " and then the ferries from the north will follow them"
    c = "the ferries from the north will follow them and the harbour of testville will reopen to grain ships"
    table = echo_table([{"article_id": "a", "said_on": "2031-05-01", "camp": "Ukraine", "quote": a},
                        {"article_id": "b", "said_on": "2031-05-02", "camp": "Ukraine", "quote": b},
                        {"article_id": "c", "said_on": "2031-05-03", "camp": "Ukraine", "quote": c}])
    assert echoes.same_quotation(echoes.normalise_quote(a), echoes.normalise_quote(b))
    assert not echoes.same_quotation(echoes.normalise_quote(a), echoes.normalise_quote(c))
    clusters = echoes.echo_clusters(table)
    assert set(clusters["quote_id"].str[0]) == {"a", "b"}, "c resembles b, not a: it does not join a's cluster"


def test_procedural_lines_questions_and_chants_never_echo_and_outlets_are_sites():
    rows = []
    for i, site in enumerate(["https://gov.example/briefing/1", "https://gov.example/briefing/2",
                              "https://wire.example/story"]):
        day = f"2031-06-0{i + 1}"
        rows += [
            {"article_id": f"t{i}", "said_on": day, "camp": "Other", "kind": "turn", "speaker": "Moderator",
             "quote": "Thank you so much. Our next question will go to Lena with the Test Wire.", "url": site},
            {"article_id": f"t{i}", "said_on": day, "camp": "Press", "kind": "turn", "speaker": "Q",
             "quote": "Can you tell us whether the harbour of Testville will reopen to grain ships in June?", "url": site},
            {"article_id": f"t{i}", "said_on": day, "camp": "Other", "kind": "turn", "speaker": "Audience Members",
             "quote": "Open the port! Open the port! Open the port! Open the port!", "url": site},
            {"article_id": f"t{i}", "said_on": day, "camp": "Ukraine", "kind": "turn", "speaker": "my dad",
             "actor": "Mara Testvik" if i == 2 else "",
             "quote": "The harbour of Testville will reopen to grain ships on the first of June.", "url": site},
        ]
    table = echo_table(rows)
    out = echoes.echoes(table)
    assert len(out) == 1 and "harbour" in out.iloc[0]["quote"]
    echo = out.iloc[0]
    assert echo["articles"] == 3 and echo["outlets"] == 2, "two pages of one site are one outlet"
    one_site = echo_table([dict(r, url="https://gov.example/briefing") for r in rows])
    assert echoes.echoes(one_site).empty, "a line one site repeats in its own texts is its messaging, not an echo"
    assert echo["speaker"] == "Mara Testvik", "the speaker is credited as resolved, never as 'my dad'"


def test_words_are_numbered_alike_by_arrow_and_by_python():
    """Arrow numbers the words of one-space keys; a key with other whitespace (a no-break space, a
    double space) or an empty key goes to Python's ``str.split``: the same ids either way (fictional keys)."""
    import itertools

    import numpy as np

    from kit.echoes import _arrow_word_ids, _word_ids

    def by_python(keys):
        split = [k.split() for k in keys]
        ids, vocab = pd.factorize(np.array(list(itertools.chain.from_iterable(split)), dtype=object))
        return ids.tolist(), np.repeat(np.arange(len(keys)), [len(s) for s in split]).tolist(), len(vocab)

    plain = ["the fictional minister said the talks go on", "talks go on said the minister", "éclair über naïve"]
    assert _arrow_word_ids(plain) is not None
    for keys in (plain, plain + ["a\u00a0b c"], plain + ["two  spaces"], plain + [""], [" lead", "trail "]):
        ids, owner, n = _word_ids(keys)
        assert (ids.tolist(), owner.tolist(), n) == by_python(keys), keys
