"""Short texts generated from a sector's key figures (trends.sector_summary), in Dutch or English.

Nothing here is written for one sector in particular: every sentence is chosen
by what the data holds.
"""

from __future__ import annotations

from analysis import i18n
from analysis.dataset import Dataset
from analysis.dictionary import BASES, QUALIFIERS
from analysis.i18n import check_lang, number, percent, signed


def _n(point: dict, lang: str) -> str:
    qualifier = QUALIFIERS.get(point["qualifier"])
    word = qualifier.label(lang) + " " if qualifier is not None and qualifier.id else ""
    return word + number(point["value"], lang, point["precision"])


def _pct(point: dict, lang: str) -> str:
    return percent(point["value"], lang, point["precision"])


def sector_text(summary: dict, name: str, lang: str = "nl") -> str:
    """A few sentences on the latest figures, the change since the previous year, and the outlook."""
    check_lang(lang)
    latest = summary["latest"]
    if latest is None:
        return summary["verdict"][f"text_{lang}"]
    parts = [_counts_sentence(summary, name, lang)]
    change = summary["change_since_previous"]
    if change:
        parts.append(_change_sentence(change, lang))
    parts.append(_percent_only_sentence(summary, lang))
    parts.append(_other_basis_sentence(summary, lang))
    parts.append(summary["verdict"][f"text_{lang}"])
    return " ".join(p for p in parts if p)


def _counts_sentence(summary: dict, name: str, lang: str) -> str:
    nl = lang == "nl"
    realised = summary["realised_jobs"]
    out = []
    if realised:
        year = max(realised, key=int)
        r = {"value": realised[year], "qualifier": "", "precision": 0}
        r = _point_for(summary, "realised", year) or r
        target = summary["target_jobs"].get(year) or summary["derived_target_jobs"].get(year)
        derived_target = year not in summary["target_jobs"] and target is not None
        pct = summary["realisation_pct"].get(year)
        sentence = (
            f"In {year} realiseerde {name} {_n(r, lang)} banen"
            if nl
            else f"In {year}, {name} realised {_n(r, lang)} jobs"
        )
        if target is not None:
            t = number(target, lang, 1 if target % 1 else 0)
            label = (
                (" (afgeleid uit het gepubliceerde percentage)" if nl else " (derived from the published percentage)")
                if derived_target
                else ""
            )
            sentence += f", tegen een doelstelling van {t}{label}" if nl else f", against a target of {t}{label}"
        if pct is not None:
            sentence += (
                f": {percent(pct, lang, 1 if pct % 1 else 0)} van de doelstelling"
                if nl
                else f": {percent(pct, lang, 1 if pct % 1 else 0)} of the target"
            )
        elif year in summary["derived_realisation_pct"]:
            d = summary["derived_realisation_pct"][year]
            sentence += (
                f" (berekend: {percent(d, lang, 1)} van de doelstelling)"
                if nl
                else f" (computed: {percent(d, lang, 1)} of the target)"
            )
        out.append(sentence + ".")
    return " ".join(out)


def _percent_only(summary: dict) -> dict[int, float]:
    """Published percentages for years after the last year with a realised count."""
    counted = [int(y) for y in summary["realised_jobs"]]
    after = max(counted) if counted else 0
    return {int(y): v for y, v in summary["realisation_pct"].items() if int(y) > after}


def _percent_only_sentence(summary: dict, lang: str) -> str:
    later = _percent_only(summary)
    if not later:
        return ""
    shown = ", ".join(f"{percent(v, lang, 1 if v % 1 else 0)} ({y})" for y, v in sorted(later.items()))
    many = len(later) > 1
    if lang == "nl":
        return (
            f"Voor latere jaren {'zijn' if many else 'is'} alleen {'realisatiepercentages' if many else 'een realisatiepercentage'} "
            f"gepubliceerd, geen aantallen: {shown} van de doelstelling."
        )
    return f"For later years only {'realisation percentages are' if many else 'a realisation percentage is'} published, no counts: {shown} of the target."


def _point_for(summary: dict, kind: str, year: str) -> dict | None:
    latest = summary["latest"]
    if latest and str(latest["year"]) == year and latest.get(kind):
        return latest[kind]
    return None


def _change_sentence(change: dict, lang: str) -> str:
    nl = lang == "nl"
    delta = signed(change["change"], lang, 2, trim=True)
    prev = number(change["from_value"], lang, 2, trim=True)
    gap = (
        ""
        if change["years"] == 1
        else (
            " (voor de jaren daartussen zijn geen cijfers gepubliceerd)"
            if nl
            else " (no figures are published for the years between)"
        )
    )
    return (
        f"Dat is {delta} banen ten opzichte van {change['from_year']} ({prev}){gap}."
        if nl
        else f"That is {delta} jobs compared with {change['from_year']} ({prev}){gap}."
    )


def _other_basis_sentence(summary: dict, lang: str) -> str:
    """Figures of the sector on another basis than its main series, told as such."""
    from analysis.verdicts import Ground

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
        i18n.verdict_word(lang, "other_basis", basis=BASES[b].label(lang), figures=_grounds_text(gs, lang))
        for b, gs in by_basis.items()
    ]
    return " ".join(parts)


# ------------------------------------------------------------------ verdicts


def _ground_text(g, lang: str) -> str:
    """'68% (2024)' or '663 banen (2021)': a figure a verdict rests on, with its year."""
    value = (
        percent(g.value, lang, g.precision)
        if g.measure == "realisation_pct"
        else _n({"value": g.value, "qualifier": g.qualifier, "precision": g.precision}, lang)
    )
    if g.measure == "realisation_pct":
        value = i18n.verdict_word(lang, "of_target", value=value)
    elif g.measure in ("target_jobs", "goal_jobs"):
        value = f"{i18n.t(lang, 'target_short')} {value}"
    else:
        value = f"{value} {i18n.t(lang, 'jobs')}"
    derived = f", {i18n.t(lang, 'derived')}" if g.status == "derived" else ""
    return f"{value} ({g.year}{derived})"


def _grounds_text(grounds, lang: str, with_basis: bool = False) -> str:
    parts = [
        _ground_text(g, lang) + (f" [{BASES[g.basis].label(lang)}]" if with_basis and g.basis in BASES else "")
        for g in grounds
    ]
    return "; ".join(parts)


def verdict_text(v, lang: str = "nl") -> str:
    """The verdict in plain sentences, naming its year, basis and figures (templates in i18n.VERDICT)."""
    w = lambda key, **values: i18n.verdict_word(lang, key, **values)
    basis = BASES[v.basis].label(lang) if v.basis in BASES else ""
    target = (
        _n({"value": v.target.value, "qualifier": v.target.qualifier, "precision": v.target.precision}, lang)
        if v.target
        else ""
    )
    if v.status in ("met", "not_met"):
        text = w(f"s_{v.status}", year=v.year, basis=basis, figures=_grounds_text(v.figures, lang))
    elif v.status in ("on_course", "not_on_course"):
        p = v.projection
        text = w(
            f"s_{v.status}",
            target=target,
            year=v.year,
            basis=basis,
            fitted=f"{p.fitted_years[0]}–{p.fitted_years[-1]}",
            slope=signed(p.slope, lang),
            projected=number(p.projected, lang),
            low=number(p.low, lang),
            high=number(p.high, lang),
            needed=number(p.needed_per_year, lang),
        )
    elif v.status == "sources_differ":
        text = w("s_sources_differ", year=v.year, figures=_grounds_text(v.figures, lang, with_basis=True))
    elif v.status == "no_target":
        text = w("s_no_target")
    elif v.missing in ("no_figures", "whole_sector"):
        text = w(f"s_{v.missing}", figures=_scoped_text(v.context, lang))
    else:
        text = w(f"s_{v.missing}", year=v.year, target=target, break_year=v.break_year)
        if v.context:
            key = "s_context" if v.missing == "target_year_figure" else "s_context_latest"
            text += " " + w(key, figures=_grounds_text(v.context, lang, with_basis=True))
    p = v.projection
    # A trend is told beside a verdict only where it adds to it: another basis, or no figure for the year.
    if (
        p is not None
        and v.status not in ("on_course", "not_on_course")
        and (v.status == "too_little_data" or p.basis != v.basis)
    ):
        text += " " + w(
            "s_context_trend",
            basis=BASES[p.basis].label(lang),
            last=number(p.last_value, lang, 2, True),
            last_year=p.last_year,
            target=target,
            year=p.target_year,
            outcome=w("reached" if p.on_course else "not_reached"),
        )
    return text


def _scoped_text(grounds, lang: str) -> str:
    """Part-sector and quarterly figures, each with the measure, part or quarter it is about."""
    from analysis.dictionary import MEASURES

    return "; ".join(f"{MEASURES[g.measure].label(lang).lower()} {_ground_text(g, lang)}" for g in grounds)


# ------------------------------------------------------------------ alt texts


def _series_text(points, lang: str, pct: bool = False) -> str:
    return ", ".join(
        f"{percent(p.value, lang, p.precision) if pct else _n(p.__dict__, lang)} ({p.year})" for p in points
    )


def sector_chart_alt(data: Dataset, sector: str, name: str, lang: str) -> str:
    """What the sector chart shows, in words: the bars, the targets, other-basis percentages, breaks, the verdict."""
    tidy, breaks = data.tidy, data.breaks
    from analysis import trends
    from analysis.verdicts import verdict

    a = lambda key, **values: i18n.alt_word(lang, key, **values)
    basis = trends.main_basis(tidy, sector)
    realised = trends.points(tidy, sector, "realised_jobs")
    parts = [
        a(
            "sector",
            name=name,
            basis=BASES[basis].label(lang) if basis in BASES else a("none"),
            realised=_series_text(realised, lang) or a("none"),
        )
    ]
    targets = trends.points(tidy, sector, "target_jobs")
    if targets:
        parts.append(a("targets", targets=_series_text(targets, lang)))
    goal = trends.goal(tidy, sector)
    if goal is not None:
        parts.append(a("goal", goal=_n(goal.__dict__, lang) + (f" ({goal.year})" if goal.year else "")))
    others = trends.other_points(tidy, sector, "realisation_pct")
    for b in dict.fromkeys(p.basis for p in others):
        parts.append(
            a(
                "other",
                basis=BASES[b].label(lang),
                figures=_series_text([p for p in others if p.basis == b], lang, pct=True),
            )
        )
    v = verdict(tidy, sector, breaks)
    if v.break_year and v.missing == "break":
        parts.append(a("break", year=v.break_year))
    parts.append(a("verdict", verdict=i18n.verdict_word(lang, v.status) + (f" ({v.year})" if v.year else "")))
    return " ".join(parts)


def latest_list_alt(data: Dataset, measure: str, key: str, lang: str) -> str:
    """'Politie 663 (2021), ...' for the overview charts: the latest figure of one measure per sector."""
    tidy, sectors = data.tidy, data.sectors
    from analysis import trends
    from analysis.registry import sector_names

    names = sector_names(sectors, lang)
    items = []
    for s in sectors.loc[sectors["group"] != "nationaal", "sector"]:
        pts = trends.points(tidy, s, measure)
        if pts:
            items.append(f"{names[s]} {_series_text(pts[-1:], lang, pct=measure.endswith('_pct'))}")
    return i18n.alt_word(lang, key, figures="; ".join(items) or i18n.alt_word(lang, "none"))


def national_chart_alt(data: Dataset, lang: str) -> str:
    tidy, sectors = data.tidy, data.sectors
    from analysis import trends
    from analysis.registry import national_sectors, sector_names

    names = sector_names(sectors, lang)
    items = []
    for s in national_sectors(sectors):
        realised = trends.points(tidy, s, "realised_jobs")
        if realised:
            target = {p.year: p for p in trends.points(tidy, s, "target_jobs")}.get(realised[-1].year)
            last = _series_text(realised[-1:], lang)
            items.append(
                f"{names[s]} {last}"
                + (f", {i18n.t(lang, 'target_short')} {_n(target.__dict__, lang)}" if target else "")
            )
    return i18n.alt_word(lang, "national", figures="; ".join(items) or i18n.alt_word(lang, "none"))
