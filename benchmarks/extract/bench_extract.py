"""Extract on its corpus: recall and precision per part (development, test, the seed letters), full row (sector,
year, period, measure, value, qualifier), how many wrong proposals carry no check, the share of verbatim evidence
and the time per document.

    python benchmarks/extract/bench_extract.py            # print the scores
    python benchmarks/extract/bench_extract.py --misses   # and every missed gold row and wrong proposal
    python benchmarks/extract/bench_extract.py --record   # and put them on top of benchmarks/extract/RESULTS.md

Tune on the development part only; the test part is for measuring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from score import Score, corpus, misses_by_field, score

from analysis.data.registry import load_sectors
from analysis.extract import documents, rules
from analysis.extract.rules import context
from analysis.extract.vocabulary import Vocabulary

ROOT = HERE.parent.parent
PARTS = ("dev", "test", "seed")


def run(misses: bool = False) -> tuple[dict[str, Score], dict[str, float]]:
    sectors, problems = load_sectors(ROOT / "data" / "raw" / "sectors.csv")
    assert not problems, problems
    vocab = Vocabulary.of(sectors)
    totals = {part: Score(0, 0, 0, 0) for part in PARTS}
    seconds: dict[str, float] = {}
    for doc in corpus():
        started = time.perf_counter()
        read = documents.read(doc.text_path)
        reading = rules.propose(read, vocab, doc.id, context.of(read, vocab, doc.published))
        seconds[doc.id] = time.perf_counter() - started
        proposals = [p.record() for p in reading.proposals]
        apart = tuple(a.written for a in reading.apart)
        got = score(doc.gold, proposals, doc.text_path.read_text("utf-8"), doc.id, apart)
        totals[doc.part] += got
        print(f"{doc.part:4} {doc.id:60} gold {got.gold:3} proposed {got.proposed:3} right {got.right:3}")
    if misses:
        for part in PARTS:
            for label, key in totals[part].missed:
                print(f"MISSED {part} {label}: {key}")
            for label, key, check in totals[part].wrong:
                print(f"WRONG  {part} {label}: {key}  [{check}]")
    return totals, seconds


def table(totals: dict[str, Score], seconds: dict[str, float]) -> str:
    counts = {part: sum(1 for d in corpus() if d.part == part) for part in PARTS}
    lines = [
        (
            "| part | documents | gold rows | proposals | right | recall | precision | wrong without a check "
            "| verbatim evidence |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for part in PARTS:
        s = totals[part]
        lines.append(
            f"| {part} | {counts[part]} | {s.gold} | {s.proposed} | {s.right} | {s.recall:.2f} | {s.precision:.2f} | "
            f"{s.unchecked_wrong} of {s.proposed - s.right} | {s.verbatim_share:.0%} |"
        )
    lines += [
        "",
        "What the analyst is asked to check: accept refuses a row whose check is still filled in, so a proposal",
        "without a check is one it takes as it stands, and a check costs a review.",
        "",
        "| part | proposals without a check | of them right | proposals with a check | of them right |",
        "|---|---|---|---|---|",
    ]
    for part in PARTS:
        s = totals[part]
        checked, free = s.proposed - s.unchecked, s.unchecked
        lines.append(
            f"| {part} | {free} | {s.unchecked_right} ({_share(s.unchecked_right, free)}) | {checked} | "
            f"{s.right - s.unchecked_right} ({_share(s.right - s.unchecked_right, checked)}) |"
        )
    lines += [
        "",
        "Missed gold rows whose value no proposal has, and how many of those the list of numbers not proposed",
        "(the .apart.csv extract writes beside the proposals) holds, where an analyst can find them:",
        "",
        "| part | value not proposed | of them in the list of numbers not proposed |",
        "|---|---|---|",
    ]
    lines += [
        f"| {part} | {totals[part].unproposed} | {totals[part].listed} ({_share(totals[part].listed, totals[part].unproposed)}) |"
        for part in PARTS
    ]
    lines += ["", "What the missed gold rows got wrong (misses_by_field in score.py), per part:", ""]
    lines += ["| part | what was wrong | missed gold rows |", "|---|---|---|"]
    for part in PARTS:
        lines += [f"| {part} | {what} | {n} |" for what, n in misses_by_field(totals[part]).most_common()]
    slowest = max(seconds, key=seconds.get)
    lines.append("")
    lines.append(
        f"Time per document: median {sorted(seconds.values())[len(seconds) // 2]:.3f} s, slowest "
        f"{seconds[slowest]:.3f} s ({slowest}); in-process, after the vocabulary is built."
    )
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print every missed gold row and wrong proposal")
    parser.add_argument("--record", action="store_true", help="put the scores on top of benchmarks/extract/RESULTS.md")
    args = parser.parse_args()
    totals, seconds = run(args.misses)
    result = table(totals, seconds)
    print()
    print(result)
    if args.record:
        from bench_reports import with_history

        results = HERE / "RESULTS.md"
        stamp = f"{dt.datetime.now():%Y-%m-%d %H:%M} on {platform.platform()}, Python {platform.python_version()}"
        import bench_cost

        cost = bench_cost.table(bench_cost.measure())
        latest = (
            f"# Benchmark results\n\nextract on its corpus, measured {stamp}.\n\n{result}\n\n"
            f"What it costs as a document grows (benchmarks/extract/bench_cost.py: a fresh process per reading; "
            f"'per unit, against the smallest' near 1 is a cost in proportion to the size):\n\n{cost}\n"
        )
        previous = results.read_text("utf-8") if results.is_file() else ""
        results.write_text(with_history(latest, previous), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
