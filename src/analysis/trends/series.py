"""One sector's figures as time series, and the key figures a report shows.

A series is one sector's annual, whole-sector figures of one measure on one basis
(same basis and era, see derived.series_rows): quarterly and provisional readings, part-sector figures and
figures on another basis are never points of it. Where a year has figures from more
than one source, the preferred source gives the point: primary before secondary, then
the newer publication (tidy column source_rank). A figure of another source that agrees
with it within published rounding but is more precise is shown instead (61.3 before 61);
one that differs beyond rounding is its rival (rivals()), which a verdict names. All
sources stay in the tidy data and in the consistency report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.derived import in_order_of_preference, series_rows, within_rounding

SERIES_MEASURES = ("realised_jobs", "target_jobs", "realisation_pct", "realised_own", "realised_sroi")
# The basis a sector's chart and trend use when it publishes counts on several: its own count first.
BASIS_ORDER = ("sector_count", "national_extra_jobs", "statutory_measurement", "end_goal_share", "quota_norm")


@dataclass(frozen=True)
class Point:
    year: int | None
    value: float
    qualifier: str
    status: str  # reported or derived
    source_id: str
    precision: int
    basis: str = ""
    era: int = 0
    measure: str = ""


def _as_points(rows: pd.DataFrame) -> list[Point]:
    return [
        Point(
            None if pd.isna(r.year) else int(r.year),
            float(r.value),
            r.qualifier,
            r.status,
            r.source_id,
            int(r.precision),
            r.basis,
            int(r.era),
            r.measure,
        )
        for r in rows.itertuples()
    ]


def _series(data: Dataset) -> dict[tuple[str, str, str], list[Point]]:
    """(sector, measure, basis) -> its points by year (see the module's rule for which source gives a point).
    Built once per dataset while its frame is unchanged (Dataset.cached): reports ask for hundreds of series,
    and filtering the frame for each took most of a notebook's time."""
    return data.cached(_build_series)[0]


def _rivals(data: Dataset) -> dict[tuple[str, str, str, int], list[Point]]:
    return data.cached(_build_series)[1]


def _build_series(data: Dataset) -> tuple[dict, dict]:
    rows = series_rows(data.tidy)
    key = ["sector", "measure", "basis", "year"]
    rows = in_order_of_preference(rows[rows["year"].notna()], key)
    first = rows.drop_duplicates(key)
    chosen = {(r.sector, r.measure, r.basis, int(r.year)): p for r, p in zip(first.itertuples(), _as_points(first))}
    # Where several published figures compete for one point (few): the preferred one, or a more precise one
    # that agrees with it; the others that differ beyond rounding are its rivals.
    rivals: dict[tuple[str, str, str, int], list[Point]] = {}
    competing = rows[~rows["_derived"] & rows.duplicated(key, keep=False)]
    for k, group in competing.groupby(key, sort=False, observed=True):
        candidates = _as_points(group)
        agrees = [within_rounding(p, candidates[0]) for p in candidates]
        shown = max((p for p, ok in zip(candidates, agrees) if ok), key=lambda p: p.precision)
        k = (k[0], k[1], k[2], int(k[3]))
        chosen[k] = shown
        differ = [p for p, ok in zip(candidates, agrees) if not ok]
        if differ:
            rivals[k] = [shown, *differ]
    index: dict[tuple[str, str, str], list[Point]] = {}
    for (sector, measure, basis, _), p in sorted(chosen.items(), key=lambda item: item[0]):
        index.setdefault((sector, measure, basis), []).append(p)
    return index, rivals


def rivals(data: Dataset, sector: str, measure: str, basis: str, year: int) -> list[Point]:
    """The published figures of one point that differ beyond rounding, the shown one first; [] where they agree."""
    return list(_rivals(data).get((sector, measure, basis, year), []))


def bases(data: Dataset, sector: str, measure: str | None = None) -> list[str]:
    """The bases of a sector's series figures (of one measure, or any), in BASIS_ORDER."""
    found = {b for (s, m, b) in _series(data) if s == sector and (measure is None or m == measure)} - {""}
    return [b for b in BASIS_ORDER if b in found] + sorted(found - set(BASIS_ORDER))


def main_basis(data: Dataset, sector: str) -> str | None:
    """The basis of the sector's main series: that of its realised counts, else of its targets, else any."""
    for measure in ("realised_jobs", "target_jobs", None):
        found = bases(data, sector, measure)
        if found:
            return found[0]
    return None


def points(data: Dataset, sector: str, measure: str, basis: str | None = None) -> list[Point]:
    """One series: a sector's annual whole-sector figures of one measure on one basis (default: the main basis)."""
    basis = basis or main_basis(data, sector)
    return list(_series(data).get((sector, measure, basis), []))


def other_points(data: Dataset, sector: str, measure: str) -> list[Point]:
    """Series figures of a measure on every basis but the main one (drawn and told as such)."""
    main = main_basis(data, sector)
    return [p for b in bases(data, sector, measure) if b != main for p in points(data, sector, measure, b)]


def readings_beside(data: Dataset, sector: str) -> pd.DataFrame:
    """Reported figures that are no point of any series: quarterly readings and part-sector figures."""
    tidy = data.tidy
    rows = tidy[(tidy["sector"] == sector) & (tidy["status"] == "reported")]
    return rows[(rows["period"] != "year") | (rows["scope"] != "")]


def goals(data: Dataset, sector: str) -> list[Point]:
    """The sector's end goals as published, in order of preference (reported first, then the preferred source,
    then the finer precision): one goal may be dated differently by different sources."""
    return list(data.cached(_build_goals).get(sector, []))


def _build_goals(data: Dataset) -> dict[str, list[Point]]:
    """Every sector's goals (see goals), sorted once for all sectors: a sector's answer, verdict and chart ask for
    its goals a dozen times."""
    tidy = data.tidy
    rows = in_order_of_preference(series_rows(tidy[tidy["measure"] == "goal_jobs"]), ["sector"])
    return {sector: _as_points(group) for sector, group in rows.groupby("sector", sort=False, observed=True)}


def goal(data: Dataset, sector: str) -> Point | None:
    """The end goal a chart and a verdict use: the preferred one (see goals)."""
    found = goals(data, sector)
    return found[0] if found else None


def goal_dates(data: Dataset, sector: str) -> list[Point]:
    """Where sources give the goal different due years: one goal per due year and source (by year), else []."""
    g = goal(data, sector)
    if g is None:
        return []
    dated = {(p.year, p.source_id): p for p in goals(data, sector) if p.year is not None and p.basis == g.basis}
    if len({year for year, _ in dated}) < 2:
        return []
    return [dated[k] for k in sorted(dated)]


def latest(data: Dataset, sector: str) -> dict | None:
    """The latest year with a realised count or a percentage of the main series, with what is known for that year."""
    realised = {p.year: p for p in points(data, sector, "realised_jobs")}
    target = {p.year: p for p in points(data, sector, "target_jobs")}
    pct = {p.year: p for p in points(data, sector, "realisation_pct")}
    years = sorted(set(realised) | set(pct))
    if not years:
        return None
    year = years[-1]
    return {
        "year": year,
        "basis": main_basis(data, sector),
        "realised": asdict(realised[year]) if year in realised else None,
        "target": asdict(target[year]) if year in target else None,
        "pct": asdict(pct[year]) if year in pct else None,
    }


def change_since_previous(data: Dataset, sector: str) -> dict | None:
    """Realised jobs in the last published year against the published year before it (gaps allowed, no break
    between). With a qualified figure on either side ('bijna 90.000') the change is not computed ('change' None):
    the words allow no exact difference, often not even its sign."""
    realised = points(data, sector, "realised_jobs")
    if len(realised) < 2 or realised[-1].era != realised[-2].era:
        return None
    prev, last = realised[-2], realised[-1]
    exact = not prev.qualifier and not last.qualifier
    return {
        "from_year": prev.year,
        "from_value": prev.value,
        "from_qualifier": prev.qualifier,
        "to_year": last.year,
        "to_value": last.value,
        "to_qualifier": last.qualifier,
        "change": last.value - prev.value if exact else None,
        "years": last.year - prev.year,
    }


def sources_used(data: Dataset, sector: str) -> list[str]:
    """Sources of everything a sector's chart shows: its series on every basis and its goal."""
    shown = [p for m in SERIES_MEASURES for b in bases(data, sector, m) for p in points(data, sector, m, b)]
    g = goal(data, sector)
    ids = {part for p in ([*shown, g] if g else shown) for part in p.source_id.split("+")}
    return sorted(ids)


def sectors_with_data(data: Dataset, sector_order: list[str] | None = None) -> list[str]:
    """The sectors with any figure, in the registry's order (or the order given)."""
    present = set(data.tidy["sector"])
    sector_order = list(data.sectors["sector"]) if sector_order is None else sector_order
    return [s for s in sector_order if s in present]
