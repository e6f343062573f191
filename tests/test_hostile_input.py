"""What a hostile or careless input still broke (issue: safe to run and to share), class by class.

Each test names its class; each failed on the main branch before the fix it covers.
"""

import json
import os
import signal
import stat
import time

import pytest
from conftest import (
    DUMPABLE,
    TINY_NOTEBOOKS,
    communicate_or_dump,
    figure_row,
    kernels_below,
    make_raw,
    report_args,
    short_row,
    write_figures,
)

# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = pytest.mark.slow

GOOD = "politie,2019,realised_jobs,297,,letter,Politie,"


def prepare(run_cli, raw, out):
    return run_cli("prepare", "--raw", raw, "--out", out)


def report(run_cli, raw, tmp, *extra):
    return run_cli(
        "report", "--raw", raw, "--out", tmp / "processed", "--reports", tmp / "reports", "--jobs", "1", *extra
    )


# ---------------------------------------------------------------- 1. data text never becomes markup


def test_1_markdown_in_a_name_stays_text(minimal_raw, tmp_path, run_cli):
    sectors = minimal_raw / "sectors.csv"
    hostile = "Politie [klik](javascript:alert(1)) ![x](https://example.invalid/x.png)"
    sectors.write_text(
        sectors.read_text(encoding="utf-8").replace("politie,Politie,", f'politie,"{hostile}",'), encoding="utf-8"
    )
    code, _, err = report(run_cli, minimal_raw, tmp_path)
    assert code == 0, err
    for page in (tmp_path / "reports").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'href="javascript:' not in text, page.name
        assert 'src="https://example.invalid' not in text, page.name
    assert "[klik](javascript:alert(1))" in (tmp_path / "reports/sectors/politie/politie.html").read_text(
        encoding="utf-8"
    )


# ---------------------------------------------------------------- 2. one id rule; refusals before any writing


def test_2_an_id_that_validate_accepts_the_report_accepts(minimal_raw, tmp_path, run_cli):
    sectors = minimal_raw / "sectors.csv"
    sectors.write_text(sectors.read_text(encoding="utf-8").replace("waterschappen,", "hbo-x,", 1), encoding="utf-8")
    (minimal_raw / "figures/waterschappen.csv").rename(minimal_raw / "figures/hbo-x.csv")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "sectors.csv:3: column 'sector'" in err and "lower-case letters, digits and _" in err


@pytest.mark.parametrize("device", ["con", "nul", "aux", "prn", "com1", "lpt9"])
def test_2_a_windows_device_name_is_no_sector_id(minimal_raw, tmp_path, run_cli, device):
    """A folder reports/sectors/con cannot be checked out on Windows: validate refuses the id, naming why."""
    sectors = minimal_raw / "sectors.csv"
    sectors.write_text(sectors.read_text(encoding="utf-8").replace("waterschappen,", f"{device},", 1), encoding="utf-8")
    (minimal_raw / "figures/waterschappen.csv").rename(minimal_raw / f"figures/{device}.csv")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "sectors.csv:3: column 'sector'" in err and "a name Windows reserves" in err, err


def test_2_a_bad_sector_option_is_refused_before_anything_is_rewritten(minimal_site, run_cli):
    tmp_path, minimal_raw = minimal_site, minimal_site / "raw"
    before = {p: p.read_bytes() for p in (tmp_path / "processed").iterdir()}
    stamp = tmp_path / "reports/.run-stamp.json"
    assert stamp.is_file()
    code, _, err = report(run_cli, minimal_raw, tmp_path, "--sector", "nosuch")
    assert code == 2 and "unknown sector 'nosuch'" in err
    assert {p: p.read_bytes() for p in (tmp_path / "processed").iterdir()} == before
    assert stamp.is_file()  # the run record of the last good run is kept


def test_2_a_repeated_sector_runs_once(minimal_raw, tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("TINY_NOTEBOOK_SECONDS", "0")  # the run's planning is tested, not the notebooks
    code, out, _ = report(
        run_cli, minimal_raw, tmp_path, "--sector", "politie", "--sector", "politie", "--notebooks", TINY_NOTEBOOKS
    )
    assert code == 0 and out.count("politie ") == 2 and "4 reports" in out  # its progress line and its row


# ---------------------------------------------------------------- 3. regular files only


def test_3_a_pipe_a_device_and_a_folder_named_csv_are_refused(minimal_raw, tmp_path, run_cli):
    os.mkfifo(minimal_raw / "figures/pipe.csv")
    (minimal_raw / "figures/device.csv").symlink_to("/dev/zero")
    (minimal_raw / "figures/folder.csv").mkdir()
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")  # returns: no hang
    assert code == 1
    assert "figures/pipe.csv:1: whole line: is a pipe, not an ordinary file" in err
    assert "figures/device.csv:1: whole line: is a device or socket, not an ordinary file" in err
    assert "figures/folder.csv:1: whole line: is a folder, not an ordinary file" in err


# ---------------------------------------------------------------- 4. control characters


def test_4_control_characters_in_text_are_refused(minimal_raw, tmp_path, run_cli):
    write_figures(minimal_raw, "politie", GOOD, figure_row("politie", 2020, "realised_jobs", 413, note="a\x00b"))
    sources = minimal_raw / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("Newspaper", "News\x07paper"), encoding="utf-8")
    code, _, err = prepare(run_cli, minimal_raw, tmp_path / "out")
    assert code == 1
    assert "sources.csv:3: column 'publisher': contains a control character (U+0007)" in err
    assert not (tmp_path / "out").exists()
    (minimal_raw / "sources.csv").write_text(sources.read_text(encoding="utf-8").replace("\x07", ""), encoding="utf-8")
    code, _, err = prepare(run_cli, minimal_raw, tmp_path / "out")
    assert code == 1 and "figures/politie.csv:3: column 'note': contains a control character (U+0000)" in err


# ---------------------------------------------------------------- 5. CSV quoting


def test_5_a_quote_closed_on_a_later_line_is_reported_where_it_opened(minimal_raw, tmp_path, run_cli):
    # the quote opens the note on line 3 and closes at the end of the note on line 5: line 4 vanished
    rows = [
        GOOD,
        'politie,2020,year,realised_jobs,413,,,sector_count,letter,P,As said.,"note opens here',
        short_row("politie,2021,realised_jobs,663,,letter,P,"),
        'politie,2022,year,realised_jobs,700,,,sector_count,letter,P,As said.,and closes here"',
    ]
    (minimal_raw / "figures/politie.csv").write_text(
        "sector,year,period,measure,value,qualifier,scope,basis,source_id,locator,evidence,note\n"
        + short_row(rows[0])
        + "\n"
        + "\n".join(rows[1:])
        + "\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1
    assert "figures/politie.csv:3:" in err and "a quote opened on line 3 closes only on line 5" in err


def test_5_a_quote_never_closed_is_reported_where_it_opened(minimal_raw, tmp_path, run_cli):
    (minimal_raw / "figures/politie.csv").write_text(
        "sector,year,period,measure,value,qualifier,scope,basis,source_id,locator,evidence,note\n"
        + short_row(GOOD)
        + "\n"
        + 'politie,2020,year,realised_jobs,413,,,sector_count,letter,P,"As said.,\n'
        + short_row("politie,2021,realised_jobs,663,,letter,P,")
        + "\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "figures/politie.csv:3: whole line: a quote opened on line 3 is never closed" in err


# ---------------------------------------------------------------- 6. SIGTERM and SIGHUP like Ctrl-C


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_6_a_terminated_run_leaves_no_workers_and_no_late_reports(tmp_path, sig, signals_as_in_a_terminal):
    import subprocess
    import sys

    from conftest import ROOT

    raw = make_raw(tmp_path)
    # a run in progress is what the signal needs: tiny notebooks, each working for 2 s (a worker that lived
    # on would swap its report in within the 3 s watched below)
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", *report_args(tmp_path, "--force", raw=raw, notebooks=TINY_NOTEBOOKS)],
        cwd=ROOT,
        env={**os.environ, **DUMPABLE, "TINY_NOTEBOOK_SECONDS": "2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 90
    while not kernels_below(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    import psutil

    family = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(sig)
    # once in seven suite runs this waited past 60 s after the run said 'interrupted', and could not be made to again:
    # should it, the failure shows which processes still hold the run's output, and where each waits
    _, err = communicate_or_dump(proc, timeout=60)
    assert proc.returncode == 128 + sig and "interrupted" in err
    time.sleep(1)
    alive = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"{len(alive)} processes of the run live on"
    reports = tmp_path / "reports"
    seen = sorted(str(p) for p in reports.rglob("*"))
    time.sleep(3)
    assert sorted(str(p) for p in reports.rglob("*")) == seen, "reports were swapped in after the run stopped"


# A stop that comes between the forks of two workers, before any `with` block holds them: the pool then has a worker
# but not yet the thread that would end it. The run said 'interrupted', then waited at its exit for that worker,
# which waited for a task, for ever. The signal is sent from inside the run, right after the first worker's fork.
STOP_BETWEEN_FORKS = """
import os, sys
from concurrent.futures import process
from analysis import cli

spawn = process.ProcessPoolExecutor._spawn_process

def spawn_then_stop(self):
    spawn(self)
    if len(self._processes) == 1:
        os.kill(os.getpid(), int(sys.argv[1]))

process.ProcessPoolExecutor._spawn_process = spawn_then_stop
sys.exit(cli.main(sys.argv[2:]))
"""


def test_6_a_run_stopped_while_its_workers_start_ends(tmp_path, signals_as_in_a_terminal):
    import subprocess
    import sys

    from conftest import ROOT

    args = report_args(tmp_path, raw=make_raw(tmp_path), notebooks=TINY_NOTEBOOKS)
    proc = subprocess.Popen(
        [sys.executable, "-c", STOP_BETWEEN_FORKS, str(int(signal.SIGHUP)), *args],
        cwd=ROOT,
        env={**os.environ, **DUMPABLE},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, err = communicate_or_dump(proc, timeout=60)  # it, its worker and its fork server have all ended
    assert proc.returncode == 128 + signal.SIGHUP and "interrupted" in err, err


# ---------------------------------------------------------------- 7. outputs verified before 'up to date'


def test_7_an_edited_report_page_is_made_again(minimal_site, run_cli):
    tmp_path, minimal_raw = minimal_site, minimal_site / "raw"
    page = tmp_path / "reports/sectors/politie/politie.html"
    good = page.read_bytes()
    page.write_text("", encoding="utf-8")
    code, out, _ = report(run_cli, minimal_raw, tmp_path)
    assert code == 0 and "nothing changed" not in out and "(1 executed, 0 failed" in out
    assert page.read_bytes() != b"" and b"297" in page.read_bytes() and len(page.read_bytes()) > len(good) / 2


def test_7_validate_sees_a_hand_edit_even_with_a_matching_checksum(minimal_raw, tmp_path, run_cli):
    import hashlib

    out = tmp_path / "out"
    assert prepare(run_cli, minimal_raw, out)[0] == 0
    data = out / "banenafspraak.csv"
    original = data.read_text(encoding="utf-8")
    edited = original.replace(',"297",', ',"298",')  # the value column is text, so quoted
    assert edited != original
    data.write_text(edited, encoding="utf-8")
    manifest = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    for res in manifest["resources"]:
        if res["path"] == "banenafspraak.csv":
            res["hash"] = "sha256:" + hashlib.sha256(edited.encode()).hexdigest()
    (out / "datapackage.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    code, stdout, _ = run_cli("validate", "--raw", minimal_raw, "--processed", out)
    assert code == 0 and "out of date" in stdout and "banenafspraak.csv" in stdout


# ---------------------------------------------------------------- 8. options that point at the wrong place


def test_8_a_report_folder_that_is_not_ours_is_refused_untouched(minimal_raw, tmp_path, run_cli):
    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    (home / "index.html").write_text("mine", encoding="utf-8")
    (home / "notes" / ".tmp-draft").mkdir(parents=True)
    code, _, err = run_cli("report", "--raw", minimal_raw, "--out", tmp_path / "processed", "--reports", home)
    assert code == 2 and "did not write" in err
    assert (
        (home / ".cache").is_dir()
        and (home / "index.html").read_text() == "mine"
        and (home / "notes/.tmp-draft").is_dir()
    )


def test_8_prepare_into_the_raw_folder_is_refused(minimal_raw, run_cli):
    before = (minimal_raw / "sources.csv").read_bytes()
    code, _, err = run_cli("prepare", "--raw", minimal_raw, "--out", minimal_raw)
    assert code == 2 and "raw data folder" in err
    assert (minimal_raw / "sources.csv").read_bytes() == before


def test_8_a_report_path_that_is_a_file_gets_a_message(minimal_raw, tmp_path, run_cli):
    (tmp_path / "reports").write_text("x", encoding="utf-8")
    code, _, err = report(run_cli, minimal_raw, tmp_path)
    assert code == 2 and "is a file, not a folder" in err


# ---------------------------------------------------------------- 9. sharing


def test_9_report_folders_follow_the_umask_and_hold_no_pickle(minimal_raw, tmp_path, run_cli, monkeypatch):
    # the run makes the folders and hands the data over, whatever the notebooks draw: tiny ones will do
    monkeypatch.setenv("TINY_NOTEBOOK_SECONDS", "0")
    old = os.umask(0o022)
    try:
        assert report(run_cli, minimal_raw, tmp_path, "--notebooks", TINY_NOTEBOOKS)[0] == 0
    finally:
        os.umask(old)
    reports = tmp_path / "reports"
    for folder in [reports, *[p for p in reports.rglob("*") if p.is_dir()]]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o755, folder
    assert not list(reports.rglob("*.pickle"))


# ---------------------------------------------------------------- 10. silent acceptance and odd messages


@pytest.mark.parametrize(
    "row,place,rule",
    [
        ("politie,2020,realised_jobs,٣٠٠,,letter,P,", "column 'value'", "digits 0-9"),
        ("politie,2020,realised_jobs,３００,,letter,P,", "column 'value'", "digits 0-9"),
        ("politie,２０２０,realised_jobs,300,,letter,P,", "column 'year'", "digits 0-9"),
        ("politie,2020,realised_jobs,-0,,letter,P,", "column 'value'", "must not be negative"),
        ("politie,2020,realised_jobs,123456789012345678,,letter,P,", "column 'value'", "15 significant digits"),
    ],
)
def test_10_odd_numbers_are_refused_with_their_place(minimal_raw, tmp_path, run_cli, row, place, rule):
    write_figures(minimal_raw, "politie", GOOD, row)
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and f"figures/politie.csv:3: {place}" in err and rule in err, err
    assert "Traceback" not in err


def test_10_an_impossible_date_is_refused(minimal_raw, tmp_path, run_cli):
    sources = minimal_raw / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace("2025-12-01", "2017-02-31"), encoding="utf-8")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "sources.csv:2: column 'date': no such day in the calendar" in err


def test_10_utf16_without_a_byte_order_mark_is_named(minimal_raw, tmp_path, run_cli):
    path = minimal_raw / "figures/politie.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16-le"))
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "figures/politie.csv:1" in err and "UTF-16" in err


def test_10_a_file_for_an_unregistered_sector_is_named(minimal_raw, tmp_path, run_cli):
    write_figures(minimal_raw, "politei")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "figures/politei.csv:1: whole line: no sector 'politei' in sectors.csv" in err


def test_10_data_without_any_figure_is_refused(minimal_raw, tmp_path, run_cli):
    write_figures(minimal_raw, "politie")
    write_figures(minimal_raw, "waterschappen")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "no figures at all" in err


def test_10_a_long_id_and_a_zero_cell_timeout_are_refused(minimal_raw, tmp_path, run_cli):
    sectors = minimal_raw / "sectors.csv"
    sectors.write_text(
        sectors.read_text(encoding="utf-8").replace("waterschappen,", "w" * 300 + ",", 1), encoding="utf-8"
    )
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "at most 64 characters" in err
    with pytest.raises(SystemExit) as stop:
        run_cli("report", "--cell-timeout", "0")
    assert stop.value.code == 2


def test_10_a_sector_run_keeps_the_other_reports_on_the_index(minimal_site, run_cli):
    tmp_path, minimal_raw = minimal_site, minimal_site / "raw"
    # nothing needs executing (the copied run is up to date): the index is made from a plan of politie's
    # report and the reports over all sectors alone, which is what the fix is about
    code, out, _ = report(run_cli, minimal_raw, tmp_path, "--sector", "politie")
    assert code == 0 and "(0 executed, 0 failed" in out and "nothing changed" not in out
    index = (tmp_path / "reports/index.html").read_text(encoding="utf-8")
    assert "sectors/waterschappen/waterschappen.html" in index and "sectors/politie/politie.html" in index


def test_10_a_read_only_folder_gets_a_message_not_a_traceback(minimal_raw, tmp_path, run_cli, monkeypatch):
    from analysis.data import processed

    def refuse(*_args, **_kw):
        raise PermissionError(13, "Permission denied", str(tmp_path / "out" / "banenafspraak.csv"))

    monkeypatch.setattr(processed, "write_outputs", refuse)  # as root, a read-only folder is still writable
    code, _, err = prepare(run_cli, minimal_raw, tmp_path / "out")
    assert code == 1 and "cannot write" in err and "Permission denied" in err


# ---------------------------------------------------------------- one maximum text length, in both readers


@pytest.mark.parametrize("length", [40_000, 200_000])
@pytest.mark.parametrize("blank_line_at_the_end", [False, True], ids=["fast reader", "careful reader"])
def test_a_text_longer_than_a_spreadsheet_cell_is_refused_in_both_readers(
    minimal_raw, tmp_path, run_cli, length, blank_line_at_the_end
):
    """The XLSX cuts a text at 32,767 characters while the CSV keeps it whole; on the previous code a 40,000
    character quote was valid, and a 200,000 character one valid or not depending on a blank line at the end
    (the careful reader's field limit)."""
    quote = "Door de instellingen zijn " + "veel " * (length // 5) + "banen gerealiseerd."
    write_figures(minimal_raw, "politie", figure_row("politie", 2019, "realised_jobs", 297, evidence=quote))
    if blank_line_at_the_end:
        with (minimal_raw / "figures/politie.csv").open("a", encoding="utf-8") as fh:
            fh.write("\n")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "figures/politie.csv:2: column 'evidence'" in err and "at most 32,767 characters" in err
    assert len(err) < 2000  # the message quotes the start of the text, not all of it


def test_a_long_text_in_a_registry_is_refused_too(minimal_raw, tmp_path, run_cli):
    sources = minimal_raw / "sources.csv"
    text = sources.read_text(encoding="utf-8").replace("A letter", "A letter " + "x" * 33_000, 1)
    sources.write_text(text, encoding="utf-8")
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "sources.csv:2: column 'title'" in err and "at most 32,767 characters" in err


# ---------------------------------------------------------------- faults of the file system


def test_a_file_size_limit_is_a_message_and_nothing_is_half_written(minimal_raw, tmp_path):
    """A real limit (ulimit -f, errno 27): on the previous code a traceback."""
    import resource
    import subprocess
    import sys

    out = tmp_path / "out"

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [sys.executable, "-m", "analysis", "prepare", "--raw", str(minimal_raw), "--out", str(out)],
        capture_output=True, text=True, preexec_fn=limit, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "cannot write" in done.stderr and str(out) in done.stderr and "file size limit" in done.stderr
    assert not list(out.glob(".tmp-*"))  # nothing half-written left behind
    assert all(p.stat().st_size <= 4096 for p in out.iterdir())  # each file that is there was written whole


@pytest.mark.parametrize(
    ("error", "advice"),
    [(30, "read-only"), (28, "disk is full"), (122, "disk is full")],
    ids=["read-only file system", "full disk", "quota"],
)
def test_a_file_system_fault_is_a_message_naming_the_path(minimal_raw, tmp_path, run_cli, monkeypatch, error, advice):
    import errno
    import os

    from analysis import atomic

    def fail(fd):
        raise OSError(error, os.strerror(error))  # as the kernel gives it: no file name

    monkeypatch.setattr(atomic.os, "fsync", fail)
    code, _, err = prepare(run_cli, minimal_raw, tmp_path / "out")
    assert code == 1 and "Traceback" not in err and advice in err, err
    assert f"cannot write {tmp_path / 'out'}" in err and os.strerror(error) in err
    assert not list((tmp_path / "out").glob(".tmp-*"))
    assert errno.errorcode[error]


# ---------------------------------------------------------------- smaller ones


def test_a_breaks_error_names_its_line_after_a_blank_line(minimal_raw, tmp_path, run_cli):
    (minimal_raw / "breaks.csv").write_text(
        "break_id,year,date,sectors,source_id,locator,what_nl,what_en,note\n"
        "\n"
        "wider,2026,2026-01-01,nosuchsector,letter,art. 1,Bredere doelgroep,Wider target group,\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("validate", "--raw", minimal_raw, "--processed", tmp_path / "none")
    assert code == 1 and "breaks.csv:3: column 'sectors'" in err, err  # line 2 on the previous code


def test_the_same_folder_for_data_and_reports_is_refused(minimal_raw, tmp_path, run_cli):
    """On the previous code: 'another run is writing to X', naming the run's own process."""
    both = tmp_path / "both"
    code, _, err = run_cli("report", "--raw", minimal_raw, "--out", both, "--reports", both)
    assert code == 2 and "--out and --reports" in err and "another run" not in err, err
    assert not both.exists()


@pytest.mark.parametrize("command", ["validate", "coverage"])
def test_a_command_outside_a_project_folder_says_which_folder_it_expects(tmp_path, command):
    """A non-editable install run elsewhere: on the previous code a FileNotFoundError traceback."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("BANENAFSPRAAK_ROOT", "BANENAFSPRAAK_RAW")}
    # as a non-editable install finds it: no project folder above the working folder or the installed package
    code = (
        "import sys, analysis.paths as p; p._is_root = lambda f: False; "
        "from analysis import cli; sys.exit(cli.main(sys.argv[1:]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, command], check=False, cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "data/raw" in done.stderr and "--raw" in done.stderr
