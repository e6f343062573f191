"""The kernels a report run executes its notebooks on: reached over local (IPC) sockets, started by a kernel
provisioner that forks them from the run's fork server, ready as soon as they answer, and started ahead while
a worker's previous notebook runs."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import functools
import os
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import KernelProvisionerFactory, LocalProvisioner
from traitlets import default

from analysis.run import forkserver

PROVISIONER = "banenafspraak-forking-provisioner"  # its name under the jupyter_client.kernel_provisioners entry point


class ReadyClient(AsyncKernelClient):
    """jupyter_client's client, ready as soon as the kernel has answered and its IOPub messages arrive.

    jupyter_client's wait_for_ready ends by reading IOPub until it has been silent for 0.2 s. nbclient, which
    executes the notebook, reads only the messages that answer its own requests, so that wait bought nothing
    but a fifth of a sector report's time (benchmarks/RESULTS.md). The handshake before it stays: kernel
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


class ForkingProvisioner(LocalProvisioner):
    """Starts a kernel by forking it from the run's kernel fork server (forkserver) where there is one, else as
    a new process as jupyter_client does. Registered under the jupyter_client.kernel_provisioners entry point
    (pyproject.toml), jupyter_client's documented seam for how a kernel process is launched."""

    async def launch_kernel(self, cmd: list[str], **kwargs) -> KernelConnectionInfo:
        server = forkserver.server_for(cmd)
        if server is None:
            return await super().launch_kernel(cmd, **kwargs)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            process = server.fork(cmd[3:], kwargs.get("env") or dict(os.environ), cwd)
        except OSError as err:  # the server is gone or broken: this worker's kernels start as usual from now on
            print(f"{err}; kernels start as new processes from now on", file=sys.stderr)
            forkserver.stop_server()
            return await super().launch_kernel(cmd, **kwargs)
        # what LocalProvisioner.launch_kernel records of the process it starts
        self.process, self.pid, self.pgid, self.cwd = process, process.pid, process.pid, cwd
        return self.connection_info

    async def kill(self, restart: bool = False) -> None:
        """Kill the kernel and wait (at most a second, looking every 10 ms) until it is gone: jupyter_client
        looks every 0.1 s, so a worker waited that long for a kernel gone in milliseconds."""
        await super().kill(restart)
        for _ in range(100):
            if await self.poll() is not None:
                return
            await asyncio.sleep(0.01)


def use_forking_provisioner() -> None:
    """Kernels started in this process get the ForkingProvisioner (the python3 kernelspec names none)."""
    KernelProvisionerFactory.instance().default_provisioner_name = PROVISIONER


class LocalKernelManager(AsyncKernelManager):
    """A kernel reached over local (IPC) sockets beside its connection file instead of TCP: nothing listens
    on the network, and ipykernel no longer warns that TCP traffic is unencrypted. Its clients are
    ReadyClients; its kernel is started by the ForkingProvisioner."""

    def __init__(self, **kwargs) -> None:
        use_forking_provisioner()
        super().__init__(**kwargs)

    @default("client_factory")
    def _default_client_factory(self) -> type:
        return ReadyClient

    @default("transport")
    def _default_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _default_ip(self) -> str:
        # the socket files' stem: one per kernel, or kernels started at once would share sockets
        return os.path.join(socket_folder(), f"k-{uuid.uuid4().hex[:12]}")


@functools.cache
def socket_folder() -> str:
    """A short private folder (mode 0700) for the kernels' IPC sockets, one per process that starts kernels,
    removed when it ends. Not jupyter's runtime folder: under a long home (/home/<domain>/<first.last-extern>)
    $HOME/.local/share/jupyter/runtime/kernel-<id>-ipc-<n> is longer than a socket's path may be."""
    base = tempfile.gettempdir()
    if len(base) > 40:  # a long TMPDIR would bring the same failure back
        base = "/tmp"
    folder = tempfile.mkdtemp(prefix="ba-", dir=base)  # made 0700: no other user reaches the kernels
    atexit.register(shutil.rmtree, folder, True)
    return folder


# ---------------------------------------------------------------- kernels ready ahead
#
# Starting a kernel and importing pandas, matplotlib and the library takes most of a short notebook's
# time. Kernels are forked from a server that has done the imports (forkserver), and while a worker executes
# one notebook, it starts the kernel for its next one and lets it do the rest (ipykernel's own start, and
# the imports where forking is off). Every notebook still runs in a kernel of its own that no other
# notebook has touched: the imports run with store_history off, so even the execution counts start at 1.

AHEAD_ENV = "BANENAFSPRAAK_KERNELS_AHEAD"  # "0" turns kernels started ahead off (the benchmark measures both)
WARM_UP = "import analysis.notebook"  # what every notebook imports first (pandas, matplotlib, the library)
_ahead: list[dict] = []  # in each worker, at most one: the kernel readied for the next notebook, its starter thread


def start_ahead(cwd: Path) -> None:
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


def take_ahead(cwd: Path):
    """The kernel readied for this notebook, or None (none started, it failed, or it is for another folder)."""
    from jupyter_core.utils import run_sync

    if not _ahead:
        return None
    state = _ahead.pop()
    state["thread"].join(timeout=120)
    km = state["km"]
    if state["ok"] and state["cwd"] == str(cwd) and run_sync(km.is_alive)():
        return km
    shut_down(km)
    return None


def shut_down(km) -> None:
    from jupyter_core.utils import run_sync

    with contextlib.suppress(Exception):  # a kernel that is already gone needs no shutting down
        if km.has_kernel:
            run_sync(km.shutdown_kernel)(now=True)
        run_sync(km.cleanup_resources)()


def shut_down_ahead() -> None:
    """At the worker's exit: the kernel readied for a notebook that never came is shut down."""
    while _ahead:
        state = _ahead.pop()
        state["thread"].join(timeout=120)
        shut_down(state["km"])
