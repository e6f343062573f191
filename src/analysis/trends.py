"""One sector's figures as time series, and the key figures a report shows.

A series is one sector's annual, whole-sector figures of one measure on one basis
(see derived.SERIES_KEY): quarterly readings, part-sector figures and figures on
another basis are never points of it. Where a year has figures from more than
one source, the most precise one is shown (61.3 before 61), then the primary
source; all sources stay in the tidy data and in the consistency report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from analysis.derived import once_per_frame, series_rows

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


def _series(tidy: pd.DataFrame) -> dict[tuple[str, str, str], list[Point]]:
    """(sector, measure, basis) -> its points by year: one per year, reported before derived, then the
    finer published precision, then source id. Built once per frame (derived.once_per_frame): reports ask for
    hundreds of series, and filtering the frame for each took most of a notebook's time."""
    return once_per_frame(tidy, _build_series)


def _build_series(tidy: pd.DataFrame) -> dict[tuple[str, str, str], list[Point]]:
    rows = series_rows(tidy)
    rows = rows[rows["year"].notna()].assign(_derived=rows["status"] != "reported")
    rows = rows.sort_values(
        ["sector", "measure", "basis", "year", "_derived", "precision", "source_id"],
        ascending=[True, True, True, True, True, False, True],
        kind="stable",
    )
    rows = rows.drop_duplicates(["sector", "measure", "basis", "year"])
    index: dict[tuple[str, str, str], list[Point]] = {}
    for r, p in zip(rows.itertuples(), _as_points(rows)):
        index.setdefault((r.sector, r.measure, r.basis), []).append(p)
    return index


def bases(tidy: pd.DataFrame, sector: str, measure: str | None = None) -> list[str]:
    """The bases of a sector's series figures (of one measure, or any), in BASIS_ORDER."""
    found = {b for (s, m, b) in _series(tidy) if s == sector and (measure is None or m == measure)} - {""}
    return [b for b in BASIS_ORDER if b in found] + sorted(found - set(BASIS_ORDER))


def main_basis(tidy: pd.DataFrame, sector: str) -> str | None:
    """The basis of the sector's main series: that of its realised counts, else of its targets, else any."""
    for measure in ("realised_jobs", "target_jobs", None):
        found = bases(tidy, sector, measure)
        if found:
            return found[0]
    return None


def points(tidy: pd.DataFrame, sector: str, measure: str, basis: str | None = None) -> list[Point]:
    """One series: a sector's annual whole-sector figures of one measure on one basis (default: the main basis)."""
    basis = basis or main_basis(tidy, sector)
    return list(_series(tidy).get((sector, measure, basis), []))


def other_points(tidy: pd.DataFrame, sector: str, measure: str) -> list[Point]:
    """Series figures of a measure on every basis but the main one (drawn and told as such)."""
    main = main_basis(tidy, sector)
    return [p for b in bases(tidy, sector, measure) if b != main for p in points(tidy, sector, measure, b)]


def side_figures(tidy: pd.DataFrame, sector: str) -> pd.DataFrame:
    """Reported figures that are no point of any series: quarterly readings and part-sector figures."""
    rows = tidy[(tidy["sector"] == sector) & (tidy["status"] == "reported")]
    return rows[(rows["period"] != "year") | (rows["scope"] != "")]


def goal(tidy: pd.DataFrame, sector: str) -> Point | None:
    rows = series_rows(tidy[(tidy["sector"] == sector) & (tidy["measure"] == "goal_jobs")])
    if rows.empty:
        return None
    r = rows.sort_values(["status", "precision"], ascending=[False, False]).iloc[:1]
    return _as_points(r)[0]


def latest(tidy: pd.DataFrame, sector: str) -> dict | None:
    """The latest year with a realised count or a percentage of the main series, with what is known for that year."""
    realised = {p.year: p for p in points(tidy, sector, "realised_jobs")}
    target = {p.year: p for p in points(tidy, sector, "target_jobs")}
    pct = {p.year: p for p in points(tidy, sector, "realisation_pct")}
    years = sorted(set(realised) | set(pct))
    if not years:
        return None
    year = years[-1]
    return {
        "year": year,
        "basis": main_basis(tidy, sector),
        "realised": asdict(realised[year]) if year in realised else None,
        "target": asdict(target[year]) if year in target else None,
        "pct": asdict(pct[year]) if year in pct else None,
    }


def change_since_previous(tidy: pd.DataFrame, sector: str) -> dict | None:
    """Realised jobs in the last published year against the published year before it (gaps allowed, no break between)."""
    realised = points(tidy, sector, "realised_jobs")
    if len(realised) < 2 or realised[-1].era != realised[-2].era:
        return None
    prev, last = realised[-2], realised[-1]
    return {
        "from_year": prev.year,
        "from_value": prev.value,
        "to_year": last.year,
        "to_value": last.value,
        "change": last.value - prev.value,
        "years": last.year - prev.year,
    }


def sources_used(tidy: pd.DataFrame, sector: str) -> list[str]:
    """Sources of everything a sector's chart shows: its series on every basis and its goal."""
    shown = [p for m in SERIES_MEASURES for b in bases(tidy, sector, m) for p in points(tidy, sector, m, b)]
    g = goal(tidy, sector)
    ids = {part for p in ([*shown, g] if g else shown) for part in p.source_id.split("+")}
    return sorted(ids)


def sector_summary(tidy: pd.DataFrame, sector: str, breaks: pd.DataFrame | None = None) -> dict:
    """Key figures of one sector as plain data (what summary.json holds and the report shows)."""
    from analysis.verdicts import verdict

    def by_year(pts: list[Point], status: str | None = None) -> dict[str, float]:
        return {str(p.year): p.value for p in pts if status is None or p.status == status}

    g = goal(tidy, sector)
    targets = points(tidy, sector, "target_jobs")
    pct = points(tidy, sector, "realisation_pct")
    v = verdict(tidy, sector, breaks)
    return {
        "sector": sector,
        "basis": main_basis(tidy, sector),
        "realised_jobs": by_year(points(tidy, sector, "realised_jobs")),
        "target_jobs": by_year(targets, "reported"),
        "derived_target_jobs": by_year(targets, "derived"),
        "realisation_pct": by_year(pct, "reported"),
        "derived_realisation_pct": by_year(pct, "derived"),
        "other_basis": [
            asdict(p)
            for p in other_points(tidy, sector, "realisation_pct") + other_points(tidy, sector, "realised_jobs")
        ],
        "goal_jobs": asdict(g) if g else None,
        "latest": latest(tidy, sector),
        "change_since_previous": change_since_previous(tidy, sector),
        "verdict": v.as_dict(),
        "sources": sources_used(tidy, sector),
    }


def sectors_with_data(tidy: pd.DataFrame, sector_order: list[str]) -> list[str]:
    present = set(tidy["sector"])
    return [s for s in sector_order if s in present]
