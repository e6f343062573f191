"""The answer a sector page and the index open with, in plain sentences: the stand (how the sector did in the
latest year that decides) and the outlook (towards its next target or end goal), each as a short label and as
a sentence whose verb agrees with the sector (words.toml [answer] and [sector_forms]).

Every sentence names the figures it rests on, with the word each was published with; sources are named as a
reader names them, never by id; no signed number, no code and no bracketed basis stands in the running text.
"""

from __future__ import annotations

from analysis import i18n
from analysis.data.registry import cite
from analysis.dictionary import QUALIFIERS
from analysis.display import findings
from analysis.display.findings import finding_text
from analysis.trends.answer import Stand
from analysis.trends.sector import SectorFigures
from analysis.trends.verdicts import JUDGED_BASES, Ground, Outlook, ground

NATIONAL_UNIT = "national_extra_jobs"  # its counts are extra jobs since the baseline


def _w(lang: str, key: str, **values) -> str:
    return i18n.answer_word(lang, key, **values)


def _figure(g: Ground, lang: str) -> str:
    pct = g.measure.endswith("_pct")
    return i18n.figure(g.value, lang, g.precision, g.qualifier, pct=pct, trim=pct)


def _jobs(basis: str | None, lang: str) -> str:
    """'extra banen' for a count of the national measurement (extra jobs since the baseline), else 'banen'."""
    return _w(lang, "extra_jobs" if basis == NATIONAL_UNIT else "jobs")


def _figures(figures: list[Ground], lang: str) -> str:
    """'556 van 633, 88%': the figures of a judgement in a few words."""
    by = {g.measure: g for g in figures}
    parts = []
    if "realised_jobs" in by and "target_jobs" in by and by["target_jobs"].status == "reported":
        of = " van " if lang == "nl" else " of "
        parts.append(_figure(by["realised_jobs"], lang) + of + _figure(by["target_jobs"], lang))
    elif "realised_jobs" in by:  # a target implied by the published percentage is not shown as if published
        parts.append(_figure(by["realised_jobs"], lang))
    if "realisation_pct" in by:
        parts.append(_percentage(figures, lang))
    return ", ".join(parts)


def _percentage(figures: list[Ground], lang: str) -> str:
    """The percentage of a judgement: '88%'; or, where the published one differs from the pair's own beyond
    rounding (trends.answer._pair_differs), the pair's with the published beside it: '54,7%, de bron noemt 60,2%'."""
    pcts = [g for g in figures if g.measure == "realisation_pct"]
    published = next((g for g in pcts if g.status == "reported"), None)
    own = next((g for g in pcts if g.status == "derived"), None)
    if published is not None and own is not None:
        return _w(lang, "pct_differs", own=_figure(own, lang), published=_figure(published, lang))
    return _figure(pcts[0], lang)


def stand_figures(stand: Stand, lang: str) -> str:
    """The figures a stand rests on in a few words ('74.031 van 80.000, 92,5%'); '' where nothing is judged."""
    if stand.status in ("too_little_data", "sources_differ") or stand.year is None:
        return ""
    if stand.status == "reached_early":  # a count and a target of different years: no 'van', no percentage
        early, target = stand.reached_by, stand.unjudged_target
        realised, jobs = _figure(early, lang), _jobs(early.basis, lang)
        return _w(lang, "figures_reached_early", realised=realised, jobs=jobs, target=_figure(target, lang))
    return _figures(stand.figures, lang)


def latest_figure(figures: SectorFigures, lang: str) -> str:
    """The newest annual figure of the sector with its year ('2024: bijna 90.000'): realised jobs first, else a
    percentage, on any basis."""
    newest = None
    for measure in ("realised_jobs", "realisation_pct"):
        # a share of the end goal or of the quota norm is no percentage of a target: not shown as one here
        for basis in (b for b in figures.bases(measure) if b in JUDGED_BASES):
            for p in figures.points(measure, basis):
                if p.status == "reported" and (newest is None or p.year > newest.year):
                    newest = p
    if newest is None:
        return _w(lang, "no_latest")
    return f"{newest.year}: {_figure(ground(newest), lang)}"


def answer_cells(figures: SectorFigures, lang: str) -> dict[str, str]:
    """A sector's answer as the index and the overview show it in a row: each cell about one figure."""
    shown = stand_figures(figures.stand, lang)
    # which count decides, where it is not the sector's own: a row of the statutory measurement (Rijk 85%) or of
    # the national one (overheid en onderwijs 44,5%) is not read as comparable with a sector's own count; and a
    # doubt about one of its figures, as the page's answer tells it in full (hbo: its target above its end goal)
    basis = figures.stand.basis
    said = [_basis(basis, lang)] if basis and basis != "sector_count" else []
    said += [_w(lang, f"doubt_{f.check}") for f in told_findings(figures).itertuples()]
    if shown and said:
        shown += f" ({'; '.join(said)})"
    return {
        "stand": stand_label(figures.stand, lang) + (f": {shown}" if shown else ""),
        "outlook": outlook_label(figures.outlook, lang),
        "latest": latest_figure(figures, lang),
    }


def stand_label(stand: Stand, lang: str) -> str:
    target, early = stand.unjudged_target, stand.reached_by
    level = _level(early, target, lang) if early and target else ""
    return _w(lang, f"label_{stand.status}", year=stand.year, target_year=target.year if target else None, level=level)


def _level(count: Ground, target: Ground, lang: str) -> str:
    """'boven' a target that a count exceeds, 'op' one it equals exactly: what the words of 'already reached' say."""
    exact = QUALIFIERS[count.qualifier].reads_as == "exact" if count.qualifier in QUALIFIERS else True
    return _w(lang, "level_at" if exact and count.value == target.value else "level_above")


def outlook_label(outlook: Outlook, lang: str) -> str:
    key = outlook.missing if outlook.status == "too_little_data" and outlook.missing else outlook.status
    key = {"reached_early": "already_reached"}.get(key, key)  # the stand's label names two years; this one
    level = _level(outlook.figures[0], outlook.target, lang) if key == "already_reached" else ""
    return _w(lang, f"label_{key}", year=outlook.year, break_year=outlook.break_year, level=level)


def stand_sentence(figures: SectorFigures, name: str, lang: str, sources) -> str:
    """The stand in one or more sentences, the figures it rests on first, then what else weighs in, and a
    plausibility finding about one of its figures ('Let op: ...', display.findings.about)."""
    doubts = [finding_text(f, lang, sources) for f in told_findings(figures).itertuples()]
    return " ".join([_stand_opening(figures, name, lang, sources), *_stand_notes(figures.stand, lang), *doubts])


def told_findings(figures: SectorFigures):
    """The findings the answer tells: the plausibility findings about a figure the stand rests on."""
    return findings.about(figures.findings, figures.stand.figures)


def _stand_opening(figures: SectorFigures, name: str, lang: str, sources) -> str:
    """The stand itself: judged, uncertain, sources that differ, or too little data; and a later target that has
    no figure yet."""
    stand = figures.stand
    who, plural = i18n.subject(figures.sector, name, lang)
    t = stand.unjudged_target
    unjudged = {"year": t.year, "target": _figure(t, lang), "jobs": _jobs(t.basis, lang)} if t else {}
    if stand.status == "reached_early":
        return _reached_early(stand, who, plural, lang)
    if stand.status == "too_little_data" and t is not None:
        text = _w(lang, "no_figure_for_target", **unjudged)
    elif stand.status == "too_little_data":
        text = _w(lang, "no_year")
    elif stand.status == "sources_differ":
        shown = [*stand.figures, *stand.rivals]
        listed = "; ".join(f"{_figure(g, lang)} ({cite(sources, g.source_id, lang)})" for g in shown)
        text = _w(lang, "sources_differ", label=stand_label(stand, lang), figures=listed)
    else:
        text = _judged(stand, who, plural, lang)
        if stand.status == "uncertain":
            text += " " + _w(lang, "uncertain")
    early = stand.reached_by
    if stand.status != "too_little_data" and early is not None:
        level = _level(early, t, lang)
        text += " " + _w(
            lang, "later_target_reached", **unjudged, early_year=early.year, early=_figure(early, lang), level=level
        )
    elif stand.status != "too_little_data" and t is not None:
        text += " " + _w(lang, "later_target_without_figure", **unjudged)
    return text


def _reached_early(stand: Stand, who: str, plural: bool, lang: str) -> str:
    """'In 2020 al boven het doel voor 2023: de gemeenten realiseerden in 2020 5.500 banen; het doel voor 2023 was
    5.250 banen. Of dat doel in 2023 ook is gehaald, is niet bekend: over 2023 heeft dit rapport geen jaarcijfer.'"""
    early, target = stand.reached_by, stand.unjudged_target
    return _w(
        lang,
        "reached_early",
        label=stand_label(stand, lang),
        subject=who,
        verb_realise=i18n.verb("verb_realise", plural, lang),
        early_year=early.year,
        realised=_figure(early, lang),
        jobs=_jobs(early.basis, lang),
        target=_figure(target, lang),
        year=target.year,
    )


def _stand_notes(stand: Stand, lang: str) -> list[str]:
    """What else weighs in, in this order: a measurement that overrules another, another count's trend, the
    year before, provisional figures and readings during the year."""
    notes = []
    for j in stand.overruled:
        key = "overruled" if j.result == "met" else "overruled_not"
        notes.append(_w(lang, key, basis=_basis(j.basis, lang), figures=_figures(j.figures, lang)))
    t = stand.other_trend
    if t is not None:
        notes.append(
            _w(
                lang,
                "trend_overruled" if t.on_course else "trend_overruled_not",
                change=_w(lang, "trend_fall" if t.slope < 0 else "trend_growth"),
                basis=_basis(t.basis, lang),
                first=t.fitted_years[0],
                last=t.last_year,
                year=t.target_year,
                projected=i18n.number(t.projected, lang),
                target=i18n.number(t.target_value, lang),
            )
        )
    if stand.earlier is not None:
        notes.append(
            _w(
                lang,
                f"earlier_{stand.earlier.result}",
                year=stand.earlier.year,
                figures=_figures(stand.earlier.figures, lang),
            )
        )
    for g in stand.provisional:
        notes.append(_w(lang, "provisional", year=g.year, figure=f"{_figure(g, lang)} {_jobs(g.basis, lang)}"))
    if stand.during_year is not None:
        notes.append(
            _w(lang, "during_year", year=stand.during_year.year, figures=_figures(stand.during_year.figures, lang))
        )
    return notes


def _judged(stand: Stand, who: str, plural: bool, lang: str) -> str:
    realised, target, pct = (stand.figure(m) for m in ("realised_jobs", "target_jobs", "realisation_pct"))
    label = stand_label(stand, lang)
    if realised is not None and target is not None:
        return _w(
            lang,
            # a target implied by the published percentage is not shown as if published: the percentage is
            "pair" if target.status == "reported" or pct is None else "pair_pct",
            label=label,
            subject=who,
            verb_realise=i18n.verb("verb_realise", plural, lang),
            realised=_figure(realised, lang),
            jobs=_jobs(realised.basis, lang),
            target=_figure(target, lang),
            pct=_percentage(stand.figures, lang) if pct is not None else "",
        ).replace(" ()", "")
    return _w(
        lang,
        "pct_only",
        label=label,
        basis=_basis(stand.basis, lang),
        verb_reach=i18n.verb("verb_reach", plural, lang),
        subject=who,
        pct=_figure(pct, lang),
    )


def _basis(basis: str | None, lang: str) -> str:
    return i18n.ANSWER[lang].get(f"basis_{basis}", basis or "")


def outlook_sentence(figures: SectorFigures, lang: str, sources) -> str:
    """The outlook in one sentence, or why there is none; a disputed due year of the end goal is named."""
    v = figures.outlook
    if v.status == "no_target" or v.target is None:
        return _w(lang, "no_target")
    goal = _w(lang, "end_goal" if v.target.measure == "goal_jobs" else "goal")
    values = {
        "goal": goal,
        "target": _figure(v.target, lang),
        "jobs": _jobs(v.target.basis, lang),
        "year": v.year,
        "break_year": v.break_year,
    }
    p = v.projection
    if v.status in ("on_course", "not_on_course") and p is not None:
        key = "not_on_course_falling" if p.slope < 0 else v.status
        text = _w(
            lang,
            key,
            **values,
            first=p.fitted_years[0],
            last=p.fitted_years[-1],
            slope=i18n.number(abs(p.slope), lang),
            projected=i18n.number(p.projected, lang),
            needed=i18n.number(p.needed_per_year, lang),
        )
    elif v.status == "reached_early":
        early = v.figures[0]
        level = _level(early, v.target, lang)
        text = _w(lang, "already_reached", **values, last=early.year, realised=_figure(early, lang), level=level)
    elif v.missing == "basis":  # both counts named: the target's, and the ones the sector's counts are on
        others = (" en " if lang == "nl" else " and ").join(_basis(b, lang) for b in figures.bases("realised_jobs"))
        text = _w(lang, "basis", **values, basis=_basis(v.target.basis, lang), others=others)
    else:
        text = _w(lang, v.missing if v.missing == "break" else "two_years", **values)
    if v.goal_dates:
        text += " " + goal_years(v.goal_dates, v.target.year, lang, sources)
    return text


def goal_years(dated: list[Ground], year: int, lang: str, sources) -> str:
    """'Over het jaar van dit einddoel verschillen de bronnen: 2025 volgens A, 8 juli 2021 en B, ...; 2026 volgens
    C, 16 juli 2024. Dit rapport gaat uit van 2026.': each due year once, with the sources that give it."""
    by_year: dict[int, list[str]] = {}
    for g in dated:
        by_year.setdefault(g.year, []).append(cite(sources, g.source_id, lang))
    joined = (" en " if lang == "nl" else " and ").join
    years = "; ".join(_w(lang, "by_sources", year=y, sources=joined(c)) for y, c in sorted(by_year.items()))
    return _w(lang, "goal_years", years=years, year=year)


def grounds(figures: SectorFigures) -> list[Ground]:
    """Every figure the answer rests on, once, in the order it is told: the stand's (with its rivals, the
    figures of a lower basis and an earlier statutory result), then the outlook's target and counts."""
    stand, outlook = figures.stand, figures.outlook
    told = [*stand.figures, *stand.rivals, *([stand.reached_by, stand.unjudged_target] if stand.reached_by else [])]
    for judgement in [*stand.overruled, *([stand.earlier] if stand.earlier else [])]:
        told += judgement.figures
    told += [*([outlook.target] if outlook.target else []), *outlook.figures]
    return list(dict.fromkeys(told))


def latest_sentence(figures: SectorFigures, lang: str) -> str:
    year = figures.stand.latest_year
    return _w(lang, "latest", year=year) if year else _w(lang, "no_latest")


def answer_text(figures: SectorFigures, name: str, lang: str, sources) -> str:
    """The whole answer as plain text: the stand, the outlook and how old the newest figure is."""
    parts = [stand_sentence(figures, name, lang, sources), outlook_sentence(figures, lang, sources)]
    return " ".join([*parts, latest_sentence(figures, lang)])
