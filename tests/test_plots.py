"""Charts, projection and narrative on small fixtures with answers worked out by hand."""

import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis import narrative, plots, trends
from analysis.tidy import build_tidy, load_raw
from conftest import FIXTURES, write_figures


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The minimal raw folder plus a few rows: politie 2019-2021 with a 2024 target, a gap year for waterschappen."""
    import shutil

    raw = tmp_path_factory.mktemp("raw") / "raw"
    shutil.copytree(FIXTURES / "minimal", raw)
    write_figures(raw, "politie", "politie,2019,realised_jobs,297,,letter,P,", "politie,2020,realised_jobs,413,,letter,P,",
                  "politie,2021,realised_jobs,663,,letter,P,", "politie,2024,target_jobs,713,,letter,P,",
                  "politie,2024,realisation_pct,68,,news,P,")
    write_figures(raw, "waterschappen", "waterschappen,2018,realised_jobs,200,at least,letter,W,",
                  "waterschappen,2020,realised_jobs,262,,letter,W,", "waterschappen,2020,realisation_pct,61.3,,letter,W,",
                  "waterschappen,2023,target_jobs,600,,letter,W,")
    data = load_raw(raw)
    return data, build_tidy(data)


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def bar_years(fig: Figure) -> list[float]:
    ax = fig.axes[0]
    return sorted(round(p.get_x() + p.get_width() / 2) for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0)


def test_sector_chart_labels_every_value_and_the_future_target(small):
    data, tidy = small
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "politie", "nl")
    labels = texts(fig)
    assert {"297", "413", "663"} <= set(labels)
    assert "doel 713" in labels
    assert any(t.startswith("68%") for t in labels)  # a percentage where no count is published
    assert "Politie: gerealiseerde banen en doelstelling" in fig.axes[0].get_title(loc="left")
    assert "Minister (2021-12-01)" in fig._supxlabel.get_text() and "Newspaper (2022)" in fig._supxlabel.get_text()


def test_gaps_are_not_interpolated(small):
    data, tidy = small
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "waterschappen", "nl")
    assert bar_years(fig) == [2018, 2020]  # nothing drawn for 2019
    assert "≥200" in texts(fig)  # 'at least' is marked


def test_english_chart(small):
    data, tidy = small
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "politie", "en")
    assert "target 713" in texts(fig)
    assert "Police: jobs realised and target" in fig.axes[0].get_title(loc="left")


def test_projection_is_drawn_when_possible(small):
    from matplotlib.colors import same_color

    data, tidy = small
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "politie", "nl")
    trend = [line for line in fig.axes[0].lines if same_color(line.get_color(), plots.TREND)]
    assert len(trend) == 1 and list(trend[0].get_xdata()) == [2019, 2024]


def test_projection_on_hand_computed_cases(small):
    _, tidy = small
    p = trends.projection(tidy, "politie")
    # least squares through (2019, 297), (2020, 413), (2021, 663): slope 183, mean 457.67 in 2020
    assert p.possible and p.slope == pytest.approx(183) and p.projected == pytest.approx(457.6667 + 4 * 183, abs=1e-3)
    assert p.needed_per_year == pytest.approx(50 / 3) and p.on_course is True
    w = trends.projection(tidy, "waterschappen")
    # (2018, 200), (2020, 262): slope 31 a year; 2023: 262 + 3 * 31 = 355 < 600
    assert w.slope == pytest.approx(31) and w.projected == pytest.approx(355) and w.on_course is False


def test_too_little_data_for_a_projection_is_said_not_drawn(tmp_path):
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(FIXTURES / "minimal", raw)
    data = load_raw(raw)
    tidy = build_tidy(data)
    assert trends.projection(tidy, "waterschappen").reason == "too_few_years"
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "waterschappen", "nl")
    from matplotlib.colors import same_color

    assert not [line for line in fig.axes[0].lines if same_color(line.get_color(), plots.TREND)]
    text = narrative.sector_text(trends.sector_summary(tidy, "waterschappen"), "Waterschappen", "nl")
    assert "te weinig gegevens" in text


def test_single_year_sector_gets_a_chart(tidy, repo_raw):
    data = load_raw(repo_raw)
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "defensie", "nl")
    assert {"556", "doel 633"} <= set(texts(fig))


def test_sector_without_figures_gets_a_chart_that_says_so(tidy, repo_raw):
    data = load_raw(repo_raw)
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "funderend_onderwijs", "nl")
    assert "geen cijfers gepubliceerd" in texts(fig)


def test_derived_values_are_drawn_differently(tidy, repo_raw):
    data = load_raw(repo_raw)
    fig = plots.sector_trend(tidy, data.sectors, data.sources, "wo", "nl")  # target implied by 53 %
    assert "doel 1.641,5 (afgeleid)" in texts(fig)


def test_narrative_politie(small):
    _, tidy = small
    summary = trends.sector_summary(tidy, "politie")
    nl = narrative.sector_text(summary, "Politie", "nl")
    assert "In 2021 realiseerde Politie 663 banen." in nl
    assert "+250 banen ten opzichte van 2020 (413)" in nl
    assert "ligt de sector op koers" in nl
    assert "68% (2024)" in nl
    en = narrative.sector_text(summary, "Police", "en")
    assert "the sector is on course" in en and "+250 jobs compared with 2020 (413)" in en


def test_narrative_mentions_gaps_and_qualifiers(small):
    _, tidy = small
    text = narrative.sector_text(trends.sector_summary(tidy, "waterschappen"), "Waterschappen", "nl")
    assert "+62 banen ten opzichte van 2018 (200)" in text
    assert "voor de jaren daartussen zijn geen cijfers gepubliceerd" in text
    assert "niet op koers" in text


def test_overview_and_national_charts_are_figures(tidy, repo_raw):
    data = load_raw(repo_raw)
    pct = plots.overview_percentages(tidy, data.sectors, "nl")
    assert any("(2024)" in t for t in texts(pct))
    assert isinstance(plots.small_multiples(tidy, data.sectors, "en"), Figure)
    nat = plots.national(tidy, data.sectors, data.sources, "nl")
    assert any(t.startswith("Einddoel 100.000") and "afgeleid" in t for t in texts(nat))
    assert any(t.startswith("Einddoel 125.000") for t in texts(nat))
