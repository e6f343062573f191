"""From a document's sentences to proposed figure rows. Nothing is computed, rounded or filled in beyond what the
words say: a value is a number as the sentence writes it, and where the words do not say something for certain,
the proposal says what to check.

The stages, in order, each a module that returns what it read (a `Ruled`: the text, the named rule, a check):
0. context: the document's date and title;
1. numbers: the sentence's numbers, which are values (jobs, employers, a percentage) and which years, and what a
   value means when it is no plain figure (a change, an expectation, a remainder, part of a year, a range);
2. measures; 3. years (a measure without a year, such as a quota percentage, takes none from outside its
   sentence but that of the sentence right before); 4. sectors (and scope); 5. qualities: qualifier, period, basis;
6. this module: one proposal per plain value, then across the document: a figure proposed twice is one proposal
   (the most precise value, naming the other place), different values for one figure get a check.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from analysis.dictionary import ANNUAL, FIGURE_COLUMNS, MEASURES
from analysis.extract import documents, sentences
from analysis.extract.documents import Document, Passage
from analysis.extract.rules import measures, numbers, qualities, sectors, years
from analysis.extract.rules.context import DocumentContext
from analysis.extract.rules.ruled import CHECKS, Ruled
from analysis.extract.vocabulary import Vocabulary, normal

# The sector rules whose sector a later sentence of the paragraph takes as if the sentence had named it
NAMES_ITS_SECTOR = ("sector.end_goal", "sector.in_total")


@dataclass
class Proposal:
    row: dict[str, str]
    checks: list[str] = field(default_factory=list)
    rules: dict[str, str] = field(default_factory=dict)  # by column: the rule that read it

    def record(self) -> dict[str, str]:
        return {**self.row, "check": "; ".join(dict.fromkeys(c for c in self.checks if c))}


@dataclass(frozen=True)
class SetAside:
    """A number that counts jobs or a percentage but is no plain figure: why, and where."""

    meaning: str
    written: str
    locator: str
    evidence: str


# The meaning of a number in digits that is neither a value nor a year (numbers.unread)
UNREAD = "unread"


@dataclass
class Reading:
    """What one document gave: its proposals, and every other number it writes, in its order: set aside with
    its meaning, or in digits but read as no figure at all (UNREAD), so that none is dropped unseen."""

    proposals: list[Proposal]
    apart: list[SetAside]
    silent_tables: list[str] = field(default_factory=list)  # where each table stands that gave no figure

    @property
    def set_aside(self) -> list[SetAside]:
        """The numbers of jobs or percentages that are no plain figure, with their meaning."""
        return [s for s in self.apart if s.meaning != UNREAD]

    def set_aside_counts(self) -> Counter:
        return Counter(s.meaning for s in self.set_aside)


@dataclass
class _Said:
    """The years and the period each sentence read so far names, in order (those of the paragraphs before one)."""

    years: list[list[str]] = field(default_factory=list)
    counted: list[list[str]] = field(default_factory=list)  # ... the years each gives a count reached (not_due)
    periods: list[str] = field(default_factory=list)
    sector: str = ""  # the sector named last
    goals: dict[str, str] = field(default_factory=dict)  # each sector's end goal's due year, the last proposed


@dataclass
class _Paragraph:
    """What earlier sentences of the paragraph said: their years, periods and the sectors they named; what the
    paragraphs before said; the end goals of the sentence before and the sentence after."""

    years: list[list[str]] = field(default_factory=list)
    counted: list[list[str]] = field(default_factory=list)  # the years each gives a count reached (years.not_due)
    periods: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    before: list[list[str]] = field(default_factory=list)  # the years of each sentence of the paragraphs before
    before_counted: list[list[str]] = field(default_factory=list)  # ... and those each gives a count reached
    before_periods: list[str] = field(default_factory=list)  # ... and the period each names
    goals: list[tuple[str, str]] = field(default_factory=list)  # the end goals of the sentence before: sector, year
    # the one measure, year and period of the counts of jobs the sentence before gave (part_of_count_before)
    count_before: tuple[str, str, str] | None = None
    # the value, measure, year and period of each count the paragraph gave so far (measure.parts_of_count)
    counts: list[tuple[str, str, str, str]] = field(default_factory=list)
    after: str = ""  # the sentence after, in the paragraph
    document_sector: str = ""  # the sector the paragraphs before named last
    said_the_sector: bool = False  # whether an earlier sentence of the paragraph speaks of "de sector"
    document_goals: dict[str, str] = field(default_factory=dict)  # the document's end goals so far, shared


def propose(document: Document, vocab: Vocabulary, source_id: str, context: DocumentContext | None = None) -> Reading:
    """Every proposal of the document, in its order, with the checks across proposals added."""
    context = context or DocumentContext()
    found: list[Proposal] = []
    aside: list[SetAside] = []
    document_so_far = _Said()
    tables: dict[tuple, list] = {}  # a table (its heading path and caption) -> [where it stands, figures it gave]
    opened = False  # whether the list being read was opened comparing with an earlier period (years.compared_opening)
    for passage in document.passages:
        listed = opened and bool(documents.BULLET.match(passage.text))
        proposals, set_aside = _passage(passage, document, vocab, source_id, context, document_so_far, listed)
        found += proposals
        aside += set_aside
        opened = years.compared_opening(passage.text, vocab) or (opened and listed)
        if passage.cell:
            table = tables.setdefault((passage.headings, passage.cell[0]), [_table_place(passage), 0])
            table[1] += len(proposals)
    silent = [place for place, figures in tables.values() if not figures]
    return Reading(_across(found, vocab), aside, silent)


def _table_place(passage: Passage) -> str:
    """Where a table stands, as a reader finds it: its heading path and caption."""
    path = " > ".join(passage.headings) or "vóór het eerste kopje"
    return f"{path}, tabel '{passage.cell[0]}'" if passage.cell[0] else f"{path}, tabel"


def _passage(
    passage: Passage,
    document: Document,
    vocab: Vocabulary,
    source_id: str,
    context: DocumentContext,
    so_far: _Said,
    changes: bool = False,
):
    """`changes`: whether the passage is a line of a list whose opening compares with an earlier period: its
    values are changes since then."""
    text = passage.text
    spans = sentences.split(text) if not passage.context else [(0, len(text))]
    # read only; the paragraph's own years and periods join it at its end
    paragraph = _Paragraph(
        before=so_far.years,
        before_counted=so_far.counted,
        before_periods=so_far.periods,
        document_sector=so_far.sector,
        document_goals=so_far.goals,
    )
    out: list[Proposal] = []
    aside: list[SetAside] = []
    for k, (start, end) in enumerate(spans):
        sentence = text[start:end]
        paragraph.after = text[slice(*spans[k + 1])] if k + 1 < len(spans) else ""
        notes = [document.footnotes[n] for n in sentences.note_marks(sentence) if n in document.footnotes]
        proposals, set_aside, own_years, period_named = _sentence(
            sentence, notes, passage, vocab, source_id, context, paragraph, changes
        )
        out += proposals
        aside += set_aside
        paragraph.years.append(own_years.years)
        paragraph.counted.append(_counted(own_years, proposals, sentence, passage, context, vocab))
        paragraph.periods.append(period_named)
        paragraph.goals = [(p.row["sector"], p.row["year"]) for p in proposals if p.row["measure"] == "goal_jobs"]
        paragraph.count_before = _count_of(proposals)
        paragraph.counts += [_count(p) for p in proposals if p.row["measure"] in WHOLES]
        paragraph.document_goals.update((sector, year) for sector, year in paragraph.goals if year)  # shared
        paragraph.sectors += [s for _, s in sectors.named(sentence, vocab)]
        # an end goal names its sector by its size ("Eind 2025 moeten er 125.000 extra banen zijn": all employers)
        # ... and so does a count of all "in totaal" ("In 2019 zouden er in totaal 55.000 banen ... Het zijn er 61.615
        # geworden")
        paragraph.sectors += [p.row["sector"] for p in proposals if p.rules["sector"] in NAMES_ITS_SECTOR]
        paragraph.said_the_sector = paragraph.said_the_sector or bool(vocab.the_sector.search(normal(sentence)))
    so_far.years += paragraph.years
    so_far.counted += paragraph.counted
    so_far.periods += paragraph.periods
    so_far.sector = paragraph.sectors[-1] if paragraph.sectors else so_far.sector
    return out, aside


# The measures of a count of jobs whose parts a later sentence may give (numbers.part_of_count_before)
COUNTS = ("realised_jobs", "target_jobs")
# The years a part of such a count reads from outside its own words: it takes its count's year and period instead
BORROWED_YEAR = ("year.sentence_before", "year.earlier_in_document", "year.document_title")
# The measures of a count whose parts a later sentence of the paragraph may list, adding up to it (parts_of_count)
WHOLES = (*COUNTS, "goal_jobs")


def _count(p: Proposal) -> tuple[str, str, str, str]:
    return p.row["value"], p.row["measure"], p.row["year"], p.row["period"]


def _count_of(proposals: list[Proposal]) -> tuple[str, str, str] | None:
    """The one measure, year and period of the counts of jobs a sentence gave (COUNTS), if they share them."""
    found = {(p.row["measure"], p.row["year"], p.row["period"]) for p in proposals}
    return found.pop() if len(found) == 1 and next(iter(found))[0] in COUNTS else None


def _counted(said: years.Said, proposals: list[Proposal], sentence, passage, context, vocab) -> list[str]:
    """The years a sentence gives a later count reached: not one it gives only as an end goal's due year (as its
    proposals read it, a sector's end goal too: years.not_due)."""
    goal = {p.row["year"] for p in proposals if p.row["measure"] == "goal_jobs"}
    other = {p.row["year"] for p in proposals if p.row["measure"] != "goal_jobs"}
    cell = normal(passage.context) if passage.context else ""
    return years.not_due(said, (goal | said.due) - other - {""}, normal(sentence), cell, context, vocab)


def _sentence(sentence, notes, passage, vocab, source_id, context, paragraph, changes=False):
    norm = normal(sentence)
    cell = normal(passage.context) if passage.context else ""
    cell_unit = _unit_named(cell, vocab) if cell else ""
    after_count = paragraph.count_before is not None
    values, marks = numbers.read(sentence, norm, vocab, cell_unit, bool(paragraph.goals), after_count)
    values = numbers.with_baseline(values, norm, paragraph.after, vocab)
    if changes:  # a line of a list of changes since an earlier period (years.compared_opening)
        values = [replace(v, meaning=v.meaning or "change") for v in values]
    measure_of = measures.assign(values, norm, vocab, cell)
    measure_of = measures.part_of_count_before(values, measure_of, paragraph.count_before, norm, vocab)
    measure_of, whole = measures.parts_of_count(values, measure_of, paragraph.counts)
    if not cell:  # a table cell's percentage is read by its headings
        values = measures.share_of_other(values, measure_of, norm, vocab)
    aside = [SetAside(v.meaning, v.number.written, passage.locator(), sentence) for v in values if v.meaning]
    unread = numbers.unread(sentence, values, marks, vocab)
    aside += [SetAside(UNREAD, written, passage.locator(), sentence) for written in unread]
    year_of, own_years = years.assign(
        values,
        marks,
        norm,
        vocab,
        context,
        cell,
        (paragraph.years, paragraph.before),
        [m.text for m in measure_of],
        (paragraph.counted, paragraph.before_counted),
    )
    goals = [m.rule == "measure.end_goal" for m in measure_of]
    spans = measures.stretches(values, norm)
    referred = sectors.referred_sector(norm, paragraph.said_the_sector, paragraph.document_sector, vocab)
    sector_of = sectors.assign(values, spans, norm, passage, vocab, paragraph.sectors, goals, context.title, referred)
    # what the sentence says of its values as a whole, not a clause after them: read once, not per value
    named = qualities.period(numbers.valued_clauses(norm, values), vocab)
    bases = qualities.bases_named(norm, vocab)
    counted = sectors.counted_part(norm, notes)
    proposals = []
    said_after = functools.cache(lambda: years.said_after(paragraph.after, vocab))  # read once a sentence
    for v, y, m, s in zip(values, year_of, measure_of, sector_of):
        if v.meaning:
            continue
        m = measures.sector_end_goal(m, y, s, norm, vocab)
        if m.rule == "measure.sector_deadline":  # a goal now: its due year read as an end goal's ("vóór het jaar")
            y = years.own_due(y, norm, vocab) if y.text else y
        if m.text == "target_jobs" and y.rule in measures.CONTEXT_YEAR:  # the due year of its whole's end goal
            m = measures.whole_due_year(m, y, s, years.whole_due(s.text, list(paragraph.document_goals.items()), vocab))
        if m.text == "goal_jobs" and not y.text:  # a due year from a sentence beside it, with a check
            y = _due_beside(s.text, paragraph, vocab)
        if m.text and MEASURES[m.text].year_required:  # "Het aantal banen is in 2023 ..." after it
            y = years.said_after_first(y, said_after)
        period = _period(named, y, s, m, paragraph, context, vocab)
        y, period = _of_count_before(m, y, period, paragraph, whole)
        if period.rule == "period.document_quarter" and not y.text:
            y = Ruled(context.quarter[1], "year.document_quarter")
        ruled = {"year": y, "measure": m, "sector": s, "period": period}
        proposals.append(_proposal(v, sentence, norm, passage, vocab, source_id, ruled, bases, counted))
    return proposals, aside, own_years, named.text


def _of_count_before(
    measure: Ruled, year: Ruled, period: Ruled, paragraph: _Paragraph, whole: tuple[str, str] | None
) -> tuple[Ruled, Ruled]:
    """The year and period of a part of a count an earlier sentence gave: the count of the sentence before
    (measure.part_of_count_before) or the one its parts add up to (measure.parts_of_count, `whole`: its year and
    period); its count's (year.part_of_count_before, period.part_of_count_before), unless it names a year of its own."""
    if year.text and year.rule not in BORROWED_YEAR:
        return year, period
    if measure.rule == "measure.part_of_count_before":
        _, year_of_count, period_of_count = paragraph.count_before
    elif measure.rule == "measure.parts_of_count" and whole is not None:
        year_of_count, period_of_count = whole
    else:
        return year, period
    return Ruled(year_of_count, "year.part_of_count_before"), Ruled(period_of_count, "period.part_of_count_before")


def _due_beside(sector: str, paragraph: _Paragraph, vocab: Vocabulary) -> Ruled:
    """An end goal's due year from the sentence before (the goal of its whole), the one after (that refers back
    to it), or the end goal of its whole the document gave before: years.due_of_whole, years.due_said_after,
    years.due_in_document."""
    before = years.due_of_whole(sector, paragraph.goals, vocab)
    if before.text:
        return before
    after = years.due_said_after(paragraph.after, vocab)
    return after if after.text else years.due_in_document(sector, paragraph.document_goals, vocab)


def _period_of_year_source(year: Ruled, paragraph: _Paragraph) -> str:
    """The period the sentence names that a year taken from an earlier sentence came from, of the paragraph or of
    one before it ("De stijging van 178 banen in het tweede kwartaal 2021 ..." above "... in totaal 65.976 extra
    banen gecreëerd": Q2)."""
    sources = {
        "year.sentence_before": (paragraph.years, paragraph.periods),
        "year.earlier_in_document": (paragraph.before, paragraph.before_periods),
    }
    if year.rule not in sources:
        return ""
    earlier = [p for y, p in zip(*sources[year.rule]) if year.text in y]
    return earlier[-1] if earlier else ""


def _period(
    named: Ruled,
    year: Ruled,
    sector: Ruled,
    measure: Ruled,
    paragraph: _Paragraph,
    context: DocumentContext,
    vocab: Vocabulary,
) -> Ruled:
    """The period the sentence names (`named`: qualities.period of the sentence); else that of the sentence its
    year came from; else, for a national count reached, the quarter the document reports on (a UWV quarterly
    release), with a check."""
    if named.rule == "period.named":
        # "de doelstelling ... op dit moment reeds behaald": a target is no provisional count
        standing = named.text == "provisional" and measure.text in ("target_jobs", "goal_jobs", "quota_pct")
        return Ruled(ANNUAL, "period.year") if standing else named
    if year.rule == "year.dated":  # a count on a day within the year: no year-end measurement
        return Ruled("provisional", "period.dated")
    source = _period_of_year_source(year, paragraph)
    if source and source != named.text:
        return Ruled(source, "period.sentence_before")
    national = vocab.sector_units.get(sector.text) == "national_extra_jobs"
    if context.quarter and national and measure.text == "realised_jobs" and year.text in ("", context.quarter[1]):
        period, quarter_year = context.quarter
        check = CHECKS["quarter_document"].format(period=period, year=quarter_year, words=context.quarter_written)
        return Ruled(period, "period.document_quarter", check)
    return named


def _unit_named(context: str, vocab: Vocabulary) -> str:
    """The unit a table cell's headings name ("Gerealiseerde banen", "Realisatie (%)"), if one."""
    named = [unit for unit, words in vocab.units.items() if words.search(context)]
    return named[0] if len(named) == 1 else ""


def _proposal(
    value, sentence, norm, passage, vocab, source_id, ruled: dict[str, Ruled], bases: list[str], counted: str
) -> Proposal:
    measure, sector = ruled["measure"].text, ruled["sector"].text
    ruled = ruled | {
        "scope": sectors.scope(counted, norm, sector, vocab),
        "basis": qualities.basis(bases, value, measure, sector, vocab),
        "qualifier": qualities.qualifier(norm, value, vocab),
    }
    needs_year = not measure or MEASURES[measure].year_required
    if not ruled["year"].text and needs_year:
        ruled["year"] = Ruled("", "year.none", CHECKS["no_year"])
    elif not ruled["year"].text and measure == "goal_jobs":
        ruled["year"] = Ruled("", "year.no_due_year", CHECKS["no_due_year"])
    row = dict.fromkeys(FIGURE_COLUMNS, "")
    row.update({column: r.text for column, r in ruled.items()})
    row.update(
        value=value.number.value,
        source_id=source_id,
        locator=passage.locator(),
        evidence=sentence,
        note="; ".join(r.note for r in ruled.values() if r.note),
    )
    return Proposal(row, [r.check for r in ruled.values()], {c: r.rule for c, r in ruled.items()})


# ---------------------------------------------------------------- across the document

KEY = ("sector", "year", "period", "measure", "scope", "basis")


def _digits(value: str) -> int:
    """The significant digits of a stored value, trailing zeros off: "85000" has 2, "85665" 5, "61.3" 3."""
    return len(value.rstrip("0").replace(".", ""))


def _rounds(rough: str, precise: str, share: float) -> bool:
    """Whether `rough` is a rounded form of `precise` ("85.000" of "85.665"): fewer significant digits, and
    within `share` of it."""
    a, b = float(rough), float(precise)
    return a != b and b != 0 and abs(a - b) / abs(b) <= share and _digits(rough) < _digits(precise)


def _merged(same: list[Proposal], share: float) -> list[Proposal]:
    """Proposals of one figure whose values round one another are one proposal: the most precise value, its
    note naming where the rounded one stands. The most precise come first, and each later one is looked up
    among those kept (_kept_as)."""
    kept: list[Proposal] = []
    near: dict[int, list[tuple[float, int]]] = defaultdict(list)  # digits -> (value, index in kept), sorted
    for p in sorted(same, key=lambda p: -_digits(p.row["value"])):
        value = p.row["value"]
        precise = _kept_as(value, near, kept, share)
        if precise is None:
            bisect.insort(near[_digits(value)], (float(value), len(kept)))
            kept.append(p)
            continue
        also = (
            f"also as '{value}' in {p.row['locator']}"
            if value != precise.row["value"]
            else f"also in {p.row['locator']}"
        )
        precise.row["note"] = "; ".join(n for n in (precise.row["note"], also) if n)
    return kept


def _kept_as(value: str, near: dict[int, list[tuple[float, int]]], kept: list[Proposal], share: float):
    """The kept proposal whose value `value` is, or rounds (_rounds), the first by value if several. Only the kept
    values that could be one are compared: of the same digits, the very same value; of more digits, those near
    it (bisection). Comparing with every kept value near it grew with the square in a document that gives one
    figure thousands of values."""
    v, digits = float(value), _digits(value)
    reach = abs(v) * share / (1 - share) + 1e-9  # _rounds measures against the kept value, which may be larger
    found = []  # the first fitting (value, index in kept) of each number of digits
    for kept_digits, values in near.items():
        if kept_digits < digits:
            continue
        same = kept_digits == digits
        lo = bisect.bisect_left(values, (v if same else v - reach, -1))
        hi = bisect.bisect_right(values, (v if same else v + reach, len(kept)))
        for at in range(lo, hi):  # (a slice or islice would copy or walk the values before lo)
            other = kept[values[at][1]].row["value"]
            if other == value if same else _rounds(value, other, share):
                found.append(values[at])
                break
    return kept[min(found)[1]] if found else None


def _repeats(p: Proposal, k: Proposal, share: float) -> bool:
    """Whether `p` only repeats `k`: a headline above its story, with no measure or year of its own or the same,
    and the same value (and word), or a rounded one with a word such as "ruim" ("ruim 85.000" above "85.665")."""
    a, b = p.row, k.row
    fits = (
        a["sector"] == b["sector"]
        and a["period"] == b["period"]
        and all(a[c] in ("", b[c]) for c in ("measure", "year"))
    )
    same = (a["value"], a["qualifier"]) == (b["value"], b["qualifier"])
    rounded = bool(a["qualifier"]) and _rounds(a["value"], b["value"], share)
    vaguer = any(not a[c] and b[c] for c in ("measure", "year"))
    return p is not k and fits and ((same and vaguer) or rounded)


def _headlines(found: list[Proposal], share: float) -> list[Proposal]:
    """A proposal that only repeats another of the document (_repeats) is that one, its place named there. Only
    a vague one (no measure or year) or a qualified one can repeat another, and only one of its sector and
    period: those are compared, not every pair of the document."""
    by_group, by_value = defaultdict(list), defaultdict(list)
    for p in found:
        by_group[p.row["sector"], p.row["period"]].append(p)
        by_value[p.row["sector"], p.row["period"], p.row["value"], p.row["qualifier"]].append(p)
    kept = []
    for p in found:
        vague = not (p.row["measure"] and p.row["year"])
        row = p.row
        # a rounded repeat has a word such as "ruim" and may differ in value; any other has the same value
        group = (
            by_group[row["sector"], row["period"]]
            if row["qualifier"]
            else by_value[row["sector"], row["period"], row["value"], ""]
        )
        group = group if vague or row["qualifier"] else []
        fuller = next((k for k in group if _repeats(p, k, share) and not _repeats(k, p, share)), None)
        if fuller is None:
            kept.append(p)
        else:
            fuller.row["note"] = "; ".join(
                n for n in (fuller.row["note"], f"also as '{p.row['value']}' in {p.row['locator']}") if n
            )
    return kept


LISTED_VALUES = 6  # a check names this many of a figure's other values, and how many more there are


def _listed(values: list[str]) -> str:
    """'88, 340' or, for a document that gives a figure thousands of values, the first few and how many more:
    each of those proposals carried the whole list, which made the proposals file grow with the square."""
    more = len(values) - LISTED_VALUES
    return ", ".join(values[:LISTED_VALUES]) + (f" and {more} more" if more > 0 else "")


def _across(found: list[Proposal], vocab: Vocabulary) -> list[Proposal]:
    """The same figure proposed twice: one proposal; different values for one figure: say so."""
    found = _headlines(found, vocab.windows.rounding_share)
    by_key = defaultdict(list)
    for p in found:
        read_whole = p.row["measure"] and p.row["sector"]  # else only the very same value is the same figure
        by_key[tuple(p.row[c] for c in KEY) + (() if read_whole else (p.row["value"],))].append(p)
    dropped = set()
    for same in by_key.values():
        kept = _merged(same, vocab.windows.rounding_share)
        kept_ids = {id(k) for k in kept}
        dropped |= {id(p) for p in same if id(p) not in kept_ids}
        values = list(dict.fromkeys(p.row["value"] for p in kept))
        if len(values) > 1:
            in_one_sentence = len({p.row["evidence"] for p in kept}) == 1
            differ = CHECKS["differ"].format(values=_listed(values))  # once: a long list, shared by all
            for p in kept:
                p.checks.append(CHECKS["same"].format(measure=p.row["measure"]) if in_one_sentence else differ)
    return [p for p in found if id(p) not in dropped]
