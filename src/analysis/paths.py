"""Every project path, defined once.

The root is found from a marker (this project's pyproject.toml), not from the
package's position on disk, so it also works when the package is installed.
Set BANENAFSPRAAK_ROOT to point elsewhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT_ENV = "BANENAFSPRAAK_ROOT"
RAW_ENV = "BANENAFSPRAAK_RAW"  # set by the report run, so notebooks read the raw folder the run was given
_MARKER = 'name = "banenafspraak-analyse"'


def _is_root(folder: Path) -> bool:
    marker = folder / "pyproject.toml"
    return marker.is_file() and _MARKER in marker.read_text(encoding="utf-8")


def project_root() -> Path:
    if os.environ.get(ROOT_ENV):
        return Path(os.environ[ROOT_ENV]).resolve()
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            if _is_root(folder):
                return folder
    raise NoProjectFolder(
        f"no project folder here or above {Path.cwd()}: run the command inside the banenafspraak-analyse folder "
        f"(the one holding pyproject.toml, data/raw and notebooks/), give the folders (--raw, and --out, --reports "
        f"or --processed where the command writes or reads them), or set {ROOT_ENV} to the project folder"
    )


class NoProjectFolder(FileNotFoundError):
    """No project folder to take the default folders from (errors cannot be imported here: the same floor)."""


def _inside_raw(name: str) -> property:
    return property(lambda layout: layout.raw / name, doc=f"the raw folder's {name}")


@dataclass(frozen=True)
class RawLayout:
    """Where the hand-curated raw data lives inside one raw folder."""

    raw: Path

    figures = _inside_raw("figures")
    sectors_csv = _inside_raw("sectors.csv")
    sources_csv = _inside_raw("sources.csv")
    breaks_csv = _inside_raw("breaks.csv")


def raw_dir() -> Path:
    if os.environ.get(RAW_ENV):
        return Path(os.environ[RAW_ENV]).resolve()
    return project_root() / "data" / "raw"


def processed_dir() -> Path:
    return project_root() / "data" / "processed"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def reports_dir() -> Path:
    return project_root() / "reports"
