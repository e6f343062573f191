"""How far a second analyst agrees with the corpus's gold rows, beside how far extract does, on the same documents.

benchmarks/extract/agreement/<document>/gold.csv holds a second analyst's rows for 22 development documents (drawn
at random, seed 7), written blind to the first analyst's rows from the same written conventions
(../shared/sources/README.md, docs/data.md, other development documents as examples). Both are scored as extract
is (score.py: full row, each gold row matched once), so the two lines of output compare directly: the first says
how well-defined the task is, the second how far extract is from a careful reader.

    python benchmarks/extract/agreement.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from score import Score, corpus, misses_by_field, score

from analysis.data.registry import load_sectors
from analysis.extract import documents, rules
from analysis.extract.rules import context
from analysis.extract.vocabulary import Vocabulary

SECOND = HERE / "agreement"
ROOT = HERE.parent.parent


def main() -> None:
    sectors, problems = load_sectors(ROOT / "data" / "raw" / "sectors.csv")
    assert not problems, problems
    vocab = Vocabulary.of(sectors)
    sample = {p.name for p in SECOND.iterdir() if p.is_dir()}
    second = extract = Score(0, 0, 0, 0)
    for doc in (d for d in corpus() if d.id in sample):
        assert doc.part == "dev", f"{doc.id}: the agreement sample is drawn from the development part only"
        text = doc.text_path.read_text("utf-8")
        with open(SECOND / doc.id / "gold.csv", encoding="utf-8", newline="") as fh:
            second += score(doc.gold, list(csv.DictReader(fh)), text, doc.id)
        read = documents.read(doc.text_path)
        reading = rules.propose(read, vocab, doc.id, context.of(read, vocab, doc.published))
        extract += score(doc.gold, [p.record() for p in reading.proposals], text, doc.id)
    print(f"{len(sample)} development documents, {second.gold} gold rows")
    for who, s in (("second analyst", second), ("extract", extract)):
        fields = ", ".join(f"{k} {n}" for k, n in misses_by_field(s).most_common())
        print(f"{who:15} proposed {s.proposed:3}  right {s.right:3}  recall {s.recall:.2f}  precision "
              f"{s.precision:.2f}  misses: {fields or 'none'}")  # fmt: skip


if __name__ == "__main__":
    main()
