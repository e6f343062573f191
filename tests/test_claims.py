"""The reports never claim more than the published figures allow: qualifiers, the choice between sources,
bases, falls, rounding, impossible dates and sectors with hardly any figures.

Each case is a small raw folder whose answer is worked out by hand in the test. `today` is 2026-12-01, so
2024 has passed and 2030 lies ahead; the fixture's sources are dated 2025 (`letter`, primary, 2025-12-01;
`news`, secondary, 2025)."""

import datetime as dt
import json

import pytest
from chart_layout import legend_texts
from conftest import FIXTURES, figure_row, make_raw

from analysis.data.dataset import Dataset
from analysis.data.derived import consistency_report
from analysis.data.tidy import build_tidy, load_raw
from analysis.display import narrative, plots, tables
from analysis.display.summary import sector_summary
from analysis.errors import DataValidationError
from analysis.site import pages
from analysis.trends import series, verdicts

TODAY = dt.date(2026, 12, 1)
# A second primary source, newer than `letter`, and an undated one.
MORE_SOURCES = (
    "newer,A newer letter,Minister,2026-03-01,2026-12-01,Kamerstuk 1 nr. 3,,primary,parliamentary_letter,\n"
    "undated,An undated page,Ministry,,2026-12-01,,https://example.invalid/page,primary,government,\n"
)


def raw_with(tmp_path, rows, sector="politie", sources=""):
    files = {}
    if sources:
        files["sources.csv"] = (FIXTURES / "minimal" / "sources.csv").read_text(encoding="utf-8") + sources
    return make_raw(tmp_path, {sector: list(rows)}, files)


def dataset(tmp_path, *rows, sector="politie", sources=MORE_SOURCES):
    raw = load_raw(raw_with(tmp_path, rows, sector, sources))
    return Dataset.of(raw, build_tidy(raw))


def verdict_of(data, sector="politie"):
    return verdicts.verdict(data, sector, today=TODAY)


def row(year, measure, value, sector="politie", **kw):
    return figure_row(sector, year, measure, value, **kw)


def summary_of(data, sector="politie"):
    return sector_summary(data, sector, today=TODAY)


def texts(v, data):
    return narrative.verdict_text(v, "nl", data.sources), narrative.verdict_text(v, "en", data.sources)


# ------------------------------------------------------------------ qualifiers


def test_nearly_the_target_is_not_met_and_the_word_stays(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="nearly"), row(2024, "target_jobs", 700))
    v = verdict_of(data)
    assert (v.status, v.year) == ("not_met", 2024)
    nl, en = texts(v, data)
    assert "bijna 700 banen (2024)" in nl and "nearly 700 jobs (2024)" in en
    summary = summary_of(data)
    assert summary["realised_jobs"]["2024"] == {"value": 700, "qualifier": "nearly", "precision": 0}
    text = narrative.sector_text(summary, "Politie", "nl")
    assert "In 2024 realiseerde de politie bijna 700 banen, bij een doel van 700" in text
    assert "gehaald" not in text.replace("niet gehaald", "")


def test_a_published_nearly_100_percent_is_not_met_and_says_nearly(tmp_path):
    data = dataset(tmp_path, row(2024, "realisation_pct", 100, qualifier="nearly"), row(2024, "target_jobs", 713))
    v = verdict_of(data)
    assert v.status == "not_met"
    nl, en = texts(v, data)
    assert "bijna 100% van het doel (2024)" in nl and "nearly 100% of the target (2024)" in en
    summary = summary_of(data)
    text = narrative.sector_text(summary, "Politie", "nl")
    assert "bijna 100%" in text and " 100% van" not in text.replace("bijna 100% van", "")


def test_at_least_the_target_is_met(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="at least"), row(2024, "target_jobs", 700))
    assert verdict_of(data).status == "met"


@pytest.mark.parametrize("qualifier", ["about", "estimate"])
def test_about_the_target_is_neither_met_nor_not_met(tmp_path, qualifier):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier=qualifier), row(2024, "target_jobs", 700))
    v = verdict_of(data)
    assert v.status == "uncertain"
    nl, en = texts(v, data)
    assert nl.startswith("Onzeker of het doel voor 2024 is gehaald") and en.startswith("Uncertain whether")
    assert "700" in nl and "doel 700" in nl


def test_about_a_figure_well_clear_of_the_target_still_decides(tmp_path):
    # 'circa 700' is rounded to hundreds: 650 to 750, all below a target of 800
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="about"), row(2024, "target_jobs", 800))
    assert verdict_of(data).status == "not_met"


def test_the_index_row_keeps_the_qualifier(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="nearly"), row(2024, "target_jobs", 700))
    table = tables.answers_table(data, "nl")
    cells = table[table["Sector"] == "Politie"].iloc[0].to_dict()
    assert cells["Stand"] == "Niet gehaald in 2024: bijna 700 van 700, bijna 100%"
    assert cells["Nieuwste cijfer"] == "2024: bijna 700"


# ------------------------------------------------------------------ which source


def test_a_primary_source_outranks_a_secondary_one_whatever_their_ids(tmp_path):
    data = dataset(
        tmp_path,
        row(2024, "realised_jobs", 720, source_id="news"),  # 'news' sorts after 'letter' - and after 'aaa'
        row(2024, "realised_jobs", 650, source_id="newer"),
        row(2024, "target_jobs", 700, source_id="newer"),
    )
    assert [p.value for p in series.points(data, "politie", "realised_jobs")] == [650]
    v = verdict_of(data)
    assert v.status == "sources_differ"
    assert sorted((g.value, g.source_id) for g in v.figures if g.measure == "realised_jobs") == [
        (650, "newer"),
        (720, "news"),
    ]
    nl, _ = texts(v, data)
    assert "650" in nl and "720" in nl and "newer" in nl and "news" in nl


def test_the_newer_of_two_primary_sources_is_shown(tmp_path):
    data = dataset(
        tmp_path,
        row(2023, "realised_jobs", 600, source_id="letter"),
        row(2023, "realised_jobs", 640, source_id="newer"),
    )
    assert [(p.value, p.source_id) for p in series.points(data, "politie", "realised_jobs")] == [(640, "newer")]


def test_figures_that_agree_within_rounding_show_the_more_precise_one(tmp_path):
    data = dataset(
        tmp_path,
        row(2024, "realisation_pct", 61, source_id="newer"),
        row(2024, "realisation_pct", 61.3, source_id="letter"),
        row(2024, "target_jobs", 700, source_id="letter"),
    )
    assert [p.value for p in series.points(data, "politie", "realisation_pct")] == [61.3]
    assert verdict_of(data).status == "not_met"


# ------------------------------------------------------------------ bases, falls, rounding


def test_a_projection_never_mixes_bases(tmp_path):
    data = dataset(
        tmp_path,
        row(2019, "realised_jobs", 297),
        row(2020, "realised_jobs", 413),
        row(2021, "realised_jobs", 663),
        row(2028, "target_jobs", 700, basis="national_extra_jobs"),
    )
    v = verdict_of(data)
    assert v.status == "too_little_data" and v.projection is None
    assert v.missing == "basis" and v.basis == "national_extra_jobs"
    nl, en = texts(v, data)
    assert "landelijke meting" in nl and "eigen telling" in nl
    assert "national measurement" in en and "own count" in en


def test_a_fall_in_the_latest_figure_is_named_and_in_the_band(tmp_path):
    data = dataset(
        tmp_path,
        row(2020, "realised_jobs", 100),
        row(2021, "realised_jobs", 800),
        row(2022, "realised_jobs", 600),
        row(2030, "target_jobs", 1000),
    )
    v = verdict_of(data)
    assert v.status == "on_course"  # least squares: 250 a year
    assert v.projection.low == pytest.approx(600 - 200 * 8)  # the fall of 200 is the slowest growth
    nl, en = texts(v, data)
    assert "daalde" in nl and "800 (2021)" in nl and "600 (2022)" in nl
    assert "fell" in en and "800 (2021)" in en and "600 (2022)" in en


def test_a_derived_percentage_is_never_rounded_up_to_a_threshold_not_reached(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 4999), row(2024, "target_jobs", 5000))
    v = verdict_of(data)
    assert v.status == "not_met"
    derived = [p.value for p in series.points(data, "politie", "realisation_pct")]
    assert derived == [99.9]
    summary = summary_of(data)
    text = narrative.sector_text(summary, "Politie", "nl")
    assert "100,0%" not in text and "99,9%" in text


# ------------------------------------------------------------------ impossible dates


def test_realised_jobs_for_a_year_after_the_source_was_published_are_refused(tmp_path):
    raw = raw_with(tmp_path, [row(2019, "realised_jobs", 297), row(2035, "realised_jobs", 900)])
    with pytest.raises(DataValidationError) as err:
        load_raw(raw)
    [issue] = err.value.issues
    assert (issue.file.endswith("figures/politie.csv"), issue.line, issue.column) == (True, 3, "year")
    assert "2035" in issue.rule and "2025-12-01" in issue.rule


def test_a_percentage_from_an_undated_source_for_a_year_after_today_is_refused(tmp_path):
    raw = raw_with(tmp_path, [row(2030, "realisation_pct", 50, source_id="undated")], sources=MORE_SOURCES)
    with pytest.raises(DataValidationError) as err:
        load_raw(raw)
    assert [(i.line, i.column) for i in err.value.issues] == [(2, "year")]


def test_a_target_for_a_later_year_is_fine(tmp_path):
    load_raw(raw_with(tmp_path, [row(2035, "target_jobs", 900), row(2035, "goal_jobs", 1000)]))


def test_a_source_consulted_in_the_future_is_refused(tmp_path):
    sources = (FIXTURES / "minimal" / "sources.csv").read_text(encoding="utf-8")
    sources = sources.replace("2025,2026-12-01", "2025,2999-12-31")
    raw = make_raw(tmp_path, files={"sources.csv": sources})
    with pytest.raises(DataValidationError) as err:
        load_raw(raw)
    [issue] = err.value.issues
    assert (issue.file.endswith("sources.csv"), issue.line, issue.column, issue.value) == (
        True,
        3,
        "accessed",
        "2999-12-31",
    )
    assert "future" in issue.rule


# ------------------------------------------------------------------ hardly any figures


def test_a_sector_with_only_a_goal_gets_a_report_saying_what_is_missing(tmp_path):
    data = dataset(tmp_path, row(2030, "goal_jobs", 900))
    v = verdict_of(data)
    assert v.status == "too_little_data"
    summary = summary_of(data)
    json.dumps(summary)
    nl = narrative.sector_text(summary, "Politie", "nl")
    assert "900" in nl and "geen" in nl.lower()
    fig = plots.sector_trend(data, "politie", "nl")
    assert fig is not None
    assert "900" in narrative.sector_chart_alt(data, "politie", "Politie", "nl")


# ------------------------------------------------------------------ the end goal's due year


def test_sources_that_date_the_end_goal_differently_are_both_named(tmp_path):
    data = dataset(
        tmp_path,
        row(2019, "realised_jobs", 9786, basis="national_extra_jobs"),
        row(2022, "realised_jobs", 10004, basis="national_extra_jobs"),
        row(2025, "goal_jobs", 25000, basis="national_extra_jobs", source_id="letter"),
        row(2026, "goal_jobs", 25000, basis="national_extra_jobs", source_id="newer"),
    )
    v = verdict_of(data, "politie")
    assert v.year == 2026 and v.target.source_id == "newer"
    assert [(g.year, g.source_id) for g in v.goal_dates] == [(2025, "letter"), (2026, "newer")]
    nl, en = texts(v, data)
    # each source named as a reader names it (publisher and date in words), never by its id
    assert "2025 (Minister, 1 december 2025)" in nl and "2026 (Minister, 1 maart 2026)" in nl and "verschillen" in nl
    assert "by 2025 (Minister, 1 December 2025)" in en and "differ" in en
    assert "letter" not in nl and "newer" not in nl
    alt = narrative.sector_chart_alt(data, "politie", "Overheid", "nl")
    assert "2025 (Minister, 1 december 2025)" in alt and "2026 (Minister, 1 maart 2026)" in alt
    fig = plots.sector_trend(data, "politie", "nl")
    labels = legend_texts(fig)
    assert any("25.000" in t and "2026" in t and "2025" in t for t in labels), labels


# ------------------------------------------------------------------ provisional readings


def test_a_provisional_reading_is_shown_marked_and_never_a_point_of_the_series(tmp_path):
    data = dataset(
        tmp_path,
        row(2023, "realised_jobs", 85665, basis="national_extra_jobs"),
        row(2024, "realised_jobs", 90000, basis="national_extra_jobs",
            qualifier="nearly", source_id="newer"),
        row(2025, "realised_jobs", 90000, basis="national_extra_jobs",
            qualifier="at least", period="provisional", source_id="news"),
    )  # fmt: skip
    years = [p.year for p in series.points(data, "politie", "realised_jobs")]
    assert years == [2023, 2024]
    assert not ((data.tidy["status"] == "derived") & (data.tidy["year"] == 2025)).any()
    shown = tables.figures_table(data, "politie", "nl")
    provisional = shown[shown["Periode"] == "voorlopig"]
    assert provisional["Waarde"].tolist() == ["≥90.000"]
    assert series.latest(data, "politie")["year"] == 2024


# ------------------------------------------------------------------ plausibility checks


def test_plausibility_findings_each_with_its_own_check(tmp_path):
    data = dataset(
        tmp_path,
        row(2020, "realised_jobs", 600),
        row(2021, "realised_jobs", 300),  # falls by half
        row(2020, "target_jobs", 700),
        row(2021, "target_jobs", 650),  # the target falls
        row(2022, "target_jobs", 1200),  # above the later end goal
        row(2026, "goal_jobs", 1000),
    )
    report = consistency_report(data.tidy)
    found = {(r.check, int(r.year)) for r in report.itertuples() if r.outcome == "implausible"}
    assert found == {("realised_falls_by_a_third", 2021), ("target_falls", 2021), ("target_above_later_goal", 2022)}
    warnings = narrative.sector_warnings(data, "politie", "nl")
    assert len(warnings) == 3 and all(w.startswith("Let op:") for w in warnings)
    assert any("1.200" in w and "1.000" in w for w in warnings)


def test_a_percentage_on_the_quota_norm_implies_no_job_target(tmp_path):
    data = dataset(
        tmp_path,
        row(2024, "realised_jobs", 605),
        row(2024, "realisation_pct", 36.3, basis="quota_norm"),
        row(2026, "goal_jobs", 953),
    )
    assert series.points(data, "politie", "target_jobs") == []
    assert [p.basis for p in series.other_points(data, "politie", "realisation_pct")] == ["quota_norm"]


def test_the_index_names_the_grounds_of_each_verdict_with_their_qualifiers(tmp_path):
    rows = [row(2024, "realised_jobs", 700, qualifier="nearly"), row(2024, "target_jobs", 700)]
    entries = pages.answer_entries(dataset(tmp_path, *rows), "nl", {})
    politie = next(r for r in entries["rows"] if r["name"] == "Politie")
    assert politie["stand"] == "Niet gehaald in 2024: bijna 700 van 700, bijna 100%"
    assert "Niet gehaald in 2024: de politie realiseerde bijna 700 banen, bij een doel van 700" in politie["text"]


def test_a_trend_told_beside_a_verdict_never_says_it_grew_when_it_fell(tmp_path):
    data = dataset(
        tmp_path,
        row(2019, "realised_jobs", 900),
        row(2020, "realised_jobs", 800),
        row(2021, "realised_jobs", 600),
        row(2024, "target_jobs", 700),
    )
    v = verdict_of(data)
    assert (v.status, v.missing) == ("too_little_data", "target_year_figure")
    nl, en = texts(v, data)
    assert "groeide" not in nl and "rose" not in en
    assert "daalde: van 800 (2020) naar 600 (2021)" in nl and "fell: from 800 (2020) to 600 (2021)" in en


def test_the_trend_beside_a_verdict_keeps_the_last_figures_word(tmp_path):
    data = dataset(
        tmp_path,
        row(2022, "realised_jobs", 81117),
        row(2023, "realised_jobs", 85665),
        row(2024, "realised_jobs", 90000, qualifier="nearly", source_id="newer"),
        row(2025, "target_jobs", 100000),
    )
    nl, en = texts(verdict_of(data), data)
    assert "in 2024 op bijna 90.000" in nl and "at nearly 90,000 in 2024" in en


def test_the_figure_before_keeps_its_thousands_separator_in_both_languages(tmp_path):
    data = dataset(tmp_path, row(2019, "realised_jobs", 1005), row(2020, "realised_jobs", 1015))
    summary = summary_of(data)
    assert "10 jobs more than in 2019 (1,005)" in narrative.sector_text(summary, "Police", "en")
    assert "10 banen meer dan in 2019 (1.005)" in narrative.sector_text(summary, "Politie", "nl")
