"""Turning executed notebooks into what colleagues open: offline HTML, chart images, the index page."""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path

import jinja2
import nbformat
from bs4 import BeautifulSoup, NavigableString
from nbconvert import HTMLExporter

from analysis import i18n

TEMPLATES = Path(__file__).parent / "templates"


JUPYTER_ONLY = "jupyter-only"  # cells for the analyst in JupyterLab (how to rerun), never in a report
DOWNLOADS = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv"}  # a chart's files, by extension


@cache
def _exporter() -> HTMLExporter:
    # one per process: building it loads and compiles the templates
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES)],
        extra_template_paths=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={JUPYTER_ONLY}), enabled=True)
    exporter.register_preprocessor(_name_downloads, enabled=True)
    return exporter


# matplotlib writes an SVG's size in points: the size at which its labels have their size in points
_SVG_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"')
CSS_PX_PER_PT = 4 / 3


def _name_downloads(notebook: nbformat.NotebookNode, resources: dict):
    """Tell the template which files each chart output is saved as (see charts), so that the page offers them
    under the chart: {name}.png, {name}.svg and, where the chart carries its figures, {name}.csv; and the
    chart's size in CSS pixels, which its <img> carries (the page keeps its place while it loads, and a phone
    shows it at the size where its text is readable)."""
    for name, output in _chart_outputs(notebook):
        data = output.get("data", {})
        if "image/png" in data or "image/svg+xml" in data:
            kinds = [k for k, mime in DOWNLOADS.items() if mime in data]
            output.setdefault("metadata", {})["downloads"] = {k: f"{name}.{k}" for k in kinds}
        svg = data.get("image/svg+xml")
        size = _SVG_SIZE.search("".join(svg) if isinstance(svg, list) else svg) if svg else None
        if size:
            width, height = (round(float(v) * CSS_PX_PER_PT) for v in size.groups())
            output["metadata"]["size"] = {"width": width, "height": height}
    return notebook, resources


def warm_up() -> None:
    """Build the exporter and compile its templates (a quarter of a second), in the run before it forks its
    workers: each worker then has them, instead of each building its own."""
    html(nbformat.v4.new_notebook())


def html(
    notebook: nbformat.NotebookNode, lang: str = "nl", title: str = "", stamp: dict | None = None, up: str = "../../"
) -> str:
    """HTML with the code hidden and images embedded; loads nothing from the internet. The page says what it
    is (title), in which language, links to the index, sources and data (`up` leads to the site's root),
    and carries the run date and data version (`stamp`, what the run gives every page, which also holds the
    names as published that an English page marks as Dutch: `source_names`, see mark_source_names)."""
    stamp = stamp or {}
    resources = {
        "language_code": lang,
        "metadata": {"name": title or i18n.SITE[lang]["site_name"]},
        "site": {
            "text": i18n.SITE[lang],
            "up": up,
            "run_date": i18n.date_words(stamp["run_date"], lang) if stamp.get("run_date") else "?",
            "data_version": stamp.get("data_version", "?"),
        },
    }
    exporter = _exporter()
    exporter.language_code = lang  # the exporter's own trait wins over resources for <html lang>
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return mark_source_names(tab_stops_that_scroll(body), lang, stamp.get("source_names", ()))


_TAB_STOP = re.compile(r'(<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*?) tabindex="0">')
_SCROLLS = re.compile(r"<table\b|<img\b")


def tab_stops_that_scroll(page: str) -> str:
    """nbconvert makes every output a tab stop (tabindex="0"), so that a keyboard can scroll one that is wider
    than the screen. An output that holds no table and no image never scrolls (its text wraps): it loses the tab
    stop, so that a keyboard user does not pass ten stops that do nothing (politie.html: 10 before, 3 now).
    An output's content runs to the next output or the end of the page; nbconvert writes each on its own."""
    stops = list(_TAB_STOP.finditer(page))
    out, at = [], 0
    for k, stop in enumerate(stops):
        end = stops[k + 1].start() if k + 1 < len(stops) else len(page)
        keep = bool(_SCROLLS.search(page, stop.end(), end))
        out += [page[at : stop.start()], stop.group(0) if keep else stop.group(1) + ">"]
        at = stop.end()
    return "".join([*out, page[at:]])


def chart_alts(notebook: nbformat.NotebookNode) -> dict[str, str]:
    """The alt text of each tagged chart, by name (see charts)."""
    found = {}
    for name, output in _chart_outputs(notebook):
        alt = output.get("metadata", {}).get("image/png", {}).get("alt")
        if alt:
            found[name] = alt
    return found


def _chart_outputs(notebook: nbformat.NotebookNode):
    for cell in notebook.cells:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag == "chart" or tag.startswith("chart:"):
                name = tag.split(":", 1)[1] if ":" in tag else "chart"
                for output in cell.get("outputs", []):
                    yield name, output


def charts(notebook: nbformat.NotebookNode) -> dict[str, bytes]:
    """The files of the cells tagged 'chart' (saved as chart.png/.svg/.csv) or 'chart:NAME' (NAME.png/...): the
    images, and the chart's own figures where it carries them."""
    found: dict[str, bytes] = {}
    for name, output in _chart_outputs(notebook):
        data = output.get("data", {})
        for kind, mime in DOWNLOADS.items():
            if mime not in data:
                continue
            if kind == "png":
                found[f"{name}.png"] = base64.b64decode(data[mime])
            else:  # text; nbformat may keep it as a list of lines
                text = "".join(data[mime]) if isinstance(data[mime], list) else data[mime]
                found[f"{name}.{kind}"] = text.encode("utf-8")
    return found


def error_summary(notebook: nbformat.NotebookNode) -> str:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"{output.get('ename')}: {output.get('evalue')}"
    return ""


def page(template: str, lang: str, **context) -> str:
    """Render one of the site's own pages; every value from the data is HTML-escaped."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    if context.get("run_date"):  # the day a page was made, in words on the page ('6 december 2026')
        context["run_date"] = i18n.date_words(context["run_date"], lang)
    names = context.pop("source_names", ())
    page = env.get_template(template).render(lang=lang, text=i18n.SITE[lang], source_lang=i18n.SOURCE_LANG, **context)
    return mark_source_names(page, lang, names)


def source_names(data) -> list[str]:
    """The names as the sources publish them, which a page shows in the sources' language whatever its own: the
    publishers, the titles, and the titles and headings a locator names (i18n.locator_names)."""
    names = {*data.sources["publisher"], *data.sources["title"]}
    for locator in set(data.tidy["locator"].dropna()):
        names.update(i18n.locator_names(locator))
    return sorted(n for n in names if n)


_UNMARKED = ("script", "style", "textarea")  # text no reader sees as running text
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.DOTALL)


def mark_source_names(page: str, lang: str, names) -> str:
    """A page in another language than the sources' with each of `names` in its running text marked as the
    sources' language (<span lang="nl">), so that a screen reader pronounces it as Dutch and a reader sees it
    is a name as published; text already inside an element with a lang is left as it is, and so is everything
    outside the body."""
    found = _BODY.search(page)
    if lang == i18n.SOURCE_LANG or not names or not found:
        return page
    # the longest name first, so that 'Rijksoverheid (Ministerie van SZW)' is marked whole, not 'Rijksoverheid'
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
    )
    body = BeautifulSoup(found.group(2), "html.parser")
    for text in list(body.find_all(string=pattern)):
        if (
            type(text) is not NavigableString
            or text.find_parent(_UNMARKED)
            or any(p.has_attr("lang") for p in text.parents if p.name)
        ):
            continue
        for i, piece in enumerate(pattern.split(str(text))):
            if i % 2:
                span = body.new_tag("span", lang=i18n.SOURCE_LANG)
                span.string = piece
                text.insert_before(span)
            elif piece:
                text.insert_before(piece)
        text.extract()
    return page[: found.start(2)] + str(body) + page[found.end(2) :]
