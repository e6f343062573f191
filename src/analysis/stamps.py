"""What changed: one home for every digest a report run compares. The checksums of the raw files, the library's
hash, a report's inputs and whether its folder is still what the run wrote, the key of the data handed to the
kernels, the data version and run date the pages show, and the record of the last complete run, so that a
rerun with nothing changed does nothing, quickly. Every file is hashed by atomic.file_sha256.

Standard library only: the check runs before pandas, pandera or papermill are imported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from analysis import atomic, paths

STAMP = ".run-stamp.json"
SUMMARY = "summary.json"  # in every report folder: what the run wrote there, with the hash of each output
MANIFEST = "datapackage.json"  # in data/processed: the outputs' checksums, so its own hash is the data version


def raw_checksums(raw: Path) -> dict[str, str]:
    """sha256 of every raw file, by path relative to the raw folder (what a cached frame was made from)."""
    layout = paths.RawLayout(Path(raw))
    files = [layout.sectors_csv, layout.sources_csv, layout.breaks_csv, *layout.figures.glob("*.csv")]
    return {p.relative_to(raw).as_posix(): atomic.file_sha256(p) for p in sorted(files) if p.is_file()}


def verdict_year() -> int:
    """The year the verdicts take as the one not yet over (a figure for it is a reading during the year, and a
    target due in it has not yet passed): an input of every report, as much as the raw data is."""
    return dt.date.today().year


def job_digest(checksums: dict[str, str], library: str, notebook: Path, parameters: dict) -> str:
    """What one report depends on: the raw files it reads (`checksums`, already narrowed to them), the library,
    its notebook, its parameters and the year its verdicts take as the current one (verdict_year). Its key
    figures are not hashed: they follow from the raw data and the library, which are."""
    h = hashlib.sha256((json.dumps(checksums, sort_keys=True) + library + str(verdict_year())).encode())
    h.update(Path(notebook).read_bytes())
    h.update(json.dumps(parameters, sort_keys=True).encode())
    return h.hexdigest()


def output_hashes(folder: Path, names: list[str]) -> dict[str, str]:
    """The hash of each output a report folder holds (all but its summary.json), as the run records them."""
    return {name: atomic.file_sha256(Path(folder) / name) for name in names if name != SUMMARY}


def report_is_current(folder: Path, digest: str) -> bool:
    """Whether the report in `folder` was made from inputs with this digest and every output is still what the
    run wrote: a page emptied or edited by hand is made again."""
    summary = Path(folder) / SUMMARY
    try:
        recorded = json.loads(summary.read_text(encoding="utf-8"))
        hashes = recorded.get("output_hashes", {})
        return (
            recorded.get("input_hash") == digest
            and set(hashes) == set(recorded.get("outputs", [])) - {SUMMARY}
            and all(atomic.file_sha256(Path(folder) / f) == h for f, h in hashes.items())
        )
    except (OSError, ValueError, AttributeError):
        return False


def handover_key(checksums: dict[str, str]) -> str:
    """The name of the data handed to the kernels: the raw files and the library it was made from."""
    return hashlib.sha256((json.dumps(checksums, sort_keys=True) + library_hash()).encode()).hexdigest()


def data_version(processed: Path) -> str:
    """The first 12 hex digits of the processed data's manifest: what the reports were made from."""
    manifest = Path(processed) / MANIFEST
    return atomic.file_sha256(manifest)[:12] if manifest.is_file() else "?"


def run_stamp(processed: Path) -> dict[str, str]:
    """The run date and data version every page and PDF of one run shows, made once per run."""
    return {"run_date": dt.date.today().isoformat(), "data_version": data_version(processed)}


# What no report runs: extract reads documents for the analyst and writes proposals, never a report's input.
NOT_IN_REPORTS = ("extract",)


def library_files() -> list[Path]:
    """The library's code, templates and words (words.toml): a change there can change every report. Not
    extract's code or words: a word added for extract re-executes no report."""
    root = Path(__file__).parent
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix in {".py", ".j2", ".json", ".toml"}
        and p.relative_to(root).parts[0] not in NOT_IN_REPORTS
    )


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
            found[rel.as_posix()] = atomic.file_sha256(path)
    return found


def inputs_digest(raw: Path, notebooks: Path, settings: dict) -> str:
    """Everything a report run reads: raw data, the notebooks and their registry (reports.toml), library code
    and the run's settings."""
    h = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for name, files in (("raw", _tree(raw)), ("notebooks", _tree(notebooks, "*"))):
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
