"""Building the reports (analysis.run.build), the run's index entries (analysis.run.index) and the site's page
renderer (analysis.site.export), without executing a notebook: settings, the checks before anything is written,
the no-change shortcut, and what the index lists."""

import shutil

import nbformat
import pytest
from conftest import TINY_NOTEBOOKS

from analysis import stamps
from analysis.errors import NotOurFolder, ParameterError
from analysis.run import index
from analysis.run.build import Settings, build_reports
from analysis.run.jobs import Job, Result
from analysis.site import export
from analysis.trends import series


def settings(tmp_path, raw, **kw) -> Settings:
    """Settings writing into tmp_path, with the tiny notebooks and their registry (read before anything else)."""
    notebooks = tmp_path / "notebooks"
    if not notebooks.is_dir():
        shutil.copytree(TINY_NOTEBOOKS, notebooks)
    return Settings(raw=raw, processed=tmp_path / "processed", reports=tmp_path / "reports",
                    notebooks=notebooks, **kw)  # fmt: skip


def recorded_run(tmp_path, raw) -> Settings:
    """Settings whose folders hold the record of a complete run on exactly these inputs."""
    s = settings(tmp_path, raw)
    for folder in (s.processed, s.reports):
        folder.mkdir()
    (s.reports / ".banenafspraak-reports").write_text("")
    stamps.record(s.reports, s.processed, stamps.inputs_digest(s.raw, s.notebooks, s.recorded()))
    return s


def test_what_a_run_records_of_its_settings(tmp_path, minimal_raw):
    s = settings(tmp_path, minimal_raw, sectors=("waterschappen", "politie"), lang="en", jobs=7, force=True)
    assert s.recorded() == {
        "lang": "en",
        "sectors": ["politie", "waterschappen"],
        "processed": str((tmp_path / "processed").resolve()),
        "pdf": False,
        "verdict_year": stamps.verdict_year(),
    }  # jobs and force change no output: not recorded


def test_an_unknown_or_malformed_sector_is_refused_before_anything_is_written(tmp_path, minimal_raw):
    for sector, said in (("rijk", "unknown sector 'rijk'"), ("Politie!", "is not a sector id")):
        with pytest.raises(ParameterError) as err:
            build_reports(settings(tmp_path, minimal_raw, sectors=(sector,)), say=lambda _: None)
        assert said in str(err.value)
    assert not (tmp_path / "processed").exists() and not (tmp_path / "reports").exists()


def test_a_report_folder_that_is_not_ours_is_refused(tmp_path, minimal_raw):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "thesis.docx").write_text("someone's work")
    with pytest.raises(NotOurFolder):
        build_reports(settings(tmp_path, minimal_raw), say=lambda _: None)
    assert (tmp_path / "reports" / "thesis.docx").read_text() == "someone's work"


def test_an_unchanged_run_answers_without_executing(tmp_path, minimal_raw):
    s = recorded_run(tmp_path, minimal_raw)
    said = []
    assert build_reports(s, say=said.append) == 0
    assert said[0].startswith("nothing changed since the last complete run")


def test_the_index_keeps_the_sector_reports_a_sector_run_did_not_plan(tmp_path, minimal_raw):
    from analysis.data.dataset import Dataset
    from analysis.data.tidy import build_tidy, load_raw

    raw = load_raw(minimal_raw)
    data = Dataset.of(raw, build_tidy(raw))
    root = tmp_path / "reports"
    for sector in series.sectors_with_data(data):
        (root / "sectors" / sector).mkdir(parents=True)
        (root / "sectors" / sector / "summary.json").write_text("{}")
    ran = Result(Job("politie", tmp_path / "n.ipynb", {}, "sectors/politie", index="sectors"), "ok", 1.0)
    entries = index.report_entries(root, [ran], data, "nl", "sectors/{sector}", pdf=False)
    assert list(entries) == ["sectors/politie", "sectors/waterschappen"]  # registry order, the other one kept
    assert entries["sectors/waterschappen"]["ok"] and not entries["sectors/politie"]["failed_now"]
    assert entries["sectors/politie"]["html"] == "sectors/politie/politie.html"


def test_a_page_carries_its_language_run_date_and_data_version_and_a_failure_is_named_by_its_error():
    html = export.page("sources.html.j2", "nl", sources=[], run_date="2026-12-04", data_version="abc", up="")
    assert 'lang="nl"' in html and "4 december 2026" in html and "abc" in html
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1/0")])
    nb.cells[0].outputs = [nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero")]
    assert export.error_summary(nb) == "ZeroDivisionError: division by zero"
    assert export.error_summary(nbformat.v4.new_notebook()) == ""


def test_an_unchanged_run_answers_before_pandas_is_loaded(tmp_path, minimal_raw):
    """The no-change shortcut is what makes a rerun take a tenth of a second: it must not import pandas."""
    import subprocess
    import sys

    s = recorded_run(tmp_path, minimal_raw)
    probe = (
        "import sys; from pathlib import Path; from analysis.run.build import Settings, build_reports; "
        f"s = Settings(Path({str(s.raw)!r}), Path({str(s.processed)!r}), Path({str(s.reports)!r}), "
        f"Path({str(s.notebooks)!r})); code = build_reports(s, say=lambda _: None); "
        "print(code, 'pandas' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]


def test_an_english_page_marks_the_names_as_published_as_dutch_and_nothing_else():
    """Publishers and quoted titles in an English page's running text carry lang="nl" (a screen reader reads
    them as Dutch, the language test skips them); a name inside a quote already marked, the page's title and its
    scripts stay as they were; a Dutch page is left exactly as rendered."""
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Rijksoverheid</title><script>var s = 'UWV';</script></head>"
        "<body><p>Met in 2023 (Rijksoverheid (Ministerie van SZW), 3 July 2025; UWV, 2023).</p>"
        '<blockquote lang="nl">UWV meldt</blockquote><p>UWVs, Rijksoverheid-breed</p></body></html>'
    )
    names = ["Rijksoverheid", "Rijksoverheid (Ministerie van SZW)", "UWV"]
    marked = export.mark_source_names(page, "en", names)
    assert marked == (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Rijksoverheid</title><script>var s = 'UWV';</script></head>"
        '<body><p>Met in 2023 (<span lang="nl">Rijksoverheid (Ministerie van SZW)</span>, 3 July 2025; '
        '<span lang="nl">UWV</span>, 2023).</p>'
        '<blockquote lang="nl">UWV meldt</blockquote><p>UWVs, <span lang="nl">Rijksoverheid</span>-breed</p>'
        "</body></html>"
    )
    assert export.mark_source_names(page, "nl", names) == page


def test_a_run_in_a_new_year_is_no_unchanged_run(tmp_path, minimal_raw, monkeypatch):
    """The verdicts take today's year as the one not yet over: on 10 January the year before is judged. So a run
    with the same raw data, notebooks and library in a new year is no unchanged run, and every report's digest
    differs (on the previous code it said 'nothing changed' and kept last year's verdicts)."""
    s = recorded_run(tmp_path, minimal_raw)
    job = Job("politie", TINY_NOTEBOOKS / "tiny.ipynb", {"sector": "politie"}, "sectors/politie")
    before = job.digest({"figures/politie.csv": "abc"}, "library")
    assert stamps.unchanged(s.reports, s.processed, stamps.inputs_digest(s.raw, s.notebooks, s.recorded()))
    next_year = stamps.verdict_year() + 1
    monkeypatch.setattr(stamps, "verdict_year", lambda: next_year)
    assert not stamps.unchanged(s.reports, s.processed, stamps.inputs_digest(s.raw, s.notebooks, s.recorded()))
    assert job.digest({"figures/politie.csv": "abc"}, "library") != before
