"""Derived values and the consistency report on small hand-made frames with answers worked out by hand."""

import pandas as pd
import pytest

from analysis.data.derived import consistency_report, derive, findings
from analysis.dictionary import TIDY_COLUMNS


def frame(*rows, **common):
    """rows: (sector, year, measure, value, source[, precision[, qualifier]]); `common` sets other columns
    (period, scope, basis, era) for every row, or a row may end in a dict of its own."""
    records = []
    for i, r in enumerate(rows):
        own = r[-1] if isinstance(r[-1], dict) else {}
        r = r[:-1] if own else r
        sector, year, measure, value, source, *rest = r
        precision = rest[0] if rest else 0
        qualifier = rest[1] if len(rest) > 1 else ""
        records.append(
            {
                "sector": sector,
                "year": year,
                "period": "year",
                "measure": measure,
                "value": float(value),
                "qualifier": qualifier,
                "scope": "",
                "basis": "sector_count",
                "era": 0,
                "status": "reported",
                "source_id": source,
                "locator": "x",
                "evidence": "q",
                "note": "",
                "derivation": "",
                "precision": precision,
                "raw_file": "f.csv",
                "raw_line": i + 2,
                **common,
                **own,
            }
        )
    out = pd.DataFrame(records, columns=TIDY_COLUMNS)
    out["year"] = out["year"].astype("Int64")
    return out


def values(derived, measure):
    rows = derived[derived["measure"] == measure]
    return {(r.sector, None if pd.isna(r.year) else int(r.year)): r.value for r in rows.itertuples()}


def test_percentage_from_realised_and_target():
    d = derive(frame(("a", 2020, "realised_jobs", 262, "s"), ("a", 2020, "target_jobs", 427.3, "t", 1)))
    assert values(d, "realisation_pct") == {("a", 2020): 61.3}  # 262 / 427.3 = 61.316 %
    row = d[d["measure"] == "realisation_pct"].iloc[0]
    assert row["status"] == "derived" and row["source_id"] == "s+t"


def test_no_percentage_when_only_one_side_is_published():
    d = derive(frame(("a", 2020, "realised_jobs", 262, "s"), ("a", 2021, "target_jobs", 400, "s")))
    assert values(d, "realisation_pct") == {}
    assert values(d, "gap_to_target") == {}


def test_target_implied_by_a_percentage_only_when_no_target_is_published():
    d = derive(
        frame(
            ("a", 2020, "realised_jobs", 870, "s"),
            ("a", 2020, "realisation_pct", 53, "s"),
            ("b", 2020, "realised_jobs", 10, "s"),
            ("b", 2020, "realisation_pct", 50, "s"),
            ("b", 2020, "target_jobs", 21, "s"),
        )
    )
    assert values(d, "target_jobs") == {("a", 2020): 1641.5}  # 870 / 0.53 = 1641.51


def test_gap_to_target_is_target_minus_realised():
    d = derive(
        frame(
            ("a", 2020, "realised_jobs", 341, "s"),
            ("a", 2020, "target_jobs", 331, "s"),
            ("b", 2020, "realised_jobs", 2663, "s"),
            ("b", 2020, "target_jobs", 4072, "s"),
        )
    )
    assert values(d, "gap_to_target") == {("a", 2020): -10, ("b", 2020): 1409}


def test_year_on_year_change_only_across_consecutive_years():
    d = derive(
        frame(
            ("p", 2019, "realised_jobs", 297, "s"),
            ("p", 2020, "realised_jobs", 413, "s"),
            ("p", 2021, "realised_jobs", 663, "s"),
            ("p", 2024, "realised_jobs", 900, "s"),
        )
    )
    assert values(d, "yoy_change") == {("p", 2020): 116, ("p", 2021): 250}  # no 2024: 2022-2023 are a gap


def test_derived_precision_follows_the_inputs():
    d = derive(
        frame(
            ("a", 2019, "realised_jobs", 321.18, "s", 2),
            ("a", 2019, "target_jobs", 306.17, "s", 2),
            ("b", 2019, "realised_jobs", 2068, "s"),
            ("b", 2019, "target_jobs", 3531, "s"),
        )
    )
    gaps = d[d["measure"] == "gap_to_target"].set_index("sector")
    assert gaps.loc["a", "value"] == pytest.approx(-15.01) and gaps.loc["a", "precision"] == 2
    assert gaps.loc["b", "value"] == 1463 and gaps.loc["b", "precision"] == 0


def test_qualified_inputs_are_named_in_the_note():
    d = derive(frame(("a", 2015, "realised_jobs", 49, "s", 0, "at least"), ("a", 2015, "target_jobs", 41, "s")))
    pct = d[d["measure"] == "realisation_pct"].iloc[0]
    assert pct["value"] == 119.5 and "realised_jobs at least" in pct["note"]
    assert pct["qualifier"] == "at least"  # 'ruim 49' of 41 is at least 119.5%
    gap = d[d["measure"] == "gap_to_target"].iloc[0]
    assert gap["qualifier"] == "about"  # 41 - 'ruim 49' is at most -8: no word before a negative number but 'about'
    change = derive(
        frame(("a", 2015, "realised_jobs", 3600, "s", 0, "nearly"), ("a", 2016, "realised_jobs", 3700, "s"))
    )
    assert change.loc[change["measure"] == "yoy_change", ["value", "qualifier"]].values.tolist() == [[100, "at least"]]


@pytest.mark.parametrize(
    "realised,target,word",
    [("", "", ""), ("nearly", "", "nearly"), ("", "nearly", "at least"), ("nearly", "nearly", "about"),
     ("estimate", "", "about"), ("at least", "nearly", "at least")],
)  # fmt: skip
def test_a_derived_percentage_carries_the_word_its_inputs_allow(realised, target, word):
    d = derive(
        frame(("a", 2015, "realised_jobs", 60, "s", 0, realised), ("a", 2015, "target_jobs", 80, "s", 0, target))
    )
    assert d.loc[d["measure"] == "realisation_pct", "qualifier"].tolist() == [word]


def test_market_goal_is_total_goal_minus_government_goal():
    d = derive(
        frame(
            ("banenafspraak_totaal", None, "goal_jobs", 125000, "s"), ("overheid_totaal", 2025, "goal_jobs", 25000, "s")
        )
    )
    assert values(d, "goal_jobs") == {("markt", None): 100000}


def test_derivation_never_changes_reported_rows():
    reported = frame(("a", 2020, "realised_jobs", 262, "s"), ("a", 2020, "target_jobs", 427.3, "t", 1))
    before = reported.copy()
    derive(reported)
    pd.testing.assert_frame_equal(reported, before)


def report_for(*rows):
    return consistency_report(frame(*rows))


def test_percentage_within_rounding_is_not_a_finding():
    r = report_for(
        ("rijk", 2019, "realised_jobs", 2068, "a"),
        ("rijk", 2019, "target_jobs", 3531, "a"),
        ("rijk", 2019, "realisation_pct", 59, "b"),
    )  # 58.57 % published as 59
    assert list(r["outcome"]) == ["rounding"]
    assert findings(r).empty


def test_percentage_beyond_rounding_is_a_finding_with_both_sources():
    r = report_for(
        ("w", 2021, "realised_jobs", 269.5, "m", 1),
        ("w", 2021, "target_jobs", 492.7, "m", 1),
        ("w", 2021, "realisation_pct", 60.2, "m", 1),
    )  # 269.5 / 492.7 = 54.70 %
    f = findings(r)
    assert len(f) == 1
    assert f.loc[0, "check"] == "percentage_vs_counts"
    assert f.loc[0, "value_b"] == pytest.approx(54.70, abs=0.005)
    assert f.loc[0, "source_a"] == "m" and f.loc[0, "source_b"] == "m"


def test_own_plus_sroi_against_total():
    r = report_for(
        ("d", 2020, "realised_jobs", 556, "s"),
        ("d", 2020, "realised_own", 346, "s"),
        ("d", 2020, "realised_sroi", 210, "s"),
        ("u", 2020, "realised_jobs", 700, "s"),
        ("u", 2020, "realised_own", 596, "s"),
        ("u", 2020, "realised_sroi", 63, "s"),
    )
    by_sector = dict(zip(r["sector"], r["outcome"]))
    assert by_sector == {"d": "consistent", "u": "differs"}


def test_same_figure_from_two_sources_rounding_vs_conflict():
    r = report_for(
        ("w", 2020, "realisation_pct", 61.3, "letter", 1),
        ("w", 2020, "realisation_pct", 61, "monitor"),
        ("x", 2020, "realised_jobs", 100, "a"),
        ("x", 2020, "realised_jobs", 120, "b"),
    )
    by_sector = dict(zip(r["sector"], r["outcome"]))
    assert by_sector == {"w": "rounding", "x": "differs"}


def test_national_parts_against_total():
    r = report_for(
        ("markt", 2017, "realised_jobs", 30432, "u"),
        ("overheid_totaal", 2017, "realised_jobs", 6471, "u"),
        ("banenafspraak_totaal", 2017, "realised_jobs", 36904, "q"),
        ("markt", 2016, "realised_jobs", 18957, "f"),
        ("overheid_totaal", 2016, "realised_jobs", 3600, "n", 0, "nearly"),
        ("banenafspraak_totaal", 2016, "realised_jobs", 22554, "f"),
    )
    rows = r.set_index("year")
    assert rows.loc[2017, "outcome"] == "rounding"  # 36903 vs 36904
    # 22557 vs 22554: 'bijna 3.600' is rounded to hundreds, so a difference of 3 is within its rounding
    assert rows.loc[2016, "outcome"] == "rounding"
    assert "nearly" in rows.loc[2016, "explanation"]


def test_an_unqualified_round_number_gets_no_extra_tolerance():
    r = report_for(
        ("markt", 2016, "realised_jobs", 18957, "f"),
        ("overheid_totaal", 2016, "realised_jobs", 3600, "n"),
        ("banenafspraak_totaal", 2016, "realised_jobs", 22554, "f"),
    )
    assert r.set_index("year").loc[2016, "outcome"] == "differs"  # 22557 vs 22554, beyond ±1.5


def test_a_qualified_figure_and_its_unrounded_form_agree():
    r = report_for(
        ("overheid_totaal", 2016, "realised_jobs", 3600, "n", 0, "nearly"),
        ("overheid_totaal", 2016, "realised_jobs", 3597, "r"),
    )
    same = r[r["check"] == "same_figure_two_sources"].iloc[0]
    assert (same["outcome"], same["tolerance"]) == ("rounding", 50)


def test_figures_of_different_bases_periods_or_parts_are_not_compared_or_combined():
    rows = [
        ("politie", 2024, "realised_jobs", 500, "a"),
        ("politie", 2024, "target_jobs", 713, "a"),
        ("politie", 2024, "realisation_pct", 68, "b", 0, "", {"basis": "statutory_measurement"}),
        ("politie", 2023, "realised_jobs", 400, "c", 0, "", {"period": "Q3"}),
        ("politie", 2023, "realised_jobs", 300, "d", 0, "", {"scope": "part"}),
    ]
    r = report_for(*rows)
    assert r.empty  # 68% (statutory) is not checked against 500 / 713 (own count)
    d = derive(frame(*rows))
    assert values(d, "realisation_pct") == {("politie", 2024): 70.1}  # only from the own count
    assert values(d, "yoy_change") == {}  # neither the quarterly nor the part figure is a 2023 point


def test_two_sources_of_one_quarterly_reading_are_compared_and_never_with_the_annual_figure():
    rows = [
        ("markt", 2023, "realised_jobs", 84470, "a", 0, "", {"period": "Q3"}),
        ("markt", 2023, "realised_jobs", 84471, "b", 0, "", {"period": "Q3"}),
        ("markt", 2023, "realised_jobs", 85665, "c"),
        ("markt", 2019, "realised_jobs", 3787, "a", 0, "", {"period": "Q3", "scope": "regulier dienstverband"}),
        ("markt", 2019, "realised_jobs", 3787, "b", 0, "", {"period": "Q3", "scope": "regulier dienstverband"}),
    ]
    r = report_for(*rows)
    assert sorted(zip(r["period"], r["scope"], r["value_a"], r["value_b"], r["outcome"])) == [
        ("Q3", "", 84470, 84471, "differs"),
        ("Q3", "regulier dienstverband", 3787, 3787, "consistent"),
    ]


def test_a_target_above_an_end_goal_due_in_the_year_of_a_series_break_is_flagged():
    """The goal is set before the break and caps the targets before it, whatever era its due year lies in."""
    r = report_for(
        ("hbo", 2024, "target_jobs", 990, "a"),
        ("hbo", 2026, "goal_jobs", 953, "b", 0, "", {"era": 1}),
    )
    assert list(zip(r["check"], r["value_a"], r["value_b"])) == [("target_above_later_goal", 990, 953)]


def test_nothing_is_derived_across_a_series_break():
    d = derive(frame(("p", 2025, "realised_jobs", 700, "s"), ("p", 2026, "realised_jobs", 900, "s", 0, "", {"era": 1})))
    assert values(d, "yoy_change") == {}


def test_consistency_on_the_real_data(tidy):
    """What the report finds in data/raw, worked out by hand from the published figures."""
    f = findings(consistency_report(tidy))
    found = {(r.check, r.sector, int(r.year), r.period, r.value_a, r.value_b) for r in f.itertuples()}
    assert found == {
        ("percentage_vs_counts", "waterschappen", 2021, "year", 60.2, 54.7),  # 60.2 % published, 269.5 / 492.7
        # plausibility: 5,453 extra government jobs in 2015 (Binnenlands Bestuur), 3,597 in 2016 (NRC): -34 %
        ("realised_falls_by_a_third", "overheid_totaal", 2016, "year", 3597, 5453),
        # hbo's task of 990 jobs for 2014-2024 (Zestor's FAQ) lies above its end goal of 953 for 2026 (HOP)
        ("target_above_later_goal", "hbo", 2024, "year", 990, 953),
        # quarterly readings of one quarter that differ by one job: both kept as published, neither corrected
        ("same_figure_two_sources", "banenafspraak_totaal", 2023, "Q3", 84470, 84471),
        ("same_figure_two_sources", "banenafspraak_totaal", 2022, "Q2", 77672, 77673),
    }
    report = consistency_report(tidy).set_index(["check", "sector", "year"])
    # 18,957 + 3,597 (NRC) is exactly 22,554; with 'bijna 3.600' (NU.nl) it is within that figure's rounding
    total_2016 = report.loc[("parts_vs_national_total", "banenafspraak_totaal", 2016)]
    jobs = total_2016[total_2016["measure"] == "realised_jobs"]
    assert sorted(jobs["outcome"]) == ["consistent", "rounding"]
