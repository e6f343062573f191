"""The extract corpus and how proposals are scored against its gold rows (benchmarks/extract/corpus: one folder
per published document, with document.txt, note.toml and gold.csv written by hand before extract was run on it).

A proposal is right when sector, year, period, measure, value and qualifier all equal a gold row's (each gold row
matched once); its evidence is verbatim when it stands in the document as written (whitespace and a word broken
at a line end aside, and at most one stretch of page-foot footnotes inside it).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
KEY = ("sector", "year", "period", "measure", "value", "qualifier")
GOLD_COLUMNS = ["sector", "year", "period", "measure", "value", "qualifier", "scope", "basis", "evidence", "note"]


@dataclass(frozen=True)
class Document:
    folder: Path
    note: dict
    gold: list[dict]

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def part(self) -> str:
        return self.note["part"]

    @property
    def text_path(self) -> Path:
        return next(p for p in sorted(self.folder.glob("document.*")))

    @property
    def published(self) -> dt.date | None:
        """The date an analyst gives `extract --published`: the page's own full date, if it shows one."""
        date = self.note.get("date", "")
        return dt.date.fromisoformat(date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None


def corpus(root: Path = CORPUS) -> list[Document]:
    documents = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        note = tomllib.loads((folder / "note.toml").read_text("utf-8"))
        with open(folder / "gold.csv", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert reader.fieldnames == GOLD_COLUMNS, f"{folder / 'gold.csv'}: header {reader.fieldnames}"
            gold = list(reader)
        documents.append(Document(folder, note, gold))
    return documents


@functools.lru_cache(maxsize=4)  # a document is squashed once for all the evidence checked against it
def _squashed(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without whitespace and hyphens (a line break may split a word, with or without a hyphen), and
    where each kept character stood."""
    kept = [(c, i) for i, c in enumerate(text) if not c.isspace() and c not in "-\u00ad"]
    return "".join(c for c, _ in kept), tuple(i for _, i in kept)


def verbatim(evidence: str, document: str) -> bool:
    """Whether the evidence stands in the document as written: whitespace and line-end hyphens aside, and at most
    one stretch of footnotes at a page's foot (a line starting with the note's number) inside it."""
    doc, where = _squashed(document)
    ev, _ = _squashed(evidence)
    if ev in doc:
        return True
    words = evidence.split()
    for cut in range(1, len(words)):
        head, _ = _squashed(" ".join(words[:cut]))
        tail, _ = _squashed(" ".join(words[cut:]))
        at = doc.find(head)
        while at >= 0:
            after = at + len(head)
            found = doc.find(tail, after)
            if found >= 0:
                gap = document[where[after - 1] + 1 : where[found]]
                if re.match(r"\s*\n\d{1,2} \S", gap) and len(gap) < 600:
                    return True
            at = doc.find(head, at + 1)
    return False


@dataclass(frozen=True)
class Score:
    gold: int
    proposed: int
    right: int
    verbatim: int
    missed: tuple = ()
    wrong: tuple = ()
    unchecked: int = 0  # proposals without a check: those accept takes as they stand
    unproposed: int = 0  # missed gold rows whose value no proposal has
    listed: int = 0  # ... of them, those whose value stands in the list of numbers not proposed (the apart file)

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.proposed + other.proposed,
            self.right + other.right,
            self.verbatim + other.verbatim,
            self.missed + other.missed,
            self.wrong + other.wrong,
            self.unchecked + other.unchecked,
            self.unproposed + other.unproposed,
            self.listed + other.listed,
        )

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def verbatim_share(self) -> float:
        return self.verbatim / self.proposed if self.proposed else 1.0

    @property
    def unchecked_right(self) -> int:
        return self.unchecked - self.unchecked_wrong

    @property
    def unchecked_wrong(self) -> int:
        """Wrong proposals that carry no check: the ones an analyst has no reason to look at twice. A wrong
        proposal with a check costs a review; one without can become a wrong figure in data/raw."""
        return sum(1 for _label, _key, check in self.wrong if not check)


def score(gold: list[dict], proposals: list[dict], text: str, label: str = "", apart: tuple[str, ...] = ()) -> Score:
    """Full-row matches of `proposals` against `gold`, each gold row matched at most once; `apart`: the numbers
    extract did not propose, as written (a missed gold row whose value stands there is one an analyst can find)."""
    wanted = Counter(tuple(g[c] for c in KEY) for g in gold)
    unmatched = Counter(wanted)
    right, wrong = 0, []
    for p in proposals:
        key = tuple(p[c] for c in KEY)
        if unmatched[key] > 0:
            unmatched[key] -= 1
            right += 1
        else:
            wrong.append((label, key, p.get("check", "")))
    missed = tuple((label, k) for k, n in unmatched.items() for _ in range(n))
    kept_verbatim = sum(verbatim(p["evidence"], text) for p in proposals)
    unchecked = sum(1 for p in proposals if not p.get("check", ""))
    values = [p["value"] for p in proposals]
    unproposed = [k for _, k in missed if not any(_same_value(k[4], v) for v in values)]
    stored = [_stored(w) for w in apart]
    listed = sum(1 for k in unproposed if any(_same_value(k[4], v) for v in stored))
    return Score(
        sum(wanted.values()),
        len(proposals),
        right,
        kept_verbatim,
        missed,
        tuple(wrong),
        unchecked,
        len(unproposed),
        listed,
    )


def _stored(written: str) -> str:
    """A number as Dutch writes it ('1.403', '25,5', '14 800') as the data stores it ('1403', '25.5', '14800')."""
    return re.sub(r"[.\s\u00a0\u202f]", "", written).replace(",", ".")


def _same_value(a: str, b: str) -> bool:
    try:
        return float(a) == float(b)
    except ValueError:
        return a == b


def misses_by_field(s: Score) -> Counter:
    """What each missed gold row got wrong, counted: the fields in which the nearest wrong proposal of the same
    document with the same value differs ("year", "sector+measure", ...; each proposal taken once, the one that
    differs in fewest fields first), or "value not proposed" where no wrong proposal has its value. A summary that
    says which stage misses most without showing a document's rows (the test part is measured, never read)."""
    wrong = [(label, key) for label, key, _check in s.wrong]
    taken: set[int] = set()
    out: Counter = Counter()
    for label, key in s.missed:
        candidates = [
            (sum(a != b for a, b in zip(key, other)), i)
            for i, (other_label, other) in enumerate(wrong)
            if i not in taken and other_label == label and _same_value(key[4], other[4])
        ]
        if not candidates:
            out["value not proposed"] += 1
            continue
        _, i = min(candidates)
        taken.add(i)
        fields = [f for f, a, b in zip(KEY, key, wrong[i][1]) if not (_same_value(a, b) if f == "value" else a == b)]
        out["+".join(fields) or "value written otherwise"] += 1
    return out
