"""kit.echoes: the same quotation carried by several articles."""
from __future__ import annotations

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
    clusters = echoes.echo_clusters(table)
    assert clusters["echo_id"].nunique() == 1 and len(clusters) == 3
    out = echoes.echoes(table, clusters)
    assert len(out) == 1
    echo = out.iloc[0]
    assert echo["articles"] == 3 and echo["first_article_id"] == "first"
    assert echo["first_url"] == "https://example.org/first"
    assert echo["repeated_in"] == "middle; late"
    marked = echoes.add_echoes(table, clusters)
    assert marked.loc[marked["article_id"] == "solo", "echo_id"].eq("").all()
    assert marked.loc[marked["article_id"] == "late", "echo_articles"].item() == 3
