"""A catalogue of bad raw input: each case gets a clear message naming file, line and column,
exit code 1, and nothing is written."""

import shutil

import pytest
from conftest import FIXTURES, write_figures

BAD = FIXTURES / "bad_input"

# fixture file, the raw file it replaces, expected "file:line: column 'x'" and a piece of the rule
CASES = [
    ("empty.csv", "figures/politie.csv", "figures/politie.csv:1: whole line", "the file is empty"),
    ("latin1.csv", "figures/politie.csv", "figures/politie.csv:3: column 'note'", "not UTF-8"),
    ("semicolon.csv", "figures/politie.csv", "figures/politie.csv:1: whole line", "separated by ';'"),
    ("missing_column.csv", "figures/politie.csv", "figures/politie.csv:1: column 'qualifier'", "missing column"),
    ("extra_column.csv", "figures/politie.csv", "figures/politie.csv:1: column 'extra'", "unknown column"),
    ("unknown_sector.csv", "figures/politie.csv", "figures/politie.csv:3: column 'sector'", "unknown sector"),
    ("unknown_measure.csv", "figures/politie.csv", "figures/politie.csv:3: column 'measure'", "unknown measure"),
    ("non_numeric.csv", "figures/politie.csv", "figures/politie.csv:2: column 'value'", "must be a number"),
    ("decimal_comma.csv", "figures/politie.csv", "figures/politie.csv:3: column 'value'", "use a decimal point"),
    ("thousands_dot.csv", "figures/politie.csv", "figures/politie.csv:3: column 'value'", "thousands separator"),
    (
        "exponent.csv",
        "figures/politie.csv",
        "figures/politie.csv:2: column 'value'",
        "without thousands separators or exponents",
    ),
    ("negative.csv", "figures/politie.csv", "figures/politie.csv:2: column 'value'", "must not be negative"),
    ("absurd_count.csv", "figures/politie.csv", "figures/politie.csv:3: column 'value'", "not plausible"),
    ("percent_over_1000.csv", "figures/politie.csv", "figures/politie.csv:2: column 'value'", "at most 1000"),
    (
        "duplicate_row.csv",
        "figures/politie.csv",
        "figures/politie.csv:4: column 'source_id'",
        "already on figures/politie.csv:2",
    ),
    ("year_out_of_range.csv", "figures/politie.csv", "figures/politie.csv:2: column 'year'", "between 2012 and 2035"),
    ("year_not_a_number.csv", "figures/politie.csv", "figures/politie.csv:2: column 'year'", "whole number"),
    ("unknown_source.csv", "figures/politie.csv", "figures/politie.csv:2: column 'source_id'", "register the source"),
    ("unquoted_comma.csv", "figures/politie.csv", "figures/politie.csv:2: whole line", "expected 12 fields, found 13"),
    ("missing_year.csv", "figures/politie.csv", "figures/politie.csv:2: column 'year'", "a year is required"),
    ("missing_value.csv", "figures/politie.csv", "figures/politie.csv:2: column 'value'", "value is required"),
    ("missing_locator.csv", "figures/politie.csv", "figures/politie.csv:2: column 'locator'", "must not be empty"),
    ("unknown_qualifier.csv", "figures/politie.csv", "figures/politie.csv:2: column 'qualifier'", "unknown qualifier"),
    (
        "row_in_wrong_file.csv",
        "figures/politie.csv",
        "figures/politie.csv:3: column 'sector'",
        "belongs in waterschappen.csv",
    ),
    ("missing_evidence.csv", "figures/politie.csv", "figures/politie.csv:3: column 'evidence'", "evidence is required"),
    (
        "locator_names_a_file.csv",
        "figures/politie.csv",
        "figures/politie.csv:3: column 'locator'",
        "where in the public document",
    ),
    ("unknown_period.csv", "figures/politie.csv", "figures/politie.csv:3: column 'period'", "unknown period"),
    (
        "quarter_without_quarter.csv",
        "figures/politie.csv",
        "figures/politie.csv:3: column 'period'",
        "needs its quarter: Q1, Q2, Q3 or Q4",
    ),
    ("unknown_basis.csv", "figures/politie.csv", "figures/politie.csv:3: column 'basis'", "unknown basis"),
    ("missing_basis.csv", "figures/politie.csv", "figures/politie.csv:3: column 'basis'", "basis is required"),
    (  # a part of a sector is vocabulary with Dutch and English labels, so that each site names it in its language
        "unknown_scope.csv",
        "figures/politie.csv",
        "figures/politie.csv:3: column 'scope'",
        "unknown part of the sector",
    ),
    ("sources_bad_primacy.csv", "sources.csv", "sources.csv:3: column 'primacy'", "'primary' or 'secondary'"),
    ("sources_bad_date.csv", "sources.csv", "sources.csv:2: column 'date'", "YYYY-MM-DD"),
    ("sectors_bad_group.csv", "sectors.csv", "sectors.csv:3: column 'group'", "unknown group"),
]


@pytest.mark.parametrize("fixture,target,place,rule", CASES, ids=[c[0].removesuffix(".csv") for c in CASES])
def test_bad_input_is_reported_and_nothing_is_written(minimal_raw, tmp_path, run_cli, fixture, target, place, rule):
    shutil.copyfile(BAD / fixture, minimal_raw / target)
    out = tmp_path / "processed"

    code, _stdout, stderr = run_cli("prepare", "--raw", minimal_raw, "--out", out)

    assert code == 1
    lines = [line.strip() for line in stderr.splitlines()]
    assert any(f"/{place}" in line and rule in line for line in lines), stderr
    assert "nothing was written" in stderr
    assert not out.exists()


def test_validate_exits_1_on_the_same_problems(minimal_raw, tmp_path, run_cli):
    shutil.copyfile(BAD / "negative.csv", minimal_raw / "figures" / "politie.csv")
    code, _, stderr = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1
    assert "figures/politie.csv:2: column 'value': the value must not be negative (found: '-297')" in stderr


def test_every_problem_is_listed_at_once(minimal_raw, tmp_path, run_cli):
    write_figures(
        minimal_raw,
        "politie",
        "politie,2019,realised_jobs,-1,,letter,Politie,",
        "politie,2020,realised_jobs,413,,nobody,Politie,",
        "politie,2021,jobs,663,,letter,Politie,",
    )
    write_figures(minimal_raw, "waterschappen", "waterschappen,2020,realisation_pct,2000,,letter,Waterschappen,")
    code, _, stderr = run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "out")
    assert code == 1
    assert "4 problems" in stderr
    for place in (
        "politie.csv:2: column 'value'",
        "politie.csv:3: column 'source_id'",
        "politie.csv:4: column 'measure'",
        "waterschappen.csv:2: column 'value'",
    ):
        assert place in stderr


def test_bad_input_leaves_previous_outputs_untouched(minimal_raw, tmp_path, run_cli):
    out = tmp_path / "processed"
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    shutil.copyfile(BAD / "non_numeric.csv", minimal_raw / "figures" / "politie.csv")
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 1

    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_registered_sector_without_a_file_is_reported(minimal_raw, tmp_path, run_cli):
    (minimal_raw / "figures" / "waterschappen.csv").unlink()
    code, _, stderr = run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "out")
    assert code == 1
    assert "figures/waterschappen.csv:1: whole line: file not found" in stderr


def test_a_header_only_file_is_a_sector_without_figures(minimal_raw, tmp_path, run_cli):
    write_figures(minimal_raw, "waterschappen")
    code, stdout, _ = run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "out")
    assert code == 0
    assert "3 figures" in stdout


def test_bom_crlf_and_blank_lines_are_read(minimal_raw, tmp_path, run_cli):
    """What a spreadsheet program saves (BOM, CRLF, a trailing blank line) is fine."""
    path = minimal_raw / "figures" / "politie.csv"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n") + "\r\n"
    path.write_bytes("\ufeff".encode() + text.encode())
    code, stdout, stderr = run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "out")
    assert code == 0, stderr
    assert "5 figures" in stdout


def test_a_registry_changed_in_the_same_process_is_read_again(minimal_raw):
    """Validated registries are remembered by their bytes: a load after an edit sees the edit, and a load
    of the original again gets the original (not a frame a caller changed)."""
    from analysis.data.tidy import load_raw
    from analysis.errors import DataValidationError

    good = (minimal_raw / "sectors.csv").read_bytes()
    first = load_raw(minimal_raw)
    first.sectors.loc[:, "name_nl"] = "changed by a caller"
    shutil.copyfile(BAD / "sectors_bad_group.csv", minimal_raw / "sectors.csv")
    with pytest.raises(DataValidationError, match="unknown group"):
        load_raw(minimal_raw)
    (minimal_raw / "sectors.csv").write_bytes(good)
    again = load_raw(minimal_raw)
    assert "changed by a caller" not in set(again.sectors["name_nl"])
    assert list(again.sectors["sector"]) == list(first.sectors["sector"])
