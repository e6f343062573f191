"""From data/raw to one tidy long frame: reported figures (validated) plus derived ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import atomic, paths, stamps
from analysis.data import categorical, rawcsv
from analysis.data.derived import derive
from analysis.data.rawcsv import FILE, LINE, read_many, regular_file_issue
from analysis.data.registry import era, load_breaks, load_sectors, load_sources, source_ranks
from analysis.data.schema import FigureText, decimals, figures_model, typed_figures, validate_frame
from analysis.dictionary import FIGURE_COLUMNS, OBSERVED_MEASURES, TIDY_COLUMNS
from analysis.errors import DataValidationError, Issue


@dataclass
class RawData:
    """Everything read from one raw folder, validated."""

    sectors: pd.DataFrame
    sources: pd.DataFrame
    figures: pd.DataFrame  # reported figures, tidy columns
    raw_rows: int  # records found in the figure files
    breaks: pd.DataFrame = field(default_factory=pd.DataFrame)  # series breaks (registry.load_breaks)
    checksums: dict[str, str] = field(default_factory=dict)  # relative path -> sha256 of every raw file
    raw: Path = field(default_factory=Path)  # the folder read


def _read_figure_files(folder: Path, sector_ids: list[str], rel: str) -> tuple[pd.DataFrame, list[Issue]]:
    """All figure files as text records with file and line; one file per registered sector."""
    issues: list[Issue] = []
    files = sorted(folder.glob("*.csv"), key=lambda p: p.name) if folder.is_dir() else []
    if (folder / atomic.JOURNAL).is_file():
        issues.append(
            Issue(
                f"{rel}/{atomic.JOURNAL}",
                1,
                "",
                None,
                "an accept was killed while writing these files, so some may hold its rows and others not: run "
                "the same `python -m analysis accept` again (it first puts the files back as they were)",
            )
        )
    for sector in sector_ids:
        if not (folder / f"{sector}.csv").is_file():
            issues.append(
                Issue(
                    f"{rel}/{sector}.csv",
                    1,
                    "",
                    None,
                    f"file not found; every sector in sectors.csv needs one (a header line is enough): "
                    f"{','.join(FIGURE_COLUMNS)}",
                )
            )
    known = set(sector_ids)
    readable = []
    for path in files:
        name = f"{rel}/{path.name}"
        if path.stem not in known and regular_file_issue(path, name) is None:
            # a misspelt file name would otherwise be read, or ignored, without a word
            issues.append(
                Issue(
                    name,
                    1,
                    "",
                    None,
                    f"no sector {path.stem!r} in sectors.csv: rename the file to "
                    "a registered sector id, or register the sector",
                )
            )
            continue
        readable.append((path, name))
    text, found = read_many(readable, FIGURE_COLUMNS)
    issues += found

    # A row of a registered sector in another sector's file (unknown sectors are reported by the schema).
    def in_another_file(rows: pd.DataFrame) -> pd.DataFrame:
        expected = rows[FILE].map(lambda name: name.removeprefix(f"{rel}/").removesuffix(".csv"))
        return rows[(rows["sector"].astype("str") != expected.astype("str")) & rows["sector"].isin(known)]

    # the pairs of sector and file first: a million rows come in a few thousand pairs, nearly always all right
    pairs = text[["sector", FILE]].drop_duplicates()
    astray = in_another_file(text) if len(in_another_file(pairs)) else text.iloc[:0]
    for row in astray[["sector", FILE, LINE]].itertuples(index=False):
        issues.append(
            Issue(
                row[1],
                int(row[2]),
                "sector",
                row[0],
                f"a row for sector '{row[0]}' belongs in {row[0]}.csv, not {Path(row[1]).name}",
            )
        )
    return text, issues


def _validate_figures(
    text: pd.DataFrame, sector_ids: list[str], source_ids: list[str]
) -> tuple[pd.DataFrame, list[Issue]]:
    origin = pd.DataFrame({"file": text[FILE], "line": text[LINE]}).reset_index(drop=True)
    plain = text[FIGURE_COLUMNS].reset_index(drop=True)
    _, issues = validate_frame(FigureText, plain, origin)
    if issues:
        return plain, issues
    return validate_frame(figures_model(sector_ids, source_ids), typed_figures(plain), origin, text=plain)


def _named_for_the_user(raw: Path, issues: list[Issue]) -> DataValidationError:
    """Name files as the user knows them: relative to the working directory where that is short."""
    try:
        prefix = os.path.relpath(raw)
    except ValueError:
        prefix = str(raw)
    if prefix.startswith(".." + os.sep + ".."):
        prefix = str(raw)
    return DataValidationError([dataclasses.replace(i, file=os.path.join(prefix, i.file)) for i in issues])


def _observed_after_publication(typed: pd.DataFrame, text: pd.DataFrame, sources: pd.DataFrame) -> list[Issue]:
    """A realised count or a percentage reached (dictionary: observed) cannot be about a year after its source
    was published; from an undated source, not about a year after this one."""
    this_year = dt.date.today().year
    limit = {s: int(d[:4]) if d else this_year for s, d in zip(sources["source_id"], sources["date"])}
    date = dict(zip(sources["source_id"], sources["date"]))
    years = typed["year"].astype("Int64").to_numpy(dtype="float64", na_value=np.nan)  # no year: never late
    limits = categorical.lookup(typed["source_id"], limit)
    late = np.flatnonzero(typed["measure"].isin(OBSERVED_MEASURES).to_numpy() & (years > limits))
    issues = []
    for i in late.tolist():  # few, if any
        r = typed.iloc[i]
        when = f"published {date[r.source_id]}" if date[r.source_id] else f"undated (so at the latest {this_year})"
        issues.append(
            Issue(
                str(text[FILE].iloc[i]),
                int(text[LINE].iloc[i]),
                "year",
                str(int(r.year)),
                f"{r.measure} for {int(r.year)} from source {r.source_id!r}, {when}: a source cannot report "
                "a year after it was published; check the year, or the source's date in sources.csv",
            )
        )
    return issues


def load_raw(raw: Path | None = None) -> RawData:
    """Read and validate a raw folder; raise DataValidationError listing every problem."""
    raw = Path(raw) if raw is not None else paths.raw_dir()
    try:
        with rawcsv.reading() as read:
            loaded = _load_raw(raw)
    except DataValidationError as err:
        raise _named_for_the_user(raw, err.issues) from None
    # the checksums of the bytes parsed, not of the files as they are now (one may have been saved meanwhile)
    on_disk = stamps.raw_checksums(raw)  # only for a file nothing read, which no figure comes from
    checksums = {name: read.get(raw / name, digest) for name, digest in on_disk.items()}
    return dataclasses.replace(loaded, checksums=checksums)


def _load_raw(raw: Path) -> RawData:
    layout = paths.RawLayout(raw)
    sectors, issues = load_sectors(layout.sectors_csv)
    sources, more = load_sources(layout.sources_csv)
    issues += more
    breaks, more = load_breaks(layout.breaks_csv)
    issues += more
    if issues:
        raise DataValidationError(issues)
    issues = _break_references(breaks, set(sectors["sector"]), set(sources["source_id"]))
    if issues:
        raise DataValidationError(issues)
    sector_ids = list(sectors["sector"])
    text, issues = _read_figure_files(layout.figures, sector_ids, "figures")
    if issues:
        raise DataValidationError(issues)
    typed, issues = _validate_figures(text, sector_ids, list(sources["source_id"]))
    issues = issues or _observed_after_publication(typed, text, sources)
    if issues:
        raise DataValidationError(issues)
    if typed.empty:  # every report needs at least one figure to show
        raise DataValidationError(
            [Issue("figures", 1, "", None, "there are no figures at all: every sector file holds only its header")]
        )

    figures = typed.assign(
        era=era(typed["year"], typed["sector"], breaks).to_numpy(),
        status=categorical.constant("reported", typed.index),
        derivation=categorical.constant("", typed.index),
        precision=decimals(text["value"]).to_numpy(),
        source_rank=categorical.lookup(typed["source_id"], source_ranks(sources)),
        raw_file=text[FILE].array,
        raw_line=text[LINE].to_numpy(),
    )[TIDY_COLUMNS]
    return RawData(sectors, sources, figures, raw_rows=len(text), breaks=breaks, checksums={}, raw=raw)


def _break_references(breaks: pd.DataFrame, sector_ids: set[str], source_ids: set[str]) -> list[Issue]:
    """Every break names registered sectors (or 'all') and a registered source."""
    issues = []
    for i, b in zip(breaks.index, breaks.itertuples()):  # the index is each break's line in breaks.csv
        unknown = [s for s in b.sectors.split() if s != "all" and s not in sector_ids]
        if unknown:
            issues.append(
                Issue(
                    "breaks.csv",
                    i,
                    "sectors",
                    b.sectors,
                    f"unknown sector {unknown[0]!r}; use 'all' or ids from sectors.csv",
                )
            )
        if b.source_id not in source_ids:
            issues.append(
                Issue(
                    "breaks.csv",
                    i,
                    "source_id",
                    b.source_id,
                    "unknown source id; register the source in sources.csv first",
                )
            )
    return issues


def order_tidy(frame: pd.DataFrame, sector_order: list[str]) -> pd.DataFrame:
    """Stable, meaningful row order: sector as in the registry, then year, measure, status, source, value.

    Sorted on integer codes of each key (np.lexsort, last key first) and reordered once: sorting the text
    columns themselves costs seconds at a million rows."""

    def codes(column: str) -> np.ndarray:  # a categorical's categories are sorted (analysis.categorical)
        return categorical.encode(frame[column]).cat.codes.to_numpy()

    keys = (frame["value"].to_numpy(), codes("source_id"), codes("status"), codes("measure"),
            frame["year"].fillna(9999).to_numpy(dtype="int64"),
            categorical.positions(frame["sector"], sector_order))  # fmt: skip
    return frame.iloc[np.lexsort(keys)].reset_index(drop=True)


def build_tidy(raw: RawData) -> pd.DataFrame:
    """Reported figures plus derived ones (status 'derived'), in a stable order; texts as categoricals."""
    frame = categorical.concat([raw.figures, derive(raw.figures)])
    frame["year"] = frame["year"].astype("Int64")
    frame["raw_line"] = frame["raw_line"].astype("Int64")
    frame["precision"] = frame["precision"].astype("int64")
    frame["source_rank"] = frame["source_rank"].astype("int64")
    frame["era"] = frame["era"].astype("int64")
    return order_tidy(frame, list(raw.sectors["sector"]))


def load_tidy(raw: Path | None = None) -> pd.DataFrame:
    """The tidy long frame for a raw folder (default: the project's data/raw), its texts as plain text."""
    return categorical.decoded(build_tidy(load_raw(raw)))
