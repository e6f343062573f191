"""Schemas of the raw files (pandera DataFrameModels) and the translation of their
failures into Issues that name file, line, column, value and rule.

Figures are validated in two phases: first the types (so that 'abc' in a
number column is reported once, as itself), then the rules on the rows whose
types are right. Any issue in either phase fails the whole validation.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd
import pandera.errors
import pandera.pandas as pa
from pandera.typing import Category, Series

from analysis.data import categorical
from analysis.dictionary import (
    BASES,
    BASIS_MEASURES,
    COUNT_MEASURES,
    FIGURE_KEY,
    GROUPS,
    MAX_COUNT,
    MAX_PERCENT,
    PERCENT_MEASURES,
    PERIODS,
    PRIMACY,
    QUALIFIERS,
    REPORTED_MEASURES,
    SCOPES,
    SECTOR_ID,
    SOURCE_KINDS,
    UNDATED_MEASURES,
    UNITS,
    WINDOWS_DEVICES,
    YEAR_MAX,
    YEAR_MIN,
)
from analysis.errors import Issue

SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
DATE_PATTERN = r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"
FULL_DATE_PATTERN = r"^([0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$"
# A locator is a place in the public document. One that names a file or folder of ours
# ('public_figures.csv line 6', 'shared/...') points where no reader can follow.
# Written without \\s and \\b, so that pyarrow (RE2) runs it instead of Python's re row by row.
LOCAL_FILE = r"(?i)\.(?:csv|tsv|txt|json|xlsx?|md|ipynb|py)(?:$|[^a-z0-9_])|(?:^|[ /(])(?:shared|data|notebooks|src)/"


def _real_days(dates: pd.Series) -> pd.Series:
    """Full dates (YYYY-MM-DD) must exist: 2017-02-31 does not. Shorter or malformed ones are left to the pattern."""
    full = dates.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
    parsed = pd.to_datetime(dates.where(full), format="%Y-%m-%d", errors="coerce")
    return ~full | parsed.notna()


def _after_today(dates: pd.Series) -> pd.Series:
    """Dates (YYYY, YYYY-MM or YYYY-MM-DD) that lie after today, compared at the precision they are written in."""
    today = dt.date.today().isoformat()
    return pd.Series([bool(d) and d > today[: len(d)] for d in dates], index=dates.index, dtype=bool)


class SectorRegistry(pa.DataFrameModel):
    sector: Series[str] = pa.Field(str_matches=SECTOR_ID.pattern, unique=True)  # the report run's rule too (run.jobs)
    name_nl: Series[str] = pa.Field(str_length={"min_value": 1})
    name_en: Series[str] = pa.Field(str_length={"min_value": 1})
    short_nl: Series[str] = pa.Field(str_length={"min_value": 1})
    short_en: Series[str] = pa.Field(str_length={"min_value": 1})
    group: Series[str] = pa.Field(isin=list(GROUPS))
    unit: Series[str] = pa.Field(isin=list(UNITS))


class SourceRegistry(pa.DataFrameModel):
    source_id: Series[str] = pa.Field(str_matches=SOURCE_ID_PATTERN, unique=True)
    title: Series[str] = pa.Field(str_length={"min_value": 1})
    publisher: Series[str] = pa.Field(str_length={"min_value": 1})
    date: Series[str] = pa.Field(str_matches=DATE_PATTERN)
    accessed: Series[str] = pa.Field(str_matches=FULL_DATE_PATTERN)  # when this project consulted it
    reference: Series[str]
    url: Series[str] = pa.Field(str_matches=r"^(https?://\S+)?$")
    primacy: Series[str] = pa.Field(isin=list(PRIMACY))
    kind: Series[str] = pa.Field(isin=list(SOURCE_KINDS))
    note: Series[str]

    @pa.dataframe_check(name="date_exists")
    def date_exists(cls, df: pd.DataFrame) -> pd.Series:
        return _real_days(df["date"])

    @pa.dataframe_check(name="accessed_exists")
    def accessed_exists(cls, df: pd.DataFrame) -> pd.Series:
        return _real_days(df["accessed"])

    @pa.dataframe_check(name="date_not_future")
    def date_not_future(cls, df: pd.DataFrame) -> pd.Series:
        return ~_after_today(df["date"])

    @pa.dataframe_check(name="accessed_not_future")
    def accessed_not_future(cls, df: pd.DataFrame) -> pd.Series:
        return ~_after_today(df["accessed"])

    @pa.dataframe_check(name="url_or_reference")
    def url_or_reference(cls, df: pd.DataFrame) -> pd.Series:
        return (df["url"] != "") | (df["reference"] != "")


class BreakRegistry(pa.DataFrameModel):
    """Series breaks: from `year` on, figures are not comparable with those before (e.g. a wider target group)."""

    break_id: Series[str] = pa.Field(str_matches=SOURCE_ID_PATTERN, unique=True)
    year: Series[str] = pa.Field(str_matches=r"^[0-9]{4}$")
    date: Series[str] = pa.Field(str_matches=DATE_PATTERN)
    sectors: Series[str] = pa.Field(str_matches=r"^(all|[a-z0-9_.-]+( [a-z0-9_.-]+)*)$")
    source_id: Series[str] = pa.Field(str_length={"min_value": 1})
    locator: Series[str] = pa.Field(str_length={"min_value": 1})
    what_nl: Series[str] = pa.Field(str_length={"min_value": 1})
    what_en: Series[str] = pa.Field(str_length={"min_value": 1})
    note: Series[str]


Text = Category  # the figure files' texts are categoricals (analysis.categorical)
YEAR_TEXT = r"^([0-9]{1,4})?$"  # empty only where the measure allows (checked in phase 2)
VALUE_TEXT = r"^-?[0-9]+(\.[0-9]+)?$"  # plain decimal as published: no thousands separators, no 1e3, no 1_000


class FigureText(pa.DataFrameModel):
    """Phase 1: year and value are written as plain numbers, so that typing them cannot fail."""

    year: Series[Text] = pa.Field(str_matches=YEAR_TEXT)
    measure: Series[Text]
    value: Series[Text] = pa.Field(str_matches=VALUE_TEXT)

    @pa.dataframe_check(name="exactly_storable")
    def exactly_storable(cls, df: pd.DataFrame) -> pd.Series:
        # a float holds 15 significant digits exactly; beyond that the stored value is not the published one
        return _per_text(df["value"], lambda v: v.str.replace(".", "", regex=False).str.lstrip("0").str.len() <= 15)

    @pa.dataframe_check(name="no_thousands_dot")
    def no_thousands_dot(cls, df: pd.DataFrame) -> pd.Series:
        # '5.500' is Dutch for 5,500; no published count has three decimals
        dotted = _per_text(df["value"], lambda v: v.str.fullmatch(r"[0-9]{1,3}\.[0-9]{3}"))
        return ~(df["measure"].isin(COUNT_MEASURES) & dotted)


def typed_figures(text: pd.DataFrame) -> pd.DataFrame:
    """Figures with year and value typed; only for text that passed FigureText. Each distinct text is
    converted once (the columns are categoricals: analysis.categorical)."""

    def years(texts: pd.Series) -> pd.Series:
        empty = texts == ""
        return texts.where(~empty, "0").astype("int64").astype("Int64").mask(empty)

    return text.assign(
        year=_per_text(text["year"], years), value=_per_text(text["value"], lambda v: v.astype("float64"))
    )


def _per_text(column: pd.Series, convert) -> pd.Series:
    """convert(texts) for each distinct text of a categorical column once, given to every row that holds it."""
    column = categorical.encode(column)
    converted = convert(pd.Series(column.cat.categories, dtype="str"))
    codes = column.cat.codes.to_numpy()
    return pd.Series(converted.array.take(codes, allow_fill=bool((codes < 0).any())), index=column.index)


def figures_model(sector_ids: Iterable[str], source_ids: Iterable[str]) -> type[pa.DataFrameModel]:
    """Phase 2: the rules, with the sectors and sources of the registries as allowed values."""
    return _figures_model(tuple(sorted(sector_ids)), tuple(sorted(source_ids)))


# One model per registry: pandera builds a model's schema on its first validation and keeps it on the class, so a
# new class at every load would build it again each time (a notebook or a test loads the same registries often).
@functools.lru_cache(maxsize=16)
def _figures_model(sectors: tuple[str, ...], sources: tuple[str, ...]) -> type[pa.DataFrameModel]:
    class RawFigures(pa.DataFrameModel):
        sector: Series[Text] = pa.Field(isin=list(sectors))
        year: Series[pd.Int64Dtype] = pa.Field(in_range={"min_value": YEAR_MIN, "max_value": YEAR_MAX}, nullable=True)
        period: Series[Text] = pa.Field(isin=list(PERIODS))
        measure: Series[Text] = pa.Field(isin=REPORTED_MEASURES)
        value: Series[float]
        qualifier: Series[Text] = pa.Field(isin=list(QUALIFIERS))
        scope: Series[Text] = pa.Field(isin=["", *SCOPES])
        basis: Series[Text] = pa.Field(isin=["", *BASES])
        source_id: Series[Text] = pa.Field(isin=list(sources))
        locator: Series[Text] = pa.Field(str_length={"min_value": 1})
        evidence: Series[Text] = pa.Field(str_length={"min_value": 1})
        note: Series[Text]

        class Config:
            unique = FIGURE_KEY

        @pa.dataframe_check(name="not_negative")
        def not_negative(cls, df: pd.DataFrame) -> pd.Series:
            return ~np.signbit(df["value"])  # -0 too: no source publishes a minus sign before a count

        @pa.dataframe_check(name="percent_in_range")
        def percent_in_range(cls, df: pd.DataFrame) -> pd.Series:
            return ~df["measure"].isin(PERCENT_MEASURES) | (df["value"] <= MAX_PERCENT)

        @pa.dataframe_check(name="count_in_range")
        def count_in_range(cls, df: pd.DataFrame) -> pd.Series:
            return ~df["measure"].isin(COUNT_MEASURES) | (df["value"] <= MAX_COUNT)

        @pa.dataframe_check(name="year_required")
        def year_required(cls, df: pd.DataFrame) -> pd.Series:
            return df["measure"].isin(UNDATED_MEASURES) | df["year"].notna()

        @pa.dataframe_check(name="basis_required")
        def basis_required(cls, df: pd.DataFrame) -> pd.Series:
            known = df["measure"].isin(REPORTED_MEASURES)  # an unknown measure is reported as such, once
            return ~known | (df["measure"].isin(BASIS_MEASURES) == (df["basis"] != ""))

        @pa.dataframe_check(name="locator_in_document")
        def locator_in_document(cls, df: pd.DataFrame) -> pd.Series:
            # each distinct locator once: a large file repeats a few hundred locators many times over
            codes, distinct = pd.factorize(df["locator"].fillna(""))
            names_a_file = pd.Series(distinct).str.contains(LOCAL_FILE, regex=True).to_numpy(dtype=bool)
            return pd.Series(~names_a_file[codes], index=df.index)

        @pa.dataframe_check(name="quarter_needs_year")
        def quarter_needs_year(cls, df: pd.DataFrame) -> pd.Series:
            return (df["period"] == "year") | df["year"].notna()

    return RawFigures


# What each failed check means, in words for the person who typed the row.
_FRAME_CHECKS = {
    "percent_in_range": ("value", f"a percentage must be at most {MAX_PERCENT}"),
    "count_in_range": ("value", f"a count above {MAX_COUNT:,} is not plausible; check for a typing error"),
    "year_required": ("year", "a year is required for this measure"),
    "no_thousands_dot": (
        "value",
        (
            "a count with three decimals looks like a Dutch thousands separator "
            "(5.500 is 5500): write the number without it"
        ),
    ),
    "url_or_reference": ("url", "a source needs a url or a reference (e.g. a Kamerstuk number)"),
    "not_negative": ("value", "the value must not be negative"),
    "exactly_storable": (
        "value",
        (
            "more than 15 significant digits: no source publishes that, and it cannot be "
            "stored exactly; write the value as published"
        ),
    ),
    "date_exists": ("date", "no such day in the calendar"),
    "accessed_exists": ("accessed", "no such day in the calendar"),
    "date_not_future": ("date", "the publication date lies in the future: check the year"),
    "accessed_not_future": ("accessed", "the date consulted lies in the future: write the day you read the source"),
    "basis_required": (
        "basis",
        "basis is required for this measure (" + ", ".join(BASES) + "), and must be empty "
        "for " + ", ".join(sorted(set(REPORTED_MEASURES) - set(BASIS_MEASURES))),
    ),
    "locator_in_document": (
        "locator",
        (
            "the locator must say where in the public document the figure stands "
            "(page, section, paragraph, table row), not name a file of ours"
        ),
    ),
    "quarter_needs_year": ("year", "a quarterly figure needs the year of its quarter"),
}
# The messages that a date lies after today (registry._clock_behind gathers them when there are many).
FUTURE_DATE_RULES = {_FRAME_CHECKS[check][1] for check in ("date_not_future", "accessed_not_future")}

_COLUMN_RULES = {
    "sector": "unknown sector; it must be listed in sectors.csv",
    "measure": f"unknown measure; use one of: {', '.join(REPORTED_MEASURES)}",
    "qualifier": "unknown qualifier; leave empty or use one of: " + ", ".join(q for q in QUALIFIERS if q),
    "source_id": "unknown source id; register the source in sources.csv first",
    "basis": f"unknown basis; use one of: {', '.join(BASES)}",
    "scope": (
        "unknown part of the sector; leave empty for the whole sector or use one of: "
        + ", ".join(SCOPES)
        + " (a new part is added to [scopes] in dictionary.toml, with its Dutch and English labels)"
    ),
    "group": f"unknown group; use one of: {', '.join(GROUPS)}",
    "unit": f"unknown unit; use one of: {', '.join(UNITS)}",
    "primacy": "use 'primary' or 'secondary'",
    "kind": f"unknown kind; use one of: {', '.join(SOURCE_KINDS)}",
    "date": "a date must be written YYYY, YYYY-MM or YYYY-MM-DD (or left empty)",
    "accessed": "the date the source was consulted must be written YYYY-MM-DD",
    "url": "a url must start with http:// or https://",
}


def _period_rule(value: str | None) -> str:
    if not value:
        return "period is required: 'year' for the annual measurement, or Q1, Q2, Q3, Q4 for a quarterly reading"
    if value.upper().startswith("Q") or "kwart" in value.lower() or "quarter" in value.lower():
        return "a quarterly figure needs its quarter: Q1, Q2, Q3 or Q4"
    return "unknown period; use 'year' for the annual measurement, or Q1, Q2, Q3, Q4 for a quarterly reading"


def _rule(column: str, check: str, value: str | None) -> str:
    """What a value that fails pandera's `check` in `column` breaks, in the words of the data's rules."""
    if column == "period" and check.startswith("isin"):
        return _period_rule(value)
    if check.startswith("str_matches") and (broken := _pattern_rule(column, value)):
        return broken
    return _check_rule(column, check)


def _pattern_rule(column: str, value: str | None) -> str:
    """What a value that does not match its column's pattern breaks; '' where the column has no words for it."""
    if column == "year":
        return "the year must be a whole number such as 2021, written with the digits 0-9"
    if column == "sector" and value and re.fullmatch(WINDOWS_DEVICES, value):
        return f"'{value}' is a name Windows reserves for a device, so its report folder could not be checked out there"
    if column in ("sector", "source_id", "break_id"):
        return (
            f"a {column.replace('_', ' ')} must be lower-case letters, digits and _ (a sector id starts with a "
            "letter; a source id may also hold . and -), at most 64 characters"
        )
    if column == "value":
        return _value_rule(value)
    return ""


def _value_rule(value: str | None) -> str:
    if not value:
        return "value is required"
    if any(c.isdigit() and not c.isascii() for c in value):
        return "write the number with the digits 0-9"
    hint = (
        "; use a decimal point, not a comma"
        if "," in value
        else "; write it in full, without thousands separators or exponents"
        if any(c in value for c in "eE_ ")
        else ""
    )
    return f"the value must be a number such as 297 or 61.3{hint}"


def _check_rule(column: str, check: str) -> str:
    if check == "not_nullable":
        return f"{column} is required"
    if check.startswith("greater_than_or_equal_to"):
        return "the value must not be negative"
    if check.startswith("in_range") and column == "year":
        return f"the year must be between {YEAR_MIN} and {YEAR_MAX}"
    if check.startswith("str_length") and column == "evidence":
        return "evidence is required: the sentence or table cell of the source that contains the figure, verbatim"
    if check.startswith("str_length"):
        return f"{column} must not be empty"
    if check == "field_uniqueness":
        return f"this {column} is listed twice"
    if check.startswith(("isin", "str_matches")) and column in _COLUMN_RULES:
        return _COLUMN_RULES[column]
    return f"breaks the rule {check}"


def _duplicate_issues(cases: pd.DataFrame, origin: pd.DataFrame, text: pd.DataFrame) -> list[Issue]:
    positions = sorted({int(i) for i in cases["index"]})
    rows = text.iloc[positions]
    issues = []
    for _, group in rows.groupby(FIGURE_KEY, dropna=False, sort=False):
        places = [origin.iloc[p] for p in group.index]
        first = places[0]
        for place in places[1:]:
            where = f"{first['file']}:{first['line']}"  # with its file, also in the same file: accept moves lines
            key = ", ".join(f"{c}={text.at[place.name, c]}" for c in FIGURE_KEY)
            issues.append(
                Issue(
                    place["file"],
                    int(place["line"]),
                    "source_id",
                    None,
                    f"duplicate row: the same {key} is already on {where}",
                )
            )
    return issues


def issues_from(err: pandera.errors.SchemaErrors, origin: pd.DataFrame, text: pd.DataFrame) -> list[Issue]:
    """Turn pandera's failure cases into Issues.

    `origin` holds `file` and `line` per row position, `text` the values as written.
    """
    cases = err.failure_cases
    issues: list[Issue] = []
    dupes = cases[cases["check"] == "multiple_fields_uniqueness"]
    if not dupes.empty:
        issues += _duplicate_issues(dupes, origin, text)
    for case in cases[cases["check"] != "multiple_fields_uniqueness"].itertuples():
        if case.index is None or pd.isna(case.index):
            # A check that could not run at all: report it against the whole file set.
            issues.append(
                Issue(
                    str(origin["file"].iloc[0]) if len(origin) else "?",
                    1,
                    str(case.column),
                    None,
                    f"check {case.check} could not run: {case.failure_case}",
                )
            )
            continue
        pos = int(case.index)
        check = str(case.check)
        column, rule = _FRAME_CHECKS.get(check, (str(case.column), None))
        value = text.iat[pos, text.columns.get_loc(column)] if column in text.columns else None
        issues.append(
            Issue(
                str(origin["file"].iat[pos]),
                int(origin["line"].iat[pos]),
                column,
                value,
                rule or _rule(column, check, value),
            )
        )
    return list(dict.fromkeys(issues))  # pandera lists a failed row check once per column of the frame


def validate_frame(
    model: type[pa.DataFrameModel], frame: pd.DataFrame, origin: pd.DataFrame, text: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, list[Issue]]:
    """Validate `frame` (positions aligned with `origin`); return the validated frame and issues."""
    frame = frame.reset_index(drop=True)  # pandera 0.35 misreports failures on a non-default index
    text = frame if text is None else text.reset_index(drop=True)
    try:
        return model.validate(frame, lazy=True), []
    except pandera.errors.SchemaErrors as err:
        return frame, issues_from(err, origin.reset_index(drop=True), text)


def decimals(values: pd.Series) -> pd.Series:
    """Number of decimals as written ('61.3' -> 1, '297' -> 0), so values can be shown as published.

    Only for text that passed VALUE_TEXT (plain decimals)."""

    def places(text: pd.Series) -> pd.Series:
        point = text.str.find(".")
        return (text.str.len() - point - 1).where(point >= 0, 0).astype("int64")

    return _per_text(values, places)
