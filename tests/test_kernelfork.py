"""Kernels forked by the run's fork server: each a process of its own that behaves as a new kernel, and none
outlives its server or the worker it was forked for."""

from __future__ import annotations

import contextlib
import os
import signal
import time

import psutil
import pytest
from conftest import terminal_signals
from jupyter_core.utils import run_sync

from analysis.run import forkserver
from analysis.run.kernels import ForkingProvisioner, LocalKernelManager, ReadyClient

# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("signals_as_in_a_terminal")]


@pytest.fixture(scope="module")
def shared_server():
    """One server for the tests that only have kernels forked (a run's server forks many): its imports are
    a second of CPU. Started with the signals a terminal gives, which it hands on to its kernels."""
    with pytest.MonkeyPatch.context() as patch, terminal_signals():
        patch.delenv(forkserver.FORKS_ENV, raising=False)
        forkserver.start_server()
        forkserver.claim_slot(0)  # this process is the server's one worker
    yield forkserver._server[0]
    forkserver.stop_server()


@pytest.fixture
def server(shared_server):
    assert forkserver._server == [shared_server]
    return shared_server


@pytest.fixture
def no_server(shared_server):
    """The module's server set aside, for a test that starts (and ends) a server of its own, or none."""
    forkserver._server.remove(shared_server)
    yield
    forkserver.stop_server()
    forkserver._server.append(shared_server)


@pytest.fixture
def own_server(no_server, monkeypatch):
    """A server of this test's own, which the test may end or kill."""
    monkeypatch.delenv(forkserver.FORKS_ENV, raising=False)
    forkserver.start_server()
    forkserver.claim_slot(0)
    return forkserver._server[0]


def start(cwd, **env) -> LocalKernelManager:
    km = LocalKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=str(cwd), env={**os.environ, **env})
    return km


@contextlib.contextmanager
def client_of(km):
    """A client of the kernel, its channels open and the kernel ready."""
    client = km.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        yield client
    finally:
        client.stop_channels()


def run(km, code: str, timeout: float = 60) -> dict:
    """Execute `code` in the kernel; its user expressions' values and the reply's status."""
    with client_of(km) as client:
        reply = client.execute_interactive(code, user_expressions={"out": "out"}, timeout=timeout)
    content = reply["content"]
    value = content.get("user_expressions", {}).get("out", {}).get("data", {}).get("text/plain")
    return {"status": content["status"], "ename": content.get("ename"), "out": value}


def shut(km) -> None:
    run_sync(km.shutdown_kernel)(now=True)
    run_sync(km.cleanup_resources)()


def gone(process: psutil.Process, within: float = 10) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if not process.is_running() or process.status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


# What a kernel's process looks like from inside, apart from its pid and parent
PROBE = (
    "import os, signal, sys; out = (os.getcwd(), sys.path, os.environ['PROBE'], __name__, sys.executable, sys.argv[0], "
    "[str(signal.getsignal(s)) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD)], "
    "os.environ.get('MPLBACKEND'), sorted(k for k in os.environ if k.startswith('JPY')))"
)


def test_a_forked_kernel_is_a_new_kernel_in_its_own_process(server, tmp_path):
    km = start(tmp_path, PROBE="from the run")
    try:
        pid = km.provisioner.pid
        # started through jupyter_client's provisioner seam: the entry point in pyproject.toml names our class
        assert type(km.provisioner) is ForkingProvisioner
        assert isinstance(km.provisioner.process, forkserver.ForkedKernel)
        process = psutil.Process(pid)
        assert process.name() == "ipykernel"
        assert process.parent().pid == server._process.pid
        assert os.getpgid(pid) == pid, "a kernel has a process group of its own, as interrupts need"
        forked = run(km, PROBE)
    finally:
        shut(km)
    assert gone(process)
    # a kernel started as a new process, as without the server, sees the same
    forkserver._server.remove(server)
    try:
        new = start(tmp_path, PROBE="from the run")
        try:
            assert not isinstance(new.provisioner.process, forkserver.ForkedKernel)
            started = run(new, PROBE)
        finally:
            shut(new)
    finally:
        forkserver._server.append(server)
    assert forked["status"] == started["status"] == "ok"
    assert forked["out"] == started["out"], "cwd, environment, sys.path, signals as a new kernel has them"
    assert str(tmp_path) in forked["out"] and "from the run" in forked["out"]


def test_a_notebooks_client_is_ready_once_the_kernel_answers_and_a_dead_kernel_is_an_error(server, tmp_path):
    """The client every notebook gets (ReadyClient, without jupyter_client's wait for IOPub silence) still
    waits for the kernel's answer: the first execution's output arrives whole. A kernel that died is an
    error at once, not a wait until the timeout."""
    km = start(tmp_path)
    try:
        client = km.client()
        assert isinstance(client, ReadyClient)
        client.start_channels()
        try:
            run_sync(client.wait_for_ready)(timeout=60)
            seen = []
            run_sync(client.execute_interactive)("print('first'); print('second')", output_hook=seen.append, timeout=60)
        finally:
            client.stop_channels()
        assert "".join(m["content"]["text"] for m in seen if m["msg_type"] == "stream") == "first\nsecond\n"

        process = psutil.Process(km.provisioner.pid)
        process.kill()
        assert gone(process)
        late = km.client()
        late.start_channels()
        try:
            with pytest.raises(RuntimeError, match="died"):
                run_sync(late.wait_for_ready)(timeout=30)
        finally:
            late.stop_channels()
    finally:
        shut(km)


def test_a_forked_kernel_counts_executions_from_one(server, tmp_path):
    km = start(tmp_path)
    try:
        # execution counts start at 1: nothing ran in this kernel before
        with client_of(km) as client:
            assert client.execute_interactive("1", timeout=30)["content"]["execution_count"] == 1
    finally:
        shut(km)


def test_the_server_forks_from_a_single_threaded_process(server, tmp_path):
    km = start(tmp_path)  # the server has done its imports once it has answered
    try:
        if not os.path.isdir(f"/proc/{server._process.pid}/task"):
            pytest.skip("threads are counted in /proc, which this system lacks")
        assert len(os.listdir(f"/proc/{server._process.pid}/task")) == 1, (
            "a thread in the fork server: fork() copies only the forking one"
        )
    finally:
        shut(km)


def test_two_forked_kernels_share_nothing(server, tmp_path):
    first, second = start(tmp_path), start(tmp_path)
    try:
        assert first.provisioner.pid != second.provisioner.pid
        assert run(first, "carried = 'from the first notebook'; out = 1")["status"] == "ok"
        found = run(second, "out = 'carried' in globals()")
        assert found["out"] == "False"
    finally:
        shut(first)
        shut(second)


def test_a_forked_kernel_can_be_interrupted(server, tmp_path):
    km = start(tmp_path)
    try:
        with client_of(km) as client:
            client.execute("import time; time.sleep(60)")
            time.sleep(1)
            begun = time.monotonic()
            run_sync(km.interrupt_kernel)()
            reply = client.get_shell_msg(timeout=20)
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        assert time.monotonic() - begun < 10
    finally:
        shut(km)


def test_the_server_ending_ends_its_kernels(own_server, tmp_path):
    km = start(tmp_path)
    kernel = psutil.Process(km.provisioner.pid)
    forkserver.stop_server()  # as at a worker's end: the server kills what it forked that still runs
    # at once, not only when the kernel next sees (once a second) that its parent is gone
    assert gone(kernel, within=0.5), "a kernel outlived its fork server"
    shut(km)


def test_a_killed_server_leaves_no_kernel_and_kernels_start_as_usual_after(own_server, tmp_path, capfd):
    server = own_server
    km = start(tmp_path)
    kernel = psutil.Process(km.provisioner.pid)
    server._process.send_signal(signal.SIGKILL)
    server._process.wait()
    assert gone(kernel), "a kernel outlived its killed fork server (ipykernel watches its parent)"
    shut(km)

    after = start(tmp_path)  # the worker goes on with kernels of its own
    try:
        assert not isinstance(after.provisioner.process, forkserver.ForkedKernel)
        assert run(after, "out = 6 * 7")["out"] == "42"
    finally:
        shut(after)
    assert "kernels start as new processes from now on" in capfd.readouterr().err
    assert not forkserver._server


def _worker_with_a_kernel(cwd, pids) -> None:
    """A worker as a report run forks it: it takes slot 1, has a kernel forked, and works on."""
    forkserver.claim_slot(1)
    kernel = forkserver._server[0].fork(["-f", str(cwd / "theirs.json")], dict(os.environ), str(cwd))
    pids.put(kernel.pid)
    time.sleep(120)


def test_a_worker_ending_ends_the_kernels_forked_for_it_and_no_other(no_server, tmp_path, monkeypatch):
    """Two workers share the run's server: when one is killed, its kernel ends, the other's runs on."""
    import multiprocessing

    monkeypatch.delenv(forkserver.FORKS_ENV, raising=False)
    forkserver.start_server(2)
    try:
        context = multiprocessing.get_context("fork")
        pids = context.SimpleQueue()
        worker = context.Process(target=_worker_with_a_kernel, args=(tmp_path, pids))
        worker.start()
        forkserver.claim_slot(0)  # this process is the other worker
        theirs = psutil.Process(pids.get())
        ours = start(tmp_path)
        try:
            assert theirs.parent().pid == psutil.Process(ours.provisioner.pid).parent().pid  # one server
            worker.kill()
            worker.join()
            assert gone(theirs, within=2), "a killed worker's kernel outlived it"
            assert run(ours, "out = 6 * 7")["out"] == "42", "the other worker's kernel ended with it"
        finally:
            shut(ours)
    finally:
        forkserver.stop_server()


def test_without_a_server_kernels_start_as_new_processes(no_server, tmp_path, monkeypatch):
    monkeypatch.setenv(forkserver.FORKS_ENV, "0")
    forkserver.start_server()
    assert not forkserver._server
    km = start(tmp_path)
    try:
        assert "ipykernel_launcher" in " ".join(psutil.Process(km.provisioner.pid).cmdline())
    finally:
        shut(km)
