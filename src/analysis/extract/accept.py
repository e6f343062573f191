"""Taking the proposals an analyst kept into data/raw/figures: all of them or none.

A row whose `check` is still filled in is refused (the analyst has not settled it). The rest are validated
exactly as `validate` validates data/raw, by validating a copy of the raw folder with the rows appended; a
problem is reported at its line and column of the proposals file. A row that is already in the raw data (the
same figure from the same source, with the same value and qualifier) is reported and skipped. Only then are
the sectors' files written, each whole, together.

Writing is all or nothing also when accept is stopped (SIGINT, SIGTERM, SIGHUP: held back while the files are
moved) or killed (the next accept first puts back the files a killed one had half written: atomic.write_all).

A source must be registered in data/raw/sources.csv before its figures are accepted: its title, publisher,
date, primacy and kind are judgements a document does not make for certain, and a wrong date would mislead the
check that no realised figure is about a year after its source.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from analysis import atomic
from analysis.data import rawcsv
from analysis.data.registry import load_sectors
from analysis.dictionary import FIGURE_COLUMNS
from analysis.errors import DataValidationError, Issue
from analysis.extract.proposals import read as read_proposals
from analysis.locking import exclusive
from analysis.paths import RawLayout

# What makes a row the same figure as one already there: all but where it stands and the words around it.
SAME = [c for c in FIGURE_COLUMNS if c not in ("locator", "evidence", "note")]
IN_PROPOSALS = "the proposals (data/raw is unchanged)"
UNSETTLED = "still says what to check: settle it, then empty the cell (or delete the row)"


@dataclass
class Accepted:
    added: dict[str, int] = field(default_factory=dict)  # figure file -> rows appended
    skipped: list[str] = field(default_factory=list)  # "proposals.csv:4: already in figures/politie.csv:3"
    put_back: list[str] = field(default_factory=list)  # files an accept that was killed had half written

    def described(self) -> str:
        n = sum(self.added.values())
        files = ", ".join(f"{name} +{k}" for name, k in self.added.items())
        head = f"accepted {n} row{'s' if n != 1 else ''}" + (f" ({files})" if files else "")
        skipped = f"; skipped {len(self.skipped)} already in the raw data" if self.skipped else ""
        return head + skipped


def accept(proposals: Path, raw: Path, wait: float = 0) -> Accepted:
    """Append the rows of `proposals` to `raw`'s figure files; DataValidationError (nothing written) on any
    problem."""
    proposals, raw = Path(proposals), Path(raw)
    name = os.path.relpath(proposals) if not os.path.relpath(proposals).startswith("..") else str(proposals)
    records, lines, issues = read_proposals(proposals, name)
    if issues:
        raise DataValidationError(issues, IN_PROPOSALS)
    layout = RawLayout(raw)
    sectors, problems = load_sectors(layout.sectors_csv)
    if problems:
        raise DataValidationError(problems)
    known = set(sectors["sector"])
    for record, line in zip(records, lines):
        if record["check"]:
            problems.append(Issue(name, line, "check", record["check"], UNSETTLED))
        if record["sector"] not in known:
            problems.append(Issue(name, line, "sector", record["sector"], "not a sector of sectors.csv"))
    if problems:
        raise DataValidationError(problems, IN_PROPOSALS)
    with exclusive(raw, wait):
        put_back = atomic.undo_unfinished_write(layout.figures)  # an accept killed while writing: undo it first
        atomic.remove_unfinished(layout.figures)
        done = _append(records, lines, name, layout)
        done.put_back = put_back
        return done


def _append(records: list[dict], lines: list[int], name: str, layout: RawLayout) -> Accepted:
    done = Accepted()
    there: dict[tuple, str] = {}
    for path in sorted(layout.figures.glob("*.csv")):
        rows, row_lines, _ = rawcsv.read_rows(path, FIGURE_COLUMNS, path.name)
        for row, line in zip(rows, row_lines):
            there.setdefault(_same(dict(zip(FIGURE_COLUMNS, row))), f"figures/{path.name}:{line}")
    new: dict[str, list[tuple[int, dict]]] = {}
    for record, line in zip(records, lines):
        key = _same(record)
        if key in there:
            done.skipped.append(f"{name}:{line}: already in {there[key]}")
            continue
        there[key] = f"{name}:{line}"
        new.setdefault(record["sector"], []).append((line, record))
    if not new:
        return done
    contents: dict[Path, bytes] = {}
    origin: dict[tuple[str, int], int] = {}
    for sector, items in new.items():
        path = layout.figures / f"{sector}.csv"
        old = path.read_bytes() if path.exists() else (",".join(FIGURE_COLUMNS) + "\n").encode()
        if not old.endswith((b"\n", b"\r")):
            old += b"\n"
        first = len(rawcsv.LINE_BREAK.findall(old)) + 1  # the line the first new row is on, as the reader counts
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        for k, (line, record) in enumerate(items):
            writer.writerow([record[c] for c in FIGURE_COLUMNS])
            origin[(f"figures/{sector}.csv", first + k)] = line
        contents[path] = old + out.getvalue().encode("utf-8")
        done.added[f"figures/{sector}.csv"] = len(items)
    _validate_with(contents, origin, name, layout)
    atomic.write_all(contents)
    return done


def _same(record: dict) -> tuple:
    """What makes a row the same figure (SAME), its value as a number: 663.0 is the 663 already there."""
    try:
        value = float(record["value"])
    except ValueError:
        value = record["value"]  # not a number: validation names it
    return tuple(value if c == "value" else record[c] for c in SAME)


def _validate_with(contents: dict[Path, bytes], origin: dict[tuple[str, int], int], name: str, layout: RawLayout):
    """Validate a copy of the raw folder holding the new files, as `validate` does; problems in the new rows are
    named by their line in the proposals file."""
    from analysis.data.prepare import prepare

    with tempfile.TemporaryDirectory(prefix="accept-") as tmp:
        copy = Path(tmp) / "raw"
        shutil.copytree(layout.raw, copy)
        for path, data in contents.items():
            (copy / "figures" / path.name).write_bytes(data)
        try:
            prepare(copy, spool=Path(tmp))
        except DataValidationError as err:
            placed = [_placed(i, copy, origin, name, layout) for i in err.issues]
            raise DataValidationError(placed, IN_PROPOSALS) from None


_PLACE = re.compile(r"(\S+\.csv):(\d+)")  # a place a message names, such as a duplicate's first row


def _placed(issue: Issue, copy: Path, origin: dict[tuple[str, int], int], name: str, layout: RawLayout) -> Issue:
    """A problem found in the copy, placed where the analyst finds it: an appended row at its line of the
    proposals file, any other at its line of data/raw; so is every place its message names."""

    def place(file: str, line: int) -> tuple[str, int]:
        relative = Path(file)
        for prefix in (os.path.relpath(copy), str(copy)):
            if file.startswith(prefix + os.sep):
                relative = Path(file[len(prefix) + 1 :])
                break
        proposed = origin.get((relative.as_posix(), line))
        return (name, proposed) if proposed is not None else (str(layout.raw / relative), line)

    def named(found: re.Match) -> str:
        file, line = place(found.group(1), int(found.group(2)))
        return f"{file}:{line}"

    file, line = place(issue.file, issue.line)
    return Issue(file, line, issue.column, issue.value, _PLACE.sub(named, issue.rule))
