import contextlib
import io
import os
import shutil
import signal
import subprocess
from pathlib import Path

import psutil
import pytest
from hypothesis import HealthCheck, settings

from analysis import cli
from analysis.data.tidy import load_tidy

# Hypothesis: under CI the same examples every run (a failure there can be reproduced from the log) and more
# of them; locally fewer, so the suite stays quick, with the example database remembering past failures; in
# the fast loop (make test-fast passes --hypothesis-profile=fast) fewer still: a quick signal while editing,
# with CI's 250 the real search.
settings.register_profile(
    "ci",
    max_examples=250,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Notebooks reduced to what the run's mechanics need (kernels, not charts), in the real registry's places
TINY_NOTEBOOKS = FIXTURES / "tiny_notebooks"
SHARED = ROOT.parent / "shared"


FIGURES_HEADER = "sector,year,period,measure,value,qualifier,scope,basis,source_id,locator,evidence,note\n"
SHORT_FIELDS = ["sector", "year", "measure", "value", "qualifier", "source_id", "locator", "note"]
FIXTURE_EVIDENCE = "As the fixture's source says."


def figure_row(
    sector: str,
    year,
    measure: str,
    value,
    *,
    period: str = "year",
    qualifier: str = "",
    scope: str = "",
    basis: str = "sector_count",
    source_id: str = "letter",
    locator: str = "Section 1",
    evidence: str = FIXTURE_EVIDENCE,
    note: str = "",
) -> str:
    """One raw figure row as CSV text, with test defaults for everything but what a test is about."""
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(
        [
            sector,
            "" if year is None else year,
            period,
            measure,
            value,
            qualifier,
            scope,
            basis,
            source_id,
            locator,
            evidence,
            note,
        ]
    )
    return buffer.getvalue()


def short_row(text: str) -> str:
    """'sector,year,measure,value,qualifier,source_id,locator,note' (the columns a test cares about most)
    as a full raw row: the annual, whole-sector figure on the sector's own count, with a fixture quote."""
    import csv

    fields = dict(zip(SHORT_FIELDS, next(csv.reader([text]))))
    return figure_row(fields.pop("sector"), fields.pop("year"), fields.pop("measure"), fields.pop("value"), **fields)


def write_figures(raw: Path, sector: str, *rows: str) -> None:
    """Replace a sector's figures file in a raw folder with the header and the given rows: full rows
    (from figure_row) or the short form of short_row."""
    full = [r if r.count(",") >= FIGURES_HEADER.count(",") else short_row(r) for r in rows]
    (raw / "figures" / f"{sector}.csv").write_text(FIGURES_HEADER + "".join(f"{r}\n" for r in full), encoding="utf-8")


def report_args(tmp_path, *extra, raw=None, notebooks=None, jobs=2) -> list[str]:
    """`report` arguments writing into tmp_path (processed/, reports/), for cli.main or after `python -m analysis`."""
    args = ["report", "--out", tmp_path / "processed", "--reports", tmp_path / "reports", "--jobs", jobs, *extra]
    args += ["--raw", raw] if raw is not None else []
    args += ["--notebooks", notebooks] if notebooks is not None else []
    return [str(a) for a in args]


def kernels_below(pid: int) -> list[psutil.Process]:
    """Jupyter kernel processes among the descendants of `pid`; processes ending meanwhile are skipped.

    A kernel is started as `python -m ipykernel_launcher`, or forked by the report run's fork server,
    which names it `ipykernel` (what `ps -o comm` shows)."""
    found = []
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if child.name() == "ipykernel" or "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
    return found


# For a process whose end a test waits for: with it, each Python process of its family prints where every one of
# its threads is (faulthandler) when it gets SIGABRT, which communicate_or_dump sends when the wait is too long.
DUMPABLE = {"PYTHONFAULTHANDLER": "1"}


def communicate_or_dump(proc: subprocess.Popen, timeout: float = 60) -> tuple[str, str]:
    """proc.communicate(timeout): its stdout and stderr, once it and every process holding its output have
    ended. If they have not by then, the test fails saying which processes hold its output and where each
    waits: their threads' kernel wait channels, and, for one started with DUMPABLE, its Python stacks."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    holders = _output_holders(proc)
    said = [f"not ended within {timeout} s (run exit status: {proc.poll()}); processes holding its output:"]
    for process in holders:
        said.append(_where_it_waits(process))
        with contextlib.suppress(psutil.Error):
            process.send_signal(signal.SIGABRT)
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        for process in [*holders, psutil.Process(proc.pid)]:
            with contextlib.suppress(psutil.Error):
                process.kill()
        _, err = proc.communicate()
    pytest.fail("\n".join([*said, "its stderr, with the stacks:", err or ""]), pytrace=False)


def _output_holders(proc: subprocess.Popen) -> list[psutil.Process]:
    """The processes (the run and any it left behind) with a descriptor on proc's stdout or stderr pipe."""
    pipes = set()
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            with contextlib.suppress(OSError):
                pipes.add(os.readlink(f"/proc/self/fd/{stream.fileno()}"))
    found = []
    for process in psutil.process_iter():
        if process.pid == os.getpid():
            continue
        with contextlib.suppress(OSError):
            fds = os.listdir(f"/proc/{process.pid}/fd")
            if any(_readlink(f"/proc/{process.pid}/fd/{fd}") in pipes for fd in fds):
                found.append(process)
    return found


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""


def _where_it_waits(process: psutil.Process) -> str:
    try:
        head = f"  {process.pid} {process.name()} ({process.status()}, parent {process.ppid()})"
    except psutil.Error as err:
        return f"  {process.pid}: {err}"
    threads = []
    with contextlib.suppress(OSError):
        for task in sorted(os.listdir(f"/proc/{process.pid}/task")):
            with contextlib.suppress(OSError):
                wchan = Path(f"/proc/{process.pid}/task/{task}/wchan").read_text() or "running"
                comm = Path(f"/proc/{process.pid}/task/{task}/comm").read_text().strip()
                threads.append(f"{comm}: {wchan}")
    return f"{head}: {'; '.join(threads)}"


@pytest.fixture(scope="session")
def repo_raw() -> Path:
    return ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def tidy(repo_raw):
    return load_tidy(repo_raw)


@pytest.fixture(scope="session")
def real_data(repo_raw, tidy):
    """The real data as one Dataset, for the tests that only read it: what it computes on the way (each sector's
    figures, the verdicts, the consistency report) is computed once for all of them, not once per test."""
    from analysis.data.dataset import Dataset
    from analysis.data.tidy import load_raw

    return Dataset.of(load_raw(repo_raw), tidy)


def make_raw(where: Path, figures: dict[str, list[str]] | None = None, files: dict[str, str | bytes] | None = None):
    """The one way tests make raw data: a copy of the minimal fixture at where/raw, in which each sector of
    `figures` holds exactly the given rows (full rows or the short form, see write_figures) and each of
    `files` (a path inside the raw folder) holds the given text or bytes. Returns the raw folder."""
    raw = Path(where) / "raw"
    shutil.copytree(FIXTURES / "minimal", raw)
    for sector, rows in (figures or {}).items():
        write_figures(raw, sector, *rows)
    for name, payload in (files or {}).items():
        target = raw / name
        if isinstance(payload, bytes):
            target.write_bytes(payload)
        else:
            target.write_text(payload, encoding="utf-8")
    return raw


@pytest.fixture
def minimal_raw(tmp_path) -> Path:
    """A small valid raw folder in a temporary directory, safe to modify."""
    return make_raw(tmp_path)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NO_OUTSIDE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"


def site_args(tmp: Path) -> list[str]:
    """The full report run of the real data that the `site` fixture makes (with PDFs where Chromium is)."""
    return report_args(tmp, *(["--pdf"] if Path(CHROMIUM).is_file() else []))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """One fresh, full report run of the real data in Dutch, with PDFs where Chromium is, shared by every test
    that reads a whole real site; returns its reports folder. Tests only read it."""
    tmp = tmp_path_factory.mktemp("site")
    assert cli.main(site_args(tmp)) == 0
    return tmp / "reports"


@pytest.fixture(scope="session")
def site_en(tmp_path_factory) -> Path:
    """The same in English, with PDFs where Chromium is."""
    tmp = tmp_path_factory.mktemp("site_en")
    assert cli.main(report_args(tmp, "--lang", "en", *(["--pdf"] if Path(CHROMIUM).is_file() else []))) == 0
    return tmp / "reports"


VALIDATORS = ROOT / ".venv" / "validators" / "node_modules"  # `make validators` installs them there


def validator(relative: str, needs: str | None = None) -> Path:
    """A validator's file from `make validators` (and the program it needs, e.g. java): without it the test
    skips with how to get it; under CI (CI=true) a missing validator is a failure."""
    path = VALIDATORS / relative
    missing = [] if path.is_file() else [str(path)]
    if needs and not shutil.which(needs):
        missing.append(needs)
    if missing:
        message = f"{' and '.join(missing)} missing: run `make validators` (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through playwright, with every name but localhost unresolvable: a browser context, in
    which each page opens in a tab of its own. Without it the browser tests skip; under CI (CI=true) a missing
    browser is a failure."""
    if not Path(CHROMIUM).is_file():
        message = f"no chromium at {CHROMIUM} (install Debian's chromium; `make test` does when it can)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                NO_OUTSIDE,
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-gpu",
            ],
        )
        # one context for every page a test opens (each in a tab of its own): a context per page took more
        # than twice as long to open a page
        context = b.new_context(viewport={"width": 1200, "height": 900})
        yield context
        context.close()
        b.close()


@pytest.fixture(scope="session")
def minimal_run(tmp_path_factory, worker_id) -> Path:
    """One real report run of every report on the minimal raw data, made once per session: raw/,
    processed/ and reports/ in one folder. Tests never change it; they change a copy (minimal_site).
    Under pytest-xdist the first worker that needs it makes it in the session's shared folder, and the
    others wait for it and read it (the pattern pytest-xdist documents for session fixtures)."""
    if worker_id == "master":  # no xdist
        home = tmp_path_factory.mktemp("minimal_run")
        assert cli.main(report_args(home, raw=make_raw(home))) == 0
        return home
    from filelock import FileLock

    home = tmp_path_factory.getbasetemp().parent / "minimal_run"
    with FileLock(f"{home}.lock"):
        if not (home / ".made").is_file():
            shutil.rmtree(home, ignore_errors=True)  # left half-made by a worker that failed
            home.mkdir()
            assert cli.main(report_args(home, raw=make_raw(home))) == 0
            (home / ".made").touch()
    return home


@pytest.fixture
def minimal_site(minimal_run, tmp_path) -> Path:
    """A copy of that run in tmp_path (raw/, processed/, reports/, with their modification times), for a test
    that needs a completed run before the step it is about: like the user's own folder after a first run, a
    next run there executes only what changed. Returns tmp_path."""
    return copy_run(minimal_run, tmp_path)


def copy_run(home: Path, to: Path) -> Path:
    """Copy a run's raw/, processed/ and reports/ (those it has), keeping modification times; returns `to`."""
    for name in ("raw", "processed", "reports"):
        if (home / name).is_dir():
            shutil.copytree(home / name, to / name, symlinks=True)
    return to


@pytest.fixture
def signals_as_in_a_terminal():
    """SIGINT raising KeyboardInterrupt and SIGHUP at its default, as in a terminal, whatever this suite
    inherited: started with `&` or nohup it ignores them, and so would the runs it starts (an ignored signal
    stays ignored across exec, a handler does not). Put back afterwards."""
    with terminal_signals():
        yield


@contextlib.contextmanager
def terminal_signals():
    """What signals_as_in_a_terminal does, for a fixture of a wider scope."""
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGHUP)}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def command(*args, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m analysis *args` run in this process, from `cwd`: its exit code, stdout and stderr, as
    subprocess.run gives them. A new interpreter per call cost a second of CPU each (importing pandas and the
    rest); the tests that are about the process itself (signals, a real exit, the console script) still start one."""
    out, err = io.StringIO(), io.StringIO()
    argv = [str(a) for a in args]
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return subprocess.CompletedProcess(["python", "-m", "analysis", *argv], code, out.getvalue(), err.getvalue())


@pytest.fixture
def run_cli(capsys):
    """Run the command line in-process; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


# The files that take longest run first (as measured with --durations), so that under pytest-xdist
# (make test: --dist loadfile, three workers) no worker is left with a long file at the end.
LONGEST_FIRST = [
    "test_site.py",
    "test_site_en.py",
    "test_hostile_input.py",
    "test_report.py",
    "test_run_faults.py",
    "test_fuzz.py",
]


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: the rest keep their order
