"""Stage 3: each value's measure, by the first of these rules that gives one.

- measure.unit: a unit that is its own measure (a number of employers is the measure employers).
- measure.nearest_words: the measure words nearest the value's list in its stretch of the sentence (up to the
  next value or a comma, colon or semicolon); words after it weigh a little more, and a part ("in eigen
  dienst", "via SROI") after it wins over the whole ("gerealiseerd"). Words right before the next value are
  that value's own ("... de doelstelling van 70.000").
- measure.realised_phrase: a count right after words that say it was reached ("met 36.904 extra banen ...
  gehaald", "kwam tot ruim 51.000"), whatever other words stand near it.
- measure.turned_out: a count right after "het werden er", "dit waren er" ("maar het werden er maar 9100"; [phrases]
  turned_out, numbers.turned_out) is what the count turned out to be: one reached.
- measure.from_baseline: a rise counted from the baseline in its clause ("ten opzichte van de nulmeting is er een
  stijging van 10.291 banen") is the level of extra jobs reached, not a change.
- measure.obligation: a count read as reached ("gerealiseerd", "gecreëerd") in a clause that says it must be
  ("moet dan 6.000 extra banen hebben gecreëerd") is a target.
- measure.out_of: "12.298 van de beoogde 17.500": the first a count reached, the second its target.
- measure.table_headings: a table cell's measure, from its row and column headings.
- measure.listed_with: a value without words of its own takes those of the value it is listed or compared with
  ("65% tegenover 59%").
- measure.parallel_clause: a value in a clause of its own for another sector after a pair word, with no measure
  words in that clause, takes the measure of the value before it, and must be reached if that one must: "het
  realisatiepercentage van het Rijk ... 85% en gaat de politie van 54% ...", "De sector markt moet 6.000 extra
  banen hebben gecreëerd en de sector overheid 3.000" (the words before "en" are 6.000's).
- measure.split_of: a value without words of its own after a colon, a semicolon or "waarvan" takes those of the
  value before it, whose parts it lists, and so does every part listed after it ("92.500 extra banen: 70.000 bij
  het bedrijfsleven en 22.500 bij overheidswerkgevers") or after a part ("..., waarvan 38.335 via een regulier
  dienstverband bij marktwerkgevers en nog eens 12.448 banen via ..."); a total of "extra banen" without other
  words gives its parts a count reached (measure.extra_jobs).
- a count of jobs that none of these gives a measure, by its clause (_reached_unworded): measure.managed, between
  "wisten" and "te creëren" of one verb split around it ("wisten de 35 organisaties gezamenlijk 34,5 nieuwe banen
  te creëren"); measure.stands_at, what a count ("het aantal ... banen", "de teller") stands at ("stond de teller
  voor de overheid op slechts 11.842 banen"); measure.reached_by, a sector's count labelled by its bracket after
  words that say by whom something was reached ("gehaald door zowel markt (15.604) als overheid (5453)"); measure.came_by,
  a count that came to be, "kwamen er 11.842 banen bij" ("kwam(en) ... bij" split around it): each one reached.

Words inside the name of a part of a sector ([scopes], [phrases] unsplit_parts) are no measure words: "detachering"
in "via een uitzendcontract of detachering" does not make a count of secondments (realised_own).
- measure.part_of_count_before: a count of jobs without measure words right before words that refer back
  ("hiervan", "van hen"), in a sentence right after one whose counts of jobs share one measure, is a part of that
  count, of its measure, with a check (part_of_count_before; propose gives it that count's year and period too).
- measure.extra_jobs: a count of "extra banen" without any measure words is one reached (a headline: "Bijna
  90.000 extra banen voor mensen met een arbeidsbeperking").
- measure.own_share: a count of jobs without any measure words that a sector takes "voor zijn/haar/hun rekening" is its
  share of the agreement, its end goal ("worden geacht 1200 banen voor hun rekening te nemen"); not in the past, nor
  in a sentence that writes a year.
- measure.end_goal: a count of the size of one of the agreement's end goals (vocabulary [end_goals]) read as a
  target or a count reached is the end goal: 125.000 is never a count reached.
- measure.sector_deadline: a single sector's target, or count without measure words, that its own sentence gives a
  deadline in or after the earliest due year of the end goals ([end_goals] earliest_due; [years] deadline,
  deadline_date: "uiterlijk in 2023", "voor 1 januari 2024", "voor eind 2024") is its end goal, with a check. Not
  "voor 2024" (for that year: "De doelstelling voor 2024 is 713 banen" is the target of 2024), not a deadline
  before the earliest due year ("88 garantiebanen voor 31 december 2016" is that year's target).
- measure.share_of_other: a percentage with no measure of its own in a sentence that names no percentage of the
  agreement nor a target ("het baanbehoud ligt op 85 procent") is a share of something else, set aside with the
  meaning other_share (share_of_other).
- measure.sector_end_goal: a single sector's target whose own sentence dates it to the agreement's last year
  ([end_goals] agreement_end: "in 2026 moeten de hogescholen 953 banen hebben") is its end goal, with a check
  (applied once the year is known: sector_end_goal). Not "begin 2026" (due at the end of 2025, where sources
  differ), not a national sector (their end goals go by size), not a year taken from another sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from analysis import dictionary
from analysis.extract.rules import context, numbers
from analysis.extract.rules.numbers import (
    CLAUSE,
    Value,
    before_bracket,
    bracket_label,
    bracket_label_before,
    clause_after,
    clause_before,
    clause_start,
    ends_before,
    from_baseline,
    stands_at,
    turned_out,
    without_years,
    word_count,
)
from analysis.extract.rules.ruled import CHECKS, NOTHING, Ruled
from analysis.extract.vocabulary import Vocabulary, ends_with

PARTS = ("realised_own", "realised_sroi")
UNIT_MEASURE = {"employers": "employers"}


@dataclass(frozen=True)
class Stretch:
    """The part of the sentence a value's words stand in: from the end of the list before it (or a comma) to
    the next list (or a comma), and where its own list starts and ends."""

    left: int
    first: int
    last: int
    right: int
    next_value: int | None  # where the next value's list starts, when that ends the stretch


def stretches(values: list[Value], norm: str) -> list[Stretch]:
    """Each value's stretch; lists, clauses and values found by bisection, so a sentence of many values costs
    little more per value than a short one."""
    spans: dict[int, tuple[int, int]] = {}
    for v in values:
        first, last = spans.get(v.group, (v.number.start, v.end))
        spans[v.group] = (min(first, v.number.start), max(last, v.end))
    starts = sorted(f for f, _ in spans.values())
    ends = sorted(e for _, e in spans.values())
    clauses = [m.start() for m in CLAUSE.finditer(norm)]
    numbers_end = {}
    for v in values:
        numbers_end[v.group] = max(numbers_end.get(v.group, 0), v.number.end)
    out = []
    for v in values:
        first, last = spans[v.group]
        k = bisect.bisect_right(ends, first)
        c = bisect.bisect_left(clauses, first)
        left = max(ends[k - 1] if k else 0, clauses[c - 1] + 1 if c else 0)
        n = bisect.bisect_left(starts, last)
        following = starts[n] if n < len(starts) else None
        c = bisect.bisect_left(clauses, last)
        right = min(x for x in (len(norm), following, clauses[c] if c < len(clauses) else None) if x is not None)
        # the words between a number and its unit are after it ("63,09 gerealiseerde banen")
        out.append(
            Stretch(
                left,
                first,
                numbers_end[v.group],
                right,
                right if following is not None and right == following else None,
            )
        )
    return out


def named_parts(norm: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """Where the sentence names a part of a sector ([scopes], [phrases] unsplit_parts: "via een uitzendcontract of
    detachering"): the words inside such a name are no measure words (read once per sentence)."""
    patterns = [*vocab.scopes.values(), vocab.unsplit_parts]
    return sorted((m.start(), m.end()) for p in patterns for m in p.finditer(norm))


def _in_part(hit: re.Match, parts: list[tuple[int, int]]) -> bool:
    """Whether a hit stands inside one of `parts` (sorted): the last that starts at or before it, by bisection."""
    k = bisect.bisect_right(parts, (hit.start(), len(hit.string))) - 1
    return k >= 0 and hit.end() <= parts[k][1]


def _nearest(norm: str, unit: str, s: Stretch, vocab: Vocabulary, parts: list[tuple[int, int]] = ()) -> str:
    """The measure whose words stand nearest the value's list within its stretch; not words inside the name of a
    part of a sector (`parts`: named_parts), "detachering" in "via een uitzendcontract of detachering"."""
    kind = "percent" if unit == "percent" else "count"
    hits = []  # (distance, measure)
    parts_after = []
    for measure, words in vocab.measures.items():
        if dictionary.MEASURES[measure].kind != kind or measure in UNIT_MEASURE.values():
            continue
        for hit in words.finditer(norm, s.last, s.right):
            if _in_part(hit, parts):
                continue
            if (
                s.next_value is not None
                and word_count(norm[hit.end() : s.next_value]) <= vocab.windows.next_value_words
            ):
                continue
            hits.append((hit.start() - s.last, measure))
            if measure in PARTS:
                parts_after.append(hits[-1])
        for hit in words.finditer(norm, s.left, s.first):
            if not _in_part(hit, parts):
                hits.append((s.first - hit.end() + vocab.windows.measure_after_bonus, measure))
    return min(parts_after or hits)[1] if hits else ""


def _listed_with(values: list[Value], found: list[str], norm: str, vocab: Vocabulary, parallel: set[int]) -> list[str]:
    """`parallel`: the values in a clause of their own for another sector (_parallel), which take the measure of
    the value before them however many words stand between."""
    found = list(found)
    for (i, earlier), (j, v) in itertools.pairwise(enumerate(values)):
        if not found[j] and earlier.unit == v.unit and found[i]:
            between = norm[earlier.end : v.number.start]
            if j in parallel or (
                word_count(between) <= vocab.windows.listed_measure_words and not re.search(r"[;:]", between)
            ):
                found[j] = found[i]
    return found


def _parallel(values: list[Value], spans: list[Stretch], norm: str, vocab: Vocabulary) -> set[int]:
    """The values that stand in a clause of their own for another sector, joined to the value before by a pair word,
    with no measure words in the clause or after the value: "... 6.000 extra banen hebben gecreëerd en de sector
    overheid 3.000" (the words before "en" are 6.000's, not 3.000's), "het Rijk ... van 80% naar 85% en gaat de
    politie van 54% naar 68%"."""
    out = set()
    for j in range(1, len(values)):
        a, v, s = values[j - 1], values[j], spans[j]
        pairs = [] if a.unit != v.unit else list(vocab.pair_words.finditer(norm, a.end, v.number.start))
        if not pairs or re.search(r"[;:]", norm[a.end : v.number.start]):
            continue
        clause = pairs[-1].end()
        named = any(p.search(norm, clause, v.number.start) for p in vocab.sectors.values())
        worded = any(
            p.search(norm, clause, v.number.start) or p.search(norm, s.last, s.right) for p in vocab.measures.values()
        )
        if named and not worded:
            out.add(j)
    return out


def _realised_phrase(value: Value, norm: str, vocab: Vocabulary) -> bool:
    if value.unit != "jobs":
        return False
    return ends_before(vocab.realised_before, norm, value.number.start, vocab)


def _reached_by_words(value: Value, norm: str, vocab: Vocabulary) -> str:
    """The rule that reads a count as reached by the words right before it, or "": measure.realised_phrase ("met
    36.904 extra banen", "kwam tot ruim 51.000") or measure.turned_out ("maar het werden er maar 9100": what the
    count turned out to be, numbers.turned_out)."""
    if _realised_phrase(value, norm, vocab):
        return "measure.realised_phrase"
    return "measure.turned_out" if value.unit == "jobs" and turned_out(value.number, norm, vocab) else ""


def opens_parts(between: str, vocab: Vocabulary) -> bool:
    """Whether the words between a total and a value open the total's parts: a colon or semicolon, "waarvan", or a
    bracket right before the value (bracketed_parts)."""
    return bool(re.search(r"[:;]", between) or vocab.split_openers.search(between) or bracketed_parts(between, vocab))


def bracketed_parts(between: str, vocab: Vocabulary) -> bool:
    """measure.bracketed_parts: whether an opening bracket ([phrases] split_brackets) stands right before a value
    after a total, a qualifier between aside, so that the bracket opens the total's parts as a colon does: "24.155
    extra banen via een regulier dienstverband (368 bij de overheid en 23.787 in de markt)". Not a bracket further
    back ("1.500 banen (volgens UWV) gerealiseerd, 300 bij de provincies"), nor one a sector's name labels ("de
    doelstelling (9000) ... door zowel markt (15.604) als overheid (5453)": sector.bracket_label)."""
    return before_bracket(between, vocab) is not None and not bracket_label_before(between, vocab)


def _reached(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """Whether a count is one of "extra banen" (measure.extra_jobs, when no other words give its measure)."""
    return v.unit == "jobs" and bool(vocab.reached_after.match(norm, v.number.end + 1))


def _split_of(
    values: list[Value], own: list[str], listed: list[str], norm: str, vocab: Vocabulary
) -> tuple[list[str], dict[int, int]]:
    """A value without words of its own right after a total's colon, semicolon or "waarvan" takes the total's
    measure (a count of "extra banen" without other words: one reached), and so does each part listed right after
    a part ("... waarvan 38.335 via een regulier dienstverband bij marktwerkgevers en nog eens 12.448 banen via
    ..."): within split_words of the total or of the part before. `own`: each value's own measure words;
    `listed`: with those it takes from a value it is listed with. Also each part's total, by index."""
    found = list(listed)
    total: dict[str, int] = {}  # by unit: the last value before that has a measure of its own
    part_of: dict[int, int] = {}  # a part's index -> its total's
    for j, v in enumerate(values):
        i = total.get(v.unit)
        if not own[j] and i is not None and _a_part(values, i, j, part_of, norm, vocab):
            found[j] = found[j] or found[i] or "realised_jobs"  # a total of "extra banen" only: one reached
            part_of[j] = i
            continue
        if found[j] or _reached(v, norm, vocab):
            total[v.unit] = j
    return found, part_of


def _a_part(values: list[Value], i: int, j: int, part_of: dict[int, int], norm: str, vocab: Vocabulary) -> bool:
    """Whether values[j] is a part of the total values[i]: right after its opener, or listed after a part of it."""
    between = norm[values[i].end : values[j].number.start]
    if opens_parts(between, vocab) and word_count(between) <= vocab.windows.split_words:
        return True
    after_part = norm[values[j - 1].end : values[j].number.start]
    listed = part_of.get(j - 1) == i and not re.search(r"[:;]", after_part)
    return listed and word_count(after_part) <= vocab.windows.split_words


def _end_goal(value: Value, measure: str, vocab: Vocabulary) -> bool:
    goals = vocab.file.end_goals.sectors
    return (
        value.unit == "jobs"
        and measure in ("", "target_jobs", "realised_jobs")
        and value.number.value.isdigit()
        and int(value.number.value) in goals
    )


# The year rules that read a value's year from its own sentence
OWN_YEAR = ("year.written_after", "year.paired_in_order", "year.between_nearer", "year.only_in_sentence")
DATED = ("year.dated", "year.dated_year_end")  # ... from a date of its own sentence
CONTEXT_YEAR = ("year.sentence_before", "year.earlier_in_document")  # ... from the sentences before it


def sector_end_goal(measure: Ruled, year: Ruled, sector: Ruled, norm: str, vocab: Vocabulary) -> Ruled:
    """A sector's target due in the agreement's last year is its end goal: public sources record the sectors'
    goals for 2026 as goal_jobs (hbo 953, wo 1.886), while a goal for an earlier year is that year's target
    (measure.sector_end_goal); the year may be the paragraphs' before it ("In 2026 zouden er in de publieke sector
    25 duizend banen ..." above "Bij de universitaire medische centra is ... de nagestreefde 2264 plekken
    behaald"). So is a sector's count its own sentence sets a deadline for in or after the earliest due year of the
    end goals ("5250 banen die uiterlijk in 2023 gerealiseerd moeten zijn", "340 banen voor 1 januari 2024", "circa
    800 banen voor eind 2024"; measure.sector_deadline)."""
    national = not sector.text or sector.text in vocab.file.end_goals.sectors.values()  # none: whose goal?
    if national or measure.text not in ("target_jobs", "") or not year.text:
        return measure
    deadline = _deadline(year, norm, vocab)
    if deadline.text:
        return deadline
    end = str(vocab.file.end_goals.agreement_end)
    if measure.text != "target_jobs" or year.text != end or year.rule not in (*OWN_YEAR, *CONTEXT_YEAR):
        return measure
    # "begin 2026": due at the end of 2025, a due year sources dispute (read once per sentence, only for a target
    # of that year: a sentence listing thousands of values read it for each)
    if end in context.years_at_start(norm, vocab):
        return measure
    return Ruled("goal_jobs", "measure.sector_end_goal", CHECKS["sector_end_goal"].format(year=end))


def whole_due_year(measure: Ruled, year: Ruled, sector: Ruled, whole_due: tuple[str, str]) -> Ruled:
    """measure.whole_due_year: a single sector's target that no words of its own sentence date, dated by the
    paragraphs before (`year`: year.sentence_before, year.earlier_in_document) in the year the document gave the end
    goal of the whole that holds the sector (`whole_due`: that whole and its due year, years.whole_due), is the
    sector's end goal too, with a check: "In 2025 moeten overheidswerkgevers 25.000 mensen ... aan een baan hebben
    geholpen" above "Over acht jaar moeten de hogescholen 990 nieuwe banen ... hebben gecreëerd" (the agreement's
    last year is measure.sector_end_goal's). A target its own sentence dates stays that year's (the seed letter's
    "de doelstelling van 5.250 banen in 2023")."""
    whole, due = whole_due
    if measure.text != "target_jobs" or not sector.text or year.rule not in CONTEXT_YEAR or year.text != due:
        return measure
    return Ruled("goal_jobs", "measure.whole_due_year", CHECKS["whole_due_year"].format(year=due, whole=whole))


def _deadline(year: Ruled, norm: str, vocab: Vocabulary) -> Ruled:
    """measure.sector_deadline: a count (a target, or one without measure words) whose own sentence gives its year
    as a deadline ("uiterlijk in 2023") no earlier than the earliest due year of the end goals; else nothing."""
    own = year.rule in OWN_YEAR or year.rule in DATED
    words = context.due_by(norm, vocab).get(year.text) if own else None
    if not words or int(year.text) < vocab.file.end_goals.earliest_due:
        return NOTHING
    return Ruled("goal_jobs", "measure.sector_deadline", CHECKS["sector_deadline"].format(words=words, year=year.text))


def _must(norm: str, s: Stretch, vocab: Vocabulary) -> bool:
    """Whether the stretch says its count must be reached: "moet", or after it "te realiseren", but not "weten te
    creëren" (managed to), nor "wisten ... te creëren" split around the count (_managed_to)."""
    if vocab.obligation.search(norm, s.left, s.right):
        return True
    if _managed_to(norm, s, vocab):
        return False
    for hit in vocab.obligation_after.finditer(norm, s.last, s.right):
        if not ends_with(vocab.managed, norm[max(0, hit.start() - vocab.windows.managed_before) : hit.start()]):
            return True
    return False


def _managed_to(norm: str, s: Stretch, vocab: Vocabulary) -> bool:
    """Whether the count stands between "wisten" (managed, [phrases] managed) and "te creëren" ([phrases]
    obligation_after) of one verb split around it, with no obligation in the clause before it: "Desondanks wisten de
    35 organisaties in de sector gezamenlijk 34,5 nieuwe banen te creëren" is a count reached (measure.managed)."""
    if not vocab.obligation_after.search(norm, s.last, s.right):
        return False
    start = clause_start(norm, s.first)  # the clause the count stands in
    return bool(vocab.managed.search(norm, start, s.first)) and not vocab.obligation.search(norm, start, s.first)


def _out_of(values: list[Value], own: list[str], norm: str, vocab: Vocabulary) -> dict[int, str]:
    """Values joined by "van de (beoogde)": the count reached, then the target it is a part of (measure.out_of); and
    a count with no words of a target before "in plaats van (de afgesproken)" and the count right after those words,
    in one clause: the count reached and the target it fell short of or passed (measure.instead_of: "De overheid
    schoot tekort door maar 9786 banen in te richten in plaats van de afgesproken 15.000"). `own`: each value's own
    measure words."""
    found = {}
    for i, (a, b) in enumerate(itertools.pairwise(values)):
        between = norm[a.end : b.number.start]
        if _share_of_target(a, b, between, own[i + 1], vocab):
            found[i] = ("realisation_pct", "measure.share_of_target")
        if a.unit != "jobs" or b.unit != "jobs":
            continue
        if vocab.out_of.fullmatch(between.strip()):
            found |= {i: ("realised_jobs", "measure.out_of"), i + 1: ("target_jobs", "measure.out_of")}
        elif _instead_of(between, own[i], vocab):
            found |= {i: ("realised_jobs", "measure.instead_of"), i + 1: ("target_jobs", "measure.instead_of")}
    return found


def _share_of_target(a: Value, b: Value, between: str, target: str, vocab: Vocabulary) -> bool:
    """measure.share_of_target: a percentage joined by "van de" ([phrases] out_of) to a count of jobs right after it
    whose own words are a target's (`target`: its measure words): the share of that target reached, "dertig procent
    van de nagestreefde 2264 plekken behaald". Not a share of a count with no words of a target ("30% van de 2.264
    banen zit in de catering")."""
    joined = vocab.out_of.match(between.strip()) and not re.search(r"[,;:]", between)
    return a.unit == "percent" and b.unit == "jobs" and target in ("target_jobs", "goal_jobs") and bool(joined)


def _instead_of(between: str, own: str, vocab: Vocabulary) -> bool:
    """Whether the words between two counts are "in plaats van (de afgesproken)" at the end, in one clause of a few
    words, after a count with no words of a target or goal of its own."""
    return (
        own in ("", "realised_jobs")
        and not re.search(r"[;:]", between)
        and word_count(between) <= vocab.windows.split_words
        and ends_with(vocab.instead_of, between)
    )


def _one(v: Value, own: str, must: bool, norm: str, cell: str, listed: str, split: str, vocab: Vocabulary) -> Ruled:
    """`own`: the measure words nearest the value's list; `must`: whether its stretch says the count must be
    reached."""
    if v.unit in UNIT_MEASURE:
        return Ruled(UNIT_MEASURE[v.unit], "measure.unit")
    phrased = _reached_by_words(v, norm, vocab)
    if phrased:
        return Ruled("realised_jobs", phrased)
    if v.unit == "jobs" and from_baseline(v, norm, vocab):
        return Ruled("realised_jobs", "measure.from_baseline")
    if own in ("realised_jobs", "") and v.unit == "jobs" and must:
        return Ruled("target_jobs", "measure.obligation")
    if own:
        return Ruled(own, "measure.nearest_words")
    in_cell = _nearest(cell, v.unit, Stretch(0, len(cell), len(cell), len(cell), None), vocab) if cell else ""
    if in_cell:
        return Ruled(in_cell, "measure.table_headings")
    if listed:
        return Ruled(listed, "measure.listed_with")
    if split:
        return Ruled(split, "measure.split_of")
    if _reached(v, norm, vocab):
        return Ruled("realised_jobs", "measure.extra_jobs")
    return Ruled("", "measure.none", CHECKS["no_measure"])


def _parallel_named(ruled: Ruled, parallel: bool) -> Ruled:
    """A value of a parallel clause that took the measure of the value before it says so by its rule's name."""
    return Ruled(ruled.text, "measure.parallel_clause") if parallel and ruled.rule == "measure.listed_with" else ruled


def share_of_other(values: list[Value], measure_of: list[Ruled], norm: str, vocab: Vocabulary) -> list[Value]:
    """measure.share_of_other: a percentage with no measure of its own (measure.none) in a sentence that names none
    of the agreement's percentages nor a target ([measures] of a percentage, target_jobs and goal_jobs, and
    [meanings] share_words) is a share of something else: "In het doelgroepregister staan 253.069 personen, waarvan
    53% betaald aan de slag was", "het baanbehoud ligt op 85 procent", "ruim 51% van de publieksstemmen". It is set
    aside (meaning "other_share"), never proposed; a percentage of a table cell keeps its headings' reading. The
    sentence's words are read once, and only when it has such a percentage."""
    unmeasured = {
        i
        for i, (v, m) in enumerate(zip(values, measure_of))
        if v.unit == "percent" and not v.meaning and m.rule == "measure.none"
    }
    if not unmeasured or _names_a_share(norm, vocab):
        return values
    return [replace(v, meaning="other_share") if i in unmeasured else v for i, v in enumerate(values)]


def _names_a_share(norm: str, vocab: Vocabulary) -> bool:
    """Whether the sentence names one of the agreement's percentages or a target (share_of_other)."""
    kinds = [m for m in vocab.measures if dictionary.MEASURES[m].kind == "percent"] + ["target_jobs", "goal_jobs"]
    return any(vocab.measures[m].search(norm) for m in kinds) or bool(vocab.meanings["share_words"].search(norm))


def _reached_unworded(v: Value, managed: bool, norm: str, vocab: Vocabulary) -> Ruled | None:
    """A count of jobs with no measure words of its own that its clause says was reached: measure.managed ("wisten
    ... 140 banen te creëren"), measure.came_by ("kwamen er 11.842 banen bij"), measure.stands_at ("stond de teller op
    slechts 11.842 banen"), measure.reached_by."""
    if managed:
        return Ruled("realised_jobs", "measure.managed")
    if came_by(v, norm, vocab):
        return Ruled("realised_jobs", "measure.came_by")
    if stands_at(v, norm, vocab):
        return Ruled("realised_jobs", "measure.stands_at")
    if reached_by(v, norm, vocab):
        return Ruled("realised_jobs", "measure.reached_by")
    return None


def _own_share(v: Value, norm: str, vocab: Vocabulary) -> Ruled | None:
    """measure.own_share: a count of jobs with no measure words of its own that a sector takes "voor zijn/haar/hun
    rekening" ([phrases] own_share, after it in its clause) is its share of the agreement, its end goal: "De Nederlandse
    universiteiten worden geacht 1200 banen voor hun rekening te nemen". Not taken in the past (own_share_past: "namen
    2.000 banen voor hun rekening" may be a count reached), nor in a sentence that writes a year (it may be that year's
    target): the words do not decide those, which keep no measure."""
    after = clause_after(norm, v.end, vocab)
    if not vocab.own_share.search(after) or without_years(norm) != norm:
        return None
    if vocab.own_share_past.search(norm, clause_start(norm, v.number.start), v.end) or vocab.own_share_past.search(
        after
    ):
        return None
    return Ruled("goal_jobs", "measure.own_share")


def came_by(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """measure.came_by: a count of jobs that came to be, the past of "bijkomen" split around it in its clause: "kwam"
    or "kwamen" ([phrases] came) before it, "bij" (came_after) at the clause's end after it ("Bij overheidswerkgevers
    kwamen er 11.842 banen bij", "kwamen 40 garantiebanen bij, meer dan verwacht"), as "bijgekomen" says. Not the
    present ("Daar komen er in 2023 nog eens 500 bij": still to come), nor "bij" that opens where the count stands
    ("kwamen er 85 banen bij de provincies")."""
    if not vocab.came.search(norm, clause_start(norm, v.number.start), v.number.start):
        return False
    return ends_with(vocab.came_after, clause_after(norm, v.end, vocab).rstrip(" .!?)"))


def reached_by(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """measure.reached_by: a count that a sector's name labels by the bracket that opens on it (sector.bracket_label),
    after words that say by whom something was reached in its clause ([phrases] reached_by): "In 2015 werd de
    doelstelling (9000) nog ruim gehaald door zowel markt (15.604) als overheid (5453)": each sector's count reached."""
    if not bracket_label(v, norm, vocab):
        return False
    clause = clause_before(norm, v.number.start, vocab)
    return bool(vocab.reached_by.search(clause))


def part_of_count_before(
    values: list[Value], measure_of: list[Ruled], count: tuple[str, str, str] | None, norm: str, vocab: Vocabulary
) -> list[Ruled]:
    """measure.part_of_count_before: a count of jobs with no measure of its own that refers back to the count of the
    sentence before (numbers.part_of_count_before: "Ruim 51.000 hiervan kwamen voor rekening van het
    bedrijfsleven") is a part of it, of its measure (`count`: its measure, year and period, which a part that names
    no year of its own takes too; None when the sentence before gave no such count), with a check."""
    if count is None:
        return measure_of
    measure, year, period = count
    check = CHECKS["part_of_count"].format(measure=measure, year=year or "none", period=period)
    return [
        Ruled(measure, "measure.part_of_count_before", check)
        if m.rule == "measure.none" and v.unit == "jobs" and numbers.part_of_count_before(v, norm, vocab)
        else m
        for v, m in zip(values, measure_of)
    ]


def parts_of_count(
    values: list[Value], measure_of: list[Ruled], counts: list[tuple[str, str, str, str]]
) -> tuple[list[Ruled], tuple[str, str] | None]:
    """measure.parts_of_count: two or more counts of jobs with no measure of their own that add up exactly to a count
    an earlier sentence of the paragraph gave (`counts`: its value, measure, year and period) are its parts, of its
    measure: "... in totaal 22.554 banen ... zijn gerealiseerd. ... Het gaat om 18.957 banen bij de sector markt en
    3.597 banen bij de sector overheid". The sum is the reader's own check, so none is asked. Returns the measures,
    and the year and period of the count they are parts of (None where none adds up)."""
    open_ = [
        i
        for i, (v, m) in enumerate(zip(values, measure_of))
        if m.rule == "measure.none" and v.unit == "jobs" and not v.meaning
    ]
    if len(open_) < 2:
        return measure_of, None
    total = sum(Decimal(values[i].number.value) for i in open_)
    whole = next((c for c in reversed(counts) if Decimal(c[0]) == total), None)
    if whole is None:
        return measure_of, None
    _, measure, year, period = whole
    parts = Ruled(measure, "measure.parts_of_count")
    return [parts if i in open_ else m for i, m in enumerate(measure_of)], (year, period)


def assign(values: list[Value], norm: str, vocab: Vocabulary, cell: str) -> list[Ruled]:
    spans = stretches(values, norm)
    # the values of one list share a stretch: its words are read once (a sentence listing thousands of values)
    parts = named_parts(norm, vocab)
    nearest = functools.cache(lambda unit, s: _nearest(norm, unit, s, vocab, parts))
    must = functools.cache(lambda s: _must(norm, s, vocab))  # "weten te creëren" aside: managed to
    managed = functools.cache(lambda s: _managed_to(norm, s, vocab))
    parallel = _parallel(values, spans, norm, vocab)
    # the words before the pair word of a parallel clause are the value's before it
    by_words = [
        UNIT_MEASURE.get(v.unit) or ("" if i in parallel else nearest(v.unit, s))
        for i, (v, s) in enumerate(zip(values, spans))
    ]
    listed = _listed_with(values, by_words, norm, vocab, parallel)
    split, part_of = _split_of(values, by_words, listed, norm, vocab)
    out_of = _out_of(values, by_words, norm, vocab)
    out = []
    for i, (v, s, taken, parted) in enumerate(zip(values, spans, listed, split)):
        own = "" if v.unit in UNIT_MEASURE else by_words[i]
        # a parallel clause must be reached if the clause it parallels must ("moet ... en de sector overheid 3.000"),
        # and a part if its total must ("was om 55.000 extra banen gerealiseerd te hebben: 15.000 bij de overheid")
        must_be = must(s) or (i in parallel and must(spans[i - 1])) or (i in part_of and must(spans[part_of[i]]))
        ruled = (
            Ruled(*out_of[i])
            if i in out_of
            else _parallel_named(_one(v, own, must_be, norm, cell, taken, parted, vocab), i in parallel)
        )
        if ruled.rule == "measure.none" and v.unit == "jobs":
            ruled = _reached_unworded(v, managed(s), norm, vocab) or ruled
        if _end_goal(v, ruled.text, vocab):
            ruled = Ruled("goal_jobs", "measure.end_goal")
        elif ruled.rule == "measure.none" and v.unit == "jobs":  # an end goal's size reads as one (measure.end_goal)
            ruled = _own_share(v, norm, vocab) or ruled
        out.append(ruled)
    return out
