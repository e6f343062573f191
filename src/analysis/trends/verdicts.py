"""The rules that judge a sector's figures, with the figures each judgement rests on: whether a figure reaches a
target (`reached`), what each basis's figures say of one year (`year_outcomes`, which the stand in trends/answer
weighs), whether a count already reached a later target (`reached_before`), and the outlook towards the next
target or end goal still ahead (`ahead`).

The rules:
- a year is judged only by figures for that year (a published percentage, or realised against target on one
  basis); sources of one basis whose figures differ beyond rounding are each other's rivals, named with them;
- a qualified figure is only as strong as its word (dictionary: reads_as): 'bijna 700' never meets 700, 'ruim 700'
  does, 'circa 700' (650 to 750) neither meets nor misses it: `uncertain`;
- a target ahead is judged by the linear trend of realised jobs on the target's own basis, fitted on the years on
  the target's side of every series break; the band runs from the slowest to the fastest yearly growth seen
  between published years (a fall included). Without counts on that basis the outlook says so
  (`too_little_data`, missing 'basis'), and so it does across a break ('break') or with one year ('two_years');
- a target whose latest count before its year (on its basis, on its side of every series break) already reaches
  it, is `reached_early`, resting on that count: the figures say it was reached, not that it held in the target's
  year (gemeenten: 5.500 in 2020 against 5.250 for 2023);
- sources that date the end goal differently are named, and nothing is filled in.
Percentages of an end goal (end_goal_share) or of the quota norm (quota_norm) say nothing about a year's target and
are not used; quarterly, provisional and part-sector figures are never used.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.derived import last_digit_unit
from analysis.dictionary import QUALIFIERS
from analysis.trends import series

JUDGED_BASES = ("sector_count", "national_extra_jobs", "statutory_measurement")  # not dictionary.SHARE_BASES


@dataclass(frozen=True)
class Ground:
    """One published (or derived) figure a verdict rests on."""

    year: int | None
    measure: str
    value: float
    basis: str
    source_id: str
    status: str = "reported"
    qualifier: str = ""
    precision: int = 0


@dataclass(frozen=True)
class Projection:
    """Realised jobs on one basis, continued from the last figure to the target year."""

    basis: str
    fitted_years: list[int]
    last_year: int
    last_value: float
    target_year: int
    target_value: float
    slope: float  # jobs per year, least squares over the fitted years
    projected: float  # last figure + slope × years to go
    low: float  # at the slowest yearly growth seen between two published years
    high: float  # at the fastest
    needed_per_year: float
    last_qualifier: str = ""  # the word the last figure was published with ('bijna 90.000')
    last_precision: int = 0  # and its decimals as published

    @property
    def on_course(self) -> bool:
        return self.projected >= self.target_value


@dataclass(frozen=True)
class Outlook:
    """Towards the sector's next target or end goal still ahead: on_course, not_on_course, reached_early,
    too_little_data (with what is `missing`: 'two_years', 'break' or 'basis') or no_target."""

    status: str
    year: int | None  # the year of the target ahead
    basis: str | None  # the basis it rests on: the target's own
    figures: list[Ground] = field(default_factory=list)  # the counts it rests on
    target: Ground | None = None
    projection: Projection | None = None  # for on_course/not_on_course
    missing: str = ""  # for too_little_data
    break_year: int | None = None
    goal_dates: list[Ground] = field(default_factory=list)  # the end goal as each source dates it, where they differ


def ground(p: series.Point, measure: str | None = None) -> Ground:
    """A series point as a figure a verdict rests on."""
    return Ground(p.year, measure or p.measure, p.value, p.basis, p.source_id, p.status, p.qualifier, p.precision)


def row_ground(r) -> Ground:
    """A row of the tidy frame (itertuples) as a figure a verdict names: a reading beside the series."""
    year = None if pd.isna(r.year) else int(r.year)
    return Ground(year, r.measure, float(r.value), r.basis, r.source_id, r.status, r.qualifier, int(r.precision))


def _targets(data: Dataset, sector: str) -> list[series.Point]:
    """Every dated target or end goal of the sector's series, on any basis."""
    found = [
        p for b in series.bases(data, sector, "target_jobs") for p in series.points(data, sector, "target_jobs", b)
    ]
    goal = series.goal(data, sector)
    if goal is not None and goal.year is not None and not any(t.year == goal.year for t in found):
        found.append(goal)
    return sorted(
        found,
        key=lambda p: (
            p.year,
            series.BASIS_ORDER.index(p.basis) if p.basis in series.BASIS_ORDER else 99,
            p.status != "reported",
        ),
    )


def _interval(g: Ground) -> tuple[float, float, bool]:
    """What a figure says of the true value: (low, high, whether high itself is excluded), read as rounded to the
    step of its last written digit where a qualifier says it is not exact (dictionary: reads_as)."""
    reads_as = QUALIFIERS[g.qualifier].reads_as if g.qualifier in QUALIFIERS else "exact"
    step = last_digit_unit(g.value, g.precision)
    return {
        "above": (g.value, g.value + step, True),
        "below": (g.value - step, g.value, True),
        "around": (g.value - step / 2, g.value + step / 2, False),
    }.get(reads_as, (g.value, g.value, False))


def reached(figure: Ground, target: Ground | None = None) -> str:
    """'met', 'not_met' or 'uncertain': whether the figure reaches the target (default: 100, for a percentage),
    as far as the words of both allow. 'bijna 700' against 700: not met; 'circa 700' against 700: uncertain."""
    low, high, high_open = _interval(figure)
    target_low, target_high, _ = _interval(target) if target is not None else (100.0, 100.0, False)
    if low >= target_high:
        return "met"
    if high < target_low or (high == target_low and high_open):
        return "not_met"
    return "uncertain"


@dataclass(frozen=True)
class Outcome:
    result: str  # met, not_met, uncertain
    grounds: list[Ground]
    rivals: list[Ground]  # published figures of the same points that differ beyond rounding from the grounds


def year_outcomes(data: Dataset, sector: str, year: int) -> list[Outcome]:
    """Per basis, whether the figures for `year` say the target was met, which figures say so, and which other
    sources' figures for the same points disagree."""
    out = []
    for basis in JUDGED_BASES:
        pct = {p.year: p for p in series.points(data, sector, "realisation_pct", basis)}.get(year)
        realised = {p.year: p for p in series.points(data, sector, "realised_jobs", basis)}.get(year)
        target = {p.year: p for p in series.points(data, sector, "target_jobs", basis)}.get(year)
        if pct is not None and pct.status == "reported":
            points, result = [pct], reached(ground(pct))
        elif realised is not None and target is not None:
            points, result = [realised, target], reached(ground(realised), ground(target))
        else:
            continue
        rivals = [ground(r) for p in points for r in series.rivals(data, sector, p.measure, basis, year)[1:]]
        out.append(Outcome(result, [ground(p) for p in points], rivals))
    return out


def reached_before(data: Dataset, sector: str, target: series.Point) -> series.Point | None:
    """The latest count of realised jobs on the target's basis before its year, on its side of every series break,
    where that count already reaches the target (as far as both words allow: 'bijna 5.250' does not); else None.
    Only the latest count speaks: an earlier one above the target is not the latest word."""
    counts = [
        p
        for p in series.points(data, sector, "realised_jobs", target.basis)
        if p.year < target.year and p.era == target.era
    ]
    if counts and reached(ground(counts[-1]), ground(target)) == "met":
        return counts[-1]
    return None


def project(data: Dataset, sector: str, target: series.Point, basis: str) -> Projection | str:
    """The trend of realised jobs on `basis` towards `target`, or why there is none ('two_years' or 'break')."""
    realised = [p for p in series.points(data, sector, "realised_jobs", basis) if p.year < target.year]
    same_side = [p for p in realised if p.era == target.era]
    if realised and not same_side:
        return "break"
    if len(same_side) < 2:
        return "two_years"
    years = np.array([p.year for p in same_side], dtype=float)
    values = np.array([p.value for p in same_side], dtype=float)
    slope = float(np.polyfit(years, values, 1)[0])
    rates = [(b.value - a.value) / (b.year - a.year) for a, b in itertools.pairwise(same_side)]
    last = same_side[-1]
    ahead = target.year - last.year
    return Projection(
        basis,
        [p.year for p in same_side],
        last.year,
        last.value,
        target.year,
        target.value,
        slope,
        last.value + slope * ahead,
        last.value + min(rates) * ahead,
        last.value + max(rates) * ahead,
        (target.value - last.value) / ahead,
        last.qualifier,
        last.precision,
    )


def next_break(breaks: pd.DataFrame | None, sector: str) -> int | None:
    if breaks is None or breaks.empty:
        return None
    from analysis.data.registry import break_years

    years = break_years(breaks, sector)
    return years[0] if years else None


def _goal_dates(data: Dataset, sector: str, target: series.Point | None) -> list[Ground]:
    """Where the verdict's target is the end goal and sources date it differently: each source's goal."""
    if target is None or target.measure != "goal_jobs":
        return []
    return [ground(g) for g in series.goal_dates(data, sector)]


def ahead(data: Dataset, sector: str, this_year: int) -> Outlook:
    """Towards the next target or end goal still ahead (due this year or later): on course, not on course,
    reached early, or too_little_data with what is missing; 'no_target' where none lies ahead."""
    targets = [t for t in _targets(data, sector) if t.year >= this_year]
    if not targets:
        return Outlook("no_target", None, series.main_basis(data, sector))
    main = series.main_basis(data, sector)
    target = next((t for t in targets if t.basis == main), targets[0])  # the next one, on the main basis if it can
    told = {"break_year": next_break(data.breaks, sector), "goal_dates": _goal_dates(data, sector, target)}
    proj = project(data, sector, target, target.basis)  # only counts on the target's own basis
    early = reached_before(data, sector, target) if not isinstance(proj, Projection) else None
    if early is not None:  # one count, already at the target: no trend is needed to say so
        return Outlook("reached_early", target.year, target.basis, [ground(early)], ground(target), **told)
    if not isinstance(proj, Projection):
        counted = series.bases(data, sector, "realised_jobs")
        missing = "basis" if counted and target.basis not in counted else proj
        return Outlook("too_little_data", target.year, target.basis, target=ground(target), missing=missing, **told)
    grounds = [
        ground(p) for p in series.points(data, sector, "realised_jobs", target.basis) if p.year in proj.fitted_years
    ]
    status = "on_course" if proj.on_course else "not_on_course"
    return Outlook(status, target.year, proj.basis, grounds, ground(target), proj, **told)
