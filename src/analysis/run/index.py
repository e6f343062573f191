"""The index page of a report run: one entry per report the run made (or kept from an earlier run), placed
as notebooks/reports.toml says, with the site's own pages (sources, latest figures, what is new) beside them."""

from __future__ import annotations

import json
from pathlib import Path

from analysis import atomic, i18n
from analysis.data.dataset import Dataset
from analysis.data.registry import sector_names
from analysis.run.jobs import FAILED, Job, Result
from analysis.site import export
from analysis.site.pages import DATA_FILES, answer_entries, record_version, source_entries, what_is_new
from analysis.trends import series


def write_index(
    root: Path,
    results: list[Result],
    data: Dataset,
    processed: Path,
    lang: str,
    stamp: dict,
    sector_folder: str | None,
    pdf: bool = False,
) -> Path:
    """Copy the processed data beside the reports and write index.html and sources.html linking everything
    (relative links), with the run's date and data version (`stamp`, made once per run); each sector's report
    is in `sector_folder` (declared.sector_folder)."""
    news = what_is_new(root, processed, lang, data)
    for name in DATA_FILES:
        if (processed / name).is_file():
            atomic.write_bytes(root / "data" / name, (processed / name).read_bytes())
    record_version(root, processed, stamp["run_date"])
    by_folder = report_entries(root, results, data, lang, sector_folder, pdf)
    stamp = {**stamp, "up": ""}
    sources = export.page("sources.html.j2", lang, sources=source_entries(data, lang), **stamp)
    atomic.write_bytes(root / "sources.html", sources.encode("utf-8"))
    reading = export.page("reading.html.j2", lang, reading=i18n.READING[lang], **stamp)
    atomic.write_bytes(root / "reading.html", reading.encode("utf-8"))
    entries = list(by_folder.values())
    placed = {where: next((e for e in entries if e["index"] == where and e["ok"]), None) for where in PLACED_ONCE}
    page = export.page(
        "index.html.j2",
        lang,
        **stamp,
        **placed,
        news=news,
        failed=[e["name"] for e in entries if e["failed_now"]],
        more=[e for e in entries if e["index"] == "more"],
        answers=answer_entries(data, lang, _by_sector(by_folder, data, sector_folder)),
        reports=[e for e in entries if e["index"] == "sectors"],
        data_files=[
            {"name": n, "href": f"data/{n}", "what": i18n.DATA_FILES[lang][n]}
            for n in DATA_FILES
            if (root / "data" / n).is_file()
        ],
    )
    target = root / "index.html"
    atomic.write_bytes(target, page.encode("utf-8"))
    return target


PLACED_ONCE = ("national", "overview", "coverage")  # places on the index that hold one report each


def report_entries(
    root: Path, results: list[Result], data: Dataset, lang: str, sector_folder: str | None, pdf: bool
) -> dict[str, dict]:
    """One index entry per report folder, in the order reports.toml declares them: the reports this run made or
    found up to date, and the sector reports (in `sector_folder`) an earlier run made that this one did not plan
    (a --sector run keeps the other sectors listed)."""
    run_now = {r.job.folder for r in results}
    folders = _sector_folders(data, sector_folder)
    kept = [
        Result(Job(s, Path("sector_trend.ipynb"), {}, folders[s], index="sectors"), "up-to-date", 0.0)
        for s in series.sectors_with_data(data)
        if s in folders and folders[s] not in run_now and (root / folders[s] / "summary.json").is_file()
    ]
    order = {folder: i for i, folder in enumerate(folders.values())}
    listed = sorted([*results, *kept], key=lambda r: order.get(r.job.folder, -1))
    names = sector_names(data.sectors, lang)
    return {r.job.folder: _entry(root, r, names, pdf) for r in listed}


def _sector_folders(data: Dataset, sector_folder: str | None) -> dict[str, str]:
    """Each sector's report folder (`sector_folder` with the sector's id), in the order of sectors.csv."""
    return {s: sector_folder.format(sector=s) for s in data.sectors["sector"]} if sector_folder else {}


def _by_sector(by_folder: dict[str, dict], data: Dataset, sector_folder: str | None) -> dict[str, dict]:
    """The index entry of each sector's report, by sector."""
    return {s: by_folder[f] for s, f in _sector_folders(data, sector_folder).items() if f in by_folder}


def _entry(root: Path, r: Result, names: dict[str, str], pdf: bool) -> dict:
    """What the index shows of one report: its name, whether it exists and failed now, and its files."""
    folder, stem = r.job.folder, r.job.stem
    ok = (root / folder / "summary.json").is_file()
    title = r.job.title.split(" — ")[0] or names.get(r.job.name, r.job.name)
    return {
        "name": names.get(r.job.name, title),
        "ok": ok,
        "failed_now": r.status == "failed",
        "index": r.job.index,
        "html": f"{folder}/{stem}.html",
        "png": f"{folder}/chart.png",
        "png_size": _image_size(root / folder / "chart.png"),
        "svg": f"{folder}/chart.svg",
        "ipynb": f"{folder}/{stem}.ipynb",
        "summary": f"{folder}/summary.json",
        "alt": _chart_alt(root / folder, names.get(r.job.name, r.job.name)),
        "pdf": f"{folder}/{stem}.pdf" if ok and (pdf or (root / folder / f"{stem}.pdf").is_file()) else "",
        "failed_ipynb": f"{FAILED}/{stem}.ipynb" if (root / FAILED / f"{stem}.ipynb").is_file() else "",
    }


def _image_size(png: Path) -> dict[str, int]:
    """An image's width and height in pixels, which its <img> carries (the page keeps its place while it loads);
    none for a missing or unreadable file."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(png) as image:
            return {"width": image.width, "height": image.height}
    except (OSError, UnidentifiedImageError):
        return {}


def _chart_alt(folder: Path, fallback: str) -> str:
    """The alt text the report's main chart was made with (recorded in summary.json by the run)."""
    try:
        return json.loads((folder / "summary.json").read_text(encoding="utf-8")).get("alt", {}).get("chart") or fallback
    except (OSError, ValueError):
        return fallback
