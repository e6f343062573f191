"""Figures computed from reported ones (status 'derived') and the consistency report.

Nothing here changes a reported figure: derived values are new rows, and the
consistency report lists findings without fixing anything.
"""

from __future__ import annotations

import pandas as pd

from analysis.columns import TIDY_COLUMNS
from analysis.measures import ANNUAL

NATIONAL_PARTS = ("markt", "overheid_totaal")
NATIONAL_TOTAL = "banenafspraak_totaal"


# Two figures combine only when they are points of one series: same sector and basis, the
# annual measurement, the whole sector, and the same side of every series break.
SERIES_KEY = ["sector", "basis", "era"]


def series_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that can be points of a sector's annual whole-sector series (era: see tidy)."""
    return frame[(frame["period"] == ANNUAL) & (frame["scope"] == "")]


def _pairs(frame: pd.DataFrame, left: str, right: str, on: list[str]) -> pd.DataFrame:
    """Every combination of a `left` row and a `right` row sharing `on` (suffixes _l, _r)."""
    a = frame[frame["measure"] == left]
    b = frame[frame["measure"] == right]
    return a.merge(b, on=on, suffixes=("_l", "_r"))


def _joined_sources(a: pd.Series, b: pd.Series) -> pd.Series:
    """Two source ids as one 'a+b' (sorted, once if equal), column-wise."""
    a, b = a.astype(str), b.astype(str)
    low, high = a.where(a <= b, b), b.where(a <= b, a)
    return low.where(low == high, low + "+" + high)


def _input_note(pairs: pd.DataFrame, left: str, right: str) -> pd.Series:
    """'from qualified input: realised_jobs at least' where an input carries a qualifier, else ''."""
    ql, qr = pairs["qualifier_l"].astype(str), pairs["qualifier_r"].astype(str)
    l_part = (left + " " + ql).where(ql != "", "")
    r_part = (right + " " + qr).where(qr != "", "")
    both = l_part.where(r_part == "", l_part.where(l_part == "", l_part + "; ") + r_part)
    return ("from qualified input: " + both).where(both != "", "")


def _derived(pairs: pd.DataFrame, measure: str, values: pd.Series, derivation: str, precision: int | pd.Series,
             left: str, right: str) -> pd.DataFrame:
    if pairs.empty:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    precision = pd.Series(precision, index=pairs.index, dtype="int64")
    return pd.DataFrame({
        "sector": pairs["sector"],
        "year": pairs["year"] if "year" in pairs else pairs["year_r"],
        "period": ANNUAL,
        "measure": measure,
        "value": [round(v, p) for v, p in zip(values, precision)],
        "qualifier": "",
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
        "raw_file": pd.NA,
        "raw_line": pd.NA,
    })[TIDY_COLUMNS]


def derive(reported: pd.DataFrame) -> pd.DataFrame:
    """All derived figures for a frame of reported figures.

    Inputs are only points of one series (see SERIES_KEY): a quarterly reading, a part-sector
    figure or a figure on another basis never enters a derived value."""
    rep = series_rows(reported[reported["status"] == "reported"])
    dated = rep[rep["year"].notna()]
    on = ["sector", "year", "basis", "era"]
    parts = []

    # Realisation percentage where realised and target are published for the same year.
    p = _pairs(dated, "realised_jobs", "target_jobs", on)
    p = p[p["value_r"] > 0]
    parts.append(_derived(p, "realisation_pct", 100 * p["value_l"] / p["value_r"],
                          "realised_jobs / target_jobs × 100", 1, "realised_jobs", "target_jobs"))

    # Target implied by a published percentage, where no target is published for that year.
    p = _pairs(dated, "realised_jobs", "realisation_pct", on)
    has_target = dated.loc[dated["measure"] == "target_jobs", on].drop_duplicates()
    p = p.merge(has_target, on=on, how="left", indicator=True)
    p = p[(p["_merge"] == "left_only") & (p["value_r"] > 0)]
    parts.append(_derived(p, "target_jobs", 100 * p["value_l"] / p["value_r"],
                          "realised_jobs / realisation_pct × 100", 1, "realised_jobs", "realisation_pct"))

    # Shortfall against the target of the same year (negative: ahead of target).
    p = _pairs(dated, "target_jobs", "realised_jobs", on)
    parts.append(_derived(p, "gap_to_target", p["value_l"] - p["value_r"], "target_jobs − realised_jobs",
                          _max_precision(p), "target_jobs", "realised_jobs"))

    # Change on the year before, only where both years are published: gaps stay gaps.
    realised = dated[dated["measure"] == "realised_jobs"]
    before = realised.assign(year=realised["year"] + 1)
    p = realised.merge(before, on=on, suffixes=("_l", "_r"))
    parts.append(_derived(p, "yoy_change", p["value_l"] - p["value_r"], "realised_jobs − realised_jobs of the year before",
                          _max_precision(p), "realised_jobs", "previous year"))

    parts.append(_market_goal(rep))
    parts = [part for part in parts if not part.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=TIDY_COLUMNS)


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
    p = total.merge(gov, on=["basis", "era"], suffixes=("_l", "_r"))
    if p.empty:
        return pd.DataFrame(columns=TIDY_COLUMNS)
    # The goal's deadline is kept only where both published goals name the same year.
    same_year = p["year_l"].astype("Int64") == p["year_r"].astype("Int64")
    p = p.assign(sector="markt", year=p["year_l"].where(same_year.fillna(False), pd.NA))
    return _derived(p, "goal_jobs", p["value_l"] - p["value_r"], "goal_jobs of banenafspraak_totaal − goal_jobs of overheid_totaal",
                    _max_precision(p), "total goal", "government goal")


# ---------------------------------------------------------------- consistency

FINDING_COLUMNS = ["check", "sector", "year", "measure", "value_a", "source_a", "value_b", "source_b",
                   "difference", "tolerance", "outcome", "explanation"]


def _half_unit(precision: pd.Series | int) -> pd.Series | float:
    return 0.5 * 10.0 ** (-precision)


def _qualified_tolerance(values: pd.Series, qualifiers: pd.Series) -> pd.Series:
    """Half a unit of the last non-zero digit of a qualified whole number (3600 'nearly' -> 50), else 0."""
    def half(value: float) -> float:
        if value <= 0 or value != int(value):
            return 0.0
        text = str(int(value))
        return 0.5 * 10 ** (len(text) - len(text.rstrip("0")))

    return pd.Series([half(v) if q else 0.0 for v, q in zip(values, qualifiers)], index=values.index, dtype="float64")


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
    p = _pairs(rep, "realised_jobs", "target_jobs", on)
    p = p[p["value_r"] > 0].merge(pct, on=on)
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    computed = 100 * p["value_l"] / p["value_r"]
    difference = p["value"] - computed
    tolerance = _half_unit(p["precision"])
    return pd.DataFrame({
        "check": "percentage_vs_counts", "sector": p["sector"], "year": p["year"], "measure": "realisation_pct",
        "value_a": p["value"], "source_a": p["source_id"],
        "value_b": computed.round(2), "source_b": _joined_sources(p["source_id_l"], p["source_id_r"]),
        "difference": difference.round(2), "tolerance": tolerance,
        "outcome": _outcome(difference, tolerance),
        "explanation": "published percentage vs realised_jobs / target_jobs × 100 of the same year",
    })


def _check_own_plus_sroi(rep: pd.DataFrame) -> pd.DataFrame:
    on = ["sector", "year", "basis", "era"]
    p = _pairs(rep, "realised_own", "realised_sroi", on)
    p = p.merge(rep[rep["measure"] == "realised_jobs"], on=on)
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    parts = p["value_l"] + p["value_r"]
    difference = p["value"] - parts
    tolerance = _half_unit(p["precision_l"]) + _half_unit(p["precision_r"]) + _half_unit(p["precision"])
    return pd.DataFrame({
        "check": "own_plus_sroi_vs_total", "sector": p["sector"], "year": p["year"], "measure": "realised_jobs",
        "value_a": p["value"], "source_a": p["source_id"],
        "value_b": parts, "source_b": _joined_sources(p["source_id_l"], p["source_id_r"]),
        "difference": difference, "tolerance": tolerance,
        "outcome": _outcome(difference, tolerance),
        "explanation": "realised_jobs vs realised_own + realised_sroi",
    })


def _check_same_figure(rep: pd.DataFrame) -> pd.DataFrame:
    """One figure (sector, year, measure) published by two sources."""
    key = ["sector", "year", "measure", "basis", "era"]
    p = rep.merge(rep, on=key, suffixes=("_l", "_r"))
    p = p[p["source_id_l"] < p["source_id_r"]]
    if p.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    difference = p["value_l"] - p["value_r"]
    # Equal when rounded to the coarser of the two published precisions: that is rounding. A qualified
    # figure ('bijna 3.600') is rounded to its last non-zero digit, so 3,597 is within its rounding.
    coarse = pd.concat([p["precision_l"], p["precision_r"]], axis=1).min(axis=1)
    tolerance = pd.concat([_half_unit(coarse), _qualified_tolerance(p["value_l"], p["qualifier_l"]),
                           _qualified_tolerance(p["value_r"], p["qualifier_r"])], axis=1).max(axis=1)
    return pd.DataFrame({
        "check": "same_figure_two_sources", "sector": p["sector"], "year": p["year"], "measure": p["measure"],
        "value_a": p["value_l"], "source_a": p["source_id_l"], "value_b": p["value_r"], "source_b": p["source_id_r"],
        "difference": difference, "tolerance": tolerance,
        "outcome": _outcome(difference, tolerance),
        "explanation": "the same figure as published by two sources",
    })


def _check_national_parts(rep: pd.DataFrame) -> pd.DataFrame:
    """Market + government against the national total, per year and measure."""
    rows = []
    national = rep[rep["sector"].isin([*NATIONAL_PARTS, NATIONAL_TOTAL]) & rep["year"].notna()]
    for (year, measure), group in national.groupby(["year", "measure"], sort=True):
        by = {s: g for s, g in group.groupby("sector")}
        if not all(s in by for s in (*NATIONAL_PARTS, NATIONAL_TOTAL)) or measure.endswith("_pct"):
            continue
        for t in by[NATIONAL_TOTAL].itertuples():
            for m in by["markt"].itertuples():
                for o in by["overheid_totaal"].itertuples():
                    parts = m.value + o.value
                    qualified = [f"{s} {q}" for s, q in (("markt", m.qualifier), ("overheid_totaal", o.qualifier)) if q]
                    rows.append({
                        "check": "parts_vs_national_total", "sector": NATIONAL_TOTAL, "year": year, "measure": measure,
                        "value_a": t.value, "source_a": t.source_id, "value_b": parts,
                        "source_b": "+".join(sorted({m.source_id, o.source_id})),
                        "difference": t.value - parts,
                        # each of the three published counts may be rounded to a whole job, a qualified one
                        # ('bijna 3.600') to its last non-zero digit
                        "tolerance": 1.5 + max(_qualified_tolerance(pd.Series([x.value]), pd.Series([x.qualifier]))[0]
                                               for x in (t, m, o)),
                        "explanation": "national total vs market + government"
                                       + (f" (qualified input: {'; '.join(qualified)})" if qualified else ""),
                    })
    if not rows:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    frame = pd.DataFrame(rows)
    frame["outcome"] = _outcome(frame["difference"], frame["tolerance"])
    return frame[FINDING_COLUMNS]


def consistency_report(tidy: pd.DataFrame) -> pd.DataFrame:
    """Every comparison made, with its outcome: consistent, rounding (within published rounding) or differs.

    Only figures of one series are compared (same basis, annual, whole sector, one era)."""
    rep = series_rows(tidy[tidy["status"] == "reported"])
    checks = [_check_percentages(rep), _check_own_plus_sroi(rep), _check_same_figure(rep), _check_national_parts(rep)]
    checks = [c for c in checks if not c.empty]
    if not checks:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    report = pd.concat(checks, ignore_index=True)[FINDING_COLUMNS]
    report["year"] = report["year"].astype("Int64")
    return report.sort_values(["check", "sector", "year", "measure", "source_a", "source_b"], kind="stable").reset_index(drop=True)


def findings(report: pd.DataFrame) -> pd.DataFrame:
    """Only the comparisons that do not agree beyond rounding."""
    return report[report["outcome"] == "differs"].reset_index(drop=True)
