"""The report site's own pages: the index (every report, the latest figures and verdicts, what is new)
and the sources page (every source with the figures it gives, and their quotes)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis import atomic, i18n, stamps
from analysis.data.dataset import Dataset
from analysis.data.processed import MANIFEST, sources_table
from analysis.data.registry import cite, sector_names
from analysis.dictionary import MEASURES, PERIODS, scope_label
from analysis.display import answer, tables
from analysis.trends import series
from analysis.trends.sector import sector_figures

# The processed files the index links, each with what it holds in the page's language (words.toml [data_files]).
DATA_FILES = [
    "banenafspraak.csv", "banenafspraak_nl.csv", "banenafspraak.xlsx", "sources.csv", "consistency.csv", "codebook.csv",
    MANIFEST,
]  # fmt: skip


NEWS = ".news.json"


VERSION = ".version.json"  # beside the copy of the data in reports/data: its version and the day it was made


def record_version(root: Path, processed: Path, run_date: str) -> None:
    """Note which data version the copy in reports/data is and on which day it was made, so that the next run's
    'Nieuw sinds' can name that day."""
    made = {"data_version": stamps.data_version(processed), "made": run_date}
    atomic.write_bytes(root / "data" / VERSION, json.dumps(made).encode("utf-8"))


def _made_on(previous: Path) -> str:
    try:
        return json.loads((previous / VERSION).read_text(encoding="utf-8")).get("made", "")
    except (OSError, ValueError, AttributeError):
        return ""


def what_is_new(root: Path, processed: Path, lang: str, data: Dataset) -> dict | None:
    """The figures and verdicts that changed since the previous run's data (its copy in reports/data), kept
    until the data changes again: {'since': the day that data was made, 'lines': [...]}, or None."""
    from analysis.trends import changes

    now = stamps.data_version(processed)
    kept = root / NEWS
    previous = root / "data"
    if (previous / changes.DATASET_CSV).is_file() and stamps.data_version(previous) != now:
        old, new = changes.read_version(str(previous)), changes.read_version(str(processed))
        found = changes.compare(old, new)
        found.verdicts = changes.verdict_changes(old, new)
        made = _made_on(previous)
        news = {
            "since": i18n.date_words(made, lang) if made else "",
            "version": now,
            "lang": lang,
            "lines": changes.describe(
                found, lang, sector_names(data.sectors, lang), lambda i: cite(data.sources, i, lang) or i
            ),
        }
        atomic.write_bytes(kept, json.dumps(news, ensure_ascii=False, indent=1).encode("utf-8"))
        return news
    try:
        news = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return news if news.get("version") == now and news.get("lang") == lang else None


def answer_entries(data: Dataset, lang: str, sector_reports: dict) -> dict:
    """The index's answers, one row per sector with figures: the sector (a link to its report, its index entry
    in `sector_reports`), the stand with the figures it rests on, the outlook, and the newest figure with its
    year; each row also carries the whole answer in sentences, with its sources."""
    names, short = sector_names(data.sectors, lang), sector_names(data.sectors, lang, short=True)
    rows = []
    for sector in series.sectors_with_data(data):
        figures = sector_figures(data, sector)
        report = sector_reports.get(sector, {})
        rows.append(
            {
                "name": short[sector],  # the short name keeps a row on one line; the report says the full name
                "full_name": names[sector],
                "href": report.get("html") if report.get("ok") else "",
                **answer.answer_cells(figures, lang),
                "text": answer.answer_text(figures, names[sector], lang, data.sources),
                "id": f"grounds-{sector}",
            }
        )
    return {"rows": rows}


def source_entries(data: Dataset, lang: str) -> list[dict]:
    """Every source with the figures taken from it and their quotes, for sources.html."""
    tidy = data.tidy
    names = sector_names(data.sectors, lang)
    reported = tidy[tidy["status"] == "reported"]
    entries = []
    for source in sources_table(tidy, data.sources).to_dict(orient="records"):
        rows = reported[reported["source_id"] == source["source_id"]]
        quotes = []
        for quote, group in rows.groupby("evidence", sort=False):
            figures = [
                f"{names[r.sector]} {'' if pd.isna(r.year) else int(r.year)} "
                f"{PERIODS[r.period].label(lang) if r.period != 'year' else ''} "
                f"{MEASURES[r.measure].label(lang)}: "
                f"{tables.value_text(r.value, r.precision, r.measure, r.qualifier, lang)}"
                + (f" ({scope_label(r.scope, lang)})" if r.scope else "")
                for r in group.itertuples()
            ]
            quotes.append(
                {
                    "quote": i18n.evidence(quote, lang),
                    "locator": i18n.locator(group["locator"].iloc[0], lang),
                    "figures": [" ".join(f.split()) for f in figures],
                }
            )
        # dates as a reader writes them ('16 juli 2024'); the registry keeps them as YYYY-MM-DD
        when = {k: i18n.date_words(source[k], lang) if source[k] else "" for k in ("date", "accessed")}
        entries.append({**source, **when, "quotes": quotes})
    return entries
