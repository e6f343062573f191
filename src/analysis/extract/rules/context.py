"""Stage 0: what the document says of itself. Its publication date (given on the command line, in an HTML page's
metadata, a PDF's, or a date line near its top such as "3 juli 2025 | Redactie" or "Gepubliceerd op
03-07-2025") and the one year its title names ("Voortgang banenafspraak over 2024"). Both are sources of a
figure's year when its sentence gives none; a proposal that takes its year from them says so in `check`."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

from analysis.extract.documents import Document
from analysis.extract.vocabulary import Vocabulary

# How far into the document a date line may stand: its first passages
DATE_LINE_PASSAGES = 4
# A month without a day, as a date line near the top writes it ("date 2022-07"): the year it gives is the
# document's, a day is not guessed
MONTH_DATE = re.compile(r"(20\d\d)-(0[1-9]|1[0-2])")
NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](20\d\d)(?!\d)|(?<!\d)(20\d\d)-(\d{2})-(\d{2})(?!\d)")


@dataclass(frozen=True)
class DocumentContext:
    date: dt.date | None = None
    date_written: str = ""  # as the document (or the analyst) gave it
    title: str = ""
    title_year: str = ""  # the one year the title names, if it names one
    quarter: tuple[str, str] | None = None  # the one quarter the document reports on ("Q2", "2023"), if one
    quarter_written: str = ""

    @property
    def year(self) -> int | None:
        """The year the document was published in: its date's, or that of a month it shows without a day
        ("date 2022-07" above a news item: date_written "2022-07", date None)."""
        if self.date is not None:
            return self.date.year
        month = MONTH_DATE.fullmatch(self.date_written)
        return int(month.group(1)) if month else None


def _worded(hit: re.Match, vocab: Vocabulary) -> dt.date | None:
    day, month, year = hit.groups()
    try:
        return dt.date(int(year), vocab.file.years.months.index(month.lower()) + 1, int(day))
    except ValueError:  # "31 februari 2020": no date
        return None


def _numeric(hit: re.Match) -> dt.date | None:
    d, m, y, iy, im, iday = hit.groups()
    try:
        return dt.date(int(y), int(m), int(d)) if y else dt.date(int(iy), int(im), int(iday))
    except ValueError:
        return None


def _worded_pattern(vocab: Vocabulary) -> str:
    return rf"(?<!\d)(\d{{1,2}})\s+({vocab.months.pattern})\s+(20\d\d)(?!\d)"


def written_date(text: str, vocab: Vocabulary) -> tuple[dt.date, str] | None:
    """The first date `text` writes ("1 oktober 2015", "31-12-2020", "2025-07-03"), with how it is written; one
    written in words before one in figures."""
    worded = re.search(_worded_pattern(vocab), text, re.IGNORECASE)
    if worded:
        found = _worded(worded, vocab)
        return (found, worded.group(0)) if found else None
    numeric = NUMERIC_DATE.search(text)
    if numeric:
        found = _numeric(numeric)
        return (found, numeric.group(0)) if found else None
    return None


def years_at_start(norm: str, vocab: Vocabulary) -> frozenset[str]:
    """The years the sentence writes right after words for a year's start ("begin 2026", "per begin 2026"): a
    goal due then is due at the end of the year before. Read once per sentence."""
    return _years_after(norm, vocab.start_of_year.pattern)


def _years_after(norm: str, words: str) -> frozenset[str]:
    """The years the sentence writes right after one of `words` (a pattern)."""
    return frozenset(year for year, _ in _years_with_words(norm, words))


def years_due_before(norm: str, vocab: Vocabulary) -> frozenset[str]:
    """The years the sentence writes right after "voor" or "vóór" ("voor 2025"): as an end goal's due year, by the
    end of that year or of the year before. Read once per sentence."""
    return _years_after(norm, vocab.due_before.pattern)


def years_due_before_start(norm: str, vocab: Vocabulary) -> dict[str, str]:
    """The years the sentence writes right after "vóór" ("vóór 2026", "vóór het jaar 2024"), with their words: as
    a goal's due year, before that year begins. Read once per sentence."""
    return dict(_years_with_words(norm, vocab.due_before_start.pattern))


@functools.lru_cache(maxsize=64)
def _years_with_words(norm: str, words: str) -> tuple[tuple[str, str], ...]:
    """The years the sentence writes right after one of `words` (a pattern): each year, and how it is written with
    its words ("vóór het jaar 2024")."""
    return tuple((h.group(1), h.group(0)) for h in re.finditer(rf"(?:{words})\s+(20\d\d)(?!\d)", norm, re.IGNORECASE))


def due_by(norm: str, vocab: Vocabulary) -> dict[str, str]:
    """The years the sentence sets a deadline in, with its words: a year after words that say "by" ("uiterlijk in
    2023", "voor eind 2024", "vóór 2024"), or a date after them ("voor 1 januari 2024": by the end of 2023, as a
    count on 1 januari is of the year before). Not "voor 2024" (for that year). Read once per sentence."""
    return dict(_due_by(norm, vocab.deadline.pattern, vocab.deadline_date.pattern, _worded_pattern(vocab)))


@functools.lru_cache(maxsize=64)
def _due_by(norm: str, words: str, date_words: str, worded: str) -> tuple[tuple[str, str], ...]:
    found = list(_years_with_words(norm, words))
    for hit in re.finditer(rf"(?:{date_words})\s+{worded}", norm, re.IGNORECASE):
        day, month, year = hit.group(1, 2, 3)  # the date's: the words before it are no group
        first_of_year = int(day) == 1 and month.lower() == "januari"  # "voor 1 januari 2024": by the end of 2023
        found.append((str(int(year) - 1) if first_of_year else year, hit.group(0)))
    return tuple(found)


def written_dates(text: str, vocab: Vocabulary) -> list[tuple[dt.date, str, int]]:
    """Every date `text` writes, in figures or in words, in order: the date, how it is written, where it starts."""
    worded = [(_worded(h, vocab), h) for h in re.finditer(_worded_pattern(vocab), text, re.IGNORECASE)]
    numeric = [(_numeric(h), h) for h in NUMERIC_DATE.finditer(text)]
    return sorted(((d, h.group(0), h.start()) for d, h in worded + numeric if d), key=lambda found: found[2])


def compared_before(text: str, at: int, vocab: Vocabulary) -> bool:
    """Whether the words right before position `at` (a period's name) make it what something is compared with ("ten
    opzichte van het eerste kwartaal"; [years] reference), not the period the text speaks of."""
    before = text[max(0, at - vocab.windows.words_before) : at]
    return bool(re.search(rf"(?:{vocab.reference.pattern})\s+(?:het\s+|de\s+)?$", before, re.IGNORECASE))


def _quarter(document: Document, vocab: Vocabulary) -> tuple[tuple[str, str] | None, str]:
    """The quarter of a year the document reports on ("in het tweede kwartaal van 2023"): the one it names, or
    names more than twice as often as any other; not counting one it compares with ("ten opzichte van het eerste
    kwartaal van 2023")."""
    found: dict[tuple[str, str], str] = {}
    counts: Counter = Counter()
    for passage in document.passages:
        text = passage.text.replace("’", "'")
        for name in ("Q1", "Q2", "Q3", "Q4"):
            words = vocab.periods.get(name)
            for hit in words.finditer(text) if words else ():
                year = re.match(r"\s+(?:van\s+)?(20\d\d)(?!\d)", text[hit.end() :])
                if year and not compared_before(text, hit.start(), vocab):
                    found.setdefault((name, year.group(1)), text[hit.start() : hit.end() + year.end()])
                    counts[name, year.group(1)] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None, ""
    return ranked[0][0], found[ranked[0][0]]


def _date(document: Document, vocab: Vocabulary, given: dt.date | None) -> tuple[dt.date | None, str]:
    """The analyst's date; else a web page's own (its metadata); else a date line near the top; else a PDF's
    creation date (the last: a PDF may have been made long after, by whoever saved it); else a month a date line
    near the top writes without a day ("date 2022-07"), which gives the year only."""
    if given is not None:
        return given, given.isoformat()
    metadata = [document.published] if document.published else []
    first = [document.title[:80]] + [p.text[:80] for p in document.passages[:DATE_LINE_PASSAGES]]
    ordered = first + metadata if document.kind == "pdf" else metadata + first
    for text in ordered:
        found = written_date(text, vocab)
        if found:
            return found
    for text in first:  # a month without a day ("date 2022-07"): the document's year, no date
        month = re.search(rf"(?<![\d-]){MONTH_DATE.pattern}(?![\d-])", text)
        if month:
            return None, month.group(0)
    return None, ""


def of(document: Document, vocab: Vocabulary, given: dt.date | None = None) -> DocumentContext:
    """The document's context: `given` (the analyst's --published) wins over a date the document shows."""
    title = document.title or ""
    undated = NUMERIC_DATE.sub(
        " ", re.sub(rf"\d{{1,2}}\s+(?:{vocab.months.pattern})\s+20\d\d|20\d\d-\d\d", " ", title, flags=re.IGNORECASE)
    )
    years = sorted(set(re.findall(r"(?<!\d)(20\d\d)(?!\d)", undated)))  # a date in the title is no year it is about
    date, written = _date(document, vocab, given)
    quarter, quarter_written = _quarter(document, vocab)
    return DocumentContext(date, written, title, years[0] if len(years) == 1 else "", quarter, quarter_written)
