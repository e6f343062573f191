"""The fixed vocabulary of the data: measures, qualifiers, statuses, with labels in both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sector id: what validate accepts is exactly what the report run accepts as a parameter (runner.check_parameters).
SECTOR_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


@dataclass(frozen=True)
class Measure:
    id: str
    kind: str  # "count" (jobs, employers) or "percent"
    label_nl: str
    label_en: str
    description: str
    reported: bool = True  # may appear in raw data
    year_required: bool = True  # False for standing figures such as a final goal
    has_basis: bool = True  # False where no counting basis applies (a number of employers, a quota percentage)

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en


MEASURES: dict[str, Measure] = {
    m.id: m
    for m in [
        Measure(
            "realised_jobs",
            "count",
            "Gerealiseerde banen",
            "Jobs realised",
            "Jobs realised at the end of the year (one job = 25.5 paid hours a week).",
        ),
        Measure(
            "target_jobs",
            "count",
            "Doelstelling (banen)",
            "Target (jobs)",
            "Jobs the sector or country should have realised by the end of the year.",
        ),
        Measure(
            "realisation_pct",
            "percent",
            "Realisatie (%)",
            "Realisation (%)",
            "Realised jobs as a percentage of the target, as published.",
        ),
        Measure(
            "realised_own",
            "count",
            "Waarvan in eigen dienst of gedetacheerd",
            "Of which own staff or seconded",
            "Part of realised_jobs in own employment or secondment.",
        ),
        Measure(
            "realised_sroi",
            "count",
            "Waarvan via inkoop (SROI)",
            "Of which via procurement (SROI)",
            "Part of realised_jobs through procurement (social return on investment).",
        ),
        Measure(
            "goal_jobs",
            "count",
            "Einddoel (banen)",
            "Final goal (jobs)",
            "Final goal of the agreement; year is the deadline where the source gives one.",
            year_required=False,
        ),
        Measure(
            "quota_pct",
            "percent",
            "Quotumpercentage",
            "Quota percentage",
            "Share of paid hours the quota asks for; year where the source gives one.",
            year_required=False,
            has_basis=False,
        ),
        Measure(
            "employers", "count", "Werkgevers", "Employers", "Number of employers the figure concerns.", has_basis=False
        ),
        Measure(
            "yoy_change",
            "change",
            "Groei t.o.v. vorig jaar",
            "Change on previous year",
            "Derived: realised_jobs minus realised_jobs of the year before.",
            reported=False,
        ),
        Measure(
            "gap_to_target",
            "change",
            "Tekort t.o.v. doelstelling",
            "Shortfall against target",
            "Derived: target_jobs minus realised_jobs of the same year (negative = ahead).",
            reported=False,
        ),
    ]
}

REPORTED_MEASURES = sorted(m.id for m in MEASURES.values() if m.reported)
UNDATED_MEASURES = sorted(m.id for m in MEASURES.values() if not m.year_required)
COUNT_MEASURES = sorted(m.id for m in MEASURES.values() if m.kind == "count")
PERCENT_MEASURES = sorted(m.id for m in MEASURES.values() if m.kind == "percent")

BASIS_MEASURES = sorted(m.id for m in MEASURES.values() if m.has_basis)


@dataclass(frozen=True)
class Term:
    """One value of a closed vocabulary (a period or a basis), with labels in both languages."""

    id: str
    label_nl: str
    label_en: str
    description: str

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en


# When in the year a figure was measured. Only the annual (year-end) measurement forms a series;
# a quarterly reading is an interim figure, shown beside the series, never in it.
ANNUAL = "year"
PERIODS: dict[str, Term] = {
    t.id: t
    for t in [
        Term(ANNUAL, "jaar", "year", "The annual measurement (the situation at the end of the year)."),
        *[
            Term(
                f"Q{q}",
                f"{q}e kwartaal",
                f"Q{q}",
                f"Quarterly reading for the {ordinal} quarter: an indicative "
                "interim figure, not the annual measurement.",
            )
            for q, ordinal in ((1, "first"), (2, "second"), (3, "third"), (4, "fourth"))
        ],
    ]
}

# What a figure is counted against. Figures on different bases never share a series, a derived
# value or a trend; a verdict names the basis it rests on.
BASES: dict[str, Term] = {
    t.id: t
    for t in [
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
    ]
}

# Words as published ('ruim', 'bijna', 'ongeveer') and how charts mark them.
QUALIFIERS = {"": "", "at least": "≥", "nearly": "≈", "about": "≈", "estimate": "≈"}
STATUSES = ("reported", "derived")

YEAR_MIN, YEAR_MAX = 2012, 2035  # baseline year of the agreement .. well past its last deadline
MAX_COUNT = 1_000_000  # far above every national total; larger is a typing error
MAX_PERCENT = 1000
