"""Charts, projection and narrative on small fixtures with answers worked out by hand."""

import functools
import re

import pandas as pd
import pytest
from chart_layout import legend_texts, value_rows
from conftest import make_raw
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analysis.data.dataset import Dataset
from analysis.data.registry import sector_names
from analysis.data.tidy import build_tidy, load_raw
from analysis.display import answer, narrative, plots
from analysis.display.summary import sector_summary
from analysis.trends.sector import sector_figures

NATIONAL = ("overheid_totaal", "markt", "banenafspraak_totaal")

# Politie's realised jobs as published, 2019-2021 (short_row form)
POLITIE_JOBS = [
    f"politie,{year},realised_jobs,{jobs},,letter,P," for year, jobs in ((2019, 297), (2020, 413), (2021, 663))
]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The minimal raw folder plus a few rows: politie 2019-2021 with a 2024 target, a gap year for waterschappen."""
    figures = {
        "politie": [
            *POLITIE_JOBS,
            "politie,2024,target_jobs,713,,letter,P,",
            "politie,2024,realisation_pct,68,,news,P,",
        ],
        "waterschappen": [
            "waterschappen,2018,realised_jobs,200,at least,letter,W,",
            "waterschappen,2020,realised_jobs,262,,letter,W,",
            "waterschappen,2020,realisation_pct,61.3,,letter,W,",
            "waterschappen,2023,target_jobs,600,,letter,W,",
        ],
    }
    raw = load_raw(make_raw(tmp_path_factory.mktemp("raw"), figures))
    return raw, build_tidy(raw)


@pytest.fixture(scope="module")
def real_chart(real_data):
    """A chart of the real data (plots.<maker>(real_data, *args)), drawn once for all the tests of this module that
    only look at it: the national chart alone takes most of a second to draw."""

    @functools.cache
    def draw(maker: str, *args: str) -> Figure:
        return getattr(plots, maker)(real_data, *args)

    return draw


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def bar_years(fig: Figure) -> list[float]:
    ax = fig.axes[0]
    return sorted(
        round(p.get_x() + p.get_width() / 2) for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0
    )


def test_sector_chart_writes_every_value_in_rows_under_its_year(small):
    raw, tidy = small
    fig = plots.sector_trend(Dataset.of(raw, tidy), "politie", "nl")
    (rows,) = value_rows(fig)
    gap = "geen\ncijfer"  # 2022-2024 have no count: said, not left empty
    assert rows["Gerealiseerd"] == {2019: "297", 2020: "413", 2021: "663", 2022: gap, 2023: gap, 2024: gap}
    assert rows["Doelstelling"] == {2024: "713"}
    assert rows["% van doel"] == {2024: "68%"}  # a percentage in a row of its own, never on the jobs axis
    assert not fig.axes[0].texts  # the plot holds marks only: no text can run into a bar or a line
    assert "Politie: gerealiseerde banen en doelstelling" in fig._suptitle.get_text()
    assert fig.axes[0].get_title(loc="left") == "Staven en doelen: eigen telling van de sector"  # the basis, in words
    # each publisher once, with the years of its sources (the full dates are in the table under the chart)
    assert fig._supxlabel.get_text() == "Bronnen: Minister (2025); Newspaper (2025)"


def test_gaps_are_not_interpolated_and_are_marked(small):
    raw, tidy = small
    fig = plots.sector_trend(Dataset.of(raw, tidy), "waterschappen", "nl")
    assert bar_years(fig) == [2018, 2020]  # nothing drawn for 2019
    (rows,) = value_rows(fig)
    assert rows["Gerealiseerd"] == {2018: "≥200", 2019: "geen\ncijfer", 2020: "262"}  # 'at least' is marked
    crosses = [line for line in fig.axes[0].lines if line.get_marker() == "x"]
    assert len(crosses) == 1 and list(crosses[0].get_xdata()) == [2019]  # on the axis where the bar would be
    assert "Geen cijfer gepubliceerd (geen nul)" in legend_texts(fig)


def test_english_chart(small):
    raw, tidy = small
    fig = plots.sector_trend(Dataset.of(raw, tidy), "politie", "en")
    (rows,) = value_rows(fig)
    assert rows["Target"] == {2024: "713"} and rows["Realised"][2022] == "no\nfigure"
    assert "Police: jobs realised and target" in fig._suptitle.get_text()
    assert fig.axes[0].get_title(loc="left") == "Bars and targets: sector's own count"


def _trend_lines(fig):
    from matplotlib.colors import same_color

    return [line for line in fig.axes[0].lines if same_color(line.get_color(), plots.TREND)]


def test_projection_is_drawn_from_the_last_figure_to_a_target_ahead_with_its_band(tmp_path):
    raw = load_raw(make_raw(tmp_path, {"politie": [*POLITIE_JOBS, "politie,2034,target_jobs,3000,,letter,P,"]}))
    fig = plots.sector_trend(Dataset.of(raw, build_tidy(raw)), "politie", "nl")
    trend = _trend_lines(fig)
    assert len(trend) == 1 and list(trend[0].get_xdata()) == [2021, 2034]  # from the last figure only
    assert list(trend[0].get_ydata()) == pytest.approx([663, 663 + 13 * 183])
    band = fig.axes[0].collections[0].get_paths()[0].vertices[:, 1]
    assert min(band) == pytest.approx(663) and max(band) == pytest.approx(663 + 13 * 250)  # fastest growth seen


def test_no_trend_past_a_target_year_that_has_a_figure(small):
    raw, tidy = small  # politie: 2024 target 713 with a published 68% for 2024
    fig = plots.sector_trend(Dataset.of(raw, tidy), "politie", "nl")
    assert not _trend_lines(fig)


def test_a_passed_target_year_is_judged_by_its_figure_and_no_trend_is_drawn(tmp_path):
    raw = load_raw(make_raw(tmp_path))
    tidy = build_tidy(raw)
    fig = plots.sector_trend(Dataset.of(raw, tidy), "waterschappen", "nl")
    assert not _trend_lines(fig)
    data = Dataset.of(raw, tidy)
    said = answer.answer_text(sector_figures(data, "waterschappen"), "Waterschappen", "nl", data.sources)
    assert said.startswith("Niet gehaald in 2020: de waterschappen realiseerden 262 banen, 61,3% van het doel.")


def test_figures_on_another_basis_are_drawn_with_their_own_label(real_chart):
    fig = real_chart("sector_trend", "politie", "nl")
    (rows,) = value_rows(fig)
    assert rows["% van doel, wettelijke meting"] == {2023: "54%", 2024: "68%"}
    assert not [line for line in fig.axes[0].lines if line.get_marker() == "D"]  # no percentage on the jobs axis


def test_single_year_sector_gets_a_chart(real_chart):
    fig = real_chart("sector_trend", "defensie", "nl")
    (rows,) = value_rows(fig)
    assert rows["Gerealiseerd"][2020] == "556" and rows["Doelstelling"][2020] == "633"


def test_sector_with_part_sector_figures_only_gets_a_chart_that_says_so(real_chart):
    fig = real_chart("sector_trend", "funderend_onderwijs", "nl")
    assert "geen cijfers voor de hele sector gepubliceerd" in texts(fig)


def test_derived_values_are_drawn_differently(real_chart):
    fig = real_chart("sector_trend", "wo", "nl")  # target implied by 53 %
    (rows,) = value_rows(fig)
    assert rows["Doelstelling (afgeleid)"] == {2020: "1.641,5"} and "Doelstelling" not in rows
    assert "Doelstelling (afgeleid)" in legend_texts(fig)
    dashed = [line for line in fig.axes[0].lines if line.get_linestyle() != "-" and line.get_xdata()[0] < 2020]
    assert dashed  # the derived target's mark is dashed: not told by colour alone


def test_narrative_politie(small):
    raw, tidy = small
    summary = sector_summary(Dataset.of(raw, tidy), "politie")
    nl = narrative.sector_text(summary, "Politie", "nl")
    assert "In 2021 realiseerde de politie 663 banen." in nl
    assert "Dat zijn 250 banen meer dan in 2020 (413)." in nl
    en = narrative.sector_text(summary, "Police", "en")
    assert "That is 250 jobs more than in 2020 (413)." in en
    # the verdict is the page's answer, told before this text
    said = answer.answer_text(sector_figures(Dataset.of(raw, tidy), "politie"), "Politie", "nl", raw.sources)
    assert said.startswith("Niet gehaald in 2024: volgens de eigen telling van de sector haalde de politie 68% van")


def test_narrative_mentions_gaps_and_qualifiers(small):
    raw, tidy = small
    text = narrative.sector_text(sector_summary(Dataset.of(raw, tidy), "waterschappen"), "Waterschappen", "nl")
    # 'ruim 200' in 2018: the change to 262 is not computed (it lies anywhere from -38 to +62), the word stays
    assert "In 2018 waren het er ruim 200; voor 2019 heeft dit rapport geen cijfer." in text
    assert "+62" not in text
    # 2023 has passed without a figure: the answer names its target beside the stand of 2020, and guesses nothing
    data = Dataset.of(raw, tidy)
    said = answer.answer_text(sector_figures(data, "waterschappen"), "Waterschappen", "nl", data.sources)
    assert "Voor 2023 was het doel 600 banen; over 2023 heeft dit rapport geen jaarcijfer." in said


def test_a_charts_source_line_names_each_publisher_once_with_its_years():
    sources = pd.DataFrame(
        {
            "source_id": ["a", "b", "c", "d"],
            "publisher": ["UWV", "UWV", "Minister van BZK (K.H. Ollongren)", "UWV"],
            "date": ["2021-07-01", "2018-06", "", "2021-12-01"],
        }
    )
    line = plots.source_line(sources, ["a", "b", "c", "d", "unknown"], "nl").replace("\n", " ")
    assert line == "Bronnen: UWV (2018, 2021); Minister van BZK (K.H. Ollongren; zonder datum)"
    assert plots.source_line(sources, ["a"], "en") == "Source: UWV (2021)"


def test_overview_and_national_charts_are_figures(real_chart):
    pct = real_chart("overview_percentages", "nl")
    (column,) = pct.axes[0].child_axes  # the values stand in a column right of the plot, level with their bars
    values = dict(
        zip([t.get_text() for t in pct.axes[0].get_yticklabels()], [t.get_text() for t in column.get_yticklabels()])
    )
    assert values["Rijk (wettelijke meting)"] == "85% (2024)" and values["Rijk"] == "72,9% (2022, afgeleid)"
    assert isinstance(real_chart("small_multiples", "en"), Figure)
    nat = real_chart("national", "nl")
    government, market, total = value_rows(nat)
    # the market goal is published since the release of July 2024 (no longer derived from total - government)
    assert "Doelstelling (afgeleid)" not in market
    # each panel's title gives its end goal, and where sources date it differently, its source and the other years
    # (a row of its own under each panel made the chart too tall for a page)
    titles = [ax.get_title(loc="left").replace("\n", " ") for ax in nat.axes if ax.get_title(loc="left")]
    assert titles == [
        "Overheid en onderwijs. Einddoel 25.000: 2026, Rijksoverheid, 16 juli 2024; bronnen noemen ook 2024, 2025",
        "Marktsector. Einddoel 100.000: 2026, Rijksoverheid, 16 juli 2024; bronnen noemen ook 2025",
        (
            "Banenafspraak totaal. Einddoel 125.000: 2026, Rijksoverheid (Ministerie van SZW), 3 juli 2025; "
            "bronnen noemen ook 2025"
        ),
    ]
    assert not any("Einddoel" in rows for rows in (government, market, total))
    assert "Einddoel (waarde en jaar in de titel boven de grafiek)" in [t.replace("\n", " ") for t in legend_texts(nat)]


def test_small_multiples_share_their_years_and_say_each_has_its_own_scale(real_chart):
    fig = real_chart("small_multiples", "nl")
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert len({ax.get_xlim() for ax in panels}) == 1  # the same years in every panel
    assert all(label.get_rotation() == 0 for ax in panels for label in ax.get_xticklabels())
    note = fig._supxlabel.get_text().replace("\n", " ")
    assert "Elk paneel heeft een eigen verticale schaal" in note
    # a sector with fewer than two figures in jobs gets no panel of wasted space, but is named
    assert "Niet getekend, want minder dan twee cijfers in banen: Funderend onderwijs, Onderzoeksinstellingen," in note
    assert "Onderzoeksinstellingen" not in [ax.get_title(loc="left") for ax in panels]


def _chart_texts(fig):
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_text().strip() and t.get_visible()]


def test_chart_text_meets_wcag_contrast_and_is_readable(real_chart):
    """Every text in every chart reaches 4.5:1 (WCAG 2.1 AA), measured with wcag-contrast-ratio, and is at
    least 8 points; white text only stands on the dark blue bars."""
    import wcag_contrast_ratio as wcag
    from matplotlib.colors import to_rgb

    figures = [real_chart("sector_trend", s, "nl") for s in ("politie", "rijk", "hbo", "wo", "provincies")]
    figures += [
        real_chart("overview_percentages", "nl"),
        real_chart("overview_jobs", "nl"),
        real_chart("own_vs_sroi", "nl"),
        real_chart("small_multiples", "nl"),
        real_chart("national", "nl"),
        real_chart("coverage_heatmap", "nl"),
    ]
    marks = {"●", "○"}  # the coverage cells' marks: graphical, beside their legend
    for fig in figures:
        for t in _chart_texts(fig):
            colour = to_rgb(t.get_color())
            background = to_rgb(plots.REALISED) if colour == (1.0, 1.0, 1.0) else (1.0, 1.0, 1.0)
            assert wcag.rgb(colour, background) >= 4.5, (t.get_text(), t.get_color())
            if t.get_text() not in marks:
                assert t.get_fontsize() >= 8, (t.get_text(), t.get_fontsize())
    for name in ("REALISED", "TARGET", "PCT", "TREND", "DERIVED", "OTHER", "TEXT"):
        assert wcag.rgb(to_rgb(getattr(plots, name)), (1, 1, 1)) >= 4.5, name


def test_every_text_of_a_sector_chart_stays_inside_the_figure(real_chart):
    """The source line is wrapped to the chart's width: nothing is cut off at the edge (Rijk cites four sources)."""
    for sector in ("rijk", "politie"):
        fig = real_chart("sector_trend", sector, "nl")
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        width = fig.bbox.width
        for t in _chart_texts(fig):
            box = t.get_window_extent(renderer)
            assert box.x0 >= -1 and box.x1 <= width + 1, (sector, t.get_text()[:60], box.x1, width)


def test_the_national_chart_draws_the_2020_annual_figures_and_no_quarterly_reading(real_chart):
    """2020: 66,097 realised against 67,500 (the ministry's release as relayed, and UWV). 2018 has only the UWV
    reading up to Q4 (53,390) and its parts by kind of contract: none of them is the annual figure."""
    nat = real_chart("national", "nl")
    government, market, total = value_rows(nat)
    assert total["Gerealiseerd"][2020] == "66.097" and total["Doelstelling"][2020] == "67.500"
    assert total["Gerealiseerd"][2018] == "geen\ncijfer"
    assert market["Gerealiseerd"][2017] != "25.643" and government["Gerealiseerd"][2017] != "553"


def test_every_end_goal_names_the_sources_on_each_side_of_its_due_year(real_data):
    """In the answer's outlook, which a reader sees, and in the chart's alt text, which a screen reader reads."""
    data = real_data
    names = sector_names(data.sectors, "nl")
    said = {s: answer.outlook_sentence(sector_figures(data, s), "nl", data.sources) for s in NATIONAL}
    assert (
        "Over het jaar van dit einddoel verschillen de bronnen: 2025 volgens Medical Facts, 4 augustus 2021 en Raad "
        "van State (Afdeling advisering), 3 maart 2021; 2026 volgens Rijksoverheid, 16 juli 2024. Dit rapport gaat "
        "uit van 2026."
    ) in said["markt"]
    assert "2025 volgens Minister van SZW, 8 juli 2021" in said["banenafspraak_totaal"]
    assert "2026 volgens Rijksoverheid (Ministerie van SZW), 3 juli 2025" in said["banenafspraak_totaal"]
    assert "2024 volgens maatwerkbanen.nl, zonder datum; 2025 volgens Minister van BZK (R.W. Knops), 17 december " \
        "2019; 2026 volgens Rijksoverheid, 16 juli 2024" in said["overheid_totaal"]  # fmt: skip
    alts = {s: narrative.sector_chart_alt(data, s, names[s], "nl") for s in NATIONAL}
    assert "100.000 in 2025 (Raad van State (Afdeling advisering), 3 maart 2021)" in alts["markt"]
    assert "100.000 in 2026 (Rijksoverheid, 16 juli 2024)" in alts["markt"]
    assert "125.000 in 2025 (Minister van SZW, 8 juli 2021)" in alts["banenafspraak_totaal"]
    assert "125.000 in 2026 (Rijksoverheid (Ministerie van SZW), 3 juli 2025)" in alts["banenafspraak_totaal"]
    assert "25.000 in 2024 (maatwerkbanen.nl, zonder datum)" in alts["overheid_totaal"]
    for text in alts.values():
        assert "Bronnen verschillen over het jaar van het einddoel" in text
    for text in [*said.values(), *alts.values()]:
        assert not re.search(r"[a-z]+-\d{4}|\d{4}-\d\d-\d\d", text), text  # no source id, no ISO date


def test_a_finding_names_its_sources_and_the_quarter_it_is_about(real_data):
    data = real_data
    (hbo,) = narrative.sector_warnings(data, "hbo", "nl")
    assert hbo == (
        "Let op: de doelstelling voor 2024, 990 (Zestor, zonder datum), ligt boven een later einddoel van 953 "
        "(Punt (Avans) / Hoger Onderwijs Persbureau, december 2022) op dezelfde basis; een van beide rust "
        "waarschijnlijk op een andere grondslag."
    )
    national = narrative.sector_warnings(data, "banenafspraak_totaal", "en")
    assert (
        "Note: sources give different figures for 2023 (Q3) (jobs realised): 84,470 (Op naar de 125.000, 2024) and "
        "84,471 (Werkgeversservicepunt regio Amersfoort, undated)."
    ) in national


def test_a_finding_about_a_percentage_writes_its_percent_sign(real_data):
    data = real_data
    (waterschappen,) = narrative.sector_warnings(data, "waterschappen", "nl")
    assert "voor 2021, 60,2% (A&O fonds Waterschappen, 2022)" in waterschappen and ": 54,7% (" in waterschappen
