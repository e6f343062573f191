"""Figures computed from reported ones (status 'derived') and the consistency report.

Nothing here changes a reported figure: derived values are new rows, and the
consistency report lists findings without fixing anything.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data import categorical
from analysis.data.categorical import per_distinct
from analysis.dictionary import ANNUAL, CHECKS, FINDING_COLUMNS, MEASURES, QUALIFIERS, TIDY_COLUMNS

NATIONAL_PARTS = ("markt", "overheid_totaal")
NATIONAL_TOTAL = "banenafspraak_totaal"


# Two figures combine only when they are points of one series: same sector and basis, the
# annual measurement, the whole sector, and the same side of every series break (era).


def _is_series_point(frame: pd.DataFrame) -> pd.Series:
    return (frame["period"] == ANNUAL) & (frame["scope"] == "")


def series_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that can be points of a sector's annual whole-sector series (era: see tidy)."""
    return frame[_is_series_point(frame)]


def in_order_of_preference(rows: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """`rows` sorted by `key`, and within each key in the order in which its figures are preferred: published
    before derived, then the preferred source (tidy column source_rank: primary first, then the newer), then
    the finer precision, then the source id. The first row of a key is the figure a series shows for it."""
    rank = rows["source_rank"].fillna(0) if "source_rank" in rows else 0
    rows = rows.assign(_derived=rows["status"] != "reported", _rank=rank)
    rows = rows.sort_values(
        [*key, "_derived", "_rank", "precision", "source_id"],
        ascending=[*(True for _ in key), True, True, False, True],
        kind="stable",
    )
    return rows.drop(columns=["_rank"])


# What a derived value or a comparison is computed from. Only these columns are carried through the
# joins: the texts (locator, evidence, note) would be copied at every step for nothing.
_INPUTS = ["sector", "year", "measure", "value", "qualifier", "basis", "era", "source_id", "precision"]


def _reported_points(frame: pd.DataFrame) -> pd.DataFrame:
    """The reported series points (see series_rows), with only the columns computations use."""
    return frame.loc[(frame["status"] == "reported") & _is_series_point(frame), _INPUTS]


def _row_keys(parts: list[pd.DataFrame], columns: list[str]) -> list[np.ndarray]:
    """One integer per row of each part, equal exactly where the rows agree on `columns` (missing equals
    missing). Joins on one integer column instead of several text columns: seconds at a million rows."""
    lengths = [len(p) for p in parts]
    key = categorical.codes(*(categorical.stacked([p[column] for p in parts]) for column in columns))
    return np.split(key, np.cumsum(lengths)[:-1])


def _first_rows(keys: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct keys (sorted) and, for each, the first position in `order` whose row holds it."""
    distinct, first = np.unique(keys[order], return_index=True)
    return distinct, order[first]


def _look_up(table: tuple[np.ndarray, np.ndarray], keys: np.ndarray) -> np.ndarray:
    """The position _first_rows gives for each key, or -1 where no row holds it."""
    distinct, positions = table
    if not len(distinct):
        return np.full(len(keys), -1, dtype="int64")
    at = np.minimum(np.searchsorted(distinct, keys), len(distinct) - 1)
    return np.where(distinct[at] == keys, positions[at], -1)


def _partners(parts: list[pd.DataFrame], on: list[str]) -> pd.DataFrame:
    """Positions of the rows to combine: every row of every part once, each with one partner from each other part.

    The partner shares `on`; it is the partner from the same source where there is one, else the one whose
    source id sorts first. So n rows give at most n combinations, however many sources publish one figure:
    all pairs would grow with the square of the sources (with a thousand sources for one figure, a million
    pairs), yet every published figure still takes part in a comparison. Found by sorted look-ups on integer
    keys (numpy), which cost next to nothing for the few rows of the real data and little for a million."""
    figure, figure_source = _row_keys(parts, on), _row_keys(parts, [*on, "source_id"])
    source_rank, _ = pd.factorize(pd.concat([p["source_id"] for p in parts], ignore_index=True), sort=True)
    source_rank = np.split(source_rank, np.cumsum([len(p) for p in parts])[:-1])
    # per part: the first row of each figure-and-source, and the row of each figure whose source sorts first
    same = [_first_rows(keys, np.arange(len(keys))) for keys in figure_source]
    first = [_first_rows(keys, np.argsort(rank, kind="stable")) for keys, rank in zip(figure, source_rank)]
    found = []
    for j in range(len(parts)):
        rows = np.sort(same[j][1])  # each figure-and-source of part j once, in the order of its rows
        columns, alive = {}, np.ones(len(rows), dtype=bool)
        for i in range(len(parts)):
            if i == j:
                columns[i] = rows
                continue
            partner = _look_up(same[i], figure_source[j][rows])
            partner = np.where(partner >= 0, partner, _look_up(first[i], figure[j][rows]))
            alive &= partner >= 0
            columns[i] = partner
        found.append(np.column_stack([columns[i][alive] for i in range(len(parts))]))
    combos = np.concatenate(found) if found else np.empty((0, len(parts)), dtype="int64")
    # a combination found from two parts counts once (one integer per combination: unique rows of a 2-d array
    # are slower to find, benchmarks/RESULTS.md)
    _, once = np.unique(categorical.codes(*(pd.Series(c) for c in combos.T)), return_index=True)
    return pd.DataFrame(combos[np.sort(once)].astype("int64"), columns=[f"_p{i}" for i in range(len(parts))])


def combine(parts: list[pd.DataFrame], on: list[str], suffixes: list[str]) -> pd.DataFrame:
    """The combinations of `_partners` as one frame: `on` once, every other column with its part's suffix."""
    parts = [p.reset_index(drop=True) for p in parts]
    if any(p.empty for p in parts):
        return pd.DataFrame(
            columns=[*on, *(f"{c}{s}" for p, s in zip(parts, suffixes) for c in p.columns if c not in on)]
        )
    positions = _partners(parts, on)
    columns = [parts[0][on].iloc[positions["_p0"].to_numpy()].reset_index(drop=True)]
    for i, (part, suffix) in enumerate(zip(parts, suffixes)):
        rest = part.drop(columns=on)
        columns.append(rest.iloc[positions[f"_p{i}"].to_numpy()].reset_index(drop=True).add_suffix(suffix))
    return pd.concat(columns, axis=1)


def _pairs(frame: pd.DataFrame, left: str, right: str, on: list[str]) -> pd.DataFrame:
    """`left` rows and `right` rows sharing `on` (suffixes _l, _r), combined as in `combine`."""
    return combine([frame[frame["measure"] == left], frame[frame["measure"] == right]], on, ["_l", "_r"])


def _joined_sources(a: pd.Series, b: pd.Series) -> pd.Series:
    """Two source ids as one 'a+b' (sorted, once if equal), column-wise; made once per distinct pair."""

    def joined(a: pd.Series, b: pd.Series) -> pd.Series:
        a, b = a.astype(str), b.astype(str)
        low, high = a.where(a <= b, b), b.where(a <= b, a)
        return low.where(low == high, low + "+" + high)

    return per_distinct(joined, a, b)


_WORD_OF = {"above": "at least", "below": "nearly", "around": "about"}
_OPPOSITE = {"above": "below", "below": "above", "around": "around"}


def _derived_qualifier(pairs: pd.DataFrame, values: pd.Series) -> pd.Series:
    """The word a derived value inherits from its inputs (dictionary: reads_as). Every derived value grows with
    its left input and shrinks with its right one (a ratio, a difference), so 'ruim 49' of 41 is 'ruim 119,5%'
    and 49 of 'bijna 50' is 'ruim 98%'; inputs that pull different ways, or an approximate one, give 'about',
    and so does a negative value ('bijna −1.853' would be read as a smaller fall, not a larger one)."""

    def word(ql: pd.Series, qr: pd.Series) -> pd.Series:
        def one(left: str, right: str) -> str:
            ways = {QUALIFIERS[left].reads_as, _OPPOSITE.get(QUALIFIERS[right].reads_as, "exact")} - {"exact"}
            return "" if not ways else _WORD_OF[ways.pop()] if len(ways) == 1 else "about"

        return pd.Series([one(a, b) for a, b in zip(ql.astype(str), qr.astype(str))], index=ql.index)

    words = per_distinct(word, pairs["qualifier_l"], pairs["qualifier_r"]).astype(str)
    return words.where((words == "") | (values.to_numpy() >= 0), "about")


def _input_note(pairs: pd.DataFrame, left: str, right: str) -> pd.Series:
    """'from qualified input: realised_jobs at least' where an input carries a qualifier, else ''."""

    def note(ql: pd.Series, qr: pd.Series) -> pd.Series:
        ql, qr = ql.astype(str), qr.astype(str)
        l_part = (left + " " + ql).where(ql != "", "")
        r_part = (right + " " + qr).where(qr != "", "")
        both = l_part.where(r_part == "", l_part.where(l_part == "", l_part + "; ") + r_part)
        return ("from qualified input: " + both).where(both != "", "")

    return per_distinct(note, pairs["qualifier_l"], pairs["qualifier_r"])


def _derived(
    pairs: pd.DataFrame,
    measure: str,
    values: pd.Series,
    derivation: str,
    precision: int | pd.Series,
    left: str,
    right: str,
) -> pd.DataFrame:
    if pairs.empty:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    precision = pd.Series(precision, index=pairs.index, dtype="int64")
    return pd.DataFrame(
        {
            "sector": pairs["sector"],
            "year": pairs["year"] if "year" in pairs else pairs["year_r"],
            "period": ANNUAL,
            "measure": measure,
            "value": _rounded(values, precision),
            "qualifier": _derived_qualifier(pairs, values),
            "scope": "",
            "basis": pairs["basis"] if "basis" in pairs else pairs["basis_l"],
            "era": pairs["era"] if "era" in pairs else pairs["era_l"],
            "status": "derived",
            "source_id": _joined_sources(pairs["source_id_l"], pairs["source_id_r"]),
            "locator": "",
            "evidence": "",
            "note": _input_note(pairs, left, right),
            "derivation": derivation,
            "precision": precision,
            "source_rank": 0,
            "raw_file": pd.NA,
            "raw_line": pd.NA,
        }
    )[TIDY_COLUMNS]


def _rounded(values: pd.Series, precision: pd.Series) -> np.ndarray:
    """round(v, p) per row, as Python rounds (to the nearest decimal, ties as the binary value falls).

    numpy's rounding (scale, round to integer, scale back) gives the same value except near a tie, where
    the scaling's own rounding can tip it: those rows, and values that are not finite, are rounded by Python."""
    values, places = values.to_numpy(dtype="float64"), precision.to_numpy(dtype="int64")
    out = np.empty(len(values))
    for p in np.unique(places):
        at = places == p
        out[at] = np.round(values[at], p)
    scaled = values * 10.0**places
    with np.errstate(invalid="ignore"):
        careful = ~np.isfinite(scaled) | (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    out[careful] = [round(v, p) for v, p in zip(values[careful].tolist(), places[careful].tolist())]
    return out


def derive(reported: pd.DataFrame) -> pd.DataFrame:
    """All derived figures for a frame of reported figures.

    Inputs are only points of one series (same sector, basis and era, annual, whole sector): a quarterly reading, a part-sector
    figure or a figure on another basis never enters a derived value."""
    rep = _reported_points(reported)
    dated = rep[rep["year"].notna()]
    on = ["sector", "year", "basis", "era"]
    parts = []

    # Realisation percentage where realised and target are published for the same year.
    p = _pairs(dated, "realised_jobs", "target_jobs", on)
    p = p[p["value_r"] > 0]
    parts.append(_ratio(p, "realisation_pct", "realised_jobs / target_jobs × 100", "realised_jobs", "target_jobs"))

    # Target implied by a published percentage, where no target is published for that year.
    p = _pairs(dated, "realised_jobs", "realisation_pct", on)
    has_target = dated.loc[dated["measure"] == "target_jobs", on].drop_duplicates()
    p = p.merge(has_target, on=on, how="left", indicator=True)
    p = p[(p["_merge"] == "left_only") & (p["value_r"] > 0)]
    parts.append(_ratio(p, "target_jobs", "realised_jobs / realisation_pct × 100", "realised_jobs", "realisation_pct"))

    # Shortfall against the target of the same year (negative: ahead of target).
    p = _pairs(dated, "target_jobs", "realised_jobs", on)
    parts.append(_difference(p, "gap_to_target", "target_jobs − realised_jobs", "target_jobs", "realised_jobs"))

    # Change on the year before, only where both years are published: gaps stay gaps.
    realised = dated[dated["measure"] == "realised_jobs"]
    before = realised.assign(year=realised["year"] + 1)
    p = combine([realised, before], on, ["_l", "_r"])
    how = "realised_jobs − realised_jobs of the year before"
    parts.append(_difference(p, "yoy_change", how, "realised_jobs", "previous year"))

    parts.append(_market_goal(rep))
    parts = [part for part in parts if not part.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=TIDY_COLUMNS)


def _ratio(pairs: pd.DataFrame, measure: str, derivation: str, left: str, right: str) -> pd.DataFrame:
    """The left value as a percentage of the right one (a percentage, or a target implied by one), rounded to
    the measure's decimals; a realisation percentage never up to 100 (short_of_100)."""
    values = 100 * pairs["value_l"] / pairs["value_r"]
    out = _derived(pairs, measure, values, derivation, MEASURES[measure].decimals, left, right)
    if measure == "realisation_pct" and not out.empty:
        short = (values < 100) & (out["value"] >= 100)
        out.loc[short, "value"] = [short_of_100(v, MEASURES[measure].decimals) for v in values[short]]
    return out


def realisation_pct(realised: float, target: float) -> float:
    """Realised / target × 100 at the decimals the dictionary gives a realisation percentage, never rounded up to
    100 (short_of_100): what the answer shows beside a count and its target."""
    decimals = MEASURES["realisation_pct"].decimals or 0
    value = 100 * realised / target
    rounded = round(value, decimals)
    return short_of_100(value, decimals) if value < 100 <= rounded else rounded


def short_of_100(value: float, decimals: int) -> float:
    """A percentage under 100 rounded down to `decimals`: 4,999 of 5,000 is 99.9%, never '100%' beside a verdict
    that says the target was not met."""
    scale = 10.0**decimals
    return float(np.floor(value * scale) / scale)


def _difference(pairs: pd.DataFrame, measure: str, derivation: str, left: str, right: str) -> pd.DataFrame:
    """The left value minus the right one, with the finer of their published precisions."""
    values = pairs["value_l"] - pairs["value_r"]
    return _derived(pairs, measure, values, derivation, _max_precision(pairs), left, right)


def _max_precision(pairs: pd.DataFrame) -> pd.Series:
    """Per row, the finer of the two inputs' published precisions."""
    return pairs[["precision_l", "precision_r"]].max(axis=1)


def _market_goal(rep: pd.DataFrame) -> pd.DataFrame:
    """The market's final goal as the total goal minus the government goal, when only those two are published."""
    goals = rep[rep["measure"] == "goal_jobs"]
    if (goals["sector"] == "markt").any():
        return pd.DataFrame(columns=TIDY_COLUMNS)
    total = goals[goals["sector"] == NATIONAL_TOTAL]
    gov = goals[goals["sector"] == "overheid_totaal"]
    p = combine([total, gov], ["basis", "era"], ["_l", "_r"])
    if p.empty:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    # The goal's deadline is kept only where both published goals name the same year.
    same_year = p["year_l"].astype("Int64") == p["year_r"].astype("Int64")
    p = p.assign(sector="markt", year=p["year_l"].where(same_year.fillna(False), pd.NA))
    how = "goal_jobs of banenafspraak_totaal − goal_jobs of overheid_totaal"
    return _difference(p, "goal_jobs", how, "total goal", "government goal")


# ---------------------------------------------------------------- consistency


def half_unit(precision: pd.Series | int) -> pd.Series | float:
    """Half a unit of a figure's last decimal: how far a figure published to `precision` decimals may lie from the
    value it rounds (the consistency report's tolerance, and the answer's for a percentage against its pair)."""
    return 0.5 * 10.0 ** (-precision)


def last_digit_unit(value: float, precision: int) -> float:
    """The step of the figure's last written digit: 0.1 for 61.3, 1 for 663, 100 for 3600 and 700, 10,000 for
    90,000. A figure published with a qualifier ('bijna 3.600') is read as rounded to that step."""
    if precision > 0:
        return 10.0**-precision
    whole = round(float(abs(value)))
    if whole == 0:
        return 1.0
    text = str(whole)
    return 10.0 ** (len(text) - len(text.rstrip("0")))


def _qualified_tolerance(values: pd.Series, qualifiers: pd.Series) -> pd.Series:
    """Half a unit of the last non-zero digit of a qualified whole number (3600 'nearly' -> 50), else 0."""

    def half(value: float) -> float:
        return 0.0 if value <= 0 or value != int(value) else 0.5 * last_digit_unit(value, 0)

    out = np.zeros(len(values))
    qualified = np.flatnonzero((qualifiers.astype("str") != "").to_numpy(dtype=bool))  # few: only these in Python
    out[qualified] = [half(v) for v in values.to_numpy(dtype="float64")[qualified].tolist()]
    return pd.Series(out, index=values.index, dtype="float64")


def within_rounding(a, b) -> bool:
    """Whether two published figures (trends.Point or alike) are one figure as published rounding allows: equal
    when rounded to the coarser of their precisions, or within half the last digit of a qualified one (the rule
    of the consistency report's same_figure_two_sources)."""
    qualified = [0.5 * last_digit_unit(p.value, 0) for p in (a, b) if p.qualifier and 0 < p.value == int(p.value)]
    tolerance = max([half_unit(min(a.precision, b.precision)), *qualified])
    return abs(a.value - b.value) <= tolerance + 1e-9


def _outcome(difference: pd.Series, tolerance: pd.Series) -> pd.Series:
    diff = difference.abs()
    out = pd.Series("differs", index=difference.index)
    out[diff <= tolerance + 1e-9] = "rounding"
    out[diff < 1e-9] = "consistent"
    return out


def _check_percentages(rep: pd.DataFrame) -> pd.DataFrame:
    """Published percentage against realised / target × 100 of the same year."""
    pct = rep[rep["measure"] == "realisation_pct"]
    on = ["sector", "year", "basis", "era"]
    target = rep[(rep["measure"] == "target_jobs") & (rep["value"] > 0)]
    p = combine([rep[rep["measure"] == "realised_jobs"], target, pct], on, ["_l", "_r", ""])
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    computed = 100 * p["value_l"] / p["value_r"]
    difference = p["value"] - computed
    tolerance = half_unit(p["precision"])
    return pd.DataFrame(
        {
            "check": "percentage_vs_counts",
            "sector": p["sector"],
            "year": p["year"],
            "measure": "realisation_pct",
            "value_a": p["value"],
            "source_a": p["source_id"],
            "value_b": computed.round(2),
            "source_b": _joined_sources(p["source_id_l"], p["source_id_r"]),
            "difference": difference.round(2),
            "tolerance": tolerance,
            "outcome": _outcome(difference, tolerance),
            "explanation": _explained("percentage_vs_counts"),
        }
    )


def _to_decimals(values: pd.Series, *precisions: pd.Series) -> pd.Series:
    """A sum or difference of published figures, rounded to the most decimals among them: 61 − 61.3 is −0.3,
    not the binary fraction −0.29999999999999716."""
    decimals = pd.concat(precisions, axis=1).max(axis=1).astype(int)
    return pd.Series([round(v, d) for v, d in zip(values, decimals)], index=values.index, dtype="float64")


def _explained(check: str) -> str:
    """What a check compares, for the explanation column: the data dictionary's description of the check (the
    codebook's language, as every code of the processed files)."""
    return CHECKS[check].description


def _check_own_plus_sroi(rep: pd.DataFrame) -> pd.DataFrame:
    on = ["sector", "year", "basis", "era"]
    p = combine(
        [rep[rep["measure"] == m] for m in ("realised_own", "realised_sroi", "realised_jobs")], on, ["_l", "_r", ""]
    )
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    parts = _to_decimals(p["value_l"] + p["value_r"], p["precision_l"], p["precision_r"])
    difference = _to_decimals(p["value"] - parts, p["precision_l"], p["precision_r"], p["precision"])
    tolerance = half_unit(p["precision_l"]) + half_unit(p["precision_r"]) + half_unit(p["precision"])
    return pd.DataFrame(
        {
            "check": "own_plus_sroi_vs_total",
            "sector": p["sector"],
            "year": p["year"],
            "measure": "realised_jobs",
            "value_a": p["value"],
            "source_a": p["source_id"],
            "value_b": parts,
            "source_b": _joined_sources(p["source_id_l"], p["source_id_r"]),
            "difference": difference,
            "tolerance": tolerance,
            "outcome": _outcome(difference, tolerance),
            "explanation": _explained("own_plus_sroi_vs_total"),
        }
    )


def _check_same_figure(rep: pd.DataFrame) -> pd.DataFrame:
    """One figure (sector, year, period, part of the sector, measure) published by two sources: an annual point,
    and as much a quarterly or provisional reading or a part-sector figure, which are compared only with their
    own kind (84,470 against 84,471 for the third quarter of 2023)."""
    # Each figure against the one whose source id sorts first: n sources give n - 1 comparisons, not n².
    key = ["sector", "year", "period", "scope", "measure", "basis", "era"]
    ordered = rep.sort_values("source_id", kind="stable")
    first = ordered.drop_duplicates(key)
    p = first.merge(ordered[ordered.duplicated(key)], on=key, suffixes=("_l", "_r"))
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    difference = _to_decimals(p["value_l"] - p["value_r"], p["precision_l"], p["precision_r"])
    # Equal when rounded to the coarser of the two published precisions: that is rounding. A qualified
    # figure ('bijna 3.600') is rounded to its last non-zero digit, so 3,597 is within its rounding.
    coarse = pd.concat([p["precision_l"], p["precision_r"]], axis=1).min(axis=1)
    tolerance = pd.concat(
        [
            half_unit(coarse),
            _qualified_tolerance(p["value_l"], p["qualifier_l"]),
            _qualified_tolerance(p["value_r"], p["qualifier_r"]),
        ],
        axis=1,
    ).max(axis=1)
    return pd.DataFrame(
        {
            "check": "same_figure_two_sources",
            "sector": p["sector"],
            "year": p["year"],
            "period": p["period"],
            "scope": p["scope"],
            "measure": p["measure"],
            "value_a": p["value_l"],
            "source_a": p["source_id_l"],
            "value_b": p["value_r"],
            "source_b": p["source_id_r"],
            "difference": difference,
            "tolerance": tolerance,
            "outcome": _outcome(difference, tolerance),
            "explanation": _explained("same_figure_two_sources"),
        }
    )


def _check_national_parts(rep: pd.DataFrame) -> pd.DataFrame:
    """Market + government against the national total, per year and measure (counts only)."""
    national = rep[rep["year"].notna() & ~rep["measure"].str.endswith("_pct")]
    on = ["year", "measure", "basis", "era"]
    p = combine([national[national["sector"] == s] for s in (NATIONAL_TOTAL, *NATIONAL_PARTS)], on, ["_t", "_m", "_o"])
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    parts = _to_decimals(p["value_m"] + p["value_o"], p["precision_m"], p["precision_o"])
    # each of the three published counts may be rounded to a whole job, a qualified one ('bijna 3.600')
    # to its last non-zero digit
    qualified = pd.concat(
        [_qualified_tolerance(p[f"value{s}"], p[f"qualifier{s}"]) for s in ("_t", "_m", "_o")], axis=1
    ).max(axis=1)
    tolerance = 1.5 + qualified
    notes = [
        " (qualified input: " + "; ".join(f"{name} {q}" for name, q in zip(NATIONAL_PARTS, pair) if q) + ")"
        if any(pair)
        else ""
        for pair in zip(p["qualifier_m"], p["qualifier_o"])
    ]
    difference = _to_decimals(p["value_t"] - parts, p["precision_t"], p["precision_m"], p["precision_o"])
    return pd.DataFrame(
        {
            "check": "parts_vs_national_total",
            "sector": NATIONAL_TOTAL,
            "year": p["year"],
            "measure": p["measure"],
            "value_a": p["value_t"],
            "source_a": p["source_id_t"],
            "value_b": parts,
            "source_b": _joined_sources(p["source_id_m"], p["source_id_o"]),
            "difference": difference,
            "tolerance": tolerance,
            "outcome": _outcome(difference, tolerance),
            "explanation": [_explained("parts_vs_national_total") + n for n in notes],
        }
    )


def _series_points(tidy: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Per sector, basis and year the figure of `measure` a series shows (reported or derived), by year."""
    rows = tidy[_is_series_point(tidy) & (tidy["measure"] == measure) & tidy["year"].notna()]
    key = ["sector", "basis", "era", "year"]
    return in_order_of_preference(rows, key).drop_duplicates(key)


def _finding(check: str, rows: pd.DataFrame, a: str, b: str, measure: str) -> pd.DataFrame:
    """Plausibility findings: value_a (suffix `a`) against value_b (suffix `b`), each flagged as implausible."""
    return pd.DataFrame(
        {
            "check": check,
            "sector": rows["sector"],
            "year": rows[f"year{a}"],
            "measure": measure,
            "value_a": rows[f"value{a}"],
            "source_a": rows[f"source_id{a}"],
            "value_b": rows[f"value{b}"],
            "source_b": rows[f"source_id{b}"],
            "difference": _rounded(
                rows[f"value{a}"] - rows[f"value{b}"], rows[[f"precision{a}", f"precision{b}"]].max(axis=1)
            ),
            "tolerance": 0.0,
            "outcome": "implausible",
            "explanation": _explained(check),
        }
    )


def _check_plausibility(tidy: pd.DataFrame) -> list[pd.DataFrame]:
    """What is possible but unlikely, flagged (outcome 'implausible'), never corrected; only what is flagged is
    listed: a year's target above a later end goal on the same basis, a target lower than the year before's,
    realised jobs that fall by more than a third in a year. Published and derived figures alike, as shown."""
    on = ["sector", "basis", "era"]
    targets, realised = _series_points(tidy, "target_jobs"), _series_points(tidy, "realised_jobs")
    goals = tidy[_is_series_point(tidy) & (tidy["measure"] == "goal_jobs") & tidy["year"].notna()]
    found = []
    # Not by era: an end goal is set when the agreement is made, before the years it caps, so one due in the
    # year of a series break (2026) still caps the targets before it (hbo: 990 for 2024 against 953 for 2026).
    p = targets.merge(goals.drop(columns="era"), on=["sector", "basis"], suffixes=("", "_g"))
    p = p[(p["year_g"] > p["year"]) & (p["value"] > p["value_g"])]
    found.append(_finding("target_above_later_goal", p, "", "_g", "target_jobs"))
    for measure, check, frame in (("target_jobs", "target_falls", targets), ("realised_jobs", "realised_falls_by_a_third", realised)):  # fmt: skip
        before = frame.groupby(on, observed=True, sort=False).shift(1)
        before = before[["year", "value", "source_id", "precision"]].add_suffix("_p")
        p = frame.join(before).dropna(subset=["year_p"])
        if measure == "target_jobs":
            p = p[p["value"] < p["value_p"]]
        else:
            p = p[(p["year"] - p["year_p"] == 1) & (p["value"] < p["value_p"] * 2 / 3)]
        found.append(_finding(check, p, "", "_p", measure))
    return [f for f in found if not f.empty]


def consistency_report(tidy: pd.DataFrame) -> pd.DataFrame:
    """Every comparison made, with its outcome: consistent, rounding (within published rounding) or differs, and
    what the plausibility checks flag (implausible). Only figures of one series are compared (same basis,
    annual, whole sector, one era). A dataset keeps its own (Dataset.consistency)."""
    rep = _reported_points(tidy)
    published = tidy.loc[tidy["status"] == "reported", [*_INPUTS, "period", "scope"]]
    checks = [_check_percentages(rep), _check_own_plus_sroi(rep), _check_national_parts(rep)]
    checks += _check_plausibility(tidy)
    # every check but same_figure_two_sources compares annual whole-sector points only
    checks = [c.assign(period=ANNUAL, scope="") for c in checks] + [_check_same_figure(published)]
    checks = [c for c in checks if not c.empty]
    if not checks:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    consistency = categorical.concat(checks)[FINDING_COLUMNS]
    texts = ["check", "sector", "period", "scope", "measure", "source_a", "source_b", "outcome", "explanation"]
    # sorted on the texts' codes (categorical's categories are sorted), not on the texts: faster by far
    encoded = {c: categorical.encode(consistency[c]) for c in texts}
    consistency = consistency.assign(year=consistency["year"].astype("Int64"), **encoded)
    return consistency.sort_values(
        ["check", "sector", "year", "period", "scope", "measure", "source_a", "source_b"], kind="stable"
    ).reset_index(drop=True)


FLAGGED = ("differs", "implausible")


def findings(consistency: pd.DataFrame) -> pd.DataFrame:
    """Only the comparisons that do not agree beyond rounding, and the plausibility checks' flags."""
    return consistency[consistency["outcome"].isin(FLAGGED)].reset_index(drop=True)
