"""The processed outputs in data/processed: tidy CSV and XLSX, sources, consistency, codebook, datapackage.json.

Outputs are deterministic (same raw data, byte-identical files) and each is
written atomically; datapackage.json, which records the checksum of every raw
file and every output, is written last, so a complete manifest means a complete set.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis import atomic, i18n, stamps
from analysis.data.derived import consistency_report
from analysis.data.tidy import RawData
from analysis.dictionary import (
    BASES,
    CHECKS,
    CODEBOOK_COLUMNS,
    COLUMNS,
    FINDING_COLUMNS,
    GROUPS,
    MEASURES,
    OUTCOMES,
    OUTPUT_COLUMNS,
    PERIODS,
    PRIMACY,
    QUALIFIERS,
    SCOPES,
    SOURCE_KINDS,
    SOURCES_OUTPUT_COLUMNS,
    STATUSES,
    UNITS,
)

MANIFEST = stamps.MANIFEST  # the data package descriptor, whose own hash is the data version
DATASET_STEM = "banenafspraak"  # the processed dataset's file name, without .csv or .xlsx
# A spreadsheet copy is for reading by people; beyond this many rows it takes minutes to write
# (and Excel stops at 1,048,576 rows), so only the CSV is written.
XLSX_MAX_ROWS = 50_000
# The dataset for a spreadsheet with Dutch settings (Excel's list separator is a semicolon there, and a decimal
# point makes 58.6 a text): written beside the plain CSV, which is for code, and within the same limit as the XLSX.
DUTCH_CSV = f"{DATASET_STEM}_nl.csv"
SPOOL_ROWS = 100_000  # a CSV of more rows than this is streamed to a file instead of held in memory

# What each output column holds: from the data dictionary, for the codebook and the data package.
COLUMN_DOCS = {c: COLUMNS[c].description for c in OUTPUT_COLUMNS}
# Each CSV's columns, for its Table Schema in datapackage.json (types and descriptions from the data dictionary)
TABLE_COLUMNS = {
    f"{DATASET_STEM}.csv": OUTPUT_COLUMNS,
    DUTCH_CSV: OUTPUT_COLUMNS,
    "sources.csv": SOURCES_OUTPUT_COLUMNS,
    "consistency.csv": FINDING_COLUMNS,
    "codebook.csv": CODEBOOK_COLUMNS,
}
# The figures are public government information, quoted with their sources; the compilation is given away as
# CC0, as Dutch government open data is.
LICENSE = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": (
        "CC0 1.0 for this compilation. The figures are public government information (letters to parliament, "
        "government and sector publications, news relaying them), each quoted with its source in sources.csv."
    ),
}


def _format_values(values: pd.Series, precision: pd.Series) -> pa.Array:
    """Each value with its own published number of decimals (297, 61.3, 61.30, 321.18), as f"{v:.{p}f}" gives.

    Vectorised: the shortest text that reads back as the value (Arrow's cast) padded with zeros to its
    precision. That is f"{v:.{p}f}" whenever the shortest text has at most p decimals and the padded text
    stays within the digits a double holds exactly, which holds for every published value (p counts its
    decimals) and every derived one (rounded to p). Any other row (an exponent, more decimals than p, a
    padded text over 16 characters, not finite) is formatted by Python, so no value is ever cut or padded
    wrongly."""
    numbers = pa.array(values.to_numpy(dtype="float64"))
    places = pa.array(precision.to_numpy(dtype="int64"))
    text = pc.cast(numbers, pa.large_string())
    point = pc.find_substring(text, ".")
    written = pc.if_else(pc.less(point, 0), 0, pc.subtract(pc.subtract(pc.utf8_length(text), point), 1))
    missing = pc.subtract(places, written)
    # padding with zeros is exact only while the padded text stays within the 15 digits a double holds for
    # sure: 536870912.8632812 to 8 decimals is ...86328125, not ...86328120 (found by the property test)
    long = pc.and_(pc.greater(missing, 0), pc.greater(pc.add(pc.utf8_length(text), missing), 16))
    odd = pc.or_(
        pc.or_(pc.less(missing, 0), long), pc.or_(pc.invert(pc.is_finite(numbers)), pc.match_substring(text, "e"))
    )
    dot = pc.if_else(pc.and_(pc.less(point, 0), pc.greater(places, 0)), *pa.array([".", ""], pa.large_string()))
    zeros = pc.binary_repeat(pa.scalar("0", pa.large_string()), pc.max_element_wise(missing, 0))
    out = pc.binary_join_element_wise(text, dot, zeros, pa.scalar("", pa.large_string()))
    if pc.any(odd).as_py():
        rows = np.flatnonzero(odd.to_numpy(zero_copy_only=False))
        exact = [f"{v:.{p}f}" for v, p in zip(values.to_numpy()[rows].tolist(), precision.to_numpy()[rows].tolist())]
        out = pc.replace_with_mask(out, odd, pa.array(exact, pa.large_string()))
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


FORMULA_NOTE = (
    "A text that starts like a spreadsheet formula (=, +, -, @, a tab or a carriage return) and is not a number is "
    "written with a leading apostrophe (') in the CSV and XLSX files, so that opening them in a spreadsheet runs "
    "nothing. The apostrophe is not part of the published text: the quote in data/raw and on the report pages is "
    "as published."
)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(cell: object) -> object:
    """A text a spreadsheet would run as a formula gets a leading apostrophe (CSV-injection guard).

    Plain numbers such as -8 are left alone: a spreadsheet reads them as numbers.
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _is_number(cell):
        return "'" + cell
    return cell


def restored(cell: str) -> str:
    """A text as meant, without the apostrophe neutralise() put before it (a file saved back by a spreadsheet)."""
    if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) and not _is_number(cell[1:]):
        return cell[1:]
    return cell


def _any_of(masks):
    """Element-wise or of boolean arrays (six starts_with are faster than one anchored regex: benchmarks/RESULTS.md)."""
    out = next(masks)
    for mask in masks:
        out = pc.or_(out, mask)
    return out


def _formula_safe(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    """neutralise() for a whole text column at once: only cells that start like a formula are looked at,
    and a dictionary column's texts once each. Other columns are passed on as they are, not copied."""
    if isinstance(column, pa.ChunkedArray):  # combine_chunks copies even a single chunk
        column = column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    if pa.types.is_dictionary(column.type):
        return pa.DictionaryArray.from_arrays(column.indices, _formula_safe(column.dictionary))
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column
    risky = pc.fill_null(_any_of(pc.starts_with(column, start) for start in _FORMULA_START), False)
    if not pc.any(risky).as_py():
        return column
    safe = [neutralise(cell) for cell in pc.filter(column, risky).to_pylist()]
    return pc.replace_with_mask(column, risky, pa.array(safe, column.type))


def _table(frame: pd.DataFrame | pa.Table) -> pa.Table:
    """A frame as an Arrow table for the CSV and XLSX writers: texts formula-safe, an all-missing column text."""
    table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    columns = {
        name: _formula_safe(column.cast(pa.large_string()) if pa.types.is_null(column.type) else column)
        for name, column in zip(table.column_names, table.columns)
    }
    return pa.table(columns)


def dataset_table(tidy: pd.DataFrame, sectors: pd.DataFrame) -> pa.Table:
    """The tidy data as published in banenafspraak.csv (OUTPUT_COLUMNS), with the sector's names, group and unit.

    Those four are dictionary columns (the registry's texts, one integer per row): a text per row would
    be a million Python strings made and converted at a million rows. Values are texts with their decimals."""
    at = pa.array(pd.Categorical(tidy["sector"], categories=sectors["sector"]).codes.astype("int32"))
    from_registry = {
        "sector_name_nl": "name_nl",
        "sector_name_en": "name_en",
        "group": "group",
        "unit": "unit",
    }
    own = [c for c in OUTPUT_COLUMNS if c not in from_registry and c != "value"]
    table = pa.Table.from_pandas(tidy[own], preserve_index=False)
    columns = {name: table[name] for name in own}
    columns.update(
        {
            name: pa.DictionaryArray.from_arrays(at, pa.array(sectors[column].astype("str"), pa.large_string()))
            for name, column in from_registry.items()
        }
    )
    columns["value"] = _format_values(tidy["value"], tidy["precision"])
    return pa.table({name: columns[name] for name in OUTPUT_COLUMNS})


def sources_table(tidy: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    counts = tidy.loc[tidy["status"] == "reported", "source_id"].value_counts()  # one column, not every row whole
    return sources.assign(figures=sources["source_id"].map(counts).fillna(0).astype("int64"))


def codebook_table(breaks: pd.DataFrame | None = None) -> pd.DataFrame:
    rows = [("column", name, doc) for name, doc in COLUMN_DOCS.items()]
    rows += [("measure", m.id, f"{m.description} NL: {m.label_nl}. EN: {m.label_en}.") for m in MEASURES.values()]
    rows += [
        ("qualifier", q.id, f"{q.description} NL: {q.label_nl}. EN: {q.label_en}. Chart mark: {q.mark}")
        for q in QUALIFIERS.values()
        if q.id
    ]
    for kind, vocabulary in (("period", PERIODS), ("basis", BASES), ("status", STATUSES), ("group", GROUPS),
                             ("unit", UNITS), ("primacy", PRIMACY), ("source_kind", SOURCE_KINDS),
                             ("check", CHECKS), ("outcome", OUTCOMES)):  # fmt: skip
        rows += [
            (kind, t.id, f"{t.description} NL: {t.label_nl}. EN: {t.label_en}.".lstrip()) for t in vocabulary.values()
        ]
    rows.append(("note", "leading apostrophe", FORMULA_NOTE))
    if breaks is not None:
        rows += [
            (
                "break",
                b.break_id,
                (
                    f"From {b.year} ({b.date or 'date not given'}, sectors: {b.sectors}, source: "
                    f"{b.source_id}): {b.what_en}. {b.note}"
                ),
            )
            for b in breaks.itertuples()
        ]
    return pd.DataFrame(rows, columns=["kind", "name", "description"])


def _write_csv(table: pa.Table, where, header: bool = True) -> None:
    """A table from _table as CSV, RFC 4180 (texts quoted where needed), written by pyarrow to `where` (a path
    or a stream): pandas' writer takes seconds per million rows."""
    import pyarrow.csv as pacsv

    options = pacsv.WriteOptions(include_header=header, quoting_style="needed", batch_size=64 * 1024)
    pacsv.write_csv(table, where, options)


def _write_csv_in_slices(table: pa.Table, path: Path) -> None:
    """_write_csv to `path`, one slice of rows per core, each written by a thread of its own (pyarrow writes
    without holding the GIL) to a file of its own, then appended to the first: two threads on two cores take
    two thirds of one thread's time, and the appending little (benchmarks/RESULTS.md)."""
    slices = max(1, min(os.cpu_count() or 1, 4))
    size = -(-len(table) // slices)
    parts = [path, *(path.with_name(f"{path.name}.{i}") for i in range(1, slices))]
    try:
        with ThreadPoolExecutor(slices) as pool:
            list(pool.map(lambda i: _write_csv(table.slice(i * size, size), str(parts[i]), i == 0), range(slices)))
        with path.open("ab") as whole:
            for part in parts[1:]:
                with part.open("rb") as piece:
                    shutil.copyfileobj(piece, whole, 16 << 20)
    finally:
        for part in parts[1:]:
            part.unlink(missing_ok=True)


def _csv_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    _write_csv(table, sink)
    return sink.getvalue().to_pybytes()


def _dutch_csv_bytes(table: pa.Table) -> bytes:
    """The dataset table as a spreadsheet with Dutch settings opens it with a double click: fields separated by
    semicolons, the value with a decimal comma (61,3), UTF-8 with a byte order mark."""
    import pyarrow.csv as pacsv

    at = table.column_names.index("value")
    dutch = table.set_column(at, "value", pc.replace_substring(table["value"], ".", ","))
    sink = pa.BufferOutputStream()
    pacsv.write_csv(dutch, sink, pacsv.WriteOptions(include_header=True, quoting_style="needed", delimiter=";"))
    # without the byte order mark Dutch Excel reads UTF-8 as Windows-1252: 'gecreëerd' becomes 'gecreÃ«erd'
    return codecs.BOM_UTF8 + sink.getvalue().to_pybytes()


def _csv_output(table: pa.Table, name: str, spool: Path | None) -> bytes | atomic.Spooled:
    """The CSV of a table: as bytes, or, when it is large and `spool` names a folder, streamed to a file
    there (a million rows are 300 MB, which would otherwise be held in memory, copied and written again)."""
    if spool is None or len(table) <= SPOOL_ROWS:
        return _csv_bytes(table)
    return atomic.Spooled.make(spool, name, lambda path: _write_csv_in_slices(table, path))


WIDEST_COLUMN = 60  # characters; a longer text wraps within its cell


def _write_sheet(book, name: str, table: pa.Table, decimals: list[int] | None = None) -> None:
    """One sheet: a bold, frozen header with a filter, then each column written with xlsxwriter's typed call for
    its type, as wide as its longest text up to WIDEST_COLUMN characters, beyond which the text wraps.

    Written cell by cell from plain lists, not through DataFrame.to_excel, whose per-cell formatting
    machinery doubles the time (benchmarks/RESULTS.md).
    Missing values and empty texts get no cell, as to_excel gives them none. With `decimals`, the `value`
    column holds numbers, each shown with its row's published number of decimals."""
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, table.column_names, book.add_format({"bold": True}))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(table), 1), len(table.column_names) - 1)
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    shown = {}  # one cell format per number of decimals
    for col, (column, kind) in enumerate(zip(table.column_names, table.schema.types)):
        cells = table[column].to_pylist()
        longest = max([len(column) + 3, *(len(str(c)) for c in cells if c is not None)])  # + the filter's button
        sheet.set_column(col, col, min(longest, WIDEST_COLUMN) + 1, wrapped if longest > WIDEST_COLUMN else None)
        write = (
            sheet.write_boolean
            if pa.types.is_boolean(kind)
            else sheet.write_number
            if pa.types.is_integer(kind) or pa.types.is_floating(kind)
            else sheet.write_string
        )
        for row, cell in enumerate(cells, start=1):
            if cell is None or cell == "":
                continue
            if column == "value" and decimals is not None:
                places = decimals[row - 1]
                if places not in shown:
                    shown[places] = book.add_format({"num_format": "0." + "0" * places if places else "0"})
                sheet.write_number(row, col, cell, shown[places])
            else:
                write(row, col, cell)


# The codes the sheet 'Lees mij' explains, by the column that holds them.
_CODED_COLUMNS = {
    "measure": MEASURES, "qualifier": QUALIFIERS, "period": PERIODS, "scope": SCOPES, "basis": BASES,
    "status": STATUSES, "group": GROUPS, "unit": UNITS, "check": CHECKS, "outcome": OUTCOMES,
    "primacy": PRIMACY, "kind": SOURCE_KINDS,
}  # fmt: skip


def _write_readme(book, sheets: list[str], lang: str = "nl") -> None:
    """The sheet that opens the workbook, in Dutch: what each sheet holds, what each column of the data means,
    what each code means (with its English word beside it), and why a text may start with an apostrophe."""
    words = i18n.SPREADSHEET[lang]
    other = "en" if lang == "nl" else "nl"
    sheet = book.add_worksheet(words["sheet"])
    bold, title = book.add_format({"bold": True}), book.add_format({"bold": True, "font_size": 14})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    for col, width in enumerate((22, 28, 60, 40)):
        sheet.set_column(col, col, width, wrapped if width >= 40 else None)
    rows: list[tuple[list[str], object]] = [([words["title"]], title), ([words["intro"]], wrapped), ([""], None)]
    rows += [([words["contents"]], bold), (list(words["heading_sheet"]), bold)]
    rows += [([name, words[name]], None) for name in sheets]
    rows += [([""], None), ([words["columns"]], bold), (list(words["heading_column"]), bold)]
    rows += [([c, COLUMNS[c].label(lang)], None) for c in OUTPUT_COLUMNS]
    rows += [([""], None), ([words["codes"]], bold), (list(words["heading_code"]), bold)]
    for column, vocabulary in _CODED_COLUMNS.items():
        rows += [([column, t.id, t.label(lang), t.label(other)], None) for t in vocabulary.values() if t.id]
    rows += [([""], None), ([words["formulas"]], None)]
    for at, (cells, style) in enumerate(rows):
        if len(cells) == 1 and cells[0] and style is not bold:  # a sentence across the four columns
            sheet.merge_range(at, 0, at, 3, cells[0], style or wrapped)
            sheet.set_row(at, 15 * (1 + len(cells[0]) // 140))
        else:
            sheet.write_row(at, 0, cells, style)


def _xlsx_bytes(sheets: dict[str, pa.Table], decimals: list[int] | None = None) -> bytes:
    """A workbook of `sheets` (tables from _table) after the sheet 'Lees mij'; `decimals` per row of the first
    sheet's `value` column."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as book:
        book.set_properties({"created": dt.datetime(2000, 1, 1)})  # fixed, so the file is reproducible
        _write_readme(book, list(sheets))
        for i, (name, table) in enumerate(sheets.items()):
            _write_sheet(book, name, table, decimals if i == 0 else None)
    return buffer.getvalue()


def build_outputs(
    raw: RawData, tidy: pd.DataFrame, consistency: pd.DataFrame | None = None, spool: Path | None = None
) -> dict[str, bytes | atomic.Spooled]:
    """Every processed file, by name, as bytes (the manifest last). `consistency`: the consistency report, if made.
    With `spool` (the folder the files are for), a large CSV is written there as it is made (atomic.Spooled).

    Each table is made formula-safe once (_table) and written from there as CSV and, if small enough, XLSX."""
    dataset = _table(dataset_table(tidy, raw.sectors))
    consistency = consistency_report(tidy) if consistency is None else consistency
    others = {
        "sources": _table(sources_table(tidy, raw.sources)),
        "consistency": _table(consistency),
        "codebook": _table(codebook_table(raw.breaks)),
    }
    outputs = {
        f"{name}.csv": _csv_output(table, f"{name}.csv", spool)
        for name, table in {DATASET_STEM: dataset, **others}.items()
    }
    omitted = {}
    if len(dataset) <= XLSX_MAX_ROWS:
        value = dataset.column_names.index("value")  # numbers in a spreadsheet, not texts
        numbers = dataset.set_column(value, "value", pa.array(tidy["value"], from_pandas=True))
        outputs[DUTCH_CSV] = _dutch_csv_bytes(dataset)
        outputs[f"{DATASET_STEM}.xlsx"] = _xlsx_bytes({"data": numbers, **others}, tidy["precision"].tolist())
    else:
        for name in (DUTCH_CSV, f"{DATASET_STEM}.xlsx"):
            omitted[name] = (
                f"{len(dataset):,} rows is more than the {XLSX_MAX_ROWS:,} the spreadsheet "
                f"copies are made for; use {DATASET_STEM}.csv"
            )
    outputs[MANIFEST] = _manifest(outputs, raw, omitted)
    return outputs


def _manifest(outputs: dict[str, bytes | atomic.Spooled], raw: RawData, omitted: dict[str, str]) -> bytes:
    """A Frictionless data package descriptor, plus the checksums of the raw files it was made from."""

    def resource(name: str, payload: bytes | atomic.Spooled) -> dict:
        size, digest = atomic.fingerprint(payload)
        entry = {
            "name": name.rsplit(".", 1)[0].replace("_", "-") + ("-xlsx" if name.endswith(".xlsx") else ""),
            "path": name,
            "hash": "sha256:" + digest,
            "bytes": size,
        }
        if name in TABLE_COLUMNS:
            entry["schema"] = table_schema(TABLE_COLUMNS[name])
        if name == DUTCH_CSV:  # how it differs from the plain CSV, so that a portal reads it right
            entry.update(encoding="utf-8-sig", dialect={"delimiter": ";"})
            for field in entry["schema"]["fields"]:
                if field["type"] == "number":
                    field["decimalChar"] = ","
        if name.endswith(".xlsx"):  # the data, not the sheet 'Lees mij' that opens the workbook
            entry["dialect"] = {"excel": {"sheet": "data"}}
        return entry

    package = {
        "name": "banenafspraak",
        "title": "Banenafspraak: jobs for people with an occupational disability, per sector (government and education)",
        "resources": [resource(name, payload) for name, payload in outputs.items()],
        "licenses": [LICENSE],
        "sources": [_source(r) for r in raw.sources.itertuples()],
        "x-raw-files": [{"path": p, "hash": "sha256:" + h} for p, h in raw.checksums.items()],
        "x-raw-rows": raw.raw_rows,
        "x-omitted": omitted,
    }
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def table_schema(columns: list[str]) -> dict:
    """A Table Schema: each column's name, type and description from the data dictionary; an empty cell is a
    missing value, as the CSV files write one."""
    fields = [{"name": c, "type": COLUMNS[c].type, "description": COLUMNS[c].description} for c in columns]
    return {"fields": fields, "missingValues": [""]}


def _source(row) -> dict:
    """A source as the Data Package spec has it: a title, and a path only where that is a URL (a Kamerstuk
    number is no path: it goes with the title)."""
    title = f"{row.title} ({row.publisher}, {row.date or 'undated'})"
    if row.url:
        return {"title": title, "path": row.url}
    return {"title": f"{title}, {row.reference}" if row.reference else title}


def write_outputs(outputs: dict[str, bytes | atomic.Spooled], folder: Path) -> list[str]:
    """Write atomically, manifest last; return the names of the files that changed.

    An output left out this time (see XLSX_MAX_ROWS) is removed, so no stale copy remains.
    """
    changed = []
    for name in (DUTCH_CSV, f"{DATASET_STEM}.xlsx"):
        stale = Path(folder) / name
        if name not in outputs and stale.is_file():
            stale.unlink()
            changed.append(f"{name} (removed)")
    names = [n for n in outputs if n != MANIFEST] + [MANIFEST]
    for name in names:
        if atomic.write_bytes(Path(folder) / name, outputs[name]):
            changed.append(name)
    return changed


def stale_outputs(folder: Path, raw: RawData, expected: dict[str, bytes | atomic.Spooled] | None = None) -> list[str]:
    """What in `folder` no longer matches the raw data (empty when up to date).

    With `expected` (build_outputs of the same raw data) every file is compared byte for byte with what
    prepare would write: a hand edit is found even where the manifest's checksum was edited to match."""
    manifest = Path(folder) / MANIFEST
    if not manifest.is_file():
        return [f"{MANIFEST} is missing"]

    package = json.loads(manifest.read_text(encoding="utf-8"))
    recorded = {f["path"]: f["hash"].removeprefix("sha256:") for f in package.get("x-raw-files", [])}
    problems = [f"raw file {p} changed or is new" for p, h in raw.checksums.items() if recorded.get(p) != h]
    problems += [f"raw file {p} was removed" for p in recorded if p not in raw.checksums]
    for res in package.get("resources", []):
        path = Path(folder) / res["path"]
        if not path.is_file() or "sha256:" + atomic.file_sha256(path) != res["hash"]:
            problems.append(f"output {res['path']} is missing or does not match the manifest")
    if expected is not None:
        problems += [
            f"output {name} differs from what the raw data gives"
            for name, payload in expected.items()
            if not atomic.holds(Path(folder) / name, payload)
        ]
    return problems
