"""Notebooks in git: no outputs, no machine-specific metadata, one parameters cell, the python3 kernel."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import papermill
import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_report_notebooks_exist():
    assert {p.name for p in NOTEBOOKS} >= {"sector_trend.ipynb", "overview.ipynb", "national.ipynb"}


def committed(path) -> str:
    """A notebook as git holds it at HEAD (what JupyterLab last saved in the working copy is not committed: the
    nbstripout filter cleans it on `git add`); the file itself where it is not in git."""
    shown = subprocess.run(
        ["git", "show", f"HEAD:{path.relative_to(ROOT).as_posix()}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return shown.stdout if shown.returncode == 0 else path.read_text(encoding="utf-8")


def assert_clean(text: str) -> None:
    nb = json.loads(text)
    assert set(nb["metadata"]) == {"kernelspec"}, "only the kernelspec belongs in notebook metadata"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    for cell in nb["cells"]:
        assert set(cell.get("metadata", {})) <= {"tags"}
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    assert_clean(committed(path))


@pytest.mark.slow  # a real process
def test_a_notebook_saved_in_jupyterlab_is_committed_clean(tmp_path):
    """What `make lab` and `make test` install (make git-filter): nbstripout as the git filter, also stripping what
    JupyterLab adds on save (language_info, a cell's 'trusted'), keeping the kernelspec and the cell tags. On
    the previous code the suite failed after a save in JupyterLab ('only the kernelspec belongs ...')."""
    repo = tmp_path / "clone"
    repo.mkdir()
    for name in ("Makefile", ".gitattributes", "pyproject.toml"):
        shutil.copyfile(ROOT / name, repo / name)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    venv = Path(sys.executable).parent.parent
    installed = venv / ".installed-lab"  # this test's own environment: make installs nothing (-o)
    subprocess.run(["make", "-C", str(repo), "-o", str(installed), "git-filter", f"VENV={venv}"], check=True,
                   capture_output=True)  # fmt: skip
    saved = json.loads((ROOT / "notebooks/sector_trend.ipynb").read_text(encoding="utf-8"))
    saved["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}  # as JupyterLab saves it
    code = next(
        c for c in saved["cells"] if c["cell_type"] == "code" and "parameters" not in c["metadata"].get("tags", [])
    )
    code["metadata"]["trusted"] = True
    code["execution_count"] = 3
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["297\n"]}]
    (repo / "sector_trend.ipynb").write_text(json.dumps(saved, indent=1), encoding="utf-8")
    with pytest.raises(AssertionError):
        assert_clean((repo / "sector_trend.ipynb").read_text(encoding="utf-8"))  # the saved file is not clean
    subprocess.run([*git, "add", "sector_trend.ipynb"], check=True)
    staged = subprocess.run([*git, "show", ":sector_trend.ipynb"], check=True, capture_output=True, text=True)
    assert_clean(staged.stdout)  # what is committed is
    assert "parameters" in staged.stdout  # the parameters tag stays


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


def test_a_chart_drawn_twice_from_the_same_figures_is_the_same_file(minimal_raw):
    """A report made twice from the same figures shows the same charts, byte for byte: matplotlib names the clip
    paths of an SVG at random unless a salt is set when it saves (the page test once found 'cdn' in such a name),
    and it writes the moment of saving into the SVG."""
    from analysis import notebook

    data = notebook.load(minimal_raw)
    first, second = (notebook.sector_chart(data, "politie", "nl")._repr_mimebundle_()[0] for _ in range(2))
    assert 'clip-path="url(#' in first["image/svg+xml"]
    assert first == second  # the PNG, the SVG, the page's image and its table


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang,heading,other",
    [("nl", "Verkennen", ["Explore", "The answer", "All figures"]), ("en", "Explore", ["Verkennen", "Alle cijfers"])],
)
def test_explore_speaks_one_language_and_shows_readable_tables(tmp_path, lang, heading, other):
    """explore.ipynb in JupyterLab: headings in the language of its `lang` only (on the previous code every
    heading stood in both), the answer as sentences (not a tuple), tables with the page's labels and '—' for an
    empty cell (no NaN), and the reports' chart."""
    out = tmp_path / "explore.ipynb"
    papermill.execute_notebook(
        str(ROOT / "notebooks/explore.ipynb"), str(out), parameters={"lang": lang}, cwd=str(ROOT / "notebooks"),
        kernel_name="python3", progress_bar=False,
    )  # fmt: skip
    outputs = [o for c in json.loads(out.read_text(encoding="utf-8"))["cells"] for o in c.get("outputs", [])]
    html = "\n".join("".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert f"<h1>{heading}</h1>" in html and not [h for h in other if f">{h}</h" in html]
    assert "—" in html and "NaN" not in html and "nan" not in html.lower().split()
    answer = "Niet gehaald in 2024: volgens de wettelijke meting haalde de politie 68% van het doel."
    assert answer in html if lang == "nl" else "Not met in 2024: according to the statutory measurement" in html
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the reports' chart


def test_a_wrong_measure_is_refused_with_the_measures_there_are(tmp_path):
    from analysis import notebook
    from analysis.errors import ParameterError

    with pytest.raises(ParameterError, match="unknown measure 'realised'; known: realised_jobs, target_jobs"):
        notebook.check_measure("realised")
