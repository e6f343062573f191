"""Words and number formats for the two report languages (Dutch default, English option)."""

from __future__ import annotations

from babel.numbers import format_decimal

from analysis import dictionary

LANGS = ("nl", "en")
SOURCE_LANG = "nl"  # the sources publish in Dutch: their titles and quotes carry lang="nl" on every site
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}

TEXT = {
    "nl": {
        "realised": "Gerealiseerd",
        "target": "Doelstelling",
        "goal": "Einddoel",
        "derived": "afgeleid",
        "target_short": "doel",
        "jobs": "banen",
        "year": "Jaar",
        "pct_of_target": "van doel",
        "trend": "Lineaire trend",
        "source": "Bron",
        "sources": "Bronnen",
        "trend_title": "{name}: gerealiseerde banen en doelstelling",
        "overview_pct_title": "Realisatie als percentage van de doelstelling (laatste gepubliceerde jaar)",
        "overview_jobs_title": "Gerealiseerde banen (laatste gepubliceerde jaar)",
        "own_sroi_title": "Eigen dienst/detachering en inkoop (SROI)",
        "own": "Eigen dienst/detachering",
        "sroi": "Via inkoop (SROI)",
        "national_title": "Landelijk: extra banen sinds de nulmeting (eind 2012)",
        "small_multiples_title": "Gerealiseerde banen en doelstellingen per sector",
        "no_figures": "geen cijfers gepubliceerd",
        "no_figures_whole": "geen cijfers voor de hele sector gepubliceerd",
        "bars_basis": "Staven en doelen: {basis}",
        "trend_band": "Lineaire trend, met band van traagste tot snelste groei",
        "legend_reported": "gepubliceerd",
        "legend_derived": "afgeleid (berekend)",
        "legend_other_basis": "gepubliceerd, andere basis dan de eigen telling",
        "coverage_title": "Welke cijfers zijn er, per sector en jaar",
        "unit_sector_jobs": "banen geteld tegen het eigen quotum van de sector",
        "unit_national_extra_jobs": "extra banen sinds de nulmeting eind 2012",
        "verdict_anchor": "oordeel",
        "evidence_title": "Citaten uit de bronnen",
        "without_figures": "Sectoren zonder enig kwantitatief cijfer",
        "only_part_figures": "Sectoren met alleen cijfers voor een deel van de sector, geen cijfers voor de hele sector",
        "all_have_figures": "Alle sectoren hebben ten minste één cijfer.",
    },
    "en": {
        "realised": "Realised",
        "target": "Target",
        "goal": "Final goal",
        "derived": "derived",
        "target_short": "target",
        "jobs": "jobs",
        "year": "Year",
        "pct_of_target": "of target",
        "trend": "Linear trend",
        "source": "Source",
        "sources": "Sources",
        "trend_title": "{name}: jobs realised and target",
        "overview_pct_title": "Realisation as a percentage of the target (latest published year)",
        "overview_jobs_title": "Jobs realised (latest published year)",
        "own_sroi_title": "Own staff/secondment and procurement (SROI)",
        "own": "Own staff/secondment",
        "sroi": "Via procurement (SROI)",
        "national_title": "National: extra jobs since the baseline (end of 2012)",
        "small_multiples_title": "Jobs realised and targets per sector",
        "no_figures": "no figures published",
        "no_figures_whole": "no figures published for the whole sector",
        "bars_basis": "Bars and targets: {basis}",
        "trend_band": "Linear trend, with band from slowest to fastest growth",
        "legend_reported": "published",
        "legend_derived": "derived (computed)",
        "legend_other_basis": "published, on another basis than the own count",
        "coverage_title": "Which figures exist, per sector and year",
        "unit_sector_jobs": "jobs counted against the sector's own quota",
        "unit_national_extra_jobs": "extra jobs since the baseline at the end of 2012",
        "verdict_anchor": "verdict",
        "evidence_title": "Quotes from the sources",
        "without_figures": "Sectors without any quantitative figure",
        "only_part_figures": "Sectors with figures for part of the sector only, none for the whole sector",
        "all_have_figures": "Every sector has at least one figure.",
    },
}


# Column headings of the tables in the reports.
# Table headings beyond the data's own columns (those come from the data dictionary, below).
_TABLE_HEADINGS = {
    "nl": {
        "realised": "Gerealiseerd",
        "target": "Doelstelling",
        "pct": "Realisatie",
        "trend": "Trend",
        "course": "Oordeel",
        "whole_sector": "hele sector",
        "other_basis": "Percentage op andere basis",
        "none": "—",
        "latest_realised": "Laatste jaar gerealiseerd",
        "latest_target": "Laatste jaar doelstelling",
        "latest_pct": "Laatste jaar percentage",
        "years_behind_national": "Jaren achter landelijk",
        "primary": "Primaire bronnen",
        "secondary": "Secundaire bronnen",
        "secondary_share": "Aandeel secundair",
    },
    "en": {
        "realised": "Realised",
        "target": "Target",
        "pct": "Realisation",
        "trend": "Trend",
        "course": "Verdict",
        "whole_sector": "whole sector",
        "other_basis": "Percentage on another basis",
        "none": "—",
        "latest_realised": "Latest realised year",
        "latest_target": "Latest target year",
        "latest_pct": "Latest percentage year",
        "years_behind_national": "Years behind national",
        "primary": "Primary sources",
        "secondary": "Secondary sources",
        "secondary_share": "Share secondary",
    },
}
# Every table heading: the data dictionary's column labels, and the headings of the summary tables.
COLUMNS = {
    lang: {
        **dictionary.headings(lang),
        **{s.id: s.label(lang) for s in dictionary.STATUSES.values()},
        **_TABLE_HEADINGS[lang],
    }
    for lang in LANGS
}

# Words of the report site's own pages (index.html, sources.html).
SITE = {
    "nl": {
        "title": "Banenafspraak overheid en onderwijs: rapporten",
        "data_version": "Dataversie",
        "national": "Landelijk beeld",
        "overview": "Alle sectoren",
        "sectors": "Rapporten per sector",
        "sector": "Sector",
        "report": "Rapport",
        "chart": "Grafiek",
        "notebook": "Notebook",
        "summary": "Kerncijfers",
        "data": "Gegevens",
        "failed": "Mislukt",
        "coverage": "Dekking en kwaliteit van de gegevens",
        "coverage_link": "Welke cijfers er zijn, hoe recent, uit welke bronnen, en wat niet klopt",
        "run_date": "Gemaakt op",
        "previous": "laatste run mislukt; dit is de vorige versie",
        "failed_run": "Bij deze run mislukt (de vorige versie blijft staan waar die er is)",
        "sources": "Bronnen",
        "sources_what": "titel, uitgever, datum en vindplaats van elke bron",
        "sources_intro": "Elk cijfer in deze rapporten komt uit een van deze bronnen. Primair: brieven aan de Kamer, overheidspublicaties en sectormonitors; secundair: berichten die deze doorgeven.",
        "back": "← Terug naar het overzicht",
        "title_col": "Titel",
        "publisher": "Uitgever",
        "date": "Datum",
        "reference": "Kenmerk",
        "primacy": "Primair/secundair",
        "figures": "Cijfers",
        "site_name": "Banenafspraak overheid en onderwijs",
        "nav_label": "Site",
        "nav_index": "Overzicht",
        "footer_sources": "Alle cijfers komen uit openbare bronnen (brieven aan de Tweede Kamer, overheidspublicaties, "
        "sectormonitors en berichten die deze doorgeven); de bronnenpagina geeft per cijfer het citaat.",
        "national_link": "Rapport: landelijk beeld",
        "overview_link": "Rapport: alle sectoren naast elkaar",
        "latest_caption": "Laatste cijfers per sector, met het oordeel (de gronden staan eronder)",
        "grounds": "Gronden van elk oordeel",
        "files": "Bestanden",
        "report_of": "Rapport",
        "accessed": "Geraadpleegd",
        "quotes": "citaten",
        "undated": "z.d.",
        "primary": "primair",
        "secondary": "secundair",
        "figures_per_source": "Cijfers per bron, met citaat",
        "locator": "Vindplaats",
        "page": "Pagina",
        "new_since": "Nieuw sinds dataversie",
        "more": "Meer rapporten",
    },
    "en": {
        "title": "Jobs agreement, government and education: reports",
        "data_version": "Data version",
        "national": "National picture",
        "overview": "All sectors",
        "sectors": "Reports per sector",
        "sector": "Sector",
        "report": "Report",
        "chart": "Chart",
        "notebook": "Notebook",
        "summary": "Key figures",
        "data": "Data",
        "failed": "Failed",
        "coverage": "Coverage and quality of the data",
        "coverage_link": "Which figures exist, how fresh, from which sources, and what does not add up",
        "run_date": "Made on",
        "previous": "the last run failed; this is the previous version",
        "failed_run": "Failed in this run (the previous version stays where there is one)",
        "sources": "Sources",
        "sources_what": "title, publisher, date and reference of every source",
        "sources_intro": "Every figure in these reports comes from one of these sources. Primary: letters to parliament, government publications and sector monitors; secondary: news relaying them.",
        "back": "← Back to the overview",
        "title_col": "Title",
        "publisher": "Publisher",
        "date": "Date",
        "reference": "Reference",
        "primacy": "Primary/secondary",
        "figures": "Figures",
        "site_name": "Jobs agreement, government and education",
        "nav_label": "Site",
        "nav_index": "Overview",
        "footer_sources": "Every figure comes from a public source (letters to parliament, government publications, "
        "sector monitors and news relaying them); the sources page gives each figure's quote.",
        "national_link": "Report: the national picture",
        "overview_link": "Report: all sectors side by side",
        "latest_caption": "Latest figures per sector, with the verdict (its grounds follow below)",
        "grounds": "Grounds of each verdict",
        "files": "Files",
        "report_of": "Report",
        "accessed": "Consulted",
        "quotes": "quotes",
        "undated": "n.d.",
        "primary": "primary",
        "secondary": "secondary",
        "figures_per_source": "Figures per source, with quote",
        "locator": "Locator",
        "page": "Page",
        "new_since": "New since data version",
        "more": "More reports",
    },
}


# Verdicts (analysis.verdicts): the status in words, and sentence templates filled from its grounds.
VERDICT = {
    "nl": {
        "met": "gehaald",
        "not_met": "niet gehaald",
        "on_course": "op koers",
        "not_on_course": "niet op koers",
        "sources_differ": "bronnen verschillen",
        "too_little_data": "te weinig gegevens",
        "no_target": "geen doel",
        "s_met": "Het doel voor {year} is gehaald volgens de {basis}: {figures}.",
        "s_not_met": "Het doel voor {year} is niet gehaald volgens de {basis}: {figures}.",
        "s_on_course": "Op koers voor het doel van {target} banen in {year} volgens de {basis}: bij de lineaire trend "
        "over {fitted} ({slope} per jaar) komt het aantal op {projected} in {year} (bij de traagste en "
        "snelste groei tussen twee gepubliceerde jaren {low} tot {high}); nodig is {needed} per jaar.",
        "s_not_on_course": "Niet op koers voor het doel van {target} banen in {year} volgens de {basis}: bij de "
        "lineaire trend over {fitted} ({slope} per jaar) komt het aantal op {projected} in {year} "
        "(bij de traagste en snelste groei tussen twee gepubliceerde jaren {low} tot {high}); "
        "nodig is {needed} per jaar.",
        "s_sources_differ": "De bronnen wijzen verschillende kanten op voor {year}: {figures}.",
        "s_no_target": "Er is geen doel gepubliceerd, dus geen oordeel.",
        "s_no_figures": "Er zijn geen cijfers gepubliceerd, dus geen oordeel.",
        "s_whole_sector": "Er zijn alleen cijfers voor een deel van de sector of per kwartaal ({figures}), geen cijfers "
        "voor de hele sector; daarom is er geen oordeel.",
        "s_target_year_figure": "Te weinig gegevens: voor {year}, het jaar van het doel van {target} banen, is geen "
        "cijfer gepubliceerd.",
        "s_two_years": "Te weinig gegevens voor een trend naar het doel van {target} banen in {year}: daarvoor zijn "
        "minstens twee jaren met gerealiseerde banen nodig volgens één telling.",
        "s_break": "Geen trend naar het doel van {target} banen in {year}: dat jaar ligt op of na de trendbreuk van "
        "{break_year} (bredere doelgroep), dus cijfers van daarvoor zijn niet vergelijkbaar.",
        "s_context": "Het laatste eerdere jaar met een oordeel: {figures}.",
        "s_context_latest": "Laatst gepubliceerd: {figures}.",
        "s_context_trend": "Volgens de {basis} groeide het aantal tot {last} in {last_year}; bij die trend zou het doel "
        "van {target} banen in {year} {outcome}.",
        "reached": "gehaald worden",
        "not_reached": "niet gehaald worden",
        "other_basis": "Volgens de {basis}: {figures}.",
        "of_target": "{value} van het doel",
        "jobs_of": "{realised} van {target} banen",
        "end_goal_note": "Een percentage van het einddoel ({figures}) zegt niets over het doel van één jaar en telt niet mee.",
        "column": "Oordeel",
    },
    "en": {
        "met": "met",
        "not_met": "not met",
        "on_course": "on course",
        "not_on_course": "not on course",
        "sources_differ": "sources differ",
        "too_little_data": "too little data",
        "no_target": "no target",
        "s_met": "The target for {year} was met according to the {basis}: {figures}.",
        "s_not_met": "The target for {year} was not met according to the {basis}: {figures}.",
        "s_on_course": "On course for the target of {target} jobs in {year} according to the {basis}: on the linear "
        "trend over {fitted} ({slope} a year) the count reaches {projected} in {year} ({low} to {high} "
        "at the slowest and fastest growth between two published years); {needed} a year is needed.",
        "s_not_on_course": "Not on course for the target of {target} jobs in {year} according to the {basis}: on the "
        "linear trend over {fitted} ({slope} a year) the count reaches {projected} in {year} ({low} "
        "to {high} at the slowest and fastest growth between two published years); {needed} a year "
        "is needed.",
        "s_sources_differ": "The sources point different ways for {year}: {figures}.",
        "s_no_target": "No target is published, so there is no verdict.",
        "s_no_figures": "No figures are published, so there is no verdict.",
        "s_whole_sector": "There are only figures for part of the sector or per quarter ({figures}), none for the "
        "whole sector; so there is no verdict.",
        "s_target_year_figure": "Too little data: no figure is published for {year}, the year of the target of "
        "{target} jobs.",
        "s_two_years": "Too little data for a trend towards the target of {target} jobs in {year}: that needs at least "
        "two years of realised jobs on one count.",
        "s_break": "No trend towards the target of {target} jobs in {year}: that year lies at or after the series break "
        "of {break_year} (wider target group), so earlier figures are not comparable.",
        "s_context": "The latest earlier year with a verdict: {figures}.",
        "s_context_latest": "Latest published: {figures}.",
        "s_context_trend": "By the {basis} the count rose to {last} in {last_year}; on that trend the target of {target} "
        "jobs in {year} {outcome}.",
        "reached": "would be met",
        "not_reached": "would not be met",
        "other_basis": "By the {basis}: {figures}.",
        "of_target": "{value} of the target",
        "jobs_of": "{realised} of {target} jobs",
        "end_goal_note": "A percentage of the end goal ({figures}) says nothing about one year's target and is not used.",
        "column": "Verdict",
    },
}


# Alt texts of the charts, written from their data (narrative.chart_alt and friends).
ALT = {
    "nl": {
        "sector": "Staafdiagram van {name}: gerealiseerde banen per jaar ({basis}): {realised}.",
        "targets": "Doelstellingen: {targets}.",
        "goal": "Einddoel: {goal}.",
        "other": "Percentages volgens de {basis}: {figures}.",
        "verdict": "Oordeel: {verdict}.",
        "none": "geen",
        "break": "Trendbreuk vanaf {year}.",
        "overview": "Staafdiagram: laatste realisatiepercentage per sector tegen de 100%-lijn: {figures}.",
        "jobs": "Staafdiagram: laatste aantal gerealiseerde banen per sector: {figures}.",
        "own_sroi": "Gestapeld staafdiagram: banen in eigen dienst of gedetacheerd en via inkoop (SROI): {figures}.",
        "small_multiples": "Kleine grafieken per sector met gerealiseerde banen en doelstellingen; de tabel eronder geeft alle waarden.",
        "national": "Drie staafdiagrammen, landelijk, extra banen sinds de nulmeting: {figures}.",
        "coverage": "Overzicht per sector en jaar welke cijfers er zijn (gepubliceerd, afgeleid of geen); de tabellen eronder geven hetzelfde.",
        "table_summary": "Gegevens bij de grafiek (tabel)",
    },
    "en": {
        "sector": "Bar chart of {name}: jobs realised per year ({basis}): {realised}.",
        "targets": "Targets: {targets}.",
        "goal": "Final goal: {goal}.",
        "other": "Percentages by the {basis}: {figures}.",
        "verdict": "Verdict: {verdict}.",
        "none": "none",
        "break": "Series break from {year}.",
        "overview": "Bar chart: latest realisation percentage per sector against the 100% line: {figures}.",
        "jobs": "Bar chart: latest number of jobs realised per sector: {figures}.",
        "own_sroi": "Stacked bar chart: jobs in own employment or secondment and via procurement (SROI): {figures}.",
        "small_multiples": "Small charts per sector with jobs realised and targets; the table below gives every value.",
        "national": "Three bar charts, national, extra jobs since the baseline: {figures}.",
        "coverage": "Per sector and year, which figures exist (published, derived or none); the tables below give the same.",
        "table_summary": "Data of the chart (table)",
    },
}


# The reports' own prose (what the notebooks say between their tables and charts): (heading, paragraph).
PROSE = {
    "nl": {
        "sector": (
            "",
            (
                "Gerealiseerde banen per jaar tegen de doelstelling, het oordeel met zijn gronden, en elk cijfer met "
                "zijn bron, vindplaats en citaat."
            ),
        ),
        "sector_figures": (
            "Alle cijfers",
            (
                "Gepubliceerd en afgeleid; kwartaalcijfers, cijfers voor een deel van de "
                "sector en cijfers op een andere basis staan erbij, gemarkeerd."
            ),
        ),
        "overview": (
            "Banenafspraak: alle sectoren",
            ("Elke sector naast elkaar voor het laatste gepubliceerde jaar, en de trend van elke sector."),
        ),
        "overview_latest": ("Laatste cijfers en oordeel per sector", ""),
        "overview_charts": ("Grafieken", ""),
        "national": (
            "Banenafspraak: het landelijke beeld",
            (
                "Extra banen sinds de nulmeting (eind 2012) in de marktsector, "
                "bij overheid en onderwijs, en in totaal, tegen de doelstelling van elk jaar en het einddoel."
            ),
        ),
        "coverage": (
            "Banenafspraak: dekking en kwaliteit van de gegevens",
            (
                "Welke cijfers er zijn voor welke sector en welk jaar, hoe recent ze zijn, hoeveel er op secundaire "
                "bronnen rust en waar bronnen niet optellen. Lees dit voordat u een trend aanhaalt."
            ),
        ),
        "coverage_realised": ("Gerealiseerde banen per sector en jaar (● gepubliceerd, ○ afgeleid)", ""),
        "coverage_target": ("Doelstellingen per sector en jaar (● gepubliceerd, ○ afgeleid)", ""),
        "coverage_pct": ("Realisatiepercentages per sector en jaar (● gepubliceerd, ○ afgeleid)", ""),
        "coverage_side": (
            "Kwartaalcijfers en cijfers voor een deel van de sector",
            (
                "Getoond voor wat ze zijn: een kwartaalcijfer is niet de jaarmeting, en een cijfer voor een deel "
                "van een sector is geen cijfer voor de hele sector. Geen van beide komt in een reeks, een "
                "afgeleide waarde of een oordeel."
            ),
        ),
        "coverage_fresh": (
            "Actualiteit en bronnen",
            (
                "Het laatste jaar met een gerealiseerd cijfer, een doelstelling en een percentage; hoeveel jaar "
                "dat achterloopt op het nieuwste landelijke cijfer; en hoeveel cijfers uit primaire bronnen "
                "(Kamerbrieven, overheidspublicaties, sectormonitors) en uit secundaire bronnen (berichten die "
                "deze doorgeven) komen."
            ),
        ),
        "coverage_consistency": (
            "Samenhang",
            (
                "Gepubliceerde percentages tegen gerealiseerd / doelstelling, eigen dienst + SROI tegen "
                "het totaal, hetzelfde cijfer uit twee bronnen, en markt + overheid tegen het landelijke "
                "totaal, steeds binnen één reeks. 'rounding' verschilt alleen zoveel als de gepubliceerde "
                "afronding toestaat; 'differs' klopt niet. Niets wordt gecorrigeerd: beide cijfers blijven "
                "zoals gepubliceerd."
            ),
        ),
    },
    "en": {
        "sector": (
            "",
            (
                "Jobs realised per year against the target, the verdict with its grounds, and every figure with "
                "its source, locator and quote."
            ),
        ),
        "sector_figures": (
            "All figures",
            (
                "Published and derived; quarterly readings, part-sector figures and figures on "
                "another basis are listed too, marked."
            ),
        ),
        "overview": (
            "Jobs agreement: all sectors",
            ("Every sector side by side for its latest published year, and every sector's trend."),
        ),
        "overview_latest": ("Latest figures and verdict per sector", ""),
        "overview_charts": ("Charts", ""),
        "national": (
            "Jobs agreement: the national picture",
            (
                "Extra jobs since the baseline (end of 2012) in the market "
                "sector, in government and education, and in total, against each year's target and the final goal."
            ),
        ),
        "coverage": (
            "Jobs agreement: coverage and quality of the data",
            (
                "Which figures exist for which sector and year, how fresh they are, how much rests on secondary "
                "sources, and where sources do not add up. Read this before quoting a trend."
            ),
        ),
        "coverage_realised": ("Jobs realised per sector and year (● published, ○ derived)", ""),
        "coverage_target": ("Targets per sector and year (● published, ○ derived)", ""),
        "coverage_pct": ("Realisation percentages per sector and year (● published, ○ derived)", ""),
        "coverage_side": (
            "Quarterly readings and part-sector figures",
            (
                "Shown for what they are: a quarterly reading is not the annual measurement, and a figure for "
                "part of a sector is not a figure for the whole sector. Neither enters a series, a derived "
                "value or a verdict."
            ),
        ),
        "coverage_fresh": (
            "Freshness and sources",
            (
                "The latest year with a realised figure, a target and a percentage; how many years that lags "
                "the newest national figure; and how many figures come from primary sources (letters to "
                "parliament, government publications, sector monitors) and from secondary ones (news "
                "relaying them)."
            ),
        ),
        "coverage_consistency": (
            "Consistency",
            (
                "Published percentages against realised / target, own + SROI against the total, the "
                "same figure from two sources, and market + government against the national total, "
                "always within one series. 'rounding' differs only as published rounding allows; "
                "'differs' does not add up. Nothing is corrected: both figures stay as published."
            ),
        ),
    },
}


# Words of `changes` and the index's section on what is new.
CHANGES = {
    "nl": {"added": "toegevoegd", "changed": "gewijzigd", "removed": "verwijderd", "verdict": "oordeel"},
    "en": {"added": "added", "changed": "changed", "removed": "removed", "verdict": "verdict"},
}


def alt_word(lang: str, key: str, **values) -> str:
    return ALT[check_lang(lang)][key].format(**values)


def verdict_word(lang: str, key: str, **values) -> str:
    return VERDICT[check_lang(lang)][key].format(**values)


# How derived values were computed (the tidy column 'derivation' holds the key, in the data's own terms).
DERIVATIONS = {
    "realised_jobs / target_jobs × 100": {
        "nl": "berekend: gerealiseerde banen / doelstelling × 100",
        "en": "computed: jobs realised / target × 100",
    },
    "realised_jobs / realisation_pct × 100": {
        "nl": "berekend: gerealiseerde banen / realisatiepercentage × 100",
        "en": "computed: jobs realised / realisation percentage × 100",
    },
    "target_jobs − realised_jobs": {
        "nl": "berekend: doelstelling − gerealiseerde banen",
        "en": "computed: target − jobs realised",
    },
    "realised_jobs − realised_jobs of the year before": {
        "nl": "berekend: gerealiseerde banen − gerealiseerde banen van het jaar ervoor",
        "en": "computed: jobs realised − jobs realised the year before",
    },
    "goal_jobs of banenafspraak_totaal − goal_jobs of overheid_totaal": {
        "nl": "berekend: einddoel banenafspraak totaal − einddoel overheid en onderwijs",
        "en": "computed: final goal of the whole agreement − final goal of government and education",
    },
}
UNDATED = {"nl": "z.d.", "en": "n.d."}


def derivation(key: str, lang: str) -> str:
    return DERIVATIONS[key][check_lang(lang)] if key in DERIVATIONS else key


def citation(publisher: str, date: str, lang: str) -> str:
    """'Publisher (date)', with the language's word for an undated source: one format on every page."""
    return f"{publisher} ({date or UNDATED[check_lang(lang)]})"


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from analysis.errors import ParameterError

        raise ParameterError([f"unknown language {lang!r}; use one of: {', '.join(LANGS)}"])
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
