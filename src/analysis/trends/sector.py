"""One sector's figures, computed once per dataset and sector: what its chart, tables, texts, summary.json and the
index row read, so that none of them asks the series again and all of them tell the same figures.

Built by `sector_figures(data, sector)`, kept by the dataset while its frames are unchanged (Dataset.cached), so an
analyst's edit of `data.tidy` in JupyterLab shows at the next call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.derived import findings
from analysis.data.registry import break_years
from analysis.trends import answer, series
from analysis.trends.series import Point
from analysis.trends.verdicts import Outlook


@dataclass(frozen=True)
class SectorFigures:
    sector: str
    main_basis: str | None
    series: dict[tuple[str, str], list[Point]]  # (measure, basis) -> its annual whole-sector points, by year
    goal: Point | None  # the end goal a chart and a verdict use (series.goal)
    goal_dates: list[Point]  # the end goal as each source dates it, where sources differ on its due year
    beside: pd.DataFrame  # quarterly, provisional and part-sector readings: shown, never in a series
    break_years: list[int]
    findings: pd.DataFrame  # the consistency and plausibility findings about this sector
    stand: answer.Stand  # how the sector did in the latest year that decides
    outlook: Outlook  # whether it is on course for its next target or end goal (its projection is the chart's)
    latest: dict | None  # the latest year with a count or a percentage of the main series (series.latest)
    change: dict | None  # the latest count against the one before (series.change_since_previous)
    this_year: int  # the year the verdicts take as the current one
    sources: list[str] = field(default_factory=list)  # every source of what its chart shows

    def points(self, measure: str, basis: str | None = None) -> list[Point]:
        """One series: the points of `measure` on `basis` (default: the sector's main basis)."""
        return list(self.series.get((measure, basis or self.main_basis or ""), []))

    def other_points(self, measure: str) -> list[Point]:
        """The points of `measure` on every basis but the main one (drawn and told as such)."""
        return [p for b in self.bases(measure) if b != self.main_basis for p in self.points(measure, b)]

    def bases(self, measure: str) -> list[str]:
        """The bases `measure` has points on, in series.BASIS_ORDER."""
        found = {b for m, b in self.series if m == measure}
        return [b for b in series.BASIS_ORDER if b in found] + sorted(found - set(series.BASIS_ORDER))


def sector_figures(data: Dataset, sector: str, today: dt.date | None = None) -> SectorFigures:
    """The sector's figures and verdicts; `today` decides which years have passed (default: today)."""
    this_year = (today or dt.date.today()).year
    return data.cached_by(_figures_of, (sector, this_year), lambda: _build(data, sector, this_year))


def _figures_of(data: Dataset) -> dict:
    return {}  # filled by sector_figures()


def _build(data: Dataset, sector: str, this_year: int) -> SectorFigures:
    measures = series.SERIES_MEASURES
    found = findings(data.consistency())
    breaks = data.breaks
    return SectorFigures(
        sector=sector,
        main_basis=series.main_basis(data, sector),
        series={(m, b): series.points(data, sector, m, b) for m in measures for b in series.bases(data, sector, m)},
        goal=series.goal(data, sector),
        goal_dates=series.goal_dates(data, sector),
        beside=series.readings_beside(data, sector),
        break_years=break_years(breaks, sector) if breaks is not None and not breaks.empty else [],
        findings=found[found["sector"] == sector].reset_index(drop=True),
        stand=answer.stand(data, sector, this_year),
        outlook=answer.outlook(data, sector, this_year),
        latest=series.latest(data, sector),
        change=series.change_since_previous(data, sector),
        this_year=this_year,
        sources=series.sources_used(data, sector),
    )
