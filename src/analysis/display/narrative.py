"""Short texts generated from a sector's key figures (summary.sector_summary), in Dutch or English.

Nothing here is written for one sector in particular: every sentence is chosen
by what the data holds.
"""

from __future__ import annotations

from analysis import i18n
from analysis.data.dataset import Dataset
from analysis.data.derived import findings
from analysis.data.registry import cite, national_sectors, sector_names
from analysis.dictionary import BASES, SHARE_BASES
from analysis.display import answer
from analysis.display.findings import finding_text
from analysis.i18n import check_lang, number
from analysis.trends.sector import sector_figures
from analysis.trends.verdicts import Ground


def _n(point: dict, lang: str) -> str:
    """A count with its qualifier: 'bijna 90.000'."""
    return i18n.figure(point["value"], lang, point["precision"], point["qualifier"])


def _pct(point: dict, lang: str) -> str:
    """A percentage with its qualifier: 'bijna 100%'."""
    return i18n.figure(point["value"], lang, point["precision"], point["qualifier"], pct=True)


def sector_text(summary: dict, name: str, lang: str = "nl", answered: bool = False) -> str:
    """A few sentences on the latest figures and the change since the previous year. `answered`: the page's answer
    (display.answer) stands before this text, so a count it already tells with its target is not told again (the
    change since the year before names the count it starts from)."""
    check_lang(lang)
    latest = summary["latest"]
    if latest is None:
        return _goal_only_sentence(summary, lang)
    again = answered and _told_by_answer(summary)
    parts = [] if again else [_counts_sentence(summary, name, lang)]
    change = summary["change_since_previous"]
    if change:
        jobs = i18n.answer_word(lang, "extra_jobs" if summary["basis"] == "national_extra_jobs" else "jobs")
        parts.append(_change_sentence(change, lang, named=jobs if again else ""))
    parts.append(_percent_only_sentence(summary, lang))
    parts.append(_other_basis_sentence(summary, lang))
    return " ".join(p for p in parts if p)


def _goal_only_sentence(summary: dict, lang: str) -> str:
    """Where a sector publishes no count or percentage for the whole sector, what it does publish: its goal."""
    g = summary.get("goal_jobs")
    if not g:
        return ""
    when = f" {g['year']}" if g["year"] else ""
    return (
        f"Er is alleen een einddoel gepubliceerd: {_n(g, lang)} banen{' in' + when if when else ''}; "
        "er zijn geen gerealiseerde banen en geen realisatiepercentage gepubliceerd."
        if lang == "nl"
        else f"Only an end goal is published: {_n(g, lang)} jobs{' by' + when if when else ''}; "
        "no realised jobs and no realisation percentage are published."
    )


def _counts_sentence(summary: dict, name: str, lang: str) -> str:
    nl = lang == "nl"
    realised = summary["realised_jobs"]
    if not realised:
        return ""
    year = max(realised, key=int)
    who, plural = i18n.subject(summary["sector"], name, lang)
    jobs = i18n.answer_word(lang, "extra_jobs" if summary["basis"] == "national_extra_jobs" else "jobs")
    verb, figure = i18n.verb("verb_realise", plural, lang), _n(realised[year], lang)
    if summary["other_basis"] and summary["basis"] in BASES:  # the sector publishes on another count too: say which
        count = i18n.answer_word(lang, "by_count", basis=BASES[summary["basis"]].label(lang))
        sentence = (
            f"{count} {verb} {who} in {year} {figure} {jobs}"
            if nl
            else f"{count}, in {year} {who} {verb} {figure} {jobs}"
        )
    else:
        sentence = f"In {year} {verb} {who} {figure} {jobs}" if nl else f"In {year}, {who} {verb} {figure} {jobs}"
    target = summary["target_jobs"].get(year)
    derived_target = summary["derived_target_jobs"].get(year) if target is None else None
    if target is not None or derived_target is not None:
        if derived_target is not None:  # a computed target shows only the decimals it needs
            target = {**derived_target, "precision": 1 if derived_target["value"] % 1 else 0}
            label = " (afgeleid uit het gepubliceerde percentage)" if nl else " (derived from the published percentage)"
        else:
            label = ""
        t = _n(target, lang)
        sentence += f", bij een doel van {t}{label}" if nl else f", against a target of {t}{label}"
    pct = summary["realisation_pct"].get(year)
    derived_pct = summary["derived_realisation_pct"].get(year)
    if pct is not None:
        sentence += f": {_pct(pct, lang)} van het doel" if nl else f": {_pct(pct, lang)} of the target"
    elif derived_pct is not None:
        d = _pct({**derived_pct, "precision": 1}, lang)
        sentence += f" (afgeleid: {d} van het doel)" if nl else f" (derived: {d} of the target)"
    return sentence + "."


def _percent_only(summary: dict) -> dict[int, dict]:
    """Published percentages for years after the last year with a realised count."""
    counted = [int(y) for y in summary["realised_jobs"]]
    after = max(counted) if counted else 0
    return {int(y): p for y, p in summary["realisation_pct"].items() if int(y) > after}


def _percent_only_sentence(summary: dict, lang: str) -> str:
    later = _percent_only(summary)
    if not later:
        return ""
    shown = ", ".join(f"{_pct(p, lang)} ({y})" for y, p in sorted(later.items()))
    many = len(later) > 1
    if lang == "nl":
        return (
            f"Voor latere jaren {'zijn' if many else 'is'} alleen {'realisatiepercentages' if many else 'een realisatiepercentage'} "
            f"gepubliceerd, geen aantallen: {shown} van het doel."
        )
    return f"For later years only {'realisation percentages are' if many else 'a realisation percentage is'} published, no counts: {shown} of the target."


def _gap(change: dict, lang: str) -> str:
    """'; voor 2021 heeft dit rapport geen cijfer' (one year between), '; voor 2019–2021 ...' (more): what the
    report lacks, not what was never published, which it cannot know."""
    between = list(range(change["from_year"] + 1, change["to_year"]))
    if not between:
        return ""
    years = str(between[0]) if len(between) == 1 else f"{between[0]}–{between[-1]}"
    return (
        f"; voor {years} heeft dit rapport geen cijfer" if lang == "nl" else f"; this report has no figure for {years}"
    )


def _told_by_answer(summary: dict) -> bool:
    """Whether the answer's stand tells the latest count of the main series (the one the counts sentence tells)."""
    realised = summary["realised_jobs"]
    if not realised:
        return False
    year = int(max(realised, key=int))
    return any(
        f["measure"] == "realised_jobs" and f["year"] == year and f["basis"] == summary["basis"]
        for f in summary["answer"]["stand"]["figures"]
    )


def _change_sentence(change: dict, lang: str, named: str = "") -> str:
    """The latest count against the one before, in words ('Dat zijn 250 banen meer dan in 2020 (413).'); `named`
    (the count's noun, 'banen' or 'extra banen'): no sentence before it tells the latest count, so this one names
    it ('De 663 banen van 2021 zijn ...')."""
    nl = lang == "nl"
    prev = i18n.figure(change["from_value"], lang, 2, change["from_qualifier"], trim=True)
    gap = _gap(change, lang)
    if change["change"] is None:  # a qualified figure: no exact difference to give; say which one it is
        rough = [change[f"{side}_year"] for side in ("from", "to") if change[f"{side}_qualifier"]]
        which = (" en ".join if nl else " and ".join)(str(y) for y in rough)
        return (
            f"In {change['from_year']} waren het er {prev}{gap}. Omdat het cijfer over {which} als benadering is "
            "gepubliceerd, is het precieze verschil niet te geven."
            if nl
            else f"In {change['from_year']} there were {prev}{gap}. As the figure for {which} was published as an "
            "approximation, the exact difference cannot be given."
        )
    # in words, never a signed number: '250 banen meer dan in 2020'
    size = number(abs(change["change"]), lang, 2, trim=True)
    if change["change"] == 0:
        return (
            f"Dat is evenveel als in {change['from_year']}{gap}."
            if nl
            else f"That is as many as in {change['from_year']}{gap}."
        )
    more = change["change"] > 0
    if named:  # 'De 10.004 banen van 2022 zijn 1.838 banen minder dan in 2021 (11.842).'
        latest = i18n.figure(change["to_value"], lang, 2, change["to_qualifier"], trim=True)
        return (
            f"De {latest} {named} van {change['to_year']} zijn {size} banen {'meer' if more else 'minder'} dan in "
            f"{change['from_year']} ({prev}){gap}."
            if nl
            else f"The {latest} {named} of {change['to_year']} are {size} {'more' if more else 'fewer'} than in "
            f"{change['from_year']} ({prev}){gap}."
        )
    return (
        f"Dat zijn {size} banen {'meer' if more else 'minder'} dan in {change['from_year']} ({prev}){gap}."
        if nl
        else f"That is {size} jobs {'more' if more else 'fewer'} than in {change['from_year']} ({prev}){gap}."
    )


def _other_basis_sentence(summary: dict, lang: str) -> str:
    """Figures of the sector on another basis than its main series, told as such."""
    grounds = [
        Ground(
            p["year"], p["measure"], p["value"], p["basis"], p["source_id"], p["status"], p["qualifier"], p["precision"]
        )
        for p in summary.get("other_basis", [])
    ]
    if not grounds:
        return ""
    by_basis: dict[str, list] = {}
    for g in grounds:
        by_basis.setdefault(g.basis, []).append(g)
    parts = [
        i18n.verdict_word(lang, "share_basis", figures=_grounds_text(gs, lang))
        if b in SHARE_BASES
        else i18n.verdict_word(lang, "other_basis", basis=BASES[b].label(lang), figures=_grounds_text(gs, lang))
        for b, gs in by_basis.items()
    ]
    return " ".join(parts)


# ------------------------------------------------------------------ verdicts

# What a percentage on a share basis (dictionary.SHARE_BASES) is a percentage of, in words.
_PERCENT_OF = {"end_goal_share": "of_end_goal", "quota_norm": "of_quota_norm"}


def _ground_text(g, lang: str) -> str:
    """'68% (2024)' or 'bijna 663 banen (2021)': a figure with its year."""
    pct = g.measure == "realisation_pct"
    value = i18n.figure(g.value, lang, g.precision, g.qualifier, pct=pct)
    if pct:
        value = i18n.verdict_word(lang, _PERCENT_OF.get(g.basis, "of_target"), value=value)
    elif g.measure in ("target_jobs", "goal_jobs"):
        value = f"{i18n.t(lang, 'target_short')} {value}"
    else:
        value = f"{value} {i18n.t(lang, 'jobs')}"
    derived = f", {i18n.t(lang, 'derived')}" if g.status == "derived" else ""
    return f"{value} ({g.year}{derived})"


def _grounds_text(grounds, lang: str) -> str:
    return "; ".join(_ground_text(g, lang) for g in grounds)


def goal_dates_text(goals, lang: str, sources) -> str:
    """'25.000 in 2025 (Minister van BZK, 17 december 2019); 25.000 in 2026 (Rijksoverheid, 16 juli 2024)': an
    end goal as each source dates it, the source named as a reader names it."""
    word = " in " if lang == "nl" else " by "
    return "; ".join(f"{_n(g.__dict__, lang)}{word}{g.year} ({cite(sources, g.source_id, lang)})" for g in goals)


def goal_dates_sentence(goals, goal, lang: str, sources) -> str:
    """'Bronnen verschillen over het jaar van het einddoel: ...; dit oordeel gaat uit van 2026 (...).'"""
    return i18n.verdict_word(
        lang,
        "s_goal_dates",
        figures=goal_dates_text(goals, lang, sources),
        year=goal.year,
        source=cite(sources, goal.source_id, lang),
    )


def sector_warnings(data: Dataset, sector: str, lang: str = "nl", told=None) -> list[str]:
    """'Let op: ...' for each consistency or plausibility finding about the sector (derived.findings), but those
    in `told` (the ones the page's answer tells already: display.findings.about)."""
    found = findings(data.consistency())
    said = {finding_text(f, lang, data.sources) for f in told.itertuples()} if told is not None else set()
    texts = [finding_text(f, lang, data.sources) for f in found[found["sector"] == sector].itertuples()]
    return [t for t in texts if t not in said]


# ------------------------------------------------------------------ alt texts


def _series_text(points, lang: str, pct: bool = False) -> str:
    return ", ".join(f"{_pct(p.__dict__, lang) if pct else _n(p.__dict__, lang)} ({p.year})" for p in points)


def sector_chart_alt(data: Dataset, sector: str, name: str, lang: str) -> str:
    """What the sector chart shows, in words: the bars, the targets, other-basis percentages, breaks, the verdict."""
    figures = sector_figures(data, sector)

    a = lambda key, **values: i18n.alt_word(lang, key, **values)
    basis = figures.main_basis
    realised = figures.points("realised_jobs")
    parts = [
        a(
            "sector",
            name=name,
            basis=BASES[basis].label(lang) if basis in BASES else a("none"),
            realised=_series_text(realised, lang) or a("none"),
        )
    ]
    targets = figures.points("target_jobs")
    if targets:
        parts.append(a("targets", targets=_series_text(targets, lang)))
    goal = figures.goal
    if goal is not None:
        dates = figures.goal_dates
        when = f" ({goal.year}, {cite(data.sources, goal.source_id, lang)})" if goal.year else ""
        differ = " " + goal_dates_sentence(dates, goal, lang, data.sources) if dates else ""
        parts.append(a("goal", goal=_n(goal.__dict__, lang) + when) + differ)
    others = figures.other_points("realisation_pct")
    for b in dict.fromkeys(p.basis for p in others):
        parts.append(
            a(
                "other",
                basis=BASES[b].label(lang),
                figures=_series_text([p for p in others if p.basis == b], lang, pct=True),
            )
        )
    # the answer the page opens with, in its own words, so that the chart never says another verdict than the page
    # (the outlook's label names a series break that stands in its way)
    stand = answer.stand_label(figures.stand, lang)
    parts.append(a("verdict", stand=stand[:1].lower() + stand[1:], outlook=answer.outlook_label(figures.outlook, lang)))
    return " ".join(parts)


def latest_list_alt(data: Dataset, measure: str, key: str, lang: str) -> str:
    """'Politie 663 (2021), ...' for the overview charts: the latest figure of one measure per sector."""
    sectors = data.sectors

    names = sector_names(sectors, lang)
    items = []
    for s in sectors.loc[sectors["group"] != "nationaal", "sector"]:
        pts = sector_figures(data, s).points(measure)
        if pts:
            items.append(f"{names[s]} {_series_text(pts[-1:], lang, pct=measure.endswith('_pct'))}")
    return i18n.alt_word(lang, key, figures="; ".join(items) or i18n.alt_word(lang, "none"))


def national_chart_alt(data: Dataset, lang: str) -> str:
    sectors = data.sectors

    names = sector_names(sectors, lang)
    items = []
    for s in national_sectors(sectors):
        realised = sector_figures(data, s).points("realised_jobs")
        if realised:
            target = {p.year: p for p in sector_figures(data, s).points("target_jobs")}.get(realised[-1].year)
            last = _series_text(realised[-1:], lang)
            items.append(
                f"{names[s]} {last}"
                + (f", {i18n.t(lang, 'target_short')} {_n(target.__dict__, lang)}" if target else "")
            )
    return i18n.alt_word(lang, "national", figures="; ".join(items) or i18n.alt_word(lang, "none"))
