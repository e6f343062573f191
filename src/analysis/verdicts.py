"""One verdict per sector, with its grounds: is the target met, or is the sector on course for it?

The rules, in order:
- the verdict concerns the sector's next target still ahead (this year or later), or,
  when every target year has passed, the latest year with a target or a percentage;
- a target year that has passed is judged only by figures for that year (a published
  percentage, or realised against target on one basis): a published figure outranks a
  projection. Figures of different bases that point different ways: `sources_differ`;
- a target ahead is judged by the linear trend of realised jobs on one basis, fitted on
  the years on the target's side of every series break; the band runs from the slowest to
  the fastest yearly growth seen between published years;
- what is missing is named (`too_little_data`), and nothing is filled in.
Percentages of an end goal (basis end_goal_share) say nothing about a year's target and are
not used; quarterly and part-sector figures are never used.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd

from analysis import trends
from analysis.derived import once_per_frame, series_rows

STATUSES = ("met", "not_met", "on_course", "not_on_course", "sources_differ", "too_little_data", "no_target")
JUDGED_BASES = ("sector_count", "national_extra_jobs", "statutory_measurement")  # not end_goal_share


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
    missing: str = ""  # for too_little_data: no_figures, whole_sector, target_year_figure, two_years, break
    context: list[Ground] = field(default_factory=list)  # the latest earlier figures, for the text
    break_year: int | None = None

    def as_dict(self) -> dict:
        from analysis.narrative import verdict_text

        out = asdict(self)
        out["text_nl"] = verdict_text(self, "nl")
        out["text_en"] = verdict_text(self, "en")
        return out


def _ground(p: trends.Point, measure: str | None = None) -> Ground:
    return Ground(p.year, measure or p.measure, p.value, p.basis, p.source_id, p.status, p.qualifier, p.precision)


def _targets(tidy: pd.DataFrame, sector: str) -> list[trends.Point]:
    """Every dated target or end goal of the sector's series, on any basis."""
    found = [
        p for b in trends.bases(tidy, sector, "target_jobs") for p in trends.points(tidy, sector, "target_jobs", b)
    ]
    goal = trends.goal(tidy, sector)
    if goal is not None and goal.year is not None and not any(t.year == goal.year for t in found):
        found.append(goal)
    return sorted(
        found,
        key=lambda p: (
            p.year,
            trends.BASIS_ORDER.index(p.basis) if p.basis in trends.BASIS_ORDER else 99,
            p.status != "reported",
        ),
    )


def _outcomes(tidy: pd.DataFrame, sector: str, year: int) -> list[tuple[bool, list[Ground]]]:
    """Per basis, whether the figures for `year` say the target was met, and which figures say so."""
    out = []
    for basis in JUDGED_BASES:
        pct = {p.year: p for p in trends.points(tidy, sector, "realisation_pct", basis)}.get(year)
        if pct is not None and pct.status == "reported":
            out.append((pct.value >= 100, [_ground(pct)]))
            continue
        realised = {p.year: p for p in trends.points(tidy, sector, "realised_jobs", basis)}.get(year)
        target = {p.year: p for p in trends.points(tidy, sector, "target_jobs", basis)}.get(year)
        if realised is not None and target is not None:
            out.append((realised.value >= target.value, [_ground(realised), _ground(target)]))
    return out


def _latest_outcome_before(tidy: pd.DataFrame, sector: str, year: int) -> list[Ground]:
    years = sorted(
        {
            p.year
            for m in ("realisation_pct", "realised_jobs")
            for b in JUDGED_BASES
            for p in trends.points(tidy, sector, m, b)
            if p.year < year
        },
        reverse=True,
    )
    for y in years:
        outcomes = _outcomes(tidy, sector, y)
        if outcomes:
            return [g for _, grounds in outcomes for g in grounds]
    return []


def project(tidy: pd.DataFrame, sector: str, target: trends.Point, basis: str) -> Projection | str:
    """The trend of realised jobs on `basis` towards `target`, or why there is none ('two_years' or 'break')."""
    realised = [p for p in trends.points(tidy, sector, "realised_jobs", basis) if p.year < target.year]
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
    )


def verdict(
    tidy: pd.DataFrame, sector: str, breaks: pd.DataFrame | None = None, today: dt.date | None = None
) -> Verdict:
    """The verdict for one sector (see the module's rules); `today` decides which target years have passed.

    Made once per tidy frame, sector, breaks and year: the run's planning, the index page and the overview
    ask for the same verdicts, each some ten milliseconds of pandas."""
    this_year = (today or dt.date.today()).year
    known = once_per_frame(tidy, _verdicts_of)
    key = (sector, () if breaks is None else tuple(breaks.itertuples(index=False)), this_year)
    if key not in known:
        known[key] = _verdict(tidy, sector, breaks, this_year)
    return known[key]


def _verdicts_of(tidy: pd.DataFrame) -> dict:
    return {}  # filled by verdict()


def _verdict(tidy: pd.DataFrame, sector: str, breaks: pd.DataFrame | None, this_year: int) -> Verdict:
    break_year = _next_break(breaks, sector)
    rows = series_rows(tidy[tidy["sector"] == sector])
    if rows.empty:
        side = trends.side_figures(tidy, sector)
        return Verdict(
            "too_little_data",
            None,
            None,
            missing="whole_sector" if len(side) else "no_figures",
            context=[
                Ground(
                    None if pd.isna(r.year) else int(r.year),
                    r.measure,
                    float(r.value),
                    r.basis,
                    r.source_id,
                    r.status,
                    r.qualifier,
                    int(r.precision),
                )
                for r in side.itertuples()
            ],
        )
    targets = _targets(tidy, sector)
    pct_years = [p.year for b in JUDGED_BASES for p in trends.points(tidy, sector, "realisation_pct", b)]
    ahead = [t for t in targets if t.year >= this_year]
    if ahead:
        return _ahead(tidy, sector, ahead, break_year)
    judged_years = [t.year for t in targets] + pct_years
    if not judged_years:
        return Verdict("no_target", None, trends.main_basis(tidy, sector))
    return _passed(tidy, sector, max(judged_years), targets, break_year)


def _next_break(breaks: pd.DataFrame | None, sector: str) -> int | None:
    if breaks is None or breaks.empty:
        return None
    from analysis.registry import break_years

    years = break_years(breaks, sector)
    return years[0] if years else None


def _passed(tidy: pd.DataFrame, sector: str, year: int, targets: list[trends.Point], break_year: int | None) -> Verdict:
    target = next((t for t in reversed(targets) if t.year == year), None)
    target_ground = _ground(target) if target else None
    outcomes = _outcomes(tidy, sector, year)
    # A trend of the main series towards this target year, told beside the verdict but never outranking it.
    context_projection = None
    if target is not None:
        p = project(tidy, sector, target, trends.main_basis(tidy, sector) or target.basis)
        context_projection = p if isinstance(p, Projection) else None
    if not outcomes:
        return Verdict(
            "too_little_data",
            year,
            target.basis if target else None,
            target=target_ground,
            projection=context_projection,
            missing="target_year_figure",
            context=_latest_outcome_before(tidy, sector, year),
            break_year=break_year,
        )
    grounds = [g for _, gs in outcomes for g in gs]
    if len({met for met, _ in outcomes}) > 1:
        return Verdict("sources_differ", year, None, grounds, target_ground, context_projection, break_year=break_year)
    met = outcomes[0][0]
    return Verdict(
        "met" if met else "not_met",
        year,
        grounds[0].basis,
        grounds,
        target_ground,
        context_projection,
        break_year=break_year,
    )


def _ahead(tidy: pd.DataFrame, sector: str, ahead: list[trends.Point], break_year: int | None) -> Verdict:
    main = trends.main_basis(tidy, sector)
    target = next((t for t in ahead if t.basis == main), ahead[0])  # the next target, on the main basis if it has one
    bases = [b for b in trends.bases(tidy, sector, "realised_jobs") if b in JUDGED_BASES] or [target.basis]
    projections = {b: project(tidy, sector, target, b) for b in bases}
    made = {b: p for b, p in projections.items() if isinstance(p, Projection)}
    if not made:
        why = "break" if "break" in projections.values() else "two_years"
        return Verdict(
            "too_little_data",
            target.year,
            target.basis,
            target=_ground(target),
            missing=why,
            context=_latest_outcome_before(tidy, sector, target.year)
            or [_ground(p) for p in trends.points(tidy, sector, "realised_jobs", bases[0])][-1:],
            break_year=break_year,
        )
    grounds = [
        _ground(p)
        for b, proj in made.items()
        for p in trends.points(tidy, sector, "realised_jobs", b)
        if p.year in proj.fitted_years
    ]
    if len({p.on_course for p in made.values()}) > 1:
        return Verdict(
            "sources_differ",
            target.year,
            None,
            grounds,
            _ground(target),
            next(iter(made.values())),
            break_year=break_year,
        )
    proj = made.get(main) or next(iter(made.values()))
    return Verdict(
        "on_course" if proj.on_course else "not_on_course",
        target.year,
        proj.basis,
        grounds,
        _ground(target),
        proj,
        break_year=break_year,
    )
