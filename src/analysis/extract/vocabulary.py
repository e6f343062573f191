"""The words, windows and thresholds extract reads by (vocabulary.toml beside this module), checked against a
typed schema when loaded, and made into patterns once per run (sector names also come from the raw folder's
sectors.csv). A section or key that does not exist, a measure, period, basis or qualifier the dictionary does not
define, or a sector id the registry does not hold is refused with its line in the file: a misspelt key would
otherwise silently make a pattern that never matches.

A word matches whole, whatever its case; a digit may follow it (a footnote mark: "gerealiseerd5"). Documents
write ’ where the lists write ', so matching is done on a copy of the sentence with ’ read as ' (the same length:
offsets hold).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, PositiveFloat, PositiveInt, ValidationError, field_validator

from analysis import dictionary
from analysis.errors import VocabularyError

FILE = "vocabulary.toml"

Words = list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Meanings(_Strict):
    change_after: Words
    change_before: Words
    change_nouns: Words
    change_noun_of: Words
    compared_with: Words
    earlier_time: Words
    from_baseline: Words
    expectation: Words
    remainder_after: Words
    remainder_before: Words
    pace_before: Words
    pace_after: Words
    example: Words
    part_year: Words
    hours: Words
    persons: Words
    employers_share_before: Words
    employers_share: Words
    baseline_at: Words
    including: Words
    region: Words
    region_after: Words
    regional_places: Words
    change_verbs: Words
    change_by: Words
    change_resumed: Words
    share_words: Words


class Phrases(_Strict):
    realised_before: Words
    jobs_before: Words
    count_noun: Words
    stands: Words
    stands_on: Words
    counters: Words
    stands_adverbs: Words
    turned_out: Words
    target_said: Words
    target_said_verbs: Words
    reached_after: Words
    national_markers: Words
    the_sector: Words
    agreement_units: Words
    agreement_said: Words
    target_group: Words
    target_group_people: Words
    people_of_jobs: Words
    at_work: Words
    not_at_work: Words
    out_of: Words
    instead_of: Words
    in_total: Words
    obligation: Words
    obligation_after: Words
    managed: Words
    parts_referred: Words
    came: Words
    came_after: Words
    own_share: Words
    own_share_past: Words
    split_openers: Words
    split_brackets: Words
    reached_by: Words
    unsplit_parts: Words


class NumberWords(_Strict):
    units: dict[str, PositiveInt]
    teens: dict[str, PositiveInt]
    tens: dict[str, PositiveInt]
    hundred: str
    joiners: Words
    not_alone: Words
    not_a_count_after: Words

    def values(self) -> dict[str, int]:
        """Every word's value, lower case (the multipliers aside)."""
        return {w.lower(): v for w, v in (self.units | self.teens | self.tens | {self.hundred: 100}).items()}


class EndGoals(_Strict):
    earliest_due: PositiveInt
    agreement_end: PositiveInt
    sectors: dict[int, str]


class Years(_Strict):
    reference: Words
    baseline: Words
    baseline_year_end: PositiveInt
    respectively: Words
    months: Words
    start_of_year: Words
    due_before: Words
    due_before_start: Words
    deadline: Words
    deadline_date: Words
    change_from: Words
    change_to: Words
    refers_back: Words
    before_own_year: Words
    relative_clause: Words
    clause_openers: Words
    now: Words
    now_undated: Words
    at_that_time: Words
    relative: dict[str, int]


class Sentences(_Strict):
    abbreviations: Words
    at_employers: Words
    list_words: Words
    bare_before: Words
    pair_words: Words
    marks_before: Words
    marks_after: Words


class Windows(_Strict):
    qualifier_before: PositiveInt
    part_after: PositiveInt
    unit_words_after: PositiveInt
    own_year_words: PositiveInt
    relative_clause_words: PositiveInt
    baseline_before: PositiveInt
    change_noun_words: PositiveInt
    change_verb_words: PositiveInt
    turned_out_due_words: PositiveInt
    compared_words: PositiveInt
    employers_share_words: PositiveInt
    baseline_at_words: PositiveInt
    including_words: PositiveInt
    measure_after_bonus: int
    listed_measure_words: PositiveInt
    split_words: PositiveInt
    next_value_words: PositiveInt
    rounding_share: PositiveFloat
    word_before: PositiveInt
    item_digits: PositiveInt
    phrase_beside: PositiveInt
    words_before: PositiveInt
    bracket_before: PositiveInt
    bracket_label_before: PositiveInt
    clause_before: PositiveInt
    clause_after: PositiveInt
    aside_after: PositiveInt
    remainder_after: PositiveInt
    change_noun_before: PositiveInt
    employers_share_after: PositiveInt
    due_turned_out_after: PositiveInt
    managed_before: PositiveInt


class Reading(_Strict):
    footnote_size: PositiveFloat
    footnote_page_share: PositiveFloat
    paragraph_gap: PositiveFloat
    heading_size: PositiveFloat
    heading_words: PositiveInt
    heading_chars: PositiveInt
    footnote_lines: PositiveInt
    column_gutter: PositiveFloat
    column_min_chars: PositiveInt


class National(_Strict):
    total: str


class Joined(_Strict):
    joiners: Words
    between: Words


class VocabularyFile(_Strict):
    """The schema of vocabulary.toml."""

    units: dict[Literal["jobs", "employers", "percent"], Words]
    multipliers: dict[str, PositiveInt]
    number_words: NumberWords
    measures: dict[str, Words]
    meanings: Meanings
    phrases: Phrases
    periods: dict[str, Words]
    bases: dict[str, Words]
    qualifiers: dict[str, Words]
    end_goals: EndGoals
    sectors: dict[str, Words]
    employers: dict[str, Words]
    national: National
    wholes: dict[str, Words]
    joined: Joined
    scopes: dict[str, Words]
    labels: dict[str, Words]
    years: Years
    sentences: Sentences
    windows: Windows
    reading: Reading

    @field_validator("measures", "periods", "bases", "qualifiers")
    @classmethod
    def _defined(cls, given: dict, info) -> dict:
        known = {"measures": dictionary.MEASURES, "periods": dictionary.PERIODS, "bases": dictionary.BASES}
        known = known.get(info.field_name, dictionary.QUALIFIERS)
        wrong = sorted(set(given) - set(known))
        if wrong:
            raise ValueError(f"{', '.join(map(repr, wrong))}: not in dictionary.toml ({', '.join(sorted(known))})")
        return given

    def sector_ids(self) -> dict[tuple[str, ...], str]:
        """Every sector id the file names, by where it stands (section, key)."""
        named = {("sectors", s): s for s in self.sectors} | {("scopes", s): s for s in self.scopes}
        named |= {("labels", s): s for s in self.labels} | {("employers", s): s for s in self.employers}
        goals = {("end_goals", "sectors", str(v)): s for v, s in self.end_goals.sectors.items()}
        wholes = {("wholes", w): w for w in self.wholes}
        wholes |= {("wholes", w, part): part for w, parts in self.wholes.items() for part in parts}
        return named | goals | wholes | {("national", "total"): self.national.total}


def _line(text: str, loc: tuple) -> int:
    """The line of vocabulary.toml that a place in it (section, key, ...) stands on: the key's line under the
    longest section heading the place begins with, else that heading's line; 1 if none is found."""
    lines = text.splitlines()
    parts = [str(p) for p in loc]
    for depth in range(len(parts), 0, -1):
        heading = next((i for i, ln in enumerate(lines) if ln.strip() == f"[{'.'.join(parts[:depth])}]"), None)
        if heading is None:
            continue
        key = parts[depth] if depth < len(parts) else None
        for i in range(heading + 1, len(lines)):
            if lines[i].startswith("["):
                break
            if key is not None and re.match(rf'\s*"?{re.escape(key)}"?\s*=', lines[i]):
                return i + 1
        return heading + 1
    return 1


def load(text: str | None = None, name: str = FILE) -> VocabularyFile:
    """vocabulary.toml (or `text` in its place, for a test), checked; VocabularyError naming every wrong place."""
    text = text if text is not None else resources.files("analysis.extract").joinpath(FILE).read_text("utf-8")
    try:
        return VocabularyFile.model_validate(tomllib.loads(text))
    except tomllib.TOMLDecodeError as err:
        raise VocabularyError(f"{name}: not valid TOML: {err}") from None
    except ValidationError as err:
        problems = []
        for e in err.errors():
            message = e["msg"].removeprefix("Value error, ")
            # a section's own check names the wrong key ("'realised_onw': not in ..."): its line is the key's
            named = re.match(r"'([^']+)'", message)
            where = (*e["loc"], named.group(1)) if named and len(e["loc"]) == 1 else e["loc"]
            problems.append(f"{name}:{_line(text, where)}: [{'.'.join(map(str, where))}] {message}")
        raise VocabularyError("\n".join(problems)) from None


VOCABULARY = load()  # vocabulary.toml beside this module, checked once


def _near(sector: str, registered: set[str]) -> str:
    """The registered id `sector` misspells, if it is a near miss of one."""
    close = difflib.get_close_matches(sector, sorted(registered), n=1, cutoff=0.8)
    return close[0] if close else ""


def _held(file: VocabularyFile, registered: set[str]) -> VocabularyFile:
    """The vocabulary without the sectors the registry does not hold."""
    goals = {v: s for v, s in file.end_goals.sectors.items() if s in registered}
    return file.model_copy(
        update={
            "sectors": {s: w for s, w in file.sectors.items() if s in registered},
            "scopes": {s: w for s, w in file.scopes.items() if s in registered},
            "employers": {s: w for s, w in file.employers.items() if s in registered},
            "labels": {s: w for s, w in file.labels.items() if s in registered},
            "wholes": {w: [p for p in ps if p in registered] for w, ps in file.wholes.items() if w in registered},
            "end_goals": file.end_goals.model_copy(update={"sectors": goals}),
        }
    )


def normal(text: str) -> str:
    """The text to match in: ’ and ‘ as ', offsets unchanged."""
    return text.replace("’", "'").replace("‘", "'")


def pattern(words) -> re.Pattern:
    """Any of `words`, longest first, each as a whole word (a digit may follow: a footnote mark)."""
    guarded = []  # (before, word, after)
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(normal(word)).replace(r"\ ", r"\s+")
        before = r"(?<![\w])" if re.match(r"\w", word) else ""
        after = r"(?![^\W\d])" if re.search(r"\w$", word) else ""
        guarded.append((before, escaped, after))
    if not guarded:
        return re.compile(r"(?!x)x")
    if len({(before, after) for before, _, after in guarded}) == 1:
        # the same match as one guard per word, but the guard before is tested once per position, not once per
        # word: the rules search every sentence with these (benchmarks/extract/RESULTS.md)
        before, _, after = guarded[0]
        return re.compile(f"{before}(?:{'|'.join(w for _, w, _ in guarded)}){after}", re.IGNORECASE)
    return re.compile("|".join("".join(g) for g in guarded), re.IGNORECASE)


def ends_with(words: re.Pattern, text: str) -> bool:
    """Whether `text` ends (trailing whitespace aside) with one of `words`: the words right before a number."""
    text = text.rstrip()
    return any(m.end() == len(text) for m in words.finditer(text))


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class NumberWordPatterns:
    """The patterns of [number_words]: a whole number in words, each word of one, and what makes one no count."""

    number: re.Pattern
    word: re.Pattern
    not_a_count_after: re.Pattern


def number_words_patterns(file: VocabularyFile) -> NumberWordPatterns:
    """A number written in words, by Dutch's grammar of them: a unit, a teen, a ten or a unit joined to a ten
    ("vijfentwintig") below a hundred; that after and before "honderd" ("twaalfhonderd", "honderdvijftig"); that
    before a multiplier, glued or after a space ("vijfentwintigduizend", "twee miljoen"), and after it glued
    ("tweeduizendvijfhonderd"). Whole words only (a digit may follow: a footnote mark), and not the first half of
    an elided pair ("zes- tot zevenhonderd")."""
    w = file.number_words
    unit, ten = _alternatives(w.units), _alternatives(w.tens)
    below_100 = f"(?:(?:{unit})(?:{_alternatives(w.joiners)})(?:{ten})|{ten}|{_alternatives(w.teens)}|{unit})"
    below_1000 = f"(?:{below_100}?{re.escape(w.hundred)}{below_100}?|{below_100})"
    times = f"(?:{below_1000}\\s?)?(?:{_alternatives(file.multipliers)})"
    number = f"(?<![\\w])(?=\\w)(?:{times})*{below_1000}?(?<=\\w)(?![^\\W\\d]|-)"
    words = _alternatives([*w.values(), *file.multipliers])
    return NumberWordPatterns(
        re.compile(number, re.IGNORECASE), re.compile(words, re.IGNORECASE), pattern(w.not_a_count_after)
    )


def _joined(joined: Joined) -> re.Pattern:
    """The text between two sectors' names that joins them ([joined]): a hyphen that leaves a compound's common part
    out ("markt- en overheidssector"), a joiner, then only the words of `between` ("en bij de")."""
    joiners, between = _alternatives(joined.joiners), _alternatives(joined.between)
    return re.compile(rf"\s*-?\s+(?:{joiners})(?:\s+(?:{between}))*\s+", re.IGNORECASE)


def _patterns(section: dict[str, Words]) -> dict[str, re.Pattern]:
    return {key: pattern(words) for key, words in section.items() if words}


# The sections whose every list of words (and a dict's keys, such as [years.relative]) is one pattern the rules
# reach by its name: vocab.realised_before is [phrases] realised_before. A list added there needs no code here.
LISTED = ("years", "sentences", "phrases")


@dataclass(frozen=True)
class Vocabulary:
    """Every pattern the rules use, built once per run (sector names come from the raw folder's sectors.csv)."""

    file: VocabularyFile
    sectors: dict[str, re.Pattern]
    sector_units: dict[str, str]
    scopes: dict[str, re.Pattern]
    employers: dict[str, re.Pattern]  # [employers]: an employer by its own name, of its sector (sector.employer)
    labels: dict[str, re.Pattern]  # [labels]: a sector's bare word, its name only right before a bracketed value
    joined: re.Pattern  # [joined]: what may stand between two parts' names that together name their whole
    measures: dict[str, re.Pattern]
    bases: dict[str, re.Pattern]
    periods: dict[str, re.Pattern]
    qualifiers: dict[str, re.Pattern]
    units: dict[str, re.Pattern]
    meanings: dict[str, re.Pattern]
    multipliers: re.Pattern
    number_words: NumberWordPatterns  # a number written in words ("vijfentwintigduizend")
    listed: dict[str, re.Pattern]  # every list of LISTED's sections, by its name

    def __getattr__(self, name: str) -> re.Pattern:
        listed = self.__dict__.get("listed", {})
        if name in listed:
            return listed[name]
        raise AttributeError(
            f"{type(self).__name__} has no words called {name!r} (vocabulary.toml {', '.join(LISTED)})"
        )

    @property
    def windows(self) -> Windows:
        return self.file.windows

    @classmethod
    def of(cls, sectors, file: VocabularyFile = VOCABULARY, text: str | None = None) -> Vocabulary:
        """`sectors`: the sector registry (data/raw/sectors.csv) as rows with sector, name_nl and unit. A sector
        id of the vocabulary that is a near miss of a registered one is refused with its line (a misspelling); one
        that the registry does not hold at all is left out (a raw folder with fewer sectors: no proposal can be
        accepted for it there)."""
        registered = set(sectors["sector"])
        wrong = [
            (where, s, close)
            for where, s in file.sector_ids().items()
            if s not in registered
            for close in [_near(s, registered)]
            if close
        ]
        if wrong:
            text = text if text is not None else resources.files("analysis.extract").joinpath(FILE).read_text("utf-8")
            raise VocabularyError(
                "\n".join(
                    f"{FILE}:{_line(text, where)}: [{'.'.join(where)}] {s!r}: no sector of sectors.csv; did you mean {close!r}?"
                    for where, s, close in wrong
                )
            )
        file = _held(file, registered)
        names = {row.sector: [row.name_nl] for row in sectors.itertuples()}
        for sector, variants in file.sectors.items():
            names.setdefault(sector, []).extend(variants)
        lists = [
            (name, given)
            for section in LISTED
            for name, given in getattr(file, section).model_dump().items()
            if isinstance(given, (list, dict))
        ]
        twice = sorted({n for n, _ in lists if [m for m, _ in lists].count(n) > 1})
        if twice:  # one name, one list: the rules reach each by its name alone
            raise VocabularyError(f"{FILE}: {', '.join(twice)}: the same name in two of [{'], ['.join(LISTED)}]")
        listed = {name: pattern(given) for name, given in lists}
        return cls(
            file=file,
            sectors=_patterns(names),
            sector_units={row.sector: row.unit for row in sectors.itertuples()},
            scopes=_patterns(file.scopes),
            employers=_patterns(file.employers),
            labels=_patterns(file.labels),
            joined=_joined(file.joined),
            measures=_patterns(file.measures),
            bases=_patterns(file.bases),
            periods=_patterns(file.periods),
            qualifiers=_patterns(file.qualifiers),
            units=_patterns(file.units),
            meanings=_patterns(file.meanings.model_dump()),
            multipliers=pattern(file.multipliers),
            number_words=number_words_patterns(file),
            listed=listed,
        )
