"""Coverage, freshness, source mix and consistency tables on a fixture with known gaps, conflicts and derived values."""

import pandas as pd
import pytest
from conftest import FIXTURES, make_raw

from analysis.data.dataset import Dataset
from analysis.data.tidy import build_tidy, load_raw
from analysis.trends import coverage


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    sectors = (
        "sector,name_nl,name_en,short_nl,short_en,group,unit\n"
        "politie,Politie,Police,Politie,Police,overheid,sector_jobs\n"
        "waterschappen,Waterschappen,Water authorities,Waterschappen,Water,overheid,sector_jobs\n"
        "mbo,Middelbaar beroepsonderwijs,VET,mbo,VET,onderwijs,sector_jobs\n"
        "markt,Marktsector,Market sector,Markt,Market,nationaal,national_extra_jobs\n"
    )
    figures = {
        # politie: 2019 and 2021 realised (2020 is a gap), a target only for 2021, all from the primary letter
        "politie": [
            "politie,2019,realised_jobs,297,,letter,P,",
            "politie,2021,realised_jobs,663,,letter,P,",
            "politie,2021,target_jobs,700,,letter,P,",
        ],
        # waterschappen: a percentage that conflicts with its counts, and the same count from two sources
        "waterschappen": [
            "waterschappen,2021,realised_jobs,269.5,,letter,W,",
            "waterschappen,2021,target_jobs,492.7,,letter,W,",
            "waterschappen,2021,realisation_pct,60.2,,letter,W,",
            "waterschappen,2020,realised_jobs,262,,letter,W,",
            "waterschappen,2020,realised_jobs,250,,news,W,",
        ],
        "mbo": [],  # no figures at all
        # the national figure: newest realised year 2023, from a secondary source
        "markt": ["markt,2023,realised_jobs,74031,,news,M,", "markt,2023,realisation_pct,92.5,,news,M,"],
    }
    raw = load_raw(make_raw(tmp_path_factory.mktemp("cov"), figures, {"sectors.csv": sectors}))
    return raw, build_tidy(raw)


def test_coverage_matrix(fixture):
    raw, tidy = fixture
    realised = coverage.coverage_matrix(Dataset.of(raw, tidy), "realised_jobs")
    assert list(realised.columns) == [2019, 2020, 2021, 2022, 2023]
    assert realised.loc["politie"].tolist() == ["reported", "", "reported", "", ""]
    assert realised.loc["waterschappen"].tolist() == ["", "reported", "reported", "", ""]
    assert realised.loc["mbo"].tolist() == [""] * 5
    pct = coverage.coverage_matrix(Dataset.of(raw, tidy), "realisation_pct")
    assert pct.loc["politie"].tolist() == ["", "", "derived", "", ""]  # 663 / 700, computed
    assert pct.loc["waterschappen"].tolist() == ["", "", "reported", "", ""]
    target = coverage.coverage_matrix(Dataset.of(raw, tidy), "target_jobs")
    assert target.loc["markt"].tolist() == ["", "", "", "", "derived"]  # implied by 92.5 %


def test_freshness(fixture):
    raw, tidy = fixture
    f = coverage.freshness(Dataset.of(raw, tidy)).set_index("sector")
    assert f.loc["politie"].tolist() == [2021, 2021, pd.NA, 2]
    assert f.loc["waterschappen"].tolist() == [2021, 2021, 2021, 2]
    assert f.loc["markt", "years_behind_national"] == 0
    assert f.loc["mbo"].isna().all()


def test_source_mix(fixture):
    raw, tidy = fixture
    mix = coverage.source_mix(Dataset.of(raw, tidy)).set_index("sector")
    assert mix.loc["politie", ["primary", "secondary"]].tolist() == [3, 0]
    assert mix.loc["waterschappen", ["primary", "secondary"]].tolist() == [4, 1]
    assert mix.loc["markt", ["primary", "secondary"]].tolist() == [0, 2]
    assert mix.loc["markt", "secondary_pct"] == 100  # a percentage, as the coverage page's heading says
    assert mix.loc["waterschappen", "secondary_pct"] == 20
    assert pd.isna(mix.loc["mbo", "secondary_pct"])


def test_sectors_without_figures_are_listed(fixture):
    raw, tidy = fixture
    assert coverage.without_figures(Dataset.of(raw, tidy)) == ["mbo"]


def test_consistency_findings_name_both_sources(fixture):
    raw, tidy = fixture
    f = coverage.consistency_findings(Dataset.of(raw, tidy))
    rows = {(r.check, r.sector, int(r.year)): r for r in f.itertuples()}
    assert set(rows) == {
        ("percentage_vs_counts", "waterschappen", 2021),
        ("same_figure_two_sources", "waterschappen", 2020),
    }
    pct = rows[("percentage_vs_counts", "waterschappen", 2021)]
    assert pct.outcome == "differs" and pct.value_a == 60.2 and pct.source_a == "Minister, 1 december 2025"
    same = rows[("same_figure_two_sources", "waterschappen", 2020)]
    assert same.outcome == "differs" and {same.source_a, same.source_b} == {
        "Minister, 1 december 2025",
        "Newspaper, 2025",
    }


def test_coverage_command(run_cli, fixture, tmp_path):
    _data, _ = fixture
    code, out, _ = run_cli("coverage", "--raw", FIXTURES / "minimal")
    assert code == 0
    lines = {
        line.split()[0]: line.split() for line in out.splitlines() if line and not line.startswith(("years", "without"))
    }
    assert lines["politie"][1] == "2019-2020"  # realised years in the minimal fixture
    assert "without any figure: none" in out
