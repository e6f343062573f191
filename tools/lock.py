"""constraints.txt: every package the project and its extras install, pinned, so that the README's commands
install on a fresh machine in a year what the suite was run with (pip install -c constraints.txt).

    python tools/lock.py --write    # make lock: resolve anew with uv and write constraints.txt
    python tools/lock.py --check    # exit 1 if pyproject.toml's dependencies changed since (tests do this)

The file's first lines record the sha256 of pyproject.toml's dependency tables it was made from.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
UV = "uv==0.13.9"
MARK = "# pyproject.toml dependencies sha256: "


def dependencies_sha256(pyproject: Path = ROOT / "pyproject.toml") -> str:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    tables = {"dependencies": project["dependencies"], "optional": project.get("optional-dependencies", {})}
    return hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()


def recorded_sha256(constraints: Path = CONSTRAINTS) -> str:
    for line in constraints.read_text(encoding="utf-8").splitlines():
        if line.startswith(MARK):
            return line.removeprefix(MARK).strip()
    return ""


def write() -> None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", UV], check=True)
    resolved = subprocess.run(
        [sys.executable, "-m", "uv", "pip", "compile", str(ROOT / "pyproject.toml"), "--all-extras", "--universal",
         "--python-version", "3.11", "--no-header"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    header = (
        "# Every package the project and its extras install, pinned: the Makefile installs with -c constraints.txt.\n"
        f"# Made by `make lock` ({UV} pip compile --all-extras --universal --python-version 3.11) from\n"
        "# pyproject.toml; tests/test_project.py checks that pyproject.toml has not changed since.\n"
        f"{MARK}{dependencies_sha256()}\n"
    )
    CONSTRAINTS.write_text(header + resolved, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.write:
        write()
    if recorded_sha256() != dependencies_sha256():
        print(
            "constraints.txt was made from other dependencies than pyproject.toml's: run `make lock`", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
