import shutil
from pathlib import Path

import psutil
import pytest

from analysis import cli
from analysis.tidy import load_tidy

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


FIGURES_HEADER = "sector,year,measure,value,qualifier,source_id,locator,note\n"


def write_figures(raw: Path, sector: str, *rows: str) -> None:
    """Replace a sector's figures file in a raw folder with the header and the given CSV rows."""
    (raw / "figures" / f"{sector}.csv").write_text(FIGURES_HEADER + "".join(f"{r}\n" for r in rows), encoding="utf-8")


def kernels_below(pid: int) -> list[psutil.Process]:
    """Jupyter kernel processes among the descendants of `pid`; processes ending meanwhile are skipped."""
    found = []
    for child in psutil.Process(pid).children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
    return found


@pytest.fixture(scope="session")
def repo_raw() -> Path:
    return ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def tidy(repo_raw):
    return load_tidy(repo_raw)


@pytest.fixture
def minimal_raw(tmp_path) -> Path:
    """A small valid raw folder in a temporary directory, safe to modify."""
    raw = tmp_path / "raw"
    shutil.copytree(FIXTURES / "minimal", raw)
    return raw


@pytest.fixture
def run_cli(capsys):
    """Run the command line in-process; return (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main([str(a) for a in args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
