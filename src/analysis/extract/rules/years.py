"""Stage 2: each value's year, by the first of these rules that gives one.

- year.written_after: a year written right after the value ("59% in 2019", "659 banen gerealiseerd in 2020").
- year.paired_in_order: a list of years and a list of values of the same length ("voor de jaren 2019, 2020 en
  2021 achtereenvolgens ... 297, 413 en 663 banen"); with a check unless the sentence says "achtereenvolgens".
- year.between_nearer: a year between two values goes to the nearer one.
- year.of_target: a count reached without a year of its own, in a sentence whose yearly targets alone are given one
  year ("Met 74.031 extra banen hebben marktwerkgevers het streven van 80.000 extra banen in 2023 niet gehaald"): that
  year, as the count is measured against that year's target.
- year.of_total: a part of a total split right after it (a colon, semicolon, "waarvan", a bracket), of its measure
  and without a year of its own, is of the year written right after the total ("80.000 extra banen in 2021 is
  opgesplitst in twee aparte doelstellingen: 20.000 voor de overheid en 60.000 voor de markt").
- year.then: a value in a clause that opens with "toen" (then) right after a year and a comma ("ten opzichte van eind
  2020, toen er 12.000 banen waren"): that year, though it is one a figure is compared with; the clause speaks of it.
- year.only_in_sentence: the one year of the sentence that no other value holds (several: the nearest, with a
  check). "ten opzichte van 2019" is a comparison, "net als in 2021" a likening (years.likened: also "net als
  vorig jaar", which then dates nothing), "17 december 2019" a date and 2012 the baseline: no figure's year.
- year.dated: a figure that the sentence dates ("Op 1 oktober 2015 ... 63,09 banen", "... terwijl dit er 155
  hadden moeten zijn"), whatever its measure: the date's year (1 januari: the year before it ends); the period
  is then the year-end's or provisional (propose). Not a date the sentence counts from ("sinds 1 januari 2015",
  the baseline's "1 januari 2013").
- year.table_headings: the one year a table cell's headings name.
- year.sentence_before: the one year of the nearest earlier sentence of the paragraph (further back: a check); for
  a figure that needs no year (a quota percentage), only that of the sentence right before.
- year.now: "op dit moment", "momenteel", and "inmiddels" in a sentence that writes no year (now_said): the
  document's year, with a check; never a year of another sentence.
- year.relative_to_document: "vorig jaar", "dit jaar", "eind vorig jaar" counted from the document's date.
- year.earlier_in_document: the one year of the nearest earlier sentence of the document, with a check (a
  story goes on about the year it opened with).
- year.document_title: the one year the document's title names, with a check.

A count or a percentage reached (measures `observed`) takes from an earlier sentence no year that sentence gave
only an end goal, as its due year, but the year it counts from the document's date ("vorig jaar") or its own
date, as for a sentence that writes no year (not_due; by the rules above, with their names).

An end goal (goal_jobs) takes only a year of its own sentence, and none before the earliest due year of the
end goals (vocabulary [end_goals]): "in het sociaal akkoord van 2013 ... 125.000" gives no due year.
- year.change_from: of a change from one value to the next ("gestegen van 80% naar 85%") that the sentence or its
  context gives one year (2024), the first is the level of the year before (2023), with a check.

- year.due_start_of_year: a goal due at a year's start ("begin 2026") is due at the end of the year before (2025),
  as one due "1 januari 2026" is.
- year.due_before_start: a goal due "vóór 2026" (the accent: before, not for) or "vóór het jaar 2024" is due before
  that year begins, at the end of the year before (2025, 2023), with a check: some sources write it for "by 2026"
  (vocabulary [years] due_before_start). So is a sector's goal read from such a deadline (own_due).
- year.due_before: a goal due "voor 2025" is due in the year written, with a check: readers take it both as by the
  end of 2025 and as by the end of 2024 (vocabulary [years] due_before).
- year.due_of_whole: an end goal whose sentence gives no due year, right after the end goal of the whole that holds
  it ("125.000 extra banen begin 2026. ... verantwoordelijk voor 25.000 van deze banen"): that one's due year,
  with a check.
- year.due_said_after: an end goal whose sentence gives no due year, before a sentence of the paragraph that gives
  no value, one due year and refers back to it ("... 125.000 extra banen realiseren. In 2026 moet dit aantal
  behaald zijn."): that year, with a check.
- year.said_after: a count that needs a year and that none of the rules above dates, or dates only from an earlier
  paragraph or the document's title (said_after_first), before a sentence of the paragraph that gives no value,
  one year of its own and refers back to it ("... in totaal 85.665 extra banen gerealiseerd ... Het aantal banen
  is in 2023 licht gegroeid"; "... met bijna 52.000 banen. Daardoor is toch het totale streefgetal voor 2019
  gehaald"): that year, with a check.
- year.due_in_document: an end goal that none of those gives a due year, after the end goal of the whole that holds
  it earlier in the document ("In 2026 zouden er in de publieke sector 25 duizend banen moeten zijn gerealiseerd"
  above "De universiteiten schiepen ... de helft van de 1886 banen waar ze uiteindelijk op mikken"): that one's due
  year, with a check; not a goal of a sector beside it.
- year.no_due_year: an end goal that none of those gives a due year keeps an empty year (an end goal may be
  undated), with a check, so the analyst leaves it so knowingly.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from typing import NamedTuple

from analysis.dictionary import MEASURES
from analysis.extract.rules import context as context_module
from analysis.extract.rules import measures as measures_module
from analysis.extract.rules import numbers as numbers_module
from analysis.extract.rules.context import DocumentContext
from analysis.extract.rules.numbers import CLAUSE, Number, Value, word_count
from analysis.extract.rules.ruled import CHECKS, NOTHING, Ruled
from analysis.extract.vocabulary import Vocabulary, ends_with, normal

WINDOW = 60  # characters before a year that may say what it is ("ten opzichte van het jaar eind 2019")


def _role(mark: Number, norm: str, vocab: Vocabulary) -> str:
    """A year's role in its sentence: a date, a reference (compared with), or free to be a value's."""
    before = norm[max(0, mark.start - WINDOW) : mark.start]  # the words right before it, not the whole sentence
    if re.search(rf"(?:{vocab.months.pattern})\s+$", before, re.IGNORECASE):
        return "date"
    if mark.value in vocab.file.years.baseline:
        return "reference"
    quarters = tuple(vocab.periods[q].pattern for q in ("Q1", "Q2", "Q3", "Q4") if q in vocab.periods)
    if _compared(vocab.reference.pattern, quarters).search(before):
        return "reference"
    return "free"


@functools.lru_cache(maxsize=8)
def _compared(reference: str, quarters: tuple[str, ...]) -> re.Pattern:
    """A year right after words of reference, or after those and a year's end or a quarter: "ten opzichte van
    2019", "vergeleken met het jaar 2019", "ten opzichte van het derde kwartaal 2018" (made once per vocabulary)."""
    period = "|".join(("jaar", "eind", *quarters))
    return re.compile(rf"(?:{reference})\s+(?:(?:het\s+)?(?:{period})\s+(?:van\s+)?)?$", re.IGNORECASE)


def _right_after(between: str, vocab: Vocabulary) -> bool:
    """A year written right after a value is that value's: "59% in 2019"; further off, one that opens a relative
    clause after the value's noun ("100.000 banen in de marktsector die in 2026 gerealiseerd moeten zijn"); not after
    "en" or "of", which open a clause of their own ("663 banen en voor 2024 een doelstelling van 713")."""
    if CLAUSE.search(between) or vocab.clause_openers.search(between):
        return False
    words = word_count(between)
    if words > vocab.windows.relative_clause_words:
        return False
    before, relative = _year_openers(vocab.before_own_year.pattern, vocab.relative_clause.pattern)
    return bool((before if words <= vocab.windows.own_year_words else relative).search(between))


@functools.lru_cache(maxsize=8)
def _year_openers(before_own_year: str, relative_clause: str) -> tuple[re.Pattern, re.Pattern]:
    """The words right before a value's own year, and those words after a relative pronoun (made once per
    vocabulary)."""
    return (
        re.compile(rf"(?:{before_own_year})\s+$", re.IGNORECASE),
        re.compile(rf"\b(?:{relative_clause})\s+(?:{before_own_year})\s+$", re.IGNORECASE),
    )


def compared_opening(text: str, vocab: Vocabulary) -> bool:
    """years.compared_opening: whether a passage opens a list (it ends in a colon) by comparing with a period other
    than the baseline ("De netto ontwikkeling in het aantal banen ten opzichte van het derde kwartaal 2018 ziet er
    als volgt uit:"): the list's lines are changes since then, set aside. Not one that counts from the baseline
    ("ten opzichte van de nulmeting (31 december 2012)"): its lines are levels."""
    if not text.rstrip().endswith(":"):
        return False
    norm = normal(text)
    _, marks = numbers_module.read(text, norm, vocab)
    baseline = vocab.file.years.baseline
    return any(m.value not in baseline and _role(m, norm, vocab) == "reference" for m in marks)


def _written_after(values: list[Value], free: list[Number], norm: str, vocab: Vocabulary) -> dict[int, Number]:
    """The year written right after a value, by the value's index: only the nearest value before a year can be
    its owner (one further back has that value's words in between too)."""
    owned: dict[int, Number] = {}
    ends = [v.end for v in values]
    for mark in free:
        i = bisect.bisect_right(ends, mark.start) - 1
        if i >= 0 and i not in owned and _right_after(norm[values[i].end : mark.start], vocab):
            owned[i] = mark
    return owned


def _runs(marks: list[Number], norm: str, vocab: Vocabulary) -> list[list[Number]]:
    runs: list[list[Number]] = []
    listing = rf"\s*(?:,|,?\s+(?:{vocab.list_words.pattern}))\s+"
    for mark in marks:
        if runs and re.fullmatch(listing, norm[runs[-1][-1].end : mark.start], re.IGNORECASE):
            runs[-1].append(mark)
        else:
            runs.append([mark])
    return [r for r in runs if len(r) > 1]


def _paired(values: list[Value], taken: dict, free: list[Number], norm: str, vocab: Vocabulary) -> tuple[dict, list]:
    """A run of listed years paired in order with a group of as many values; and the years so paired."""
    paired: dict[int, Ruled] = {}
    used: list[Number] = []
    check = "" if vocab.respectively.search(norm) else CHECKS["pairing"]
    for run in _runs(free, norm, vocab):
        for _, members in itertools.groupby(range(len(values)), key=lambda i: values[i].group):
            members = list(members)
            if len(members) == len(run) and not any(i in taken or i in paired for i in members):
                paired |= {i: Ruled(m.value, "year.paired_in_order", check) for i, m in zip(members, run)}
                used += run
                break
    return paired, used


def _between(values: list[Value], taken: dict, rest: list[Number], norm: str) -> tuple[dict[int, Ruled], list[Number]]:
    """A year between two values goes to the nearer one, if that one has no year yet."""
    claimed: dict[int, Ruled] = {}
    left_over = []
    ends, starts = [v.end for v in values], [v.number.start for v in values]
    for mark in rest:
        left = bisect.bisect_right(ends, mark.start) - 1  # the last value before the year
        right = bisect.bisect_left(starts, mark.end)  # the first after it
        if left >= 0 and right < len(values):
            to_right = word_count(norm[mark.end : values[right].number.start]) <= word_count(
                norm[values[left].end : mark.start]
            )
            nearer = right if to_right else left
            if nearer not in taken and nearer not in claimed:
                claimed[nearer] = Ruled(mark.value, "year.between_nearer")
                continue
        left_over.append(mark)
    return claimed, left_over


def _in_sentence(value: Value, wide: list[Number]) -> Ruled:
    distinct = sorted({m.value for m in wide})
    if len(distinct) == 1:
        return Ruled(distinct[0], "year.only_in_sentence")
    if distinct:
        nearest = min(wide, key=lambda m: abs(m.start - value.number.start))
        return Ruled(nearest.value, "year.only_in_sentence", CHECKS["years"].format(years=", ".join(distinct)))
    return NOTHING


def then(value: Value, marks: list[Number], norm: str, vocab: Vocabulary) -> Ruled | None:
    """year.then: a value in a clause that opens with "toen" ([years] at_that_time) right after a year and its comma
    is of that year, whatever the year's role in the sentence: "Het aantal banen is gedaald ten opzichte van eind
    2020, toen er 12.000 banen waren" (2020, though a figure is compared with it). Not "toen" without a year right
    before ("In het begin, toen 10 banen ..."), nor a clause of its own that does not open with it."""
    clause = numbers_module.clause_before(norm, value.number.start, vocab)  # windowed: the cost per value stays level
    start = value.number.start - len(clause)
    if not (start and norm[start - 1] == "," and vocab.at_that_time.match(clause.lstrip())):
        return None
    end = len(norm[max(0, start - WINDOW) : start - 1].rstrip()) + max(0, start - WINDOW)  # where the text before ends
    year = next((m for m in marks if m.end == end), None)
    return Ruled(year.value, "year.then", note=f"year {year.value}: the time 'toen' refers to") if year else None


def likened(norm: str, at: int, vocab: Vocabulary) -> bool:
    """years.likened: whether the words right before `at` liken a figure to another time or compare it with one
    ([years] reference): "net als vorig jaar", "ten opzichte van vorig jaar"; what follows dates no figure."""
    before = norm[max(0, at - WINDOW) : at]
    return bool(re.search(rf"(?:{vocab.reference.pattern})\s+$", before, re.IGNORECASE))


def _relative(norm: str, context: DocumentContext, vocab: Vocabulary) -> Ruled:
    said = next((m for m in vocab.relative.finditer(norm) if not likened(norm, m.start(), vocab)), None)
    if not said or context.year is None:
        return NOTHING
    offset = vocab.file.years.relative[re.sub(r"\s+", " ", said.group(0).lower())]
    year = str(context.year + offset)
    check = CHECKS["year_document"].format(year=year, date=context.date_written, words=said.group(0))
    return Ruled(
        year, "year.relative_to_document", check, f"year {year} from '{said.group(0)}' and the document's date"
    )


def _earlier(earlier: list[list[str]]) -> Ruled:
    """The year of the nearest earlier sentence of the paragraph that gives one, if it gives only one; from
    further back than the sentence before, with a check."""
    for distance, years in enumerate(reversed(earlier)):
        if years:
            if len(years) > 1:
                return NOTHING
            check = CHECKS["year_earlier"].format(year=years[0]) if distance else ""
            note = f"year {years[0]} from {'an earlier sentence' if distance else 'the sentence before'}"
            return Ruled(years[0], "year.sentence_before", check, note)
    return NOTHING


def _reading(date: dt.date) -> tuple[str, bool]:
    """The year a count on `date` is of, and whether it is that year's end (1 januari: the year before it)."""
    if (date.month, date.day) == (1, 1):
        return str(date.year - 1), True
    return str(date.year), (date.month, date.day) == (12, 31)


def _dated(date: dt.date, written: str) -> Ruled:
    year, year_end = _reading(date)
    return Ruled(
        year, "year.dated_year_end" if year_end else "year.dated", note=f"year {year} from the date '{written}'"
    )


def _own_date(norm: str, vocab: Vocabulary) -> tuple[dt.date, str] | None:
    """The first date of the sentence that is not one it counts from: the baseline's year-end ("ten opzichte van
    de nulmeting van 1 januari 2013") or one after words of reference ("sinds 1 januari 2015")."""
    for date, written, start in context_module.written_dates(norm, vocab):
        year, year_end = _reading(date)
        before = norm[max(0, start - WINDOW) : start]
        if year_end and int(year) == vocab.file.years.baseline_year_end:
            continue
        if not re.search(rf"(?:{vocab.reference.pattern})\s+$", before, re.IGNORECASE):
            return date, written
    return None


def _earlier_in_document(earlier: list[list[str]]) -> Ruled:
    for years in reversed(earlier):
        if years:
            if len(years) > 1:
                return NOTHING
            return Ruled(
                years[0],
                "year.earlier_in_document",
                CHECKS["year_earlier_paragraph"].format(year=years[0]),
                f"year {years[0]} from an earlier paragraph",
            )
    return NOTHING


def now_said(valued: str, vocab: Vocabulary) -> re.Match | None:
    """The words that make a count one of the day (`valued`: the clauses of the sentence's values): "op dit
    moment", "momenteel" ([years] now); "inmiddels" only where those clauses name no year, in figures or counted
    from the document's date ([years] now_undated: "Inmiddels staat de teller op 21.057 banen", not "Inmiddels
    zijn de cijfers over heel 2020 beschikbaar: ..." nor "Vorig jaar waren er inmiddels 61.615 extra banen")."""
    said = vocab.now.search(valued)
    if said or re.search(r"(?<!\d)20\d\d(?!\d)", valued) or vocab.relative.search(valued):
        return said
    return vocab.now_undated.search(valued)


def _from_context(
    norm: str, valued: str, cell: str, earlier: tuple, context: DocumentContext, vocab: Vocabulary
) -> Ruled:
    """A year from outside the value's own words, for a value the sentence gives none. `valued`: the sentence up
    to the end of its values' clauses (numbers.valued_clauses), where a count of the day is said."""
    if cell:
        in_cell = sorted(set(re.findall(r"(?<!\d)(20\d\d)(?!\d)", cell)))
        return Ruled(in_cell[0], "year.table_headings") if len(in_cell) == 1 else NOTHING
    in_paragraph, in_document = earlier
    said = now_said(valued, vocab)  # in a clause of the values, not one after them (numbers.valued_clauses)
    if said:  # a count of the day: the document's year, or none; never one borrowed from another sentence
        year = str(context.year) if context.year else ""
        check = (
            CHECKS["year_document"].format(year=year, date=context.date_written, words=said.group(0)) if year else ""
        )
        return Ruled(year, "year.now", check) if year else NOTHING
    # "Het quotum over dit jaar": in a paragraph about a year, "dit jaar" is that year; at a story's start it
    # counts from the document's date. "Vorig jaar" is never the paragraph's year: counted from a known date, it
    # comes first
    relative = _relative(norm, context, vocab)
    if relative.text and relative.text != str(context.year):
        return relative
    for found in (_earlier(in_paragraph), relative, _earlier_in_document(in_document)):
        if found.text:
            return found
    if context.title_year:
        year = context.title_year
        return Ruled(
            year,
            "year.document_title",
            CHECKS["year_title"].format(year=year, title=context.title),
            f"year {year} from the document's title",
        )
    return NOTHING


def own_due(found: Ruled, norm: str, vocab: Vocabulary) -> Ruled:
    """An end goal's due year from `found`, the year its own sentence gives it (also one the measures stage reads
    as a sector's end goal after this stage: measure.sector_deadline, "340 banen vóór het jaar 2024"): none before
    the earliest due year (when it was agreed); the year before one whose start it is due at ("begin 2026": the end
    of 2025); the year before one written after "vóór", with a check (year.due_before_start: "vóór 2026" is before
    2026 begins, though some write it for "by 2026"); the year written after "voor", with a check: "voor 2025" is
    read both as by the end of 2025 and as by the end of 2024 (year.due_before). The sentence's words are read once
    (context's readings are cached)."""
    if not found.text or int(found.text) < vocab.file.end_goals.earliest_due:
        return NOTHING
    starts = context_module.years_at_start(norm, vocab)
    before_start = context_module.years_due_before_start(norm, vocab)
    before = context_module.years_due_before(norm, vocab)
    if found.text in starts:
        year = str(int(found.text) - 1)
        return Ruled(year, "year.due_start_of_year", note=f"due year {year}: due at the start of {found.text}")
    if found.text in before_start:
        year = str(int(found.text) - 1)
        words = before_start[found.text]
        check = CHECKS["due_before_start"].format(words=words, year=found.text, before=year)
        return Ruled(year, "year.due_before_start", check, f"due year {year}: due before {found.text} begins")
    if found.text in before:
        check = CHECKS["due_before"].format(year=found.text, before=int(found.text) - 1)
        return Ruled(found.text, "year.due_before", check)
    return found


def due_of_whole(sector: str, goals_before: list[tuple[str, str]], vocab: Vocabulary) -> Ruled:
    """The due year of an end goal of the sentence before (`goals_before`: their sectors and due years) whose
    sector is the whole that holds `sector`: a part of that goal ("25.000 van deze banen")."""
    return _due_of_a_whole(sector, goals_before, vocab, "year.due_of_whole", "due_whole", "in the sentence before")


def due_said_after(after: str, vocab: Vocabulary) -> Ruled:
    """The due year the sentence after an end goal's gives it: one that gives no value and one due year, and
    refers back ("In 2026 moet dit aantal behaald zijn")."""
    due = _one_year_after(after, vocab, lambda m, norm: int(m.value) >= vocab.file.end_goals.earliest_due)
    if not due:
        return NOTHING
    check = CHECKS["due_after"].format(year=due, words=after.strip())
    return Ruled(due, "year.due_said_after", check, f"due year {due} from the sentence after")


def said_after(after: str, vocab: Vocabulary) -> Ruled:
    """The year the sentence after a count gives it, for a count that neither its own sentence nor the paragraph
    before dates: one that gives no value and one year of its own, and refers back to the count ("Sinds 2013
    hebben werkgevers in totaal 85.665 extra banen gerealiseerd ... Het aantal banen is in 2023 licht gegroeid
    ten opzichte van een jaar eerder"): that year, with a check (year.said_after)."""
    year = _one_year_after(after, vocab, lambda m, norm: _role(m, norm, vocab) == "free")
    if not year:
        return NOTHING
    check = CHECKS["year_after"].format(year=year, words=after.strip())
    return Ruled(year, "year.said_after", check, f"year {year} from the sentence after")


# The years of a count taken from further off than the sentence after that refers back to it: an earlier
# paragraph's, the document's title's (each with a check)
FURTHER_OFF = ("year.earlier_in_document", "year.document_title")


def said_after_first(found: Ruled, after: Callable[[], Ruled]) -> Ruled:
    """year.said_after before a year from further off: a count that its sentence and the paragraph before leave
    undated, or date only from an earlier paragraph or the document's title (FURTHER_OFF), takes the year the
    sentence after gives it (`after`: said_after), when that refers back to it ("Het bedrijfsleven heeft de
    doelstelling van 40.000 banen wel gehaald, met bijna 52.000 banen. Daardoor is toch het totale streefgetal voor
    2019 gehaald": 2019, not the year of a paragraph above); else `found`."""
    if found.text and found.rule not in FURTHER_OFF:
        return found
    said = after()
    return said if said.text else found


def _one_year_after(after: str, vocab: Vocabulary, keep) -> str:
    """The one year of the sentence after that `keep(mark, norm)` keeps, where that sentence refers back and gives
    no value of its own; else ""."""
    norm = normal(after)
    if not vocab.refers_back.search(norm):
        return ""
    values, marks = numbers_module.read(after, norm, vocab)
    years = sorted({m.value for m in marks if keep(m, norm)})
    return years[0] if not values and len(years) == 1 else ""


def due_in_document(sector: str, goals: dict[str, str], vocab: Vocabulary) -> Ruled:
    """The due year of the end goal of the whole that holds `sector` the document gave last before (`goals`: each
    sector's end goal's due year, the last the document gave; a few sectors, however long it is), for an end goal
    that neither its own sentence nor those beside it date: "In 2026 zouden er in de publieke sector 25 duizend
    banen moeten zijn gerealiseerd" above "De universiteiten schiepen ... de helft van de 1886 banen waar ze
    uiteindelijk op mikken" (2026), with a check. Not a goal of another sector beside it: the market's "in 2024 100
    duizend" dates no government goal."""
    return _due_of_a_whole(
        sector, list(goals.items()), vocab, "year.due_in_document", "due_document", "earlier in the document"
    )


def whole_due(sector: str, goals: list[tuple[str, str]], vocab: Vocabulary) -> tuple[str, str]:
    """The first of `goals` (sector, due year) whose sector is a whole that holds `sector`: that whole and its due
    year; else two empty strings."""
    for whole, year in goals:
        if year and sector in vocab.file.wholes.get(whole, []):
            return whole, year
    return "", ""


def _due_of_a_whole(sector: str, goals: list[tuple[str, str]], vocab: Vocabulary, rule: str, check: str, where: str):
    """The due year of the first of `goals` (sector, due year) whose sector is a whole that holds `sector`."""
    whole, year = whole_due(sector, goals, vocab)
    if not year:
        return NOTHING
    note = f"due year {year} from the end goal of {whole} {where}"
    return Ruled(year, rule, CHECKS[check].format(year=year, whole=whole), note)


def _changes_from(values: list[Value], out: list[Ruled], norm: str, vocab: Vocabulary) -> list[Ruled]:
    """The first of a change from one value to the next ("van 80% naar 85%"), when both were given one year, is the
    level of the year before: a year of its own would have differed."""
    out = list(out)
    for i, (a, b) in enumerate(itertools.pairwise(values)):
        year = out[i].text
        joined = re.fullmatch(rf"\s*(?:{vocab.change_to.pattern})\s+", norm[a.end : b.number.start], re.IGNORECASE)
        if not (joined and year and out[i + 1].text == year and a.unit == b.unit):
            continue
        if ends_with(vocab.change_from, norm[max(0, a.number.start - WINDOW) : a.number.start]):
            before = str(int(year) - 1)
            words = norm[a.number.start : b.end]
            out[i] = Ruled(
                before,
                "year.change_from",
                CHECKS["year_before"].format(words=words, year=before),
                f"year {before}: the first value of '{words}'",
            )
    return out


def assign(
    values: list[Value],
    marks: list[Number],
    norm: str,
    vocab: Vocabulary,
    context: DocumentContext,
    cell: str,
    earlier: tuple[list[list[str]], list[list[str]]],
    measure_of: list[str],
    counted: tuple[list[list[str]], list[list[str]]],
) -> tuple[list[Ruled], Said]:
    """Each value's year, and the years this sentence gives a later one (written after a value, or free; else the
    one it counts from the document's date, "vorig jaar"), with those it writes free (for not_due).
    `earlier`: the years of each earlier sentence of the paragraph, and of the paragraphs before it; `counted`:
    those they give a count reached (years.not_due).
    `measure_of`: each value's measure (a quota percentage takes no year from outside its sentence but the one
    year of the sentence right before in the paragraph, an end goal only a due year)."""
    dated = [not m or MEASURES[m].year_required for m in measure_of]
    on_date = _own_date(norm, vocab)
    valued = numbers_module.valued_clauses(norm, values)
    from_context = functools.cache(lambda: _from_context(norm, valued, cell, earlier, context, vocab))  # once
    from_counted = functools.cache(lambda: _from_context(norm, valued, cell, counted, context, vocab))
    goals = [m == "goal_jobs" for m in measure_of]
    free = [m for m in marks if _role(m, norm, vocab) == "free"]
    written = _written_after(values, free, norm, vocab)
    owned = {i: Ruled(m.value, "year.written_after") for i, m in written.items()}
    rest = [m for m in free if m not in written.values()]
    paired, used = _paired(values, owned, rest, norm, vocab)
    rest = [m for m in rest if m not in used]
    claimed, wide = _between(values, owned | paired, rest, norm)
    ruled = owned | paired | claimed
    target_year = _target_year(ruled, measure_of)
    ruled = ruled | of_total(values, owned, norm, vocab, measure_of)
    out: list[Ruled] = []
    found_of: list[Ruled] = []  # each end goal's year as found, before it is read as a due year
    for i, value in enumerate(values):
        found = ruled.get(i) or then(value, marks, norm, vocab) or _in_sentence(value, wide)
        if not found.text and measure_of[i] == "realised_jobs" and target_year:
            found = Ruled(
                target_year, "year.of_target", note=f"year {target_year}: that of the target it is measured against"
            )
        # a date of the sentence dates each of its figures that needs a year, whatever its measure: a target
        # "op 1 oktober 2015" is the one of that day, never a year of another sentence
        if not found.text and on_date and dated[i]:
            found = _dated(*on_date)
        if goals[i]:
            out.append(own_due(found, norm, vocab))
            found_of.append(found)
            continue
        if not found.text and not dated[i]:  # a standing figure: only the year of the sentence right before
            found = _right_before(earlier[0]) if not cell else NOTHING
        observed = measure_of[i] and MEASURES[measure_of[i]].observed
        out.append(found if found.text or not dated[i] else (from_counted if observed else from_context)())
    due = {r.text for r in found_of} - {r.text for r, goal in zip(out, goals) if not goal}
    return _changes_from(values, out, norm, vocab), Said(_said(free, on_date, norm, cell, context, vocab), free, due)


class Said(NamedTuple):
    """The years a sentence gives a later one (_said), and those it writes free (for not_due)."""

    years: list[str]
    free: list[Number]
    due: set[str]  # the years it gives only end goals, before they are read as due years


def not_due(said: Said, due: set[str], norm: str, cell: str, context: DocumentContext, vocab: Vocabulary) -> list[str]:
    """years.not_due: the years a sentence gives a later count reached (a count or a percentage reached: measures
    `observed`): not one it gives only as the due year of an end goal (`due`: the years its end goals were given that
    no other value of it holds), which is when the goal is due, not when anything was counted ("De hogescholen
    realiseerden vorig jaar een derde van de 953 plaatsen die er in 2026 moeten komen. Bij de umc is dertig procent
    van de nagestreefde 2264 plekken behaald": 2026 dates the 953 only; the percentage is of "vorig jaar"). In its
    place, the year of the sentence's own date or the one it counts from the document's date, as for a sentence
    that writes none."""
    if not due or not any(m.value in due for m in said.free):
        return said.years
    kept = [m for m in said.free if m.value not in due]
    return _said(kept, _own_date(norm, vocab), norm, cell, context, vocab)


def of_total(
    values: list[Value], owned: dict[int, Ruled], norm: str, vocab: Vocabulary, measure_of: list[str]
) -> dict[int, Ruled]:
    """year.of_total: the parts a total is split into right after it (a colon, semicolon, "waarvan" or a bracket
    right before the first: measures.opens_parts; each part listed after the one before), of the total's measure and
    without a year of their own, are of the year written right after the total ("De algemene doelstelling van 80.000
    extra banen in 2021 is opgesplitst in twee aparte doelstellingen: 20.000 voor de overheid en 60.000 voor de
    markt"). Not an end goal's parts: their due year is the goal rules'."""
    out: dict[int, Ruled] = {}
    total, last = None, None  # the total, by index, and its last part
    for j, value in enumerate(values):
        if j in owned:
            total, last = (j, j) if measure_of[j] not in ("", "goal_jobs") else (None, None)
            continue
        if total is None or measure_of[j] != measure_of[total] or value.unit != values[total].unit:
            continue
        between = norm[values[last].end : value.number.start]
        opened = last == total and measures_module.opens_parts(between, vocab)
        listed = last != total and not re.search(r"[:;]", between)
        if (opened or listed) and word_count(between) <= vocab.windows.split_words:
            year = owned[total].text
            out[j] = Ruled(year, "year.of_total", note=f"year {year}: that of the total it is a part of")
            last = j
    return out


def _right_before(in_paragraph: list[list[str]]) -> Ruled:
    """year.sentence_before for a figure that needs no year (a quota percentage): only the one year of the sentence
    right before in the paragraph ("In 2024 realiseerden de hogescholen samen 36,3% ... Met 605 participatiebanen
    blijft het aandeel van 1,0% echter onder de norm van 2,76%"), never one from further back."""
    if in_paragraph and len(in_paragraph[-1]) == 1:
        return Ruled(in_paragraph[-1][0], "year.sentence_before", note="year from the sentence before")
    return NOTHING


def _target_year(ruled: dict[int, Ruled], measure_of: list[str]) -> str:
    """The year of the sentence's yearly targets, when they are given one year and no other value has one of its
    own: a count reached measured against it is of that year ("Met 74.031 extra banen hebben marktwerkgevers het
    streven van 80.000 extra banen in 2023 niet gehaald")."""
    years = {r.text for r in ruled.values()}
    targets = [i for i, r in ruled.items() if measure_of[i] == "target_jobs"]
    return next(iter(years)) if targets and len(years) == 1 and len(targets) == len(ruled) else ""


def _said(free: list[Number], on_date, norm: str, cell: str, context: DocumentContext, vocab: Vocabulary) -> list[str]:
    """The years a sentence gives a later one: those it writes free; else the year of its own date ("Op 31 december
    2020 waren er ..."); else the one it counts from the document's date ("De overheid is er vorig jaar ... niet in
    geslaagd")."""
    own = sorted({m.value for m in free})
    if own or cell:
        return own
    if on_date:
        return [_reading(on_date[0])[0]]
    relative = _relative(norm, context, vocab)
    return [relative.text] if relative.text else []
