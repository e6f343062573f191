"""Texts held as categoricals give what plain texts give: the same rows, order, groups and computed texts."""

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from analysis.data import categorical
from analysis.data.derived import _rounded
from analysis.data.tidy import load_raw

TEXTS = st.lists(st.sampled_from(["b", "a", "", "é", "a b", "Z", "10", "9"]) | st.none(), max_size=30)


def _plain(values):
    return pd.Series(values, dtype="str")


@given(TEXTS)
def test_encoded_texts_keep_their_values_and_sort_as_texts(values):
    plain = _plain(values)
    encoded = categorical.encode(plain)
    assert list(encoded.cat.categories) == sorted(plain.dropna().unique())
    assert encoded.astype(object).where(encoded.notna(), None).tolist() == [v for v in values]
    # the order of the codes is the order of the texts, so sorting on codes sorts the texts
    known = encoded.notna()
    assert plain[known].iloc[np.argsort(encoded[known].cat.codes.to_numpy(), kind="stable")].tolist() == sorted(
        plain[known].tolist()
    )


@given(TEXTS, TEXTS)
def test_concatenated_categoricals_stay_categorical_with_every_value(a, b):
    left, right = categorical.encode(_plain(a)), _plain(b)  # one categorical, one plain: as derived rows join
    joined = categorical.concat([pd.DataFrame({"t": left}), pd.DataFrame({"t": right})])["t"]
    assert categorical.is_categorical(joined)
    assert joined.astype(object).where(joined.notna(), None).tolist() == [*a, *b]


@given(TEXTS)
def test_positions_follow_the_given_order_not_the_categories(values):
    order = ["b", "a", "Z"]  # not sorted: the registry's order of sectors
    got = categorical.positions(categorical.encode(_plain(values)), order)
    assert got.tolist() == [order.index(v) if v in order else -1 for v in values]


@given(st.lists(st.tuples(st.sampled_from(["x", "y", ""]), st.sampled_from([1, 2]) | st.none()), max_size=30))
def test_codes_are_equal_exactly_where_rows_agree(rows):
    texts = categorical.encode(_plain([r[0] for r in rows]))
    numbers = pd.Series([r[1] for r in rows], dtype="Int64")
    key = categorical.codes(texts, numbers) if rows else np.array([])
    for i in range(len(rows)):
        for j in range(len(rows)):
            assert (key[i] == key[j]) == (rows[i] == rows[j])


@given(TEXTS.filter(lambda v: None not in v), TEXTS.filter(lambda v: None not in v))
def test_a_text_made_per_distinct_pair_is_the_text_made_per_row(a, b):
    n = min(len(a), len(b))
    left, right = categorical.encode(_plain(a[:n])), _plain(b[:n])
    made = categorical.per_distinct(lambda x, y: x.astype(str) + "|" + y.astype(str), left, right)
    assert made.astype(str).tolist() == [f"{x}|{y}" for x, y in zip(a[:n], b[:n])]


@given(
    st.lists(
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False) | st.sampled_from([0.125, 2.675, 0.5, 1.005, 72.85]),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_vectorised_rounding_rounds_as_python_does(values, places):
    precision = pd.Series([places] * len(values))
    assert _rounded(pd.Series(values, dtype="float64"), precision).tolist() == [round(v, places) for v in values]


def test_the_public_tidy_frame_and_the_reports_data_hold_plain_texts(repo_raw, tidy):
    """Analysts, charts and tables get texts, not categoricals (a chart would show every category of one, and a
    count of values every category with none)."""
    from analysis.data.dataset import Dataset
    from analysis.data.tidy import build_tidy

    assert not any(categorical.is_categorical(tidy[c]) for c in tidy.columns)  # tidy: load_tidy(repo_raw)
    raw = load_raw(repo_raw)
    inner = build_tidy(raw)
    assert categorical.is_categorical(inner["sector"])  # what the prepare stage works on
    data = Dataset.of(raw, inner)
    shown = data.tidy
    assert not any(categorical.is_categorical(shown[c]) for c in shown.columns)
    assert shown["sector"].tolist() == inner["sector"].astype(str).tolist()
    from analysis.trends.coverage import consistency_findings

    findings = consistency_findings(data)
    assert len(findings) and not any(categorical.is_categorical(findings[c]) for c in findings.columns)
