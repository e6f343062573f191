"""The whole report run: plan one job per notebook and parameter set, run them, write the index."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from analysis import atomic, export, i18n, notebook, paths, tables, trends
from analysis.processed import MANIFEST, sources_table
from analysis.registry import national_sectors, sector_names
from analysis.runner import FAILED, Job, Result, check_parameters, recover, run_all
from analysis.runstamp import library_hash
from analysis.tidy import RawData

SECTOR_NOTEBOOK = "sector_trend.ipynb"
OVERVIEW_NOTEBOOK = "overview.ipynb"
NATIONAL_NOTEBOOK = "national.ipynb"
COVERAGE_NOTEBOOK = "coverage.ipynb"
DATA_FILES = {"banenafspraak.csv": "tidy dataset (CSV)", "banenafspraak.xlsx": "tidy dataset (Excel)",
              "sources.csv": "sources", "consistency.csv": "consistency checks", "codebook.csv": "codebook",
              MANIFEST: "data package descriptor with checksums"}


def plan(data: RawData, tidy: pd.DataFrame, notebooks: Path, lang: str, sectors: list[str] | None = None) -> list[Job]:
    """The sector notebook for every sector with data (or the given ones), then overview and national."""
    chosen = sectors or trends.sectors_with_data(tidy, list(data.sectors["sector"]))
    names = sector_names(data.sectors, "nl")
    jobs = [Job(s, notebooks / SECTOR_NOTEBOOK, {"sector": s, "lang": lang}, f"sectors/{s}",
                {"name": names.get(s, s), **trends.sector_summary(tidy, s, data.breaks)} if s in names else {})
            for s in chosen]
    jobs.append(Job("overview", notebooks / OVERVIEW_NOTEBOOK, {"lang": lang}, "overview",
                    {"latest": tables.latest_table(tidy, data.sectors, "en", data.breaks).to_dict(orient="records")}))
    jobs.append(Job("national", notebooks / NATIONAL_NOTEBOOK, {"lang": lang}, "national",
                    {s: trends.sector_summary(tidy, s, data.breaks) for s in national_sectors(data.sectors)}))
    jobs.append(Job("coverage", notebooks / COVERAGE_NOTEBOOK, {"lang": lang}, "coverage", _coverage_summary(data, tidy)))
    return jobs


def _coverage_summary(data: RawData, tidy: pd.DataFrame) -> dict:
    from analysis import coverage

    return {"freshness": coverage.freshness(tidy, data.sectors).astype(object).where(lambda f: f.notna(), None)
                         .to_dict(orient="records"),
            "without_figures": coverage.without_figures(tidy, data.sectors),
            "findings": int((coverage.consistency_findings(tidy, data.sources)["outcome"] == "differs").sum())}


def shared_inputs_hash(data: RawData) -> str:
    raw = json.dumps(data.checksums, sort_keys=True)
    return hashlib.sha256((raw + library_hash()).encode()).hexdigest()


def write_index(root: Path, results: list[Result], data: RawData, tidy: pd.DataFrame, processed: Path,
                lang: str) -> Path:
    """Copy the processed data beside the reports and write index.html linking everything (relative links)."""
    for name in DATA_FILES:
        if (processed / name).is_file():
            atomic.write_bytes(root / "data" / name, (processed / name).read_bytes())
    names = sector_names(data.sectors, lang)

    def entry(r: Result) -> dict:
        folder, stem = r.job.folder, r.job.stem
        ok = (root / folder / "summary.json").is_file()
        failed = root / FAILED / f"{stem}.ipynb"
        return {"name": names.get(r.job.name, r.job.name), "ok": ok, "failed_now": r.status == "failed",
                "html": f"{folder}/{stem}.html", "png": f"{folder}/chart.png", "svg": f"{folder}/chart.svg",
                "ipynb": f"{folder}/{stem}.ipynb", "summary": f"{folder}/summary.json",
                "failed_ipynb": f"{FAILED}/{stem}.ipynb" if failed.is_file() else ""}

    by_folder = {r.job.folder: entry(r) for r in results}
    manifest = processed / MANIFEST
    version = hashlib.sha256(manifest.read_bytes()).hexdigest()[:12] if manifest.is_file() else "?"
    sources = sources_table(tidy, data.sources).to_dict(orient="records")
    atomic.write_bytes(root / "sources.html", export.page("sources.html.j2", lang, sources=sources).encode("utf-8"))
    page = export.page(
        "index.html.j2", lang,
        run_date=dt.date.today().isoformat(),
        data_version=version,
        failed=[e["name"] for e in by_folder.values() if e["failed_now"]],
        national=by_folder.get("national") if by_folder.get("national", {}).get("ok") else None,
        overview=by_folder.get("overview") if by_folder.get("overview", {}).get("ok") else None,
        coverage=by_folder.get("coverage") if by_folder.get("coverage", {}).get("ok") else None,
        latest_table=Markup(tables.latest_table(tidy, data.sectors, lang).to_html(index=False, escape=True, border=0)),
        reports=[e for folder, e in by_folder.items() if folder.startswith("sectors/")],
        data_files=[{"name": n, "href": f"data/{n}", "what": w} for n, w in DATA_FILES.items()
                    if (root / "data" / n).is_file()],
    )
    target = root / "index.html"
    atomic.write_bytes(target, page.encode("utf-8"))
    return target


def summary_table(results: list[Result]) -> str:
    rows = [("report", "status", "time", "output")]
    for r in results:
        main = next((o for o in r.outputs if o.endswith(".html")), r.outputs[0] if r.outputs else "")
        rows.append((r.job.name, r.status, f"{r.seconds:.1f}s", main + (f"  ({r.error})" if r.error else "")))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c:>{widths[2]}}  {d}" for a, b, c, d in rows)


def run(data: RawData, tidy: pd.DataFrame, *, notebooks: Path, out: Path, processed: Path, lang: str = "nl",
        sectors: list[str] | None = None, jobs: int | None = None, force: bool = False, cell_timeout: int = 300,
        progress=print) -> list[Result]:
    i18n.check_lang(lang)
    planned = plan(data, tidy, notebooks, lang, sectors)
    check_parameters(planned, set(data.sectors["sector"]))
    out.mkdir(parents=True, exist_ok=True)
    for line in recover(out):
        progress(f"after an earlier run that did not finish: {line}")
    shared = shared_inputs_hash(data)
    cache = out / ".cache"
    shutil.rmtree(cache, ignore_errors=True)  # only this run's hand-over is kept
    handed = notebook.hand_over(notebook.Data(tidy, data.sectors, data.sources, data.breaks), cache, shared)
    env = {paths.RAW_ENV: str(data.raw.resolve()), notebook.DATA_ENV: str(handed.resolve())}
    results = run_all(planned, out, notebooks, shared, jobs or os.cpu_count() or 1,
                      cell_timeout, force=force, progress=progress, env=env)
    write_index(out, results, data, tidy, processed, lang)
    return results
