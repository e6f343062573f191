"""Each kind of chart drawn from fixed data and compared with a reviewed image (matplotlib.testing.compare), so
that an unintended change to a chart fails here. The data is the test's own, not data/raw, so a new published
figure never changes a baseline; only a change to the charts does.

The baselines in tests/baseline_images/ are images a person has looked at. After an intended change to the
charts, look at the new images and renew them with

    RENEW_CHART_BASELINES=1 .venv/bin/python -m pytest tests/test_chart_images.py

(docs/testing.md); the renewing run fails on purpose, so that nothing is renewed unnoticed.
"""

import os
from pathlib import Path

import pytest
from conftest import figure_row, make_raw
from matplotlib.testing.compare import compare_images

from analysis.data.dataset import Dataset
from analysis.data.tidy import build_tidy, load_raw
from analysis.display import plots

BASELINES = Path(__file__).parent / "baseline_images"
TOLERANCE = 2.0  # RMS difference of grey levels (0-255) allowed: anti-aliasing, not a moved or changed mark

SECTORS = (
    "sector,name_nl,name_en,short_nl,short_en,group,unit\n"
    "politie,Politie,Police,Politie,Police,overheid,sector_jobs\n"
    "waterschappen,Waterschappen,Water authorities,Waterschappen,Water authorities,overheid,sector_jobs\n"
    "overheid_totaal,Overheid en onderwijs,Government and education,Overheid,Government,nationaal,national_extra_jobs\n"
)
BREAKS = (
    "break_id,year,date,sectors,source_id,locator,what_nl,what_en,note\n"
    "wider,2026,2026-01-01,all,letter,art. 1,Bredere doelgroep,Wider target group,\n"
)


def national(year, measure, value, **kw):
    return figure_row("overheid_totaal", year, measure, value, basis="national_extra_jobs", **kw)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Dataset:
    """Politie with counts, a gap, a target, percentages on the statutory basis and an end goal across a break;
    waterschappen with 'ruim 200', a percentage and a target; the national government figures with a goal."""
    figures = {
        "politie": [
            *(figure_row("politie", y, "realised_jobs", v) for y, v in ((2019, 297), (2020, 413), (2021, 663))),
            figure_row("politie", 2024, "target_jobs", 713),
            figure_row("politie", 2023, "realisation_pct", 54, basis="statutory_measurement"),
            figure_row("politie", 2024, "realisation_pct", 68, basis="statutory_measurement"),
            figure_row("politie", 2026, "goal_jobs", 900),
        ],
        "waterschappen": [
            figure_row("waterschappen", 2018, "realised_jobs", 200, qualifier="at least"),
            figure_row("waterschappen", 2020, "realised_jobs", 262),
            figure_row("waterschappen", 2020, "realisation_pct", 61.3),
            figure_row("waterschappen", 2023, "target_jobs", 600),
        ],
        "overheid_totaal": [
            *(national(y, "realised_jobs", v) for y, v in ((2015, 5453), (2016, 3597), (2018, 7940))),
            *(national(y, "target_jobs", v) for y, v in ((2015, 3000), (2016, 6500), (2017, 10000), (2018, 12500))),
            national(2025, "goal_jobs", 25000),
        ],
    }
    raw = make_raw(tmp_path_factory.mktemp("images"), figures, {"sectors.csv": SECTORS, "breaks.csv": BREAKS})
    loaded = load_raw(raw)
    return Dataset.of(loaded, build_tidy(loaded))


CHARTS = {
    "sector_trend_politie": lambda d: plots.sector_trend(d, "politie", "nl"),
    "sector_trend_waterschappen_en": lambda d: plots.sector_trend(d, "waterschappen", "en"),
    "overview_percentages": lambda d: plots.overview_percentages(d, "nl"),
    "overview_jobs": lambda d: plots.overview_jobs(d, "nl"),
    "small_multiples": lambda d: plots.small_multiples(d, "nl"),
    "national": lambda d: plots.national(d, "nl"),
    "coverage_heatmap": lambda d: plots.coverage_heatmap(d, "nl"),
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_looks_as_reviewed(data, name, tmp_path):
    actual = tmp_path / f"{name}.png"
    CHARTS[name](data).savefig(actual, dpi=80)  # the PNG as the reports write it, a little smaller
    baseline = BASELINES / f"{name}.png"
    if os.environ.get("RENEW_CHART_BASELINES"):
        baseline.write_bytes(actual.read_bytes())
        pytest.fail(f"renewed {baseline.relative_to(BASELINES.parent.parent)}: look at it before committing")
    assert baseline.is_file(), f"no baseline for {name}: renew the baselines (see this file's docstring)"
    difference = compare_images(str(baseline), str(actual), tol=TOLERANCE)
    assert difference is None, difference  # names the image of the differences beside the new one
