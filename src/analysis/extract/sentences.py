"""A passage split into sentences, and the numbers and years in a sentence, as Dutch writes them.

A sentence ends at . ! or ? before a capital or a digit, but not after an abbreviation ("o.a.", "nr.", "drs.",
an initial "K.H."), and a footnote mark after the full stop ("onderwijssectoren.1 In dit ...") stays with the
sentence it marks. Numbers: 5.500 (a dot between thousands), 61,3 (a decimal comma), 2,35%, "61,3 procent".
A number glued to a word ("gerealiseerd5", a footnote mark) or to a slash or dash ("2018/19", "2021-2022") is
no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "o.a", "nr", "nrs", "drs", "dr", "mr", "ir", "ing", "prof", "bijv", "bv", "e.d", "enz", "jl", "t.o.v", "m.b.t",
    "i.v.m", "ca", "incl", "excl", "resp", "zgn", "d.w.z", "m.n", "blz", "p", "pag", "art", "vs", "e.a", "mln", "mld",
}  # fmt: skip
_END = re.compile(r"[.!?](?:\d{1,2})?[\"'’”)]*(?=\s+[\"'‘“(]?[A-Z0-9À-Ý])")


def split(text: str) -> list[tuple[int, int]]:
    """The sentences of a passage, as (start, end) offsets into its text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _END.finditer(text):
        if text[found.start()] == ".":
            word = re.search(r"(\S+)$", text[start : found.start()])
            before = word.group(1).lower() if word else ""
            if before.rstrip(".") in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", before):
                continue
        end = found.end()
        spans.append((start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# A number as Dutch writes it. Not glued to a letter, a slash, a dash or a full stop before it, nor to a letter,
# a slash or a digit after it.
NUMBER = re.compile(r"(?<![\w./\-–])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w/–]|-\d|,\d|\.\d)")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    written: str  # as the document writes it: "5.500", "61,3"
    value: str  # as the raw data stores it: "5500", "61.3"

    @property
    def whole(self) -> bool:
        return "," not in self.written


def numbers(sentence: str) -> list[Number]:
    found = []
    for m in NUMBER.finditer(sentence):
        whole, decimals = m.group(1), m.group(2)
        value = whole.replace(".", "").lstrip("0") or "0"
        if decimals:
            value = f"{value}.{decimals}"
        found.append(Number(m.start(), m.end(), m.group(0), value))
    return found


# A footnote mark: digits glued to the end of a word ("gerealiseerd5") or after its punctuation ("sectoren.1").
NOTE_MARK = re.compile(r"(?<=[^\W\d])(\d{1,2})(?=[.,;:)]?(?:\s|$))|(?<=[.,;:])(\d{1,2})(?=\s|$)")


def note_marks(sentence: str) -> list[str]:
    """The numbers of the footnotes a sentence points to."""
    return [a or b for a, b in NOTE_MARK.findall(sentence)]


def is_year(number: Number) -> bool:
    return number.whole and len(number.written) == 4 and 2000 <= int(number.value) <= 2099
