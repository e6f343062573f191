"""The report run's plan and its table of results (analysis.run.report), without running a notebook: the run
itself, end to end, is in test_report.py (slow, as it starts kernels)."""

import pytest
from conftest import ROOT, TINY_NOTEBOOKS, make_raw

from analysis.data.dataset import Dataset
from analysis.data.tidy import build_tidy, load_raw
from analysis.run import report
from analysis.run.jobs import Result


@pytest.fixture(scope="module")
def minimal(tmp_path_factory) -> Dataset:
    raw = load_raw(make_raw(tmp_path_factory.mktemp("plan")))
    return Dataset.of(raw, build_tidy(raw))


def test_the_plan_has_a_report_per_sector_with_figures_and_one_of_each_other(minimal):
    jobs = report.plan(minimal, TINY_NOTEBOOKS, "en")
    assert [(j.name, j.notebook.name, j.folder, j.index) for j in jobs] == [
        ("politie", "tiny_sector.ipynb", "sectors/politie", "sectors"),
        ("waterschappen", "tiny_sector.ipynb", "sectors/waterschappen", "sectors"),
        ("overview", "tiny.ipynb", "overview", "overview"),
        ("national", "tiny.ipynb", "national", "national"),
        ("coverage", "tiny.ipynb", "coverage", "coverage"),
    ]
    assert jobs[1].title == "Water authorities — Jobs agreement, government and education"
    assert jobs[1].parameters == {"sector": "waterschappen", "lang": "en"}
    assert jobs[1].inputs == ("figures/waterschappen.csv", "sectors.csv", "sources.csv", "breaks.csv")
    assert jobs[2].inputs is None  # the reports of all sectors read every raw file


def test_a_sector_asked_for_is_planned_with_its_key_figures_for_its_summary(minimal):
    planned = report.plan(minimal, ROOT / "notebooks", "nl", ["waterschappen"])
    (job,) = [j for j in planned if j.index == "sectors"]  # only the sector asked for
    assert job.title == "Waterschappen — Banenafspraak overheid en onderwijs"
    assert job.summary["name"] == "Waterschappen"
    assert job.summary["realisation_pct"] == {"2020": {"value": 61.3, "qualifier": "", "precision": 1}}
    assert job.summary["answer"]["text_en"].startswith("Not met in 2020: the water authorities realised 262 jobs")


def test_the_results_table_shows_each_report_s_page_or_its_error(minimal):
    politie, _, overview, *_ = report.plan(minimal, TINY_NOTEBOOKS, "nl")
    results = [
        Result(politie, "ok", 12.34, ["sectors/politie/politie.ipynb", "sectors/politie/politie.html"]),
        Result(overview, "failed", 3.0, [], "NameError: name 'x' is not defined"),
    ]
    assert report.results_table(results).splitlines() == [
        "report    status   time  output",
        "politie   ok      12.3s  sectors/politie/politie.html",
        "overview  failed   3.0s    (NameError: name 'x' is not defined)",
    ]
