"""Every error this project reports to its user, under one base that carries the command's exit code.

data 1 (bad raw data, an output that would lose rows), parameters and places 2 (a bad option, an output
folder that is not ours, a version that cannot be read), busy folder 3, a missing tool 4. The command line
catches only ProjectError, and OSError (no permission, a read-only file system, a full disk, a file size
limit: which file, why and what to do, exit 1; atomic writes name the file where the system names none);
anything else is a bug, shown with its traceback (exit 1).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One thing wrong in a raw file. `line` is the physical line number (header = 1)."""

    file: str
    line: int
    column: str
    value: str | None  # the offending text as written, None where no single value is at fault
    rule: str

    def __str__(self) -> str:
        column = f"column '{self.column}'" if self.column else "whole line"
        value = f" (found: {self.value!r})" if self.value is not None else ""
        return f"{self.file}:{self.line}: {column}: {self.rule}{value}"


class ProjectError(Exception):
    """An error for the user: its message says what is wrong and what to do; `exit_code` is the command's."""

    exit_code = 1
    shown_as = "error"  # what the command line's message starts with

    def message(self) -> str:
        return f"{self.shown_as}: {self}"


class DataValidationError(ProjectError):
    """Raised when raw data breaks a rule; carries every issue found, sorted by place."""

    def __init__(self, issues: list[Issue], where: str = "the raw data"):
        self.issues = sorted(set(issues), key=lambda i: (i.file, i.line, i.column, i.rule))
        self.where = where
        super().__init__(self.problem_list())

    def message(self) -> str:
        return self.problem_list() + "\nnothing was written."

    def problem_list(self) -> str:
        n = len(self.issues)
        head = f"{n} problem{'s' if n != 1 else ''} in {self.where}:"
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])


class ReconciliationError(ProjectError):
    """Raw rows and tidy rows do not match one to one: a row would be lost or doubled."""

    shown_as = "internal error, nothing was written"


class ParameterError(ProjectError):
    """Parameters that do not fit a notebook, the registry or the report registry; found before anything runs."""

    exit_code = 2

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class NotOurFolder(ProjectError):
    """An output folder that this project did not make (or the raw data folder)."""

    exit_code = 2


class NoSuchVersion(ProjectError):
    """The earlier version cannot be read (no such revision or folder, or no dataset in it)."""

    exit_code = 2


class FolderBusy(ProjectError):
    """Another run holds the folder."""

    exit_code = 3


class UnreadableDocument(ProjectError):
    """A document extract cannot read: missing, empty, of an unknown type, encrypted, or a scan without text."""

    exit_code = 2


class VocabularyError(ProjectError):
    """extract's vocabulary.toml holds a key, id or value extract does not know (its line named)."""

    exit_code = 2


class ExtraMissing(ProjectError):
    """A command needs packages of an extra that is not installed (pyproject.toml [project.optional-dependencies]);
    raised before anything is read or written."""

    exit_code = 4


class ChromiumMissing(ProjectError):
    """No Chromium to print with; raised before anything is read or written."""

    exit_code = 4
