"""kit.notebook: the HTML a reader opens shows article text and runs nothing."""
from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest

from conftest import REPO
from kit import notebook


def test_exported_html_shows_hostile_outputs_as_text(tmp_path):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={
            "text/markdown": "# <script>window.__pwned=1</script> [click](javascript:alert(1)) "
                             "<img src=x onerror=\"window.__pwned=2\"> &lt;b&gt;",
            "text/plain": "md"}),
        nbformat.v4.new_output("display_data", data={
            "text/html": "<table><tr><td><a href=\"javascript:alert(1)\">x</a>"
                         "<svg onload=alert(1)></svg><iframe src=\"https://example.org\"></iframe></td></tr></table>",
            "text/plain": "html"}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "window.__pwned=3",
                                                     "text/plain": "js"}),
    ]
    nb.cells = [cell]
    src = tmp_path / "nb.ipynb"
    nbformat.write(nb, src)
    out = tmp_path / "out.html"
    notebook.export_html(src, out)
    body = out.read_text(encoding="utf-8")
    assert "window.__pwned" in body, "the hostile text is still shown, as text"
    assert "<script>window.__pwned" not in body and "&lt;script&gt;window.__pwned" in body
    assert "javascript:alert" not in body.replace("(javascript:alert(1))", "")
    assert 'href="javascript' not in body and "<img src=\"x\" onerror" not in body and "onerror=" not in body.replace(
        "onerror=&quot;", "")
    assert "<svg onload" not in body and "<iframe" not in body
    assert "window.__pwned=3" not in body, "JavaScript outputs are dropped"


def test_escape_md_keeps_markup_and_links_as_text():
    text = notebook.escape_md("<script>x</script> [a](javascript:alert(1)) *b* # c & d")
    from nbconvert.filters.markdown import markdown2html

    html = markdown2html(text)
    assert "<script>" not in html and "<a " not in html and "<em>" not in html
    assert "&lt;script&gt;" in html and "&amp; d" in html


def test_a_widget_is_exported_as_its_snapshot_sanitized_like_every_output(tmp_path):
    snapshot = ('<details class="kit-row" data-quote-id="a:1-2" style="border-top:1px solid #ddd">'
                '<summary style="cursor:pointer">Voss <span class="kit-camp" style="background:#D55E00">Kremlin</span>'
                '</summary><mark class="kit-quote" style="background:#fff3b0">words</mark>'
                '<a href="https://example.org/a" target="_blank" rel="noopener">link</a></details>'
                '<span style="background:url(https://tracker.example/p.gif)">t</span><script>window.__pwned=1</script>')
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("browser")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "text/html": snapshot, "text/plain": "VBox(children=...)"})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    src = tmp_path / "explore.ipynb"
    nbformat.write(nb, src)
    body = notebook.export_html(src, tmp_path / "explore.html", include_code=True).read_text(encoding="utf-8")
    assert '<details class="kit-row" data-quote-id="a:1-2"' in body and "<summary" in body
    assert 'style="background:#fff3b0;"' in body.replace('style="background: #fff3b0;"', 'style="background:#fff3b0;"') \
        or 'style="background:#fff3b0"' in body, "the browser's colours survive"
    assert 'target="_blank"' in body and "VBox(children" not in body
    assert "<script>window.__pwned" not in body and "tracker.example" not in body


def test_bidi_controls_in_any_output_show_as_marks(tmp_path):
    quote = "We will \u202etpecca ton\u202c the deal"  # FICTIONAL: reads "tpecca ton", displays "not accept"
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": f"<table><tr><td>{quote}</td></tr></table>",
                                                                 "text/plain": "t"}),
                    nbformat.v4.new_output("stream", name="stdout", text=f"Dana \u2066Whitcombe\u2069 said\n"),
                    nbformat.v4.new_output("display_data", data={"text/markdown": notebook.escape_md(quote),
                                                                 "text/plain": "m"})]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "nb.ipynb")
    body = notebook.export_html(tmp_path / "nb.ipynb", tmp_path / "out.html").read_text(encoding="utf-8")
    assert body.count("We will \u27e8U+202E\u27e9tpecca ton\u27e8U+202C\u27e9 the deal") == 2
    assert "Dana \u27e8U+2066\u27e9Whitcombe\u27e8U+2069\u27e9 said" in body
    assert not any(ch in body for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def test_a_reader_table_passes_the_quick_check_and_hostile_html_goes_to_the_sanitizer():
    import pandas as pd

    from kit.notebook import already_clean, clean_html
    from kit.page import reader_table

    rows = pd.DataFrame({"quote": ['<script>alert(1)</script> & "quoted" <b>', "plain"],
                         "title": ["A (fictional)", "B"], "url": ["javascript:alert(1)", "https://example.org/b"]})
    table = reader_table(rows, {"quote": "Quote", "title": "Source"}, links={"title": "url"}, sortable=True)._repr_html_()
    assert already_clean(table) and clean_html(table) == table
    for hostile in ['<p onclick="x">a</p>', '<a href="javascript:x">a</a>', "<script>x</script>", "a < b",
                    '<td style="background:url(x)">a</td>', "<!-- c -->", "<p>Tom & Jerry</p>", "<IMG SRC=x>"]:
        assert not already_clean(hostile), hostile
    assert "onclick" not in clean_html('<p onclick="x">a</p>')


def test_every_image_of_the_page_has_an_alternative_text(tmp_path):
    from IPython.display import Image

    from kit import charts

    fig = charts.top_speakers(charts.pd.DataFrame(columns=["camp", "speaker", "statements"]), {})
    shown = charts.show(fig)
    assert fig.kit_alt and shown.alt == fig.kit_alt, "a chart's image carries its title as its text"
    png = shown.data
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    described, bare = Image(data=png, format="png", alt="Trump & <Putin> said most"), Image(data=png, format="png")
    cell.outputs = [nbformat.v4.new_output("display_data", data=d, metadata=m)
                    for d, m in (described._repr_mimebundle_(), bare._repr_mimebundle_())]
    nb.cells = [cell]
    nbformat.write(nb, tmp_path / "nb.ipynb")
    body = notebook.export_html(tmp_path / "nb.ipynb", tmp_path / "out.html").read_text(encoding="utf-8")
    assert 'alt="Trump &amp; &lt;Putin&gt; said most"' in body, "a chart's title is its image's text, escaped"
    assert body.count("<img") == 2 and 'alt="Chart"' in body, "an image without a text gets one"


def test_papermill_comes_without_compiling_iri_grammars_and_iris_are_still_checked():
    """jsonschema's IRI grammars (rfc3987_syntax) load only when an IRI is checked, and check it as before."""
    import importlib.util

    if importlib.util.find_spec("rfc3987_syntax") is None:
        pytest.skip("rfc3987_syntax is not installed: nothing to defer")
    code = ("import sys\n"
            "from kit.notebook import defer_iri_grammars\n"
            "defer_iri_grammars()\n"
            "import papermill, jsonschema\n"
            "print('rfc3987_syntax.syntax_helpers' in sys.modules)\n"
            "check = jsonschema.Draft7Validator({'format': 'iri'}, format_checker=jsonschema.FormatChecker())\n"
            "print(check.is_valid('http://example.org/ä'), check.is_valid('http://exa mple.org/'))\n"
            "import rfc3987_syntax\n"
            "print(rfc3987_syntax.is_valid_syntax_iri('http://example.org/'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}).stdout.split()
    assert out == ["False", "True", "False", "True"]


def test_a_reader_table_keeps_its_html_out_of_the_plain_text_copy():
    """A notebook keeps an output's text/plain beside its HTML: a table's is one line, not the table again."""
    import pandas as pd

    from kit.page import reader_table

    table = reader_table(pd.DataFrame({"quote": ["We expect a deal by spring"] * 500}))
    assert len(table.html) > 10_000 and len(repr(table)) < 100 and str(table) == table.html
