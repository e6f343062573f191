"""One verdict per sector, with its grounds: one small fixture per status, answers worked out by hand.

`today` is fixed at 2026-12-01 in these tests, so 2024 has passed and 2030 lies ahead.
"""

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from chart_layout import legend_texts
from conftest import figure_row, make_raw

from analysis.data.dataset import Dataset
from analysis.data.tidy import build_tidy, load_raw
from analysis.display import narrative, plots
from analysis.display.summary import sector_summary
from analysis.trends import verdicts

TODAY = dt.date(2026, 12, 1)
BREAK = (
    "break_id,year,date,sectors,source_id,locator,what_nl,what_en,note\n"
    "wider,2026,2026-01-01,all,letter,art. 1,Bredere doelgroep,Wider target group,\n"
)


def verdict_for(tmp_path, *rows, breaks: str | None = None):
    raw = load_raw(make_raw(tmp_path, {"politie": list(rows)}, {"breaks.csv": breaks} if breaks else None))
    tidy = build_tidy(raw)
    return verdicts.verdict(Dataset.of(raw, tidy), "politie", today=TODAY), (raw, tidy)


def row(year, measure, value, **kw):
    return figure_row("politie", year, measure, value, **kw)


# The minimal fixture's source registry, which names the sources in a verdict's text.
SOURCES = load_raw(make_raw(Path(tempfile.mkdtemp()))).sources


POLITIE = [
    row(2019, "realised_jobs", 297),
    row(2020, "realised_jobs", 413),
    row(2021, "realised_jobs", 663),
    row(2024, "target_jobs", 713),
]


def test_the_politie_pattern_is_never_on_course(tmp_path):
    """Own count on course for 2024 (183 a year); the statutory measurement reports 68% for 2024."""
    v, _ = verdict_for(
        tmp_path,
        *POLITIE,
        row(2023, "realisation_pct", 54, basis="statutory_measurement"),
        row(2024, "realisation_pct", 68, basis="statutory_measurement", source_id="news"),
    )
    assert v.status == "not_met"
    assert (v.year, v.basis) == (2024, "statutory_measurement")
    assert [(g.year, g.value, g.source_id) for g in v.figures] == [(2024, 68, "news")]
    # the own count's trend is told beside it, not instead of it: 663 + 3 × 183 = 1,212 ≥ 713
    assert v.projection.basis == "sector_count" and v.projection.on_course
    nl = narrative.verdict_text(v, "nl", SOURCES)
    assert "niet gehaald volgens de wettelijke meting: 68% van het doel (2024)" in nl
    assert "Volgens de eigen telling van de sector stond het aantal in 2021 op 663" in nl
    en = narrative.verdict_text(v, "en", SOURCES)
    assert "was not met according to the statutory measurement" in en and "would be met" in en


def test_met(tmp_path):
    v, _ = verdict_for(tmp_path, row(2023, "realised_jobs", 720), row(2023, "target_jobs", 713))
    assert (v.status, v.year, v.basis) == ("met", 2023, "sector_count")
    assert [(g.measure, g.value) for g in v.figures] == [("realised_jobs", 720), ("target_jobs", 713)]


def test_not_met_from_counts_when_no_percentage_is_published(tmp_path):
    v, _ = verdict_for(tmp_path, row(2022, "realised_jobs", 3749), row(2022, "target_jobs", 5144))
    assert (v.status, v.year) == ("not_met", 2022)


def test_on_course(tmp_path):
    # (2019, 297), (2020, 413), (2021, 663): least-squares slope 183 a year; 2030: 663 + 9 × 183 = 2,310 ≥ 2,000
    v, _ = verdict_for(tmp_path, *POLITIE[:3], row(2030, "target_jobs", 2000))
    assert (v.status, v.year, v.basis) == ("on_course", 2030, "sector_count")
    p = v.projection
    assert p.fitted_years == [2019, 2020, 2021]
    assert p.slope == pytest.approx(183) and p.projected == pytest.approx(663 + 9 * 183)
    # yearly growth seen: 116 (2019-20) and 250 (2020-21)
    assert p.low == pytest.approx(663 + 9 * 116) and p.high == pytest.approx(663 + 9 * 250)
    assert p.needed_per_year == pytest.approx((2000 - 663) / 9)


def test_not_on_course(tmp_path):
    v, _ = verdict_for(tmp_path, *POLITIE[:3], row(2030, "target_jobs", 5000))
    assert v.status == "not_on_course" and v.projection.projected < 5000


def test_a_published_figure_for_the_target_year_outranks_the_trend(tmp_path):
    v, _ = verdict_for(tmp_path, *POLITIE, row(2024, "realised_jobs", 600))
    assert (v.status, v.year) == ("not_met", 2024)  # the trend said 1,212; the count says 600 < 713


def test_sources_differ(tmp_path):
    v, _ = verdict_for(
        tmp_path,
        row(2024, "realised_jobs", 720),
        row(2024, "target_jobs", 713),
        row(2024, "realisation_pct", 68, basis="statutory_measurement"),
    )
    assert (v.status, v.year, v.basis) == ("sources_differ", 2024, None)
    assert {g.basis for g in v.figures} == {"sector_count", "statutory_measurement"}
    assert "eigen telling van de sector" in narrative.verdict_text(v, "nl", SOURCES)


def test_too_little_data_names_what_is_missing(tmp_path):
    v, _ = verdict_for(tmp_path, row(2021, "realised_jobs", 663), row(2030, "target_jobs", 713))
    assert (v.status, v.missing) == ("too_little_data", "two_years")
    v, _ = verdict_for(tmp_path / "b", row(2020, "realised_jobs", 663), row(2024, "target_jobs", 713))
    assert (v.status, v.missing, v.year) == ("too_little_data", "target_year_figure", 2024)
    assert "voor 2024, het jaar van het doel van 713 banen, is geen cijfer gepubliceerd" in narrative.verdict_text(
        v, "nl", SOURCES
    )


def test_no_target(tmp_path):
    v, _ = verdict_for(tmp_path, *POLITIE[:3])
    assert v.status == "no_target"


def test_quarterly_part_sector_and_end_goal_figures_never_decide(tmp_path):
    v, _ = verdict_for(
        tmp_path,
        row(2024, "target_jobs", 713),
        row(2024, "realised_jobs", 800, period="Q3"),
        row(2024, "realised_jobs", 900, scope="primair onderwijs"),
        row(2024, "realisation_pct", 130, basis="end_goal_share"),
    )
    assert (v.status, v.missing) == ("too_little_data", "target_year_figure")
    v, _ = verdict_for(tmp_path / "b", row(2024, "realised_jobs", 900, scope="primair onderwijs"))
    assert (v.status, v.missing) == ("too_little_data", "whole_sector")


def test_no_projection_across_a_series_break(tmp_path):
    v, (data, tidy) = verdict_for(tmp_path, *POLITIE[:3], row(2030, "target_jobs", 2000), breaks=BREAK)
    assert (v.status, v.missing, v.break_year) == ("too_little_data", "break", 2026)
    assert "reeksbreuk van 2026" in narrative.verdict_text(v, "nl", SOURCES)
    fig = plots.sector_trend(Dataset.of(data, tidy), "politie", "nl")
    assert "Reeksbreuk vanaf 2026: Bredere doelgroep" in legend_texts(fig)
    assert any(list(line.get_xdata()) == [2025.5, 2025.5] for line in fig.axes[0].lines)  # the break line


def test_summary_json_carries_the_verdict(tmp_path):
    _, (data, tidy) = verdict_for(tmp_path, *POLITIE, row(2024, "realisation_pct", 68, basis="statutory_measurement"))
    v = sector_summary(Dataset.of(data, tidy), "politie", today=TODAY)["verdict"]
    assert set(v) >= {"status", "year", "basis", "figures", "text_nl", "text_en"}
    assert v["figures"][0]["value"] == 68 and v["figures"][0]["source_id"] == "letter"
