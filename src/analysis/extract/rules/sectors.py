"""Stage 4: each value's sector and scope.

Sector, by the first rule that gives one:
- sector.in_stretch: named in the value's own stretch of the sentence ("25.000 banen bij overheidswerkgevers");
  values that each have their own ("100.000 in de markt en 25.000 bij de overheid") are paired, no check.
- sector.bracket_label: a sector's name right before the bracket that opens on the value ("de verdeling markt
  (14.000 banen) en overheid (6500 banen)"), no check; there the bare "overheid" names the government ([labels]).
- sector.end_goal: an end goal without a sector in its own stretch is the sector whose end goal it is.
- sector.whole_of_parts: a total split into parts right after it (a colon, semicolon or "waarvan"), each part with
  a sector of its own, and no sector named before it in the sentence, is the smallest whole ([wholes]) that holds
  the parts ("92.500 extra banen: 70.000 bij het bedrijfsleven en 22.500 bij overheidswerkgevers" is
  banenafspraak_totaal); one part alone ("waarvan 22.500 bij de overheid"): a check.
- sector.whole_of_named_part: a value whose own stretch names a sector only after words that open its parts, in a
  part with no value of its own ("80.000, waarvan driekwart voor rekening zou komen van de private sector"), is of
  the smallest whole that holds that sector, with a check.
- sector.unsplit_part: a value without a sector of its own whose stretch names a part counted only for all employers
  together ([phrases] unsplit_parts: "12.448 banen via een uitzendcontract of detachering", which UWV does not divide
  between market and government) is of all employers.
- sector.whole_of_labels: a value with no label nor sector of its own in a sentence whose every named sector labels
  a value of its own by its bracket, two or more, is of the smallest whole that holds them ("de doelstelling (9000)
  ... door zowel markt (15.604) als overheid (5453)": 9000 is banenafspraak_totaal), no check.
- sector.in_sentence: named in the sentence (nearest before the value, else after); several: a check. The names of
  every part of a whole of two joined by "en" name the whole (joined_parts: "in de markt en bij de overheid").
- sector.employer: no sector named in the values' clauses, but an employer by its own name ([employers]: "het
  Erasmus MC", "de VU", "TU Delft"): that employer's sector, the employer its scope (scope.employer, with a check).
- sector.table_headings: named in a table cell's headings.
- sector.heading: named in the heading path above the passage, unless the paragraph has named another since.
- sector.in_total: no sector named in the sentence, its heading, paragraph or the document's title, but a count
  "in totaal": all employers, with a check.
- sector.national: no sector named in the sentence, but extra jobs since the baseline: all employers, with a
  check. Before a heading's or the paragraph's sector where the sentence counts from the baseline ("sinds de
  start", "ten opzichte van de nulmeting"); after them where it only says "extra banen".
- sector.paragraph: named earlier in the paragraph (or the sector of an end goal it gives, by its size: "Eind 2025
  moeten er 125.000 extra banen zijn"), with a check: before a heading that names another (the paragraph's sentence
  is nearer), else after the heading.
- sector.paragraph_whole: where the last two sectors the paragraph's earlier sentences name are parts of one
  whole ([wholes]: "23.000 in de sector markt en 10.000 in de sector overheid"), that whole, with a check, in the
  place of sector.paragraph.
- sector.the_sector: a sentence that names no sector, in a paragraph that has named none but speaks of "de sector"
  ([phrases] the_sector; in the sentence or one before it), means the sector the document's earlier paragraphs named
  last, with a check ("... in de sector waterschappen ..." above "Op 31 december 2020 waren er door organisaties in
  de sector tezamen 262,0 banen. ... is 61% van het totale quotum van 2020 gehaald").
- sector.document_title: the one sector the document's title names, with a check.

Only the names in the clauses of the values count: those of a clause after the last value that a colon, a
semicolon or a spaced dash sets off name no value's sector ("... 8.988 extra banen via een inleenverband
(uitzendcontract of detachering) – op dit moment niet onder te verdelen naar overheid en markt";
numbers.valued_clauses).

Scope: a part of a sector ("21 van de 36 hbo-instellingen", or a part the vocabulary names), in the sentence or
a footnote it points to; or one employer of the sector that the sentence names by its own name ("Met 33 fte zit het
Erasmus MC ..."; scope.employer).
"""

from __future__ import annotations

import bisect
import functools
import re

from analysis.extract.documents import Passage
from analysis.extract.rules import measures
from analysis.extract.rules.measures import Stretch
from analysis.extract.rules.numbers import Value, bracket_label, valued_clauses, values_listed_after
from analysis.extract.rules.ruled import CHECKS, Ruled
from analysis.extract.vocabulary import Vocabulary, normal

SCOPE = re.compile(r"\b(\d+) van de (\d+) ([\w'’-]+)")
SPACES = re.compile(r"\s*")


def name_spans(text: str, vocab: Vocabulary) -> list[tuple[int, int, str]]:
    """The sectors a text names, with where each name starts and ends, in order; a name inside a longer one
    counts once (the longer); the names of every part of a whole joined together name the whole (joined_parts)."""
    spans = _name_spans(text, tuple(vocab.sectors.items()))
    return list(joined_parts(normal(text), spans, vocab)) if len(spans) > 1 else list(spans)


def joined_parts(norm: str, spans, vocab: Vocabulary) -> tuple[tuple[int, int, str], ...]:
    """sectors.joined_parts: two names one right after the other that are every part of a whole of two ([wholes]),
    joined by "en" with only articles, prepositions and "sector" between ([joined]), are one name of the whole: "in
    de markt en bij de overheid", "de sector markt en de sector overheid", "de markt- en overheidssector" (all
    employers). Not where the text says "respectievelijk", nor before values listed together ("de markt en de
    overheid realiseerden 40.000 en 5.000 banen"): then each name has a value of its own."""
    if vocab.respectively.search(norm) or values_listed_after(norm, spans[0][1], vocab):
        return tuple(spans)
    pairs = {frozenset(parts): whole for whole, parts in vocab.file.wholes.items() if len(set(parts)) == 2}
    out: list[tuple[int, int, str]] = []
    for start, end, sector in spans:
        whole = pairs.get(frozenset((out[-1][2], sector))) if out else None
        if whole and vocab.joined.fullmatch(norm, out[-1][1], start):
            out[-1] = (out[-1][0], end, whole)
        else:
            out.append((start, end, sector))
    return tuple(out)


@functools.lru_cache(maxsize=1024)
def _name_spans(text: str, sectors: tuple[tuple[str, re.Pattern], ...]) -> tuple[tuple[int, int, str], ...]:
    """name_spans, kept for the texts asked again: a document's title and headings are searched once for every
    value that has no sector of its own (twelve thousand times in a long report)."""
    norm = normal(text)
    hits = sorted(((m.start(), -m.end(), s) for s, words in sectors for m in words.finditer(norm)))
    out, reach = [], -1
    for start, neg_end, sector in hits:
        if start >= reach:
            out.append((start, -neg_end, sector))
            reach = -neg_end
    return tuple(out)


def named(text: str, vocab: Vocabulary) -> list[tuple[int, str]]:
    return [(start, sector) for start, _, sector in name_spans(text, vocab)]


def _owns(value: Value, stretch: Stretch, start: int, end: int, norm: str, vocab: Vocabulary) -> bool:
    """Whether a sector's name in the value's stretch is the value's: not when it stands right before the next
    value with no pair word between ("6.000 extra banen ... en de sector overheid 3.000" is overheid's 3.000; "23.000
    in de sector markt en 10.000" is markt's 23.000)."""
    if not value.end <= start < stretch.right:
        return False
    if stretch.next_value is None:
        return True
    return bool(
        re.search(r"[,;:]", norm[end : stretch.next_value]) or vocab.pair_words.search(norm, end, stretch.next_value)
    )


def _in_sentence(
    value: Value, mine: str, found: list[tuple[int, int, str]], starts: list[int], distinct: list[str], paired: bool
) -> Ruled:
    """`mine`: the sector named in the value's own stretch; `starts`: where each name found starts; `distinct`:
    every sector the sentence names; `paired`: whether every value has its own and no two the same."""
    several = CHECKS["sectors"].format(sectors=", ".join(distinct)) if len(distinct) > 1 else ""
    if mine:
        return Ruled(mine, "sector.in_stretch", "" if paired else several)
    k = bisect.bisect_left(starts, value.number.start)  # the nearest name before the value
    sector = found[k - 1][2] if k else found[0][2]
    return Ruled(sector, "sector.in_sentence", several)


def _own(
    values: list[Value], stretches: list[Stretch], found, norm: str, vocab: Vocabulary, labels: list[str]
) -> list[str]:
    """The sector that labels each value (`labels`: bracket_label), else the one named in its own stretch, if one
    (names found by bisection from the value's end)."""
    starts = [at for at, _, _ in found]
    own = []
    for v, st, labelled in zip(values, stretches, labels):
        k = bisect.bisect_left(starts, v.end)
        hit = found[k] if k < len(found) else None
        own.append(labelled or (hit[2] if hit and _owns(v, st, hit[0], hit[1], norm, vocab) else ""))
    return own


def _parts(i: int, values: list[Value], own: list[str], norm: str, vocab: Vocabulary) -> list[str]:
    """The sectors of the parts a total (values[i]) is split into right after it, each with its own sector
    ("92.500 extra banen: 70.000 bij het bedrijfsleven en 22.500 bij overheidswerkgevers"); [] if none."""
    after = values[i + 1 :]
    if not after or not measures.opens_parts(norm[values[i].end : after[0].number.start], vocab):
        return []
    parts = []
    for j, v in enumerate(after, start=i + 1):
        if v.unit != values[i].unit or not own[j]:
            break
        parts.append(own[j])
    return parts


def _whole(parts: list[str], vocab: Vocabulary) -> Ruled:
    """The smallest whole ([wholes]) that holds every part and is none of them; one part alone leaves the others
    unnamed: a check."""
    holding = [w for w, held in vocab.file.wholes.items() if parts and set(parts) <= set(held)]
    if not holding:
        return Ruled("", "")
    whole = min(holding, key=lambda w: len(vocab.file.wholes[w]))
    several = len(set(parts)) > 1
    return Ruled(whole, "sector.whole_of_parts", "" if several else CHECKS["whole"].format(sector=whole))


def _wholes(values: list[Value], own: list[str], found, norm: str, vocab: Vocabulary) -> list[Ruled]:
    """Each value's whole of the parts it is split into (_whole), for a value with no sector of its own and none
    named before it in the sentence: a total with its parts after it."""
    first = found[0][0] if found else len(norm)
    return [
        _whole(_parts(i, values, own, norm, vocab), vocab) if not own[i] and v.number.start < first else Ruled("", "")
        for i, v in enumerate(values)
    ]


def assign(
    values: list[Value],
    stretches: list[Stretch],
    norm: str,
    passage: Passage,
    vocab: Vocabulary,
    before: list[str],
    goals: list[bool],
    title: str = "",
    document_sector: str = "",
) -> list[Ruled]:
    """`goals`: whether each value is an end goal (measure.end_goal); `title`: the document's; `document_sector`:
    the sector the document's earlier paragraphs named last, where the paragraph speaks of "de sector"
    (referred_sector)."""
    clauses = valued_clauses(norm, values)
    found = name_spans(clauses, vocab)  # not a clause after the values (numbers.valued_clauses)
    labels = [bracket_label(v, norm, vocab) for v in values]
    own = _own(values, stretches, found, norm, vocab, labels)
    wholes = _wholes(values, own, found, norm, vocab)
    distinct = list(dict.fromkeys([*(s for _, _, s in found), *(s for s in labels if s)]))
    each = [mine or whole.text for mine, whole in zip(own, wholes)]
    paired = all(each) and len(set(each)) == len(each)
    starts = [at for at, _, _ in found]
    of_labels = whole_of_labels(found, labels, norm, vocab)
    employer = None if found else _employer(clauses, vocab)  # read once a sentence: the same for each value
    out = []
    for value, stretch, mine, goal, whole, label in zip(values, stretches, own, goals, wholes, labels):
        if goal and not mine:
            out.append(Ruled(vocab.file.end_goals.sectors[int(value.number.value)], "sector.end_goal"))
        elif whole.text:
            out.append(whole)
        elif found and _named_in_a_part(value, mine, found, starts, norm, vocab):
            out.append(_whole_of_named_part(mine or found[0][2], vocab))
        elif not mine and vocab.unsplit_parts.search(norm, stretch.left, stretch.right):
            out.append(Ruled(vocab.file.national.total, "sector.unsplit_part"))
        elif label:  # named right there, before the bracket that opens on the value
            out.append(Ruled(label, "sector.bracket_label"))
        elif found:
            out.append((not mine and of_labels) or _in_sentence(value, mine, found, starts, distinct, paired))
        else:
            out.append(employer or _outside(norm, passage, vocab, before, title, document_sector))
    return out


def _employer(clauses: str, vocab: Vocabulary) -> Ruled | None:
    """sector.employer: a sentence whose values' clauses name no sector but an employer by its own name ("Met 33 fte
    zit het Erasmus MC boven het minimum", "De TU Delft wil in 2024 210 banen hebben") speaks of that employer's
    sector; the employer is the value's scope, with its check (scope). Not an employer a sentence before names."""
    hits = [(m.start(), sector) for sector, words in vocab.employers.items() for m in [words.search(clauses)] if m]
    return Ruled(min(hits)[1], "sector.employer") if hits else None  # the first one named


def whole_of_labels(found, labels: list[str], norm: str, vocab: Vocabulary) -> Ruled | None:
    """sector.whole_of_labels: where every sector the sentence names labels a value of its own by the bracket that
    opens on it (sector.bracket_label), a value with no label nor sector of its own is of the smallest whole that holds
    those sectors, two or more ([wholes]): "In 2015 werd de doelstelling (9000) nog ruim gehaald door zowel markt
    (15.604) als overheid (5453) en kwam het aantal banen uit op 21.057": the target and the count of all employers.
    None where a name labels no value."""
    labelled = [s for s in labels if s]
    bracketed = all(vocab.split_brackets.match(norm[end:].lstrip()) for _, end, _ in found)
    if len(set(labelled)) < 2 or not bracketed:
        return None
    whole = _whole(labelled, vocab)
    return Ruled(whole.text, "sector.whole_of_labels") if whole.text else None


def _named_in_a_part(value: Value, mine: str, found, starts: list[int], norm: str, vocab: Vocabulary) -> bool:
    """Whether the value's sector, its own stretch's (`mine`) or else the first the sentence names after it where
    none stands before it, is named after words that open the value's parts ("waarvan", [phrases] split_openers) in
    a part that gives no value of its own: "Het tussendoel voor eind vorig jaar was 80.000, waarvan driekwart voor
    rekening zou komen van de private sector" names a part of the 80.000's sector."""
    k = bisect.bisect_left(starts, value.end) if mine else 0  # the name _own found for the value, else the first
    if not mine and bisect.bisect_left(starts, value.number.start) > 0:  # a name before the value is its own
        return False
    # "25.000 daarvan bij de overheid": an opener right after the value makes the value the part, naming its sector
    after = vocab.split_openers.match(norm, SPACES.match(norm, value.end).end())  # no copy of the sentence's rest
    return k < len(found) and bool(vocab.split_openers.search(norm, after.end() if after else value.end, found[k][0]))


def _whole_of_named_part(part: str, vocab: Vocabulary) -> Ruled:
    """sector.whole_of_named_part: the smallest whole that holds a part the value's stretch names after "waarvan"
    (_named_in_a_part), with a check; the part itself where no whole holds it."""
    whole = _whole([part], vocab)
    if not whole.text:
        return Ruled(part, "sector.in_stretch")
    return Ruled(whole.text, "sector.whole_of_named_part", CHECKS["whole"].format(sector=whole.text))


def referred_sector(norm: str, paragraph_said: bool, document_sector: str, vocab: Vocabulary) -> str:
    """The sector "de sector" refers to: the one the document's earlier paragraphs named last, if the sentence or an
    earlier one of its paragraph (`paragraph_said`) speaks of "de sector"."""
    return document_sector if document_sector and (paragraph_said or vocab.the_sector.search(norm)) else ""


def _national(norm: str, vocab: Vocabulary) -> Ruled:
    total = vocab.file.national.total
    if total in vocab.sector_units and vocab.bases["national_extra_jobs"].search(norm):  # "81.117 extra banen"
        return Ruled(total, "sector.national", CHECKS["national"].format(sector=total))
    return Ruled("", "sector.none", CHECKS["no_sector"])


def _outside(
    norm: str, passage: Passage, vocab: Vocabulary, before: list[str], title: str, document_sector: str = ""
) -> Ruled:
    in_cell = named(passage.context, vocab) if passage.context else []
    if in_cell:
        return Ruled(in_cell[0][1], "sector.table_headings")
    national = _national(norm, vocab)
    if national.text and vocab.national_markers.search(norm):  # counted from the baseline: whatever the heading
        return national
    heading = _heading(passage, vocab)
    # a sector an earlier sentence of the paragraph names is nearer than the heading's: "Overheidssector blijft
    # achter" above "... de private sector ... In 2019 stond de teller al op 51.829 banen"
    earlier = _paragraph(before, vocab)
    if earlier.text and earlier.text != heading:
        return earlier
    if heading:
        return Ruled(heading, "sector.heading")
    if document_sector:  # "in de sector": the one an earlier paragraph named
        return Ruled(document_sector, "sector.the_sector", CHECKS["the_sector"].format(sector=document_sector))
    in_title = list(dict.fromkeys(s for _, s in named(title, vocab)))
    if len(in_title) == 1 and not national.text:  # "Monitor banenafspraak 2020 waterschappen" above it all
        return Ruled(in_title[0], "sector.document_title", CHECKS["sector_title"].format(sector=in_title[0]))
    return national if national.text else _in_total(norm, vocab)


def _in_total(norm: str, vocab: Vocabulary) -> Ruled:
    """sector.in_total: a count "in totaal", or of the agreement as a whole ("voor de banenafspraak"), that no
    sector's name, heading, paragraph or title places is of all employers ("In totaal werden in 2019 ruim 61.000
    functies voor mensen met een arbeidsbeperking gecreëerd"), with a check."""
    total = vocab.file.national.total
    if total in vocab.sector_units and vocab.in_total.search(norm):
        return Ruled(total, "sector.in_total", CHECKS["in_total"].format(sector=total))
    return Ruled("", "sector.none", CHECKS["no_sector"])


def _paragraph(before: list[str], vocab: Vocabulary) -> Ruled:
    """The sector the paragraph's earlier sentences name last; when the last two names are two parts of one whole
    ("23.000 in de sector markt en 10.000 in de sector overheid"), the sentence after them that names none speaks
    of the whole ("De doelstelling van 33.000 banen is met 36.904 extra banen ruim gehaald"), with a check. Not
    when the last part is named twice since ("... de overheid ... het bedrijfsleven ... de private sector ... In
    2019 stond de teller al op 51.829 banen" is the market's)."""
    if not before:
        return Ruled("", "")
    last = before[-2:]
    whole = _whole(last, vocab) if len(set(last)) == 2 else Ruled("", "")
    if whole.text and whole.text not in last:
        parts = " and ".join(last)
        return Ruled(
            whole.text, "sector.paragraph_whole", CHECKS["parts_before"].format(parts=parts, sector=whole.text)
        )
    return Ruled(before[-1], "sector.paragraph", CHECKS["sector_before"].format(sector=before[-1]))


def _heading(passage: Passage, vocab: Vocabulary) -> str:
    """The sector the nearest heading above the passage names, if one does."""
    for heading in reversed(passage.headings):
        in_heading = named(heading, vocab)
        if in_heading:
            return in_heading[0][1]
    return ""


def counted_part(norm: str, notes: list[str]) -> str:
    """A part of a sector counted in the sentence or a footnote it points to ("21 van de 36 hbo-instellingen")."""
    for text in [norm, *map(normal, notes)]:
        part = SCOPE.search(text)
        if part:
            return part.group(0)
    return ""


def scope(counted: str, norm: str, sector: str, vocab: Vocabulary) -> Ruled:
    """`counted`: counted_part of the sentence (read once per sentence)."""
    if counted:
        return Ruled(counted, "scope.counted_part", CHECKS["scope"].format(scope=counted))
    if sector in vocab.scopes:
        part = vocab.scopes[sector].search(norm)
        if part:
            return Ruled(part.group(0), "scope.named_part", CHECKS["scope"].format(scope=part.group(0)))
    if sector in vocab.employers:  # scope.employer: one employer of the sector, by its own name ("het Erasmus MC")
        part = vocab.employers[sector].search(norm)
        if part:
            return Ruled(part.group(0), "scope.employer", CHECKS["scope"].format(scope=part.group(0)))
    return Ruled("", "scope.whole")
