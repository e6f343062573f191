"""The data dictionary: every column, measure, period, basis, qualifier and closed list of values, defined
once, with its id, labels in Dutch and English, a description and, for measures, how derived values are
rounded.

Built from it: the schema of the raw files (schema.py takes its allowed values from here), the codebook
and the data package's field descriptions (processed.py), the table headings (i18n.COLUMNS) and the words
of the text for qualified figures (narrative.py). It imports neither pandas nor pandera, so reading it
costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sector id: what validate accepts is exactly what the report run accepts as a parameter (runner.check_parameters).
SECTOR_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class Term:
    """One entry of the dictionary: a column or one value of a closed vocabulary."""

    id: str
    label_nl: str
    label_en: str
    description: str = ""

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en


@dataclass(frozen=True)
class Measure(Term):
    kind: str = "count"  # "count" (jobs, employers), "percent", or "change" (a derived difference)
    reported: bool = True  # may appear in raw data
    year_required: bool = True  # False for standing figures such as a final goal
    has_basis: bool = True  # False where no counting basis applies (a number of employers, a quota percentage)
    decimals: int | None = None  # decimals of a derived value; None: those of its inputs


@dataclass(frozen=True)
class Qualifier(Term):
    """A word the source puts before a figure ('ruim 270'); label_nl/label_en are the words of the text."""

    mark: str = ""  # how charts and tables mark it


def _vocabulary(*terms: Term) -> dict:
    return {t.id: t for t in terms}


# ---------------------------------------------------------------- columns

COLUMNS: dict[str, Term] = _vocabulary(
    Term(
        "sector",
        "Sector",
        "Sector",
        "Sector id (see sectors in the codebook); national aggregates are overheid_totaal, markt, banenafspraak_totaal.",
    ),
    Term("sector_name_nl", "Sectornaam", "Sector name (Dutch)", "Sector name as published (Dutch)."),
    Term("sector_name_en", "Sectornaam (Engels)", "Sector name", "Sector name in English."),
    Term("group", "Groep", "Group", "overheid, onderwijs or nationaal."),
    Term(
        "unit",
        "Eenheid",
        "Unit",
        "sector_jobs: jobs counted against the sector's own quotum; national_extra_jobs: extra jobs since the "
        "end-2012 baseline.",
    ),
    Term(
        "year",
        "Jaar",
        "Year",
        "Year the figure is about (end of year unless the note says otherwise); empty for standing figures such "
        "as a final goal.",
    ),
    Term(
        "period",
        "Periode",
        "Period",
        "year for the annual measurement; Q1-Q4 for a quarterly reading, which is not a point of the annual "
        "series (see the period rows).",
    ),
    Term("measure", "Maat", "Measure", "What the value measures (see the measure rows of the codebook)."),
    Term("value", "Waarde", "Value", "The value, written with the decimals as published (61.3 stays 61.3)."),
    Term(
        "qualifier",
        "Kwalificatie",
        "Qualifier",
        "As published: empty, 'at least' (ruim), 'nearly' (bijna), 'about' (ongeveer) or 'estimate' (indicatie).",
    ),
    Term(
        "scope",
        "Deel van de sector",
        "Part of the sector",
        "Empty when the figure covers the whole sector; otherwise the part it covers, as published (e.g. primair "
        "onderwijs). A part-sector figure is not a point of the sector's series.",
    ),
    Term(
        "basis",
        "Basis",
        "Basis",
        "What the figure is counted against (see the basis rows); figures on different bases are never combined.",
    ),
    Term(
        "era",
        "Tijdvak",
        "Era",
        "Number of series breaks (see breaks in the codebook) at or before this year for this sector; figures of "
        "different eras are not comparable.",
    ),
    Term(
        "status",
        "Status",
        "Status",
        "reported (as published by the source) or derived (computed by this project from reported values).",
    ),
    Term("derivation", "Berekening", "Derivation", "For derived values: how they were computed."),
    Term(
        "source_id",
        "Bron",
        "Source",
        "Source of the figure (see sources.csv); for derived values the sources of their inputs joined by '+'.",
    ),
    Term(
        "locator",
        "Vindplaats",
        "Locator",
        "Where in the public document the figure stands (page, section, paragraph, table row).",
    ),
    Term(
        "evidence",
        "Citaat",
        "Quote",
        "The sentence or table cell of the source that contains the figure, verbatim.",
    ),
    Term(
        "note",
        "Opmerking",
        "Note",
        "How the figure was read, including how its year was decided when the source does not state it.",
    ),
    Term("precision", "Decimalen", "Decimals", "Number of decimals as published (tidy data only)."),
    Term("raw_file", "Bestand", "Raw file", "Raw file the reported figure comes from (relative to data/raw)."),
    Term("raw_line", "Regel", "Raw line", "Line of that raw file."),
    # the consistency report (consistency.csv)
    Term("check", "Controle", "Check", "Which comparison: percentage_vs_counts, same_figure_two_sources, ..."),
    Term("value_a", "Waarde A", "Value A", "The published figure compared."),
    Term("source_a", "Bron A", "Source A", "Its source."),
    Term("value_b", "Waarde B", "Value B", "What it is compared with (another source's figure, or a computation)."),
    Term("source_b", "Bron B", "Source B", "The source(s) of value B."),
    Term("difference", "Verschil", "Difference", "value_a − value_b."),
    Term("tolerance", "Marge", "Tolerance", "The difference published rounding allows."),
    Term("outcome", "Uitkomst", "Outcome", "consistent, rounding (within the tolerance) or differs."),
    Term("explanation", "Toelichting", "Explanation", "What was compared with what."),
)

# The columns of each table, in order; every name is defined in COLUMNS.
FIGURE_COLUMNS = [
    "sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "source_id", "locator",
    "evidence", "note",
]  # fmt: skip
# One published figure: the same value may come from several sources, but one source gives it once.
FIGURE_KEY = ["sector", "year", "period", "measure", "scope", "basis", "source_id"]
TIDY_COLUMNS = [
    "sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "era", "status", "source_id",
    "locator", "evidence", "note", "derivation", "precision", "raw_file", "raw_line",
]  # fmt: skip
OUTPUT_COLUMNS = [
    "sector", "sector_name_nl", "sector_name_en", "group", "unit", "year", "period", "measure", "value",
    "qualifier", "scope", "basis", "era", "status", "derivation", "source_id", "locator", "evidence", "note",
    "raw_file", "raw_line",
]  # fmt: skip
FINDING_COLUMNS = [
    "check", "sector", "year", "measure", "value_a", "source_a", "value_b", "source_b", "difference", "tolerance",
    "outcome", "explanation",
]  # fmt: skip
# The registries' columns (described in the README's data section, checked by schema.py).
SECTOR_COLUMNS = ["sector", "name_nl", "name_en", "short_nl", "short_en", "group", "unit"]
SOURCE_COLUMNS = ["source_id", "title", "publisher", "date", "accessed", "reference", "url", "primacy", "kind", "note"]
BREAK_COLUMNS = ["break_id", "year", "date", "sectors", "source_id", "locator", "what_nl", "what_en", "note"]

# ---------------------------------------------------------------- measures

MEASURES: dict[str, Measure] = _vocabulary(
    Measure(
        "realised_jobs",
        "Gerealiseerde banen",
        "Jobs realised",
        "Jobs realised at the end of the year (one job = 25.5 paid hours a week).",
    ),
    Measure(
        "target_jobs",
        "Doelstelling (banen)",
        "Target (jobs)",
        "Jobs the sector or country should have realised by the end of the year.",
        decimals=1,  # when implied by a published percentage
    ),
    Measure(
        "realisation_pct",
        "Realisatie (%)",
        "Realisation (%)",
        "Realised jobs as a percentage of the target, as published.",
        kind="percent",
        decimals=1,
    ),
    Measure(
        "realised_own",
        "Waarvan in eigen dienst of gedetacheerd",
        "Of which own staff or seconded",
        "Part of realised_jobs in own employment or secondment.",
    ),
    Measure(
        "realised_sroi",
        "Waarvan via inkoop (SROI)",
        "Of which via procurement (SROI)",
        "Part of realised_jobs through procurement (social return on investment).",
    ),
    Measure(
        "goal_jobs",
        "Einddoel (banen)",
        "Final goal (jobs)",
        "Final goal of the agreement; year is the deadline where the source gives one.",
        year_required=False,
    ),
    Measure(
        "quota_pct",
        "Quotumpercentage",
        "Quota percentage",
        "Share of paid hours the quota asks for; year where the source gives one.",
        kind="percent",
        year_required=False,
        has_basis=False,
    ),
    Measure("employers", "Werkgevers", "Employers", "Number of employers the figure concerns.", has_basis=False),
    Measure(
        "yoy_change",
        "Groei t.o.v. vorig jaar",
        "Change on previous year",
        "Derived: realised_jobs minus realised_jobs of the year before.",
        kind="change",
        reported=False,
    ),
    Measure(
        "gap_to_target",
        "Tekort t.o.v. doelstelling",
        "Shortfall against target",
        "Derived: target_jobs minus realised_jobs of the same year (negative = ahead).",
        kind="change",
        reported=False,
    ),
)

REPORTED_MEASURES = sorted(m.id for m in MEASURES.values() if m.reported)
UNDATED_MEASURES = sorted(m.id for m in MEASURES.values() if not m.year_required)
COUNT_MEASURES = sorted(m.id for m in MEASURES.values() if m.kind == "count")
PERCENT_MEASURES = sorted(m.id for m in MEASURES.values() if m.kind == "percent")
BASIS_MEASURES = sorted(m.id for m in MEASURES.values() if m.has_basis)

# ---------------------------------------------------------------- vocabularies of the figures

# When in the year a figure was measured. Only the annual (year-end) measurement forms a series;
# a quarterly reading is an interim figure, shown beside the series, never in it.
ANNUAL = "year"
PERIODS: dict[str, Term] = _vocabulary(
    Term(ANNUAL, "jaar", "year", "The annual measurement (the situation at the end of the year)."),
    *[
        Term(
            f"Q{q}",
            f"{q}e kwartaal",
            f"Q{q}",
            f"Quarterly reading for the {ordinal} quarter: an indicative interim figure, not the annual measurement.",
        )
        for q, ordinal in ((1, "first"), (2, "second"), (3, "third"), (4, "fourth"))
    ],
)

# What a figure is counted against. Figures on different bases never share a series, a derived
# value or a trend; a verdict names the basis it rests on.
BASES: dict[str, Term] = _vocabulary(
    Term(
        "sector_count",
        "eigen telling van de sector",
        "sector's own count",
        "Counted by the sector (its letter, monitor or employers' fund) against the sector's own target.",
    ),
    Term(
        "statutory_measurement",
        "wettelijke meting",
        "statutory measurement",
        "The annual measurement under the Wet banenafspraak as reported in the minister's progress letters; "
        "its percentages can rest on other targets than a sector's own count.",
    ),
    Term(
        "end_goal_share",
        "aandeel van het einddoel",
        "share of the end goal",
        "A percentage of the end goal of the agreement, not of that year's target.",
    ),
    Term(
        "national_extra_jobs",
        "landelijke meting (extra banen sinds de nulmeting)",
        "national measurement (extra jobs since the baseline)",
        "The national measurement (UWV): extra jobs since the baseline at the end of 2012, against the "
        "agreement's schedule.",
    ),
)

# Words as published ('ruim', 'bijna', 'ongeveer'), as the text says them, and how charts mark them.
QUALIFIERS: dict[str, Qualifier] = _vocabulary(
    Qualifier("", "", "", "No qualifier: the figure as it stands."),
    Qualifier("at least", "ruim", "at least", "Published as 'ruim': at least this figure.", mark="≥"),
    Qualifier("nearly", "bijna", "nearly", "Published as 'bijna': just under this figure.", mark="≈"),
    Qualifier("about", "ongeveer", "about", "Published as 'ongeveer' or 'circa'.", mark="≈"),
    Qualifier("estimate", "naar schatting", "an estimated", "Published as an estimate ('indicatie').", mark="≈"),
)

STATUSES: dict[str, Term] = _vocabulary(
    Term("reported", "gepubliceerd", "published", "As published by the source."),
    Term("derived", "afgeleid", "derived", "Computed by this project from reported values (see derivation)."),
)

# ---------------------------------------------------------------- vocabularies of the registries

GROUPS: dict[str, Term] = _vocabulary(
    Term("overheid", "overheid", "government"),
    Term("onderwijs", "onderwijs", "education"),
    Term("nationaal", "nationaal", "national"),
)
UNITS: dict[str, Term] = _vocabulary(
    Term("sector_jobs", "banen in de sector", "sector jobs", "Jobs counted against the sector's own quotum."),
    Term(
        "national_extra_jobs",
        "extra banen landelijk",
        "national extra jobs",
        "Extra jobs since the end-2012 baseline, nationally.",
    ),
)
PRIMACY: dict[str, Term] = _vocabulary(
    Term("primary", "primaire bron", "primary source", "The publisher's own document (letter, report, law)."),
    Term("secondary", "secundaire bron", "secondary source", "A report on it (news, a column, a sector body)."),
)
SOURCE_KINDS: dict[str, Term] = _vocabulary(
    Term("parliamentary_letter", "Kamerbrief", "letter to parliament"),
    Term("legislation", "wetgeving", "legislation"),
    Term("government", "overheid", "government"),
    Term("sector_monitor", "sectormonitor", "sector monitor"),
    Term("sector_organisation", "sectororganisatie", "sector organisation"),
    Term("programme", "programma", "programme"),
    Term("news", "nieuws", "news"),
    Term("other", "overig", "other"),
)

YEAR_MIN, YEAR_MAX = 2012, 2035  # baseline year of the agreement .. well past its last deadline
MAX_COUNT = 1_000_000  # far above every national total; larger is a typing error
MAX_PERCENT = 1000


def headings(lang: str) -> dict[str, str]:
    """Every column's heading in `lang`, by column id."""
    return {c.id: c.label(lang) for c in COLUMNS.values()}
