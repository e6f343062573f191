"""Every chart the real Dutch and English sites make, measured as drawn: no text on another text, no line
through a text, no text running into a bar or under a legend, nothing cut off (tests/chart_layout.py)."""

import pytest
from chart_layout import collisions

from analysis import notebook
from analysis.data.dataset import Dataset
from analysis.trends import series


def site_charts(data: Dataset, lang: str, only: str = "") -> dict[str, notebook.Chart]:
    """The charts the report run puts on a site: one per sector with figures, the overview's, national, coverage;
    `only`: those whose name starts with it (each chart is drawn only when asked for)."""
    makers = {
        f"sector {s}": (lambda s=s: {f"sector {s}": notebook.sector_chart(data, s, lang)})
        for s in series.sectors_with_data(data)
    }
    makers["overview"] = lambda: {
        f"overview {name}": c for name, c in notebook.overview_charts(data, lang).items() if c is not None
    }
    makers["national"] = lambda: {"national": notebook.national_chart(data, lang)}
    makers["coverage"] = lambda: {"coverage": notebook.coverage_chart(data, lang)}
    charts: dict[str, notebook.Chart] = {}
    for name, make in makers.items():
        if name.startswith(only):
            charts |= make()
    return charts


# One chart of each kind (a sector's, the overview's, the national, the coverage grid), for the fast loop; the
# whole sites in both languages in the full suite (slow: each draws some twenty charts and measures every text).
KINDS = ["sector politie", "overview", "national", "coverage"]


@pytest.mark.parametrize("kind", KINDS)
def test_one_chart_of_each_kind_has_no_collision(real_data, kind):
    charts = site_charts(real_data, "nl", only=kind)
    assert charts, f"no chart of kind {kind!r}"
    found = {name: collisions(chart.figure) for name, chart in charts.items()}
    assert not any(found.values()), {name: [str(c) for c in cs] for name, cs in found.items() if cs}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_chart_on_the_site_has_a_collision(real_data, lang):
    found = {name: collisions(chart.figure) for name, chart in site_charts(real_data, lang).items()}
    bad = {name: [str(c) for c in cs] for name, cs in found.items() if cs}
    total = sum(len(cs) for cs in bad.values())
    assert not bad, f"{total} collisions in {len(bad)} of {len(found)} charts: {bad}"
