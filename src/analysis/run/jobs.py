"""A report job: one notebook with its parameters, its folder, its title and place on the index, and the raw
files it reads; its result; and the check that every parameter is a plain id before any notebook runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import papermill

from analysis import i18n, stamps
from analysis.dictionary import SECTOR_ID
from analysis.errors import ParameterError

SUMMARY = stamps.SUMMARY
FAILED = "failed"
SAFE_VALUE = SECTOR_ID  # parameters are ids (sector ids, languages), never code


@dataclass(frozen=True)
class Job:
    name: str  # shown in progress and summary
    notebook: Path
    parameters: dict[str, str]
    folder: str  # output folder, relative to the report root
    summary: dict = field(default_factory=dict, compare=False, hash=False)  # key figures for summary.json
    title: str = ""  # the page's <title>, in the report language
    index: str = "more"  # its place on the index (declared.INDEX_PLACES)
    inputs: tuple[str, ...] | None = None  # the raw files it reads (relative to the raw folder); None: all

    @property
    def stem(self) -> str:
        return Path(self.folder).name

    def digest(self, checksums: dict[str, str], library: str) -> str:
        """What this report depends on (stamps.job_digest): the raw files it reads (a sector report: its
        sector's file and the registries; the others: every file), the library, its notebook and parameters.
        So a new figure in rijk.csv executes the Rijk report and the reports of all sectors, no other; a new
        title or folder in reports.toml executes the reports it declares."""
        read = {k: v for k, v in checksums.items() if self.inputs is None or k in self.inputs}
        declared = {"folder": self.folder, "title": self.title, "index": self.index}  # its reports.toml entry
        return stamps.job_digest(read, library, self.notebook, {**self.parameters, "declared": declared})


@dataclass
class Result:
    job: Job
    status: str  # ok, failed, up-to-date
    seconds: float
    outputs: list[str] = field(default_factory=list)
    error: str = ""
    ready_ahead: bool = False  # it ran on a kernel started while the worker's previous notebook ran


def check_parameters(jobs: list[Job], sector_ids: set[str]) -> None:
    """Every parameter must be declared by its notebook and be a known value; all problems at once."""
    problems = []
    declared_by: dict[Path, dict] = {}
    for job in jobs:
        if job.notebook not in declared_by:
            declared_by[job.notebook] = papermill.inspect_notebook(str(job.notebook))
        declared = declared_by[job.notebook]
        for name, value in job.parameters.items():
            if name not in declared:
                problems.append(
                    f"{job.notebook.name} has no parameter {name!r} (it declares: {', '.join(declared) or 'none'})"
                )
            if not isinstance(value, str) or not SAFE_VALUE.match(value):
                problems.append(
                    f"{job.notebook.name}: parameter {name}={value!r} is not a plain id "
                    "(lower-case letters, digits and _ only)"
                )
            elif name == "sector" and value not in sector_ids:
                problems.append(f"unknown sector {value!r}; known: {', '.join(sorted(sector_ids))}")
            elif name == "lang" and value not in i18n.LANGS:
                problems.append(f"unknown language {value!r}; use one of: {', '.join(i18n.LANGS)}")
    if problems:
        raise ParameterError(sorted(set(problems)))
