"""Stage 1 of a sentence: its numbers, as Dutch writes them, and which of them are values (a number of jobs, of
employers, or a percentage) and which are years; each value with what it means when that is no plain figure.

Number forms: 5.500 and 14 800 (thousands by a dot or a space), 61,3 (a decimal comma), 2,35% and "61,3
procent", "30 duizend" and "2,5 miljoen" (a multiplying word). Babel turns the written form into its value. A
number glued to a word ("gerealiseerd5", a footnote mark) or to a slash or dash ("2018/19", "2021-2022") is no
figure.

A number in words ("zeshonderd", "vijfentwintigduizend", "twee miljoen"; vocabulary [number_words]) is read as its
value and kept in words as written. It is a value only when a unit follows it right away, as "zeshonderd banen":
never a year, never a bare number that a list or a sentence would make a count, never "een" alone (the article),
never before "keer" or "van" ("twee keer zoveel banen", "één van de werkgevers"). A number after a word that
makes it a reference ("noot 1", "bijlage 2", "artikel 3"; [sentences] marks_before) is none.

A value's meaning, where it is no plain level of the year: a change ("3.039 meer banen", "+120", "een toename
van 1,9%"), an expectation ("naar verwachting 700"), a remainder ("nog 150 te gaan"), a part of a year ("in de
eerste helft van 2024"), a range ("200 – 300"), people rather than jobs, a share of employers ("58,8% van de
ondervraagde werkgevers"), the jobs at the baseline or a total that includes them, or a region's figure. Such a
value is set aside, named, never proposed as a plain figure.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from babel.numbers import parse_decimal

from analysis.extract.vocabulary import Vocabulary, ends_with, normal

# Not glued to a letter, a slash, a dash or a full stop before it, nor to a letter, a slash or a digit after it.
# Thousands by a dot (5.500) or a (narrow, no-break) space (14 800).
NUMBER = re.compile(
    r"(?<![\w./\-–])([+\u2212]?)(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)(?:,(\d+))?"
    r"(?![\w/–]|-\d|,\d|\.\d)"
)
# The second half of an elided pair of number words: "zes- tot zevenhonderd banen" is 600 to 700, not 700.
ELIDED = re.compile(r"\w-\s+\w+\s+$")
ASIDE = re.compile(r"^\s*\([^()]{0,60}\)")  # an aside in brackets right after a unit
RANGE = re.compile(r"\s*[–—-]\s*|\s+(?:tot|à)\s+")
CLOSES_RANGE = re.compile(rf"\d(?:{RANGE.pattern})$")  # the text before a range's second number ("600 à ")


def word_count(text: str) -> int:
    """How many words `text` holds: the measure of every window counted in words ([windows] ..._words)."""
    return len(re.findall(r"\w+", text))


# The marks that end a clause
CLAUSE_MARKS = ",;:"
CLAUSE = re.compile(f"[{CLAUSE_MARKS}]")


def clause_start(norm: str, at: int) -> int:
    """Where the clause that holds position `at` starts: after the last comma, semicolon or colon before it."""
    return max(norm.rfind(mark, 0, at) for mark in CLAUSE_MARKS) + 1


def clause_before(norm: str, at: int, vocab: Vocabulary) -> str:
    """The clause that runs up to position `at` (a value's start), at most [windows] clause_before characters."""
    return CLAUSE.split(norm[max(0, at - vocab.windows.clause_before) : at])[-1]


def clause_after(norm: str, at: int, vocab: Vocabulary) -> str:
    """The clause that runs on from position `at` (a value's end), at most [windows] clause_after characters."""
    return CLAUSE.split(norm[at : at + vocab.windows.clause_after])[0]


def without_years(text: str) -> str:
    """`text` without its years (2000-2099): what is left to hold another number ("no number but a year")."""
    return re.sub(r"\b20\d\d\b", "", text)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    written: str  # as the document writes it: "5.500", "61,3", "30 duizend"
    value: str  # as the raw data stores it: "5500", "61.3", "30000"
    sign: str = ""  # "+" or "−" written before it
    in_words: bool = False  # "zeshonderd": a value only with a unit right after it

    @property
    def whole(self) -> bool:
        return "," not in self.written


@dataclass(frozen=True)
class Value:
    """A number that counts jobs, employers or a percentage."""

    number: Number
    unit: str  # jobs, employers or percent
    end: int  # where its unit ends (after "%" or "banen")
    group: int  # values listed together ("297, 413 en 663") share a group
    meaning: str = ""  # empty for a plain figure; else why it is set aside (a key of proposals.SET_ASIDE)


def _value_of(whole: str, decimals: str | None, multiplier: int = 1) -> str:
    """The value as the raw data stores it: "5.500" is 5500 and "61,3" is 61.3, every written decimal kept
    ("262,0" stays 262.0: exactly as published); "2,5 miljoen" is 2500000."""
    written = whole.replace(" ", ".").replace("\u00a0", ".").replace("\u202f", ".") + (
        f",{decimals}" if decimals else ""
    )
    value = parse_decimal(written, locale="nl_NL", strict=True)  # babel reads the Dutch form, and checks it
    if multiplier == 1:
        return format(value, "f")
    times = value * multiplier
    return format(times.quantize(1) if times == times.to_integral() else times.normalize(), "f")


def numbers(sentence: str, vocab: Vocabulary) -> list[Number]:
    """Every number of the sentence, with a multiplying word taken in ("30 duizend" is 30000), and those written
    in words ("vijftienduizend"), in order."""
    found = []
    for m in NUMBER.finditer(sentence):
        sign, whole, decimals = m.groups()
        times = vocab.multipliers.match(sentence, m.end() + 1) if sentence[m.end() : m.end() + 1] == " " else None
        multiplier = vocab.file.multipliers[times.group(0).lower()] if times else 1
        end = times.end() if times else m.end()
        written = sentence[m.start() + len(sign) : end]
        found.append(Number(m.start(), end, written, _value_of(whole, decimals, multiplier), sign))
    return sorted(found + _in_words(sentence, vocab, found), key=lambda n: n.start)


def unread(sentence: str, values: list[Value], years: list[Number], vocab: Vocabulary) -> list[str]:
    """numbers.unread: the numbers the sentence writes in digits that are neither a value (a count of jobs or
    employers, a percentage; set aside or not) nor a year nor the day of a date: no unit, a footnote's mark, a
    reference, an item's number. Listed beside the proposals, as written, so that no number of the document is
    dropped unseen."""
    taken = {v.number.start for v in values} | {n.start for n in years}
    return [
        sentence[m.start() + len(m.group(1)) : m.end()]
        for m in NUMBER.finditer(sentence)
        if m.start() not in taken and not day_of_date(sentence, m.end(), vocab)
    ]


def day_of_date(text: str, end: int, vocab: Vocabulary) -> bool:
    """Whether the number that ends at `end` is the day of a date: a month's name right after it ("12 juli")."""
    return bool(re.match(rf"\s+(?:{vocab.months.pattern})", text[end:], re.IGNORECASE))


def word_value(written: str, vocab: Vocabulary) -> int:
    """The value of a number in words that vocab.number_words matched: each word adds to the group being read,
    "honderd" multiplies it by a hundred ("twaalfhonderd" is 1200) and a multiplier closes it ("vijfentwintigduizend"
    is 25000, "honderdduizend" 100000). The pattern has checked the order of the words."""
    small = vocab.file.number_words.values()
    total = group = 0
    for word in vocab.number_words.word.findall(written.lower()):  # the joiners ("en", "ën") are no word of it
        if word in vocab.file.multipliers:
            total, group = total + max(group, 1) * vocab.file.multipliers[word], 0
        elif word == vocab.file.number_words.hundred:
            group = max(group, 1) * 100
        else:
            group += small[word]
    return total + group


def _in_words(sentence: str, vocab: Vocabulary, digits: list[Number]) -> list[Number]:
    """The numbers the sentence writes in words, but not a multiplier that belongs to digits ("30 duizend")."""
    taken = [(n.start, n.end) for n in digits]
    alone = {w.lower() for w in vocab.file.number_words.not_alone}
    return [
        Number(m.start(), m.end(), m.group(0), str(word_value(m.group(0), vocab)), in_words=True)
        for m in vocab.number_words.number.finditer(sentence)
        if m.group(0).lower() not in alone
        and not ELIDED.search(sentence[max(0, m.start() - vocab.windows.word_before) : m.start()])
        and not any(a < m.end() and m.start() < b for a, b in taken)
    ]


def is_year(number: Number) -> bool:
    return number.whole and not number.sign and re.fullmatch(r"20\d\d", number.written) is not None


def _a_year(number: Number, unit, norm: str, vocab: Vocabulary) -> bool:
    """A number such as 2020 is a year unless a unit follows it right away ("2020 banen"), and even then after
    "in" or "eind" ("ook in 2020 nieuwe banen")."""
    if not (unit and vocab.units[unit[0]].match(norm[number.end :].lstrip())):
        return True
    before = norm[max(0, number.start - vocab.windows.word_before) : number.start]  # not the whole sentence
    return bool(re.search(rf"(?:{vocab.before_own_year.pattern})\s+$", before, re.IGNORECASE))


def _unit_after(norm: str, number: Number, vocab: Vocabulary, agreement=lambda: False) -> tuple[str, int] | None:
    """The unit written after a number and where it ends. `agreement`: whether the sentence speaks of the agreement
    (numbers.agreement_unit), asked only of a number before one of its units."""
    rest = norm[number.end :]
    percent = vocab.units["percent"].match(rest, 1 if rest[:1].isspace() else 0)
    if percent:
        return "percent", number.end + percent.end()
    window = vocab.windows.unit_words_after
    following = re.match(rf"(?:\s+(?!\d)[\w'-]+){{1,{window}}}", rest)  # a few words, no number among them
    if following:
        for unit in ("jobs", "employers"):
            hit = vocab.units[unit].search(following.group(0))
            # "100.000 bij andere werkgevers": a count at the employers, not of them
            if hit and not (unit == "employers" and vocab.at_employers.search(following.group(0), 0, hit.start())):
                return unit, number.end + hit.end()
        hit = vocab.agreement_units.search(following.group(0))
        if hit and agreement():
            return "jobs", number.end + hit.end()
    return None


def agreement_unit(norm: str, vocab: Vocabulary) -> bool:
    """numbers.agreement_unit: whether a sentence speaks of the agreement or its target group ([phrases]
    agreement_said), where a number before the agreement's own unit of jobs ([phrases] agreement_units: "fte", 25,5
    hours a week) counts jobs: "Voor het einde van 2019 moet de universiteit in totaal 182 fte vullen met
    participanten", "Met 33,13 fte's zit het ziekenhuis ruim boven het minimumaantal arbeidsbeperkten"; elsewhere it
    is a staff's size ("De provincie heeft 1.500 fte in dienst")."""
    return bool(vocab.agreement_said.search(norm))


def listed(norm: str, a: int, b: int, vocab: Vocabulary) -> bool:
    """Whether the text between two numbers only lists them: ", ", " en ", " of ", with a % or unit."""
    listing = vocab.list_words.pattern
    return bool(re.fullmatch(rf"\s*(?:%|procent)?\s*(?:,|,?\s+(?:{listing}))\s+(?:\w+\s+)?", norm[a:b], re.IGNORECASE))


def values_listed_after(norm: str, at: int, vocab: Vocabulary) -> bool:
    """Whether two numbers other than years stand listed together after `at` ("40.000 en 5.000 banen")."""
    found = [n for n in numbers(norm, vocab) if n.start >= at and not is_year(n)]
    return any(listed(norm, a.end, b.start, vocab) for a, b in itertools.pairwise(found))


def read(
    sentence: str,
    norm: str,
    vocab: Vocabulary,
    cell_unit: str = "",
    after_goal: bool = False,
    after_count: bool = False,
) -> tuple[list[Value], list[Number]]:
    """The sentence's values (in order) and the numbers that are years. `cell_unit`: the unit a table cell's
    headings give its bare number. `after_goal`: whether the sentence before gave an end goal (parts_of_goal_before);
    `after_count`: whether it gave a count of jobs of one measure (part_of_count_before)."""
    values: list[Value] = []
    years: list[Number] = []
    agreement = functools.cache(lambda: agreement_unit(norm, vocab))  # read once a sentence, if ever
    for number in numbers(sentence, vocab):
        unit = _unit_after(norm, number, vocab, agreement)
        if number.in_words and not (
            _counts(number, unit, norm, vocab)
            or turned_out(number, norm, vocab)
            or due_then_turned_out(number, norm, vocab)
        ):
            continue
        if ends_with(vocab.marks_before, norm[max(0, number.start - vocab.windows.word_before) : number.start]):
            continue
        if item_number(number, norm, vocab):
            continue
        if is_year(number) and _a_year(number, unit, norm, vocab):
            years.append(number)
        elif unit:
            values.append(Value(number, unit[0], unit[1], group=len(values)))
        elif not day_of_date(norm, number.end, vocab):
            values.append(Value(number, cell_unit, number.end, group=len(values)))  # a unit may come from its list
    parts_before = after_goal and parts_of_goal_before(norm, vocab)
    if after_count:
        values = [replace(v, unit="jobs") if not v.unit and part_of_count_before(v, norm, vocab) else v for v in values]
    values = [
        v
        for v in _units_from_lists(values, norm, vocab, parts_before)
        if not (_marked_after(v, norm, vocab) or unit_size(v, norm, vocab))
    ]
    ranged = _in_ranges(values, norm)
    parts = goal_parts(values, norm, vocab)
    # of the sentence as a whole: read once
    whole = _whole(norm, vocab)
    return [
        replace(v, meaning=_meaning(i, v, (ranged, parts), whole, norm, vocab)) for i, v in enumerate(values)
    ], years


def parts_of_goal_before(norm: str, vocab: Vocabulary) -> bool:
    """numbers.parts_of_goal_before: a sentence right after an end goal that opens with words that open its parts
    ("Daarvan", [phrases] split_openers) counts what that goal counts, jobs: "Ze spraken af dat er in 2026 minimaal
    125.000 extra banen moeten zijn gecreëerd. Daarvan neemt het bedrijfsleven er 100.000 voor zijn rekening"."""
    return bool(vocab.split_openers.match(norm.lstrip()))


def part_of_count_before(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.part_of_count_before: a bare number right before words that refer back to a count ([phrases]
    parts_referred: "hiervan", "daarvan", "van hen"), in a sentence right after one that gave a count of jobs, is a
    part of that count, so it counts jobs: "Vorig jaar waren er 61.615 extra banen gecreëerd. Ruim 51.000 hiervan
    kwamen voor rekening van het bedrijfsleven." (its measure is that count's: measure.part_of_count_before)."""
    return bool(vocab.parts_referred.match(norm[value.number.end :].lstrip()))


def goal_parts(values: list[Value], norm: str, vocab: Vocabulary) -> set[int]:
    """numbers.goal_parts: the values listed after a semicolon or colon that follows a count of the size of the
    agreement's end goal (a key of [end_goals] sectors): its parts, each the count of jobs a sector must add since
    the baseline, not a change ("Eind 2025 moet de teller op 125.000 extra banen staan; 100.000 banen erbij bij
    marktwerkgevers en 25.000 banen erbij bij overheidswerkgevers")."""
    sizes = {str(size) for size in vocab.file.end_goals.sectors}
    for i, goal in enumerate(values):
        if goal.unit == "jobs" and goal.number.value in sizes:
            cut = re.compile(r"[:;]").search(norm, goal.end)
            return {k for k, v in enumerate(values) if k > i and cut and v.number.start > cut.start()}
    return set()


# An item's number: a dot right after it, then a space and a word (numbers.item_number)
ITEM_DOT = re.compile(r"\.\s+[^\W\d]")


def item_number(number: Number, norm: str, vocab: Vocabulary) -> bool:
    """numbers.item_number: a whole number of at most [windows] item_digits digits with a dot, a space and a word
    right after it, that opens a bracket or the sentence, numbers an item of a list, no value: "(1. aantal banen
    nulmeting) + (2. totaal aantal banen in jaar t ...)", "3. Het aantal banen ...". Not a count that ends a
    sentence: "kwam in 2020 uit op 4.500. Dat is ..." (no bracket before it)."""
    if not number.written.isdigit() or len(number.written) > vocab.windows.item_digits:
        return False
    before = norm[: number.start].rstrip()
    return (not before or before.endswith("(")) and bool(ITEM_DOT.match(norm, number.end))


def _marked_after(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.marked_after: a value right before words that make it no figure of the agreement ("100 procent van
    het minimumloon"; [sentences] marks_after)."""
    return bool(vocab.marks_after.match(norm[value.end :].lstrip()))


def unit_size(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.unit_size: one unit of jobs ("1 fte", "1 baan") with a number of hours before it in its clause
    ([meanings] hours) says how large a job is, no count of jobs: "voor de banenafspraak staat 25,5 uur
    dienstverband voor 1 fte", "want de banenafspraak rekent 25,5 uur per week als 1 fte"."""
    if value.unit != "jobs" or value.number.value != "1":
        return False
    hours = rf"\d\s+(?:{vocab.meanings['hours'].pattern})"
    return bool(re.search(hours, clause_before(norm, value.number.start, vocab), re.IGNORECASE))


def _counts(number: Number, unit: tuple[str, int] | None, norm: str, vocab: Vocabulary) -> bool:
    """Whether a number in words counts: only with a unit after it, and not before words that make it none
    ("twee keer zoveel banen", "één van de werkgevers")."""
    after = norm[number.end :].lstrip()
    return unit is not None and not vocab.number_words.not_a_count_after.match(after)


def _units_from_lists(values: list[Value], norm: str, vocab: Vocabulary, parts_before: bool = False) -> list[Value]:
    """Values listed together share a group and the unit written after the last ("297, 413 en 663 banen"); a
    number without a unit may count jobs all the same (_counts_jobs), as in a sentence that counts jobs, or one
    that gives the parts of the end goal before it (`parts_before`: parts_of_goal_before)."""
    groups = list(range(len(values)))
    for i, (left, right) in enumerate(itertools.pairwise(values)):
        if listed(norm, left.number.end, right.number.start, vocab) and (not left.unit or left.unit == right.unit):
            groups[i + 1] = groups[i]
    units = {g: v.unit for v, g in zip(values, groups) if v.unit}  # the unit written last in the list
    values = _parts_of(
        [replace(v, group=g, unit=v.unit or units.get(g, "")) for v, g in zip(values, groups)], norm, vocab
    )
    values = [replace(v, unit="jobs") if not v.unit and _counts_jobs(v, norm, vocab, False) else v for v in values]
    counts_jobs = parts_before or any(v.unit == "jobs" for v in values)
    values = [
        replace(v, unit="jobs") if not v.unit and _counts_jobs(v, norm, vocab, counts_jobs) else v for v in values
    ]
    return [v for v in values if v.unit]


def _parts_of(values: list[Value], norm: str, vocab: Vocabulary) -> list[Value]:
    """A number right before "van de (beoogde)" and a count of jobs counts those jobs: "12.298 van de beoogde
    17.500 extra banen" (measures reads the first as the count reached, the second as its target)."""
    out = list(values)
    for i, (a, b) in enumerate(itertools.pairwise(values)):
        if not a.unit and b.unit == "jobs" and vocab.out_of.fullmatch(norm[a.end : b.number.start].strip()):
            out[i] = replace(a, unit="jobs")
    return out


def _of_the_agreement(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """Whether a count of people counts the agreement's jobs: its end goal in people (_end_goal_of_people), or people of
    its target group at work (people_at_work); other people are set aside (numbers: "persons")."""
    return _end_goal_of_people(v, norm, vocab) or people_at_work(v, norm, vocab)


def _end_goal_of_people(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """The agreement's end goal counted in people of its target group ("voor 125.000 mensen met een
    arbeidsbeperking", "100.000 extra arbeidsbeperkten"): jobs all the same, as the end goal is of jobs. Not other
    people ("ruim 100.000 mensen werkzaam" at the ministries)."""
    whole = v.number.value.isdigit() and int(v.number.value) in vocab.file.end_goals.sectors
    if not whole:
        return False
    after = norm[v.number.end :].lstrip()
    people = vocab.meanings["persons"].match(after)
    if people:
        return bool(vocab.target_group.match(after[people.end() :].lstrip()))
    return bool(vocab.target_group_people.match(after))


def people_at_work(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.people_at_work: a count of people ([phrases] people_of_jobs: "mensen", "medewerkers") of the agreement's
    target group (target_group right after them, an aside in brackets between aside: "met een arbeidsbeperking", "uit
    de doelgroep", "uit het doelgroepregister") that its clause says are at work (at_work after those words: "aan het
    werk", "werk gevonden", "in dienst"; no word of not_at_work between: "nog geen", "willen") counts the agreement's
    jobs, as an employer or a sector counts them: "Inmiddels gingen 23 mensen uit de doelgroep bij het waterschap aan
    het werk", "toen 12.298 mensen met een arbeidsbeperking aan het werk waren in de publieke sector"; in a sentence
    that names the sector whose count it is. Not in one that names none: UWV's national count of persons, beside its
    count of jobs ("in totaal 136.921 mensen uit de doelgroep aan het werk"), is none; nor "personen", its word for
    them; not the target group's size ("In het doelgroepregister staan 253.069 mensen"), nor other people ("100.000
    mensen werkzaam"), nor a range ("600 à 700 mensen")."""
    window = vocab.windows.clause_after + vocab.windows.aside_after  # its clause, past an aside in brackets
    after = norm[v.number.end : v.number.end + window].lstrip()
    people = vocab.people_of_jobs.match(after)
    if not people or CLOSES_RANGE.search(norm[max(0, v.number.start - vocab.windows.word_before) : v.number.start]):
        return False  # "600 à 700 mensen": a range, not a count
    rest = re.sub(r"^\s*\([^()]*\)", "", after[people.end() :]).lstrip()  # "248 medewerkers (312 fte, ...) uit ..."
    group = vocab.target_group.match(rest)
    if not group:
        return False
    clause = CLAUSE.split(rest[group.end() :])[0]
    if not vocab.at_work.search(clause) or vocab.not_at_work.search(
        clause_before(norm, v.number.start, vocab) + clause
    ):
        return False
    return any(words.search(norm) for words in vocab.sectors.values())  # read last: most numbers never get here


def ends_before(words: re.Pattern, norm: str, start: int, vocab: Vocabulary, *more: re.Pattern) -> bool:
    """Whether `words` end the text right before a number ([windows] phrase_beside characters), a qualifier between
    them aside, and the `more` words that may stand among the qualifiers ("slechts"): "de teller bleef steken op" in
    "de teller bleef steken op een kleine 12.000". The words are looked for first: most numbers have none of them
    before, and the qualifiers are then not read."""
    before = norm[max(0, start - vocab.windows.phrase_beside) : start].rstrip()
    if not words.search(before):
        return False
    return ends_with(words, unqualified(before, vocab, *more))


def unqualified(text: str, vocab: Vocabulary, *more: re.Pattern) -> str:
    """`text` without the qualifiers that end it ("een kleine", "ruim"), and without the `more` words that may stand
    among them ("slechts"): what stands before a number once its qualifier is set aside. The longest first, until
    none ends it."""
    text = text.rstrip()
    while True:
        ends = [
            m.start() for q in (*vocab.qualifiers.values(), *more) for m in q.finditer(text) if m.end() == len(text)
        ]
        if not ends:
            return text
        text = text[: min(ends)].rstrip()


def stands_at(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.stands_at: whether a value is what a count of jobs stands at, in its clause: a verb of standing
    ([phrases] stands) and a count ("het aantal ... banen": count_noun, a unit of jobs within three words; or a
    noun that is a count itself: counters, "de teller") before "op" (stands_on) right before the value, a qualifier
    or an adverb between aside (stands_adverbs: "slechts"): "Het aantal extra gerealiseerde banen stond eind 2022
    echter op 81.117", "Eind 2021 stond de teller voor de overheid op slechts 11.842 banen". Such a bare number
    counts jobs (_counts_jobs), and such a count with no measure words of its own is one reached
    (measure.stands_at)."""
    clause = clause_before(norm, v.number.start, vocab)
    before = unqualified(clause, vocab, vocab.stands_adverbs)  # "op slechts 11.842", "op ruim 5.000"
    if not ends_with(vocab.stands_on, before):
        return False
    jobs = vocab.units["jobs"].pattern
    counted = rf"(?:{vocab.counters.pattern})|(?:{vocab.count_noun.pattern})(?:\s+[\w'-]+){{0,3}}?\s+(?:{jobs})"
    return bool(vocab.stands.search(before)) and bool(re.search(counted, before, re.IGNORECASE))


def turned_out(number: Number, norm: str, vocab: Vocabulary) -> bool:
    """numbers.turned_out: whether a number is what a count turned out to be, right after "het werden er", "dit
    waren er" or "waren dit er" ([phrases] turned_out), an adverb ("maar", "slechts": stands_adverbs) or a qualifier
    between aside: "Volgens de afspraak moesten er in 2018 vijftienduizend banen bij komen, maar het werden er maar
    9100". Such a number counts jobs, also in words and without a unit ("het werden er net geen tienduizend"), and
    is a count reached (measure.turned_out); "er" refers back to what the sentence counts."""
    return ends_before(vocab.turned_out, norm, number.start, vocab, vocab.stands_adverbs)


def due_then_turned_out(number: Number, norm: str, vocab: Vocabulary) -> bool:
    """numbers.due_then_turned_out: whether a number is the count a sentence says was due, in a clause with an
    obligation's word ([phrases] obligation: "moesten", "hadden ... moeten") right before the clause that says what
    it turned out to be ([phrases] turned_out), within [windows] turned_out_due_words words, the only number of its
    clause but a year: "Volgens de afspraak moesten er in 2019 achtduizend overheidsbanen bij komen, maar het werden
    er maar 5200", "de werkgevers moesten 30.000 arbeidsgehandicapten aannemen, dat werden er 37.000". "Er" counts
    what the due number counts, so it counts jobs, also in words and without a unit of jobs; its measure is the
    obligation's (a target). Not a number in a clause that says nothing was due ("Bij de provincies werkten 80
    stagiairs, dat waren er 12 meer"), nor one of two ("moesten 2.400 arbeidsgehandicapten aannemen in 35 regio's":
    which was due?)."""
    after = norm[number.end : number.end + vocab.windows.due_turned_out_after]
    hit = vocab.turned_out.search(after)  # most numbers have none of these words after them
    if not hit:
        return False
    if word_count(after[: hit.start()]) > vocab.windows.turned_out_due_words:
        return False
    start = clause_start(norm, number.start)
    end = number.end + hit.start()
    others = without_years(norm[start : number.start] + " " + norm[number.end : end])
    return not re.search(r"\d", others) and bool(vocab.obligation.search(norm, start, end))


def target_said(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.target_said: a number without a unit that a target's word in its clause says it was ("Het tussendoel
    voor eind vorig jaar was 80.000, waarvan ..."; [phrases] target_said, target_said_verbs), with no noun of its own
    after it, counts jobs: a target is one of jobs. Not "Het doel voor 2021 was 80 nieuwe proeftuinen"."""
    if not ends_before(vocab.target_said_verbs, norm, v.number.start, vocab):
        return False
    start = clause_start(norm, v.number.start)
    if not vocab.target_said.search(norm, start, v.number.start):
        return False
    after = norm[v.number.end :].lstrip()
    return not after or after[0] in ".,;:)" or bool(vocab.bare_before.match(after))


def _counts_jobs(v: Value, norm: str, vocab: Vocabulary, sentence_counts_jobs: bool) -> bool:
    """Whether a number without a unit counts jobs: after words that say so ("het streven van 75.000", a qualifier
    between them: "de teller bleef steken op een kleine 12.000"); or, in a
    sentence that counts jobs, before a part's words ("waarvan 346 in eigen dienst"), after a sector's name ("en
    de sector overheid 3.000"), before its measure's words ("50.000 ten doel gestelde extra banen") or before no
    noun of its own ("en 40.000 in de markt", "58.000 gerealiseerd")."""
    before = norm[max(0, v.number.start - vocab.windows.phrase_beside) : v.number.start]
    reached = vocab.measures["realised_jobs"].match(norm[v.number.end :].lstrip())  # "er zijn er 18.957 gerealiseerd"
    after_words = ends_before(vocab.jobs_before, norm, v.number.start, vocab)
    if (
        after_words
        or reached
        or _end_goal_of_people(v, norm, vocab)
        or people_at_work(v, norm, vocab)
        or stands_at(v, norm, vocab)
        or target_said(v, norm, vocab)
        or turned_out(v.number, norm, vocab)
        or due_then_turned_out(v.number, norm, vocab)
        or bracketed(v, norm, vocab)
    ):
        return True
    if not sentence_counts_jobs:
        return False
    after = norm[v.number.end : v.number.end + vocab.windows.part_after].lstrip()
    parts = [vocab.measures[p] for p in ("realised_own", "realised_sroi")]
    # "58.000 gerealiseerd", "50.000 ten doel gestelde extra banen": the words of a count's measure right after it
    measured = any(vocab.measures[m].match(after) for m in ("realised_jobs", "target_jobs"))
    follows = not after or after[0] in ".,;:)" or bool(vocab.bare_before.match(after)) or measured
    named = [*vocab.sectors.values(), vocab.realised_before]  # "de sector overheid 3.000", "met 7.940"
    return any(p.match(after) for p in parts) or any(ends_with(w, before) for w in named) or follows


def before_bracket(text: str, vocab: Vocabulary) -> str | None:
    """The text before an opening bracket ([phrases] split_brackets) that ends `text`, a qualifier after the bracket
    aside; None if no bracket ends it."""
    # most values have no bracket before them: the qualifiers are then not read
    if "(" not in text.rstrip()[-vocab.windows.bracket_before :]:
        return None
    text = unqualified(text, vocab)
    bracket = [m for m in vocab.split_brackets.finditer(text) if m.end() == len(text)]
    return text[: bracket[0].start()].rstrip() if bracket else None


def bracket_label_before(text: str, vocab: Vocabulary) -> str:
    """The sector whose name ([sectors], or a bare word of [labels]: "overheid") stands right before the bracket that
    ends `text` (the text before a value): "zowel markt (15.604) als overheid (5453)"; "" if none."""
    before = before_bracket(text, vocab)
    if not before:
        return ""
    for patterns in (vocab.sectors, vocab.labels):
        for sector, words in patterns.items():
            if ends_with(words, before):
                return sector
    return ""


def bracket_label(value: Value, norm: str, vocab: Vocabulary) -> str:
    """The sector whose name stands right before the bracket that opens on the value (a qualifier between aside):
    "de verdeling markt (14.000 banen) en overheid (6500 banen)", "zowel markt (15.604) als overheid (5453)"; "" if
    none. A sector's bare word of [labels] ("overheid") names it only there. Read by numbers.bracketed,
    measure.reached_by and sector.bracket_label."""
    start = value.number.start
    return bracket_label_before(norm[max(0, start - vocab.windows.bracket_label_before) : start], vocab)


def bracketed(v: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.bracketed: a bare number that opens a bracket (a qualifier aside) counts jobs when what stands before
    the bracket says what it counts: a sector's name ("zowel markt (15.604) als overheid (5453)": the label that
    sector.bracket_label reads), a target's word ([phrases] target_said: "de doelstelling (9000)"), or a clause that
    names jobs ("zijn meer banen voor mensen met een beperking ontstaan (bijna 19.000 in plaats van 14.000)": a unit
    of jobs after its last comma, colon or semicolon). Not a bracket after other words ("het aantal personen dat
    werk vindt (7.016)", "Jasna (28)")."""
    before = before_bracket(norm[max(0, v.number.start - vocab.windows.clause_before) : v.number.start], vocab)
    if not before:
        return False
    if bracket_label(v, norm, vocab):
        return True
    if ends_with(vocab.target_said, before):
        return True
    clause = CLAUSE.split(before)[-1]
    return bool(vocab.units["jobs"].search(clause))


def valued_clauses(norm: str, values: list[Value]) -> str:
    """The sentence up to the end of the clause of its last value: a clause after a colon, a semicolon or a spaced
    dash ("–", "—") that follows every value and holds none says nothing of them ("10.640 extra banen via een
    uitzendcontract of detachering: op dit moment niet onder te verdelen naar overheid en markt", "8.988 extra banen
    via een inleenverband (uitzendcontract of detachering) – op dit moment niet onder te verdelen naar overheid en
    markt" are no counts of the day, and name neither sector). Where the words of a count
    of the day ("op dit moment", "momenteel") and of a period are read (years.assign, qualities.period)."""
    if not values:
        return norm
    cut = re.compile(r"[:;]|\s[–—]\s").search(norm, values[-1].end)
    return norm[: cut.start()] if cut else norm


# ---------------------------------------------------------------- meanings


def _meaning(i: int, value: Value, among: tuple[set[int], set[int]], whole: str, norm: str, vocab: Vocabulary) -> str:
    """What the value is when it is no plain level: the first of the named meanings whose words stand at it.
    `among`: the values (their indices) that bound a range, and those that are parts of an end goal (goal_parts:
    "erbij" after them is no change). `whole`: what the sentence as a whole makes its values ("part_year",
    "regional"), or ""."""
    ranged, parts = among
    before = norm[max(0, value.number.start - vocab.windows.phrase_beside) : value.number.start]
    after = norm[
        value.number.end : value.end + vocab.windows.phrase_beside
    ]  # "3.039 meer banen": the words before its unit too
    # "960 banen (gerekend in 25,5 uur per week) meer": the words after an aside
    after_unit = ASIDE.sub("", norm[value.end : value.end + vocab.windows.aside_after], count=1)
    after_unit = after_unit[: vocab.windows.phrase_beside]
    at = vocab.meanings
    rules = (
        ("change", value.number.sign != ""),
        (
            "change",
            (i not in parts and any(at["change_after"].match(t.lstrip()) for t in (after, after_unit)))
            # "een stijging van ruim 13%": a qualifier between; not one counted from the baseline
            or (change_before(value, norm, vocab) and not from_baseline(value, norm, vocab)),
        ),
        ("change", value.unit == "jobs" and against_earlier(value, norm, vocab)),
        ("range", i in ranged),
        (
            "remainder",
            ends_with(at["remainder_before"], before)
            and bool(at["remainder_after"].search(after[: vocab.windows.remainder_after])),
        ),
        (
            "expectation",
            bool(
                at["expectation"].search(
                    norm[max(0, value.number.start - vocab.windows.words_before) : value.number.start]
                )
            ),
        ),
        ("example", whole == "example"),
        ("pace", pace(value, norm, after_unit, vocab)),
        ("part_year", whole == "part_year"),
        ("persons", bool(at["persons"].match(after.lstrip())) and not _of_the_agreement(value, norm, vocab)),
        ("employers_share", value.unit == "percent" and of_employers(value, norm, vocab)),
        ("baseline", value.unit == "jobs" and at_baseline(value, norm, vocab)),
        ("regional", whole == "regional" or of_region(value, norm, vocab)),
    )
    return next((meaning for meaning, holds in rules if holds), "")


def _whole(norm: str, vocab: Vocabulary) -> str:
    """What the sentence as a whole makes its values, read once: a worked example ("Organisatie X moet ... 68 banen
    realiseren"; [meanings] example), part of a year ("in de eerste helft van 2024"), a region's; else ""."""
    if vocab.meanings["example"].search(norm):
        return "example"
    if vocab.meanings["part_year"].search(norm):
        return "part_year"
    return "regional" if _in_a_province(norm, vocab) else ""


def pace(value: Value, norm: str, after_unit: str, vocab: Vocabulary) -> bool:
    """numbers.pace: whether a value is a yearly pace, no level of a year: "jaarlijks" or "elk jaar" right before it, a
    qualifier between aside ("tot 2024 elk jaar ruim 80 extra banen"), or "per jaar" right after its unit ("12 nieuwe
    banen per jaar"; [meanings] pace_before, pace_after). Not "per jaar" elsewhere in the sentence."""
    at = vocab.meanings
    return bool(at["pace_after"].match(after_unit.lstrip())) or ends_before(
        at["pace_before"], norm, value.number.start, vocab
    )


def of_region(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.of_region: whether a value is a region's, no figure of a sector of the agreement: the words of a
    region before it in its clause ("In onze regio waren er per 31 maart 1.647 banen", "De arbeidsmarktregio heeft
    met een score van 238,4% ..."; not the plural "de arbeidsmarktregio's"; [meanings] region), or a share per
    region right after it ("7 per arbeidsmarktregio"; region_after). A sentence set in a province is read once for
    all its values (_in_a_province)."""
    at = vocab.meanings
    if at["region_after"].match(norm[value.end :].lstrip()):
        return True
    clause = clause_before(norm, value.number.start, vocab)
    return any(not clause[hit.end() :].startswith("'") for hit in at["region"].finditer(clause))


def _in_a_province(norm: str, vocab: Vocabulary) -> bool:
    """numbers.of_region, for a sentence as a whole: a province's name as a place in a sentence that names no
    sector ("In Zeeland zijn er sinds de nulmeting 1.238 extra banen gecreëerd"; not "In Friesland heeft de
    provincie 40 banen gerealiseerd"; [meanings] regional_places). Read once a sentence: searched once a value,
    a sentence of thousands of values would cost the square of its length."""
    return bool(vocab.meanings["regional_places"].search(norm)) and not any(
        w.search(norm) for w in vocab.sectors.values()
    )


def of_employers(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """Whether a percentage is a share of employers ("58,8% van de ondervraagde werkgevers", "15 procent van de
    werkgevers", "40 procent van de besturen"): a survey's share of employers who employ someone of the target group,
    no figure of the agreement (numbers.of_employers). Not a share of the target, the quota or the staff ("61% van
    het quotum", "79% van het personeel")."""
    at = vocab.meanings
    share = re.match(rf"\s*(?:{at['employers_share_before'].pattern})", norm[value.end :], re.IGNORECASE)
    if not share:
        return False
    words = vocab.windows.employers_share_words
    rest = norm[value.end + share.end() : value.end + share.end() + vocab.windows.employers_share_after]
    return bool(re.match(rf"(?:\s+[\w'-]+){{0,{words}}}?\s+(?:{at['employers_share'].pattern})", rest, re.IGNORECASE))


def at_baseline(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """Whether a count is of the jobs that stood at the baseline ("de 75.179 banen die er al waren bij de
    nulmeting", "de 75.179 banen ten tijde van de nulmeting"): the words that place it there after it in its clause
    (numbers.at_baseline). The baseline's level, no extra jobs."""
    clause = clause_after(norm, value.end, vocab)
    hit = vocab.meanings["baseline_at"].search(clause)
    return bool(hit) and word_count(clause[: hit.start()]) <= vocab.windows.baseline_at_words


def with_baseline(values: list[Value], norm: str, after: str, vocab: Vocabulary) -> list[Value]:
    """The counts of all jobs, the baseline's included, no counts of extra jobs (numbers.with_baseline): in a
    sentence that says it includes a count of the baseline's jobs ("Inclusief de 75.179 banen die er al waren bij
    de nulmeting, waren er eind 2021 in totaal 147.988 banen"), or whose sentence after opens so (`after`: "In
    totaal waren er eind 2022 156.296 banen ... Dat is inclusief de 75.179 banen ten tijde van de nulmeting"). Every
    other count of jobs of the sentence that has no meaning of its own."""
    at = vocab.meanings
    here = any(v.meaning == "baseline" for v in values) and bool(at["including"].search(norm))
    if not here and not _opens_including(normal(after), vocab):
        return values
    return [replace(v, meaning="with_baseline") if v.unit == "jobs" and not v.meaning else v for v in values]


def _opens_including(after: str, vocab: Vocabulary) -> bool:
    """Whether a sentence opens by saying the one before includes the baseline's jobs ("Dat is inclusief de 75.179
    banen ten tijde van de nulmeting")."""
    at = vocab.meanings
    words = vocab.windows.including_words
    opening = re.match(rf"\W*(?:[\w'-]+\s+){{0,{words}}}(?:{at['including'].pattern})", after, re.IGNORECASE)
    return bool(opening) and bool(at["baseline_at"].search(after))


def against_earlier(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.against_earlier: a count compared, after it in its clause, with an earlier time than the baseline is
    a change ("10.146 extra banen gerealiseerd ten opzichte van eind 2021", "1.200 extra banen vergeleken met het
    voorgaande jaar"): [meanings] compared_with, then within [windows] compared_words words a year other than [years]
    baseline or an [meanings] earlier_time. Not the baseline ("ten opzichte van eind 2012", "ten opzichte van de
    nulmeting"), not a comparison before the count (the count's own level: "ten opzichte van 2019 geen nieuwe
    banen ... het totaal nu 51 banen")."""
    at = vocab.meanings
    clause = clause_after(norm, value.end, vocab)
    compared = at["compared_with"].search(clause)
    if not compared:
        return False
    words = re.findall(r"[\w'-]+", clause[compared.end() :])[: vocab.windows.compared_words]
    object_ = " ".join(words)
    if at["from_baseline"].search(clause[compared.start() :]):
        return False
    years = [w for w in words if re.fullmatch(r"20\d\d", w)]
    if years:
        return years[0] not in vocab.file.years.baseline
    return bool(at["earlier_time"].match(object_))


def change_before(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """Whether a change's words stand before the number: right before it ("een stijging van ruim 13%"), or its noun a
    few words before the "van" right before it ("een daling te zien van 1.838 banen", "een stijging in het tweede
    kwartaal van 4%": numbers.change_apart), but not a change from one level to the next ("een stijging van de
    realisatie van 80% naar 85%")."""
    at = vocab.meanings
    if ends_before(at["change_before"], norm, value.number.start, vocab):
        return True
    return change_apart(value, norm, vocab) or change_by(value, norm, vocab)


def change_by(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.change_by: a count after "met" ([meanings] change_by; a qualifier or "in totaal" between aside) that a
    verb of change ([meanings] change_verbs) measures: the verb before it in its clause, within [windows]
    change_verb_words words and no number but a year between ("Het aantal banen via uitzendcontracten daalde ten
    opzichte van het vierde kwartaal 2015 met 1986 banen", "is fors gedaald, en wel met 761 banen", "is opnieuw
    gestegen, nu met in totaal 36 banen": a comma ends the clause unless words that resume the change follow it,
    [meanings] change_resumed; no clause of its own between, [years] clause_openers), or right after it ("met 1.200
    banen gestegen"). By how much a count rose or fell: a change, not its level. The words "met" are looked for
    first: most numbers have none before."""
    at = vocab.meanings
    before = norm[max(0, value.number.start - vocab.windows.clause_before) : value.number.start]
    if not at["change_by"].search(before[-vocab.windows.phrase_beside :]):
        return False
    head = unqualified(before, vocab, vocab.in_total)
    if not ends_with(at["change_by"], head):
        return False
    if at["change_verbs"].match(norm[value.end : value.end + vocab.windows.phrase_beside].lstrip()):
        return True
    # the clause: up to a semicolon, a colon, or a comma that opens no words resuming the change ("en wel", "nu")
    resumes = at["change_resumed"].pattern
    clause = re.split(rf"[;:]|,(?!\s*(?:{resumes})\b)", head, flags=re.IGNORECASE)[-1]
    verbs = list(at["change_verbs"].finditer(clause))
    if not verbs:
        return False
    between = without_years(clause[verbs[-1].end() :])
    # no clause of its own between ("steeg in 2019 en de markt haalde met 5.000 banen"), but "en wel"
    opened = vocab.clause_openers.search(at["change_resumed"].sub("", between))
    near = word_count(between) <= vocab.windows.change_verb_words
    return near and not opened and not re.search(r"\d", between)


def change_apart(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """numbers.change_apart: a change's noun, then at most [windows] change_noun_words words, then "van" ([meanings]
    change_noun_of; a qualifier aside) right before the number, in one clause; not before [years] change_to ("naar
    85%"). The nouns are looked for first: most numbers have none before them."""
    before = norm[max(0, value.number.start - vocab.windows.change_noun_before) : value.number.start]
    nouns = list(vocab.meanings["change_nouns"].finditer(before))
    if not nouns or re.search(r"[,;:]", before[nouns[-1].end() :]):
        return False
    between = before[nouns[-1].end() :]
    near = word_count(between) <= vocab.windows.change_noun_words + 1  # and the "van" itself
    return (
        near
        and ends_before(vocab.meanings["change_noun_of"], before, len(before), vocab)
        and not vocab.change_to.match(norm[value.end :].lstrip())
    )


def from_baseline(value: Value, norm: str, vocab: Vocabulary) -> bool:
    """Whether a rise before a count is counted from the baseline in its clause ("ten opzichte van de nulmeting
    2012 een stijging van 12.543 banen", "maar ten opzichte van de nulmeting is er een stijging van 10.291 banen"):
    the level of extra jobs, not a change (measure.from_baseline). One home for both the change it is not and the
    count reached it is."""
    if not change_before(value, norm, vocab):
        return False
    before = norm[max(0, value.number.start - vocab.windows.baseline_before) : value.number.start]
    clause = CLAUSE.split(before)[-1]
    return bool(vocab.meanings["from_baseline"].search(clause))


def _in_ranges(values: list[Value], norm: str) -> set[int]:
    """The values that bound a range: '200 – 300', '200 tot 300' (banen): two values joined by a dash or 'tot'."""
    ranged: set[int] = set()
    for i, (left, right) in enumerate(itertools.pairwise(values)):
        if RANGE.fullmatch(norm[left.number.end : right.number.start]):
            ranged |= {i, i + 1}
    return ranged
