"""The whole report run: plan one job per notebook and parameter set, run them, then have the site module write
the index and sources pages."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis import atomic, folders, i18n, paths, stamps
from analysis.data.dataset import HANDED_OVER_ENV, Dataset
from analysis.data.derived import FLAGGED
from analysis.data.registry import national_sectors, sector_names
from analysis.data.tidy import RawData
from analysis.display import summary, tables
from analysis.run import declared
from analysis.run.index import write_index
from analysis.run.jobs import Job, Result, check_parameters
from analysis.run.workers import Workers, run_all
from analysis.site import export
from analysis.trends import series

REGISTRIES = ("sectors.csv", "sources.csv", "breaks.csv")  # what every sector report reads besides its own file


def plan(data: Dataset, notebooks: Path, lang: str, sectors: list[str] | None = None) -> list[Job]:
    """One job per declared report (see run/declared): per sector with data (or the given ones), or once."""
    chosen = sectors or series.sectors_with_data(data)
    shown = sector_names(data.sectors, lang)
    site = i18n.SITE[lang]["site_name"]
    jobs = []
    for entry in declared.entries(notebooks):
        title = entry[f"title_{lang}"]
        if entry.get("for_each") == "sector":
            jobs += [
                Job(
                    s,
                    notebooks / entry["notebook"],
                    {"sector": s, "lang": lang},
                    entry["folder"].format(sector=s),
                    _figures(entry.get("figures"), data, s),
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
                    _figures(entry.get("figures"), data),
                    title=f"{title} — {site}",
                    index=entry["index"],
                )
            )
    return jobs


def _figures(kind: str | None, data: Dataset, sector: str | None = None) -> dict:
    """The key figures a report's summary.json records."""
    if kind == "sector":
        names = sector_names(data.sectors, "nl")
        return {"name": names[sector], **summary.sector_summary(data, sector)} if sector in names else {}
    if kind == "overview":
        return {"answers": tables.answers_table(data, "en").to_dict(orient="records")}
    if kind == "national":
        return {s: summary.sector_summary(data, s) for s in national_sectors(data.sectors)}
    if kind == "coverage":
        return _coverage_summary(data)
    return {}


def _coverage_summary(data: Dataset) -> dict:
    from analysis.trends import coverage

    return {
        "freshness": coverage.freshness(data).astype(object).where(lambda f: f.notna(), None).to_dict(orient="records"),
        "without_figures": coverage.without_figures(data),
        "only_part_sector": coverage.only_part_sector(data),
        "findings": int(coverage.consistency_findings(data)["outcome"].isin(FLAGGED).sum()),
    }


def results_table(results: list[Result]) -> str:
    rows = [("report", "status", "time", "output")]
    for r in results:
        main = next((o for o in r.outputs if o.endswith(".html")), r.outputs[0] if r.outputs else "")
        rows.append((r.job.name, r.status, f"{r.seconds:.1f}s", main + (f"  ({r.error})" if r.error else "")))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}  {d}" for a, b, c, d in rows)


def run(
    raw: RawData,
    tidy: pd.DataFrame,
    *,
    notebooks: Path,
    out: Path,
    processed: Path,
    lang: str = "nl",
    sectors: list[str] | None = None,
    workers: Workers,
    force: bool = False,
    cell_timeout: int = 300,
    progress=print,
    pdf: bool = False,
    stamp: dict | None = None,
) -> list[Result]:
    i18n.check_lang(lang)
    shown = Dataset.of(raw, tidy)  # once: every summary, the index and the hand-over read this one
    planned = plan(shown, notebooks, lang, sectors)
    check_parameters(planned, set(raw.sectors["sector"]))
    folders.mark_reports(out)
    for line in atomic.recover(out):
        progress(f"after an earlier run that did not finish: {line}")
    shared = stamps.handover_key(raw.checksums)
    shutil.rmtree(out / ".cache", ignore_errors=True)  # where earlier versions left the hand-over
    stamp = stamp or stamps.run_stamp(processed)  # the run date and data version of every page, made once
    stamp = {**stamp, "source_names": export.source_names(shown)}  # marked as Dutch on an English page
    # The hand-over to the kernels (a pickle) lives outside the report folder, which is shared and mailed,
    # and only for the length of the run.
    with tempfile.TemporaryDirectory(prefix="banenafspraak-handover-") as cache:
        handed = shown.hand_over(Path(cache), shared)
        env = {paths.RAW_ENV: str(raw.raw.resolve()), HANDED_OVER_ENV: str(handed.resolve())}
        results = run_all(
            planned,
            out,
            notebooks,
            raw.checksums,
            workers,
            cell_timeout,
            force=force,
            progress=progress,
            env=env,
            stamp=stamp,
        )
    write_index(out, results, shown, processed, lang, stamp, declared.sector_folder(notebooks), pdf)
    return results
