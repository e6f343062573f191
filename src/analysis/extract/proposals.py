"""The proposals file: the columns of a raw figure file and a last column `check`, one row per proposed figure.
Written as CSV UTF-8 with a byte order mark, so that a spreadsheet opens its ë and ’ as they are."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analysis import atomic
from analysis.data import rawcsv
from analysis.data.processed import neutralise, restored
from analysis.data.registry import load_sectors, load_sources
from analysis.dictionary import FIGURE_COLUMNS
from analysis.errors import DataValidationError
from analysis.extract import documents, rules
from analysis.extract.rules import UNREAD, context
from analysis.extract.vocabulary import Vocabulary
from analysis.paths import RawLayout

PROPOSAL_COLUMNS = [*FIGURE_COLUMNS, "check"]


@dataclass(frozen=True)
class Extracted:
    document: documents.Document
    records: list[dict[str, str]]
    source_id: str
    source_registered: bool
    silent_tables: list[str] = field(default_factory=list)  # tables that gave no figure: to read by hand
    apart: list = field(default_factory=list)  # every number not proposed, in order (rules.SetAside): apart_records

    @property
    def set_aside(self) -> Counter:
        """How many numbers of jobs or percentages were set aside as no plain figure, per meaning."""
        return Counter(a.meaning for a in self.apart if a.meaning != UNREAD)

    def checks(self) -> int:
        return sum(1 for r in self.records if r["check"])

    def described(self) -> str:
        n = len(self.records)
        said = (
            f"{self.document.path}: {n} figure row{'s' if n != 1 else ''} proposed, "
            f"{self.checks()} of them with something to check"
        )
        if self.set_aside:
            kinds = ", ".join(f"{count} {SET_ASIDE[meaning]}" for meaning, count in sorted(self.set_aside.items()))
            said += f"; set aside as no figure of a year: {kinds}"
        unread = sum(1 for a in self.apart if a.meaning == UNREAD)
        if unread:
            said += f"; {unread} other number{'s' if unread != 1 else ''} {UNREAD_SAID}"
        if self.document.windows_lines:
            lines = ", ".join(map(str, self.document.windows_lines))
            said += f"; line{'s' if len(self.document.windows_lines) != 1 else ''} {lines} read as Windows-1252, not UTF-8: check their ë and ’"
        if self.silent_tables:
            n = len(self.silent_tables)
            said += f"; {n} table{'s' if n != 1 else ''} gave no figure, read {'them' if n != 1 else 'it'} by hand: "
            said += "; ".join(self.silent_tables)
        return said


# What a number in digits is that was read as no figure at all (rules.UNREAD), as the summary line and the list of
# numbers not proposed say it.
UNREAD_SAID = "read as no figure (no unit of jobs or percent, a note, a reference, an item)"
# What a number set aside is, as the summary line says it.
SET_ASIDE = {
    "change": "change(s)",
    "expectation": "expectation(s)",
    "remainder": "remainder(s) to a target",
    "pace": "yearly pace(s)",
    "example": "figure(s) of a worked example",
    "part_year": "figure(s) for part of a year",
    "range": "range bound(s)",
    "persons": "count(s) of people",
    "employers_share": "share(s) of employers",
    "other_share": "percentage(s) of something other than the agreement's measures",
    "baseline": "count(s) of the jobs at the baseline",
    "with_baseline": "count(s) of all jobs, the baseline's included",
    "regional": "figure(s) of a region, not of a sector",
}


def source_id_for(path: Path) -> str:
    """A source id made from the file's name, for a document whose id is not given: lower case, a-z0-9 and -."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "document"


def extract(document: Path, raw: Path, source_id: str | None = None, published: dt.date | None = None) -> Extracted:
    """The proposals for `document`, reading sector names and units from `raw`'s sectors.csv. `published`: the
    document's date, where the analyst knows it (a year counted from it, "vorig jaar", is then filled in)."""
    layout = RawLayout(Path(raw))
    sectors, problems = load_sectors(layout.sectors_csv)
    sources, source_problems = load_sources(layout.sources_csv)
    if problems:
        raise DataValidationError(problems)
    read = documents.read(document)
    source_id = source_id or source_id_for(read.path)
    vocab = Vocabulary.of(sectors)
    reading = rules.propose(read, vocab, source_id, context.of(read, vocab, published))
    records = [p.record() for p in reading.proposals]
    registered = not source_problems and source_id in set(sources["source_id"])
    return Extracted(read, records, source_id, registered, reading.silent_tables, reading.apart)


# The columns of the file of numbers not proposed, beside the proposals (apart_records)
APART_COLUMNS = ["value", "why", "locator", "evidence"]


def apart_records(done: Extracted) -> list[dict[str, str]]:
    """Every number of the document that was not proposed, in its order, with why: set aside (a change, an
    expectation, ...: SET_ASIDE) or read as no figure (UNREAD). An analyst reads it for a figure extract missed."""
    # one number a row: "change(s)" of the summary line is "change" here
    why = {m: words.replace("(s)", "") for m, words in SET_ASIDE.items()}
    why[UNREAD] = UNREAD_SAID
    return [
        {"value": a.written, "why": why.get(a.meaning, a.meaning), "locator": a.locator, "evidence": a.evidence}
        for a in done.apart
    ]


def apart_path(out: Path) -> Path:
    """Where the numbers not proposed are written: beside the proposals, 'voorstellen.csv' -> 'voorstellen.apart.csv'."""
    return out.with_name(f"{out.stem}.apart.csv")


def to_csv(records: list[dict[str, str]], columns: list[str] = PROPOSAL_COLUMNS) -> bytes:
    """The proposals file (or, with APART_COLUMNS, the numbers not proposed), for a spreadsheet as much as for
    accept: a text that a spreadsheet would run as a formula gets a leading apostrophe (processed.neutralise),
    which accept takes off again."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: neutralise(v) for k, v in record.items()} for record in records)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read(path: Path, name: str) -> tuple[list[dict[str, str]], list[int], list]:
    """A proposals file as accept and the review notebook read it: with accept's careful reader (also
    semicolon-separated, as Dutch Excel saves it), each row by its line of the file, and each text as meant,
    without the apostrophe to_csv put before a text that starts like a formula."""
    rows, lines, issues = rawcsv.read_rows(Path(path), PROPOSAL_COLUMNS, name, spreadsheet=True)
    return [{c: restored(v) for c, v in zip(PROPOSAL_COLUMNS, row)} for row in rows], lines, issues


def write(records: list[dict[str, str]], path: Path) -> None:
    atomic.write_bytes(Path(path), to_csv(records))
