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
import stat
from pathlib import Path

import pandas as pd

from analysis.errors import Issue

LINE = "_line"  # column holding the physical line number of each record
MAX_FILE_BYTES = 512 * 1024 * 1024  # far above any real raw file; a larger one is a mistake, not data
# C0 and C1 control characters (tab, line feed and carriage return included: inside a field they are never
# meant, and they break the SVG and CSV outputs). Line ends between records are not inside a field.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _decode(data: bytes, name: str, header: list[str]) -> tuple[str | None, list[Issue]]:
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):  # UTF-16 holds a NUL in every ASCII character
        line = 1
        return None, [Issue(name, line, "", None, "the file has NUL bytes, so it is not UTF-8 text (it looks like "
                                                  "UTF-16, as some programs save 'Unicode text'); save it as 'CSV UTF-8'")]
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


def regular_file_issue(path: Path, name: str) -> Issue | None:
    """Only ordinary files are read: a pipe would block for ever, a device read until memory runs out."""
    try:
        info = path.stat()
    except OSError as err:
        return Issue(name, 1, "", None, f"cannot be read: {err.strerror}")
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a pipe" if stat.S_ISFIFO(info.st_mode) else \
            "a device or socket"
        return Issue(name, 1, "", None, f"is {kind}, not an ordinary file; only ordinary CSV files are read")
    if info.st_size > MAX_FILE_BYTES:
        return Issue(name, 1, "", None, f"is {info.st_size:,} bytes, more than the {MAX_FILE_BYTES:,} bytes a raw "
                                        "file may have; split it or check that it is the right file")
    return None


def _control_issues(fields: list[str], columns: list[str], name: str, line: int) -> list[Issue]:
    return [Issue(name, line, columns[i] if i < len(columns) else "", f,
                  f"contains a control character (U+{ord(CONTROL.search(f).group()):04X}); remove it")
            for i, f in enumerate(fields) if CONTROL.search(f)]


def read_rows(path: Path, columns: list[str], name: str) -> tuple[list[list[str]], list[int], list[Issue]]:
    """Like read_records, as plain lists (records, their line numbers, issues): cheap for many small files."""
    problem = regular_file_issue(path, name)
    if problem:
        return [], [], [problem]
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
    # one search of the whole text finds files without control characters inside fields (nearly all)
    has_control = CONTROL.search(text.replace("\r", "").replace("\n", "")) is not None
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                issues.append(Issue(name, start, "", None, f"a quote opened on line {start} is never closed"))
            else:
                issues.append(Issue(name, reader.line_num, "", None, f"cannot read this line as CSV: {err}"))
            break
        if not row:  # a blank line is not a record
            continue
        if reader.line_num > start:  # a quoted field ran over the end of its line into the next ones
            spanned = next((columns[i] for i, f in enumerate(row) if ("\n" in f or "\r" in f) and i < len(columns)), "")
            issues.append(Issue(name, start, spanned, None,
                                f"a quote opened on line {start} closes only on line {reader.line_num}, so lines "
                                f"{start}-{reader.line_num} were read as one row; close the quote on its own line"))
            continue
        fields = [f.strip() for f in row]
        if has_control:
            found = _control_issues(fields, columns if header is not None else [], name, start)
            if found:
                issues += found
                continue
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
