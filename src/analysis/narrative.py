"""Short texts generated from a sector's key figures (trends.sector_summary), in Dutch or English.

Nothing here is written for one sector in particular: every sentence is chosen
by what the data holds.
"""

from __future__ import annotations

from analysis.i18n import check_lang, number, percent, signed
from analysis.measures import QUALIFIERS

_QUAL_WORD = {
    "nl": {"at least": "ruim ", "nearly": "bijna ", "about": "ongeveer ", "estimate": "naar schatting "},
    "en": {"at least": "at least ", "nearly": "nearly ", "about": "about ", "estimate": "an estimated "},
}


def _n(point: dict, lang: str) -> str:
    word = _QUAL_WORD[lang].get(point["qualifier"], "") if point["qualifier"] in QUALIFIERS else ""
    return word + number(point["value"], lang, point["precision"])


def _pct(point: dict, lang: str) -> str:
    return percent(point["value"], lang, point["precision"])


def sector_text(summary: dict, name: str, lang: str = "nl") -> str:
    """A few sentences on the latest figures, the change since the previous year, and the outlook."""
    check_lang(lang)
    nl = lang == "nl"
    latest = summary["latest"]
    if latest is None:
        return (f"Voor {name} zijn geen kwantitatieve cijfers gepubliceerd in de bronnen van dit project."
                if nl else f"No quantitative figures for {name} are published in this project's sources.")
    parts = [_counts_sentence(summary, name, lang)]
    change = summary["change_since_previous"]
    if change:
        parts.append(_change_sentence(change, lang))
    parts.append(_percent_only_sentence(summary, lang))
    parts.append(_projection_sentence(summary, lang))
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
        sentence = (f"In {year} realiseerde {name} {_n(r, lang)} banen" if nl
                    else f"In {year}, {name} realised {_n(r, lang)} jobs")
        if target is not None:
            t = number(target, lang, 1 if target % 1 else 0)
            label = (" (afgeleid uit het gepubliceerde percentage)" if nl else " (derived from the published percentage)") \
                if derived_target else ""
            sentence += (f", tegen een doelstelling van {t}{label}" if nl else f", against a target of {t}{label}")
        if pct is not None:
            sentence += (f": {percent(pct, lang, 1 if pct % 1 else 0)} van de doelstelling" if nl
                         else f": {percent(pct, lang, 1 if pct % 1 else 0)} of the target")
        elif year in summary["derived_realisation_pct"]:
            d = summary["derived_realisation_pct"][year]
            sentence += (f" (berekend: {percent(d, lang, 1)} van de doelstelling)" if nl
                         else f" (computed: {percent(d, lang, 1)} of the target)")
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
        return (f"Voor latere jaren {'zijn' if many else 'is'} alleen {'realisatiepercentages' if many else 'een realisatiepercentage'} "
                f"gepubliceerd, geen aantallen: {shown} van de doelstelling.")
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
    gap = "" if change["years"] == 1 else (
        " (voor de jaren daartussen zijn geen cijfers gepubliceerd)" if nl else " (no figures are published for the years between)")
    return (f"Dat is {delta} banen ten opzichte van {change['from_year']} ({prev}){gap}." if nl
            else f"That is {delta} jobs compared with {change['from_year']} ({prev}){gap}.")


def _projection_sentence(summary: dict, lang: str) -> str:
    nl = lang == "nl"
    p = summary["projection"]
    if not p["possible"]:
        if p["reason"] == "too_few_years":
            return ("Voor een projectie zijn te weinig gegevens: er is minder dan twee jaar met gerealiseerde banen gepubliceerd."
                    if nl else "There is too little data for a projection: fewer than two years with realised jobs are published.")
        return (f"Er is geen doelstelling gepubliceerd voor een jaar na {p['last_year']}, dus er is geen projectie."
                if nl else f"No target is published for a year after {p['last_year']}, so there is no projection.")
    slope = number(p["slope"], lang, 0)
    needed = number(p["needed_per_year"], lang, 0)
    target = number(p["target_value"], lang, 1 if p["target_value"] % 1 else 0)
    projected = number(p["projected"], lang, 0)
    if p["last_value"] >= p["target_value"]:
        head = (f"Met {number(p['last_value'], lang, 0)} banen in {p['last_year']} is de doelstelling van {target} "
                f"voor {p['target_year']} al bereikt." if nl else
                f"With {number(p['last_value'], lang, 0)} jobs in {p['last_year']} the target of {target} "
                f"for {p['target_year']} is already reached.")
    else:
        verdict = ("ligt de sector op koers" if p["on_course"] else "ligt de sector niet op koers") if nl else \
            ("the sector is on course" if p["on_course"] else "the sector is not on course")
        head = (f"De gerealiseerde banen groeiden {p['first_year']}–{p['last_year']} met gemiddeld {slope} per jaar; "
                f"nodig is {needed} per jaar om in {p['target_year']} de doelstelling van {target} te halen. "
                f"Bij de lineaire trend ({projected} in {p['target_year']}) {verdict}." if nl else
                f"Jobs realised grew by {slope} a year on average over {p['first_year']}–{p['last_year']}; "
                f"{needed} a year is needed to reach the target of {target} in {p['target_year']}. "
                f"On the linear trend ({projected} in {p['target_year']}) {verdict}.")
    if _percent_only(summary):
        head += (" Let op: de trend gebruikt alleen aantallen banen, niet de latere percentages." if nl else
                 " Note: the trend uses job counts only, not the later percentages.")
    return head
