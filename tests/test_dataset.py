"""The dataset owns what it computes from its figures, and never shows a value that is no longer in its frame:
an analyst who edits data.tidy in place in JupyterLab sees the edit in the next table, chart and verdict."""

import pickle

from analysis import notebook
from analysis.data.dataset import Dataset
from analysis.trends import series
from analysis.trends.sector import sector_figures


def _politie_2020(data):
    tidy = data.tidy
    return (tidy["sector"] == "politie") & (tidy["year"] == 2020) & (tidy["measure"] == "realised_jobs")


def test_an_edit_in_place_is_seen_by_the_next_pivot_and_chart_data(minimal_raw):
    data = notebook.load(minimal_raw)
    assert notebook.pivot(data, "realised_jobs").loc[2020, "politie"] == 413  # the series is computed and kept
    data.tidy.loc[_politie_2020(data), "value"] = 999
    assert notebook.pivot(data, "realised_jobs").loc[2020, "politie"] == 999
    assert notebook.realised_vs_target(data, "politie").loc[2020, "realised"] == 999
    assert [p.value for p in series.points(data, "politie", "realised_jobs")] == [297, 999]


def test_an_edit_in_place_is_seen_by_the_answer(minimal_raw):
    data = notebook.load(minimal_raw)
    # 2024 (target 713) has passed without a figure, and the latest count before it, 413 (2020), is below it
    assert sector_figures(data, "politie").stand.status == "too_little_data"
    data.tidy.loc[_politie_2020(data), "value"] = 5000
    stand = sector_figures(data, "politie").stand
    assert (stand.status, [g.value for g in stand.figures]) == ("reached_early", [5000, 713])


def test_what_is_unchanged_is_computed_once(minimal_raw):
    data = notebook.load(minimal_raw)
    made = []

    def make(d):
        made.append(1)
        return len(d.tidy)

    assert data.cached(make) == data.cached(make) and len(made) == 1
    data.tidy.loc[_politie_2020(data), "value"] = 1
    data.cached(make)
    assert len(made) == 2


def test_a_value_per_key_is_built_once_and_again_after_an_edit(minimal_raw):
    data = notebook.load(minimal_raw)
    built = []

    def table(_d):
        return {}

    def build(key):
        built.append(key)
        return key * 2

    assert [data.cached_by(table, k, lambda k=k: build(k)) for k in (1, 2, 1)] == [2, 4, 2]
    assert built == [1, 2]
    data.tidy.loc[_politie_2020(data), "value"] = 1  # an analyst's edit: every key is built again
    data.cached_by(table, 1, lambda: build(1))
    assert built == [1, 2, 1]


def test_a_sector_edited_in_the_frame_gets_its_answer_again(minimal_raw):
    from analysis.trends.sector import sector_figures

    data = notebook.load(minimal_raw)
    before = sector_figures(data, "politie").points("realised_jobs")
    data.tidy.loc[_politie_2020(data), "value"] = 5000
    after = sector_figures(data, "politie").points("realised_jobs")
    assert [p.value for p in after] != [p.value for p in before] and 5000 in [p.value for p in after]


def test_a_dataset_handed_over_carries_no_cache(minimal_raw):
    data = notebook.load(minimal_raw)
    series.points(data, "politie", "realised_jobs")
    again = pickle.loads(pickle.dumps(data))
    assert isinstance(again, Dataset) and again._cache == {}
    assert [p.value for p in series.points(again, "politie", "realised_jobs")] == [297, 413]
