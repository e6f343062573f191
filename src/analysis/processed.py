"""The processed outputs in data/processed: tidy CSV and XLSX, sources, consistency, codebook, datapackage.json.

Outputs are deterministic (same raw data, byte-identical files) and each is
written atomically; datapackage.json, which records the checksum of every raw
file and every output, is written last, so a complete manifest means a complete set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import atomic
from analysis.derived import consistency_report
from analysis.dictionary import (
    BASES,
    COLUMNS,
    GROUPS,
    MEASURES,
    OUTPUT_COLUMNS,
    PERIODS,
    PRIMACY,
    QUALIFIERS,
    SOURCE_KINDS,
    STATUSES,
    UNITS,
)
from analysis.tidy import RawData

MANIFEST = "datapackage.json"
DATASET = "banenafspraak"
# A spreadsheet copy is for reading by people; beyond this many rows it takes minutes to write
# (and Excel stops at 1,048,576 rows), so only the CSV is written.
XLSX_MAX_ROWS = 50_000

# What each output column holds: from the data dictionary, for the codebook and the data package.
COLUMN_DOCS = {c: COLUMNS[c].description for c in OUTPUT_COLUMNS}


def _format_values(values: pd.Series, precision: pd.Series) -> pd.Series:
    """Each value with its own published number of decimals (297, 61.3, 321.18)."""
    out = np.empty(len(values), dtype=object)
    numbers, places = values.to_numpy(), precision.to_numpy()
    for p in np.unique(places):  # a handful of precisions: one format string each
        rows = places == p
        out[rows] = [f"{v:.{int(p)}f}" for v in numbers[rows].tolist()]
    return pd.Series(out, index=values.index, dtype="str")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def _formula_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """neutralise() for whole columns at once: only cells that start like a formula are looked at.

    Columns without such a cell are passed on as they are, not copied (a million rows make that count)."""
    columns = {}
    for name in frame.columns:
        column = frame[name]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            text = column.astype("str")
            risky = text.str.startswith(_FORMULA_START).fillna(False).astype(bool)
            if risky.any():
                column = column.where(~risky, text[risky].map(neutralise))
        columns[name] = column
    return pd.DataFrame(columns, copy=False)


def dataset_table(tidy: pd.DataFrame, sectors: pd.DataFrame) -> pd.DataFrame:
    # Each sector's names, group and unit taken by the row's position in the registry: a lookup per row
    # of a text column costs seconds at a million rows, one of integer codes next to nothing.
    at = pd.Categorical(tidy["sector"], categories=sectors["sector"]).codes

    def per_row(column: str) -> pd.Series:
        return pd.Series(sectors[column].to_numpy()[at], index=tidy.index, dtype="str")

    table = tidy.assign(
        sector_name_nl=per_row("name_nl"),
        sector_name_en=per_row("name_en"),
        group=per_row("group"),
        unit=per_row("unit"),
        value=_format_values(tidy["value"], tidy["precision"]),
    )
    return table[OUTPUT_COLUMNS]


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
                             ("unit", UNITS), ("primacy", PRIMACY), ("source_kind", SOURCE_KINDS)):  # fmt: skip
        rows += [
            (kind, t.id, f"{t.description} NL: {t.label_nl}. EN: {t.label_en}.".lstrip()) for t in vocabulary.values()
        ]
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


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as RFC 4180 (every text quoted) written by pyarrow: pandas' writer takes seconds per million rows."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    safe = _formula_safe(frame)
    table = pa.Table.from_pandas(safe, preserve_index=False)
    # a column holding only missing values has no type of its own; it is text
    table = pa.table(
        {
            name: col.cast(pa.large_string()) if pa.types.is_null(col.type) else col
            for name, col in zip(table.column_names, table.columns)
        }
    )
    sink = pa.BufferOutputStream()
    pacsv.write_csv(table, sink, pacsv.WriteOptions(quoting_style="needed", batch_size=64 * 1024))
    return sink.getvalue().to_pybytes()


def _write_sheet(book, name: str, frame: pd.DataFrame, decimals: pd.Series | None = None) -> None:
    """One sheet: a bold header, then each column written with xlsxwriter's typed call for its dtype.

    Written cell by cell from plain lists, not through DataFrame.to_excel, whose per-cell formatting
    machinery doubles the time (a spreadsheet of 15,000 rows: 4.6 s through pandas, 2 s like this).
    Missing values and empty texts get no cell, as to_excel gives them none. With `decimals`, the `value`
    column holds numbers shown with each row's published number of decimals (a number, not a text)."""
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, list(frame.columns), book.add_format({"bold": True}))
    sheet.freeze_panes(1, 0)
    shown = {}  # one cell format per number of decimals
    for col, column in enumerate(frame.columns):
        values = frame[column]
        if pd.api.types.is_bool_dtype(values):
            write, present = sheet.write_boolean, values.notna()
        elif pd.api.types.is_numeric_dtype(values):
            write, present = sheet.write_number, values.notna()
        else:
            values = values.astype("str").where(values.notna(), "")
            write, present = sheet.write_string, values != ""
        rows = np.flatnonzero(present.to_numpy(dtype=bool))
        cells = values.iloc[rows].tolist()
        if column == "value" and decimals is not None:
            places = decimals.iloc[rows].tolist()
            for row, number, p in zip((rows + 1).tolist(), cells, places):
                if p not in shown:
                    shown[p] = book.add_format({"num_format": "0." + "0" * p if p else "0"})
                sheet.write_number(row, col, float(number), shown[p])
            continue
        for row, cell in zip((rows + 1).tolist(), cells):
            write(row, col, cell)


def _xlsx_bytes(sheets: dict[str, pd.DataFrame], decimals: pd.Series | None = None) -> bytes:
    """A workbook of `sheets` (formula-safe texts); `decimals` per row of the first sheet's `value` column."""
    import xlsxwriter

    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with xlsxwriter.Workbook(buffer, options) as book:
        book.set_properties({"created": dt.datetime(2000, 1, 1)})  # fixed, so the file is reproducible
        for i, (name, frame) in enumerate(sheets.items()):
            _write_sheet(book, name, _formula_safe(frame), decimals if i == 0 else None)
    return buffer.getvalue()


def build_outputs(data: RawData, tidy: pd.DataFrame, report: pd.DataFrame | None = None) -> dict[str, bytes]:
    """Every processed file, by name, as bytes (the manifest last). `report`: the consistency report, if made."""
    dataset = dataset_table(tidy, data.sectors)
    sources = sources_table(tidy, data.sources)
    report = consistency_report(tidy) if report is None else report
    codebook = codebook_table(data.breaks)
    outputs = {
        f"{DATASET}.csv": _csv_bytes(dataset),
        "sources.csv": _csv_bytes(sources),
        "consistency.csv": _csv_bytes(report),
        "codebook.csv": _csv_bytes(codebook),
    }
    omitted = {}
    if len(dataset) <= XLSX_MAX_ROWS:
        numbers = dataset.assign(value=tidy["value"].to_numpy())  # numbers in a spreadsheet, not texts
        outputs[f"{DATASET}.xlsx"] = _xlsx_bytes(
            {"data": numbers, "sources": sources, "consistency": report, "codebook": codebook}, tidy["precision"]
        )
    else:
        omitted[f"{DATASET}.xlsx"] = (
            f"{len(dataset):,} rows is more than the {XLSX_MAX_ROWS:,} the spreadsheet "
            f"copy is made for; use {DATASET}.csv"
        )
    outputs[MANIFEST] = _manifest(outputs, data, omitted)
    return outputs


def _manifest(outputs: dict[str, bytes], data: RawData, omitted: dict[str, str]) -> bytes:
    """A Frictionless data package descriptor, plus the checksums of the raw files it was made from."""

    def resource(name: str, payload: bytes) -> dict:
        entry = {
            "name": name.rsplit(".", 1)[0].replace("_", "-") + ("-xlsx" if name.endswith(".xlsx") else ""),
            "path": name,
            "hash": "sha256:" + hashlib.sha256(payload).hexdigest(),
            "bytes": len(payload),
        }
        if name == f"{DATASET}.csv":
            entry["schema"] = {"fields": [{"name": c, "description": d} for c, d in COLUMN_DOCS.items()]}
        return entry

    package = {
        "name": "banenafspraak",
        "title": "Banenafspraak: jobs for people with an occupational disability, per sector (government and education)",
        "resources": [resource(name, payload) for name, payload in outputs.items()],
        "sources": [{"title": r.title, "path": r.url or r.reference} for r in data.sources.itertuples()],
        "x-raw-files": [{"path": p, "hash": "sha256:" + h} for p, h in data.checksums.items()],
        "x-raw-rows": data.raw_rows,
        "x-omitted": omitted,
    }
    return (json.dumps(package, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write_outputs(outputs: dict[str, bytes], folder: Path) -> list[str]:
    """Write atomically, manifest last; return the names of the files that changed.

    An output left out this time (see XLSX_MAX_ROWS) is removed, so no stale copy remains.
    """
    changed = []
    for name in ("banenafspraak.xlsx",):
        stale = Path(folder) / name
        if name not in outputs and stale.is_file():
            stale.unlink()
            changed.append(f"{name} (removed)")
    names = [n for n in outputs if n != MANIFEST] + [MANIFEST]
    for name in names:
        if atomic.write_bytes(Path(folder) / name, outputs[name]):
            changed.append(name)
    return changed


def stale_outputs(folder: Path, data: RawData, expected: dict[str, bytes] | None = None) -> list[str]:
    """What in `folder` no longer matches the raw data (empty when up to date).

    With `expected` (build_outputs of the same raw data) every file is compared byte for byte with what
    prepare would write: a hand edit is found even where the manifest's checksum was edited to match."""
    manifest = Path(folder) / MANIFEST
    if not manifest.is_file():
        return [f"{MANIFEST} is missing"]

    package = json.loads(manifest.read_text(encoding="utf-8"))
    recorded = {f["path"]: f["hash"].removeprefix("sha256:") for f in package.get("x-raw-files", [])}
    problems = [f"raw file {p} changed or is new" for p, h in data.checksums.items() if recorded.get(p) != h]
    problems += [f"raw file {p} was removed" for p in recorded if p not in data.checksums]
    for res in package.get("resources", []):
        path = Path(folder) / res["path"]
        if not path.is_file() or "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest() != res["hash"]:
            problems.append(f"output {res['path']} is missing or does not match the manifest")
    if expected is not None:
        problems += [
            f"output {name} differs from what the raw data gives"
            for name, payload in expected.items()
            if not (Path(folder) / name).is_file() or (Path(folder) / name).read_bytes() != payload
        ]
    return problems
