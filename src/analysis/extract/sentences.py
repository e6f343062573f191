"""A passage split into sentences, and the footnotes a sentence points to.

A sentence ends at . ! or ? before a capital or a digit, but not after an abbreviation ("o.a.", "nr.", "drs.",
an initial "K.H."), and a footnote mark after the full stop ("onderwijssectoren.1 In dit ...") stays with the
sentence it marks. The abbreviations are in vocabulary.toml [sentences].
"""

from __future__ import annotations

import re

from analysis.extract.vocabulary import VOCABULARY

ABBREVIATIONS = set(VOCABULARY.sentences.abbreviations)
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


# A footnote mark: digits glued to the end of a word ("gerealiseerd5") or after its punctuation ("sectoren.1").
NOTE_MARK = re.compile(r"(?<=[^\W\d])(\d{1,2})(?=[.,;:)]?(?:\s|$))|(?<=[.,;:])(\d{1,2})(?=\s|$)")


def note_marks(sentence: str) -> list[str]:
    """The numbers of the footnotes a sentence points to."""
    return [a or b for a, b in NOTE_MARK.findall(sentence)]
