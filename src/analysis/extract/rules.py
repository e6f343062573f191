"""From a document's sentences to proposed figure rows: which numbers are figures of the agreement, and for each
its sector, year, period, measure, qualifier, scope and basis, read from the words around it. Nothing is
computed, rounded or filled in: a value is a number as the sentence writes it, and where the words do not say
something for certain, the proposal says what to check.

A figure is a number of jobs ("5.500 banen", "297, 413 en 663 banen"), of employers, or a percentage; a bare
number counts as jobs where it is a part of a number of jobs in the same sentence ("waarvan 346 in eigen
dienst"). Every other number (a date, a page, a Kamerstuk number, "15 proeftuinen") is left alone.

Year: one written right after the value ("59% in 2019"), else one in the sentence that no other value holds
(a year between two values goes to the nearer one; "ten opzichte van 2019" is a comparison, no figure's year),
else the one year of the sentence before in the same paragraph ("Het quotum over dit jaar ..."); never more.
Lists pair in order: "voor de jaren 2019, 2020 en 2021 achtereenvolgens ... 297, 413 en 663 banen".

Measure: the measure words nearest to the value, in its own stretch of the sentence (up to the next value or
a comma, colon or semicolon); words after it weigh a little more, and a part ("in eigen dienst", "via SROI")
after it wins over the whole ("gerealiseerd"). A value without words of its own takes those of the value it
is listed or compared with ("65% tegenover 59%").

Sector: named in the sentence (nearest before the value, else after), else in the heading path, else earlier
in the paragraph (with a check). Basis: named in the sentence ("extra banen", "wettelijke meting"), else the
sector's own (data/raw/sectors.csv unit: a sector's own count, or the national measurement).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from analysis import dictionary
from analysis.dictionary import FIGURE_COLUMNS
from analysis.extract import sentences
from analysis.extract.documents import Document, Passage
from analysis.extract.vocabulary import Vocabulary, normal

# The parts of realised_jobs: after a value, their words outweigh the whole's ("596 banen zijn gerealiseerd in
# eigen dienst" is the own part).
PARTS = ("realised_own", "realised_sroi")
# A unit that is its own measure: a number of employers is the measure employers, whatever the words around it.
UNIT_MEASURE = {"employers": "employers"}
CLAUSE = re.compile(r"[,;:]")
SCOPE = re.compile(r"\b(\d+) van de (\d+) ([\w'’-]+)")
NATIONAL_TOTAL = dictionary.EXTRACT_WORDS["national"]["total"]
# How a sector's figures are counted when the sentence names no basis (sectors.csv unit -> basis).
UNIT_BASIS = {"sector_jobs": "sector_count", "national_extra_jobs": "national_extra_jobs"}

CHECKS = {
    "no_year": "year not stated in the sentence or the one before it",
    "year_earlier": "year taken from an earlier sentence of the paragraph ({year})",
    "years": "several years in the sentence ({years}): which one is this figure's?",
    "pairing": "years and values paired in order, but the sentence does not say 'achtereenvolgens' or 'respectievelijk'",
    "no_measure": "measure not stated: realised, target or goal?",
    "same": "two figures in one sentence read as {measure}: which is it?",
    "no_sector": "sector not stated in the sentence, its heading or its paragraph",
    "sectors": "several sectors in the sentence ({sectors}): which one?",
    "sector_before": "sector taken from an earlier sentence of the paragraph ({sector})",
    "national": "sector not stated: extra jobs since the baseline, so all employers ({sector})?",
    "scope": "part of the sector? ({scope})",
    "again": "the same figure is proposed from {locator} too: keep one",
    "differ": "this document gives other values for the same figure ({values}): which one?",
}


@dataclass
class Proposal:
    row: dict[str, str]
    checks: list[str] = field(default_factory=list)

    def record(self) -> dict[str, str]:
        return {**self.row, "check": "; ".join(dict.fromkeys(self.checks))}


@dataclass
class Value:
    number: sentences.Number
    unit: str  # jobs, employers or percent
    end: int  # where its unit ends (after "%" or "banen")
    group: int  # values listed together ("297, 413 en 663") share a group
    measure: str = ""
    year: str = ""
    right: int = 0  # where its stretch of the sentence ends (the next value, or a comma, colon or semicolon)
    checks: list[str] = field(default_factory=list)


def propose(document: Document, vocab: Vocabulary, source_id: str) -> list[Proposal]:
    """Every proposal of the document, in its order, with the checks across proposals added."""
    found: list[Proposal] = []
    for passage in document.passages:
        found.extend(_passage(passage, document, vocab, source_id))
    _across(found)
    return found


def _passage(passage: Passage, document: Document, vocab: Vocabulary, source_id: str) -> list[Proposal]:
    text = passage.text
    spans = sentences.split(text) if not passage.context else [(0, len(text))]
    out: list[Proposal] = []
    earlier_years: list[list[str]] = []  # the years of each sentence before, in this paragraph
    sectors_before: list[str] = []  # sectors named earlier in this paragraph
    for start, end in spans:
        sentence = text[start:end]
        context = passage.context
        values, years, period = _read(sentence, vocab, _unit_named(normal(context), vocab) if context else "")
        notes = [document.footnotes[n] for n in sentences.note_marks(sentence) if n in document.footnotes]
        for value in values:
            out.append(
                _proposal(value, sentence, context, notes, passage, vocab, source_id, earlier_years, sectors_before)
            )
            if period:
                out[-1].row["period"] = period
        earlier_years.append(sorted({y for y, role in years if role in ("free", "own")}))
        sectors_before += [s for _, s in _sectors_named(sentence, vocab)]
    return out


# ---------------------------------------------------------------- values and years in a sentence


def _unit_after(norm: str, number: sentences.Number, vocab: Vocabulary) -> tuple[str, int] | None:
    rest = norm[number.end :]
    percent = re.match(r"\s?(%|procent\b)", rest)
    if percent:
        return "percent", number.end + percent.end()
    following = re.match(r"(?:\s+(?!\d)[\w'-]+){1,3}", rest)  # up to three words, no number among them
    if following:
        for unit in ("jobs", "employers"):
            hit = vocab.units[unit].search(following.group(0))
            if hit:
                return unit, number.end + hit.end()
    return None


def _unit_named(context: str, vocab: Vocabulary) -> str:
    """The unit a table cell's headings name ("Gerealiseerde banen", "Realisatie (%)"), if one."""
    named = [unit for unit, words in vocab.units.items() if words.search(context)]
    return named[0] if len(named) == 1 else ""


def _read(sentence: str, vocab: Vocabulary, cell_unit: str = "") -> tuple[list[Value], list[tuple[str, str]], str]:
    """The sentence's values (with their year where the sentence gives it), its years with their role (own:
    written right after a value; free; reference; date), and the period it speaks of (a quarter, provisional). `cell_unit`: the unit a
    table cell's headings give its bare number."""
    norm = normal(sentence)
    found = sentences.numbers(sentence)
    values: list[Value] = []
    year_marks: list[sentences.Number] = []
    for number in found:
        unit = _unit_after(norm, number, vocab)
        if sentences.is_year(number) and not (unit and vocab.units[unit[0]].match(norm[number.end :].lstrip())):
            year_marks.append(number)
        elif unit and unit[0] in ("jobs", "employers", "percent"):
            values.append(Value(number, unit[0], unit[1], group=len(values)))
        elif not re.match(rf"\s+(?:{vocab.months.pattern})", norm[number.end :], re.IGNORECASE):
            values.append(Value(number, "", number.end, group=len(values)))  # a unit may come from its list
    for value in values:
        value.unit = value.unit or cell_unit
    values = _units_from_lists(values, norm, vocab)
    named_period = ""
    for period, words in vocab.periods.items():
        if words.search(norm):
            named_period = period
    years = _years(values, year_marks, norm, vocab)
    _measures(values, norm, vocab)
    return values, years, named_period


def _listed(norm: str, a: int, b: int) -> bool:
    """Whether the text between two numbers only lists them: ", ", " en ", " of ", with a % or unit."""
    return bool(re.fullmatch(r"\s*(?:%|procent)?\s*(?:,|,?\s+en|,?\s+of|\s+tot)\s+(?:\w+\s+)?", norm[a:b]))


def _units_from_lists(values: list[Value], norm: str, vocab: Vocabulary) -> list[Value]:
    """Values listed together share a group and the unit written after the last ("297, 413 en 663 banen"); a bare
    value followed by a part's words is jobs where the sentence counts jobs ("waarvan 346 in eigen dienst")."""
    for left, right in itertools.pairwise(values):
        if _listed(norm, left.number.end, right.number.start) and (not left.unit or left.unit == right.unit):
            right.group = left.group
    for group in {v.group for v in values}:
        members = [v for v in values if v.group == group]
        unit = next((v.unit for v in reversed(members) if v.unit), "")
        for v in members:
            v.unit = v.unit or unit
    counts_jobs = any(v.unit == "jobs" for v in values)
    for v in values:
        if not v.unit and counts_jobs:
            after = norm[v.number.end : v.number.end + 30]
            if any(vocab.measures[p].match(after.lstrip()) for p in PARTS):
                v.unit = "jobs"
    return [v for v in values if v.unit]


def _years(values: list[Value], marks: list[sentences.Number], norm: str, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Give each value the year the sentence gives it; return the sentence's years with their role."""
    roles: list[tuple[str, str]] = []
    free: list[sentences.Number] = []
    for mark in marks:
        before = norm[: mark.start]
        if re.search(rf"(?:{vocab.months.pattern})\s+$", before, re.IGNORECASE):
            roles.append((mark.value, "date"))
            continue
        if re.search(rf"(?:{vocab.reference.pattern})\s+(?:(?:het\s+)?(?:jaar|eind)\s+)?$", before, re.IGNORECASE):
            roles.append((mark.value, "reference"))
            continue
        owner = next(
            (v for v in reversed(values) if v.end <= mark.start and _right_after(norm[v.end : mark.start])),
            None,
        )
        if owner is not None and not owner.year:
            owner.year = mark.value
            roles.append((mark.value, "own"))
            continue
        free.append(mark)
        roles.append((mark.value, "free"))
    paired = _pairs(values, free, norm, vocab)
    rest = [m for m in free if m not in paired]
    claimed = []  # the years between two values, given to the nearer one
    for mark in rest:
        earlier = [v for v in values if v.end <= mark.start]
        later = [v for v in values if v.number.start >= mark.end]
        if earlier and later:  # between two values: it belongs to the nearer one
            left, right = earlier[-1], later[0]
            nearer = (
                right if _words(norm[mark.end : right.number.start]) <= _words(norm[left.end : mark.start]) else left
            )
            if not nearer.year:
                nearer.year = mark.value
                claimed.append(mark)
    wide = [m for m in rest if m not in claimed]
    for v in values:
        if v.year:
            continue
        distinct = sorted({m.value for m in wide})
        if len(distinct) == 1:
            v.year = distinct[0]
        elif len(distinct) > 1:
            nearest = min(wide, key=lambda m: abs(m.start - v.number.start))
            v.year = nearest.value
            v.checks.append(CHECKS["years"].format(years=", ".join(distinct)))
    return roles


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _right_after(between: str) -> bool:
    """A year written right after a value is that value's: "59% in 2019", "659 banen gerealiseerd in 2020"; not
    after "en" or "of", which open a clause of their own ("663 banen en voor 2024 een doelstelling van 713")."""
    return (
        not CLAUSE.search(between)
        and not re.search(r"\b(?:en|of)\b", between, re.IGNORECASE)
        and _words(between) <= 4
        and bool(re.search(r"\b(?:in|voor|over|eind|per|ultimo|jaar)\s+$", between, re.IGNORECASE))
    )


def _pairs(values: list[Value], free: list[sentences.Number], norm: str, vocab: Vocabulary) -> list[sentences.Number]:
    """A list of years and a list of values of the same length pair in order; return the years so paired."""
    paired: list[sentences.Number] = []
    runs: list[list[sentences.Number]] = []
    for mark in free:
        if runs and _listed(norm, runs[-1][-1].end, mark.start):
            runs[-1].append(mark)
        else:
            runs.append([mark])
    for run in (r for r in runs if len(r) > 1):
        groups = defaultdict(list)
        for v in values:
            groups[v.group].append(v)
        for members in groups.values():
            if len(members) == len(run) and all(not v.year for v in members):
                for v, mark in zip(members, run):
                    v.year = mark.value
                    if not vocab.respectively.search(norm):
                        v.checks.append(CHECKS["pairing"])
                paired += run
                break
    return paired


# ---------------------------------------------------------------- one proposal


def _proposal(
    value: Value,
    sentence: str,
    context: str,
    notes: list[str],
    passage: Passage,
    vocab: Vocabulary,
    source_id: str,
    earlier_years: list[list[str]],
    sectors_before: list[str],
) -> Proposal:
    norm = normal(sentence)
    checks = list(value.checks)
    notes_text = []
    measure = value.measure or (_measure_in_context(normal(context), value.unit, vocab) if context else "")
    if not measure:
        checks.append(CHECKS["no_measure"])
    year = value.year
    needs_year = not measure or dictionary.MEASURES[measure].year_required
    if not year and context:
        in_context = sorted(set(re.findall(r"(?<!\d)(20\d\d)(?!\d)", context)))
        year = in_context[0] if len(in_context) == 1 else ""
    if not year and needs_year and not context:
        year, year_check = _year_before(earlier_years)
        if year:
            notes_text.append(f"year {year} from {'the sentence before' if not year_check else 'an earlier sentence'}")
        if year_check:
            checks.append(year_check)
    if not year and needs_year:
        checks.append(CHECKS["no_year"])
    sector, sector_check = _sector(value, norm, passage, vocab, sectors_before)
    if not sector and vocab.bases["national_extra_jobs"].search(norm):  # "81.117 extra banen": all employers
        sector, sector_check = NATIONAL_TOTAL, CHECKS["national"].format(sector=NATIONAL_TOTAL)
    if sector_check:
        checks.append(sector_check)
    scope = _scope(norm, notes, sector, vocab)
    if scope:
        checks.append(CHECKS["scope"].format(scope=scope))
    basis = _basis(norm, value, measure, sector, vocab)
    row = dict.fromkeys(FIGURE_COLUMNS, "")
    row.update(
        sector=sector,
        year=year,
        period="year",
        measure=measure,
        value=value.number.value,
        qualifier=_qualifier(norm, value, vocab),
        scope=scope,
        basis=basis,
        source_id=source_id,
        locator=passage.locator(),
        evidence=sentence,
        note="; ".join(notes_text),
    )
    return Proposal(row, checks)


def _year_before(earlier: list[list[str]]) -> tuple[str, str]:
    """The year of the nearest earlier sentence of the paragraph that gives one, if it gives only one; from
    further back than the sentence before, with a check."""
    for distance, years in enumerate(reversed(earlier)):
        if years:
            if len(years) > 1:
                return "", ""
            return years[0], CHECKS["year_earlier"].format(year=years[0]) if distance else ""
    return "", ""


def _measures(values: list[Value], norm: str, vocab: Vocabulary) -> None:
    """Each value's measure: its unit's (employers), else the words nearest its list in its stretch of the
    sentence, else those of the value it is compared with ("65% tegenover 59%")."""
    spans = {}
    for v in values:
        first, last = spans.get(v.group, (v.number.start, v.end))
        spans[v.group] = (min(first, v.number.start), max(last, v.end))
    for v in values:
        if v.unit in UNIT_MEASURE:
            v.measure = UNIT_MEASURE[v.unit]
            continue
        first, last = spans[v.group]
        left = max(
            [0, *[e for f, e in spans.values() if e <= first], *[m.end() for m in CLAUSE.finditer(norm, 0, first)]]
        )
        following = [f for f, e in spans.values() if f >= last]
        right = min([len(norm), *following, *[m.start() for m in CLAUSE.finditer(norm, last)]])
        v.right = right
        # words right before the next value are its own ("... de doelstelling van 70.000"): not this value's
        own_words_of_next = right if following and right == min(following) else None
        v.measure = _measure_between(norm, v.unit, first, last, left, right, vocab, own_words_of_next)
    for earlier, v in itertools.pairwise(values):
        if not v.measure and earlier.unit == v.unit and earlier.measure:
            between = norm[earlier.end : v.number.start]
            if _words(between) <= 3 and not re.search(r"[;:]", between):
                v.measure = earlier.measure


def _measure_between(
    norm: str, unit: str, first: int, last: int, left: int, right: int, vocab: Vocabulary, next_value: int | None = None
) -> str:
    """The measure whose words stand nearest [first, last) within [left, right): a word after the value weighs
    a little more than one before it, and a part after it (in eigen dienst, via SROI) wins over the whole."""
    kind = "percent" if unit == "percent" else "count"
    hits = []  # (distance, measure), parts after the value apart
    parts_after = []
    for measure, words in vocab.measures.items():
        if dictionary.MEASURES[measure].kind != kind or measure in UNIT_MEASURE.values():
            continue
        for hit in words.finditer(norm, last, right):
            if next_value is not None and _words(norm[hit.end() : next_value]) <= 2:
                continue
            hits.append((hit.start() - last, measure))
            if measure in PARTS:
                parts_after.append(hits[-1])
        for hit in words.finditer(norm, left, first):
            hits.append((first - hit.end() + 3, measure))
    return min(parts_after or hits)[1] if hits else ""


def _measure_in_context(context: str, unit: str, vocab: Vocabulary) -> str:
    """A table cell's measure, from its row and column headings."""
    return _measure_between(context, unit, len(context), len(context), 0, len(context), vocab)


def _sectors_named(text: str, vocab: Vocabulary) -> list[tuple[int, str]]:
    norm = normal(text)
    named = []
    for sector, words in vocab.sectors.items():
        named += [(hit.start(), sector) for hit in words.finditer(norm)]
    return sorted(named)


def _sector(value: Value, norm: str, passage: Passage, vocab: Vocabulary, before: list[str]) -> tuple[str, str]:
    named = _sectors_named(norm, vocab) or _sectors_named(passage.context, vocab)
    if named:
        distinct = list(dict.fromkeys(s for _, s in named))
        in_stretch = [s for at, s in named if value.end <= at < value.right]  # "25.000 banen bij overheidswerkgevers"
        earlier = [s for at, s in named if at < value.number.start]
        sector = in_stretch[0] if in_stretch else earlier[-1] if earlier else named[0][1]
        return sector, CHECKS["sectors"].format(sectors=", ".join(distinct)) if len(distinct) > 1 else ""
    for heading in reversed(passage.headings):
        in_heading = _sectors_named(heading, vocab)
        if in_heading:
            return in_heading[0][1], ""
    if before:
        return before[-1], CHECKS["sector_before"].format(sector=before[-1])
    return "", CHECKS["no_sector"]


def _scope(norm: str, notes: list[str], sector: str, vocab: Vocabulary) -> str:
    for text in [norm, *map(normal, notes)]:
        part = SCOPE.search(text)
        if part:
            return part.group(0)
    if sector in vocab.scopes:
        part = vocab.scopes[sector].search(norm)
        if part:
            return part.group(0)
    return ""


def _basis(norm: str, value: Value, measure: str, sector: str, vocab: Vocabulary) -> str:
    if measure and not dictionary.MEASURES[measure].has_basis:
        return ""
    for basis, words in vocab.bases.items():
        if basis in dictionary.SHARE_BASES and value.unit != "percent":
            continue
        if words.search(norm):
            return basis
    return UNIT_BASIS.get(vocab.sector_units.get(sector, ""), "")


def _qualifier(norm: str, value: Value, vocab: Vocabulary) -> str:
    before = norm[max(0, value.number.start - 25) : value.number.start]
    for qualifier, words in vocab.qualifiers.items():
        hit = None
        for hit in words.finditer(before):
            pass
        if hit is not None and not before[hit.end() :].strip():
            return qualifier
    return ""


def _across(found: list[Proposal]) -> None:
    """The same figure proposed twice: keep one; different values for one figure: say so."""
    by_key = defaultdict(list)
    for p in found:
        if p.row["measure"] and p.row["sector"]:
            key = tuple(p.row[c] for c in ("sector", "year", "period", "measure", "scope", "basis"))
            by_key[key].append(p)
    for same in by_key.values():
        values = list(dict.fromkeys(p.row["value"] for p in same))
        if len(values) > 1:
            in_one_sentence = len({p.row["evidence"] for p in same}) == 1
            for p in same:
                p.checks.append(
                    CHECKS["same"].format(measure=p.row["measure"])
                    if in_one_sentence
                    else CHECKS["differ"].format(values=", ".join(values))
                )
            continue
        for p in same[1:]:
            p.checks.append(CHECKS["again"].format(locator=same[0].row["locator"]))
