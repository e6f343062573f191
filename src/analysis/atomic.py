"""Atomic file writes and folder swaps: write to a temporary file or folder beside the target, then rename.

A crash leaves either the old file or folder or the new one, never half of one; `recover` finishes or
undoes what a killed run left.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@dataclass(eq=False)
class Spooled:
    """Bytes too many to hold in memory (a dataset's CSV at a million rows is 300 MB), written as they were
    made to a temporary file in the folder they are for. write_bytes moves the file into place; one that is
    never moved is removed when the object goes (or the interpreter ends)."""

    path: Path
    size: int
    sha256: str

    @classmethod
    def make(cls, folder: Path, name: str, write: Callable[[Path], None]) -> Spooled:
        """write(path) fills a new temporary file in `folder`, meant to become `folder`/`name`."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".tmp-{name}.")
        os.close(fd)
        try:
            write(Path(tmp))
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            digest = file_sha256(Path(tmp))
        except OSError as err:
            Path(tmp).unlink(missing_ok=True)
            raise named(err, folder / name) from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        spooled = cls(Path(tmp), os.path.getsize(tmp), digest)
        weakref.finalize(spooled, Path(tmp).unlink, missing_ok=True)
        return spooled


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in blocks: a dataset's CSV can be 300 MB."""
    with Path(path).open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def fingerprint(data: bytes | Spooled) -> tuple[int, str]:
    """Size and sha256 of `data` (a Spooled file's as found when it was written)."""
    if isinstance(data, Spooled):
        return data.size, data.sha256
    return len(data), hashlib.sha256(data).hexdigest()


def holds(path: Path, data: bytes | Spooled) -> bool:
    """Whether the file at `path` holds exactly `data`; sizes first, so a file of another size is not read."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size != (data.size if isinstance(data, Spooled) else len(data)):
        return False
    if isinstance(data, Spooled):
        return file_sha256(path) == data.sha256
    return path.read_bytes() == data


def write_bytes(path: Path, data: bytes | Spooled) -> bool:
    """Write `data` to `path` atomically; return False (and touch nothing) if it already holds exactly that.

    Spooled data is moved into place (it is written beside its target): no second copy of its bytes."""
    path = Path(path)
    if holds(path, data):
        if isinstance(data, Spooled):
            data.path.unlink(missing_ok=True)
        return False
    if isinstance(data, Spooled):
        os.chmod(data.path, 0o666 & ~umask())
        os.replace(data.path, path)
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.name}.")
    try:
        os.fchmod(fd, 0o666 & ~umask())  # mkstemp makes 0600; give the file the usual permissions
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise named(err, path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_all(files: dict[Path, bytes]) -> None:
    """Write several files all or nothing: each is written whole beside its target first, then all are moved
    into place; should a move fail, the files already moved get their earlier bytes back."""
    staged: dict[Path, str] = {}
    try:
        for path, data in files.items():
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.name}.")
            staged[path] = tmp
            os.fchmod(fd, 0o666 & ~umask())
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        before = {path: path.read_bytes() if path.exists() else None for path in files}
        moved: list[Path] = []
        try:
            for target, tmp in staged.items():
                os.replace(tmp, target)
                moved.append(target)
        except OSError as err:
            for done in moved:
                if before[done] is None:
                    done.unlink(missing_ok=True)
                else:
                    write_bytes(done, before[done])
            raise named(err, target) from None
    finally:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)


def named(err: OSError, path: Path) -> OSError:
    """The OSError naming the file it was writing (a full disk's ENOSPC names none), so the user is told where."""
    if err.filename is None and err.errno is not None:
        return type(err)(err.errno, err.strerror, str(path))
    return err


def remove_unfinished(folder: Path) -> list[str]:
    """Remove the temporary files that a killed writer left in `folder` (a Spooled CSV can be 300 MB); return
    their names. Only while holding the folder's lock: no other writer can be making one."""
    gone = []
    for tmp in sorted(Path(folder).glob(".tmp-*")):
        if tmp.is_file():
            tmp.unlink(missing_ok=True)
            gone.append(tmp.name)
    return gone


def temporary_folder(final: Path) -> Path:
    """A new, empty folder beside `final`, to be filled and then swapped into place (recover removes one that
    a killed run left)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{final.name}-", dir=final.parent))
    os.chmod(tmp, 0o777 & ~umask())  # mkdtemp makes 0700: colleagues and web servers could not read it
    return tmp


def swap_into_place(tmp: Path, final: Path) -> None:
    """Replace the folder `final` by `tmp` with two renames; the old one is removed only after."""
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-{os.getpid()}")
        os.replace(final, old)
    os.replace(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def recover(root: Path) -> list[str]:
    """Tidy up a report folder after a run that was killed: finish an interrupted swap (swap_into_place),
    remove half-written folders; return what was done.

    Only call this while holding the folder's lock (no other run can be writing).
    """
    done = []
    for old in sorted(root.glob(".old-*")) + sorted(root.glob("*/.old-*")):
        final = old.with_name(old.name.removeprefix(".old-").rsplit("-", 1)[0])
        if not final.exists():
            os.replace(old, final)  # killed between the two renames: the old report is the good one
            done.append(f"restored {final.relative_to(root)}")
        else:
            shutil.rmtree(old, ignore_errors=True)
    for tmp in sorted(root.glob(".tmp-*")) + sorted(root.glob("*/.tmp-*")):
        shutil.rmtree(tmp, ignore_errors=True) if tmp.is_dir() else tmp.unlink(missing_ok=True)
        done.append(f"removed unfinished {tmp.relative_to(root)}")
    return done
