"""The one error type for bad input: a list of issues, each pointing at file, line and column."""

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


class DataValidationError(Exception):
    """Raised when raw data breaks a rule; carries every issue found, sorted by place."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(set(issues), key=lambda i: (i.file, i.line, i.column, i.rule))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.issues)
        head = f"{n} problem{'s' if n != 1 else ''} in the raw data:"
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])
