"""The whole report run: plan one job per notebook and parameter set, run them, write the index."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis import atomic, export, folders, i18n, notebook, paths, tables, trends
from analysis.errors import ParameterError
from analysis.measures import MEASURES, PERIODS
from analysis.narrative import verdict_text
from analysis.processed import MANIFEST, sources_table
from analysis.registry import national_sectors, sector_names
from analysis.runner import FAILED, Job, Result, check_parameters, recover, run_all
from analysis.runstamp import library_hash
from analysis.tidy import RawData

REGISTRY = "reports.toml"  # in the notebooks folder: every report notebook, declared
INDEX_PLACES = ("sectors", "national", "overview", "coverage", "more")
REGISTRIES = ("sectors.csv", "sources.csv", "breaks.csv")  # what every sector report reads besides its own file
DATA_FILES = {
    "banenafspraak.csv": "tidy dataset (CSV)",
    "banenafspraak.xlsx": "tidy dataset (Excel)",
    "sources.csv": "sources",
    "consistency.csv": "consistency checks",
    "codebook.csv": "codebook",
    MANIFEST: "data package descriptor with checksums",
}


def registry(notebooks: Path) -> list[dict]:
    """The report notebooks declared in notebooks/reports.toml, checked: each names an existing notebook,
    a folder, titles in both languages and a place on the index."""
    import tomllib

    path = notebooks / REGISTRY
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("report", [])
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ParameterError([f"{path}: cannot read the report registry: {err}"]) from None
    problems = []
    for i, e in enumerate(entries, start=1):
        missing = [k for k in ("notebook", "folder", "title_nl", "title_en", "index") if not e.get(k)]
        if missing:
            problems.append(f"{path.name}: report {i} lacks {', '.join(missing)}")
        elif not (notebooks / e["notebook"]).is_file():
            problems.append(f"{path.name}: report {i}: no notebook {e['notebook']} in {notebooks}")
        elif e["index"] not in INDEX_PLACES:
            problems.append(f"{path.name}: report {i}: index must be one of {', '.join(INDEX_PLACES)}")
        elif e.get("for_each") not in (None, "sector"):
            problems.append(f"{path.name}: report {i}: for_each can only be 'sector'")
    if problems:
        raise ParameterError(problems)
    return entries


def plan(data: RawData, tidy: pd.DataFrame, notebooks: Path, lang: str, sectors: list[str] | None = None) -> list[Job]:
    """One job per declared report (see registry): per sector with data (or the given ones), or once."""
    chosen = sectors or trends.sectors_with_data(tidy, list(data.sectors["sector"]))
    shown = sector_names(data.sectors, lang)
    site = i18n.SITE[lang]["site_name"]
    jobs = []
    for entry in registry(notebooks):
        title = entry[f"title_{lang}"]
        if entry.get("for_each") == "sector":
            jobs += [
                Job(
                    s,
                    notebooks / entry["notebook"],
                    {"sector": s, "lang": lang},
                    entry["folder"].format(sector=s),
                    _figures(entry.get("figures"), data, tidy, s),
                    title=f"{title.format(name=shown.get(s, s))} — {site}",
                    index=entry["index"],
                    inputs=(f"figures/{s}.csv", *REGISTRIES),
                )
                for s in chosen
            ]
        else:
            folder = entry["folder"]
            jobs.append(
                Job(
                    Path(folder).name,
                    notebooks / entry["notebook"],
                    {"lang": lang},
                    folder,
                    _figures(entry.get("figures"), data, tidy),
                    title=f"{title} — {site}",
                    index=entry["index"],
                )
            )
    return jobs


def _figures(kind: str | None, data: RawData, tidy: pd.DataFrame, sector: str | None = None) -> dict:
    """The key figures a report's summary.json records."""
    if kind == "sector":
        names = sector_names(data.sectors, "nl")
        return (
            {"name": names.get(sector, sector), **trends.sector_summary(tidy, sector, data.breaks)}
            if sector in names
            else {}
        )
    if kind == "overview":
        return {"latest": tables.latest_table(tidy, data.sectors, "en", data.breaks).to_dict(orient="records")}
    if kind == "national":
        return {s: trends.sector_summary(tidy, s, data.breaks) for s in national_sectors(data.sectors)}
    if kind == "coverage":
        return _coverage_summary(data, tidy)
    return {}


def _coverage_summary(data: RawData, tidy: pd.DataFrame) -> dict:
    from analysis import coverage

    return {
        "freshness": coverage.freshness(tidy, data.sectors)
        .astype(object)
        .where(lambda f: f.notna(), None)
        .to_dict(orient="records"),
        "without_figures": coverage.without_figures(tidy, data.sectors),
        "only_part_sector": coverage.only_part_sector(tidy, data.sectors),
        "findings": int((coverage.consistency_findings(tidy, data.sources)["outcome"] == "differs").sum()),
    }


def shared_inputs_hash(data: RawData) -> str:
    raw = json.dumps(data.checksums, sort_keys=True)
    return hashlib.sha256((raw + library_hash()).encode()).hexdigest()


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

    table = tables.latest_table(tidy, data.sectors, lang, data.breaks)
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


def summary_table(results: list[Result]) -> str:
    rows = [("report", "status", "time", "output")]
    for r in results:
        main = next((o for o in r.outputs if o.endswith(".html")), r.outputs[0] if r.outputs else "")
        rows.append((r.job.name, r.status, f"{r.seconds:.1f}s", main + (f"  ({r.error})" if r.error else "")))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}  {d}" for a, b, c, d in rows)


def run(
    data: RawData,
    tidy: pd.DataFrame,
    *,
    notebooks: Path,
    out: Path,
    processed: Path,
    lang: str = "nl",
    sectors: list[str] | None = None,
    jobs: int | None = None,
    force: bool = False,
    cell_timeout: int = 300,
    progress=print,
    pdf: bool = False,
) -> list[Result]:
    i18n.check_lang(lang)
    planned = plan(data, tidy, notebooks, lang, sectors)
    check_parameters(planned, set(data.sectors["sector"]))
    folders.mark_reports(out)
    for line in recover(out):
        progress(f"after an earlier run that did not finish: {line}")
    shared = shared_inputs_hash(data)
    shutil.rmtree(out / ".cache", ignore_errors=True)  # where earlier versions left the hand-over
    stamp = {"run_date": dt.date.today().isoformat(), "data_version": data_version(processed)}
    # The hand-over to the kernels (a pickle) lives outside the report folder, which is shared and mailed,
    # and only for the length of the run.
    with tempfile.TemporaryDirectory(prefix="banenafspraak-handover-") as cache:
        handed = notebook.hand_over(notebook.Data(tidy, data.sectors, data.sources, data.breaks), Path(cache), shared)
        env = {paths.RAW_ENV: str(data.raw.resolve()), notebook.DATA_ENV: str(handed.resolve())}
        results = run_all(
            planned,
            out,
            notebooks,
            data.checksums,
            jobs or os.cpu_count() or 1,
            cell_timeout,
            force=force,
            progress=progress,
            env=env,
            stamp=stamp,
        )
    write_index(out, results, data, tidy, processed, lang, pdf)
    return results
