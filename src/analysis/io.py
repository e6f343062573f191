"""Reading raw CSV files as text, keeping the physical line number of every row.

Only structure is checked here (encoding, header, number of fields); the
values are checked by the schema. The csv module is used instead of
pandas.read_csv because it reports where each record starts and never
guesses types or silently pads short rows.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from analysis.errors import Issue

LINE = "_line"  # column holding the physical line number of each record


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _decode(data: bytes, name: str, header: list[str]) -> tuple[str | None, list[Issue]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        before = _LINE_BREAK.split(data[: err.start])  # \r\n, \r and \n all end a line, as for the csv reader
        line_no = len(before)
        rest = _LINE_BREAK.split(data[err.start :], maxsplit=1)[0]
        line = (before[-1] + rest).decode("utf-8", errors="replace")
        try:
            fields = next(csv.reader([line]), [])
        except csv.Error:
            fields = []
        bad = next((i for i, f in enumerate(fields) if "\ufffd" in f), None)
        column = header[bad] if bad is not None and line_no > 1 and bad < len(header) else ""
        rule = "the file is not UTF-8 text; save it as 'CSV UTF-8'"
        return None, [Issue(name, line_no, column, line, rule)]


def _header_issue(name: str, found: list[str], expected: list[str], raw_line: str) -> Issue | None:
    if found == expected:
        return None
    for delimiter in (";", "\t"):
        if [c.strip() for c in raw_line.split(delimiter)] == expected:
            shown = "tab" if delimiter == "\t" else delimiter
            return Issue(name, 1, "", raw_line, f"columns are separated by '{shown}'; use a comma")
    missing = [c for c in expected if c not in found]
    extra = [c for c in found if c not in expected]
    if missing:
        return Issue(name, 1, missing[0], raw_line,
                     f"missing column(s) {', '.join(missing)}; the header must be: {','.join(expected)}")
    if extra:
        return Issue(name, 1, extra[0], raw_line,
                     f"unknown column(s) {', '.join(extra)}; the header must be: {','.join(expected)}")
    return Issue(name, 1, "", raw_line, f"columns are out of order; the header must be: {','.join(expected)}")


def read_records(path: Path, columns: list[str], name: str) -> tuple[pd.DataFrame, list[Issue]]:
    """Read `path` as text records with the given header.

    Returns every record (all columns as stripped strings, plus LINE) and the
    structural issues found; a record with a wrong number of fields is reported
    and left out of the frame, so the caller must treat any issue as fatal.
    """
    records, lines, issues = read_rows(path, columns, name)
    return to_frame(records, lines, columns), issues


def to_frame(records: list[list[str]], lines: list[int], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=columns, dtype="str") if records else \
        pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    frame[LINE] = pd.Series(lines, dtype="int64", index=frame.index)
    return frame


def read_rows(path: Path, columns: list[str], name: str) -> tuple[list[list[str]], list[int], list[Issue]]:
    """Like read_records, as plain lists (records, their line numbers, issues): cheap for many small files."""
    data = path.read_bytes()
    text, issues = _decode(data, name, columns)
    if text is None:
        return [], [], issues
    if not text.strip():
        return [], [], [Issue(name, 1, "", None, f"the file is empty; it needs at least the header: {','.join(columns)}")]

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    first_line = text.splitlines()[0]
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            issues.append(Issue(name, reader.line_num, "", None, f"cannot read this line as CSV: {err}"))
            break
        if not row:  # a blank line is not a record
            continue
        fields = [f.strip() for f in row]
        if header is None:
            header = fields
            problem = _header_issue(name, header, columns, first_line)
            if problem:
                return [], [], [problem]
            continue
        if len(fields) != len(columns):
            rule = (f"expected {len(columns)} fields, found {len(fields)}"
                    + (" (a comma inside a text needs double quotes around the text)" if len(fields) > len(columns) else ""))
            issues.append(Issue(name, start, "", ",".join(row), rule))
            continue
        records.append(fields)
        lines.append(start)
    return records, lines, issues
