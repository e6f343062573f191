"""The dataset as a colleague with Dutch settings opens it: LibreOffice (Debian's libreoffice-calc-nogui, which
`make test` installs like Chromium) reads the XLSX and the CSV made for Dutch spreadsheets under the Dutch locale
(nl-NL, a semicolon between fields, a decimal comma), and what it reads is compared with the plain CSV."""

import csv
import os
import shutil
import subprocess

import openpyxl
import pytest
from conftest import ROOT

# Needs LibreOffice: left out by `make test-fast`.
pytestmark = pytest.mark.slow

DUTCH = "1043"  # LibreOffice's language id of nl-NL
UTF8 = "76"


def soffice_or_skip() -> str:
    found = shutil.which("soffice")
    if found:
        return found
    message = "LibreOffice is missing (Debian: libreoffice-calc-nogui; `make spreadsheets` installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def opened_in_libreoffice(path, tmp_path, infilter: str | None = None, sheet: int = 0) -> list[tuple]:
    """A sheet of `path` as LibreOffice reads it (converted by it to XLSX, every sheet kept, and read back): its
    rows, each cell a number where LibreOffice took it for one."""
    profile = tmp_path / "lo-profile"
    command = [soffice_or_skip(), "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}"]
    command += [f"--infilter={infilter}"] if infilter else []
    out = tmp_path / "lo"
    command += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(path)]
    subprocess.run(command, check=True, capture_output=True, timeout=120, env={**os.environ, "LANG": "nl_NL.UTF-8"})
    book = openpyxl.load_workbook(out / (path.stem + ".xlsx"), read_only=True)
    return list(book.worksheets[sheet].iter_rows(values_only=True))


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    from analysis import cli

    out = tmp_path_factory.mktemp("processed")
    assert cli.main(["prepare", "--raw", str(ROOT / "data" / "raw"), "--out", str(out)]) == 0
    return out


def plain_csv(prepared) -> list[list[str]]:
    with open(prepared / "banenafspraak.csv", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def assert_read_as_published(read: list[tuple], expected: list[list[str]]) -> None:
    """Every row is there; every value is a number equal to the published one; every text (accents, the minus
    sign in 'target_jobs − realised_jobs') is intact."""
    header = expected[0]
    assert list(read[0][: len(header)]) == header
    assert len(read) == len(expected)
    numeric = {header.index(c) for c in ("value", "year", "era", "raw_line")}
    as_text = []
    for got, want in zip(read[1:], expected[1:]):
        for i, text in enumerate(want):
            cell = got[i] if i < len(got) else None
            if i in numeric and text:
                if not isinstance(cell, (int, float)) or cell != float(text):
                    as_text.append((header[i], text, cell))
            else:
                assert (cell or "") == text.removeprefix("'") or (cell or "") == text, (header[i], text, cell)
    assert as_text == []


def test_the_csv_for_dutch_spreadsheets_opens_in_libreoffice_with_dutch_settings(prepared, tmp_path):
    """banenafspraak_nl.csv (semicolons, decimal comma, UTF-8 with a byte order mark), opened as Dutch settings
    open it: every value a number, every accent intact. The plain CSV opened so had 62 of 309 values as text
    ('58.6' is no number under Dutch settings), which is why this copy exists."""
    read = opened_in_libreoffice(prepared / "banenafspraak_nl.csv", tmp_path, f"CSV:59,34,{UTF8},1,,{DUTCH},false,true")
    assert_read_as_published(read, plain_csv(prepared))


def test_the_xlsx_opens_in_libreoffice_with_its_values_as_numbers_and_a_dutch_readme_first(prepared, tmp_path):
    """The workbook as LibreOffice reads it under nl-NL: the 'Lees mij' sheet first, in Dutch; the data sheet
    with every value a number and every text as published."""
    names = openpyxl.load_workbook(prepared / "banenafspraak.xlsx", read_only=True).sheetnames
    assert names[0] == "Lees mij" and "data" in names
    readme = opened_in_libreoffice(prepared / "banenafspraak.xlsx", tmp_path)
    assert "Wat dit bestand bevat" in {row[0] for row in readme}
    read = opened_in_libreoffice(prepared / "banenafspraak.xlsx", tmp_path, sheet=names.index("data"))
    assert_read_as_published(read, plain_csv(prepared))
