"""One writer per output folder: a lock beside the folder, so two runs never interleave files."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from analysis.errors import FolderBusy


def lock_path(folder: Path) -> Path:
    folder = Path(folder).resolve()
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def exclusive(folder: Path, wait: float = 0):
    """Hold `folder` for this process; wait up to `wait` seconds for another run, then refuse."""
    path = lock_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        holder = path.with_suffix(".pid")
        who = f" (process {holder.read_text().strip()})" if holder.is_file() else ""
        raise FolderBusy(
            f"another run is writing to {folder}{who}; wait for it to finish, or use --wait SECONDS to wait for it"
        ) from None
    try:
        path.with_suffix(".pid").write_text(str(os.getpid()))
        yield
    finally:
        path.with_suffix(".pid").unlink(missing_ok=True)
        lock.release()
