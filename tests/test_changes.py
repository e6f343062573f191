"""What changed since an earlier version of the processed data: on fixtures, with answers worked out by hand."""

import datetime as dt
import shutil

import pytest
from conftest import figure_row, report_args, short_row, write_figures

from analysis import i18n
from analysis.trends import changes

POLITIE = [
    "politie,2019,realised_jobs,297,,letter,Politie,",
    "politie,2020,realised_jobs,413,,letter,Politie,",
    "politie,2024,target_jobs,713,,letter,Politie,",
]


def test_changes_lists_added_changed_removed_figures_and_verdicts(minimal_raw, tmp_path, run_cli):
    out = tmp_path / "processed"
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 0
    shutil.copytree(out, tmp_path / "before")
    write_figures(
        minimal_raw,
        "politie",
        POLITIE[0],
        "politie,2020,realised_jobs,414,,letter,Politie,",
        figure_row("politie", 2024, "realisation_pct", 68, basis="statutory_measurement", source_id="news"),
    )
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 0

    code, stdout, _ = run_cli("changes", tmp_path / "before", "--processed", out, "--raw", minimal_raw)
    assert code == 0
    assert "1 added, 1 changed, 1 removed reported figures; 1 verdicts changed" in stdout
    assert "added: politie 2024, Realisation (%): 68 (news)" in stdout
    assert "changed: politie 2020, Jobs realised: 413 → 414 (letter)" in stdout
    assert "removed: politie 2024, Target (jobs): 713 (letter)" in stdout
    # the stand: no year decides (the 2024 target has no 2024 figure); then the 2024 percentage does: not met
    assert "verdict: politie: too little data → not met (2024)" in stdout


def test_changes_against_a_missing_version_is_a_clear_error(tmp_path, run_cli):
    code, _, err = run_cli("changes", "no-such-revision-xyz")
    assert code == 2 and "cannot read" in err and "no-such-revision-xyz" in err


@pytest.mark.slow
def test_the_index_says_what_is_new_since_the_previous_run(minimal_site, run_cli):
    tmp_path, minimal_raw = minimal_site, minimal_site / "raw"
    args = report_args(tmp_path, raw=minimal_raw)
    index = (tmp_path / "reports/index.html").read_text(encoding="utf-8")
    assert "Nieuw sinds" not in index  # a first run has nothing to compare with
    with (minimal_raw / "figures/politie.csv").open("a", encoding="utf-8") as fh:
        fh.write(short_row("politie,2021,realised_jobs,663,,letter,Politie,") + "\n")
        fh.write(short_row("politie,2022,realised_jobs,700,nearly,letter,Politie,") + "\n")
    assert run_cli(*args)[0] == 0
    index = (tmp_path / "reports/index.html").read_text(encoding="utf-8")
    # the previous data named by the day it was made, each figure with its word and its source by name
    made = i18n.date_words(dt.date.today().isoformat(), "nl")
    assert f"Nieuw sinds de gegevens van {made}" in index
    assert "toegevoegd: Politie 2021, Gerealiseerde banen: 663 (Minister, 1 december 2025)" in index
    assert "toegevoegd: Politie 2022, Gerealiseerde banen: bijna 700 (Minister, 1 december 2025)" in index


# ------------------------------------------------------------------ the earlier version is untrusted input


@pytest.mark.parametrize("ref", ["--output=OUT", "-x", "--help", "-p"])
def test_a_revision_that_looks_like_an_option_never_reaches_git(tmp_path, run_cli, ref, monkeypatch):
    """On the previous code `changes -- --output=PATH` made git write a file, then a traceback."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("changes", "--", ref.replace("OUT", str(tmp_path / "changes-out")))
    assert code == 2 and "a revision never starts with '-'" in err, (out, err)
    assert not (tmp_path / "changes-out").exists() and not list(tmp_path.iterdir())


def test_a_revision_is_resolved_before_it_is_read(run_cli):
    code, _, err = run_cli("changes", "HEAD~100000")
    assert code == 2 and "no revision 'HEAD~100000'" in err, err


def _version(tmp_path, text: str, name: str = "old"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "banenafspraak.csv").write_text(text, encoding="utf-8")
    return folder


HEADER = "sector,year,period,measure,value,qualifier,scope,basis,era,status,source_id\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "is empty"),
        ("sector,year,measure\npolitie,2019,realised_jobs\n", "has no column 'value'"),
        (HEADER + "politie,2019,year,realised_jobs,veel,,,sector_count,0,reported,letter\n", "line 2: value 'veel'"),
        (HEADER + "politie,twintig,year,realised_jobs,297,,,sector_count,0,reported,letter\n", "line 2: year"),
        (HEADER + "politie,2019,year,realised_jobs,297,,,sector_count,x,reported,letter\n", "line 2: era"),
    ],
)
def test_a_broken_earlier_version_is_a_message_not_a_traceback(minimal_raw, tmp_path, run_cli, text, said):
    out = tmp_path / "processed"
    assert run_cli("prepare", "--raw", minimal_raw, "--out", out)[0] == 0
    code, _, err = run_cli("changes", _version(tmp_path, text), "--processed", out, "--raw", minimal_raw)
    assert code == 2 and said in err and "Traceback" not in err, err


# ------------------------------------------------------------------ compare and describe, in-process

BEFORE = HEADER + (
    "politie,2019,year,realised_jobs,297,,,sector_count,0,reported,letter\n"
    "politie,2020,year,realised_jobs,413,,,sector_count,0,reported,letter\n"
    "politie,2020,year,yoy_change,116,,,sector_count,0,derived,letter\n"
    "politie,2024,year,target_jobs,713,,,sector_count,0,reported,letter\n"
)
AFTER = HEADER + (
    "politie,2019,year,realised_jobs,297,,,sector_count,0,reported,letter\n"
    "politie,2020,year,realised_jobs,414,nearly,,sector_count,0,reported,letter\n"
    "politie,2024,year,realisation_pct,68,,,statutory_measurement,0,reported,news\n"
)


def versions(tmp_path, before: str, after: str):
    return (changes.read_version(str(_version(tmp_path, text, name))) for text, name in ((before, "a"), (after, "b")))


def test_changes_are_told_in_dutch_with_the_sector_s_name_the_word_and_the_source_s_name(tmp_path):
    old, new = versions(tmp_path, BEFORE, AFTER)
    found = changes.compare(old, new)
    found.verdicts = changes.verdict_changes(old, new)
    assert changes.describe(found, "nl", {"politie": "Politie"}, {"letter": "Minister", "news": "Krant"}.get) == [
        "toegevoegd: Politie 2024, Realisatie (%): 68 (Krant)",
        "gewijzigd: Politie 2020, Gerealiseerde banen: 413 → bijna 414 (Minister)",
        "verwijderd: Politie 2024, Doelstelling (banen): 713 (Minister)",
        "oordeel: Politie: te weinig gegevens → niet gehaald (2024)",
    ]


def test_a_verdict_change_is_the_change_of_the_stand_a_page_opens_with(tmp_path):
    """A target for 2020 added: the stand goes from no year deciding to met in 2020 (413 of 400), while the
    older verdict, about the latest target (2024, without a figure), said 'te weinig gegevens' before and after:
    the index named no change though every page's answer changed."""
    target_2020 = "politie,2020,year,target_jobs,400,,,sector_count,0,reported,letter\n"
    old, new = versions(tmp_path, BEFORE, BEFORE + target_2020)
    assert changes.verdict_changes(old, new, this_year=2026) == [
        {"sector": "politie", "old": "too_little_data", "old_year": None, "new": "met", "new_year": 2020}
    ]


def test_a_derived_figure_that_differs_is_no_change(tmp_path):
    old, new = versions(tmp_path, BEFORE, BEFORE.replace(",116,", ",117,"))
    assert changes.compare(old, new).empty()


def test_a_version_from_before_bases_is_matched_on_sector_year_measure_and_source(tmp_path):
    before = "sector,year,measure,value,qualifier,status,source_id\npolitie,2019,realised_jobs,290,,reported,letter\n"
    old, new = versions(tmp_path, before, AFTER)
    found = changes.compare(old, new)
    assert found.note == (
        "the earlier version has no period, scope or basis: figures are matched on sector, year, measure and source"
    )
    assert changes.verdict_changes(old, new) == []
    assert changes.describe(found) == [
        "added: politie 2020, Jobs realised: nearly 414 (letter)",
        "added: politie 2024, Realisation (%): 68 (news)",
        "changed: politie 2019, Jobs realised: 290 → 297 (letter)",
    ]
