"""Kernels forked from a process that has already imported what every notebook imports.

A fresh kernel spends most of its CPU time on `python` starting and importing ipykernel, pandas, matplotlib
and the library: about 1.5 s per notebook, which is most of the difference between a report run and the
same charts made by one plain Python process. So each worker of a report run starts one fork server: a
plain process (no threads, no sockets) that imports all that once and then, on request, forks. Each child
becomes one kernel. Every notebook still runs in a process of its own that no notebook has touched before,
only with its imports already done.

The fork server is a child of its worker and kernels are children of the fork server: when the worker ends,
or is killed, the server reads the end of its input and kills the kernels it forked, so nothing is left.
Where the server cannot be used (it failed to start, or a kernel other than this Python's ipykernel is asked
for), kernels are started as usual, by jupyter_client.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time

FORKS_ENV = "BANENAFSPRAAK_KERNEL_FORKS"  # "0": every kernel is a new `python` (the benchmark measures both)
# What the server imports before it forks: ipykernel itself and what the notebooks' first cell imports.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "matplotlib_inline.backend_inline", "analysis.notebook")
LAUNCHER = "ipykernel_launcher"
ANSWER_TIMEOUT = 60  # seconds, as long as jupyter_client waits for a kernel to start
NAME = b"ipykernel"  # a forked kernel's process name (ps -o comm, psutil's name()): its command line is the server's


# ------------------------------------------------------------------ in the worker


class ForkedKernel:
    """What jupyter_client's LocalProvisioner uses of a Popen, for a kernel forked by the server.

    The kernel is not this process's child, so its exit status is not known here: `returncode` is 0 once it
    has ended, whatever ended it."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        import psutil

        self.pid = pid
        self.returncode: int | None = None
        self._process = psutil.Process(pid)  # remembers its start time: a reused pid is not mistaken for it

    def poll(self) -> int | None:
        import psutil

        if self.returncode is None:
            try:
                ended = not self._process.is_running() or self._process.status() == psutil.STATUS_ZOMBIE
            except psutil.NoSuchProcess:
                ended = True
            if ended:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        import psutil

        if self.poll() is None:
            with contextlib.suppress(psutil.NoSuchProcess):
                self._process.send_signal(signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkServer:
    """The worker's end of one fork server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # a kernel started ahead and a retry may ask at once
        answers, to_us = os.pipe()  # its stdout and stderr stay the worker's, as a kernel's do
        self._process = subprocess.Popen(
            [sys.executable, "-m", "analysis.kernelfork", str(to_us)], stdin=subprocess.PIPE, pass_fds=(to_us,)
        )
        os.close(to_us)
        self._answers = os.fdopen(answers, "rb", buffering=0)  # unbuffered: select() sees every answer

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> ForkedKernel:
        """A kernel started as `python -m ipykernel_launcher *argv` would be, in `cwd` with `env`."""
        request = json.dumps({"argv": argv, "env": env, "cwd": cwd}).encode() + b"\n"
        with self._lock:
            if self._process.poll() is not None:
                raise OSError(f"the kernel fork server ended (exit status {self._process.returncode})")
            self._process.stdin.write(request)
            self._process.stdin.flush()
            # the first answer waits for the server's imports; a server that hangs is given up
            if not select.select([self._answers], [], [], ANSWER_TIMEOUT)[0]:
                raise OSError(f"the kernel fork server did not answer within {ANSWER_TIMEOUT} s")
            answer = self._answers.readline()
        if not answer:
            raise OSError("the kernel fork server ended without an answer")
        reply = json.loads(answer)
        if "error" in reply:
            raise OSError(f"the kernel fork server could not start a kernel: {reply['error']}")
        return ForkedKernel(reply["pid"])

    def close(self) -> None:
        """End the server (it kills any kernel it forked that still runs) and wait for it."""
        with contextlib.suppress(OSError):
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._answers.close()


_server: list[ForkServer] = []  # in each worker, at most one


def start_server() -> None:
    """In a worker, before its first notebook: start its fork server (it imports while the worker waits)."""
    if os.environ.get(FORKS_ENV, "1") != "0" and not _server:
        _server.append(ForkServer())


def stop_server() -> None:
    while _server:
        _server.pop().close()


def server_for(kernel_cmd: list[str]) -> ForkServer | None:
    """This worker's fork server, if it can start the kernel `kernel_cmd` asks for (this Python's ipykernel)."""
    if not _server or kernel_cmd[:3] != [sys.executable, "-m", LAUNCHER]:
        return None
    return _server[0]


# ------------------------------------------------------------------ the server


def _become_kernel(request: dict, started: int, answers: int, dispositions: dict) -> None:
    """In the forked child: become the kernel `python -m ipykernel_launcher` would have started."""
    # First the signals, as after exec (handled ones at their default, ignored ones stay ignored): the
    # server's SIGTERM handler, which kills every kernel it forked, must not run in a kernel
    for signum, handler in dispositions.items():
        signal.signal(signum, handler)
    os.setsid()  # as jupyter_client starts kernels: a group of their own, which interrupts and kills reach
    os.write(started, b"!")
    for fd in (started, answers):
        os.close(fd)  # the worker sees the server's end even while kernels it forked still run
    with contextlib.suppress(OSError, AttributeError):  # the name `ps` and psutil show; Linux only
        ctypes.CDLL(None, use_errno=True).prctl(15, NAME, 0, 0, 0)  # PR_SET_NAME
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)  # not the requests
    os.close(null)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ["JPY_PARENT_PID"] = str(os.getppid())
    # ipykernel read JPY_PARENT_PID when the server imported it: told again here, it ends itself when the
    # server is gone
    launcher = importlib.util.find_spec(LAUNCHER).origin  # sys.argv[0], as `python -m` sets it
    sys.argv = [launcher, *request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def _fork(request: dict, answers: int, dispositions: dict) -> dict:
    started_read, started = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(started_read)
            _become_kernel(request, started, answers, dispositions)
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else 1
        except BaseException:  # noqa: BLE001 - shown on stderr, as a kernel that fails to start shows it
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            with contextlib.suppress(Exception):
                sys.stdout.flush()
                sys.stderr.flush()
            os._exit(code)
    os.close(started)
    ready = os.read(started_read, 1)  # the child has its own process group now: signalling it reaches no other
    os.close(started_read)
    if not ready:
        return {"error": "the forked kernel ended before it started"}
    return {"pid": pid}


def _reap(children: set[int]) -> None:
    """Forget the kernels that ended. Until then each is a zombie, so its pid cannot go to another process."""
    for pid in list(children):
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0]:
                children.discard(pid)


def _kill_all(children: set[int]) -> None:
    _reap(children)
    for pid in children:
        with contextlib.suppress(OSError):
            os.killpg(pid, signal.SIGKILL)


def _warm_up() -> None:
    """What every process does the first time it draws a chart or a styled table (fonts found and loaded,
    templates compiled), done once here instead of in every kernel. No notebook's data is involved."""
    import io

    import pandas as pd
    from matplotlib.figure import Figure

    figure = Figure()
    axes = figure.subplots()
    axes.plot([0, 1], [0, 1], label="a")
    axes.set_title("Banenafspraak 2024")
    axes.legend()
    for fmt in ("png", "svg"):
        figure.savefig(io.BytesIO(), format=fmt)
    pd.DataFrame({"a": [1.5]}).style.format("{:.1f}").to_html()


def serve(answers: int) -> None:
    """Import, then fork one kernel per request line until the input ends; then kill what is left."""
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does: a notebook folder's modules are not imported before
    dispositions = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    dispositions = {s: h if h == signal.SIG_IGN else signal.SIG_DFL for s, h in dispositions.items()}
    if dispositions[signal.SIGINT] == signal.SIG_DFL:
        dispositions[signal.SIGINT] = signal.default_int_handler  # what a new Python installs
    children: set[int] = set()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the run, which then stops this server's worker
    signal.signal(signal.SIGTERM, lambda *_: (_kill_all(children), os._exit(0)))
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as ipykernel sets it
    # A process that forks should have one thread: the libraries would start two of their own, OpenBLAS's
    # pool (numpy) and jemalloc's background thread (pyarrow), and Python 3.12+ warns at every fork then.
    # Kernels here do no linear algebra worth a second thread, nor need memory handed back in the background.
    os.environ.update(OPENBLAS_NUM_THREADS="1", JE_ARROW_MALLOC_CONF="background_thread:false")
    for module in PRELOAD:
        importlib.import_module(module)
    _warm_up()
    for line in sys.stdin.buffer:
        _reap(children)
        try:
            reply = _fork(json.loads(line), answers, dispositions)
        except Exception as err:  # noqa: BLE001 - the worker then starts that kernel as usual
            reply = {"error": f"{type(err).__name__}: {err}"}
        children.update([reply["pid"]] if "pid" in reply else [])
        os.write(answers, json.dumps(reply).encode() + b"\n")
    _kill_all(children)


if __name__ == "__main__":
    serve(int(sys.argv[1]))
