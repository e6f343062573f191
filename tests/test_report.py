"""The report run end to end, in temporary folders: what a run does on change, failure or a new notebook.
What a full run of the real data writes is tested in test_site.py and test_site_en.py, beside the shared real sites."""

import json
import re
import shutil

import nbformat
import pytest
from conftest import FIXTURES, ROOT, TINY_NOTEBOOKS, report_args, short_row

from analysis.errors import ParameterError
from analysis.run.jobs import Job, check_parameters

# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = pytest.mark.slow


def test_a_changed_figure_or_a_missing_output_is_not_taken_for_no_change(minimal_site, run_cli):
    tmp_path = minimal_site
    raw = tmp_path / "raw"
    args = report_args(tmp_path, raw=raw)
    code, out, _ = run_cli(*args)
    assert code == 0 and "(0 executed, 0 failed" in out  # every report of the copied run is up to date
    assert "nothing changed" in run_cli(*args)[1]

    with (raw / "figures" / "politie.csv").open("a", encoding="utf-8") as fh:
        fh.write(short_row("politie,2021,realised_jobs,663,,letter,Politie,") + "\n")
    code, out, _ = run_cli(*args)
    assert code == 0 and "nothing changed" not in out and "0 failed" in out
    summary = json.loads((tmp_path / "reports/sectors/politie/summary.json").read_text(encoding="utf-8"))
    assert summary["figures"]["realised_jobs"]["2021"] == {"value": 663, "qualifier": "", "precision": 0}

    (tmp_path / "reports/national/chart.png").unlink()
    code, out, _ = run_cli(*args)
    assert code == 0 and "nothing changed" not in out
    assert (tmp_path / "reports/national/chart.png").is_file()


def test_a_failing_notebook_does_not_stop_the_others(minimal_site, run_cli):
    tmp_path = minimal_site
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    good_overview = (tmp_path / "reports/overview/overview.html").read_bytes()

    shutil.copyfile(FIXTURES / "notebooks/failing.ipynb", notebooks / "overview.ipynb")
    code, out, _ = run_cli(
        *report_args(tmp_path, "--sector", "politie", "--force", raw=tmp_path / "raw", notebooks=notebooks)
    )

    assert code == 1
    assert "overview" in out and "failed" in out and "deliberate failure for the test" in out
    reports = tmp_path / "reports"
    assert (reports / "sectors/politie/politie.html").is_file()
    assert (reports / "national/national.html").is_file()
    failed = nbformat.read(reports / "failed/overview.ipynb", as_version=4)
    assert any(o.output_type == "error" for c in failed.cells if c.cell_type == "code" for o in c.outputs)
    assert (reports / "overview/overview.html").read_bytes() == good_overview  # the previous good report stays
    assert not list(reports.rglob(".tmp-*"))


def test_unknown_sector_is_refused_before_anything_runs(tmp_path, run_cli):
    code, _, err = run_cli(*report_args(tmp_path, "--sector", "politei"))
    assert code == 2
    assert "unknown sector 'politei'" in err
    assert not (tmp_path / "reports" / "sectors").exists()


def test_bad_language_is_refused(tmp_path, capsys):
    from analysis import cli

    with pytest.raises(SystemExit) as exit_:
        cli.main([str(a) for a in report_args(tmp_path, "--lang", "de")])
    assert exit_.value.code == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


def test_misspelled_notebook_parameter_is_refused():
    job = Job("x", FIXTURES / "notebooks/misspelled_parameter.ipynb", {"sector": "politie", "lang": "nl"}, "x")
    with pytest.raises(ParameterError) as err:
        check_parameters([job], {"politie"})
    assert "has no parameter 'sector' (it declares: sectr, lang)" in str(err.value)


@pytest.mark.parametrize("value", ['politie"; import os', "politie\nimport os", "__import__('os')", "Politie", ""])
def test_parameter_values_are_data_not_code(value):
    job = Job("x", ROOT / "notebooks/sector_trend.ipynb", {"sector": value, "lang": "nl"}, "x")
    with pytest.raises(ParameterError) as err:
        check_parameters([job], {"politie"})
    assert "is not a plain id" in str(err.value)


def test_every_notebook_starts_from_a_fresh_interpreter(tmp_path, run_cli, monkeypatch):
    """Three notebooks in a row in one worker: each checks that nothing of the one before is left.
    (The all-sector reports, run first, are the tiny ones: the probes find what a probe before left.)"""
    monkeypatch.setenv("TINY_NOTEBOOK_SECONDS", "0")  # the kernels started ahead are awaited, not raced
    notebooks = tmp_path / "notebooks"
    shutil.copytree(TINY_NOTEBOOKS, notebooks)
    shutil.copyfile(FIXTURES / "notebooks/state_probe.ipynb", notebooks / "tiny_sector.ipynb")
    code, out, _ = run_cli(
        *report_args(
            tmp_path, "--sector", "politie", "--sector", "rijk", "--sector", "umc", notebooks=notebooks, jobs=1
        )
    )
    assert code == 0, out
    counts = re.search(r"\((\d+) executed, (\d+) failed, (\d+) on a kernel started ahead\)", out)
    assert counts and counts.groups()[:2] == ("6", "0"), out
    # the probe ran in kernels started ahead too, while the notebook before it executed: nothing reached them
    assert int(counts.group(3)) >= 4, out


EXTRA_NOTEBOOK_CELLS = [
    ("code", 'lang: str = "nl"  # report language: "nl" (Nederlands) or "en" (English)', ["parameters"]),
    (
        "code",
        (
            "from analysis import notebook\n\ndata = notebook.load()\nnotebook.check_parameters(data, lang)\n"
            "notebook.pivot(data, 'realised_jobs')"
        ),
        [],
    ),
]
EXTRA_ENTRY = """
[[report]]
notebook = "education.ipynb"
folder = "education"
title_nl = "Onderwijssectoren vergeleken"
title_en = "Education sectors compared"
index = "more"
"""


def test_a_declared_notebook_is_executed_and_linked_from_the_index(minimal_site, run_cli):
    """The worked example of docs/reports.md: a notebook in notebooks/ and one entry in notebooks/reports.toml."""
    import nbformat

    tmp_path, minimal_raw = minimal_site, minimal_site / "raw"
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    nb = nbformat.v4.new_notebook(
        cells=[
            (nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell)(
                source, metadata={"tags": tags}
            )
            for kind, source, tags in EXTRA_NOTEBOOK_CELLS
        ]
    )
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    nbformat.write(nb, notebooks / "education.ipynb")
    with (notebooks / "reports.toml").open("a", encoding="utf-8") as fh:
        fh.write(EXTRA_ENTRY)

    code, out, _ = run_cli(*report_args(tmp_path, raw=minimal_raw, notebooks=notebooks))
    assert code == 0 and "education" in out and "(1 executed, 0 failed" in out  # the others are up to date
    page = (tmp_path / "reports/education/education.html").read_text(encoding="utf-8")
    assert "<title>Onderwijssectoren vergeleken — Banenafspraak overheid en onderwijs</title>" in page
    assert "297" in page  # the pivot of realised jobs
    index = (tmp_path / "reports/index.html").read_text(encoding="utf-8")
    assert '<a href="education/education.html">Onderwijssectoren vergeleken</a>' in index


def test_a_reports_toml_entry_without_its_notebook_is_refused_before_any_run(minimal_raw, tmp_path, run_cli):
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    with (notebooks / "reports.toml").open("a", encoding="utf-8") as fh:
        fh.write(EXTRA_ENTRY)
    code, _, err = run_cli(*report_args(tmp_path, raw=minimal_raw, notebooks=notebooks))
    assert code == 2 and "no notebook education.ipynb" in err


def test_a_change_to_one_sector_executes_that_sector_and_the_aggregates_only(minimal_site, run_cli):
    tmp_path, minimal_raw = minimal_site, minimal_site / "raw"
    args = report_args(tmp_path, raw=minimal_raw)
    other = tmp_path / "reports/sectors/waterschappen"
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in other.iterdir()}
    with (minimal_raw / "figures/politie.csv").open("a", encoding="utf-8") as fh:
        fh.write(short_row("politie,2021,realised_jobs,663,,letter,Politie,") + "\n")
    code, out, _ = run_cli(*args)
    assert code == 0
    executed = sorted(line.split()[1] for line in out.splitlines() if line.startswith("[") and " ok " in line)
    assert executed == ["coverage", "national", "overview", "politie"]
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in other.iterdir()} == before
