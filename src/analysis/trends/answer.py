"""The two questions a manager asks of a sector, each answered from the published figures.

Stand: how did the sector do in the latest year that decides? That is the latest year before the current one
with a published realisation percentage, or a realised count and a target on one basis (verdicts.year_outcomes).
- The statutory measurement outranks a sector's own count and the national count for the same year; a lower
  basis that points the other way is kept (`overruled`) and named, never hidden.
- A later year decided by the sector's own count does not hide an earlier statutory result (`earlier`).
- Sources of one basis whose figures differ beyond rounding: 'sources_differ', naming them all.
- The percentage shown with a realised count and a target is computed from exactly that pair (marked derived),
  so a count revised by a newer letter and its percentage can never disagree.
- A year that is not over is not judged: its figures are a reading during the year (`during_year`).
- A provisional reading of a later year is named (`provisional`).
- A later passed target without a figure of its own year is named (`unjudged_target`), and so is the latest count
  before that year where it already reaches it (`reached_by`, verdicts.reached_before).
- Where no year decides but that count reaches the target: 'reached_early', resting on the count and the target
  (gemeenten: 5.500 in 2020 against 5.250 for 2023); it says the target was reached, not that it held in its year.
- 'too_little_data' only where no year decides and no count reaches a passed target.

Outlook: is the sector on course for its next target or its end goal? That is verdicts.ahead
(the linear trend on the target's own basis, within one era), or no statement with its reason (the series
break, too few years, no count on the target's basis, no later target).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.data.dataset import Dataset
from analysis.data.derived import half_unit, realisation_pct
from analysis.dictionary import MEASURES
from analysis.trends import series
from analysis.trends.verdicts import (
    Ground,
    Outcome,
    Outlook,
    Projection,
    ahead,
    ground,
    project,
    reached_before,
    row_ground,
    year_outcomes,
)

# The basis that decides when several judge the same year: the statutory measurement first.
STAND_ORDER = ("statutory_measurement", "sector_count", "national_extra_jobs")
JUDGED_MEASURES = ("realisation_pct", "realised_jobs")


@dataclass(frozen=True)
class Judgement:
    """What the figures of one year and basis say: met, not_met or uncertain, and the figures that say it."""

    result: str
    year: int
    basis: str
    figures: list[Ground]


@dataclass(frozen=True)
class Stand:
    status: str  # met, not_met, uncertain, sources_differ, reached_early, too_little_data
    year: int | None  # the year that decides (for reached_early: the year of the count that reached the target)
    basis: str | None  # the basis that decides it
    figures: list[Ground] = field(default_factory=list)  # realised, target, percentage: what the status rests on
    rivals: list[Ground] = field(default_factory=list)  # for sources_differ: the other sources' figures
    overruled: list[Judgement] = field(default_factory=list)  # the same year on a lower basis, pointing elsewhere
    earlier: Judgement | None = None  # an earlier statutory result beside a later own count
    during_year: Judgement | None = None  # figures of the year still running: a reading, not a verdict
    provisional: list[Ground] = field(default_factory=list)  # provisional readings of a later year
    other_trend: Projection | None = None  # a trend on another basis towards the same year that points elsewhere
    unjudged_target: Ground | None = None  # the latest passed target after the stand's year, without a figure
    reached_by: Ground | None = None  # the latest count before unjudged_target's year, where it already reaches it
    latest_year: int | None = None  # the newest year with an annual whole-sector figure of the sector

    def figure(self, measure: str) -> Ground | None:
        return next((g for g in self.figures if g.measure == measure), None)


def _rank(basis: str) -> int:
    return STAND_ORDER.index(basis) if basis in STAND_ORDER else len(STAND_ORDER)


def _pair_percentage(realised: Ground, target: Ground) -> Ground:
    """Realised / target × 100 of exactly the pair shown (derived.realisation_pct: never rounded up to 100)."""
    decimals = MEASURES["realisation_pct"].decimals or 0
    # the percentage keeps the count's word ('bijna 700' of 700 is 'bijna 100%'); a qualified target blurs both ways
    qualified = "about" if target.qualifier else {"estimate": "about"}.get(realised.qualifier, realised.qualifier)
    return Ground(
        realised.year,
        "realisation_pct",
        realisation_pct(realised.value, target.value),
        realised.basis,
        f"{realised.source_id}+{target.source_id}",
        "derived",
        qualified,
        decimals,
    )


def _pair_differs(pair: list[Ground | None], published: Ground) -> list[Ground]:
    """[the pair's own percentage] where the published percentage differs from it beyond the rounding of its last
    digit (waterschappen 2021: 269,5 of 492,7 is 54,7%, the monitor says 60,2%), so that a reader never takes
    the published one for the pair's; else []."""
    realised, target = pair
    if realised is None or target is None or target.value <= 0:
        return []
    differs = abs(100 * realised.value / target.value - published.value) > half_unit(published.precision) + 1e-9
    return [_pair_percentage(realised, target)] if differs else []


def _judgement(data: Dataset, sector: str, year: int, outcome: Outcome) -> Judgement:
    """An outcome with the figures a reader sees: the pair and the percentage, whichever decided."""
    figures = list(outcome.grounds)
    basis = figures[0].basis
    if len(figures) == 1:  # a published percentage: its year's pair on the same basis goes beside it
        pair = [
            next((ground(p) for p in series.points(data, sector, m, basis) if p.year == year), None)
            for m in ("realised_jobs", "target_jobs")
        ]
        figures = [g for g in pair if g is not None] + figures + _pair_differs(pair, figures[0])
    elif figures[1].value > 0:
        figures = [*figures, _pair_percentage(figures[0], figures[1])]
    return Judgement(outcome.result, year, basis, figures)


def _decided_years(data: Dataset, sector: str) -> list[int]:
    years = {p.year for m in JUDGED_MEASURES for b in STAND_ORDER for p in series.points(data, sector, m, b) if p.year}
    return sorted(years, reverse=True)


def _statutory_before(data: Dataset, sector: str, year: int, judged: dict[int, list[Outcome]]) -> Judgement | None:
    """The latest statutory result before `year` (`judged`: each year's outcomes, newest year first)."""
    for y in (y for y in judged if y < year):
        for o in judged[y]:
            if o.grounds[0].basis == "statutory_measurement":
                return _judgement(data, sector, y, o)
    return None


def stand(data: Dataset, sector: str, this_year: int) -> Stand:
    """The stand of one sector (see the module's rules)."""
    years = _decided_years(data, sector)
    latest = max(years, default=None)
    judged = {y: year_outcomes(data, sector, y) for y in years}
    running = next((y for y in years if y >= this_year and judged[y]), None)
    during = None
    if running is not None:
        first = min(judged[running], key=lambda o: _rank(o.grounds[0].basis))
        during = _judgement(data, sector, running, first)
    passed = [y for y in years if y < this_year and judged[y]]
    if not passed:
        unjudged = _unjudged_target(data, sector, None, this_year)
        told = {"during_year": during, "latest_year": latest, **unjudged}
        early, target = unjudged["reached_by"], unjudged["unjudged_target"]
        if early is not None:
            return Stand("reached_early", early.year, early.basis, [early, target], **told)
        return Stand("too_little_data", None, None, **told)
    year = passed[0]
    outcomes = sorted(judged[year], key=lambda o: _rank(o.grounds[0].basis))
    deciding = _judgement(data, sector, year, outcomes[0])
    provisional = [
        row_ground(r)
        for r in series.readings_beside(data, sector).itertuples()
        if r.period == "provisional" and r.scope == "" and r.year > year
    ]
    told = {
        "during_year": during,
        "provisional": provisional,
        "latest_year": latest,
        **_unjudged_target(data, sector, year, this_year),
    }
    if outcomes[0].rivals:
        return Stand("sources_differ", year, deciding.basis, deciding.figures, list(outcomes[0].rivals), **told)
    overruled = [_judgement(data, sector, year, o) for o in outcomes[1:] if o.result != deciding.result]
    earlier = _statutory_before(data, sector, year, judged) if deciding.basis != "statutory_measurement" else None
    trend = _trend_elsewhere(data, sector, year, deciding)
    return Stand(
        deciding.result, year, deciding.basis, deciding.figures, [], overruled, earlier, **told, other_trend=trend
    )


def _unjudged_target(data: Dataset, sector: str, after: int | None, this_year: int) -> dict[str, Ground | None]:
    """The latest published target of a past year after `after` for which no figure decides (provincies: 340
    for 2023, after the stand of 2020), named so that an old stand is not read as the latest word; and the
    latest count before that year where it already reaches that target (verdicts.reached_before)."""
    gone = [
        p
        for b in STAND_ORDER
        for p in series.points(data, sector, "target_jobs", b)
        if p.status == "reported" and p.year < this_year and (after is None or p.year > after)
    ]
    target = max(gone, key=lambda p: p.year) if gone else None
    early = reached_before(data, sector, target) if target is not None else None
    return {
        "unjudged_target": ground(target) if target is not None else None,
        "reached_by": ground(early) if early is not None else None,
    }


def _trend_elsewhere(data: Dataset, sector: str, year: int, deciding: Judgement) -> Projection | None:
    """The trend of another basis towards a target of the same year, where it says otherwise than the figures
    that decide (politie: its own count's growth would reach 713 in 2024; the statutory measurement says 68%)."""
    for basis in STAND_ORDER:
        target = next((p for p in series.points(data, sector, "target_jobs", basis) if p.year == year), None)
        if basis == deciding.basis or target is None or target.status != "reported":
            continue
        trend = project(data, sector, target, basis)
        if isinstance(trend, Projection) and trend.on_course != (deciding.result == "met"):
            return trend
    return None


def outlook(data: Dataset, sector: str, this_year: int) -> Outlook:
    """Towards the next target or the end goal that lies ahead: on course, not on course, or no statement with
    its reason (verdicts: missing 'break', 'two_years', 'basis'); 'no_target' where no target lies ahead."""
    return ahead(data, sector, this_year)
