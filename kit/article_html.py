"""Text from HTML: a saved web page's main text and metadata (trafilatura), and the visible text of a fragment.

Non-breaking and other special spaces and curly quotes are kept as written, so quote offsets and exact
quotations hold.
"""
from __future__ import annotations

import re
from typing import Iterable

from .article_files import SkipFile


def page_fields(html: str) -> tuple[dict, list[str]]:
    """``(fields, notes)`` of a saved web page: trafilatura's main text, title, date, site name, url and author.

    When trafilatura finds no main text, all visible text is used (with a note); a page with none
    raises SkipFile.
    """
    import trafilatura
    from lxml import etree

    html, restore = protect_special_spaces(html)
    xml = trafilatura.extract(
        html, output_format="xml", with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True, date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z",
                                                    "extensive_search": False, "original_date": True},
    )
    fields: dict = {}
    notes: list[str] = []
    body = ""
    if xml:
        doc = etree.fromstring(xml.encode("utf-8"))
        meta = {k: doc.get(k) for k in ("title", "date", "sitename", "url", "author")}
        fields = {"title": meta["title"], "published": meta["date"], "source": meta["sitename"],
                  "url": meta["url"], "author": meta["author"]}
        fields = {k: restore(v) for k, v in fields.items() if v}
        body = restore(xml_paragraphs(doc.find("main"), title=meta["title"] or ""))
    if not body.strip():
        body = restore(html_to_text(html, drop=PAGE_FURNITURE))
        if len(body) >= MIN_FALLBACK_CHARS:
            notes.append("trafilatura found no main text; all visible text was used")
        else:
            body = ""
    if not body.strip():
        raise SkipFile("no text in HTML")
    if "title" not in fields:
        title = restore(page_title(html))
        if title:
            fields["title"] = title
    fields["text"] = body
    return fields, notes


SPECIAL_SPACES = {"\u00a0": ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;"), "\u202f": ("&#8239;", "&#x202f;"), "\u2007": ("&#8199;",)}


def protect_special_spaces(html: str):
    """``(html, restore)``: non-breaking and other special spaces swapped for stand-in symbols.

    trafilatura folds every Unicode space into a plain one; quote offsets and exact text need them kept.
    """
    swaps = {}
    for n, (space, entities) in enumerate(SPECIAL_SPACES.items()):
        stand_in = chr(0x2420 + n)  # control-picture symbols: kept by trafilatura, absent from news text
        if stand_in in html:
            continue
        for form in (space, *entities):
            html = html.replace(form, stand_in)
        swaps[stand_in] = space

    def restore(value: str) -> str:
        for stand_in, space in swaps.items():
            value = value.replace(stand_in, space)
        return value
    return html, restore


def xml_paragraphs(main, title: str = "") -> str:
    """Paragraph texts of trafilatura's XML ``<main>``, separated by blank lines (a leading headline dropped)."""
    if main is None:
        return ""
    for lb in main.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    paragraphs = []
    for block in main:
        if block.tag == "list":
            items = ["".join(item.itertext()).strip() for item in block.iter("item")]
            paragraphs.extend(i for i in items if i)
        elif block.tag == "table":
            rows = [" | ".join("".join(c.itertext()).strip() for c in row) for row in block.iter("row")]
            paragraphs.append("\n".join(r for r in rows if r.strip(" |")))
        else:
            paragraphs.append("".join(block.itertext()).strip())
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


# Page parts that are never article text, and the least visible text worth calling an article.
PAGE_FURNITURE = ("nav", "header", "footer", "aside", "form", "button", "menu", "select")
MIN_FALLBACK_CHARS = 40
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
              "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "dl", "hr", "main"}


def html_to_text(html: str, drop: Iterable[str] = ()) -> str:
    """Visible text of an HTML fragment, one paragraph per block element, separated by blank lines.

    Scripts, styles and markup are dropped; non-breaking spaces and curly quotes are kept as they are.
    """
    import lxml.html
    from lxml import etree

    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fromstring(f"<div>{html}</div>") if not re.search(r"<html|<body", html, re.I) else lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("|".join(f"//{tag}" for tag in ("script", "style", "noscript", "template", "iframe", "head", *drop))):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in BLOCK_TAGS:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    paragraphs = []
    for block in re.split(r"\n[ \t\r\f\v]*\n", text):
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def page_title(html: str) -> str:
    """The text of the page's <title>, or ''."""
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return re.sub(r"\s+", " ", html_to_text(m.group(1))).strip() if m else ""
