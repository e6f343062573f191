"""Every chart the real Dutch and English sites make, measured as drawn: no text on another text, no line
through a text, no text running into a bar or under a legend, nothing cut off (tests/chart_layout.py)."""

import pytest
from chart_layout import collisions

from analysis import notebook
from analysis.data.dataset import Dataset
from analysis.trends import series


@pytest.fixture(scope="module")
def real_data(tidy, repo_raw) -> Dataset:
    from analysis.data.tidy import load_raw

    return Dataset.of(load_raw(repo_raw), tidy)


def site_charts(data: Dataset, lang: str) -> dict[str, notebook.Chart]:
    """The charts the report run puts on a site: one per sector with figures, the overview's, national, coverage."""
    charts = {f"sector {s}": notebook.sector_chart(data, s, lang) for s in series.sectors_with_data(data)}
    charts |= {f"overview {name}": c for name, c in notebook.overview_charts(data, lang).items() if c is not None}
    charts["national"] = notebook.national_chart(data, lang)
    charts["coverage"] = notebook.coverage_chart(data, lang)
    return charts


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_chart_on_the_site_has_a_collision(real_data, lang):
    found = {name: collisions(chart.figure) for name, chart in site_charts(real_data, lang).items()}
    bad = {name: [str(c) for c in cs] for name, cs in found.items() if cs}
    total = sum(len(cs) for cs in bad.values())
    assert not bad, f"{total} collisions in {len(bad)} of {len(found)} charts: {bad}"
