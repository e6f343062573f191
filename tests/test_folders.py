"""Output folders: a report or processed folder is written only where it is new, empty or one of ours, and never
inside the raw data, so a mistyped --reports or --out is refused before anything is deleted."""

import pytest

from analysis import folders
from analysis.errors import NotOurFolder


def holding(folder, name: str, text: str):
    """`folder`, made if need be, with one file `name` holding `text`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_report_folder_holding_files_of_someone_else_is_refused(tmp_path):
    home = holding(tmp_path / "home", "thesis.docx", "mine")
    with pytest.raises(NotOurFolder, match="already holds files that this project did not write"):
        folders.check_reports(home, tmp_path / "raw")
    assert (home / "thesis.docx").read_text(encoding="utf-8") == "mine"


def test_a_report_folder_once_marked_is_accepted_again(tmp_path):
    reports = tmp_path / "reports"
    folders.mark_reports(reports)
    (reports / "index.html").write_text("<html></html>", encoding="utf-8")
    folders.check_reports(reports, tmp_path / "raw")  # no error: ours
    assert (
        (reports / ".banenafspraak-reports")
        .read_text(encoding="utf-8")
        .startswith("This folder is written by banenafspraak-analyse")
    )


def test_a_report_folder_from_before_the_marker_is_known_by_its_run_record(tmp_path):
    folders.check_reports(holding(tmp_path / "reports", ".run-stamp.json", "{}"), tmp_path / "raw")


@pytest.mark.parametrize("inside", ["", "figures"])
def test_an_output_folder_in_the_raw_data_is_refused(tmp_path, inside):
    raw = tmp_path / "raw"
    (raw / "figures").mkdir(parents=True)
    with pytest.raises(NotOurFolder, match=r"the processed data folder .* is \(inside\) the raw data folder"):
        folders.check_processed(raw / inside, raw)


def test_a_file_is_refused_as_an_output_folder(tmp_path):
    (tmp_path / "out").write_text("", encoding="utf-8")
    with pytest.raises(NotOurFolder, match="is a file, not a folder"):
        folders.check_processed(tmp_path / "out", tmp_path / "raw")


def test_a_processed_folder_is_ours_only_when_its_datapackage_names_this_project(tmp_path):
    out = holding(tmp_path / "processed", "datapackage.json", '{"name": "other-project"}')
    with pytest.raises(NotOurFolder, match="did not write"):
        folders.check_processed(out, tmp_path / "raw")
    folders.check_processed(holding(out, "datapackage.json", '{"name": "banenafspraak"}'), tmp_path / "raw")
