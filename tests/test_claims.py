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
from analysis.display import answer, narrative, plots, tables
from analysis.display.summary import sector_summary
from analysis.errors import DataValidationError
from analysis.site import pages
from analysis.trends import series
from analysis.trends.sector import sector_figures

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


def figures_of(data, sector="politie"):
    """The sector's figures with its stand and outlook, as its page and the index tell them."""
    return sector_figures(data, sector, TODAY)


def row(year, measure, value, sector="politie", **kw):
    return figure_row(sector, year, measure, value, **kw)


def summary_of(data, sector="politie"):
    return sector_summary(data, sector, today=TODAY)


def texts(data, sector="politie"):
    """The answer a page opens with, in Dutch and English."""
    f = figures_of(data, sector)
    return answer.answer_text(f, "Politie", "nl", data.sources), answer.answer_text(f, "Police", "en", data.sources)


# ------------------------------------------------------------------ qualifiers


def test_nearly_the_target_is_not_met_and_the_word_stays(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="nearly"), row(2024, "target_jobs", 700))
    stand = figures_of(data).stand
    assert (stand.status, stand.year) == ("not_met", 2024)
    nl, en = texts(data)
    assert nl.startswith("Niet gehaald in 2024: de politie realiseerde bijna 700 banen, bij een doel van 700 (bijna")
    assert en.startswith("Not met in 2024: the police realised nearly 700 jobs against a target of 700 (nearly 100%)")
    assert "gehaald" not in nl.replace("Niet gehaald", "")
    summary = summary_of(data)
    assert summary["realised_jobs"]["2024"] == {"value": 700, "qualifier": "nearly", "precision": 0}
    text = narrative.sector_text(summary, "Politie", "nl")
    assert "In 2024 realiseerde de politie bijna 700 banen, bij een doel van 700" in text
    assert "gehaald" not in text.replace("niet gehaald", "")


def test_a_published_nearly_100_percent_is_not_met_and_says_nearly(tmp_path):
    data = dataset(tmp_path, row(2024, "realisation_pct", 100, qualifier="nearly"), row(2024, "target_jobs", 713))
    assert figures_of(data).stand.status == "not_met"
    nl, en = texts(data)
    assert "haalde de politie bijna 100% van het doel" in nl and "the police reached nearly 100% of the target" in en
    summary = summary_of(data)
    text = narrative.sector_text(summary, "Politie", "nl")
    assert "bijna 100%" in text and " 100% van" not in text.replace("bijna 100% van", "")


def test_at_least_the_target_is_met(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="at least"), row(2024, "target_jobs", 700))
    assert figures_of(data).stand.status == "met"
    assert texts(data)[0].startswith("Gehaald in 2024: de politie realiseerde ruim 700 banen, bij een doel van 700")


@pytest.mark.parametrize(("qualifier", "word"), [("about", "ongeveer"), ("estimate", "naar schatting")])
def test_about_the_target_is_neither_met_nor_not_met(tmp_path, qualifier, word):
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier=qualifier), row(2024, "target_jobs", 700))
    assert figures_of(data).stand.status == "uncertain"
    nl, en = texts(data)
    assert nl.startswith(f"Onzeker voor 2024: de politie realiseerde {word} 700 banen, bij een doel van 700")
    assert "laten zowel gehaald als niet gehaald toe" in nl and en.startswith("Uncertain for 2024")


def test_about_a_figure_well_clear_of_the_target_still_decides(tmp_path):
    # 'circa 700' is rounded to hundreds: 650 to 750, all below a target of 800
    data = dataset(tmp_path, row(2024, "realised_jobs", 700, qualifier="about"), row(2024, "target_jobs", 800))
    assert figures_of(data).stand.status == "not_met"


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
    stand = figures_of(data).stand
    assert stand.status == "sources_differ"
    assert sorted((g.value, g.source_id) for g in stand.figures + stand.rivals if g.measure == "realised_jobs") == [
        (650, "newer"),
        (720, "news"),
    ]
    nl, _ = texts(data)
    # both named, each source as a reader names it: the newer primary letter first, the newspaper as its rival
    assert nl.startswith("Bronnen verschillen over 2024: 650 (Minister, 1 maart 2026);")
    assert "720 (Newspaper, 2025)" in nl


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
    assert figures_of(data).stand.status == "not_met"
    assert "haalde de politie 61,3% van het doel" in texts(data)[0]


# ------------------------------------------------------------------ bases, falls, rounding


def test_a_projection_never_mixes_bases(tmp_path):
    data = dataset(
        tmp_path,
        row(2019, "realised_jobs", 297),
        row(2020, "realised_jobs", 413),
        row(2021, "realised_jobs", 663),
        row(2028, "target_jobs", 700, basis="national_extra_jobs"),
    )
    outlook = figures_of(data).outlook
    assert outlook.status == "too_little_data" and outlook.projection is None
    assert outlook.missing == "basis" and outlook.basis == "national_extra_jobs"
    nl, en = texts(data)
    # both counts named: the target's, and the one the sector's counts are on (the older verdict's text did so)
    assert "Over het doel van 700 extra banen in 2028 is geen uitspraak mogelijk: dat doel geldt in de landelijke " \
        "meting, en daarin zijn geen gerealiseerde banen gepubliceerd, alleen in de eigen telling van de sector; " \
        "verschillende tellingen worden niet gemengd." in nl  # fmt: skip
    assert "that target is on the national measurement, and no realised jobs are published on it, only on the " \
        "sector's own count; different counts are never mixed." in en  # fmt: skip


def test_a_fall_in_the_latest_figure_is_named_and_in_the_band(tmp_path):
    data = dataset(
        tmp_path,
        row(2020, "realised_jobs", 100),
        row(2021, "realised_jobs", 800),
        row(2022, "realised_jobs", 600),
        row(2030, "target_jobs", 1000),
    )
    outlook = figures_of(data).outlook
    assert outlook.status == "on_course"  # least squares: 250 a year
    assert outlook.projection.low == pytest.approx(600 - 200 * 8)  # the fall of 200 is the slowest growth
    summary = summary_of(data)
    assert "Dat zijn 200 banen minder dan in 2021 (800)." in narrative.sector_text(summary, "Politie", "nl")
    assert "That is 200 jobs fewer than in 2021 (800)." in narrative.sector_text(summary, "Police", "en")


def test_a_derived_percentage_is_never_rounded_up_to_a_threshold_not_reached(tmp_path):
    data = dataset(tmp_path, row(2024, "realised_jobs", 4999), row(2024, "target_jobs", 5000))
    stand = figures_of(data).stand
    assert stand.status == "not_met"
    derived = [p.value for p in series.points(data, "politie", "realisation_pct")]
    assert derived == [99.9]
    assert stand.figure("realisation_pct").value == 99.9
    # on the code before, the answer said '4.999 banen, bij een doel van 5.000 (100%)' under 'Niet gehaald'
    nl, _ = texts(data)
    assert "de politie realiseerde 4.999 banen, bij een doel van 5.000 (99,9%)" in nl and "100%" not in nl
    assert answer.answer_cells(figures_of(data), "nl")["stand"] == "Niet gehaald in 2024: 4.999 van 5.000, 99,9%"
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
    f = figures_of(data)
    assert (f.stand.status, f.outlook.status, f.outlook.missing) == ("too_little_data", "too_little_data", "two_years")
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
    outlook = figures_of(data).outlook
    assert outlook.year == 2026 and outlook.target.source_id == "newer"
    assert [(g.year, g.source_id) for g in outlook.goal_dates] == [(2025, "letter"), (2026, "newer")]
    nl, en = texts(data)
    # each source named as a reader names it (publisher and date in words), never by its id
    assert "Over het jaar van dit einddoel verschillen de bronnen: 2025 volgens Minister, 1 december 2025; 2026 " \
        "volgens Minister, 1 maart 2026. Dit rapport gaat uit van 2026." in nl  # fmt: skip
    assert "2025 according to Minister, 1 December 2025" in en and "This report takes 2026." in en
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


def test_a_count_that_fell_is_never_said_to_have_grown(tmp_path):
    data = dataset(
        tmp_path,
        row(2019, "realised_jobs", 900),
        row(2020, "realised_jobs", 800),
        row(2021, "realised_jobs", 600),
        row(2024, "target_jobs", 700),
    )
    stand = figures_of(data).stand
    assert (stand.status, stand.unjudged_target.value) == ("too_little_data", 700)
    summary = summary_of(data)
    nl, en = narrative.sector_text(summary, "Politie", "nl"), narrative.sector_text(summary, "Police", "en")
    assert "Dat zijn 200 banen minder dan in 2020 (800)." in nl and "That is 200 jobs fewer than in 2020 (800)." in en
    said = " ".join([nl, en, *texts(data)])
    for word in ("groei", "meer dan", "grew", "rose", "more than"):
        assert word not in said


def test_the_latest_count_keeps_its_word(tmp_path):
    data = dataset(
        tmp_path,
        row(2022, "realised_jobs", 81117),
        row(2023, "realised_jobs", 85665),
        row(2024, "realised_jobs", 90000, qualifier="nearly", source_id="newer"),
        row(2025, "target_jobs", 100000),
    )
    summary = summary_of(data)
    nl, en = narrative.sector_text(summary, "Politie", "nl"), narrative.sector_text(summary, "Police", "en")
    assert "In 2024 realiseerde de politie bijna 90.000 banen." in nl
    assert "In 2024, the police realised nearly 90,000 jobs." in en
    assert "90.000 banen" not in nl.replace("bijna 90.000 banen", "")


def test_the_figure_before_keeps_its_thousands_separator_in_both_languages(tmp_path):
    data = dataset(tmp_path, row(2019, "realised_jobs", 1005), row(2020, "realised_jobs", 1015))
    summary = summary_of(data)
    assert "10 jobs more than in 2019 (1,005)" in narrative.sector_text(summary, "Police", "en")
    assert "10 banen meer dan in 2019 (1.005)" in narrative.sector_text(summary, "Politie", "nl")
