"""The data dictionary: every column, measure, period, basis, qualifier and closed list of values, defined
once, with its id, labels in Dutch and English, a description and, for measures, how derived values are
rounded. The terms themselves are data, in dictionary.toml beside this module; here they become objects,
with the lists and rules derived from them.

Built from it: the schema of the raw files (schema.py takes its allowed values from here), the codebook
and the data package's field descriptions (processed.py), the table headings (i18n.COLUMNS) and the words
of the text for qualified figures (narrative.py). It imports neither pandas nor pandera, so reading it
costs nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from importlib import resources

# A sector id: what validate accepts is exactly what the report run accepts as a parameter (run.jobs.check_parameters).
# A sector id names a folder (reports/sectors/<id>), so it is never a device name Windows reserves: a colleague
# on Windows could not check such a folder out.
WINDOWS_DEVICES = r"con|prn|aux|nul|com[1-9]|lpt[1-9]"
SECTOR_ID = re.compile(rf"^(?!(?:{WINDOWS_DEVICES})$)[a-z][a-z0-9_]{{0,63}}$")


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
class Column(Term):
    type: str = "string"  # its Table Schema type in the data package: string, integer or number


@dataclass(frozen=True)
class Measure(Term):
    kind: str = "count"  # "count" (jobs, employers), "percent", or "change" (a derived difference)
    reported: bool = True  # may appear in raw data
    year_required: bool = True  # False for standing figures such as a final goal
    has_basis: bool = True  # False where no counting basis applies (a number of employers, a quota percentage)
    decimals: int | None = None  # decimals of a derived value; None: those of its inputs
    observed: bool = False  # what happened (realised, a percentage reached): never about a year after its source


@dataclass(frozen=True)
class Qualifier(Term):
    """A word the source puts before a figure ('ruim 270'); label_nl/label_en are the words of the text."""

    mark: str = ""  # how charts and tables mark it
    reads_as: str = "exact"  # what the figure says of the true value: exact, above, below or around it


_TERMS = tomllib.loads(resources.files("analysis").joinpath("dictionary.toml").read_text(encoding="utf-8"))


def _vocabulary(section: str, kind: type[Term]) -> dict:
    """One section of dictionary.toml, by id, in the order written there."""
    known = {f.name for f in fields(kind)} - {"id"}
    for id, given in _TERMS[section].items():
        wrong = sorted(set(given) - known) or sorted({"label_nl", "label_en"} - set(given))
        if wrong:
            raise ValueError(
                f"dictionary.toml [{section}.{id}]: {', '.join(wrong)}: a {kind.__name__} has {', '.join(sorted(known))}"
            )
    return {id: kind(id, **given) for id, given in _TERMS[section].items()}


# ---------------------------------------------------------------- columns

COLUMNS: dict[str, Column] = _vocabulary("columns", Column)

# The columns of each table, in order; every name is defined in COLUMNS.
FIGURE_COLUMNS = [
    "sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "source_id", "locator",
    "evidence", "note",
]  # fmt: skip
# One published figure: the same value may come from several sources, but one source gives it once.
FIGURE_KEY = ["sector", "year", "period", "measure", "scope", "basis", "source_id"]
TIDY_COLUMNS = [
    "sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "era", "status", "source_id",
    "locator", "evidence", "note", "derivation", "precision", "source_rank", "raw_file", "raw_line",
]  # fmt: skip
OUTPUT_COLUMNS = [
    "sector", "sector_name_nl", "sector_name_en", "group", "unit", "year", "period", "measure", "value",
    "qualifier", "scope", "basis", "era", "status", "derivation", "source_id", "locator", "evidence", "note",
    "raw_file", "raw_line",
]  # fmt: skip
FINDING_COLUMNS = [
    "check", "sector", "year", "period", "scope", "measure", "value_a", "source_a", "value_b", "source_b", "difference", "tolerance",
    "outcome", "explanation",
]  # fmt: skip
# The registries' columns (described in the README's data section, checked by schema.py).
SECTOR_COLUMNS = ["sector", "name_nl", "name_en", "short_nl", "short_en", "group", "unit"]
SOURCE_COLUMNS = ["source_id", "title", "publisher", "date", "accessed", "reference", "url", "primacy", "kind", "note"]
# The processed files besides the dataset: sources.csv (the registry with its figures), codebook.csv.
SOURCES_OUTPUT_COLUMNS = [*SOURCE_COLUMNS, "figures"]
CODEBOOK_COLUMNS = ["kind", "name", "description"]
BREAK_COLUMNS = ["break_id", "year", "date", "sectors", "source_id", "locator", "what_nl", "what_en", "note"]

# ---------------------------------------------------------------- measures

MEASURES: dict[str, Measure] = _vocabulary("measures", Measure)

REPORTED_MEASURES = sorted(m.id for m in MEASURES.values() if m.reported)
UNDATED_MEASURES = sorted(m.id for m in MEASURES.values() if not m.year_required)
COUNT_MEASURES = sorted(m.id for m in MEASURES.values() if m.kind == "count")
PERCENT_MEASURES = sorted(m.id for m in MEASURES.values() if m.kind == "percent")
BASIS_MEASURES = sorted(m.id for m in MEASURES.values() if m.has_basis)
OBSERVED_MEASURES = sorted(m.id for m in MEASURES.values() if m.observed)

# ---------------------------------------------------------------- vocabularies of the figures

# When in the year a figure was measured. Only the annual (year-end) measurement forms a series;
# a quarterly reading is an interim figure, shown beside the series, never in it.
ANNUAL = "year"
PERIODS: dict[str, Term] = _vocabulary("periods", Term)

# The part of a sector a figure covers, by its text in the scope column ('' is the whole sector, not listed).
SCOPES: dict[str, Term] = _vocabulary("scopes", Term)


def scope_label(scope: str, lang: str) -> str:
    """A part of a sector in `lang`; the whole sector ('') and a text not in the dictionary as they stand."""
    return SCOPES[scope].label(lang) if scope in SCOPES else scope


# What a figure is counted against. Figures on different bases never share a series, a derived
# value or a trend; a verdict names the basis it rests on.
BASES: dict[str, Term] = _vocabulary("bases", Term)
# Bases whose percentages are of something other than a year's target in jobs: shown, never judged.
SHARE_BASES = ("end_goal_share", "quota_norm")

# Words as published ('ruim', 'bijna', 'ongeveer'), as the text says them, and how charts mark them.
QUALIFIERS: dict[str, Qualifier] = _vocabulary("qualifiers", Qualifier)

STATUSES: dict[str, Term] = _vocabulary("statuses", Term)

# The consistency report's checks and outcomes.
CHECKS: dict[str, Term] = _vocabulary("checks", Term)
OUTCOMES: dict[str, Term] = _vocabulary("outcomes", Term)

# ---------------------------------------------------------------- vocabularies of the registries

GROUPS: dict[str, Term] = _vocabulary("groups", Term)
UNITS: dict[str, Term] = _vocabulary("units", Term)
PRIMACY: dict[str, Term] = _vocabulary("primacy", Term)
SOURCE_KINDS: dict[str, Term] = _vocabulary("source_kinds", Term)


YEAR_MIN, YEAR_MAX = 2012, 2035  # baseline year of the agreement .. well past its last deadline
MAX_COUNT = 1_000_000  # far above every national total; larger is a typing error
MAX_PERCENT = 1000


def headings(lang: str) -> dict[str, str]:
    """Every column's heading in `lang`, by column id."""
    return {c.id: c.label(lang) for c in COLUMNS.values()}
