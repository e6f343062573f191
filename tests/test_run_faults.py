"""Faults in the report run: a worker killed, the run interrupted, two runs at once.

Afterwards the previous good reports are intact, nothing half-made looks complete, the exit
code says something went wrong, and the next run completes everything.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
from conftest import FIXTURES, ROOT, TINY_NOTEBOOKS, copy_run, kernels_below, make_raw, report_args

from analysis.locking import exclusive

SECTORS = ["--sector", "politie", "--sector", "gemeenten", "--sector", "rijk"]
# the runs here are signalled as from a terminal, whatever signals this suite was started with ignoring
# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("signals_as_in_a_terminal")]


def report(tmp: Path, *extra: str, seconds: int = 1, own_group: bool = False) -> subprocess.Popen:
    """A run of the tiny notebooks, each working for `seconds` (a run in progress for the test to act on;
    0 where the test only needs the run's outcome). `own_group`: in a process group of its own, as a terminal
    runs a command (its Ctrl-C goes to the whole group: the run, its workers and their kernels)."""
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", *report_args(tmp, *SECTORS, *extra, notebooks=TINY_NOTEBOOKS)],
        cwd=ROOT,
        env={**os.environ, "TINY_NOTEBOOK_SECONDS": str(seconds)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=own_group,
    )


def finish(proc: subprocess.Popen, timeout: int = 300) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def complete_reports(reports: Path) -> dict[str, dict[str, bytes]]:
    """Every visible report folder, which must be complete: its summary lists files that all exist."""
    found = {}
    for summary in reports.rglob("summary.json"):
        folder = summary.parent
        assert not any(part.startswith(".") for part in folder.relative_to(reports).parts)
        outputs = json.loads(summary.read_text(encoding="utf-8"))["outputs"]
        found[str(folder.relative_to(reports))] = {name: (folder / name).read_bytes() for name in outputs}
    return found


def kernels_of(proc: subprocess.Popen, timeout: float = 90) -> list[psutil.Process]:
    """Wait until the run has a notebook kernel executing, and return its kernels."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kernels = kernels_below(proc.pid)
        if kernels:
            return kernels
        time.sleep(0.05)
    pytest.fail("no kernel started")


def _alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.fixture(scope="module")
def first_good_run(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("good_run")
    code, _out, err = finish(report(tmp, seconds=0))
    assert code == 0, err
    # kernels talk over local sockets: ipykernel's warning about unencrypted TCP no longer reaches the console
    assert "without encryption" not in err and "TCP" not in err
    return tmp


@pytest.fixture
def good_run(first_good_run, tmp_path):
    """A folder holding a complete good run (a copy of the module's one), and its reports."""
    copy_run(first_good_run, tmp_path)
    before = complete_reports(tmp_path / "reports")
    assert len(before) == 6  # three sectors, overview, national, coverage
    return tmp_path, before


def assert_previous_or_new_and_whole(reports: Path, before: dict):
    after = complete_reports(reports)
    assert set(after) == set(before), "a report folder disappeared"
    for folder, files in after.items():
        assert files["summary.json"], folder
    index = (reports / "index.html").read_text(encoding="utf-8")
    for folder in before:
        assert folder in index


def test_a_killed_worker_loses_nothing(good_run):
    tmp, before = good_run
    run = report(tmp, "--force")
    kernels = kernels_of(run)
    server = kernels[0].parent()  # the run's kernel fork server
    assert "analysis.run.forkserver" in " ".join(server.cmdline())
    workers = [p for p in psutil.Process(run.pid).children() if p.pid != server.pid]
    assert len(workers) == 2
    workers[0].send_signal(signal.SIGKILL)
    code, out, err = finish(run)
    time.sleep(0.5)
    assert not [p for p in [*kernels, server, *workers] if _alive(p)], "a kernel, worker or the fork server runs on"

    assert code == 1, out + err
    assert "worker process running it died" in out
    failed = [line.split()[0] for line in out.splitlines() if " failed " in f" {line} " and not line.startswith("[")]
    assert failed
    assert_previous_or_new_and_whole(tmp / "reports", before)
    after = complete_reports(tmp / "reports")
    for name in failed:  # a failed report keeps its previous, good version
        folder = next(f for f in before if f.endswith(name))
        assert after[folder] == before[folder]

    code, out, err = finish(report(tmp, seconds=0))
    assert code == 0, out + err
    assert not list((tmp / "reports").rglob(".tmp-*")) and not list((tmp / "reports").rglob(".old-*"))
    assert len(complete_reports(tmp / "reports")) == 6


def test_an_interrupted_run_stops_cleanly_and_the_next_run_completes(good_run):
    tmp, before = good_run
    run = report(tmp, "--force")
    kernels = kernels_of(run)
    run.send_signal(signal.SIGINT)
    code, out, err = finish(run)

    assert code == 130, out + err
    assert "interrupted" in err
    time.sleep(0.5)
    assert not [k for k in kernels if _alive(k)], "kernels left running"
    assert_previous_or_new_and_whole(tmp / "reports", before)

    code, out, err = finish(report(tmp, seconds=0))
    assert code == 0, out + err
    assert "0 failed" in out
    assert not list((tmp / "reports").rglob(".tmp-*"))
    assert len(complete_reports(tmp / "reports")) == 6


def test_ctrl_c_in_a_terminal_stops_the_run_with_one_line_and_no_traceback(good_run):
    """A terminal's Ctrl-C reaches every process of the run's group: the run, its workers and their kernels. The
    run ends with 130 and says so in one line; no kernel, worker, fork server or message queue prints a traceback."""
    tmp, before = good_run
    run = report(tmp, "--force", own_group=True)
    kernels = kernels_of(run)
    os.killpg(run.pid, signal.SIGINT)
    code, out, err = finish(run)
    assert code == 130, out + err
    assert "Traceback" not in err and "zmq" not in err.lower() and "Exception" not in err, err
    said = "interrupted: reports that finished are in place, the others keep their previous version; run again to"
    assert f"{said} complete them" in err.splitlines()
    # what else may show: ipykernel's own log line of a kernel whose worker is gone ("Parent appears to have
    # exited, shutting down."), one line, no traceback (#42 names it as left)
    others = [line for line in err.splitlines() if line.strip() and not line.startswith(said)]
    assert all(line.startswith("[IPKernelApp]") for line in others), others
    time.sleep(0.5)
    assert not [k for k in kernels if _alive(k)], "kernels left running"
    assert_previous_or_new_and_whole(tmp / "reports", before)


def test_a_second_run_on_the_same_folder_is_refused(tmp_path, run_cli):
    with exclusive(tmp_path / "reports"):
        code, _, err = run_cli("report", "--out", tmp_path / "processed", "--reports", tmp_path / "reports", *SECTORS)
    assert code == 3
    assert "another run is writing to" in err and "--wait" in err
    assert not (tmp_path / "reports" / "sectors").exists()


def test_two_runs_at_once_never_interleave(tmp_path):
    first, second = report(tmp_path, "--force"), report(tmp_path, "--force")
    results = sorted([finish(first), finish(second)], key=lambda r: r[0])
    assert [r[0] for r in results] == [0, 3], results
    assert "another run is writing" in results[1][2]
    assert len(complete_reports(tmp_path / "reports")) == 6


def test_a_waiting_run_runs_after_the_first(tmp_path):
    first = report(tmp_path, "--force")
    time.sleep(1)
    second = report(tmp_path, "--wait", "300")
    assert finish(first)[0] == 0
    code, out, _ = finish(second)
    assert code == 0 and "nothing changed" in out  # it found the first run's reports up to date
    assert len(complete_reports(tmp_path / "reports")) == 6


@pytest.mark.parametrize("value", ['politie"; import os; os.system("echo pwned")', "politie\nimport os"])
def test_code_in_a_parameter_is_refused_before_any_kernel(tmp_path, run_cli, value):
    code, _, err = run_cli(
        "report", "--out", tmp_path / "processed", "--reports", tmp_path / "reports", "--sector", value
    )
    assert code == 2
    assert "is not a sector id" in err
    assert not (tmp_path / "reports").exists() and not (tmp_path / "processed").exists()  # refused before writing


def _command_meeting(monkeypatch, event):
    """Make `validate` a command during which `event()` happens, then ends well."""
    from analysis import cli

    def command(_args):
        event()
        return 0

    monkeypatch.setattr(cli, "cmd_validate", command)
    return cli


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the drop is the point
def test_an_interrupt_dropped_inside_a_finaliser_still_ends_the_run_as_interrupted(monkeypatch, capsys):
    """Python drops an exception raised in a finaliser ("Exception ignored in ..."): Ctrl-C arriving just then
    must not make a run that stopped nothing look like one that was never interrupted."""
    import gc
    import os

    class InterruptedWhileCollected:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)  # the handler runs here, inside the finaliser

    def collect():
        InterruptedWhileCollected()
        gc.collect()

    assert _command_meeting(monkeypatch, collect).main(["validate"]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_a_run_started_with_nohup_outlives_its_terminal(monkeypatch):
    """nohup (or a shell's `&`) makes SIGHUP (SIGINT) ignored; the run keeps it so, and is not stopped."""
    import os

    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    cli = _command_meeting(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGHUP))
    assert cli.main(["validate"]) == 0
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN


def test_a_stopped_run_kills_its_own_processes_and_no_other(tmp_path):
    """A run stopped at once (Ctrl-C, a crash of our own) kills its workers and its fork server, not another
    child of the process that runs it: the browser a test or a notebook drives lives on."""
    import multiprocessing

    from analysis.run import forkserver, workers

    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        before = {p.pid for p in multiprocessing.active_children()}
        with pytest.raises(KeyError), workers.Workers(2):
            ours = [p.pid for p in multiprocessing.active_children() if p.pid not in before]
            ours += forkserver.server_pids()
            assert len(ours) == 3  # two workers, one server
            raise KeyError("a crash of our own")
        time.sleep(0.5)
        assert bystander.poll() is None, "the run killed a process that is not its own"
        assert not [pid for pid in ours if psutil.pid_exists(pid) and _alive(psutil.Process(pid))]
    finally:
        bystander.kill()
        bystander.wait()


# ---------------------------------------------------------------- a hung cell or a dead kernel fails once


def _one_report_registry(notebooks, notebook: str) -> None:
    shutil.copyfile(FIXTURES / "notebooks" / notebook, notebooks / notebook)
    (notebooks / "reports.toml").write_text(
        f'[[report]]\nnotebook = "{notebook}"\nfolder = "overview"\ntitle_nl = "Alle sectoren"\n'
        'title_en = "All sectors"\nindex = "overview"\n',
        encoding="utf-8",
    )


@pytest.mark.parametrize(("notebook", "said"), [("hung.ipynb", "timed out"), ("dies.ipynb", "died")])
def test_a_hung_cell_or_a_dead_kernel_runs_once_and_fails_with_a_message_and_its_notebook_kept(
    tmp_path, run_cli, monkeypatch, notebook, said
):
    """On the previous code a cell past --cell-timeout was started three times (a side effect thrice, 15 minutes
    a notebook at the default), the failure line read '-------------------' and reports/failed/ kept nothing;
    a cell that killed its kernel ran three times too."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _one_report_registry(notebooks, notebook)
    log = tmp_path / "started.log"
    monkeypatch.setenv("HUNG_CELL_LOG", str(log))
    code, out, _ = run_cli(*report_args(tmp_path, "--cell-timeout", "3", raw=make_raw(tmp_path), notebooks=notebooks))
    assert code == 1
    assert log.read_text(encoding="utf-8").splitlines() == ["started"]  # started once, never retried
    failure = next(line for line in out.splitlines() if line.startswith("overview") and "failed" in line)
    assert said in failure and "---" not in failure, failure
    kept = nbformat.read(tmp_path / "reports/failed/overview.ipynb", as_version=4)  # named for its report
    ran = [c.source.splitlines()[0] for c in kept.cells if c.get("execution_count")]
    assert "# Parameters" in ran and any(c.source.startswith("# A cell ") for c in kept.cells), ran  # partly run


def test_a_long_home_folder_breaks_no_report(tmp_path, run_cli, monkeypatch):
    """Managed machines give homes such as /home/<domain>/<first.last-extern>: a socket path under
    $HOME/.local/share/jupyter/runtime is then longer than a Unix socket may be ('File name too long' on the
    previous code for every report). The kernels' sockets live in a short private folder instead."""
    home = tmp_path / ("a-very-long-home-folder-of-a-managed-government-machine-" + "x" * 40)
    home.mkdir()
    for variable in ("JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TINY_NOTEBOOK_SECONDS", "0")
    code, out, err = run_cli(*report_args(tmp_path, raw=make_raw(tmp_path), notebooks=TINY_NOTEBOOKS))
    assert code == 0, (out[-800:], err[-800:])
    assert "0 failed" in out
