"""Text columns held as pandas categoricals: each distinct text once, one small integer per row.

The prepare stage keeps the raw figures' texts this way from reading to writing. A million rows hold a
few thousand distinct texts, so sorting, filtering and joining move integers instead of strings (taking
a million strings in a new order costs a tenth of a second per column, the integers a hundredth), and
a text computed per row is computed once per distinct value instead.

Categories are always sorted, so the order of the codes is the order of the texts: sorting or ranking
a categorical column orders it as the texts themselves would be ordered.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals


def is_categorical(values: pd.Series) -> bool:
    return isinstance(values.dtype, pd.CategoricalDtype)


def encode(values: pd.Series) -> pd.Series:
    """`values` (texts, missing allowed) as a categorical with sorted categories, same index and name."""
    if is_categorical(values):
        categories = values.cat.categories
        return values if categories.is_monotonic_increasing else values.cat.reorder_categories(categories.sort_values())
    codes, uniques = pd.factorize(values, sort=True)
    categories = pd.Index(uniques, dtype="str")
    return pd.Series(
        pd.Categorical.from_codes(codes, dtype=pd.CategoricalDtype(categories)), index=values.index, name=values.name
    )


def constant(text: str, index: pd.Index) -> pd.Series:
    """The same text on every row of `index`, as a categorical."""
    return pd.Series(pd.Categorical.from_codes(np.zeros(len(index), dtype="int8"), categories=[text]), index=index)


def positions(values: pd.Series, order: list[str]) -> np.ndarray:
    """For each row, the position of its text in `order`, or -1 where it is not there (or missing).

    Not values.astype(CategoricalDtype(order)): pandas takes that for the dtype it already has when the
    categories are the same in another order, and leaves the codes as they are."""
    values = encode(values)
    at = np.append(pd.Index(order).get_indexer(values.cat.categories), -1)  # code -1 (missing) takes the -1
    return at[values.cat.codes.to_numpy()]


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """pd.concat(frames, ignore_index=True), with every column that is categorical in any frame categorical
    in the result: pandas makes categoricals whose categories differ into Python objects."""
    shared = [
        c for c in dict.fromkeys(c for f in frames for c in f.columns) if any(_categorical_in(f, c) for f in frames)
    ]
    if not shared:
        return pd.concat(frames, ignore_index=True)
    out = pd.concat([f.drop(columns=[c for c in shared if c in f]) for f in frames], ignore_index=True)
    texts = {
        c: stacked([f[c] if c in f else pd.Series(np.nan, index=f.index, dtype="str") for f in frames]) for c in shared
    }
    order = list(dict.fromkeys(c for f in frames for c in f.columns))
    return out.assign(**texts)[order]


def _categorical_in(frame: pd.DataFrame, column: str) -> bool:
    return column in frame and is_categorical(frame[column])


def _codes_and_texts(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    if is_categorical(values):
        return values.cat.codes.to_numpy(), values.cat.categories.tolist()
    codes, uniques = pd.factorize(values)
    return codes, list(uniques)


def stacked(columns: list[pd.Series]) -> pd.Series:
    """The columns one after the other as one Series (a new index), categorical where any of them is, with the
    union of their texts as sorted categories (pandas' union_categoricals renumbers each part's codes)."""
    if not any(is_categorical(c) for c in columns):
        return pd.concat(columns, ignore_index=True)
    if _same_categories(columns):  # the usual case, parts of one frame: their codes already agree
        codes = np.concatenate([c.cat.codes.to_numpy() for c in columns])
        return pd.Series(pd.Categorical.from_codes(codes, dtype=columns[0].dtype))
    parts = [c.array if is_categorical(c) else pd.Categorical(c.astype("str")) for c in columns]
    union = union_categoricals(parts, sort_categories=True, ignore_order=True)
    return pd.Series(pd.Categorical.from_codes(union.codes, dtype=pd.CategoricalDtype(union.categories.astype("str"))))


def _same_categories(columns: list[pd.Series]) -> bool:
    first = columns[0]
    return (
        is_categorical(first)
        and all(is_categorical(c) and c.cat.categories.equals(first.cat.categories) for c in columns)
        and first.cat.categories.is_monotonic_increasing
    )


def codes(*columns: pd.Series) -> np.ndarray:
    """One integer per row, equal exactly where the rows agree on every column (missing equals missing);
    not numbered from 0 without gaps.

    A categorical column gives its codes as they are; any other is factorised. The codes are combined
    column by column, and renumbered only when the next combination could overflow."""
    key, distinct = np.zeros(len(columns[0]), dtype="int64"), 1
    for column in columns:
        if is_categorical(column):
            part, size = column.cat.codes.to_numpy().astype("int64") + 1, len(column.cat.categories) + 1  # missing: 0
        else:
            part, uniques = pd.factorize(column, use_na_sentinel=False)
            size = len(uniques)
        if distinct * size >= 2**62:
            key, distinct = _renumbered(key)
        key, distinct = key * size + part, distinct * size
    return key


def _renumbered(key: np.ndarray) -> tuple[np.ndarray, int]:
    part, uniques = pd.factorize(key)
    return part.astype("int64"), len(uniques)


def per_distinct(make: Callable[..., pd.Series], *columns: pd.Series) -> pd.Series:
    """make(*columns), computed once for each distinct combination of the columns' values and given to every
    row that holds it, as a categorical aligned with the first column. `make` takes and returns Series
    (element-wise: its result for a row depends on that row only)."""
    index = columns[0].index
    _, first, inverse = np.unique(codes(*columns), return_index=True, return_inverse=True)
    made = make(*(c.iloc[first].reset_index(drop=True) for c in columns))
    result = encode(pd.Series(np.asarray(made, dtype=object), dtype="str"))
    picked = result.cat.codes.to_numpy()[inverse] if len(inverse) else np.empty(0, dtype="int8")
    return pd.Series(pd.Categorical.from_codes(picked, dtype=result.dtype), index=index)


def lookup(values: pd.Series, table: dict, dtype: str = "int64") -> np.ndarray:
    """table[value] for every row, as an array: looked up once per category of a categorical (a million rows
    of a few thousand source ids cost a few thousand look-ups), row by row otherwise."""
    if is_categorical(values):
        found = np.asarray([table[c] for c in values.cat.categories], dtype=dtype)
        return found[values.cat.codes.to_numpy()]
    return values.astype("str").map(table).to_numpy(dtype=dtype)


def decoded(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its categorical columns as plain text columns, as charts and tables are written for."""
    text = {c: frame[c].astype("str").where(frame[c].notna()) for c in frame.columns if is_categorical(frame[c])}
    return frame.assign(**text) if text else frame
