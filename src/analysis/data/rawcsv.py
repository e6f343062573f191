"""Reading raw CSV files as text, keeping the physical line number of every row.

Only structure is checked here (encoding, header, number of fields); the
values are checked by the schema. The csv module is used instead of
pandas.read_csv because it reports where each record starts and never
guesses types or silently pads short rows.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import stat
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.data import categorical
from analysis.errors import Issue, ProjectError

LINE = "_line"  # column holding the physical line number of each record
MAX_FILE_BYTES = 512 * 1024 * 1024  # far above any real raw file; a larger one is a mistake, not data
# C0 and C1 control characters (tab, line feed and carriage return included: inside a field they are never
# meant, and they break the SVG and CSV outputs). Line ends between records are not inside a field.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# One maximum length for every text, the most a spreadsheet cell holds: the XLSX output would otherwise cut a
# text the CSV keeps whole. Both readers check it, and the csv module's own field limit (131,072 characters)
# is raised past any file, so that it is this rule that speaks, the same in both.
MAX_TEXT = 32_767
TOO_LONG = "a text holds at most 32,767 characters (what a spreadsheet cell holds); this one has {length:,}"
csv.field_size_limit(MAX_FILE_BYTES + 1)


LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _decode(data: bytes, name: str, header: list[str], delimiter: str = ",") -> tuple[str | None, list[Issue]]:
    head = data[:4096]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):  # UTF-16 holds a NUL in every ASCII character
        line = 1
        return None, [
            Issue(
                name,
                line,
                "",
                None,
                "the file has NUL bytes, so it is not UTF-8 text (it looks like "
                "UTF-16, as some programs save 'Unicode text'); save it as 'CSV UTF-8'",
            )
        ]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        before = LINE_BREAK.split(data[: err.start])  # \r\n, \r and \n all end a line, as for the csv reader
        line_no = len(before)
        rest = LINE_BREAK.split(data[err.start :], maxsplit=1)[0]
        line = (before[-1] + rest).decode("utf-8", errors="replace")
        try:
            fields = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            fields = []
        bad = next((i for i, f in enumerate(fields) if "\ufffd" in f), None)
        column = header[bad] if bad is not None and line_no > 1 and bad < len(header) else ""
        rule = "the file is not UTF-8 text; save it as 'CSV UTF-8' (Dutch Excel: 'CSV UTF-8 (door komma's gescheiden)')"
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
        return Issue(
            name,
            1,
            missing[0],
            raw_line,
            f"missing column(s) {', '.join(missing)}; the header must be: {','.join(expected)}",
        )
    if extra:
        return Issue(
            name,
            1,
            extra[0],
            raw_line,
            f"unknown column(s) {', '.join(extra)}; the header must be: {','.join(expected)}",
        )
    return Issue(name, 1, "", raw_line, f"columns are out of order; the header must be: {','.join(expected)}")


def to_frame(records: list[list[str]], lines: list[int], columns: list[str]) -> pd.DataFrame:
    frame = (
        pd.DataFrame(records, columns=columns, dtype="str")
        if records
        else pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    )
    frame[LINE] = pd.Series(lines, dtype="int64", index=frame.index)
    return frame


def regular_file_issue(path: Path, name: str) -> Issue | None:
    """Only ordinary files are read: a pipe would block for ever, a device read until memory runs out."""
    try:
        info = path.stat()
    except OSError as err:
        return Issue(name, 1, "", None, f"cannot be read: {err.strerror}")
    if not stat.S_ISREG(info.st_mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(info.st_mode)
            else "a pipe"
            if stat.S_ISFIFO(info.st_mode)
            else "a device or socket"
        )
        return Issue(name, 1, "", None, f"is {kind}, not an ordinary file; only ordinary CSV files are read")
    if info.st_size > MAX_FILE_BYTES:
        return Issue(
            name,
            1,
            "",
            None,
            f"is {info.st_size:,} bytes, more than the {MAX_FILE_BYTES:,} bytes a raw "
            "file may have; split it or check that it is the right file",
        )
    return None


def _length_issues(fields: list[str], columns: list[str], name: str, line: int) -> list[Issue]:
    return [
        Issue(name, line, columns[i] if i < len(columns) else "", f[:60] + "…", TOO_LONG.format(length=len(f)))
        for i, f in enumerate(fields)
        if len(f) > MAX_TEXT
    ]


def _control_issues(fields: list[str], columns: list[str], name: str, line: int) -> list[Issue]:
    return [
        Issue(
            name,
            line,
            columns[i] if i < len(columns) else "",
            f,
            f"contains a control character (U+{ord(CONTROL.search(f).group()):04X}); remove it",
        )
        for i, f in enumerate(fields)
        if CONTROL.search(f)
    ]


_READ: ContextVar[dict[Path, str] | None] = ContextVar("raw_files_read", default=None)


@contextmanager
def reading():
    """Record the sha256 of every raw file read inside the block, from the very bytes parsed: {path: digest}.
    A report's record of its inputs is then what it was made from, even when a file is saved during the run."""
    token = _READ.set({})
    try:
        yield _READ.get()
    finally:
        _READ.reset(token)


def file_bytes(path: Path) -> bytes:
    """A raw file's bytes. Inside `reading`, its digest is recorded; a file read twice (the careful reader after
    the fast one) must give the same bytes both times, or the run stops rather than mix two versions."""
    data = Path(path).read_bytes()
    read = _READ.get()
    if read is not None:
        digest = hashlib.sha256(data).hexdigest()
        if read.setdefault(Path(path), digest) != digest:
            raise ProjectError(f"{path} changed while it was being read: save it, then run the command again")
    return data


def read_rows(
    path: Path, columns: list[str], name: str, spreadsheet: bool = False
) -> tuple[list[list[str]], list[int], list[Issue]]:
    """A file read by the careful reader (the csv module): its records as plain lists, their line numbers, and
    the issues found; a record with a wrong number of fields is reported and left out. With `spreadsheet` (a
    file an analyst may have saved from a spreadsheet, such as a proposals file), fields may also be separated
    by semicolons, as Dutch Excel saves a CSV."""
    problem = regular_file_issue(path, name)
    if problem:
        return [], [], [problem]
    return rows_of(file_bytes(path), columns, name, spreadsheet)


def _spreadsheet_delimiter(data: bytes, columns: list[str]) -> str:
    """';' where the header is the expected one separated by semicolons (Dutch Excel's list separator), else ','."""
    header = data.removeprefix(codecs.BOM_UTF8).split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", "replace")
    return ";" if [c.strip() for c in header.split(";")] == columns else ","


def _spanned_issue(name: str, start: int, end: int, row: list[str], columns: list[str]) -> Issue:
    """A quote opened on `start` that closes only on `end`: named at the field it swallowed the lines into."""
    spanned = next((columns[i] for i, f in enumerate(row) if ("\n" in f or "\r" in f) and i < len(columns)), "")
    return Issue(
        name,
        start,
        spanned,
        None,
        f"a quote opened on line {start} closes only on line {end}, so lines "
        f"{start}-{end} were read as one row; close the quote on its own line",
    )


def _width_issue(name: str, start: int, row: list[str], columns: list[str]) -> Issue:
    """A row with too many or too few fields (too many: most often an unquoted comma in a text)."""
    rule = f"expected {len(columns)} fields, found {len(row)}" + (
        " (a comma inside a text needs double quotes around the text)" if len(row) > len(columns) else ""
    )
    return Issue(name, start, "", ",".join(row), rule)


def rows_of(
    data: bytes, columns: list[str], name: str, spreadsheet: bool = False
) -> tuple[list[list[str]], list[int], list[Issue]]:
    """read_rows on a file's bytes already read."""
    delimiter = _spreadsheet_delimiter(data, columns) if spreadsheet else ","
    text, issues = _decode(data, name, columns, delimiter)
    if text is None:
        return [], [], issues
    if not text.strip():
        return (
            [],
            [],
            [Issue(name, 1, "", None, f"the file is empty; it needs at least the header: {','.join(columns)}")],
        )

    records: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    first_line = text.splitlines()[0]
    # one search of the whole text finds files without control characters inside fields (nearly all)
    has_control = CONTROL.search(text.replace("\r", "").replace("\n", "")) is not None
    for start, end, row in _csv_records(text, delimiter, name, issues):
        fields = [f.strip() for f in row]
        unreadable = _row_issues(name, (start, end), row, fields, columns)
        if not unreadable and has_control:
            unreadable = _control_issues(fields, columns if header is not None else [], name, start)
        if unreadable:
            issues += unreadable
            continue
        if header is None:
            header = fields
            problem = _header_issue(name, header, columns, first_line)
            if problem:
                return [], [], [problem]
            continue
        if len(fields) != len(columns):
            issues.append(_width_issue(name, start, row, columns))
            continue
        records.append(fields)
        lines.append(start)
    return records, lines, issues


def _csv_records(text: str, delimiter: str, name: str, issues: list[Issue]):
    """Each record of the text with the lines it starts and ends on (a blank line is none); a line the csv module
    cannot read ends the reading, with its issue added to `issues`."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            if "unexpected end of data" in str(err):
                issues.append(Issue(name, start, "", None, f"a quote opened on line {start} is never closed"))
            else:
                issues.append(Issue(name, reader.line_num, "", None, f"cannot read this line as CSV: {err}"))
            return
        if row:
            yield start, reader.line_num, row


def _row_issues(
    name: str, lines: tuple[int, int], row: list[str], fields: list[str], columns: list[str]
) -> list[Issue]:
    """What makes a record unreadable before its fields are checked: a quoted field that ran over the end of its
    line into the next ones, or a field longer than a field can be."""
    start, end = lines
    if end > start:
        return [_spanned_issue(name, start, end, row, columns)]
    return _length_issues(fields, columns, name, start) if sum(map(len, fields)) > MAX_TEXT else []


# ------------------------------------------------------------------ many files at once
#
# The csv module above costs about a microsecond per field in Python, which is seconds for a
# million rows. Files that need none of its care (no control characters, no blank lines, no lone
# carriage returns, the header exactly as expected) are parsed instead by pyarrow in one pass over
# all of them. Each record there is exactly one line, so line numbers stay exact; the row count is
# checked against the line count, and every line holding a quote is parsed again by the csv module
# and compared, so the fast path accepts exactly what the careful reader accepts. Anything else
# goes through read_rows, which says what is wrong and where.

FILE = "_file"  # column holding the name of the file each record comes from
# Bytes the fast path leaves to the careful reader: ASCII control characters (tab included) ...
_NOT_PLAIN = bytes(range(0x20, 0x7F)) + b"\n" + bytes(range(0x80, 0x100))  # what bytes.translate keeps out
# ... and, in UTF-8, C1 controls and the non-ASCII white space str.strip removes (pyarrow's trim may not).
# One pattern per lead byte: re then scans for that byte quickly instead of trying every position.
_NON_ASCII_CARE = [
    re.compile(p)
    for p in (rb"\xc2[\x80-\xa0]", rb"\xe1\x9a\x80", rb"\xe2(?:\x80[\x80-\x8a\xa8\xa9\xaf]|\x81\x9f)", rb"\xe3\x80\x80")
]


@dataclass
class _Body:
    path: Path
    name: str
    data: bytes  # the records after the header, each line ending in \n
    lines: int


def _plain_body(path: Path, name: str, columns: list[str]) -> _Body | None:
    """The records of a file the fast path can read, or None when it needs the careful reader."""
    data = file_bytes(path).removeprefix(codecs.BOM_UTF8)
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
        if b"\r" in data:
            return None
    header, _newline, body = data.partition(b"\n")
    if header != ",".join(columns).encode():
        return None
    if body and not body.endswith(b"\n"):
        body += b"\n"
    if body.startswith(b"\n") or b"\n\n" in body or body.translate(None, _NOT_PLAIN):
        return None
    if len(body) > MAX_TEXT and any(len(line) > MAX_TEXT for line in body.split(b"\n")):
        return None  # a line that may hold a text over MAX_TEXT: the careful reader checks it and says where
    if not body.isascii() and any(p.search(body) for p in _NON_ASCII_CARE):
        return None
    return _Body(path, name, body, body.count(b"\n"))


def _text_type():
    """How a text column is held: each distinct text once (see analysis.categorical)."""
    import pyarrow as pa

    return pa.dictionary(pa.int32(), pa.large_string())


def _parse(bodies: list[_Body], columns: list[str]):
    """One pyarrow table of the records of `bodies`, or None where pyarrow reads them otherwise than line by line."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    data = b"".join(b.data for b in bodies)
    text = _text_type()
    if not data:
        return pa.table({c: pa.array([], text) for c in columns})
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(column_names=columns, block_size=64 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={c: text for c in columns},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):  # a wrong field count or bytes that are not UTF-8
        return None
    return table if table.num_rows == sum(b.lines for b in bodies) else None


def _quoted_lines_agree(body: _Body, table, columns: list[str]) -> bool:
    """Every line holding a quote reads the same with the csv module (strict) as with pyarrow."""
    if b'"' not in body.data:
        return True
    lines = body.data.split(b"\n")
    at = [i for i, line in enumerate(lines) if b'"' in line]
    try:
        expected = list(csv.reader((lines[i].decode("utf-8") for i in at), strict=True))
    except (csv.Error, UnicodeDecodeError):
        return False
    found = table.take(at).to_pylist()
    return len(expected) == len(at) and all(
        len(row) == len(columns) and [f.strip() for f in row] == [got[c].strip() for c in columns]
        for row, got in zip(expected, found)
    )


def _strip_spaces(column):
    """A dictionary column with leading and trailing spaces removed from its texts; untouched when none has any.

    Trimming can make two texts one (' a' and 'a'), so the trimmed texts are encoded again."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = column.combine_chunks()  # one dictionary for all the chunks
    texts = column.dictionary
    edged = pc.or_(pc.starts_with(texts, " "), pc.ends_with(texts, " "))
    if not pc.any(edged).as_py():
        return column
    trimmed = pc.dictionary_encode(pc.utf8_trim(texts, " "))
    return pa.DictionaryArray.from_arrays(trimmed.indices.take(column.indices), trimmed.dictionary)


def _readers_for(files: list[tuple[Path, str]], columns: list[str]) -> tuple[list[Issue], list[_Body], list]:
    """Which files the fast reader (pyarrow) can take, which need the careful one (the csv module), and the
    files that are no regular files at all (their issues)."""
    issues: list[Issue] = []
    fast: list[_Body] = []
    careful: list[tuple[Path, str]] = []
    for path, name in files:
        problem = regular_file_issue(path, name)
        if problem:
            issues.append(problem)
            continue
        body = _plain_body(path, name, columns)
        if body is None:
            careful.append((path, name))
        else:
            fast.append(body)
    return issues, fast, careful


def _parse_fast(fast: list[_Body], columns: list[str]):
    """The fast files parsed by pyarrow in one pass: (the whole table or None, each body with its records as a
    table, the files pyarrow cannot read, which go to the careful reader to say why)."""
    parsed, unparsed = [], []
    table = _parse(fast, columns)
    if table is None:  # find the files pyarrow reads otherwise
        for body in fast:
            one = _parse([body], columns)
            if one is None:
                unparsed.append((body.path, body.name))
            else:
                parsed.append((body, one))
        return None, parsed, unparsed
    offset = 0
    for body in fast:
        parsed.append((body, table.slice(offset, body.lines)))
        offset += body.lines
    return table, parsed, unparsed


def read_many(files: list[tuple[Path, str]], columns: list[str]) -> tuple[pd.DataFrame, list[Issue]]:
    """Read CSV files with one header (path, name as shown), as read_rows does for one.

    Returns one frame of every record (stripped texts as categoricals, plus LINE and FILE), in file order,
    and the issues."""
    import numpy as np
    import pyarrow as pa

    issues, fast, careful = _readers_for(files, columns)
    table, parsed, unparsed = _parse_fast(fast, columns)
    careful += unparsed
    agree = [_quoted_lines_agree(body, part, columns) for body, part in parsed]
    careful += [(body.path, body.name) for (body, _), ok in zip(parsed, agree) if not ok]

    # Every part as an Arrow table of dictionary columns, joined by pyarrow and made a pandas frame once:
    # joining them column by column in pandas costs more than the reading itself for small files.
    parts = []
    if any(agree):
        bodies = [body for (body, _), ok in zip(parsed, agree) if ok]
        if table is None:
            whole = pa.concat_tables([part for (_, part), ok in zip(parsed, agree) if ok])
        else:  # rows kept by a mask, not as slices: one table of thousands of slices is slow to combine
            whole = table.filter(pa.array(np.repeat(agree, [b.lines for b in fast]))) if not all(agree) else table
        lines = np.concatenate([np.arange(2, b.lines + 2, dtype="int64") for b in bodies])
        at = np.repeat(np.arange(len(bodies), dtype="int32"), [b.lines for b in bodies])
        # fields are stripped, as the careful reader strips them; only ASCII spaces are left to strip here
        parts.append(_with_place({c: _strip_spaces(whole[c]) for c in columns}, lines, at, [b.name for b in bodies]))
    order = {name: i for i, (_, name) in enumerate(files)}
    for path, name in sorted(careful, key=lambda item: order[item[1]]):  # issues in file order
        records, lines, found = read_rows(path, columns, name)
        issues += found
        fields = list(zip(*records)) if records else [() for _ in columns]
        texts = {c: pa.array(f, pa.large_string()).dictionary_encode() for c, f in zip(columns, fields)}
        parts.append(_with_place(texts, np.array(lines, dtype="int64"), np.zeros(len(lines), dtype="int32"), [name]))
    if not parts:
        parts.append(_with_place({c: pa.array([], pa.large_string()).dictionary_encode() for c in columns}, [], [], []))
    out = (parts[0] if len(parts) == 1 else pa.concat_tables(parts)).to_pandas()
    out = out.assign(**{c: categorical.encode(out[c]) for c in [*columns, FILE]})  # texts as sorted categoricals
    if len(parts) == 1:
        return out, issues
    rank = out[FILE].map(order).to_numpy()
    return out.iloc[np.lexsort((out[LINE].to_numpy(), rank))].reset_index(drop=True), issues


def _with_place(texts: dict, lines, files, names: list[str]):
    """A table of the records' texts (dictionary columns), with LINE and FILE (an index into `names` per row)."""
    import pyarrow as pa

    text = _text_type()
    texts = {c: t if t.type == text else t.cast(text) for c, t in texts.items()}
    where = pa.DictionaryArray.from_arrays(pa.array(files, pa.int32()), pa.array(names, pa.large_string()))
    return pa.table({**texts, LINE: pa.array(lines, pa.int64()), FILE: where})
