"""The words extract reads by, as patterns: every list lives in dictionary.toml (the measures', periods', bases'
and qualifiers' `words`, and [extract]) or, for sector names, in data/raw/sectors.csv. A word matches whole,
whatever its case; a digit may follow it (a footnote mark: "gerealiseerd5"). Documents write ’ where the lists
write ', so matching is done on a copy of the sentence with ’ read as ' (the same length: offsets hold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis import dictionary

WORDS = dictionary.EXTRACT_WORDS


def normal(text: str) -> str:
    """The text to match in: ’ and ‘ as ', offsets unchanged."""
    return text.replace("’", "'").replace("‘", "'")


def pattern(words) -> re.Pattern:
    """Any of `words`, longest first, each as a whole word (a digit may follow: a footnote mark)."""
    alternatives = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(normal(word)).replace(r"\ ", r"\s+")
        before = r"(?<![\w])" if re.match(r"\w", word) else ""
        after = r"(?![^\W\d])" if re.search(r"\w$", word) else ""
        alternatives.append(f"{before}{escaped}{after}")
    return re.compile("|".join(alternatives) or r"(?!x)x", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    """Every pattern the rules use, built once per run (sector names come from the raw folder's sectors.csv)."""

    sectors: dict[str, re.Pattern]
    sector_units: dict[str, str]
    scopes: dict[str, re.Pattern]
    measures: dict[str, re.Pattern]
    bases: dict[str, re.Pattern]
    periods: dict[str, re.Pattern]
    qualifiers: dict[str, re.Pattern]
    units: dict[str, re.Pattern]
    reference: re.Pattern
    respectively: re.Pattern
    months: re.Pattern

    @classmethod
    def of(cls, sectors) -> Vocabulary:
        """`sectors`: the sector registry (data/raw/sectors.csv) as rows with sector, name_nl and unit."""
        names = {row.sector: [row.name_nl] for row in sectors.itertuples()}
        for sector, variants in WORDS["sectors"].items():
            names.setdefault(sector, []).extend(variants)
        worded = lambda terms: {t.id: pattern(t.words) for t in terms.values() if t.words}
        return cls(
            sectors={s: pattern(words) for s, words in names.items()},
            sector_units={row.sector: row.unit for row in sectors.itertuples()},
            scopes={s: pattern(words) for s, words in WORDS["scopes"].items()},
            measures=worded(dictionary.MEASURES),
            bases=worded(dictionary.BASES),
            periods=worded(dictionary.PERIODS),
            qualifiers={q.id: pattern(q.words) for q in dictionary.QUALIFIERS.values() if q.words},
            units={unit: pattern(words) for unit, words in WORDS["units"].items()},
            reference=pattern(WORDS["years"]["reference"]),
            respectively=pattern(WORDS["years"]["respectively"]),
            months=pattern(WORDS["years"]["months"]),
        )
