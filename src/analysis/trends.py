"""One sector's figures as a time series, its linear projection, and the key figures a report shows.

Where a year has figures from more than one source, the most precise one is
shown (61.3 before 61), then the primary source; all sources stay in the tidy
data and in the consistency report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

SERIES_MEASURES = ("realised_jobs", "target_jobs", "realisation_pct", "realised_own", "realised_sroi")


@dataclass(frozen=True)
class Point:
    year: int | None
    value: float
    qualifier: str
    status: str  # reported or derived
    source_id: str
    precision: int


def _pick(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per year: reported before derived, then the finer published precision, then source id."""
    ranked = rows.assign(_derived=rows["status"] != "reported")
    ranked = ranked.sort_values(["year", "_derived", "precision", "source_id"], ascending=[True, True, False, True],
                                kind="stable")
    return ranked.drop_duplicates("year").drop(columns="_derived")


def points(tidy: pd.DataFrame, sector: str, measure: str) -> list[Point]:
    rows = tidy[(tidy["sector"] == sector) & (tidy["measure"] == measure)]
    dated = _pick(rows[rows["year"].notna()])
    return [Point(int(r.year), float(r.value), r.qualifier, r.status, r.source_id, int(r.precision))
            for r in dated.itertuples()]


def goal(tidy: pd.DataFrame, sector: str) -> Point | None:
    rows = tidy[(tidy["sector"] == sector) & (tidy["measure"] == "goal_jobs")]
    if rows.empty:
        return None
    r = rows.sort_values(["status", "precision"], ascending=[False, False]).iloc[0]
    year = None if pd.isna(r["year"]) else int(r["year"])
    return Point(year, float(r["value"]), r["qualifier"], r["status"], r["source_id"], int(r["precision"]))


@dataclass(frozen=True)
class Projection:
    """Linear trend of the realised years, continued to the year of a later target."""

    possible: bool
    reason: str  # why not, when not possible: "too_few_years" or "no_later_target"
    first_year: int | None = None
    last_year: int | None = None
    last_value: float | None = None
    slope: float | None = None  # jobs per year achieved (least squares over the realised years)
    intercept: float | None = None
    target_year: int | None = None
    target_value: float | None = None
    needed_per_year: float | None = None  # from the last realised year to the target
    projected: float | None = None  # trend value in the target year
    on_course: bool | None = None

    def at(self, year: float) -> float:
        return self.intercept + self.slope * year


def later_target(tidy: pd.DataFrame, sector: str, after: int) -> Point | None:
    """The furthest dated target (yearly target or final goal) after `after`, reported before derived."""
    candidates = [p for p in points(tidy, sector, "target_jobs") if p.year > after]
    g = goal(tidy, sector)
    if g is not None and g.year is not None and g.year > after:
        candidates.append(g)
    if not candidates:
        return None
    return sorted(candidates, key=lambda p: (p.year, p.status == "reported"))[-1]


def projection(tidy: pd.DataFrame, sector: str) -> Projection:
    realised = points(tidy, sector, "realised_jobs")
    if len(realised) < 2:
        return Projection(False, "too_few_years")
    last = realised[-1]
    target = later_target(tidy, sector, last.year)
    if target is None:
        return Projection(False, "no_later_target", first_year=realised[0].year, last_year=last.year,
                          last_value=last.value)
    years = np.array([p.year for p in realised], dtype=float)
    values = np.array([p.value for p in realised], dtype=float)
    slope, intercept = np.polyfit(years, values, 1)
    projected = intercept + slope * target.year
    return Projection(
        True, "", first_year=realised[0].year, last_year=last.year, last_value=last.value,
        slope=float(slope), intercept=float(intercept), target_year=target.year, target_value=target.value,
        needed_per_year=(target.value - last.value) / (target.year - last.year),
        projected=float(projected), on_course=bool(projected >= target.value),
    )


def latest(tidy: pd.DataFrame, sector: str) -> dict | None:
    """The latest year with a realised count or a percentage, with what is known for that year."""
    realised = {p.year: p for p in points(tidy, sector, "realised_jobs")}
    target = {p.year: p for p in points(tidy, sector, "target_jobs")}
    pct = {p.year: p for p in points(tidy, sector, "realisation_pct")}
    years = sorted(set(realised) | set(pct))
    if not years:
        return None
    year = years[-1]
    return {
        "year": year,
        "realised": asdict(realised[year]) if year in realised else None,
        "target": asdict(target[year]) if year in target else None,
        "pct": asdict(pct[year]) if year in pct else None,
    }


def change_since_previous(tidy: pd.DataFrame, sector: str) -> dict | None:
    """Realised jobs in the last published year against the published year before it (gaps allowed)."""
    realised = points(tidy, sector, "realised_jobs")
    if len(realised) < 2:
        return None
    prev, last = realised[-2], realised[-1]
    return {"from_year": prev.year, "from_value": prev.value, "to_year": last.year, "to_value": last.value,
            "change": last.value - prev.value, "years": last.year - prev.year}


def sources_used(tidy: pd.DataFrame, sector: str) -> list[str]:
    shown = [p for m in SERIES_MEASURES for p in points(tidy, sector, m)]
    g = goal(tidy, sector)
    ids = {part for p in ([*shown, g] if g else shown) for part in p.source_id.split("+")}
    return sorted(ids)


def sector_summary(tidy: pd.DataFrame, sector: str) -> dict:
    """Key figures of one sector as plain data (what summary.json holds and the report shows)."""
    def by_year(measure: str) -> dict[str, float]:
        return {str(p.year): p.value for p in points(tidy, sector, measure)}

    g = goal(tidy, sector)
    return {
        "sector": sector,
        "realised_jobs": by_year("realised_jobs"),
        "target_jobs": {str(p.year): p.value for p in points(tidy, sector, "target_jobs") if p.status == "reported"},
        "derived_target_jobs": {str(p.year): p.value for p in points(tidy, sector, "target_jobs") if p.status == "derived"},
        "realisation_pct": {str(p.year): p.value for p in points(tidy, sector, "realisation_pct") if p.status == "reported"},
        "derived_realisation_pct": {str(p.year): p.value for p in points(tidy, sector, "realisation_pct")
                                    if p.status == "derived"},
        "goal_jobs": asdict(g) if g else None,
        "latest": latest(tidy, sector),
        "change_since_previous": change_since_previous(tidy, sector),
        "projection": asdict(projection(tidy, sector)),
        "sources": sources_used(tidy, sector),
    }


def sectors_with_data(tidy: pd.DataFrame, sector_order: list[str]) -> list[str]:
    present = set(tidy["sector"])
    return [s for s in sector_order if s in present]
