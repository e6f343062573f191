"""extract on its corpus (benchmarks/extract/corpus: published documents with gold rows written by hand before
extract was run on them), in-process: every document is read, every proposal quotes its document verbatim, and
the scores do not fall below what the rules reach today (benchmarks/extract/RESULTS.md keeps each run's, and
what a document costs: speed is measured there, not asserted here)."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "extract"))
from score import Score, corpus, misses_by_field, score

from analysis.data.registry import load_sectors
from analysis.extract import documents, rules
from analysis.extract.rules import context
from analysis.extract.vocabulary import Vocabulary

# The floors: today's scores, rounded down. The test part is measured, never tuned on: no floor there beyond
# "reads every document"; its scores are in RESULTS.md.
FLOORS = {"dev": (0.82, 0.81), "seed": (0.95, 0.95)}
# A wrong proposal with a check costs the analyst a review; one without can become a wrong figure in data/raw.
# The most wrong proposals without a check each part may give: today's.
UNCHECKED_WRONG = {"dev": 1, "seed": 0}


@pytest.fixture(scope="module")
def scored():
    sectors, problems = load_sectors(ROOT / "data" / "raw" / "sectors.csv")
    assert not problems
    vocab = Vocabulary.of(sectors)
    totals: dict[str, Score] = {}
    for doc in corpus():
        read = documents.read(doc.text_path)  # raises UnreadableDocument for a refused document
        reading = rules.propose(read, vocab, doc.id, context.of(read, vocab, doc.published))
        got = score(doc.gold, [p.record() for p in reading.proposals], doc.text_path.read_text("utf-8"), doc.id)
        totals[doc.part] = totals.get(doc.part, Score(0, 0, 0, 0)) + got
    return totals


def test_the_corpus_holds_documents_of_every_part_with_gold_rows():
    parts = [d.part for d in corpus()]
    assert parts.count("dev") >= 20 and parts.count("test") >= 10 and parts.count("seed") == 2
    assert all(d.gold or d.part == "test" for d in corpus())


def test_every_proposal_quotes_its_document_verbatim(scored):
    totals = scored
    assert all(s.verbatim == s.proposed for s in totals.values()), {p: s.verbatim_share for p, s in totals.items()}


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_recall_and_precision_hold_their_floor(scored, part):
    totals = scored
    recall, precision = FLOORS[part]
    s = totals[part]
    assert s.recall >= recall and s.precision >= precision, (s.recall, s.precision, s.missed, s.wrong)


@pytest.mark.parametrize("part", sorted(UNCHECKED_WRONG))
def test_a_wrong_proposal_almost_always_says_what_to_check(scored, part):
    s = scored[part]
    unchecked = [(label, key) for label, key, check in s.wrong if not check]
    assert len(unchecked) <= UNCHECKED_WRONG[part], unchecked


def test_a_missed_gold_row_is_counted_by_the_fields_its_nearest_proposal_got_wrong():
    gold = [
        {
            "sector": "politie",
            "year": "2021",
            "period": "year",
            "measure": "realised_jobs",
            "value": "663",
            "qualifier": "",
        },
        {
            "sector": "politie",
            "year": "2024",
            "period": "year",
            "measure": "goal_jobs",
            "value": "713",
            "qualifier": "",
        },
        {
            "sector": "hbo",
            "year": "2024",
            "period": "year",
            "measure": "realised_jobs",
            "value": "605",
            "qualifier": "",
        },
    ]
    proposals = [
        {**gold[0], "year": "2020", "evidence": "x"},  # the year wrong
        {**gold[1], "sector": "rijk", "measure": "target_jobs", "evidence": "x"},  # sector and measure wrong
        {**gold[1], "year": "2023", "measure": "target_jobs", "evidence": "x"},  # a further one of 713: not taken
        {**gold[2], "value": "605.0", "evidence": "x"},  # the same value, written otherwise: right by value
    ]
    got = score([{**g, "scope": "", "basis": "", "evidence": "", "note": ""} for g in gold], proposals, "x", "doc")
    assert got.right == 0
    assert misses_by_field(got) == {"year": 1, "sector+measure": 1, "value written otherwise": 1}
    assert misses_by_field(score(gold[:1], [], "x", "doc")) == {"value not proposed": 1}


def test_the_proposals_without_a_check_are_counted_with_how_many_of_them_are_right():
    gold = [{"sector": "politie", "year": "2021", "period": "year", "measure": "realised_jobs", "value": "663"}]
    gold = [{**g, "qualifier": "", "scope": "", "basis": "", "evidence": "", "note": ""} for g in gold]
    proposals = [
        {**gold[0], "check": ""},  # right, without a check
        {**gold[0], "year": "2020", "check": ""},  # wrong, without a check: accept would take it as it stands
        {**gold[0], "year": "2019", "check": "year taken from an earlier paragraph (2019)"},  # wrong, checked
    ]
    got = score(gold, proposals, "x", "doc")
    assert (got.right, got.unchecked, got.unchecked_right, got.unchecked_wrong) == (1, 2, 1, 1)
    assert (got + got).unchecked == 4
