"""Words and number formats for the two report languages (Dutch default, English option)."""

from __future__ import annotations

from babel.numbers import format_decimal

LANGS = ("nl", "en")
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}

TEXT = {
    "nl": {
        "realised": "Gerealiseerd", "target": "Doelstelling", "goal": "Einddoel", "derived": "afgeleid",
        "target_short": "doel", "jobs": "banen", "year": "Jaar", "pct_of_target": "van doel",
        "trend": "Lineaire trend", "source": "Bron", "sources": "Bronnen", "undated": "z.d.",
        "trend_title": "{name}: gerealiseerde banen en doelstelling",
        "overview_pct_title": "Realisatie als percentage van de doelstelling (laatste gepubliceerde jaar)",
        "overview_jobs_title": "Gerealiseerde banen (laatste gepubliceerde jaar)",
        "own_sroi_title": "Eigen dienst/detachering en inkoop (SROI)",
        "own": "Eigen dienst/detachering", "sroi": "Via inkoop (SROI)",
        "national_title": "Landelijk: extra banen sinds de nulmeting (eind 2012)",
        "small_multiples_title": "Gerealiseerde banen en doelstellingen per sector",
        "no_figures": "geen cijfers gepubliceerd",
        "legend_reported": "gepubliceerd", "legend_derived": "afgeleid (berekend)",
        "coverage_title": "Welke cijfers zijn er, per sector en jaar",
    },
    "en": {
        "realised": "Realised", "target": "Target", "goal": "Final goal", "derived": "derived",
        "target_short": "target", "jobs": "jobs", "year": "Year", "pct_of_target": "of target",
        "trend": "Linear trend", "source": "Source", "sources": "Sources", "undated": "n.d.",
        "trend_title": "{name}: jobs realised and target",
        "overview_pct_title": "Realisation as a percentage of the target (latest published year)",
        "overview_jobs_title": "Jobs realised (latest published year)",
        "own_sroi_title": "Own staff/secondment and procurement (SROI)",
        "own": "Own staff/secondment", "sroi": "Via procurement (SROI)",
        "national_title": "National: extra jobs since the baseline (end of 2012)",
        "small_multiples_title": "Jobs realised and targets per sector",
        "no_figures": "no figures published",
        "legend_reported": "published", "legend_derived": "derived (computed)",
        "coverage_title": "Which figures exist, per sector and year",
    },
}


# Column headings of the tables in the reports.
COLUMNS = {
    "nl": {
        "year": "Jaar", "measure": "Maat", "value": "Waarde", "status": "Status", "source": "Bron",
        "locator": "Vindplaats", "sector": "Sector", "realised": "Gerealiseerd", "target": "Doelstelling",
        "pct": "Realisatie", "trend": "Trend", "course": "Op koers volgens trend?", "reported": "gepubliceerd",
        "derived": "afgeleid", "yes": "ja", "no": "nee", "reached": "bereikt", "none": "—",
        "latest_realised": "Laatste jaar gerealiseerd", "latest_target": "Laatste jaar doelstelling",
        "latest_pct": "Laatste jaar percentage", "years_behind_national": "Jaren achter landelijk",
        "primary": "Primaire bronnen", "secondary": "Secundaire bronnen", "secondary_share": "Aandeel secundair",
        "check": "Controle", "value_a": "Waarde A", "source_a": "Bron A", "value_b": "Waarde B", "source_b": "Bron B",
        "difference": "Verschil", "outcome": "Uitkomst", "explanation": "Toelichting",
    },
    "en": {
        "year": "Year", "measure": "Measure", "value": "Value", "status": "Status", "source": "Source",
        "locator": "Locator", "sector": "Sector", "realised": "Realised", "target": "Target", "pct": "Realisation",
        "trend": "Trend", "course": "On course by trend?", "reported": "published", "derived": "derived",
        "yes": "yes", "no": "no", "reached": "reached", "none": "—", "latest_realised": "Latest realised year",
        "latest_target": "Latest target year", "latest_pct": "Latest percentage year",
        "years_behind_national": "Years behind national", "primary": "Primary sources",
        "secondary": "Secondary sources", "secondary_share": "Share secondary", "check": "Check",
        "value_a": "Value A", "source_a": "Source A", "value_b": "Value B", "source_b": "Source B",
        "difference": "Difference", "outcome": "Outcome", "explanation": "Explanation",
    },
}

# Words of the report site's own pages (index.html, sources.html).
SITE = {
    "nl": {
        "title": "Banenafspraak overheid en onderwijs: rapporten", "data_version": "Dataversie",
        "national": "Landelijk beeld", "overview": "Alle sectoren", "sectors": "Rapporten per sector",
        "sector": "Sector", "report": "Rapport", "chart": "Grafiek", "notebook": "Notebook", "summary": "Kerncijfers",
        "data": "Gegevens", "failed": "Mislukt", "coverage": "Dekking en kwaliteit van de gegevens",
        "coverage_link": "Welke cijfers er zijn, hoe recent, uit welke bronnen, en wat niet klopt",
        "run_date": "Gemaakt op", "previous": "laatste run mislukt; dit is de vorige versie",
        "failed_run": "Bij deze run mislukt (de vorige versie blijft staan waar die er is)", "sources": "Bronnen",
        "sources_what": "titel, uitgever, datum en vindplaats van elke bron",
        "sources_intro": "Elk cijfer in deze rapporten komt uit een van deze bronnen. Primair: brieven aan de Kamer, overheidspublicaties en sectormonitors; secundair: berichten die deze doorgeven.",
        "back": "← Terug naar het overzicht", "title_col": "Titel", "publisher": "Uitgever", "date": "Datum",
        "reference": "Kenmerk", "primacy": "Primair/secundair", "figures": "Cijfers",
    },
    "en": {
        "title": "Jobs agreement, government and education: reports", "data_version": "Data version",
        "national": "National picture", "overview": "All sectors", "sectors": "Reports per sector",
        "sector": "Sector", "report": "Report", "chart": "Chart", "notebook": "Notebook", "summary": "Key figures",
        "data": "Data", "failed": "Failed", "coverage": "Coverage and quality of the data",
        "coverage_link": "Which figures exist, how fresh, from which sources, and what does not add up",
        "run_date": "Made on", "previous": "the last run failed; this is the previous version",
        "failed_run": "Failed in this run (the previous version stays where there is one)", "sources": "Sources",
        "sources_what": "title, publisher, date and reference of every source",
        "sources_intro": "Every figure in these reports comes from one of these sources. Primary: letters to parliament, government publications and sector monitors; secondary: news relaying them.",
        "back": "← Back to the overview", "title_col": "Title", "publisher": "Publisher", "date": "Date",
        "reference": "Reference", "primacy": "Primary/secondary", "figures": "Figures",
    },
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    return lang


def t(lang: str, key: str, **values) -> str:
    return TEXT[check_lang(lang)][key].format(**values)


def number(value: float, lang: str, precision: int = 0, trim: bool = False) -> str:
    """5500 -> '5.500' (nl) or '5,500' (en); 61.3 with precision 1 -> '61,3' / '61.3'.

    With trim, decimals are shown only as far as needed (7.5 with precision 2 -> '7,5').
    """
    pattern = "#,##0" + ("." + ("#" if trim else "0") * precision if precision > 0 else "")
    return format_decimal(round(value, precision), format=pattern, locale=_LOCALE[check_lang(lang)])


def percent(value: float, lang: str, precision: int = 0) -> str:
    return f"{number(value, lang, precision)}%"


def signed(value: float, lang: str, precision: int = 0, trim: bool = False) -> str:
    text = number(abs(value), lang, precision, trim)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)
