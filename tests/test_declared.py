"""notebooks/reports.toml is input like the raw data: checked before anything is written (a folder decides what
a run replaces), and part of what a run records, so an edited title or folder is picked up."""

import hashlib
import shutil

import pytest
from conftest import ROOT, report_args

from analysis.errors import ParameterError
from analysis.run import declared


def entry(notebook: str, folder: str, index: str, title_nl: str, title_en: str, for_each_sector: bool = False) -> str:
    """One [[report]] entry of reports.toml, as text."""
    each = 'for_each = "sector"\n' if for_each_sector else ""
    return (
        f'[[report]]\nnotebook = "{notebook}"\n{each}folder = "{folder}"\n'
        f'title_nl = "{title_nl}"\ntitle_en = "{title_en}"\nindex = "{index}"\n'
    )


def per_sector(folder: str) -> str:
    return entry("sector_trend.ipynb", folder, "sectors", "{name}", "{name}", for_each_sector=True)


def notebooks_with(tmp_path, text: str):
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (folder / "reports.toml").write_text(text, encoding="utf-8")
    return folder


def overview(folder="overview", title="Alle sectoren") -> str:
    return entry("overview.ipynb", folder, "overview", title, "All sectors")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            per_sector("sectors"),
            "report 1 (sector_trend.ipynb): field 'folder': 'sectors' lacks {sector}",
        ),
        (overview("."), "report 1 (overview.ipynb): field 'folder': '.' must not be '.', '..'"),
        (overview(""), "report 1 (overview.ipynb): field 'folder' is required"),
        (overview("../outside"), "field 'folder': '../outside' must not be '.', '..'"),
        (overview("/tmp/x"), "field 'folder': '/tmp/x' must be a relative path"),
        (overview("data"), "field 'folder': 'data': reports/data is the site's own folder"),
        (overview("failed/x"), "'failed/x': reports/failed is the site's own folder"),
        (overview(".hidden"), "a hidden folder"),
        (per_sector("sectors/{sectr}"), "unknown placeholder {sectr} in 'sectors/{sectr}'"),
        (per_sector("sectors/x{sector}"), "{sector} must be a whole part of the path"),
        (overview("overview/{sector}"), "unknown placeholder {sector}"),
        (overview(title="Alle {name}"), "field 'title_nl': unknown placeholder {name}"),
        (per_sector("sectors/{sector}").replace("{name}", "{naam}", 1), "unknown placeholder {naam}"),
        (per_sector("{sector}") + overview("politie"), "'politie' is the same folder as report 1"),
        (per_sector("sectors/{sector}") + overview("sectors"), "a folder inside or above that of"),
        (overview("overview") + overview("overview/deeper"), "report 2 (overview.ipynb): field 'folder'"),
        (overview().replace("index =", "indx = 1\nindex ="), "unknown field 'indx'"),
    ],
)
def test_a_bad_reports_toml_is_refused_naming_the_file_the_entry_and_the_field(tmp_path, text, expected):
    with pytest.raises(ParameterError) as caught:
        declared.read(notebooks_with(tmp_path, text))
    message = str(caught.value)
    assert "reports.toml: " in message and expected in message, message


def test_the_project_reports_toml_and_the_test_one_pass():
    assert len(declared.entries(ROOT / "notebooks")) == 4
    assert len(declared.entries(ROOT / "tests/fixtures/tiny_notebooks")) == 4


@pytest.mark.slow
def test_a_folder_that_would_hold_every_sector_deletes_nothing(minimal_site, run_cli):
    """On today's code a folder without {sector} wrote every sector's report into one folder and a --sector
    run deleted the others; now the run stops with exit 2 before anything is written."""
    tmp_path = minimal_site
    before = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "reports").rglob("*") if p.is_file()}
    notebooks = notebooks_with(tmp_path, per_sector("sectors") + overview())
    code, out, err = run_cli(*report_args(tmp_path, "--sector", "politie", raw=tmp_path / "raw", notebooks=notebooks))
    assert code == 2 and "reports.toml" in err and "field 'folder'" in err, (out, err)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "reports").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.slow
def test_an_edited_title_is_an_input_of_its_report(minimal_site, run_cli):
    tmp_path = minimal_site
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    args = report_args(tmp_path, raw=tmp_path / "raw", notebooks=notebooks)
    assert run_cli(*args)[0] == 0
    toml = notebooks / "reports.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"Alle sectoren"', '"Alle twaalf sectoren"'), "utf-8")
    code, out, _ = run_cli(*args)
    assert code == 0 and "nothing changed" not in out
    executed = sorted(line.split()[1] for line in out.splitlines() if line.startswith("[") and " ok " in line)
    assert executed == ["overview"]
    assert "Alle twaalf sectoren" in (tmp_path / "reports/overview/overview.html").read_text(encoding="utf-8")


def test_the_checksums_are_of_the_bytes_parsed_not_of_a_file_saved_meanwhile(minimal_raw, monkeypatch):
    """A file saved while the run validates: the run records what it read, so the next run sees the change."""
    from analysis import stamps
    from analysis.data.tidy import load_raw

    politie = minimal_raw / "figures/politie.csv"
    parsed = hashlib.sha256(politie.read_bytes()).hexdigest()
    original = stamps.raw_checksums

    def saved_meanwhile(raw):
        politie.write_text(politie.read_text(encoding="utf-8").replace(",297,", ",298,"), encoding="utf-8")
        return original(raw)

    monkeypatch.setattr(stamps, "raw_checksums", saved_meanwhile)
    loaded = load_raw(minimal_raw)
    assert loaded.figures.loc[loaded.figures["year"] == 2019, "value"].tolist() == [297]
    assert loaded.checksums["figures/politie.csv"] == parsed
