"""What the notebooks call: load the data once, check the parameters, show headings, text and tables.

The notebooks stay thin; everything they show is made here or in plots, where it is tested.
"""

from __future__ import annotations

import html
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from functools import cache

import pandas as pd
from IPython.display import Markdown

from analysis import coverage, i18n, narrative, tables, trends
from analysis.registry import national_sectors, sector_names

DATA_ENV = "BANENAFSPRAAK_DATA"  # set by the report run: its validated data, so kernels need not validate again


@dataclass(frozen=True)
class Data:
    tidy: pd.DataFrame
    sectors: pd.DataFrame
    sources: pd.DataFrame


def _show_figures_inline() -> None:
    """Let IPython render a returned Figure as PNG and SVG (charts are made without pyplot,
    so the inline backend never registers itself)."""
    import matplotlib as mpl
    from IPython import get_ipython
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    if get_ipython() is not None:
        set_matplotlib_formats("png", "svg")
        mpl.rcParams["svg.fonttype"] = "none"  # text in SVG charts stays text: searchable, selectable


@cache
def load() -> Data:
    """The tidy data and registries from data/raw, validated; also sets up chart display.

    Inside a report run the run has validated data/raw already and hands over the result
    (a file it wrote, named by the checksums of the raw files); otherwise data/raw is read here.
    """
    _show_figures_inline()
    handed_over = os.environ.get(DATA_ENV)
    if handed_over and os.path.isfile(handed_over):
        with open(handed_over, "rb") as fh:
            return pickle.load(fh)
    from analysis.tidy import build_tidy, load_raw

    raw = load_raw()
    return Data(build_tidy(raw), raw.sectors, raw.sources)


def hand_over(data: Data, folder: Path, key: str) -> Path:
    """Write validated data for the kernels of one report run (see load)."""
    path = folder / f"data-{key[:16]}.pickle"
    if not path.is_file():
        from analysis import atomic

        atomic.write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return path


def check(data: Data, lang: str, sector: str | None = None) -> None:
    """Fail loudly on a bad parameter instead of running with something else."""
    i18n.check_lang(lang)
    if sector is not None and sector not in set(data.sectors["sector"]):
        raise ValueError(f"unknown sector {sector!r}; known: {', '.join(data.sectors['sector'])}")


def sector_title(data: Data, sector: str, lang: str) -> Markdown:
    name = sector_names(data.sectors, lang)[sector]
    unit = data.sectors.set_index("sector").at[sector, "unit"]
    what = {("nl", "sector_jobs"): "banen geteld tegen het eigen quotum van de sector",
            ("nl", "national_extra_jobs"): "extra banen sinds de nulmeting eind 2012",
            ("en", "sector_jobs"): "jobs counted against the sector's own quota",
            ("en", "national_extra_jobs"): "extra jobs since the baseline at the end of 2012"}[(lang, unit)]
    return Markdown(f"# {html.escape(name)}\n\n*{what}*")


def sector_text(data: Data, sector: str, lang: str) -> Markdown:
    name = sector_names(data.sectors, lang)[sector]
    return Markdown(html.escape(narrative.sector_text(trends.sector_summary(data.tidy, sector), name, lang)))


def _shown(table: pd.DataFrame, lang: str = "nl"):
    """A table as the reader sees it: no row numbers, text left-aligned, numbers as the language writes them."""
    def show(value):
        if isinstance(value, float) and pd.isna(value) or value is pd.NA:
            return "—"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return i18n.number(value, lang, 2, trim=True)
        return value

    # escape: data text (titles, notes) is shown as text, never run as HTML
    return table.style.hide(axis="index").set_properties(**{"text-align": "left"}).format(show, escape="html")


def sector_figures(data: Data, sector: str, lang: str):
    return _shown(tables.figures_table(data.tidy, data.sources, sector, lang), lang)


def latest_figures(data: Data, lang: str):
    return _shown(tables.latest_table(data.tidy, data.sectors, lang), lang)


def national_text(data: Data, lang: str) -> Markdown:
    names = sector_names(data.sectors, lang)
    parts = [f"**{html.escape(names[s])}.** "
             + html.escape(narrative.sector_text(trends.sector_summary(data.tidy, s), names[s], lang))
             for s in national_sectors(data.sectors)]
    return Markdown("\n\n".join(parts))




def _readable(frame: pd.DataFrame, data: Data, lang: str):
    names = sector_names(data.sectors, lang)
    out = frame.assign(sector=frame["sector"].map(names)) if "sector" in frame else frame
    return _shown(out.rename(columns=i18n.COLUMNS[lang]), lang)


def freshness(data: Data, lang: str):
    table = coverage.freshness(data.tidy, data.sectors).merge(
        coverage.source_mix(data.tidy, data.sources, data.sectors), on="sector")
    return _readable(table, data, lang)


def coverage_table(data: Data, measure: str, lang: str):
    matrix = coverage.coverage_matrix(data.tidy, data.sectors, measure)
    marks = {"reported": "●", "derived": "○", "": ""}
    matrix = matrix.apply(lambda column: column.map(marks))
    matrix.index = matrix.index.map(sector_names(data.sectors, lang))
    return matrix.style.format_index(escape="html").set_caption("● " + i18n.t(lang, "legend_reported") + "   ○ " + i18n.t(lang, "legend_derived"))


def consistency(data: Data, lang: str):
    findings = coverage.consistency_findings(data.tidy, data.sources)
    return _readable(findings.drop(columns=["tolerance"]), data, lang)


def sectors_without_figures(data: Data, lang: str) -> Markdown:
    missing = [sector_names(data.sectors, lang)[s] for s in coverage.without_figures(data.tidy, data.sectors)]
    if not missing:
        return Markdown("Alle sectoren hebben ten minste één cijfer." if lang == "nl" else "Every sector has at least one figure.")
    head = "Sectoren zonder enig kwantitatief cijfer" if lang == "nl" else "Sectors without any quantitative figure"
    return Markdown(f"**{head}:** " + html.escape(", ".join(missing)))
