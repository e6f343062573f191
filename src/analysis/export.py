"""Turning executed notebooks into what colleagues open: offline HTML, chart images, the index page."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import jinja2
import nbformat
from nbconvert import HTMLExporter

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


INDEX_TEXT = {
    "nl": {"title": "Banenafspraak overheid en onderwijs: rapporten", "data_version": "Dataversie",
           "national": "Landelijk beeld", "overview": "Alle sectoren", "sectors": "Rapporten per sector",
           "sector": "Sector", "report": "Rapport", "chart": "Grafiek", "notebook": "Notebook", "summary": "Kerncijfers",
           "data": "Gegevens", "failed": "Mislukt", "coverage": "Dekking en kwaliteit van de gegevens",
           "coverage_link": "Welke cijfers er zijn, hoe recent, uit welke bronnen, en wat niet klopt",
           "run_date": "Gemaakt op", "previous": "laatste run mislukt; dit is de vorige versie",
           "failed_run": "Bij deze run mislukt (de vorige versie blijft staan waar die er is)", "sources": "Bronnen", "sources_what": "titel, uitgever, datum en vindplaats van elke bron",
           "sources_intro": "Elk cijfer in deze rapporten komt uit een van deze bronnen. Primair: brieven aan de Kamer, "
                            "overheidspublicaties en sectormonitors; secundair: berichten die deze doorgeven.",
           "back": "← Terug naar het overzicht", "title_col": "Titel", "publisher": "Uitgever", "date": "Datum",
           "reference": "Kenmerk", "primacy": "Primair/secundair", "figures": "Cijfers"},
    "en": {"title": "Jobs agreement, government and education: reports", "data_version": "Data version",
           "national": "National picture", "overview": "All sectors", "sectors": "Reports per sector",
           "sector": "Sector", "report": "Report", "chart": "Chart", "notebook": "Notebook", "summary": "Key figures",
           "data": "Data", "failed": "Failed", "coverage": "Coverage and quality of the data",
           "coverage_link": "Which figures exist, how fresh, from which sources, and what does not add up",
           "run_date": "Made on", "previous": "the last run failed; this is the previous version",
           "failed_run": "Failed in this run (the previous version stays where there is one)", "sources": "Sources", "sources_what": "title, publisher, date and reference of every source",
           "sources_intro": "Every figure in these reports comes from one of these sources. Primary: letters to parliament, "
                            "government publications and sector monitors; secondary: news relaying them.",
           "back": "← Back to the overview", "title_col": "Title", "publisher": "Publisher", "date": "Date",
           "reference": "Reference", "primacy": "Primary/secondary", "figures": "Figures"},
}


def page(template: str, lang: str, **context) -> str:
    """Render one of the site's own pages; every value from the data is HTML-escaped."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template(template).render(lang=lang, text=INDEX_TEXT[lang], **context)
