"""`make lab` works: a real Jupyter server on 127.0.0.1 whose python3 kernel is this project's interpreter."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, kernels_below

# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, port: int, token: str):
        self.base, self.token = f"http://127.0.0.1:{port}", token

    def call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.base + path,
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            return json.loads(text) if text else None


@pytest.fixture
def lab(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
    }
    log = (tmp_path / "lab.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={ROOT}",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Server(port, token)
    deadline = time.monotonic() + 60
    while True:
        try:
            server.call("GET", "/api/status")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"jupyter lab did not start:\n{(tmp_path / 'lab.log').read_text()[-2000:]}")
            time.sleep(0.3)
    yield server, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    log.close()


def test_lab_serves_the_notebooks_with_the_project_kernel(lab):
    server, proc = lab
    status = server.call("GET", "/api/status")
    assert "started" in status

    specs = server.call("GET", "/api/kernelspecs")
    assert "python3" in specs["kernelspecs"]

    kernel = server.call("POST", "/api/kernels", {"name": "python3"})
    deadline = time.monotonic() + 30
    launched = []
    while not launched and time.monotonic() < deadline:
        launched = kernels_below(proc.pid)
        time.sleep(0.2)
    assert launched, "no kernel process started"
    # The kernel runs this interpreter (the project's .venv when run through make), so `import analysis` works.
    assert Path(launched[0].exe()).resolve() == Path(sys.executable).resolve()

    listing = server.call("GET", "/api/contents/notebooks")
    names = {item["name"] for item in listing["content"]}
    assert {"sector_trend.ipynb", "overview.ipynb", "national.ipynb", "coverage.ipynb", "explore.ipynb"} <= names

    server.call("DELETE", f"/api/kernels/{kernel['id']}")
    server.call("POST", "/api/shutdown")
    assert proc.wait(timeout=30) == 0
