"""One verdict per sector, with its grounds: is the target met, or is the sector on course for it?

The rules, in order:
- the verdict concerns the sector's next target still ahead (this year or later), or,
  when every target year has passed, the latest year with a target or a percentage;
- a target year that has passed is judged only by figures for that year (a published
  percentage, or realised against target on one basis): a published figure outranks a
  projection. Figures of different bases that point different ways, or sources of one
  basis whose figures differ beyond rounding: `sources_differ`, naming them all;
- a qualified figure is only as strong as its word (dictionary: reads_as): 'bijna 700' never
  meets 700, 'ruim 700' does, 'circa 700' (650 to 750) neither meets nor misses it: `uncertain`;
- a target ahead is judged by the linear trend of realised jobs on the target's own basis,
  fitted on the years on the target's side of every series break; the band runs from the
  slowest to the fastest yearly growth seen between published years (a fall included). Without
  counts on that basis the verdict says so (`too_little_data`, missing 'basis');
- a target without a figure for its own year, which the latest count before that year (on its basis, on its
  side of every series break) already reaches, is `reached_early`, resting on that count: the figures say it was
  reached, not that it held in the target's year (gemeenten: 5.500 in 2020 against 5.250 for 2023);
- a fall in the latest figure is named, and so are sources that date the end goal differently;
- what is missing is named (`too_little_data`), and nothing is filled in.
Percentages of an end goal (end_goal_share) or of the quota norm (quota_norm) say nothing about
a year's target and are not used; quarterly, provisional and part-sector figures are never used.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.derived import last_digit_unit, series_rows
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
class Verdict:
    status: str
    year: int | None  # the target year the verdict is about
    basis: str | None  # the basis it rests on; None where bases differ or nothing is judged
    figures: list[Ground] = field(default_factory=list)  # what it rests on
    target: Ground | None = None
    projection: Projection | None = None  # for on_course/not_on_course; else a trend told only as context
    missing: str = ""  # for too_little_data: no_figures, whole_sector, target_year_figure, two_years, break, basis
    context: list[Ground] = field(default_factory=list)  # the latest earlier figures, for the text
    break_year: int | None = None
    fall: list[Ground] = field(default_factory=list)  # [the figure before, the latest] where the latest is lower
    goal_dates: list[Ground] = field(default_factory=list)  # the end goal as each source dates it, where they differ
    other_bases: list[str] = field(default_factory=list)  # for missing 'basis': the bases that do have counts


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


def _latest_outcome_before(data: Dataset, sector: str, year: int) -> list[Ground]:
    years = sorted(
        {
            p.year
            for m in ("realisation_pct", "realised_jobs")
            for b in JUDGED_BASES
            for p in series.points(data, sector, m, b)
            if p.year < year
        },
        reverse=True,
    )
    for y in years:
        outcomes = year_outcomes(data, sector, y)
        if outcomes:
            return [g for o in outcomes for g in o.grounds]
    return []


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


def verdict(data: Dataset, sector: str, today: dt.date | None = None) -> Verdict:
    """The verdict for one sector (see the module's rules); `today` decides which target years have passed.

    Kept by the dataset per sector and year while its figures are unchanged (Dataset.cached): the run's
    planning, the index page and the overview ask for the same verdicts, and each costs pandas work."""
    this_year = (today or dt.date.today()).year
    return data.cached_by(_verdicts_of, (sector, this_year), lambda: _verdict(data, sector, this_year))


def _verdicts_of(data: Dataset) -> dict:
    return {}  # filled by verdict()


def _verdict(data: Dataset, sector: str, this_year: int) -> Verdict:
    break_year = next_break(data.breaks, sector)
    rows = series_rows(data.tidy[data.tidy["sector"] == sector])
    if rows.empty:
        side = series.readings_beside(data, sector)
        return Verdict(
            "too_little_data",
            None,
            None,
            missing="whole_sector" if len(side) else "no_figures",
            context=[row_ground(r) for r in side.itertuples()],
        )
    targets = _targets(data, sector)
    pct_years = [p.year for b in JUDGED_BASES for p in series.points(data, sector, "realisation_pct", b)]
    ahead = [t for t in targets if t.year >= this_year]
    if ahead:
        return _ahead(data, sector, ahead, break_year)
    judged_years = [t.year for t in targets] + pct_years
    if not judged_years:
        return Verdict("no_target", None, series.main_basis(data, sector))
    return _passed(data, sector, max(judged_years), targets, break_year)


def next_break(breaks: pd.DataFrame | None, sector: str) -> int | None:
    if breaks is None or breaks.empty:
        return None
    from analysis.data.registry import break_years

    years = break_years(breaks, sector)
    return years[0] if years else None


def _passed(data: Dataset, sector: str, year: int, targets: list[series.Point], break_year: int | None) -> Verdict:
    target = next((t for t in reversed(targets) if t.year == year), None)
    target_ground = ground(target) if target else None
    outcomes = year_outcomes(data, sector, year)
    # A trend towards this target year on the target's own basis, told beside the verdict but never outranking it.
    context_projection = None
    if target is not None:
        p = project(data, sector, target, target.basis)
        context_projection = p if isinstance(p, Projection) else None
    told = {"break_year": break_year, "goal_dates": _goal_dates(data, sector, target)}
    early = reached_before(data, sector, target) if target is not None and not outcomes else None
    if early is not None:
        return Verdict("reached_early", year, target.basis, [ground(early)], target_ground, context_projection, **told)
    if not outcomes:
        return Verdict(
            "too_little_data",
            year,
            target.basis if target else None,
            target=target_ground,
            projection=context_projection,
            missing="target_year_figure",
            context=_latest_outcome_before(data, sector, year),
            fall=_latest_fall(data, sector, target.basis, year) if target else [],
            **told,
        )
    grounds = [g for o in outcomes for g in o.grounds]
    rivals = [g for o in outcomes for g in o.rivals]
    certain = [o for o in outcomes if o.result != "uncertain"]
    if rivals or len({o.result for o in certain}) > 1:
        return Verdict("sources_differ", year, None, grounds + rivals, target_ground, context_projection, **told)
    decided = certain or outcomes
    basis = decided[0].grounds[0].basis
    return Verdict(
        decided[0].result,
        year,
        basis,
        [g for o in decided for g in o.grounds],
        target_ground,
        context_projection,
        fall=_latest_fall(data, sector, basis, year),
        **told,
    )


def _goal_dates(data: Dataset, sector: str, target: series.Point | None) -> list[Ground]:
    """Where the verdict's target is the end goal and sources date it differently: each source's goal."""
    if target is None or target.measure != "goal_jobs":
        return []
    return [ground(g) for g in series.goal_dates(data, sector)]


def _latest_fall(data: Dataset, sector: str, basis: str, up_to: int) -> list[Ground]:
    """[the figure before, the latest] of realised jobs on `basis` up to `up_to`, where the latest is lower."""
    realised = [p for p in series.points(data, sector, "realised_jobs", basis) if p.year <= up_to]
    if len(realised) < 2 or realised[-1].era != realised[-2].era or realised[-1].value >= realised[-2].value:
        return []
    return [ground(realised[-2]), ground(realised[-1])]


def ahead(data: Dataset, sector: str, this_year: int) -> Verdict:
    """Towards the next target or end goal still ahead (due this year or later): on course, not on course, or
    too_little_data with what is missing; 'no_target' where none lies ahead."""
    targets = [t for t in _targets(data, sector) if t.year >= this_year]
    if not targets:
        return Verdict("no_target", None, series.main_basis(data, sector))
    return _ahead(data, sector, targets, next_break(data.breaks, sector))


def _ahead(data: Dataset, sector: str, ahead: list[series.Point], break_year: int | None) -> Verdict:
    main = series.main_basis(data, sector)
    target = next((t for t in ahead if t.basis == main), ahead[0])  # the next target, on the main basis if it has one
    told = {"break_year": break_year, "goal_dates": _goal_dates(data, sector, target)}
    proj = project(data, sector, target, target.basis)  # only counts on the target's own basis
    early = reached_before(data, sector, target) if not isinstance(proj, Projection) else None
    if early is not None:  # one count, already at the target: no trend is needed to say so
        return Verdict("reached_early", target.year, target.basis, [ground(early)], ground(target), **told)
    if not isinstance(proj, Projection):
        counted = series.bases(data, sector, "realised_jobs")
        others = [b for b in counted if b != target.basis] if target.basis not in counted else []
        # the latest year with a verdict, and the latest count on the target's basis where that is newer
        context = _latest_outcome_before(data, sector, target.year)
        latest = series.points(data, sector, "realised_jobs", target.basis)[-1:]
        newer = [ground(p) for p in latest if not context or p.year > max(g.year for g in context)]
        return Verdict(
            "too_little_data",
            target.year,
            target.basis,
            target=ground(target),
            missing="basis" if others else proj,
            context=context + newer,
            other_bases=others,
            **told,
        )
    grounds = [
        ground(p) for p in series.points(data, sector, "realised_jobs", target.basis) if p.year in proj.fitted_years
    ]
    return Verdict(
        "on_course" if proj.on_course else "not_on_course",
        target.year,
        proj.basis,
        grounds,
        ground(target),
        proj,
        fall=_latest_fall(data, sector, proj.basis, proj.last_year),
        **told,
    )
