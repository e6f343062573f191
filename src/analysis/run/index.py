"""The index page of a report run: one entry per report the run made (or kept from an earlier run), placed
as notebooks/reports.toml says, with the site's own pages (sources, latest figures, what is new) beside them."""

from __future__ import annotations

import json
from pathlib import Path

from analysis import atomic
from analysis.data.dataset import Dataset
from analysis.data.registry import sector_names
from analysis.run.jobs import FAILED, Job, Result
from analysis.site import export
from analysis.site.pages import DATA_FILES, latest_entries, source_entries, what_is_new
from analysis.trends import series


def write_index(
    root: Path, results: list[Result], data: Dataset, processed: Path, lang: str, stamp: dict, pdf: bool = False
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
        for s in series.sectors_with_data(data)
        if f"sectors/{s}" not in run_now and (root / "sectors" / s / "summary.json").is_file()
    ]
    order = {f"sectors/{s}": i for i, s in enumerate(data.sectors["sector"])}
    listed = sorted([*results, *kept], key=lambda r: order.get(r.job.folder, -1))
    by_folder = {r.job.folder: entry(r) for r in listed}  # a --sector run keeps the others' reports listed
    stamp = {**stamp, "up": ""}  # the run's date and data version (stamps.run_stamp), made once per run

    def placed(where: str) -> dict | None:
        """The report the registry places at `where` on the index, if it exists."""
        return next((e for e in by_folder.values() if e["index"] == where and e["ok"]), None)

    sources = source_entries(data, lang)
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
        latest=latest_entries(data, lang, by_folder),
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
