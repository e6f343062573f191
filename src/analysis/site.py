"""The report site's own pages: the index (every report, the latest figures and verdicts, what is new)
and the sources page (every source with the figures it gives, and their quotes)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd

from analysis import atomic, export, tables, trends
from analysis.dataset import Dataset
from analysis.dictionary import MEASURES, PERIODS
from analysis.narrative import verdict_text
from analysis.processed import MANIFEST, sources_table
from analysis.registry import sector_names
from analysis.runner import FAILED, Job, Result
from analysis.tidy import RawData

DATA_FILES = {
    "banenafspraak.csv": "tidy dataset (CSV)",
    "banenafspraak.xlsx": "tidy dataset (Excel)",
    "sources.csv": "sources",
    "consistency.csv": "consistency checks",
    "codebook.csv": "codebook",
    MANIFEST: "data package descriptor with checksums",
}


def write_index(
    root: Path, results: list[Result], data: RawData, tidy: pd.DataFrame, processed: Path, lang: str, pdf: bool = False
) -> Path:
    """Copy the processed data beside the reports and write index.html linking everything (relative links)."""
    news = what_is_new(root, processed, lang, sector_names(data.sectors, lang))
    for name in DATA_FILES:
        if (processed / name).is_file():
            atomic.write_bytes(root / "data" / name, (processed / name).read_bytes())
    names = sector_names(data.sectors, lang)

    def entry(r: Result) -> dict:
        folder, stem = r.job.folder, r.job.stem
        ok = (root / folder / "summary.json").is_file()
        failed = root / FAILED / f"{stem}.ipynb"
        title = r.job.title.split(" — ")[0] or names.get(r.job.name, r.job.name)
        return {
            "name": names.get(r.job.name, title),
            "ok": ok,
            "failed_now": r.status == "failed",
            "index": r.job.index,
            "html": f"{folder}/{stem}.html",
            "png": f"{folder}/chart.png",
            "svg": f"{folder}/chart.svg",
            "ipynb": f"{folder}/{stem}.ipynb",
            "summary": f"{folder}/summary.json",
            "alt": _chart_alt(root / folder, names.get(r.job.name, r.job.name)),
            "pdf": f"{folder}/{stem}.pdf" if ok and (pdf or (root / folder / f"{stem}.pdf").is_file()) else "",
            "failed_ipynb": f"{FAILED}/{stem}.ipynb" if failed.is_file() else "",
        }

    run_now = {r.job.folder for r in results}
    kept = [
        Result(Job(s, Path("sector_trend.ipynb"), {}, f"sectors/{s}", index="sectors"), "up-to-date", 0.0)
        for s in trends.sectors_with_data(tidy, list(data.sectors["sector"]))
        if f"sectors/{s}" not in run_now and (root / "sectors" / s / "summary.json").is_file()
    ]
    order = {f"sectors/{s}": i for i, s in enumerate(data.sectors["sector"])}
    listed = sorted([*results, *kept], key=lambda r: order.get(r.job.folder, -1))
    by_folder = {r.job.folder: entry(r) for r in listed}  # a --sector run keeps the others' reports listed
    stamp = {"run_date": dt.date.today().isoformat(), "data_version": data_version(processed), "up": ""}

    def placed(where: str) -> dict | None:
        """The report the registry places at `where` on the index, if it exists."""
        return next((e for e in by_folder.values() if e["index"] == where and e["ok"]), None)

    sources = source_entries(tidy, data, lang)
    atomic.write_bytes(
        root / "sources.html", export.page("sources.html.j2", lang, sources=sources, **stamp).encode("utf-8")
    )
    page = export.page(
        "index.html.j2",
        lang,
        **stamp,
        news=news,
        failed=[e["name"] for e in by_folder.values() if e["failed_now"]],
        national=placed("national"),
        overview=placed("overview"),
        coverage=placed("coverage"),
        more=[e for e in by_folder.values() if e["index"] == "more"],
        latest=latest_entries(tidy, data, lang, by_folder),
        reports=[e for e in by_folder.values() if e["index"] == "sectors"],
        data_files=[
            {"name": n, "href": f"data/{n}", "what": w} for n, w in DATA_FILES.items() if (root / "data" / n).is_file()
        ],
    )
    target = root / "index.html"
    atomic.write_bytes(target, page.encode("utf-8"))
    return target


def _chart_alt(folder: Path, fallback: str) -> str:
    """The alt text the report's main chart was made with (recorded in summary.json by the run)."""
    try:
        return json.loads((folder / "summary.json").read_text(encoding="utf-8")).get("alt", {}).get("chart") or fallback
    except (OSError, ValueError):
        return fallback


NEWS = ".news.json"


def what_is_new(root: Path, processed: Path, lang: str, names: dict[str, str]) -> dict | None:
    """The figures and verdicts that changed since the previous run's data (its copy in reports/data), kept
    until the data changes again: {'since': version, 'lines': [...]}, or None."""
    from analysis import changes

    now = data_version(processed)
    kept = root / NEWS
    previous = root / "data"
    if (previous / changes.DATASET).is_file() and data_version(previous) != now:
        old, new = changes.read_version(str(previous)), changes.read_version(str(processed))
        found = changes.compare(old, new)
        found.verdicts = changes.verdict_changes(old, new)
        news = {
            "since": data_version(previous),
            "version": now,
            "lang": lang,
            "lines": changes.describe(found, lang, names),
        }
        atomic.write_bytes(kept, json.dumps(news, ensure_ascii=False, indent=1).encode("utf-8"))
        return news
    try:
        news = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return news if news.get("version") == now and news.get("lang") == lang else None


def data_version(processed: Path) -> str:
    """The first 12 hex digits of the processed data's manifest: what the reports were made from."""
    manifest = processed / MANIFEST
    return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12] if manifest.is_file() else "?"


def latest_entries(tidy: pd.DataFrame, data: RawData, lang: str, by_folder: dict) -> dict:
    """The index's table of latest figures: headings, rows, and per sector its verdict's grounds and report link."""
    from analysis.verdicts import verdict

    table = tables.latest_table(Dataset.of(data, tidy), lang)
    ids = [s for s in data.sectors["sector"] if s in set(tidy["sector"])]
    rows = []
    for sector, values in zip(ids, table.to_dict(orient="records")):
        report = by_folder.get(f"sectors/{sector}", {})
        v = verdict(tidy, sector, data.breaks)
        rows.append(
            {
                "cells": list(values.values()),
                "href": report.get("html") if report.get("ok") else "",
                "grounds": verdict_text(v, lang),
                "id": f"grounds-{sector}",
            }
        )
    return {"columns": list(table.columns), "rows": rows}


def source_entries(tidy: pd.DataFrame, data: RawData, lang: str) -> list[dict]:
    """Every source with the figures taken from it and their quotes, for sources.html."""
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
                + (f" ({r.scope})" if r.scope else "")
                for r in group.itertuples()
            ]
            quotes.append(
                {"quote": quote, "locator": group["locator"].iloc[0], "figures": [" ".join(f.split()) for f in figures]}
            )
        entries.append({**source, "quotes": quotes})
    return entries
