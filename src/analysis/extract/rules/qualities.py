"""Stage 5: what else a figure's words say of it: its qualifier ("ruim 49", "minder dan 800"), its period (a
quarter, a provisional count) and its basis (what it is counted against)."""

from __future__ import annotations

from analysis import dictionary
from analysis.extract.rules import context, years
from analysis.extract.rules.numbers import Value
from analysis.extract.rules.ruled import Ruled
from analysis.extract.vocabulary import Vocabulary

# How a sector's figures are counted when the sentence names no basis (sectors.csv unit -> basis).
UNIT_BASIS = {"sector_jobs": "sector_count", "national_extra_jobs": "national_extra_jobs"}


def qualifier(norm: str, value: Value, vocab: Vocabulary) -> Ruled:
    """qualifier.words_before: a qualifier's words right before the number (within a few characters)."""
    before = norm[max(0, value.number.start - vocab.windows.qualifier_before) : value.number.start]
    for name, words in vocab.qualifiers.items():
        last = None
        for last in words.finditer(before):
            pass
        if last is not None and not before[last.end() :].strip():
            return Ruled(name, "qualifier.words_before")
    return Ruled("", "qualifier.none")


def period(norm: str, vocab: Vocabulary) -> Ruled:
    """period.named: a quarter or a provisional count the sentence names, not as what it compares with
    ("ten opzichte van het eerste kwartaal"), or "inmiddels" where it writes no year (years.now_said: a count of
    the day, provisional); else the year."""
    named = "provisional" if years.now_said(norm, vocab) else ""
    for name, words in vocab.periods.items():
        for hit in words.finditer(norm):
            if not context.compared_before(norm, hit.start(), vocab):
                named = name
    return Ruled(named, "period.named") if named else Ruled(dictionary.ANNUAL, "period.year")


def bases_named(norm: str, vocab: Vocabulary) -> list[str]:
    """The bases a sentence names, in the vocabulary's order (read once per sentence)."""
    return [name for name, words in vocab.bases.items() if words.search(norm)]


def basis(named: list[str], value: Value, measure: str, sector: str, vocab: Vocabulary) -> Ruled:
    """basis.named: named in the sentence (`named`: bases_named; "extra banen", "wettelijke meting");
    basis.sector_unit: the sector's own (data/raw/sectors.csv unit)."""
    if measure and not dictionary.MEASURES[measure].has_basis:
        return Ruled("", "basis.none")
    for name in named:
        if name not in dictionary.SHARE_BASES or value.unit == "percent":
            return Ruled(name, "basis.named")
    return Ruled(UNIT_BASIS.get(vocab.sector_units.get(sector, ""), ""), "basis.sector_unit")
