"""The consistency report's findings about a sector in words ("Let op: ..."), and which of them concern a figure an
answer rests on: a plausibility finding about such a figure is told with the answer, the others under it."""

from __future__ import annotations

import pandas as pd

from analysis import i18n
from analysis.data.registry import cite
from analysis.dictionary import ANNUAL, MEASURES, PERIODS, scope_label
from analysis.i18n import number
from analysis.trends.verdicts import Ground

# The outcome of a finding that says a figure may not be what it seems (derived.findings): a target above a later
# end goal, a target that falls, realised jobs that fall by more than a third
IMPLAUSIBLE = "implausible"


def finding_text(f, lang: str, sources) -> str:
    """'Let op: ...' for one finding (a row of derived.findings), each figure with its source as a reader names it."""

    def value(v: float) -> str:  # a percentage keeps its sign: '60,2%'
        return number(v, lang, 2, trim=True) + ("%" if MEASURES[f.measure].kind == "percent" else "")

    kind = [PERIODS[f.period].label(lang)] if f.period != ANNUAL else []
    kind += [scope_label(f.scope, lang)] if f.scope else []
    year = f"{f.year} ({', '.join(kind)})" if kind else str(f.year)  # '2023 (3e kwartaal, ...)' beside a series
    return i18n.t(
        lang,
        f"warn_{f.check}",
        year=year,
        measure=MEASURES[f.measure].label(lang).lower(),
        a=value(f.value_a),
        b=value(f.value_b),
        source_a=cite(sources, f.source_a, lang),
        source_b=cite(sources, f.source_b, lang),
    )


def about(found: pd.DataFrame, grounds: list[Ground]) -> pd.DataFrame:
    """The plausibility findings whose figure is one of `grounds` (its measure, year and value, as either side of
    the finding): hbo's target of 990 for 2024, above its later end goal of 953."""
    told = {(g.measure, g.year, g.value) for g in grounds if g.status == "reported"}
    if found.empty or not told:
        return found.iloc[0:0]
    mine = [
        f.outcome == IMPLAUSIBLE and bool({(f.measure, f.year, f.value_a), (f.measure, f.year, f.value_b)} & told)
        for f in found.itertuples()
    ]
    return found[mine]
