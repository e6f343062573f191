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
