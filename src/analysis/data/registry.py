"""The registries in data/raw: sectors (ids, names, group, unit), sources (provenance) and series breaks."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pandas as pd

from analysis import i18n
from analysis.dictionary import BREAK_COLUMNS, SECTOR_COLUMNS, SOURCE_COLUMNS
from analysis.errors import Issue


def _load(path: Path, name: str, columns: list[str], model_name: str) -> tuple[pd.DataFrame, list[Issue]]:
    """A registry read and validated; its index is each record's line in the file, as the reader found it (a
    blank line counts), so a later check names the right line."""
    from analysis.data.rawcsv import file_bytes, regular_file_issue

    if not path.is_file():
        return pd.DataFrame(columns=columns), [Issue(name, 1, "", None, "file not found")]
    problem = regular_file_issue(path, name)
    if problem:
        return pd.DataFrame(columns=columns), [problem]
    today = dt.date.today().isoformat()  # the date checks depend on it: part of what is remembered
    frame, issues = _validated(file_bytes(path), name, tuple(columns), model_name, today)
    return frame.copy(), list(issues)


@functools.lru_cache(maxsize=16)
def _validated(content: bytes, name: str, columns: tuple[str, ...], model_name: str, today: str):
    """A registry read and validated, remembered by its bytes and the day (`today`, for the checks that no date
    lies after it): pandera's fixed cost per validation would otherwise be paid again by every load of an
    unchanged registry in one process."""
    # pandera loads only when registries are read, not when a chart asks for sector names
    from analysis.data import schema
    from analysis.data.rawcsv import LINE, rows_of, to_frame

    wanted = list(columns)
    rows, lines, issues = rows_of(content, wanted, name)
    records = to_frame(rows, lines, wanted)
    if issues:
        return records[wanted], tuple(issues)
    origin = pd.DataFrame({"file": name, "line": records[LINE]})
    frame, issues = schema.validate_frame(getattr(schema, model_name), records[wanted], origin)
    if not issues:
        frame.index = pd.Index(records[LINE].to_numpy(), name="line")
    return frame, tuple(issues)


def load_sectors(path: Path, name: str = "sectors.csv") -> tuple[pd.DataFrame, list[Issue]]:
    """Sector registry, in the order of the file (that order is the display order)."""
    return _load(path, name, SECTOR_COLUMNS, "SectorRegistry")


def load_sources(path: Path, name: str = "sources.csv") -> tuple[pd.DataFrame, list[Issue]]:
    frame, issues = _load(path, name, SOURCE_COLUMNS, "SourceRegistry")
    return frame, _clock_behind(issues, name)


# So many dates after today that this computer's clock is more likely wrong than the registry (set back, or a
# machine restored from an old image): said once, instead of once per date as a wrong year.
CLOCK_BEHIND_AT = 3


def _clock_behind(issues: list[Issue], name: str) -> list[Issue]:
    if not issues:
        return issues
    from analysis.data.schema import FUTURE_DATE_RULES

    late = [i for i in issues if i.rule in FUTURE_DATE_RULES]
    dates = sorted({i.value for i in late if i.value})
    if len(dates) < CLOCK_BEHIND_AT:
        return issues
    first = min(i.line for i in late)
    said = (
        f"{len(dates)} dates lie after today, up to {dates[-1]}: is this computer's clock right? Today is "
        f"{dt.date.today().isoformat()}. Set the clock, then run the command again"
    )
    return [i for i in issues if i not in late] + [Issue(name, first, "date", None, said)]


def load_breaks(path: Path, name: str = "breaks.csv") -> tuple[pd.DataFrame, list[Issue]]:
    """Series breaks, each with the first year on its new side; typed (year as int)."""
    frame, issues = _load(path, name, BREAK_COLUMNS, "BreakRegistry")
    if not issues:
        frame = frame.assign(year=frame["year"].astype("int64"))
    return frame, issues


def source_ranks(sources: pd.DataFrame) -> dict[str, int]:
    """Each source's place in the order of preference where sources give one figure differently: primary before
    secondary, then the newer publication (an undated source last), then by id. 0 is the most preferred."""
    ordered = sorted(sources.itertuples(), key=lambda s: s.source_id)
    ordered = sorted(ordered, key=lambda s: s.date, reverse=True)  # 'YYYY[-MM[-DD]]': text order is date order
    ordered = sorted(ordered, key=lambda s: s.primacy != "primary")
    return {s.source_id: i for i, s in enumerate(ordered)}


def cite(sources: pd.DataFrame, ids: str, lang: str) -> str:
    """'Publisher (date)' for each source id in 'a+b', in the report language's citation format."""
    src = sources.set_index("source_id")
    return "; ".join(
        i18n.citation(src.at[i, "publisher"], src.at[i, "date"], lang) for i in ids.split("+") if i in src.index
    )


def break_years(breaks: pd.DataFrame, sector: str) -> list[int]:
    """First years of the breaks that apply to a sector, ascending."""
    applies = (breaks["sectors"] == "all") | breaks["sectors"].str.split().apply(lambda ids: sector in ids)
    return sorted(int(y) for y in breaks.loc[applies, "year"])


def era(years: pd.Series, sectors: pd.Series, breaks: pd.DataFrame) -> pd.Series:
    """Per row, how many breaks lie at or before its year for its sector: figures of different eras
    are not comparable, so nothing is derived or projected across them."""
    out = pd.Series(0, index=years.index, dtype="int64")
    for b in breaks.itertuples():
        applies = sectors.notna() if b.sectors == "all" else sectors.isin(b.sectors.split())
        out += (applies & (years.fillna(-1) >= b.year)).astype("int64")
    return out


def sector_names(sectors: pd.DataFrame, lang: str = "nl", short: bool = False) -> dict[str, str]:
    column = ("short_" if short else "name_") + ("nl" if lang == "nl" else "en")
    return dict(zip(sectors["sector"], sectors[column]))


def national_sectors(sectors: pd.DataFrame) -> list[str]:
    """The national aggregates (group 'nationaal'), in registry order."""
    return list(sectors.loc[sectors["group"] == "nationaal", "sector"])
