"""Executing one notebook with papermill on a fresh kernel (one started ahead where there is one), retried
only when the kernel failed to start, and making its report folder from it: the page, the charts and
summary.json, written into a temporary folder and swapped into place only when complete, so a failed
notebook never replaces the previous good report (its executed copy is kept in reports/failed/)."""

from __future__ import annotations

import json
import os
import shutil
import time
from contextvars import ContextVar
from pathlib import Path

import nbformat
import papermill
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from papermill.engines import NBClientEngine, papermill_engines

from analysis import atomic, stamps
from analysis.run import kernels
from analysis.run.jobs import FAILED, SUMMARY, Job, Result
from analysis.site import export

KERNEL_START_TRIES = 3
ENGINE = "banenafspraak-keeps-partial"
_KEEP: ContextVar[Path | None] = ContextVar("partial_notebook_path", default=None)  # see PartialKeepingEngine


class PartialKeepingEngine(NBClientEngine):
    """papermill's nbclient engine, which also writes the notebook as far as it ran when execution stops with
    an exception papermill does not record in it (a cell past --cell-timeout, a kernel that died): papermill
    saves it then only when it saves after every cell, which costs a fifth of a run's CPU (benchmarks/RESULTS.md).
    Where to write it is given per execution (_KEEP), one notebook at a time in a worker."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
        try:
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)
        except BaseException:
            keep = _KEEP.get()
            if keep is not None:
                nbformat.write(nb_man.nb, str(keep))
            raise


papermill_engines.register(ENGINE, PartialKeepingEngine)


def execute(job: Job, output: Path, cwd: Path, cell_timeout: int, km=None) -> None:
    """papermill, on `km` if a kernel was readied ahead, with a retry when the kernel fails to start
    (not when a cell fails)."""
    for attempt in range(1, KERNEL_START_TRIES + 1):
        kernel = {"km": km} if km is not None and attempt == 1 else {"kernel_manager_class": kernels.LocalKernelManager}
        keeping = _KEEP.set(output)
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
                engine_name=ENGINE,
                **kernel,
            )
            return
        except (papermill.PapermillExecutionError, CellTimeoutError, DeadKernelError):
            raise  # the notebook ran: a failing or timed-out cell, or a kernel that died, fails once, never again
        except (RuntimeError, TimeoutError, OSError):  # the kernel may not have started: try a fresh one
            executed = output.is_file() and any(
                c.get("execution_count") for c in nbformat.read(output, as_version=4).cells if c.cell_type == "code"
            )
            if executed or attempt == KERNEL_START_TRIES:
                raise
            time.sleep(0.5 * attempt)
        finally:
            _KEEP.reset(keeping)
            if "km" in kernel:  # papermill shuts down only the kernels it started itself
                kernels.shut_down(km)


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
    km = kernels.take_ahead(cwd)
    if ahead:
        kernels.start_ahead(cwd)
    final = root / job.folder
    tmp = atomic.temporary_folder(final)
    executed = tmp / f"{job.stem}.ipynb"
    try:
        try:
            execute(job, executed, cwd, cell_timeout, km)
        except Exception as err:  # noqa: BLE001 - whatever the notebook raised: keep it for diagnosis, keep the old report
            return _failed(job, root, executed, err, time.monotonic() - start)
        outputs = _write_report(job, tmp, executed, digest, stamp)
        atomic.swap_into_place(tmp, final)
        (root / FAILED / f"{job.stem}.ipynb").unlink(missing_ok=True)
        took = time.monotonic() - start
        return Result(job, "ok", took, [f"{job.folder}/{o}" for o in outputs], ready_ahead=km is not None)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def first_meaningful_line(message: str) -> str:
    """The first line of a message that says something: not blank, not a rule of dashes or a bracket."""
    return next((line.strip() for line in message.splitlines() if any(c.isalnum() for c in line)), "")


def _failed(job: Job, root: Path, executed: Path, err: Exception, took: float) -> Result:
    """A failed notebook's result: its first meaningful error line, and the partly executed copy kept in
    reports/failed/ for diagnosis (the previous good report stays where it is)."""
    error = first_meaningful_line(str(err)) or type(err).__name__
    kept = []
    if executed.is_file():
        error = export.error_summary(nbformat.read(executed, as_version=4)) or error
        atomic.write_bytes(root / FAILED / f"{job.stem}.ipynb", executed.read_bytes())
        kept = [f"{FAILED}/{job.stem}.ipynb"]
    return Result(job, "failed", took, kept, error)


def _write_report(job: Job, tmp: Path, executed: Path, digest: str, stamp: dict | None) -> list[str]:
    """The page, the charts and summary.json of an executed notebook, written into its temporary folder;
    the names of every output."""
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
    (tmp / SUMMARY).write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return outputs
