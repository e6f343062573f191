"""The rules that judge a sector (trends/verdicts), seen through the answer a page opens with: the stand for a year
that has passed and the outlook towards a target ahead. One small fixture per status, answers worked out by hand.

`today` is fixed at 2026-12-01 in these tests, so 2024 has passed and 2030 lies ahead.
"""

import datetime as dt

import pytest
from chart_layout import legend_texts
from conftest import figure_row, make_raw

from analysis.data.dataset import Dataset
from analysis.data.tidy import build_tidy, load_raw
from analysis.display import answer, plots
from analysis.display.summary import sector_summary
from analysis.trends.sector import sector_figures

TODAY = dt.date(2026, 12, 1)
BREAK = (
    "break_id,year,date,sectors,source_id,locator,what_nl,what_en,note\n"
    "wider,2026,2026-01-01,all,letter,art. 1,Bredere doelgroep,Wider target group,\n"
)


def dataset(tmp_path, *rows, breaks: str | None = None) -> Dataset:
    raw = load_raw(make_raw(tmp_path, {"politie": list(rows)}, {"breaks.csv": breaks} if breaks else None))
    return Dataset.of(raw, build_tidy(raw))


def judged(tmp_path, *rows, breaks: str | None = None):
    """The sector's figures (stand and outlook) and its answer in Dutch and English, as the page tells it."""
    data = dataset(tmp_path, *rows, breaks=breaks)
    f = sector_figures(data, "politie", TODAY)
    return f, answer.answer_text(f, "Politie", "nl", data.sources), answer.answer_text(f, "Police", "en", data.sources)


def row(year, measure, value, **kw):
    return figure_row("politie", year, measure, value, **kw)


def told(figures) -> list[tuple]:
    return [(g.measure, g.value, g.status) for g in figures]


POLITIE = [
    row(2019, "realised_jobs", 297),
    row(2020, "realised_jobs", 413),
    row(2021, "realised_jobs", 663),
    row(2024, "target_jobs", 713),
]


def test_the_politie_pattern_is_never_on_course(tmp_path):
    """Own count on course for 2024 (183 a year); the statutory measurement reports 68% for 2024: not met, and
    the own count's trend is told beside it, not instead of it."""
    f, nl, en = judged(
        tmp_path,
        *POLITIE,
        row(2023, "realisation_pct", 54, basis="statutory_measurement"),
        row(2024, "realisation_pct", 68, basis="statutory_measurement", source_id="news"),
    )
    assert (f.stand.status, f.stand.year, f.stand.basis) == ("not_met", 2024, "statutory_measurement")
    assert [(g.year, g.value, g.source_id) for g in f.stand.figures] == [(2024, 68, "news")]
    # 663 + 3 × 183 = 1,212 ≥ 713
    trend = f.stand.other_trend
    assert (trend.basis, trend.on_course, round(trend.projected)) == ("sector_count", True, 1212)
    assert nl.startswith("Niet gehaald in 2024: volgens de wettelijke meting haalde de politie 68% van het doel.")
    assert "in de eigen telling van de sector, doorgetrokken naar 2024, komt het aantal op 1.212" in nl
    assert "Het oordeel volgt toch de wettelijke meting" in nl
    assert en.startswith("Not met in 2024: according to the statutory measurement") and "1,212" in en


def test_met(tmp_path):
    f, nl, _ = judged(tmp_path, row(2023, "realised_jobs", 720), row(2023, "target_jobs", 713))
    assert (f.stand.status, f.stand.year, f.stand.basis) == ("met", 2023, "sector_count")
    # 720 / 713 = 100,98%: 101,0 at the percentage's one decimal, derived from exactly that pair
    assert told(f.stand.figures) == [
        ("realised_jobs", 720, "reported"),
        ("target_jobs", 713, "reported"),
        ("realisation_pct", 101.0, "derived"),
    ]
    assert nl.startswith("Gehaald in 2023: de politie realiseerde 720 banen, bij een doel van 713 (101%).")


def test_not_met_from_counts_when_no_percentage_is_published(tmp_path):
    f, nl, _ = judged(tmp_path, row(2022, "realised_jobs", 3749), row(2022, "target_jobs", 5144))
    assert (f.stand.status, f.stand.year) == ("not_met", 2022)
    # 3.749 / 5.144 = 72,88%
    assert f.stand.figure("realisation_pct").value == 72.9
    assert nl.startswith("Niet gehaald in 2022: de politie realiseerde 3.749 banen, bij een doel van 5.144 (72,9%).")


def test_on_course(tmp_path):
    # (2019, 297), (2020, 413), (2021, 663): least-squares slope 183 a year; 2030: 663 + 9 × 183 = 2,310 ≥ 2,000
    f, nl, _ = judged(tmp_path, *POLITIE[:3], row(2030, "target_jobs", 2000))
    v = f.outlook
    assert (v.status, v.year, v.basis) == ("on_course", 2030, "sector_count")
    assert [g.value for g in v.figures] == [297, 413, 663]
    p = v.projection
    assert p.fitted_years == [2019, 2020, 2021]
    assert p.slope == pytest.approx(183) and p.projected == pytest.approx(663 + 9 * 183)
    # yearly growth seen: 116 (2019-20) and 250 (2020-21)
    assert p.low == pytest.approx(663 + 9 * 116) and p.high == pytest.approx(663 + 9 * 250)
    assert p.needed_per_year == pytest.approx((2000 - 663) / 9)
    assert "Op koers voor het doel van 2.000 banen in 2030" in nl and "komt het in 2030 op 2.310" in nl


def test_not_on_course(tmp_path):
    # 2,310 in 2030 against 5,000; (5,000 − 663) / 9 = 481,9 a year needed
    f, nl, _ = judged(tmp_path, *POLITIE[:3], row(2030, "target_jobs", 5000))
    assert f.outlook.status == "not_on_course" and f.outlook.projection.projected < 5000
    assert "Niet op koers voor het doel van 5.000 banen in 2030" in nl and "nodig is 482 per jaar" in nl


def test_a_published_figure_for_the_target_year_outranks_the_trend(tmp_path):
    # the trend said 1,212 for 2024; the count says 600 < 713
    f, nl, _ = judged(tmp_path, *POLITIE, row(2024, "realised_jobs", 600))
    assert (f.stand.status, f.stand.year) == ("not_met", 2024)
    assert f.stand.other_trend is None
    assert nl.startswith("Niet gehaald in 2024: de politie realiseerde 600 banen, bij een doel van 713 (84,2%).")


def test_bases_that_point_different_ways_are_both_told(tmp_path):
    """Own count 720 of 713 (met), statutory 68% (not met) for the same year: the statutory measurement decides,
    and the own count's other answer is named with its figures, not hidden."""
    f, nl, _ = judged(
        tmp_path,
        row(2024, "realised_jobs", 720),
        row(2024, "target_jobs", 713),
        row(2024, "realisation_pct", 68, basis="statutory_measurement"),
    )
    assert (f.stand.status, f.stand.year, f.stand.basis) == ("not_met", 2024, "statutory_measurement")
    assert [(j.result, j.basis) for j in f.stand.overruled] == [("met", "sector_count")]
    assert "Volgens de eigen telling van de sector was het doel wel gehaald (720 van 713, 101%)" in nl


def test_sources_of_one_basis_that_differ_beyond_rounding(tmp_path):
    """Two sources give the 2024 count on one basis as 600 and 720: neither is picked; both are named."""
    f, nl, _ = judged(
        tmp_path,
        row(2024, "realised_jobs", 600),
        row(2024, "realised_jobs", 720, source_id="news"),
        row(2024, "target_jobs", 713),
    )
    assert (f.stand.status, f.stand.year) == ("sources_differ", 2024)
    assert sorted(g.value for g in [*f.stand.figures, *f.stand.rivals] if g.measure == "realised_jobs") == [600, 720]
    assert nl.startswith("Bronnen verschillen over 2024: 600 (Minister, 1 december 2025);")
    assert "720 (Newspaper, 2025)" in nl


def test_too_little_data_names_what_is_missing(tmp_path):
    f, nl, _ = judged(tmp_path, row(2021, "realised_jobs", 663), row(2030, "target_jobs", 713))
    assert (f.outlook.status, f.outlook.missing) == ("too_little_data", "two_years")
    assert "daarvoor zijn gerealiseerde banen over ten minste twee jaren nodig" in nl
    f, nl, _ = judged(tmp_path / "b", row(2020, "realised_jobs", 663), row(2024, "target_jobs", 713))
    assert (f.stand.status, f.stand.unjudged_target.value, f.stand.reached_by) == ("too_little_data", 713, None)
    assert nl.startswith("Nog geen oordeel: het doel was 713 banen in 2024, maar over 2024 heeft dit rapport geen")


def test_no_target(tmp_path):
    f, nl, _ = judged(tmp_path, *POLITIE[:3])
    assert (f.stand.status, f.outlook.status) == ("too_little_data", "no_target")
    assert "Dit rapport heeft geen doel voor een later jaar." in nl


def test_quarterly_part_sector_and_end_goal_figures_never_decide(tmp_path):
    f, nl, _ = judged(
        tmp_path,
        row(2024, "target_jobs", 713),
        row(2024, "realised_jobs", 800, period="Q3"),
        row(2024, "realised_jobs", 900, scope="primair onderwijs"),
        row(2024, "realisation_pct", 130, basis="end_goal_share"),
    )
    assert (f.stand.status, f.stand.unjudged_target.value, f.stand.figures) == ("too_little_data", 713, [])
    assert "Er zijn geen jaarcijfers voor de hele sector." in nl
    for figure in ("800", "900", "130"):
        assert figure not in nl
    f, _, _ = judged(tmp_path / "b", row(2024, "realised_jobs", 900, scope="primair onderwijs"))
    assert (f.stand.status, f.stand.figures, f.outlook.status) == ("too_little_data", [], "no_target")


def test_no_projection_across_a_series_break(tmp_path):
    f, nl, _ = judged(tmp_path, *POLITIE[:3], row(2030, "target_jobs", 2000), breaks=BREAK)
    assert (f.outlook.status, f.outlook.missing, f.outlook.break_year) == ("too_little_data", "break", 2026)
    assert "vanaf 2026 telt een bredere groep mensen mee (een reeksbreuk)" in nl
    fig = plots.sector_trend(dataset(tmp_path / "b", *POLITIE[:3], row(2030, "target_jobs", 2000), breaks=BREAK),
                             "politie", "nl")  # fmt: skip
    assert "Reeksbreuk vanaf 2026: Bredere doelgroep" in legend_texts(fig)
    assert any(list(line.get_xdata()) == [2025.5, 2025.5] for line in fig.axes[0].lines)  # the break line


def test_summary_json_carries_the_answer_and_no_second_verdict(tmp_path):
    data = dataset(tmp_path, *POLITIE, row(2024, "realisation_pct", 68, basis="statutory_measurement"))
    summary = sector_summary(data, "politie", today=TODAY)
    assert "verdict" not in summary  # the older verdict, told beside the answer, is gone: one verdict per page
    stand = summary["answer"]["stand"]
    assert (stand["status"], stand["year"], stand["basis"]) == ("not_met", 2024, "statutory_measurement")
    assert [(g["value"], g["source_id"]) for g in stand["figures"]] == [(68, "letter")]
    assert summary["answer"]["label_nl"] == ["Niet gehaald in 2024", "Geen doel voor een later jaar"]
    assert summary["answer"]["text_nl"].startswith("Niet gehaald in 2024: volgens de wettelijke meting")
