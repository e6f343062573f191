"""Output folders that belong to the project: refuse to write anywhere else.

A report or processed folder is used only when it does not exist yet, is empty, or carries the mark of an
earlier run (the marker file, or the outputs this project writes); never inside the raw data folder. So a
mistyped `--reports ~` or `--out data/raw` is refused before anything is deleted or overwritten.
"""

from __future__ import annotations

from pathlib import Path

from analysis.errors import NotOurFolder

REPORTS_MARKER = ".banenafspraak-reports"
PROCESSED_MARK = "datapackage.json"  # written last by every prepare, with "name": "banenafspraak"


def _inside(folder: Path, raw: Path) -> bool:
    folder, raw = folder.resolve(), raw.resolve()
    return folder == raw or raw in folder.parents


def _check(folder: Path, raw: Path, what: str, ours) -> None:
    folder = Path(folder)
    if _inside(folder, Path(raw)):
        raise NotOurFolder(f"{what} {folder} is (inside) the raw data folder {raw}; choose another folder")
    if folder.exists() and not folder.is_dir():
        raise NotOurFolder(f"{what} {folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not ours(folder):
        raise NotOurFolder(
            f"{what} {folder} already holds files that this project did not write; choose an empty "
            "or new folder (nothing was changed)"
        )


def _is_processed(folder: Path) -> bool:
    mark = folder / PROCESSED_MARK
    return mark.is_file() and '"name": "banenafspraak"' in mark.read_text(encoding="utf-8", errors="replace")


def check_processed(folder: Path, raw: Path) -> None:
    _check(folder, raw, "the processed data folder", _is_processed)


def check_reports(folder: Path, raw: Path) -> None:
    # a report folder from before the marker existed is known by its run record
    _check(
        folder, raw, "the report folder", lambda f: (f / REPORTS_MARKER).is_file() or (f / ".run-stamp.json").is_file()
    )


def mark_reports(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / REPORTS_MARKER
    if not marker.is_file():
        marker.write_text(
            "This folder is written by banenafspraak-analyse (python -m analysis report).\n", encoding="utf-8"
        )
