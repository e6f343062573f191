"""Where the project's folders are: found from its pyproject.toml, or from the environment."""

from pathlib import Path

import pytest
from conftest import ROOT

from analysis import paths


@pytest.fixture
def no_env(monkeypatch):
    monkeypatch.delenv(paths.ROOT_ENV, raising=False)
    monkeypatch.delenv(paths.RAW_ENV, raising=False)


@pytest.fixture
def installed(monkeypatch, tmp_path):
    """The package as if installed outside the project (its own place is searched after the working folder)."""
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "site-packages" / "analysis" / "paths.py"))


def test_the_project_folder_is_found_from_a_folder_below_it(no_env, installed, monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    assert paths.project_root() == ROOT
    assert paths.raw_dir() == ROOT / "data" / "raw"
    assert paths.reports_dir() == ROOT / "reports"


def test_the_environment_names_the_project_folder_and_the_raw_folder(no_env, monkeypatch, tmp_path):
    monkeypatch.setenv(paths.ROOT_ENV, str(tmp_path))
    assert paths.processed_dir() == tmp_path / "data" / "processed"
    assert paths.notebooks_dir() == tmp_path / "notebooks"
    monkeypatch.setenv(paths.RAW_ENV, str(tmp_path / "elsewhere"))
    assert paths.raw_dir() == tmp_path / "elsewhere"


def test_outside_any_project_folder_the_error_says_what_to_do(no_env, installed, monkeypatch, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "another-project"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(paths.NoProjectFolder, match="set BANENAFSPRAAK_ROOT to the project folder"):
        paths.project_root()


def test_the_raw_layout_names_the_files_inside_a_raw_folder():
    layout = paths.RawLayout(Path("/data/raw"))
    assert (layout.figures, layout.sectors_csv, layout.sources_csv, layout.breaks_csv) == (
        Path("/data/raw/figures"),
        Path("/data/raw/sectors.csv"),
        Path("/data/raw/sources.csv"),
        Path("/data/raw/breaks.csv"),
    )
