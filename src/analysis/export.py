"""Turning executed notebooks into what colleagues open: offline HTML, chart images, the index page."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import jinja2
import nbformat
from nbconvert import HTMLExporter

from analysis import i18n

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _exporter() -> HTMLExporter:
    # one per process: building it loads and compiles the templates
    return HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def html(notebook: nbformat.NotebookNode) -> str:
    """HTML with the code hidden and images embedded; loads nothing from the internet."""
    body, _ = _exporter().from_notebook_node(notebook)
    return body


def charts(notebook: nbformat.NotebookNode) -> dict[str, bytes]:
    """Images of the cells tagged 'chart' (saved as chart.png/.svg) or 'chart:NAME' (NAME.png/.svg)."""
    found: dict[str, bytes] = {}
    for cell in notebook.cells:
        for tag in cell.get("metadata", {}).get("tags", []):
            if tag != "chart" and not tag.startswith("chart:"):
                continue
            name = tag.split(":", 1)[1] if ":" in tag else "chart"
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "image/png" in data:
                    found[f"{name}.png"] = base64.b64decode(data["image/png"])
                if "image/svg+xml" in data:
                    svg = data["image/svg+xml"]
                    found[f"{name}.svg"] = ("".join(svg) if isinstance(svg, list) else svg).encode("utf-8")
    return found


def error_summary(notebook: nbformat.NotebookNode) -> str:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"{output.get('ename')}: {output.get('evalue')}"
    return ""




def page(template: str, lang: str, **context) -> str:
    """Render one of the site's own pages; every value from the data is HTML-escaped."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template(template).render(lang=lang, text=i18n.SITE[lang], **context)
