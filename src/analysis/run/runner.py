"""Executing the report notebooks: each in a fresh kernel (forked, started ahead) in a worker process, with papermill.

Each notebook is executed into a temporary folder beside its final place and
moved there only when everything for it is written, so a crashed or
interrupted run never leaves a half-made report that looks complete, and a
failed notebook never replaces the previous good report. A report whose inputs
(raw data, notebook, parameters, library code) have not changed is not run again.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing.util
import os
import shutil
import signal
import sys
import threading
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Self

import nbformat
import papermill
import psutil
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import default

from analysis import atomic, i18n, stamps
from analysis.dictionary import SECTOR_ID
from analysis.errors import ParameterError
from analysis.run import forkserver
from analysis.site import export

SUMMARY = stamps.SUMMARY
FAILED = "failed"
SAFE_VALUE = SECTOR_ID  # parameters are ids (sector ids, languages), never code
KERNEL_START_TRIES = 3


@dataclass(frozen=True)
class Job:
    name: str  # shown in progress and summary
    notebook: Path
    parameters: dict[str, str]
    folder: str  # output folder, relative to the report root
    summary: dict = field(default_factory=dict, compare=False, hash=False)  # key figures for summary.json
    title: str = ""  # the page's <title>, in the report language
    index: str = "more"  # its place on the index (report.INDEX_PLACES)
    inputs: tuple[str, ...] | None = None  # the raw files it reads (relative to the raw folder); None: all

    @property
    def stem(self) -> str:
        return Path(self.folder).name

    def digest(self, checksums: dict[str, str], library: str) -> str:
        """What this report depends on (stamps.job_digest): the raw files it reads (a sector report: its
        sector's file and the registries; the others: every file), the library, its notebook and parameters.
        So a new figure in rijk.csv executes the Rijk report and the reports of all sectors, no other."""
        read = {k: v for k, v in checksums.items() if self.inputs is None or k in self.inputs}
        return stamps.job_digest(read, library, self.notebook, self.parameters)


@dataclass
class Result:
    job: Job
    status: str  # ok, failed, up-to-date
    seconds: float
    outputs: list[str] = field(default_factory=list)
    error: str = ""
    ready_ahead: bool = False  # it ran on a kernel started while the worker's previous notebook ran


def check_parameters(jobs: list[Job], sector_ids: set[str]) -> None:
    """Every parameter must be declared by its notebook and be a known value; all problems at once."""
    problems = []
    declared_by: dict[Path, dict] = {}
    for job in jobs:
        if job.notebook not in declared_by:
            declared_by[job.notebook] = papermill.inspect_notebook(str(job.notebook))
        declared = declared_by[job.notebook]
        for name, value in job.parameters.items():
            if name not in declared:
                problems.append(
                    f"{job.notebook.name} has no parameter {name!r} (it declares: {', '.join(declared) or 'none'})"
                )
            if not isinstance(value, str) or not SAFE_VALUE.match(value):
                problems.append(
                    f"{job.notebook.name}: parameter {name}={value!r} is not a plain id "
                    "(lower-case letters, digits and _ only)"
                )
            elif name == "sector" and value not in sector_ids:
                problems.append(f"unknown sector {value!r}; known: {', '.join(sorted(sector_ids))}")
            elif name == "lang" and value not in i18n.LANGS:
                problems.append(f"unknown language {value!r}; use one of: {', '.join(i18n.LANGS)}")
    if problems:
        raise ParameterError(sorted(set(problems)))


class ReadyClient(AsyncKernelClient):
    """jupyter_client's client, ready as soon as the kernel has answered and its IOPub messages arrive.

    jupyter_client's wait_for_ready ends by reading IOPub until it has been silent for 0.2 s. nbclient, which
    executes the notebook, reads only the messages that answer its own requests, so that wait bought nothing:
    0.2 s of a worker's time per notebook, a fifth of a sector report. The handshake before it stays: kernel
    info is asked until the reply comes and an IOPub message arrives too, which shows that IOPub is
    subscribed (a subscription made too late would lose the first cell's outputs)."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                reply = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                reply = None
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.2)
                except Empty:
                    pass  # IOPub not subscribed yet: ask again
                else:
                    self._handle_kernel_info_reply(reply)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


class LocalKernelManager(AsyncKernelManager):
    """A kernel reached over local (IPC) sockets beside its connection file instead of TCP: nothing listens
    on the network, and ipykernel no longer warns that TCP traffic is unencrypted. Its clients are
    ReadyClients."""

    @default("client_factory")
    def _default_client_factory(self) -> type:
        return ReadyClient

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # the socket files' stem: one per kernel, or kernels started at once would share sockets
        from jupyter_core.paths import jupyter_runtime_dir

        os.makedirs(jupyter_runtime_dir(), exist_ok=True)
        return os.path.join(jupyter_runtime_dir(), f"kernel-{uuid.uuid4().hex[:12]}-ipc")

    async def _async_wait(self, pollinterval: float = 0.01) -> None:
        # after killing a kernel, jupyter_client looks every 0.1 s whether it is gone: half the time a worker
        # waited 0.1 s for a kernel that was gone after a few milliseconds
        await super()._async_wait(pollinterval)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        """Fork the kernel from the run's fork server (kernelfork) where there is one; else start it as usual."""
        server = forkserver.server_for(kernel_cmd)
        if server is None:
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        provisioner = self.provisioner
        try:
            process = server.fork(kernel_cmd[3:], kw.get("env") or dict(os.environ), str(kw.get("cwd") or os.getcwd()))
        except OSError as err:  # the server is gone or broken: this worker's kernels start as usual from now on
            print(f"{err}; kernels start as new processes from now on", file=sys.stderr)
            forkserver.stop_server()
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        # what LocalProvisioner.launch_kernel records of the Popen it makes
        provisioner.process, provisioner.pid, provisioner.pgid = process, process.pid, process.pid
        provisioner.cwd = kw.get("cwd") or os.getcwd()
        self._reconcile_connection_info(provisioner.connection_info)


# ---------------------------------------------------------------- kernels ready ahead
#
# Starting a kernel and importing pandas, matplotlib and the library takes most of a short notebook's
# time. Kernels are forked from a server that has done the imports (kernelfork), and while a worker executes
# one notebook, it starts the kernel for its next one and lets it do the rest (ipykernel's own start, and
# the imports where forking is off). Every notebook still runs in a kernel of its own that no other
# notebook has touched: the imports run with store_history off, so even the execution counts start at 1.

AHEAD_ENV = "BANENAFSPRAAK_KERNELS_AHEAD"  # "0" turns kernels started ahead off (the benchmark measures both)
WARM_UP = "import analysis.notebook"  # what every notebook imports first (pandas, matplotlib, the library)
_ahead: list[dict] = []  # in each worker, at most one: the kernel readied for the next notebook, its starter thread


def _start_ahead(cwd: Path) -> None:
    """Start, in the background, the kernel the worker's next notebook will use."""
    from jupyter_core.utils import run_sync

    km = LocalKernelManager(kernel_name="python3")
    state = {"km": km, "ok": False, "cwd": str(cwd)}

    def start() -> None:
        try:
            run_sync(km.start_kernel)(cwd=str(cwd))
            client = km.client()  # a ReadyClient, as the notebook's will be
            client.start_channels()
            try:
                run_sync(client.wait_for_ready)(timeout=60)
                run_sync(client.execute_interactive)(WARM_UP, silent=True, store_history=False, timeout=60)
            finally:
                client.stop_channels()
            state["ok"] = True
        except Exception:  # noqa: BLE001, S110 - "ok" stays False: the next notebook starts a kernel of its own
            pass

    state["thread"] = threading.Thread(target=start, daemon=True, name="kernel-ahead")
    state["thread"].start()
    _ahead.append(state)


def _take_ahead(cwd: Path):
    """The kernel readied for this notebook, or None (none started, it failed, or it is for another folder)."""
    from jupyter_core.utils import run_sync

    if not _ahead:
        return None
    state = _ahead.pop()
    state["thread"].join(timeout=120)
    km = state["km"]
    if state["ok"] and state["cwd"] == str(cwd) and run_sync(km.is_alive)():
        return km
    _shut_down(km)
    return None


def _shut_down(km) -> None:
    from jupyter_core.utils import run_sync

    with contextlib.suppress(Exception):  # a kernel that is already gone needs no shutting down
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
        run_sync(km.cleanup_resources)()


def _shut_down_ahead() -> None:
    """At the worker's exit: the kernel readied for a notebook that never came is shut down."""
    while _ahead:
        state = _ahead.pop()
        state["thread"].join(timeout=120)
        _shut_down(state["km"])


def _execute(job: Job, output: Path, cwd: Path, cell_timeout: int, km=None) -> None:
    """papermill, on `km` if a kernel was readied ahead, with a retry when the kernel fails to start
    (not when a cell fails)."""
    for attempt in range(1, KERNEL_START_TRIES + 1):
        kernel = {"km": km} if km is not None and attempt == 1 else {"kernel_manager_class": LocalKernelManager}
        try:
            papermill.execute_notebook(
                str(job.notebook),
                str(output),
                parameters=dict(job.parameters),
                kernel_name="python3",
                cwd=str(cwd),
                progress_bar=False,
                log_output=False,
                execution_timeout=cell_timeout,
                start_timeout=60,
                shutdown_kernel="immediate",
                request_save_on_cell_execute=False,
                **kernel,
            )
            return
        except papermill.PapermillExecutionError:
            raise
        except (RuntimeError, TimeoutError, OSError):
            executed = output.is_file() and any(
                c.get("execution_count") for c in nbformat.read(output, as_version=4).cells if c.cell_type == "code"
            )
            if executed or attempt == KERNEL_START_TRIES:
                raise
            time.sleep(0.5 * attempt)
        finally:
            if "km" in kernel:  # papermill shuts down only the kernels it started itself
                _shut_down(km)


def _start_worker(slots) -> None:
    """Each worker's start: watch the run's process, take a slot of the run's kernel fork server (let go of
    at the worker's end, after the kernel readied for a notebook that never came)."""
    _watch_parent()
    forkserver.claim_slot(slots.get())
    multiprocessing.util.Finalize(None, forkserver.stop_server, exitpriority=5)


def _watch_parent() -> None:
    """In each worker: once the run's own process is gone (killed, or stopped by a signal), stop at once with
    this worker's kernels, instead of finishing notebooks and swapping reports in after the lock is released.

    A worker is forked from the run, whose SIGTERM and SIGHUP handlers it would inherit; it takes the default
    back, so that the pool can stop it at once when another worker dies."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    parent = os.getppid()
    # a worker ends through multiprocessing, which runs its finalizers but not atexit
    multiprocessing.util.Finalize(None, _shut_down_ahead, exitpriority=10)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.3)
        _stop_workers()
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="watch-parent").start()


def _stop_workers() -> None:
    """In a worker: kill its children (its kernels not forked by the server) at once."""
    _kill([os.getpid()], itself=False)


def _kill(pids: list[int], itself: bool = True) -> None:
    """Kill each process of `pids` (where `itself`) and every process below it, at once."""
    for pid in pids:
        try:
            root = psutil.Process(pid)
            below = root.children(recursive=True)
        except psutil.NoSuchProcess:
            continue
        for process in [root] * itself + below:
            try:
                process.kill()
            except psutil.NoSuchProcess:
                pass


def run_job(
    job: Job,
    root: Path,
    cwd: Path,
    digest: str,
    cell_timeout: int,
    env: dict[str, str],
    stamp: dict | None = None,
    ahead: bool = False,
) -> Result:
    """Execute one notebook and write its report folder atomically (runs in a worker process).

    `env` is added to this worker's environment, which the notebook's kernel inherits. With `ahead`, the
    kernel for the worker's next notebook is started while this one runs.
    """
    os.environ.update(env)
    start = time.monotonic()
    km = _take_ahead(cwd)
    if ahead:
        _start_ahead(cwd)
    final = root / job.folder
    tmp = atomic.temporary_folder(final)
    executed = tmp / f"{job.stem}.ipynb"
    try:
        try:
            _execute(job, executed, cwd, cell_timeout, km)
        except Exception as err:  # noqa: BLE001 - whatever the notebook raised: keep it for diagnosis, keep the old report
            error = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            kept = []
            if executed.is_file():
                error = export.error_summary(nbformat.read(executed, as_version=4)) or error
                atomic.write_bytes(root / FAILED / f"{job.stem}.ipynb", executed.read_bytes())
                kept = [f"{FAILED}/{job.stem}.ipynb"]
            return Result(job, "failed", time.monotonic() - start, kept, error)
        notebook = nbformat.read(executed, as_version=4)
        up = "../" * len(Path(job.folder).parts)
        page = export.html(notebook, job.parameters.get("lang", "nl"), job.title, stamp, up)
        files = {f"{job.stem}.html": page.encode("utf-8"), **export.charts(notebook)}
        for name, payload in files.items():
            (tmp / name).write_bytes(payload)
        outputs = sorted([executed.name, *files, SUMMARY])
        summary = {
            "name": job.name,
            "notebook": job.notebook.name,
            "parameters": job.parameters,
            "input_hash": digest,
            "outputs": outputs,
            "alt": export.chart_alts(notebook),
            "output_hashes": stamps.output_hashes(tmp, outputs),
            "figures": job.summary,
        }
        (tmp / SUMMARY).write_text(
            json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
        atomic.swap_into_place(tmp, final)
        (root / FAILED / f"{job.stem}.ipynb").unlink(missing_ok=True)
        return Result(
            job, "ok", time.monotonic() - start, [f"{job.folder}/{o}" for o in outputs], ready_ahead=km is not None
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class Workers:
    """The run's worker processes and their kernel fork server. Started as soon as the run knows it will
    execute notebooks, before its data is prepared, so that the fork server does its imports meanwhile.

    Forked from the run (whatever Python's default start method), so that a worker has what the run has
    imported, and all at once: the first task starts every worker, and each takes a slot of the server."""

    def __init__(self, count: int) -> None:
        self.count = max(1, count)
        context = multiprocessing.get_context("fork")
        forkserver.start_server(self.count)  # first: it imports while the rest is done
        export.warm_up()
        slots = context.SimpleQueue()
        for slot in range(self.count):
            slots.put(slot)
        others = {process.pid for process in multiprocessing.active_children()}
        self.pool = ProcessPoolExecutor(
            max_workers=self.count, mp_context=context, initializer=_start_worker, initargs=(slots,)
        )
        self.pool.submit(int)  # with "fork", the first task forks every worker at once
        self.pids = [process.pid for process in multiprocessing.active_children() if process.pid not in others]
        forkserver.release_slots()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind, *_) -> None:
        if kind is None:
            self.pool.shutdown()
            forkserver.stop_server()
        else:
            self.stop()

    def stop(self) -> None:
        """At once, leaving finished reports in place: Ctrl-C, a bad input found meanwhile, a crash of our own.
        Only the run's own processes: the workers, the fork server, and their kernels (the process that runs
        this may have other children, such as a browser that a test or a notebook drives)."""
        _kill(self.pids + forkserver.server_pids())
        self.pool.shutdown(wait=False, cancel_futures=True)
        forkserver.stop_server()


def run_all(
    jobs: list[Job],
    root: Path,
    cwd: Path,
    checksums: dict[str, str],
    workers: Workers,
    cell_timeout: int,
    force: bool = False,
    progress=print,
    env: dict[str, str] | None = None,
    stamp: dict | None = None,
) -> list[Result]:
    """Run every job not up to date on the (started) `workers`; one failure never stops the others."""
    library = stamps.library_hash()
    results: list[Result] = []
    todo = []
    for job in jobs:
        digest = job.digest(checksums, library)
        if not force and stamps.report_is_current(root / job.folder, digest):
            results.append(Result(job, "up-to-date", 0.0, [f"{job.folder}/{SUMMARY}"]))
        else:
            todo.append((job, digest))
    todo.sort(key=lambda item: "sector" in item[0].parameters)  # the long all-sector notebooks first
    total = len(jobs)
    for r in results:
        progress(f"[{len(results)}/{total}] {r.job.name:<28} up to date")
    try:
        # Jobs are taken in order; the last `workers` need no kernel readied after them.
        ahead = os.environ.get(AHEAD_ENV, "1") != "0"
        futures = {
            workers.pool.submit(
                run_job, job, root, cwd, digest, cell_timeout, env or {}, stamp, ahead and i < len(todo) - workers.count
            ): job
            for i, (job, digest) in enumerate(todo)
        }
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                result = Result(job, "failed", 0.0, error="the worker process running it died")
            except Exception as err:  # noqa: BLE001 - an error in our code around one notebook: report it, go on
                result = Result(job, "failed", 0.0, error=f"{type(err).__name__}: {err}")
            results.append(result)
            detail = f"  {result.error}" if result.error else ""
            progress(f"[{len(results)}/{total}] {job.name:<28} {result.status:<7} {result.seconds:5.1f}s{detail}")
    except BaseException:  # Ctrl-C or any crash of our own: stop the workers now, leave finished reports in place
        workers.stop()
        raise
    order = {job.folder: i for i, job in enumerate(jobs)}
    return sorted(results, key=lambda r: order[r.job.folder])
