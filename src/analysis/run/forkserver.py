"""Kernels forked from a process that has already imported what every notebook imports.

A fresh kernel spends most of its CPU time on `python` starting and importing ipykernel, pandas, matplotlib
and the library, which is most of the difference between a report run and the same charts made by one plain
Python process (benchmarks/RESULTS.md: the report run without forked kernels). So a report run starts one fork server: a plain process (no
threads) that imports all that once and then, on request, forks. Each child becomes one kernel. Every
notebook still runs in a process of its own that no notebook has touched before, only with its imports done.

The run starts the server before its workers, and gives each worker a socket of its own to it (a slot), so
the workers share the server's imports (one server, not one per worker, is a second of CPU less per worker).
Kernels are children of the server. When a worker ends, or is killed, the server reads the end of that
worker's socket and kills the kernels it forked for it; when the run closes the server's input (at its end,
or because it died), the server kills every kernel it forked, so nothing is left.
Where the server cannot be used (it failed to start, or a kernel other than this Python's ipykernel is asked
for), kernels are started as usual, by jupyter_client.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib.util
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

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
    """A fork server, as the run (which starts it) and each worker (which uses one slot of it) see it."""

    def __init__(self, slots: int = 1) -> None:
        self._lock = threading.Lock()  # a kernel started ahead and a retry may ask at once
        self._owner = os.getpid()
        pairs = [socket.socketpair() for _ in range(max(1, slots))]
        theirs = [server_end.fileno() for _, server_end in pairs]
        # its stdin is the run's: when the run ends or dies, the server ends with every kernel it forked;
        # its stdout and stderr stay the run's, as a kernel's do
        self._process = subprocess.Popen(
            [sys.executable, "-m", "analysis.run.forkserver", *map(str, theirs)], stdin=subprocess.PIPE, pass_fds=theirs
        )
        for _, server_end in pairs:
            server_end.close()
        self._slots = [ours for ours, _ in pairs]
        self._mine: socket.socket | None = None
        self._answers = None

    def claim(self, slot: int) -> None:
        """In a worker forked from the run: take slot `slot` and close every other one, so that the server
        sees this worker's end when it ends; and close the server's input, which is the run's to close.
        (The run itself may take a slot too: the tests do.)"""
        self._mine = self._slots[slot]
        for i, other in enumerate(self._slots):
            if i != slot:
                other.close()
        if self._owner != os.getpid():
            with contextlib.suppress(OSError):
                self._process.stdin.close()

    def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> ForkedKernel:
        """A kernel started as `python -m ipykernel_launcher *argv` would be, in `cwd` with `env`."""
        request = json.dumps({"argv": argv, "env": env, "cwd": cwd}).encode() + b"\n"
        with self._lock:
            if self._mine is None:
                raise OSError("this process has no slot of the kernel fork server")
            if self._owner == os.getpid() and self._process.poll() is not None:
                raise OSError(f"the kernel fork server ended (exit status {self._process.returncode})")
            if self._answers is None:
                self._answers = self._mine.makefile("rb")
            self._mine.sendall(request)
            # the first answer waits for the server's imports; a server that hangs is given up
            if not select.select([self._mine], [], [], ANSWER_TIMEOUT)[0]:
                raise OSError(f"the kernel fork server did not answer within {ANSWER_TIMEOUT} s")
            answer = self._answers.readline()
        if not answer:
            raise OSError("the kernel fork server ended without an answer")
        reply = json.loads(answer)
        if "error" in reply:
            raise OSError(f"the kernel fork server could not start a kernel: {reply['error']}")
        return ForkedKernel(reply["pid"])

    def release(self) -> None:
        """In the run, once its workers have started: close the run's copies of their slots, so that the
        server sees a worker's end when that worker ends."""
        for ours in self._slots:
            ours.close()

    @property
    def pid(self) -> int:
        return self._process.pid

    def close(self) -> None:
        """In a worker: let go of its slot (the server kills the kernels it forked for it that still run).
        In the run: end the server (it kills every kernel it forked that still runs) and wait for it."""
        if self._answers is not None:
            self._answers.close()
        if self._owner != os.getpid():
            if self._mine is not None:
                self._mine.close()
            return
        with contextlib.suppress(OSError):
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for ours in self._slots:
            ours.close()


_server: list[ForkServer] = []  # in the run and in each of its workers, at most one


def start_server(slots: int = 1) -> None:
    """In the run, before its workers start: start the fork server, with a slot for each worker (it
    imports while the run prepares its data)."""
    if os.environ.get(FORKS_ENV, "1") != "0" and not _server:
        _server.append(ForkServer(slots))


def claim_slot(slot: int) -> None:
    """In a worker, at its start: use slot `slot` of the run's fork server, if there is one."""
    if _server:
        _server[0].claim(slot)


def release_slots() -> None:
    """In the run, once its workers have started (see ForkServer.release)."""
    if _server:
        _server[0].release()


def server_pids() -> list[int]:
    """The fork server's process id, in the run that started it (for stopping it at once)."""
    return [server.pid for server in _server if server._owner == os.getpid()]


def stop_server() -> None:
    while _server:
        _server.pop().close()


def server_for(kernel_cmd: list[str]) -> ForkServer | None:
    """The fork server, if it can start the kernel `kernel_cmd` asks for (this Python's ipykernel)."""
    if not _server or kernel_cmd[:3] != [sys.executable, "-m", LAUNCHER]:
        return None
    return _server[0]


# ------------------------------------------------------------------ the server


class Slot:
    """The server's end of one worker's socket, and the kernels it forked for that worker."""

    def __init__(self, fd: int) -> None:
        self.socket = socket.socket(fileno=fd)
        self.reader = self.socket.makefile("rb")
        self.kernels: set[int] = set()

    def fileno(self) -> int:  # for select()
        return self.socket.fileno()

    def close(self) -> None:
        self.reader.close()
        self.socket.close()


def _become_kernel(request: dict, started: int, slots: list[Slot], dispositions: dict) -> None:
    """In the forked child: become the kernel `python -m ipykernel_launcher` would have started."""
    # First the signals, as after exec (handled ones at their default, ignored ones stay ignored): the
    # server's SIGTERM handler, which kills every kernel it forked, must not run in a kernel. SIGINT, ignored
    # since the fork, only once the kernel has a group of its own: a terminal's Ctrl-C reaches the run's group
    for signum, handler in dispositions.items():
        if signum != signal.SIGINT:
            signal.signal(signum, handler)
    os.setsid()  # as jupyter_client starts kernels: a group of their own, which interrupts and kills reach
    signal.signal(signal.SIGINT, dispositions.get(signal.SIGINT, signal.default_int_handler))
    try:
        os.write(started, b"!")
    except BrokenPipeError:  # the server ended meanwhile (the run was stopped): nobody waits for this kernel
        raise SystemExit(1) from None
    os.close(started)
    for slot in slots:
        slot.close()  # a worker sees the server's end even while kernels it forked still run
    with contextlib.suppress(OSError, AttributeError):  # the name `ps` and psutil show; Linux only
        ctypes.CDLL(None, use_errno=True).prctl(15, NAME, 0, 0, 0)  # PR_SET_NAME
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)  # not the run's end of the server
    os.close(null)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.environ["JPY_PARENT_PID"] = str(os.getppid())
    # ipykernel read JPY_PARENT_PID when the server imported it: told again here, it ends itself when the
    # server is gone
    # the kernel's own threads (its heartbeat binds a socket too) fail quietly when its worker is gone, as the
    # kernel itself does (_fork): a stopped run's kernels have nobody to tell
    shown = threading.excepthook
    threading.excepthook = lambda args: None if _orphaned(request) else shown(args)
    launcher = importlib.util.find_spec(LAUNCHER).origin  # sys.argv[0], as `python -m` sets it
    sys.argv = [launcher, *request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


def _orphaned(request: dict) -> bool:
    """Whether the worker that asked for this kernel has ended while it started: its connection file, or the
    folder of the kernel's IPC sockets, is gone (the worker removes it when it ends, as after a Ctrl-C). The
    kernel's failure to bind its sockets is then the run's end, not news: no traceback on the run's screen."""
    argv = request.get("argv", [])
    connection = Path(argv[argv.index("-f") + 1]) if "-f" in argv[:-1] else None
    if connection is None:
        return False
    try:
        info = json.loads(connection.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return info.get("transport") == "ipc" and not Path(str(info.get("ip", ""))).parent.is_dir()


def _fork(request: dict, slots: list[Slot], dispositions: dict) -> dict:
    started_read, started = os.pipe()
    # A Ctrl-C while the child is still in the run's group is the run's, not the new kernel's: ignored until the
    # child has a group of its own (the run then ends the kernel as it ends every other)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    pid = os.fork()
    if pid != 0:
        signal.signal(signal.SIGINT, previous)
    if pid == 0:
        code = 0
        try:
            os.close(started_read)
            _become_kernel(request, started, slots, dispositions)
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else 1
        except KeyboardInterrupt:
            # a terminal's Ctrl-C reached the run's whole group while this child, not yet in a group of its own,
            # was becoming a kernel: the run's interrupt, not the kernel's failure; it ends without a traceback
            code = 128 + signal.SIGINT
        except BaseException:  # noqa: BLE001 - shown on stderr, as a kernel that fails to start shows it
            import traceback

            if not _orphaned(request):  # a kernel whose run has ended has nobody to tell
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


def _reap(kernels: set[int]) -> None:
    """Forget the kernels that ended. Until then each is a zombie, so its pid cannot go to another process."""
    for pid in list(kernels):
        with contextlib.suppress(ChildProcessError):
            if os.waitpid(pid, os.WNOHANG)[0]:
                kernels.discard(pid)


def _kill_kernels(kernels: set[int]) -> None:
    _reap(kernels)
    for pid in kernels:
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


# One select() loop whose branches are the cases of a fork server (a request, a child's end, the run's end): kept in
# one function so that the order of fork, reap and exit reads in one place; hence over the complexity limit.
def serve(fds: list[int]) -> None:  # noqa: C901
    """Import, then fork one kernel per request line of a worker's slot, until the run closes this process's
    input; then kill what is left. A worker's slot that ends takes the kernels forked for it along."""
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]  # as ipykernel_launcher does: a notebook folder's modules are not imported before
    dispositions = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    dispositions = {s: h if h == signal.SIG_IGN else signal.SIG_DFL for s, h in dispositions.items()}
    if dispositions[signal.SIGINT] == signal.SIG_DFL:
        dispositions[signal.SIGINT] = signal.default_int_handler  # what a new Python installs
    slots = [Slot(fd) for fd in fds]
    everyone: list[Slot] = list(slots)  # for SIGTERM, which may come before or after a slot ends

    def kill_all() -> None:
        for slot in everyone:
            _kill_kernels(slot.kernels)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the run, which then stops its workers and this
    signal.signal(signal.SIGTERM, lambda *_: (kill_all(), os._exit(0)))
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")  # as ipykernel sets it
    # A process that forks should have one thread: the libraries would start two of their own, OpenBLAS's
    # pool (numpy) and jemalloc's background thread (pyarrow), and Python 3.12+ warns at every fork then.
    # Kernels here do no linear algebra worth a second thread, nor need memory handed back in the background.
    os.environ.update(OPENBLAS_NUM_THREADS="1", JE_ARROW_MALLOC_CONF="background_thread:false")
    for module in PRELOAD:
        importlib.import_module(module)
    _warm_up()
    # What the server imported is every kernel's too: frozen, the collector of each kernel leaves it alone,
    # instead of walking it all and so copying every page of it into each kernel (Python's gc.freeze docs)
    gc.freeze()
    while True:
        ready = select.select([sys.stdin, *slots], [], [])[0]
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 4096):
            break  # the run closed it, or ended
        for slot in ready:
            if slot is sys.stdin:
                continue
            try:
                line = slot.reader.readline()
            except OSError:  # reset by a worker that was stopped (Ctrl-C): it ended, as an empty line says
                line = b""
            if not line:  # its worker ended
                _kill_kernels(slot.kernels)
                slot.close()
                slots.remove(slot)
                continue
            for each in everyone:
                _reap(each.kernels)
            try:
                reply = _fork(json.loads(line), slots, dispositions)
            except Exception as err:  # noqa: BLE001 - the worker then starts that kernel as usual
                reply = {"error": f"{type(err).__name__}: {err}"}
            slot.kernels.update([reply["pid"]] if "pid" in reply else [])
            with contextlib.suppress(OSError):  # a worker gone meanwhile: its end is read next
                slot.socket.sendall(json.dumps(reply).encode() + b"\n")
    kill_all()


if __name__ == "__main__":
    serve([int(fd) for fd in sys.argv[1:]])
    # nothing is left to tidy up: tearing down the interpreter, with pandas and matplotlib imported, kept the
    # run waiting a quarter of a second at its end
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
