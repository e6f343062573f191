"""The processed files: complete, deterministic, fresh, readable in a spreadsheet, formula-safe."""

import csv
import json
import shutil
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest
from conftest import ROOT, short_row, write_figures
from hypothesis import given
from hypothesis import strategies as st

from analysis.data.processed import _format_values, build_outputs
from analysis.data.tidy import build_tidy, load_raw

EXPECTED = {
    "banenafspraak.csv",
    "banenafspraak_nl.csv",
    "banenafspraak.xlsx",
    "sources.csv",
    "consistency.csv",
    "codebook.csv",
    "datapackage.json",
}


def test_prepare_writes_every_output(minimal_raw, tmp_path, run_cli):
    out = tmp_path / "out"
    code, _stdout, _ = run_cli("prepare", "--raw", minimal_raw, "--out", out)
    assert code == 0
    assert {p.name for p in out.iterdir()} == EXPECTED
    rows = list(csv.DictReader((out / "banenafspraak.csv").open(encoding="utf-8")))
    politie = {
        (r["year"], r["measure"]): r["value"] for r in rows if r["sector"] == "politie" and r["status"] == "reported"
    }
    assert politie == {
        ("2019", "realised_jobs"): "297",
        ("2020", "realised_jobs"): "413",
        ("2024", "target_jobs"): "713",
    }
    water = [r for r in rows if r["sector"] == "waterschappen" and r["measure"] == "realisation_pct"]
    assert [r["value"] for r in water] == ["61.3"]  # exactly as published, no 61.300000001


def test_outputs_are_byte_identical_across_runs(minimal_raw, tmp_path, run_cli):
    run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "a")
    run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "b")
    for name in EXPECTED:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_committed_processed_data_is_up_to_date(repo_raw):
    raw = load_raw(repo_raw)
    expected = build_outputs(raw, build_tidy(raw))
    processed = ROOT / "data" / "processed"
    stale = [
        name
        for name, payload in expected.items()
        if not (processed / name).is_file() or (processed / name).read_bytes() != payload
    ]
    assert not stale, f"data/processed is stale ({', '.join(stale)}): run `make report` and commit the result"


def test_xlsx_holds_what_the_csv_holds_with_values_as_numbers(minimal_raw, tmp_path, run_cli):
    """Every cell of every sheet is the CSV's cell; a value is a number shown with its published decimals."""
    out = tmp_path / "out"
    with (minimal_raw / "figures" / "politie.csv").open("a", encoding="utf-8") as fh:
        fh.write(short_row("politie,2021,realisation_pct,61.30,,letter,Politie,") + "\n")  # a trailing zero
    run_cli("prepare", "--raw", minimal_raw, "--out", out)
    book = openpyxl.load_workbook(out / "banenafspraak.xlsx")
    assert book.sheetnames == ["Lees mij", "data", "sources", "consistency", "codebook"]
    for sheet, name in zip(book.sheetnames[1:], ["banenafspraak", "sources", "consistency", "codebook"]):
        csv_rows = list(csv.reader((out / f"{name}.csv").open(encoding="utf-8")))
        cells = list(book[sheet].iter_rows())
        assert len(cells) == len(csv_rows), sheet
        assert [c.value for c in cells[0]] == csv_rows[0] and all(c.font.b for c in cells[0]), sheet
        value_at = csv_rows[0].index("value") if sheet == "data" else None
        for row, expected in zip(cells[1:], csv_rows[1:]):
            got = [c.value for c in row] + [None] * (len(expected) - len(row))
            for i, (cell, text) in enumerate(zip(got, expected)):
                if i == value_at:
                    assert isinstance(cell, (int, float)), (sheet, expected)
                    decimals = len(text.partition(".")[2])
                    assert row[i].number_format == ("0." + "0" * decimals if decimals else "0"), (text, row[i])
                    assert cell == float(text)
                elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    assert cell == float(text), (sheet, i, expected)
                else:
                    assert (cell or "") == text, (sheet, i, expected)
    rows = list(book["data"].iter_rows())
    at = {c.value: i for i, c in enumerate(rows[0])}
    pct = [r for r in rows[1:] if r[at["sector"]].value == "politie" and r[at["measure"]].value == "realisation_pct"]
    assert any(r[at["value"]].value == 61.3 and r[at["value"]].number_format == "0.00" for r in pct)


def test_manifest_records_raw_checksums_and_output_hashes(minimal_raw, tmp_path, run_cli):
    import hashlib

    out = tmp_path / "out"
    run_cli("prepare", "--raw", minimal_raw, "--out", out)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    raw = {f["path"] for f in package["x-raw-files"]}
    assert raw == {"sectors.csv", "sources.csv", "breaks.csv", "figures/politie.csv", "figures/waterschappen.csv"}
    for res in package["resources"]:
        assert res["hash"] == "sha256:" + hashlib.sha256((out / res["path"]).read_bytes()).hexdigest()
    fields = {f["name"] for f in package["resources"][0]["schema"]["fields"]}
    assert {"sector", "year", "measure", "value", "qualifier", "status", "source_id"} <= fields


def test_validate_reports_stale_processed_data(minimal_raw, tmp_path, run_cli):
    out = tmp_path / "out"
    run_cli("prepare", "--raw", minimal_raw, "--out", out)
    code, stdout, _ = run_cli("validate", "--raw", minimal_raw, "--processed", out)
    assert code == 0 and "out of date" not in stdout

    with (minimal_raw / "figures" / "politie.csv").open("a", encoding="utf-8") as fh:
        fh.write(short_row("politie,2021,realised_jobs,663,,letter,Politie,") + "\n")
    code, stdout, _ = run_cli("validate", "--raw", minimal_raw, "--processed", out)
    assert code == 0
    assert "out of date (raw file figures/politie.csv changed or is new)" in stdout


def test_large_csvs_streamed_to_files_are_the_files_made_in_memory(minimal_raw, tmp_path, run_cli, monkeypatch):
    """Above SPOOL_ROWS a CSV is written in slices to a temporary file beside its target and moved into place:
    the files, the manifest and the permissions are those of a run in memory, and no temporary file is left."""
    import stat
    import tempfile

    from analysis.data import processed

    run_cli("prepare", "--raw", minimal_raw, "--out", tmp_path / "memory")
    monkeypatch.setattr(processed, "SPOOL_ROWS", -1)  # every CSV is streamed, even an empty one
    monkeypatch.setattr(processed.os, "cpu_count", lambda: 3)  # in three slices, whatever this machine has
    out = tmp_path / "streamed"
    code, stdout, _ = run_cli("prepare", "--raw", minimal_raw, "--out", out)
    assert code == 0 and "banenafspraak.csv" in stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(EXPECTED)  # no .tmp- file beside them
    for name in EXPECTED:
        assert (out / name).read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    assert stat.S_IMODE((out / "banenafspraak.csv").stat().st_mode) == 0o666 & ~atomic_umask()

    (out / ".tmp-banenafspraak.csv.k1ll3d").write_bytes(b"half a CSV")  # what a prepare stopped mid-file leaves
    code, stdout, _ = run_cli("prepare", "--raw", minimal_raw, "--out", out)  # unchanged: nothing moved in
    assert code == 0 and "all up to date" in stdout
    assert "removed .tmp-banenafspraak.csv.k1ll3d, left unfinished" in stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(EXPECTED)

    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    # edited by hand, with the size kept and the manifest's checksum edited to match: only comparing the
    # content with what the raw data gives finds it
    import hashlib

    edited = bytearray((out / "consistency.csv").read_bytes())
    edited[-3:-1] = b"XX"
    (out / "consistency.csv").write_bytes(bytes(edited))
    manifest = (out / "datapackage.json").read_text(encoding="utf-8")
    for res in json.loads(manifest)["resources"]:
        if res["path"] == "consistency.csv":
            manifest = manifest.replace(res["hash"], "sha256:" + hashlib.sha256(bytes(edited)).hexdigest())
    (out / "datapackage.json").write_text(manifest, encoding="utf-8")
    code, stdout, _ = run_cli("validate", "--raw", minimal_raw, "--processed", out)
    assert code == 0 and "out of date (output consistency.csv differs from what the raw data gives)" in stdout
    import gc

    gc.collect()
    assert list(spool.iterdir()) == []  # what validate streamed to compare with is gone


def atomic_umask() -> int:
    from analysis.atomic import umask

    return umask()


def test_spreadsheet_formulas_in_text_are_neutralised(minimal_raw, tmp_path, run_cli):
    sources = minimal_raw / "sources.csv"
    sources.write_text(
        sources.read_text(encoding="utf-8").replace("A news item", '"=HYPERLINK(""http://x"",""y"")"'), encoding="utf-8"
    )
    out = tmp_path / "out"
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 0
    titles = [r["title"] for r in csv.DictReader((out / "sources.csv").open(encoding="utf-8"))]
    assert '\'=HYPERLINK("http://x","y")' in titles
    cell_values = [
        c
        for row in openpyxl.load_workbook(out / "banenafspraak.xlsx")["sources"].iter_rows(values_only=True)
        for c in row
    ]
    assert '\'=HYPERLINK("http://x","y")' in cell_values


def test_a_formula_in_a_sector_name_is_neutralised_in_every_row(minimal_raw, tmp_path, run_cli):
    """The dataset's sector names are a dictionary column (one text per sector): the guard must reach every row."""
    registry = minimal_raw / "sectors.csv"
    registry.write_text(registry.read_text(encoding="utf-8").replace(",Politie,Police,", ",=1+1,@SUM(A1),"))
    out = tmp_path / "out"
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 0
    rows = [r for r in csv.DictReader((out / "banenafspraak.csv").open(encoding="utf-8")) if r["sector"] == "politie"]
    assert rows and {(r["sector_name_nl"], r["sector_name_en"]) for r in rows} == {("'=1+1", "'@SUM(A1)")}
    sheet = list(openpyxl.load_workbook(out / "banenafspraak.xlsx")["data"].iter_rows(values_only=True))
    politie = [r for r in sheet[1:] if r[0] == "politie"]
    assert len(politie) == len(rows) and {(r[1], r[2]) for r in politie} == {("'=1+1", "'@SUM(A1)")}


def test_negative_numbers_are_not_mangled_by_the_formula_guard(tmp_path, minimal_raw, run_cli):
    out = tmp_path / "out"
    write_figures(
        minimal_raw, "politie", "politie,2020,realised_jobs,341,,letter,P,", "politie,2020,target_jobs,331,,letter,P,"
    )
    run_cli("prepare", "--raw", minimal_raw, "--out", out)
    gaps = [
        r["value"]
        for r in csv.DictReader((out / "banenafspraak.csv").open(encoding="utf-8"))
        if r["measure"] == "gap_to_target"
    ]
    assert gaps == ["-10"]


@pytest.mark.slow  # a real process
def test_command_line_exit_codes_as_a_real_process(minimal_raw, tmp_path):
    ok = subprocess.run(
        [sys.executable, "-m", "analysis", "validate", "--raw", str(minimal_raw), "--processed", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    assert "raw data is valid" in ok.stdout
    shutil.copyfile(ROOT / "tests/fixtures/bad_input/negative.csv", minimal_raw / "figures" / "politie.csv")
    bad = subprocess.run(
        [sys.executable, "-m", "analysis", "prepare", "--raw", str(minimal_raw), "--out", str(tmp_path / "out")],
        check=False,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert "figures/politie.csv:2: column 'value'" in bad.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow  # a real process
def test_a_reader_that_leaves_early_ends_the_command_quietly(minimal_raw, tmp_path):
    """`python -m analysis validate | head -1`: the reader closes the pipe before the command has written; the
    command ends quietly with 141 (128 + SIGPIPE, as a shell tool ends), not with 'error: cannot write a file:
    Broken pipe' and exit 1 (the previous code)."""
    command = [sys.executable, "-m", "analysis", "validate", "--raw", str(minimal_raw), "--processed", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # the reader is gone before the interpreter has even started
    said = process.stderr.read().decode()
    assert (process.wait(timeout=60), said) == (141, "")


def test_round_trip_every_raw_value_appears_once_as_written(repo_raw):
    """Read the raw files independently (csv module) and find each row once in the processed CSV, value text equal."""
    processed = list(csv.DictReader((ROOT / "data/processed/banenafspraak.csv").open(encoding="utf-8")))
    by_place = {}
    for row in processed:
        if row["status"] == "reported":
            key = (row["raw_file"], row["raw_line"])
            assert key not in by_place, f"{key} appears twice"
            by_place[key] = row
    seen = 0
    for path in sorted((repo_raw / "figures").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            for record in reader:
                row = by_place[(f"figures/{path.name}", str(reader.line_num))]
                for column in ("sector", "year", "measure", "value", "qualifier", "source_id", "locator", "note"):
                    assert row[column] == record[column], (path.name, reader.line_num, column)
                seen += 1
    assert seen == len(by_place) > 0


@given(
    st.lists(
        st.tuples(st.floats(allow_nan=True, allow_infinity=True, width=64), st.integers(min_value=0, max_value=8)),
        min_size=1,
        max_size=50,
    )
)
def test_values_are_formatted_exactly_as_python_formats_them(cells):
    """The vectorised formatting of banenafspraak.csv's values is f"{v:.{p}f}" for any float and precision."""
    values, places = pd.Series([v for v, _ in cells], dtype="float64"), pd.Series([p for _, p in cells])
    assert _format_values(values, places).to_pylist() == [f"{v:.{p}f}" for v, p in cells]


def test_published_and_rounded_values_keep_their_decimals():
    values = pd.Series([297.0, 61.3, 61.3, 0.1 + 0.2, 2.675, 1.005, -0.0, 1e-7, 1e16, 321.18])
    places = pd.Series([0, 1, 2, 2, 2, 2, 0, 3, 1, 2])
    assert _format_values(values, places).to_pylist() == [
        "297", "61.3", "61.30", "0.30", "2.67", "1.00", "-0", "0.000", "10000000000000000.0", "321.18",
    ]  # fmt: skip


# ------------------------------------------------------------------ conformance with the tools open-data portals run


@pytest.mark.parametrize("where", ["committed", "fresh"])
def test_the_data_package_passes_frictionless_with_typed_schemas_a_licence_and_sources(
    where, minimal_raw, tmp_path, run_cli
):
    """`frictionless validate` as a portal runs it (with the excel extra, for the XLSX): valid, every CSV with a
    Table Schema whose types come from the data dictionary, a licence, and sources as the spec has them. On the
    previous code the schema gave no field a type, three CSVs had none, there was no licence and a source's path
    could be 'Kamerstuk 34 352 nr. 191'."""
    import csv

    from frictionless import validate

    if where == "fresh":
        folder = tmp_path / "processed"
        assert run_cli("prepare", "--raw", minimal_raw, "--out", folder)[0] == 0
    else:
        folder = ROOT / "data/processed"
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])[:5]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if r["path"].endswith(".csv")]
    assert {r["path"] for r in tables} == {
        "banenafspraak.csv",
        "banenafspraak_nl.csv",
        "sources.csv",
        "consistency.csv",
        "codebook.csv",
    }
    for resource in tables:
        with open(folder / resource["path"], encoding=resource.get("encoding", "utf-8"), newline="") as fh:
            header = next(csv.reader(fh, delimiter=resource.get("dialect", {}).get("delimiter", ",")))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header and all(f.get("type") and f.get("description") for f in fields)
        assert resource["schema"]["missingValues"] == [""]
    types = {f["name"]: f["type"] for f in tables[0]["schema"]["fields"]}
    assert (types["year"], types["value"], types["raw_line"], types["evidence"]) == (
        "integer",
        "number",
        "integer",
        "string",
    )
    assert (
        package["licenses"][0]["name"] == "CC0-1.0"
        and "public government information" in package["licenses"][0]["title"]
    )
    assert all(s["title"] and s.get("path", "https://").startswith(("http://", "https://")) for s in package["sources"])


def test_a_difference_of_published_figures_has_their_decimals():
    """61 − 61,3 is −0,3 in consistency.csv, not −0.29999999999999716 (the previous code)."""
    import csv

    with open(ROOT / "data/processed/consistency.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    same = next(
        r for r in rows if r["check"] == "same_figure_two_sources" and r["value_a"] == "61" and r["value_b"] == "61.3"
    )
    assert same["difference"] == "-0.3"
    assert all(len(r["difference"].partition(".")[2]) <= 2 for r in rows), [r["difference"] for r in rows]


def test_the_codebook_says_why_a_text_may_start_with_an_apostrophe():
    import csv

    with open(ROOT / "data/processed/codebook.csv", encoding="utf-8", newline="") as fh:
        notes = {r["name"]: r["description"] for r in csv.DictReader(fh) if r["kind"] == "note"}
    assert (
        "runs nothing" in notes["leading apostrophe"]
        and "not part of the published text" in notes["leading apostrophe"]
    )
