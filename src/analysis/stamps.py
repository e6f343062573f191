"""A record of the last complete report run, so that a rerun with nothing changed does nothing, quickly.

Standard library only: the check runs before pandas, pandera or papermill are imported.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis import atomic

STAMP = ".run-stamp.json"


def library_files() -> list[Path]:
    """The library's code, templates and words (words.toml): a change there can change every report."""
    root = Path(__file__).parent
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".j2", ".json", ".toml"})


def library_hash() -> str:
    h = hashlib.sha256()
    root = Path(__file__).parent
    for path in library_files():
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _tree(folder: Path, pattern: str = "**/*") -> dict[str, str]:
    """sha256 of every visible file below `folder` (hidden files and folders such as locks and caches skipped)."""
    found = {}
    for path in sorted(Path(folder).glob(pattern)):
        rel = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            found[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def inputs_digest(raw: Path, notebooks: Path, settings: dict) -> str:
    """Everything a report run reads: raw data, notebooks, library code and the run's settings."""
    h = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for name, files in (("raw", _tree(raw)), ("notebooks", _tree(notebooks, "*.ipynb"))):
        h.update(json.dumps([name, files], sort_keys=True).encode())
    h.update(library_hash().encode())
    return h.hexdigest()


def unchanged(reports: Path, processed: Path, digest: str) -> bool:
    """True when the last complete run had these inputs and its outputs are all still there, unaltered."""
    stamp = Path(reports) / STAMP
    if not stamp.is_file():
        return False
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        recorded.get("inputs") == digest
        and recorded.get("reports") == _tree(reports)
        and recorded.get("processed") == _tree(processed)
    )


def record(reports: Path, processed: Path, digest: str) -> None:
    stamp = {"inputs": digest, "reports": _tree(reports), "processed": _tree(processed)}
    atomic.write_bytes(Path(reports) / STAMP, json.dumps(stamp, indent=1, sort_keys=True).encode())


def forget(reports: Path) -> None:
    (Path(reports) / STAMP).unlink(missing_ok=True)
