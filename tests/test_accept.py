"""`accept`: the proposals an analyst kept, into data/raw/figures, all or nothing, as an analyst runs it."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, command

COLUMNS = [
    "sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "source_id", "locator", "evidence",
    "note", "check",
]  # fmt: skip
SENTENCE = (
    "De politie meldt voor de jaren 2019, 2020 en 2021 achtereenvolgens een realisatie van 297, 413 en 663 banen."
)


run = command  # python -m analysis, in this process (conftest.command)


def proposal(**given) -> dict:
    row = {
        "sector": "politie", "year": "2021", "period": "year", "measure": "realised_jobs", "value": "663",
        "qualifier": "", "scope": "", "basis": "sector_count", "source_id": "letter",
        "locator": "Overheidssectoren > Politie, alinea 1", "evidence": SENTENCE, "note": "", "check": "",
    }  # fmt: skip
    return row | given


def write(path: Path, *rows: dict) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def raw(tmp_path) -> Path:
    folder = tmp_path / "raw"
    shutil.copytree(FIXTURES / "minimal", folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_kept_rows_are_appended_to_their_sectors_files_and_validate_passes(tmp_path, raw):
    before = snapshot(raw)
    kept = write(
        tmp_path / "p.csv",
        proposal(),
        proposal(sector="waterschappen", year="2021", measure="realisation_pct", value="61.3",
                 evidence="De Waterschappen hebben 262 banen gerealiseerd en daarmee 61,3% van het quotum behaald."),
    )  # fmt: skip
    done = run("accept", kept, "--raw", raw)
    assert done.returncode == 0, done.stderr
    assert "accepted 2 rows (figures/politie.csv +1, figures/waterschappen.csv +1)" in done.stdout
    assert "make report" in done.stdout
    politie = (raw / "figures" / "politie.csv").read_text(encoding="utf-8")
    assert politie.startswith(before["figures/politie.csv"].decode())
    assert politie.splitlines()[-1] == (
        f'politie,2021,year,realised_jobs,663,,,sector_count,letter,"Overheidssectoren > Politie, alinea 1","{SENTENCE}",'
    )
    assert run("validate", "--raw", raw).returncode == 0
    again = run("accept", kept, "--raw", raw)  # the same file twice: nothing doubled
    assert again.returncode == 0 and "accepted 0 rows; skipped 2 already in the raw data" in again.stdout
    assert f"{kept.name}:2: already in figures/politie.csv:5" in again.stdout.replace(str(tmp_path) + "/", "")


def test_a_row_already_in_the_raw_data_is_reported_and_skipped(tmp_path, raw):
    kept = write(tmp_path / "p.csv", proposal(year="2019", value="297", evidence=SENTENCE), proposal())
    done = run("accept", kept, "--raw", raw)
    assert done.returncode == 0, done.stderr
    assert "accepted 1 row (figures/politie.csv +1); skipped 1 already in the raw data" in done.stdout
    assert "p.csv:2: already in figures/politie.csv:2" in done.stdout


@pytest.mark.parametrize(
    "row, says",
    [
        (proposal(check="year not stated in the sentence or the one before it"), "p.csv:3: column 'check': still says what to check"),
        (proposal(measure="realised"), "p.csv:3: column 'measure'"),
        (proposal(value="6,63"), "p.csv:3: column 'value'"),
        (proposal(source_id="brief-2026"), "p.csv:3: column 'source_id'"),
        (proposal(sector="rijk"), "p.csv:3: column 'sector': not a sector of sectors.csv"),
        (proposal(value="700"), "p.csv:3"),  # the same figure as line 2 with another value: one of them is wrong
    ],
)  # fmt: skip
def test_one_bad_row_and_nothing_is_written(tmp_path, raw, row, says):
    """All or nothing: a good row for another sector waits for the bad one; the problem is named by the line and
    column of the proposals file."""
    before = snapshot(raw)
    good = proposal(sector="waterschappen", year="2020", measure="realised_jobs", value="262")
    kept = write(tmp_path / "p.csv", proposal() if says.endswith("p.csv:3") else good, row)
    done = run("accept", kept, "--raw", raw)
    assert done.returncode == 1, done.stdout
    assert says in done.stderr, done.stderr
    assert "the proposals (data/raw is unchanged)" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(raw) == before


def test_a_file_that_is_no_proposals_file_is_refused_with_its_line(tmp_path, raw):
    before = snapshot(raw)
    bad = tmp_path / "p.csv"
    bad.write_text("sector;year;value\npolitie;2021;663\n", encoding="utf-8")
    done = run("accept", bad, "--raw", raw)
    assert done.returncode == 1 and "p.csv:1: column 'sector': missing column(s) sector, year, period" in done.stderr
    missing = run("accept", tmp_path / "none.csv", "--raw", raw)
    assert missing.returncode == 1 and "none.csv" in missing.stderr and "Traceback" not in missing.stderr
    assert snapshot(raw) == before


def test_extract_then_accept_round_trip(tmp_path, raw):
    """What extract writes, accept takes once its checks are settled."""
    document = tmp_path / "brief.txt"
    document.write_text("Politie\n" + SENTENCE + "\n", encoding="utf-8")
    out = tmp_path / "p.csv"
    assert run("extract", document, "--out", out, "--raw", raw, "--source-id", "letter").returncode == 0
    done = run("accept", out, "--raw", raw)
    assert done.returncode == 0, done.stderr
    assert "accepted 1 row (figures/politie.csv +1); skipped 2 already in the raw data" in done.stdout


def test_when_a_file_cannot_be_moved_into_place_the_files_already_moved_get_their_bytes_back(tmp_path, monkeypatch):
    """atomic.write_all, what accept writes with: a failure on the second file leaves the first as it was."""
    import errno
    import os

    from analysis import atomic

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"old a\n")
    second.write_bytes(b"old b\n")
    real = os.replace
    moves = []

    def replace(src, dst):
        moves.append(Path(dst).name)
        if Path(dst) == second:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError) as raised:
        atomic.write_all({first: b"new a\n", second: b"new b\n"})
    assert raised.value.filename == str(second)
    assert first.read_bytes() == b"old a\n" and second.read_bytes() == b"old b\n"
    assert [m for m in moves if m.endswith(".csv")][:2] == ["a.csv", "b.csv"]  # the journal is moved in first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]  # no staged file left


def test_a_value_is_compared_as_a_number_and_a_conflict_names_the_file_and_line_it_conflicts_with(tmp_path, raw):
    """'297.0' is the 297 already on figures/politie.csv:2: skipped, not a conflict (on the previous code it
    was refused as a duplicate). A different value for the same figure from the same source is refused, and the
    message names where the other stands, in data/raw or in the proposals file (the previous code said 'already
    on line 2', of no file it named)."""
    same = write(tmp_path / "p.csv", proposal(year="2019", value="297.0"))
    done = run("accept", same, "--raw", raw)
    assert done.returncode == 0 and "p.csv:2: already in figures/politie.csv:2" in done.stdout, done.stderr
    before = snapshot(raw)
    other = write(tmp_path / "q.csv", proposal(year="2019", value="298"), proposal(), proposal(value="700"))
    refused = run("accept", other, "--raw", raw)
    said = refused.stderr.replace(str(raw) + "/", "data/raw/").replace(str(tmp_path) + "/", "")
    assert refused.returncode == 1 and snapshot(raw) == before
    assert "q.csv:2: column 'source_id'" in said and "is already on data/raw/figures/politie.csv:2" in said, said
    assert "q.csv:4: column 'source_id'" in said and "is already on q.csv:3" in said, said


def test_a_proposals_file_saved_by_dutch_excel_is_read_or_refused_with_what_to_do(tmp_path, raw):
    """Dutch Excel saves a CSV with semicolons, as 'CSV UTF-8' or, by default, in Windows-1252. With semicolons
    and UTF-8 the file is accepted as it is (the previous code said 'use a comma', which Dutch Excel cannot do);
    in Windows-1252 it is refused with the format to choose in Excel, at the line and column of the first byte
    that is no UTF-8 (the previous code blamed the wrong column, reading the line with commas)."""
    row = proposal(evidence="De politie realiseerde 663 banen, méér dan verwacht.")
    lines = [
        ";".join(COLUMNS),
        ";".join(f'"{row[c]}"' if ("," in row[c] or ";" in row[c]) else row[c] for c in COLUMNS),
    ]
    saved = tmp_path / "excel.csv"
    saved.write_bytes("\ufeff".encode() + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    done = run("accept", saved, "--raw", raw)
    assert done.returncode == 0 and "accepted 1 row (figures/politie.csv +1)" in done.stdout, done.stderr
    assert (raw / "figures" / "politie.csv").read_text(encoding="utf-8").splitlines()[-1].count("méér") == 1
    windows = tmp_path / "windows.csv"
    windows.write_bytes("\r\n".join(lines).replace("politie;2021", "politie;2020").encode("cp1252") + b"\r\n")
    refused = run("accept", windows, "--raw", raw)
    assert refused.returncode == 1, refused.stdout
    assert "windows.csv:2: column 'evidence'" in refused.stderr and "CSV UTF-8" in refused.stderr, refused.stderr


def test_a_raw_file_with_old_mac_line_ends_keeps_the_proposals_line_numbers_right(tmp_path, raw):
    """figures/politie.csv with CR-only line ends (as an old editor saves it): a bad proposal is still named at
    its own line of the proposals file (the previous code counted the raw file's lines by '\\n' only, so the
    problem was put at a line of data/raw that does not hold it)."""
    politie = raw / "figures" / "politie.csv"
    politie.write_bytes(politie.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    before = snapshot(raw)
    kept = write(tmp_path / "p.csv", proposal(value="6,63"))
    done = run("accept", kept, "--raw", raw)
    assert done.returncode == 1 and "p.csv:2: column 'value'" in done.stderr, done.stderr
    assert snapshot(raw) == before
    good = write(tmp_path / "q.csv", proposal())
    assert run("accept", good, "--raw", raw).returncode == 0
    assert run("validate", "--raw", raw).returncode == 0


# ---------------------------------------------------------------- stopped, killed, a full or read-only disk

BOTH = [  # a row for each of the fixture's two sectors: two files to write
    proposal(),
    proposal(sector="waterschappen", measure="realisation_pct", value="61.3", basis="sector_count",
             evidence="De Waterschappen hebben 262 banen gerealiseerd en daarmee 61,3% van het quotum behaald."),
]  # fmt: skip


def _stop_at_first_move(monkeypatch, signum, when="move", figures: Path | None = None):
    """Send this process `signum` as the first file of `figures` is moved into place (or while validating)."""
    import os

    from analysis import atomic
    from analysis.extract import accept as accept_module

    real = os.replace
    if when == "move":

        def replace(src, dst):
            if Path(dst).parent == figures and str(dst).endswith(".csv") and not getattr(replace, "sent", False):
                replace.sent = True
                os.kill(os.getpid(), signum)
            return real(src, dst)

        monkeypatch.setattr(atomic.os, "replace", replace)
    else:
        validate = accept_module._validate_with

        def slow(*args):
            os.kill(os.getpid(), signum)
            return validate(*args)

        monkeypatch.setattr(accept_module, "_validate_with", slow)


@pytest.mark.parametrize("signum", [2, 15, 1], ids=["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stop_while_the_files_are_moved_waits_until_all_are_in_place(tmp_path, raw, monkeypatch, capsys, signum):
    from analysis import cli

    kept = write(tmp_path / "p.csv", *BOTH)
    _stop_at_first_move(monkeypatch, signum, figures=raw / "figures")
    code = cli.main(["accept", str(kept), "--raw", str(raw)])
    err = capsys.readouterr().err
    assert code == 128 + signum and "interrupted after the rows were written: they are all in data/raw" in err
    for sector, start in (("politie", "politie,2021,"), ("waterschappen", "waterschappen,2021,")):  # both, not one
        assert (raw / "figures" / f"{sector}.csv").read_text(encoding="utf-8").splitlines()[-1].startswith(start)
    assert not [p.name for p in (raw / "figures").iterdir() if p.name.startswith(".")]


def test_a_stop_before_the_files_are_moved_leaves_data_raw_unchanged(tmp_path, raw, monkeypatch, capsys):
    from analysis import cli

    before = snapshot(raw)
    kept = write(tmp_path / "p.csv", *BOTH)
    _stop_at_first_move(monkeypatch, 15, when="validate")
    code = cli.main(["accept", str(kept), "--raw", str(raw)])
    assert code == 143 and "interrupted: data/raw is unchanged, nothing was accepted" in capsys.readouterr().err
    assert snapshot(raw) == before


KILLED_ACCEPT = """
import os, signal, sys
from analysis import atomic, cli
real = os.replace
moved = []
def replace(src, dst):
    real(src, dst)
    if str(dst).endswith(".csv") and os.path.basename(os.path.dirname(str(dst))) == "figures":
        moved.append(dst)
        if len(moved) == 1:
            os.kill(os.getpid(), signal.SIGKILL)  # killed between the first and the second move
atomic.os.replace = replace
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.slow  # a real process
def test_an_accept_killed_while_writing_is_undone_by_the_next_one(tmp_path, raw):
    before = snapshot(raw)
    kept = write(tmp_path / "p.csv", *BOTH)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_ACCEPT, "accept", str(kept), "--raw", str(raw)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert killed.returncode == -9
    changed = [name for name, data in snapshot(raw).items() if before.get(name) != data]
    assert ".unfinished-write.json" in " ".join(changed)  # the journal says it was not done
    said = run("validate", "--raw", raw)
    assert said.returncode == 1 and "an accept was killed while writing these files" in said.stderr
    again = run("accept", kept, "--raw", raw)
    assert again.returncode == 0, again.stderr
    assert "put back" in again.stdout and "accepted 2 rows" in again.stdout
    for sector in ("politie", "waterschappen"):
        text = (raw / "figures" / f"{sector}.csv").read_text(encoding="utf-8")
        old = before[f"figures/{sector}.csv"].decode()
        assert text.startswith(old) and text.count("\n") == old.count("\n") + 1  # each row once
    assert not [p.name for p in (raw / "figures").iterdir() if p.name.startswith(".")]
    assert run("validate", "--raw", raw).returncode == 0


@pytest.mark.parametrize(
    ("error", "says"),
    [(28, "The disk is full"), (30, "read-only file system"), (13, "ask for access")],
    ids=["full disk", "read-only", "no permission"],
)
def test_a_file_system_fault_names_the_raw_file_and_what_to_do(tmp_path, raw, monkeypatch, capsys, error, says):
    import os

    from analysis import atomic, cli

    before = snapshot(raw)
    kept = write(tmp_path / "p.csv", *BOTH)

    def fail(fd):
        raise OSError(error, os.strerror(error))  # as the kernel gives it: no file name

    monkeypatch.setattr(atomic.os, "fsync", fail)
    code = cli.main(["accept", str(kept), "--raw", str(raw)])
    err = capsys.readouterr().err
    assert code == 1 and says in err and "data/raw is unchanged" in err, err
    assert f"cannot write {raw / 'figures'}/" in err and ".tmp-" not in err and "--out" not in err
    assert snapshot(raw) == before
