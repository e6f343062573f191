"""The run's worker processes: started before the data is prepared, each with a slot of the kernel fork
server, each watching the run's process so that none outlives it; and run_all, which gives every job not up
to date to the workers and collects their results, one failure never stopping the others."""

from __future__ import annotations

import multiprocessing.util
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Self

import psutil

from analysis import stamps
from analysis.run import forkserver, kernels
from analysis.run.execute import run_job
from analysis.run.jobs import SUMMARY, Job, Result
from analysis.site import export


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
    multiprocessing.util.Finalize(None, kernels.shut_down_ahead, exitpriority=10)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.3)
        _stop_workers()
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="watch-parent").start()


def _stop_workers() -> None:
    """In a worker: kill its children (its kernels not forked by the server) at once."""
    _kill_trees([os.getpid()], itself=False)


def _kill_trees(pids: list[int], itself: bool = True) -> None:
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


class Workers:
    """The run's worker processes and their kernel fork server. Started as soon as the run knows it will
    execute notebooks, before its data is prepared, so that the fork server does its imports meanwhile.

    Forked from the run (whatever Python's default start method), so that a worker has what the run has
    imported, and all at once: the first task starts every worker, and each takes a slot of the server."""

    def __init__(self, count: int) -> None:
        self.count = max(1, count)
        context = multiprocessing.get_context("fork")
        others = {process.pid for process in multiprocessing.active_children()}
        self.pool: ProcessPoolExecutor | None = None
        self.pids: list[int] = []
        try:
            forkserver.start_server(self.count)  # first: it imports while the rest is done
            export.warm_up()
            kernels.socket_folder()  # made (and removed at exit) by the run; the forked workers inherit it
            slots = context.SimpleQueue()
            for slot in range(self.count):
                slots.put(slot)
            self.pool = ProcessPoolExecutor(
                max_workers=self.count, mp_context=context, initializer=_start_worker, initargs=(slots,)
            )
            self.pool.submit(int)  # with "fork", the first task forks every worker at once
        except BaseException:
            # A stop signal (or a crash) while the workers start, which no `with` block sees yet. Stopped between
            # two forks, the pool has a worker but not yet the thread that would end it, and the interpreter's
            # exit waits for that worker (multiprocessing joins its children) while the worker waits for a task:
            # the run said 'interrupted' and never ended. So what has started is stopped here.
            self.pids = [p.pid for p in multiprocessing.active_children() if p.pid not in others]
            self.stop()
            raise
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
        _kill_trees(self.pids + forkserver.server_pids())
        if self.pool is not None:
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
        ahead = os.environ.get(kernels.AHEAD_ENV, "1") != "0"
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
