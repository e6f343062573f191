"""One report's folder made from its executed notebook (analysis.run.execute), with papermill's execution
replaced by a notebook written as a kernel would have left it: what the folder holds after a notebook that ran,
and after one that failed. Executing real notebooks is in test_report.py and test_run_faults.py (slow)."""

import json
import shutil
import types

import nbformat
import papermill
import pytest
from conftest import TINY_NOTEBOOKS

from analysis.run import execute
from analysis.run.jobs import Job


def executed(error: bool = False) -> nbformat.NotebookNode:
    """A notebook as papermill leaves it: a title, and a cell that printed, or raised."""
    cell = nbformat.v4.new_code_cell("print('297 banen')", execution_count=1)
    cell.outputs = [
        nbformat.v4.new_output("error", ename="ValueError", evalue="no figures for politie", traceback=[])
        if error
        else nbformat.v4.new_output("stream", name="stdout", text="297 banen\n")
    ]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Politie"), cell])


@pytest.fixture
def reports(tmp_path):
    """A report folder holding the previous good report of politie."""
    root = tmp_path / "reports"
    (root / "sectors/politie").mkdir(parents=True)
    (root / "sectors/politie/politie.html").write_text("the previous report", encoding="utf-8")
    return root


JOB = Job("politie", TINY_NOTEBOOKS / "tiny_sector.ipynb", {"sector": "politie", "lang": "nl"}, "sectors/politie",
          {"realised_jobs": {"2019": 297}}, title="Politie — Banenafspraak")  # fmt: skip


def run(monkeypatch, reports, notebook, raising=None):
    def papermill_ran(job, output, cwd, cell_timeout, km=None):
        nbformat.write(notebook, output)
        if raising:
            raise raising

    monkeypatch.setattr(execute, "execute", papermill_ran)
    return execute.run_job(JOB, reports, reports.parent, "digest-1", 60, {})


def test_a_notebook_that_ran_replaces_its_report_with_the_page_and_a_summary(monkeypatch, reports):
    result = run(monkeypatch, reports, executed())
    assert (result.status, result.error) == ("ok", "")
    assert result.outputs == [
        "sectors/politie/politie.html",
        "sectors/politie/politie.ipynb",
        "sectors/politie/summary.json",
    ]
    page = (reports / "sectors/politie/politie.html").read_text(encoding="utf-8")
    assert "<title>Politie — Banenafspraak</title>" in page and "297 banen" in page
    summary = json.loads((reports / "sectors/politie/summary.json").read_text(encoding="utf-8"))
    assert (summary["name"], summary["input_hash"], summary["figures"]) == (
        "politie", "digest-1", {"realised_jobs": {"2019": 297}}
    )  # fmt: skip
    assert not list(reports.rglob(".tmp-*"))


def test_a_failed_notebook_keeps_the_previous_report_and_its_executed_copy_in_failed(monkeypatch, reports):
    error = papermill.PapermillExecutionError(1, 1, "print(1)", "ValueError", "no figures for politie", [])
    result = run(monkeypatch, reports, executed(error=True), raising=error)
    assert (result.status, result.error, result.outputs) == (
        "failed", "ValueError: no figures for politie", ["failed/politie.ipynb"]
    )  # fmt: skip
    assert (reports / "sectors/politie/politie.html").read_text(encoding="utf-8") == "the previous report"
    kept = nbformat.read(reports / "failed/politie.ipynb", as_version=4)
    assert kept.cells[1].outputs[0].evalue == "no figures for politie"
    shutil.rmtree(reports / "sectors")
    assert run(monkeypatch, reports, executed()).status == "ok"
    assert not (reports / "failed/politie.ipynb").exists()  # a report that ran again is no longer failed


@pytest.mark.parametrize(
    ("message", "line"),
    [
        (
            "\n---------------------------------------------------------------------------\n\nKeyError: 'x'\nin cell 2\n",
            "KeyError: 'x'",
        ),
        ("  \n----\n", ""),
    ],
    ids=["after-a-rule", "nothing-said"],
)
def test_a_failure_is_told_by_its_first_line_that_says_something(message, line):
    assert execute.first_meaningful_line(message) == line


@pytest.mark.parametrize(
    ("failures", "calls", "raised"),
    [
        ([RuntimeError("kernel died before replying"), TimeoutError("no reply")], 3, None),
        ([RuntimeError("a")] * 3, 3, RuntimeError),
        ([papermill.PapermillExecutionError(0, 1, "1/0", "ZeroDivisionError", "division by zero", [])], 1,
         papermill.PapermillExecutionError),
    ],
    ids=["started-on-the-third-try", "never-started", "a-cell-failed"],
)  # fmt: skip
def test_a_kernel_that_fails_to_start_is_tried_again_but_a_failing_cell_is_not(
    monkeypatch, tmp_path, failures, calls, raised
):
    tried = []

    def execute_notebook(*args, **kwargs):
        tried.append(kwargs["kernel_name"])
        if len(tried) <= len(failures):
            raise failures[len(tried) - 1]

    monkeypatch.setattr(execute.papermill, "execute_notebook", execute_notebook)
    monkeypatch.setattr(execute, "time", types.SimpleNamespace(sleep=lambda seconds: None))
    if raised:
        with pytest.raises(raised):
            execute.execute(JOB, tmp_path / "out.ipynb", tmp_path, 60)
    else:
        execute.execute(JOB, tmp_path / "out.ipynb", tmp_path, 60)
    assert len(tried) == calls
