"""Stage 4: each value's sector and scope.

Sector, by the first rule that gives one:
- sector.in_stretch: named in the value's own stretch of the sentence ("25.000 banen bij overheidswerkgevers");
  values that each have their own ("100.000 in de markt en 25.000 bij de overheid") are paired, no check.
- sector.end_goal: an end goal without a sector in its own stretch is the sector whose end goal it is.
- sector.in_sentence: named in the sentence (nearest before the value, else after); several: a check.
- sector.table_headings: named in a table cell's headings.
- sector.heading: named in the heading path above the passage.
- sector.paragraph: named earlier in the paragraph, with a check.
- sector.national: no sector, but extra jobs since the baseline: all employers, with a check.

Scope: a part of a sector ("21 van de 36 hbo-instellingen", or a part the vocabulary names), in the sentence or
a footnote it points to.
"""

from __future__ import annotations

import re

from analysis.extract.documents import Passage
from analysis.extract.rules.measures import Stretch
from analysis.extract.rules.numbers import Value
from analysis.extract.rules.ruled import CHECKS, Ruled
from analysis.extract.vocabulary import Vocabulary, normal

SCOPE = re.compile(r"\b(\d+) van de (\d+) ([\w'’-]+)")


def named(text: str, vocab: Vocabulary) -> list[tuple[int, str]]:
    """The sectors a text names, by where, in order; a name inside a longer one counts once (the longer)."""
    norm = normal(text)
    hits = sorted(((m.start(), -m.end(), s) for s, words in vocab.sectors.items() for m in words.finditer(norm)))
    out, reach = [], -1
    for start, neg_end, sector in hits:
        if start >= reach:
            out.append((start, sector))
            reach = -neg_end
    return out


def _in_sentence(value: Value, stretch: Stretch, found: list[tuple[int, str]], own: list[str]) -> Ruled:
    distinct = list(dict.fromkeys(s for _, s in found))
    in_stretch = [s for at, s in found if value.end <= at < stretch.right]
    if in_stretch:
        paired = all(own) and len(set(own)) == len(own)
        check = "" if paired or len(distinct) == 1 else CHECKS["sectors"].format(sectors=", ".join(distinct))
        return Ruled(in_stretch[0], "sector.in_stretch", check)
    earlier = [s for at, s in found if at < value.number.start]
    sector = earlier[-1] if earlier else found[0][1]
    return Ruled(
        sector, "sector.in_sentence", CHECKS["sectors"].format(sectors=", ".join(distinct)) if len(distinct) > 1 else ""
    )


def assign(
    values: list[Value],
    spans: list[Stretch],
    norm: str,
    passage: Passage,
    vocab: Vocabulary,
    before: list[str],
    goals: list[bool],
) -> list[Ruled]:
    """`goals`: whether each value is an end goal (measure.end_goal)."""
    found = named(norm, vocab)
    own = [next((s for at, s in found if v.end <= at < st.right), "") for v, st in zip(values, spans)]
    out = []
    for value, stretch, mine, goal in zip(values, spans, own, goals):
        if goal and not mine:
            out.append(Ruled(vocab.words.end_goals.sectors[int(value.number.value)], "sector.end_goal"))
        elif found:
            out.append(_in_sentence(value, stretch, found, own))
        else:
            out.append(_outside(norm, passage, vocab, before))
    return out


def _outside(norm: str, passage: Passage, vocab: Vocabulary, before: list[str]) -> Ruled:
    in_cell = named(passage.context, vocab) if passage.context else []
    if in_cell:
        return Ruled(in_cell[0][1], "sector.table_headings")
    for heading in reversed(passage.headings):
        in_heading = named(heading, vocab)
        if in_heading:
            return Ruled(in_heading[0][1], "sector.heading")
    if before:
        return Ruled(before[-1], "sector.paragraph", CHECKS["sector_before"].format(sector=before[-1]))
    total = vocab.words.national.total
    if total in vocab.sector_units and vocab.bases["national_extra_jobs"].search(norm):  # "81.117 extra banen"
        return Ruled(total, "sector.national", CHECKS["national"].format(sector=total))
    return Ruled("", "sector.none", CHECKS["no_sector"])


def scope(norm: str, notes: list[str], sector: str, vocab: Vocabulary) -> Ruled:
    for text in [norm, *map(normal, notes)]:
        part = SCOPE.search(text)
        if part:
            return Ruled(part.group(0), "scope.counted_part", CHECKS["scope"].format(scope=part.group(0)))
    if sector in vocab.scopes:
        part = vocab.scopes[sector].search(norm)
        if part:
            return Ruled(part.group(0), "scope.named_part", CHECKS["scope"].format(scope=part.group(0)))
    return Ruled("", "scope.whole")
