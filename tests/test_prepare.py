"""The prepare stage in-process: the raw folder read, made tidy and checked, what the terminal is told, and the
processed files written only where they changed. The command line's own behaviour is in test_processed.py."""

import re

import pytest
from conftest import figure_row, make_raw

from analysis.data import prepare
from analysis.errors import ReconciliationError

# the same count of politie, one a year from 2012 to 2023, in the letter and (100 more) in the news item
TWELVE_DIFFERENCES = [figure_row("politie", y, "realised_jobs", y - 1888) for y in range(2012, 2024)] + [
    figure_row("politie", y, "realised_jobs", y - 1788, source_id="news") for y in range(2012, 2024)
]


def test_the_terminal_is_told_what_was_read_and_the_first_ten_findings(tmp_path):
    done = prepare.prepare(make_raw(tmp_path, {"politie": TWELVE_DIFFERENCES}))
    lines = done.described().splitlines()
    assert lines[:3] == [
        "26 figures from 2 sector files, 2 sources, 2 sectors; 23 derived values",
        "consistency: 12 comparisons, 12 flagged (differ beyond rounding, or implausible)",
        "  same_figure_two_sources: politie 2012 realised_jobs: 124 (letter) vs 224 (news)",
    ]
    assert lines[11] == "  same_figure_two_sources: politie 2021 realised_jobs: 133 (letter) vs 233 (news)"
    assert lines[12:] == ["  ... and 2 more: see consistency.csv"]


@pytest.fixture(scope="module")
def minimal(tmp_path_factory) -> prepare.Prepared:
    return prepare.prepare(make_raw(tmp_path_factory.mktemp("prepare")))


def test_every_raw_row_is_one_reported_row_beside_the_derived_ones(minimal):
    assert minimal.tidy["status"].value_counts().to_dict() == {"reported": 5, "derived": 2}
    assert sorted(minimal.outputs) == [
        "banenafspraak.csv",
        "banenafspraak.xlsx",
        "banenafspraak_nl.csv",
        "codebook.csv",
        "consistency.csv",
        "datapackage.json",
        "sources.csv",
    ]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda reported: reported.iloc[1:], "5 raw rows but 4 reported rows (4 distinct) in the tidy data"),
        (lambda reported: reported.iloc[[0, 0, 1, 2, 3]], "5 raw rows but 5 reported rows (4 distinct)"),
    ],
    ids=["lost", "doubled"],
)
def test_a_raw_row_lost_or_doubled_on_the_way_is_refused(minimal_raw, monkeypatch, change, said):
    made = prepare.build_tidy

    def wrong(data):
        tidy = made(data)
        return change(tidy[tidy["status"] == "reported"])

    monkeypatch.setattr(prepare, "build_tidy", wrong)
    with pytest.raises(ReconciliationError, match=re.escape(said)):
        prepare.prepare(minimal_raw)


def test_processed_files_are_written_once_then_said_to_be_up_to_date(minimal_raw, tmp_path):
    out = tmp_path / "processed"
    out.mkdir()
    (out / ".tmp-banenafspraak.csv").write_text("half", encoding="utf-8")  # left by a prepare that was stopped
    said = []
    data, tidy = prepare.write_processed(minimal_raw, out, said.append)
    assert said[0] == "removed .tmp-banenafspraak.csv, left unfinished by an earlier prepare that was stopped"
    assert said[-1].startswith(f"{out}: 7 file(s) written (banenafspraak.csv, ")
    assert (out / "banenafspraak.csv").read_text(encoding="utf-8").count('\n"politie",') == 4
    assert (data.raw_rows, len(tidy)) == (5, 7)
    said.clear()
    prepare.write_processed(minimal_raw, out, said.append)
    assert said[-1] == f"{out}: 0 file(s) written, all up to date"
