"""What a rule ruled about one value (a year, a measure, a sector, ...), by which named rule, and what the analyst
should check; and the messages of every check a proposal can carry, by name (docs/data.md lists them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ruled:
    text: str  # what the rule read: "2024", "realised_jobs", "rijk"; "" for nothing
    rule: str  # the rule's name: "year.written_after"
    check: str = ""  # what to check, as the proposals' check column says it
    note: str = ""  # how the value was assigned, for the row's note


NOTHING = Ruled("", "")

CHECKS = {
    "no_year": "year not stated in the sentence, its paragraph or the document's date or title",
    "year_earlier": "year taken from an earlier sentence of the paragraph ({year})",
    "year_earlier_paragraph": "year taken from an earlier paragraph ({year})",
    "year_document": "year {year} from the document's date ({date}: '{words}'): confirm",
    "year_title": "year {year} from the document's title ('{title}'): confirm",
    "quarter_document": "period {period} {year} from the document ('{words}'): a reading of that quarter? confirm",
    "no_due_year": "an end goal without a due year in its sentence or beside it: leave the year empty? confirm",
    "due_before": "'voor {year}': due by the end of {year}, or before it (the end of {before})? confirm",
    "due_before_start": "'{words}': due before {year} begins (the end of {before}), or by the end of {year}? confirm",
    "due_whole": "due year {year} of the end goal of the whole ({whole}) in the sentence before: confirm",
    "due_after": "due year {year} from the sentence after ('{words}'): confirm",
    "year_after": "year {year} from the sentence after ('{words}'): confirm",
    "due_document": "due year {year} of the end goal of the whole ({whole}) earlier in the document: confirm",
    "sector_end_goal": "a sector's goal due in {year}, the agreement's last year: read as its end goal, not a yearly target; confirm",
    "whole_due_year": "a sector's goal due in {year}, the due year of the end goal of {whole} earlier in the document: read as its end goal, not a yearly target; confirm",
    "sector_deadline": "a sector's goal due by '{words}' ({year}): read as its end goal, not a yearly target; confirm",
    "year_before": "'{words}': the first value read as of the year before ({year}): confirm",
    "years": "several years in the sentence ({years}): which one is this figure's?",
    "pairing": "years and values paired in order, but the sentence does not say 'achtereenvolgens' or 'respectievelijk'",
    "no_measure": "measure not stated: realised, target or goal?",
    "part_of_count": "a part of the count in the sentence before: read as of its measure ({measure}), and of its year ({year}) and period ({period}) where it names none of its own; confirm",
    "same": "two figures in one sentence read as {measure}: which is it?",
    "no_sector": "sector not stated in the sentence, its heading or its paragraph",
    "sectors": "several sectors in the sentence ({sectors}): which one?",
    "whole": "sector of a total whose one part the sentence names: the whole ({sector})? confirm",
    "sector_before": "sector taken from an earlier sentence of the paragraph ({sector})",
    "parts_before": "the paragraph names {parts} before: a figure of the whole ({sector})? confirm",
    "the_sector": "'de sector': the sector an earlier paragraph named last ({sector}): confirm",
    "sector_title": "sector taken from the document's title ({sector}): confirm",
    "in_total": "sector not stated: a count 'in totaal' or of 'de banenafspraak' as a whole, so all employers ({sector})? confirm",
    "national": "sector not stated: extra jobs since the baseline, so all employers ({sector})?",
    "scope": "part of the sector? ({scope})",
    "differ": "this document gives other values for the same figure ({values}): which one?",
}
