"""Atomic file writes and folder swaps: write to a temporary file or folder beside the target, then rename.

A crash leaves either the old file or folder or the new one, never half of one; `recover` finishes or
undoes what a killed run left.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import signal
import tempfile
import threading
import weakref
from collections.abc import Callable
from contextlib import contextmanager
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


# What a stop signal carries when it came after write_all had put every file in place (exceptions' notes, PEP 678)
WRITTEN = "every file was written before the stop"
# The record of a write_all under way, in its folder: removed when every file is in place (the moment it is done)
JOURNAL = ".unfinished-write.json"
_STOPS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


def write_all(files: dict[Path, bytes]) -> None:
    """Write several files of one folder all or nothing, even if the process is stopped or killed.

    Each is written whole beside its target first; the files it replaces are kept beside them (a hard link) and
    a journal names them all; then all are moved into place with stop signals held back, and removing the
    journal is the moment they count as written. Should a move fail, the files already moved get their earlier
    bytes back; should the process be killed before the journal is gone, undo_unfinished_write puts every file
    back as it was. A stop signal that arrives while the files are moved is handled once they are all in place,
    with the note WRITTEN."""
    if not files:
        return
    folder = next(iter(files)).parent
    staged: dict[Path, str] = {}
    kept: dict[Path, str | None] = {}
    try:
        for path, data in files.items():
            staged[path] = _staged(path, data)
            kept[path] = _kept(path)
        write_bytes(folder / JOURNAL, _journal(staged, kept))
        _move_all(staged, kept)
    finally:
        for path in [*staged.values(), *(k for k in kept.values() if k)]:
            Path(path).unlink(missing_ok=True)


def _staged(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{path.name}.")
    try:
        os.fchmod(fd, 0o666 & ~umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise named(err, path) from None
    return tmp


def _kept(path: Path) -> str | None:
    """The file `path` holds now, kept under a second name (a hard link: no copy), or None if there is none."""
    if not path.exists():
        return None
    keep = str(path.parent / f".tmp-{path.name}.before.{secrets.token_hex(6)}")
    try:
        os.link(path, keep)
    except OSError as err:
        raise named(err, path) from None
    return keep


def _journal(staged: dict[Path, str], kept: dict[Path, str | None]) -> bytes:
    entries = [
        {"target": p.name, "staged": Path(staged[p]).name, "before": Path(k).name if k else None}
        for p, k in kept.items()
    ]
    return json.dumps(entries, indent=1).encode()


def _move_all(staged: dict[Path, str], kept: dict[Path, str | None]) -> None:
    """Move every staged file into place, then remove the journal; a stop signal that comes meanwhile is held
    back until then (its handler is swapped for one that notes it: blocking the signal would not do, since the
    kernel may hand it to another thread, whose handler Python then runs in the main thread all the same)."""
    folder = next(iter(staged)).parent
    moved: list[Path] = []
    current = next(iter(staged))
    with _stops_held() as came:
        try:
            for current, tmp in staged.items():
                os.replace(tmp, current)
                moved.append(current)
            (folder / JOURNAL).unlink()  # done: from here on the files count as written
        except BaseException as err:
            _put_back(moved, kept)
            (folder / JOURNAL).unlink(missing_ok=True)
            if isinstance(err, OSError):
                raise named(err, current) from None
            raise
    if came:
        _stop_now(came[0][0], came[0][1])


@contextmanager
def _stops_held():
    """While inside, SIGINT, SIGTERM and SIGHUP are noted, not handled: yields the list of (signal, its handler)."""
    came: list[tuple[int, object]] = []
    if threading.current_thread() is not threading.main_thread():
        yield came
        return
    previous = {}
    try:
        for sig in _STOPS:
            previous[sig] = signal.signal(sig, lambda signum, _frame: came.append((signum, previous[signum])))
        yield came
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop_now(signum: int, handler) -> None:
    """Handle a stop that was held back, now that every file is written: as its own handler would have."""
    if handler is signal.SIG_IGN:
        return
    if not callable(handler):  # the default: end the process as the signal does
        os.kill(os.getpid(), signum)
        return
    try:
        handler(signum, None)
    except BaseException as stop:
        stop.add_note(WRITTEN)
        raise


def _put_back(moved: list[Path], kept: dict[Path, str | None]) -> None:
    for target in moved:
        if kept[target] is None:
            target.unlink(missing_ok=True)
        else:
            os.replace(kept[target], target)
            kept[target] = None


def undo_unfinished_write(folder: Path) -> list[str]:
    """Put back the files of a write_all that was killed before it was done (its journal is still there); return
    their names. Only while holding the folder's lock."""
    journal = Path(folder) / JOURNAL
    if not journal.is_file():
        return []
    entries = json.loads(journal.read_bytes() or b"[]")
    for entry in entries:
        target = Path(folder) / entry["target"]
        if entry["before"] and (Path(folder) / entry["before"]).exists():
            os.replace(Path(folder) / entry["before"], target)
        elif not entry["before"] and not (Path(folder) / entry["staged"]).exists():
            target.unlink(missing_ok=True)  # it was new, and moved into place before the kill
    journal.unlink()
    remove_unfinished(folder)
    return [e["target"] for e in entries]


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
