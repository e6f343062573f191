"""Notebooks in git: no outputs, no machine-specific metadata, one parameters cell, the python3 kernel."""

import json

import papermill
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_report_notebooks_exist():
    assert {p.name for p in NOTEBOOKS} >= {"sector_trend.ipynb", "overview.ipynb", "national.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert set(nb["metadata"]) == {"kernelspec"}, "only the kernelspec belongs in notebook metadata"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    for cell in nb["cells"]:
        assert set(cell.get("metadata", {})) <= {"tags"}
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_parameters_are_declared_with_types_and_help(path):
    declared = papermill.inspect_notebook(str(path))
    assert "lang" in declared
    for p in declared.values():
        assert p["inferred_type_name"] == "str" and p["help"], p


def test_load_notices_a_changed_raw_file_in_the_same_process(minimal_raw, capsys):
    """An open notebook shows a figure added to data/raw at its next load, without a kernel restart."""
    from conftest import short_row

    from analysis import notebook

    first = notebook.load(minimal_raw)
    assert notebook.load(minimal_raw) is first  # unchanged raw data: the frame read before
    with (minimal_raw / "figures" / "politie.csv").open("a", encoding="utf-8") as fh:
        fh.write(short_row("politie,2021,realised_jobs,663,,letter,Politie,") + "\n")
    second = notebook.load(minimal_raw)
    assert second is not first
    tidy = second.tidy
    rows = tidy[(tidy["sector"] == "politie") & (tidy["year"] == 2021) & (tidy["measure"] == "realised_jobs")]
    assert list(rows["value"]) == [663.0]
    assert "figures/politie.csv" in capsys.readouterr().out  # and it says so


def test_a_chart_is_drawn_from_the_frame_the_cell_before_shows(minimal_raw):
    """Report notebooks show the sector's figures as a frame; edit it, run the chart cell again, see the edit."""
    from analysis import notebook

    data = notebook.load(minimal_raw)
    figures = data.sector_rows("politie")
    assert list(figures.loc[figures["measure"] == "realised_jobs", "value"]) == [297.0, 413.0]
    figures.loc[figures["value"] == 297.0, "value"] = 300.0
    assert "300 (2019)" in notebook.sector_chart(data.with_tidy(figures), "politie", "nl").alt
    figures.loc[figures["value"] == 300.0, "value"] = 310.0  # edited in place: never a stale chart
    assert "310 (2019)" in notebook.sector_chart(data.with_tidy(figures), "politie", "nl").alt
