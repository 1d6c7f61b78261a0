"""Running a notebook with papermill, and exporting it as HTML a reader can open safely.

``run_notebook`` executes a notebook into a folder (the report's run folder, an exploration's
output folder); ``export_html`` writes the executed notebook as HTML without code cells, with
every output sanitized: article text is shown, never run (no script, no event handler, no
``javascript:`` link), and interactive widgets appear as the static snapshot they carry.
``failing_cell`` and ``explain_failure`` say, in plain words, where and why a run broke.
``escape_text`` and ``escape_md`` make article text safe to show from a notebook cell.
Bidirectional controls (U+202E and its kin), which make text display in another order than it
reads, are shown as visible marks (``⟨U+202E⟩``) wherever article text is shown.
"""
from __future__ import annotations

import errno
import html
import importlib
import importlib.util
import re
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import Any

from .files import BIDI_CONTROLS, atomic_write_bytes, mark_characters

KERNEL_NAME = "newsroom-kit"


class Terminated(BaseException):
    """The run was stopped by SIGTERM (``kill PID``, a cancelled CI job); like Ctrl-C, not an error in it."""


# Loaded by jsonschema (under nbformat, under papermill) when installed: it compiles 38 grammars on import
# (1.3 CPU seconds, a tenth of a re-run after a few new articles) to check "iri" strings, which no notebook
# schema asks for.
_IRI_GRAMMARS = "rfc3987_syntax"


def defer_iri_grammars() -> None:
    """Put off compiling jsonschema's IRI grammars until something checks an IRI: a stand-in module takes
    their package's place in ``sys.modules`` and loads the real one on first use, so what jsonschema
    checks, and how, is unchanged. Call before importing papermill, nbformat or nbconvert."""
    if _IRI_GRAMMARS in sys.modules or importlib.util.find_spec(_IRI_GRAMMARS) is None:
        return
    stand_in = types.ModuleType(_IRI_GRAMMARS)

    def real() -> types.ModuleType:
        if sys.modules.get(_IRI_GRAMMARS) is stand_in:
            del sys.modules[_IRI_GRAMMARS]
        return importlib.import_module(_IRI_GRAMMARS)

    stand_in.is_valid_syntax = lambda term, value: real().is_valid_syntax(term, value)  # what jsonschema imports

    def anything_else(name: str):
        if name.startswith("__"):  # the import system asks for __path__ and the like: not a use
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.__getattr__ = anything_else
    sys.modules[_IRI_GRAMMARS] = stand_in


def run_notebook(notebook: str | Path, output: str | Path, parameters: dict[str, Any] | None = None, *,
                 kernel_name: str = KERNEL_NAME) -> Path:
    """Execute ``notebook`` with ``parameters`` into ``output``, working in ``output``'s folder.

    papermill's error propagates on a failed cell; the executed notebook is kept. It is written when
    the run starts, at most every ``SAVE_SECONDS`` while it runs, and whole when it ends, failed or not.
    """
    from .lazy_imports import import_papermill

    papermill = import_papermill()
    output = Path(output)
    # The kernel is stopped at once when the last cell is done: every file it writes is written by
    # then, and a graceful shutdown only waits a second or more for the interpreter to tear down.
    papermill.execute_notebook(str(notebook), str(output), parameters=dict(parameters or {}),
                               kernel_name=kernel_name, cwd=str(output.parent), progress_bar=False,
                               engine_name=_saving_engine(), shutdown_kernel="immediate")
    return output


# papermill writes the whole notebook before and after every cell: some seventy writes of a notebook
# that grows to megabytes of charts and tables (json's indented encoder is pure Python), a second or
# more of a re-run after a few new articles. Between cells it is now written every SAVE_SECONDS at most.
SAVE_SECONDS = 10.0
SAVING_ENGINE = "kit"


@lru_cache(maxsize=None)
def _saving_engine() -> str:
    """The name of a papermill engine that saves the notebook less often (registered on first use)."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    class SavingLessOften(NotebookExecutionManager):
        due = True  # the first write (the run has started) and the last (it has ended) always happen

        def notebook_complete(self, **kwargs):
            self.due = True
            super().notebook_complete(**kwargs)

        def save(self, **kwargs):
            if self.due or (self.now() - self.last_save_time).total_seconds() >= SAVE_SECONDS:
                super().save(**kwargs)
                self.due = False

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                             autosave_cell_every=30, **kwargs):
            # papermill's Engine.execute_notebook, with the manager above
            nb_man = SavingLessOften(nb, output_path=output_path, progress_bar=progress_bar, log_output=log_output,
                                     autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    papermill_engines.register(SAVING_ENGINE, Engine)
    return SAVING_ENGINE


# ---------------------------------------------------------------- safe text

def show_controls(text: str) -> str:
    """``text`` with every bidirectional control shown as a visible mark, e.g. ``⟨U+202E⟩``."""
    return mark_characters(text, BIDI_CONTROLS)


def escape_text(value: Any) -> str:
    """Article-derived text made safe for an HTML report: shown as text, never run as markup, and
    bidirectional controls shown as marks (:func:`show_controls`)."""
    return show_controls(html.escape("" if value is None else str(value), quote=True))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")


def escape_md(value: Any) -> str:
    """Article-derived text for ``display(Markdown(...))``: HTML-escaped and Markdown-escaped.

    ``<script>`` shows as ``<script>``, ``[x](javascript:...)`` shows as typed and cannot become
    a link, ``*`` and ``#`` do not turn into formatting. Newlines become spaces.
    """
    # Quotes need no escaping in Markdown text, and "&#x27;" would be mangled by the "#" escape below.
    text = html.escape("" if value is None else str(value), quote=False).replace("\r", " ").replace("\n", " ")
    return show_controls(_MD_SPECIAL.sub(r"\\\1", text))


# ---------------------------------------------------------------- failures

def failing_cell(notebook_path: Path) -> dict:
    """Index, first source line and error of the cell that failed (or was running) in a notebook."""
    defer_iri_grammars()
    import nbformat

    try:
        nb = nbformat.read(notebook_path, as_version=4)
    except (OSError, ValueError):
        return {}
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return {"index": i, "source": _first_line(cell), "error": f"{out.get('ename')}: {out.get('evalue')}"}
    for i, cell in enumerate(nb.cells):
        status = cell.get("metadata", {}).get("papermill", {})
        if status.get("exception") or status.get("status") in {"running", "failed"}:
            return {"index": i, "source": _first_line(cell), "error": ""}
    # A killed kernel leaves no error output: the last cell papermill started is the one that was running.
    started = [i for i, cell in enumerate(nb.cells) if cell.get("metadata", {}).get("papermill", {}).get("start_time")]
    if started:
        return {"index": started[-1], "source": _first_line(nb.cells[started[-1]]), "error": ""}
    return {}


def _first_line(cell) -> str:
    lines = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return (lines[0] if lines else cell.source.splitlines()[0] if cell.source else "")[:200]


def explain_failure(error: BaseException, cell: dict) -> str:
    """One plain-English sentence saying why the run failed and where."""
    where = f"cell {cell['index']} ({cell['source']!r})" if cell else "the notebook"
    name = type(error).__name__
    detail = cell.get("error") or f"{name}: {error}".strip()
    if isinstance(error, KeyboardInterrupt):
        return f"interrupted (Ctrl-C) while running {where}"
    if isinstance(error, Terminated):
        return f"terminated (SIGTERM) while running {where}"
    if name == "DeadKernelError" or "kernel died" in str(error).lower():
        return f"the notebook's kernel died (killed, or out of memory) while running {where}"
    if "No space left on device" in detail or (isinstance(error, OSError) and error.errno == errno.ENOSPC):
        return f"the disk is full: {where} could not write its output ({detail})"
    if name == "PapermillExecutionError" or cell:
        return f"{where} failed: {detail}"
    return f"{detail.splitlines()[0][:500] if detail else name}"


# ---------------------------------------------------------------- HTML

ALLOWED_TAGS = ["a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
                "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
                "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
                "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul"]
# What the quote browser's rows use to colour camps and mark quotes; anything else in a style is dropped.
ALLOWED_CSS = ["background", "background-color", "border", "border-bottom", "border-radius", "border-top", "color",
               "cursor", "font-size", "font-style", "font-weight", "line-height", "margin", "margin-top",
               "max-width", "padding", "text-decoration", "text-decoration-thickness", "white-space"]
PANDAS_STYLE = re.compile(r"<style scoped>[^<]*</style>")


# Row anchors made by kit.page (``claim-1``, ``s-1a2b3c4d5e6f``): never text from an article.
ANCHOR = re.compile(r"[a-z]+(-[0-9a-z]{1,16}){1,3}")
# Links into the run folder's own files (``tables/who_said_what.csv``).
RUN_FILE = re.compile(r"(tables|charts)/[A-Za-z0-9_.-]+")


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name in {"class", "title", "colspan", "rowspan", "align", "border", "data-quote-id", "data-sort"}:
        return True
    if name == "id":
        return bool(ANCHOR.fullmatch(value))
    if name == "style":  # then filtered property by property (ALLOWED_CSS); no url() may fetch anything
        return not re.search(r"url\s*\(|expression|@import|\\", value, re.I)
    if tag == "a" and name == "href":
        return bool(re.match(r"(https?:|mailto:|#)", value.strip(), re.I) or RUN_FILE.fullmatch(value.strip()))
    if tag == "a" and name in {"target", "rel"}:
        return True
    if tag == "img" and name in {"src", "alt", "width", "height"}:
        return name != "src" or bool(re.match(r"(https?:|data:image/(png|jpeg|gif|webp);)", value.strip(), re.I))
    return False


# One tag with double-quoted attributes, as kit.page writes them; anything from a "<" to the next ">".
_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*="[^"<>]*")*)\s*>')
_ANY_TAG = re.compile(r"<[^<>]*>")
_ATTRIBUTE = re.compile(r'\s+([a-z][a-z0-9-]*)="([^"<>]*)"')
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")


def _clean_tag(tag: str) -> bool:
    """Whether one tag (``<td class="kit-num">``) is an allowed tag with allowed attributes and no style."""
    match = _TAG.fullmatch(tag)
    if match is None or match.group(2) not in ALLOWED_TAGS:
        return False
    name_of_tag = match.group(2)
    for name, value in _ATTRIBUTE.findall(match.group(3) or ""):
        if name == "style" or match.group(1) or not _allowed_attribute(name_of_tag, name, html.unescape(value)):
            return False
    return True


def already_clean(fragment: str) -> bool:
    """Whether ``fragment`` holds nothing ``clean_html`` would change: only allowed tags, each with
    allowed double-quoted attributes (no style), text without markup and only well-formed entities.
    The tables ``kit.page`` writes are such HTML; checking them this way takes a fraction of the
    time a full sanitizer does, and anything else still goes through it. Each distinct tag is checked
    once: a 5,000-row table repeats a few thousand tags a hundred thousand times."""
    if _ENTITY.sub("", fragment).count("&"):
        return False  # an "&" that starts no well-formed entity, in text or in an attribute's value
    text = _ANY_TAG.sub("", fragment)
    if "<" in text or ">" in text:
        return False  # markup characters outside a whole tag
    return all(_clean_tag(tag) for tag in set(_ANY_TAG.findall(fragment)))


def clean_html(fragment: str) -> str:
    """HTML output with only harmless tags and attributes; anything else is shown as text."""
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    fragment = PANDAS_STYLE.sub("", fragment)
    if already_clean(fragment):
        return fragment
    return bleach.clean(fragment, tags=ALLOWED_TAGS, attributes=_allowed_attribute,
                        protocols=["http", "https", "mailto", "data"], strip=False, strip_comments=True,
                        css_sanitizer=CSSSanitizer(allowed_css_properties=ALLOWED_CSS))


def sanitize_outputs(nb) -> None:
    """Make every cell output inert: HTML and Markdown cleaned, JavaScript and widgets dropped.

    A widget that carries a ``text/html`` snapshot (the quote browser) is shown as that snapshot.
    """
    from nbconvert.filters.markdown import markdown2html

    # Without saved widget state nbconvert shows each widget's snapshot, not a placeholder that
    # needs the widget manager from a CDN.
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data")
            if not data:
                continue
            for mime in [m for m in data if "javascript" in m or "widget" in m or m == "text/latex"]:
                del data[mime]
            if "text/markdown" in data:
                data["text/html"] = clean_html(markdown2html(_joined(data.pop("text/markdown"))))
            elif "text/html" in data:
                data["text/html"] = clean_html(_joined(data["text/html"]))


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def notebook_title(nb, default: str = "Report") -> str:
    """The page title: the run's ``title`` parameter (papermill keeps it in the notebook), else ``default``."""
    title = nb.metadata.get("papermill", {}).get("parameters", {}).get("title")
    return str(title) if title else default


_NO_ALT = re.compile(r"<img\b(?![^>]*\balt=)", re.I)


def _page_exporter_class():
    from nbconvert import HTMLExporter
    from nbconvert.exporters.html import Highlight2HTML, WidgetsDataTypeFilter
    from nbconvert.exporters.templateexporter import TemplateExporter

    class PageExporter(HTMLExporter):
        """nbconvert's HTML exporter without its last pass, which parses the whole page again with
        BeautifulSoup only to give images without one an alternative text (the kit's charts carry
        their own; ``export_html`` adds one to any other) and ``tabindex`` to the lab template's cells
        (the basic template has none). On a page holding a 5,000-row table that pass took seconds."""

        def from_notebook_node(self, nb, resources=None, **kw):
            info = nb.metadata.get("language_info", {})
            lexer = info.get("pygments_lexer", info.get("name", None))
            resources = self._init_resources(resources)
            self.register_filter("highlight_code",
                                 self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata,
                                                                           parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return PageExporter


def export_html(notebook: str | Path, html_path: str | Path, *, include_code: bool = False,
                title: str | None = None) -> Path:
    """A self-contained HTML page of an executed notebook, without prompts (and without code cells
    unless ``include_code``), every output sanitized (see :func:`sanitize_outputs`), bidirectional
    controls shown as marks (:func:`show_controls`); written atomically.

    The page loads nothing from anywhere: nbconvert's ``basic`` template (no require.js, MathJax or
    mermaid, so no maths or diagram is ever typeset from article text) inside ``kit.page_shell.html_page``.
    ``title`` defaults to the run's ``title`` parameter. Returns the path.
    """
    defer_iri_grammars()
    import nbformat

    from .page_shell import html_page

    nb = nbformat.read(str(notebook), as_version=4)
    sanitize_outputs(nb)
    # optimistic_validation: the notebook is checked against its schema once, after nbconvert's twelve
    # preprocessors, not after each of them (a tenth of a CPU second on a page of a 5,000-row table).
    exporter = _page_exporter_class()(template_name="basic", exclude_input=not include_code,
                                      exclude_input_prompt=True, exclude_output_prompt=True,
                                      optimistic_validation=True)
    body, _ = exporter.from_notebook_node(nb)
    body = _NO_ALT.sub('<img alt="Chart" ', body)
    # The template's own markup holds no script; this removes any that a future template might add.
    body = re.sub(r"<script\b.*?</script\s*>", "", body, flags=re.S | re.I)
    page = html_page(title or notebook_title(nb, Path(notebook).stem), body)
    atomic_write_bytes(html_path, show_controls(page).encode("utf-8"))
    return Path(html_path)
