"""Property-based fuzzing of the CSV loader and validator.

The only outcomes allowed are a valid tidy frame holding every row written, or the project's
own DataValidationError whose every issue names a file, a line inside that file and a column.
"""

import csv
import io
import tempfile

from conftest import make_raw
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from analysis.data.tidy import build_tidy, load_raw
from analysis.dictionary import FIGURE_COLUMNS
from analysis.errors import DataValidationError

SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow])  # examples: the profile in conftest


def load(files: dict[str, bytes]):
    """Write the given files over a copy of the minimal raw folder and load it."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            return load_raw(make_raw(tmp, files=files)), None
        except DataValidationError as err:
            return None, err


def assert_issues_point_somewhere(err: DataValidationError, files: dict[str, bytes]):
    assert err.issues
    for issue in err.issues:
        name = next((n for n in files if issue.file.endswith(n)), None)
        assert name is not None or issue.file.endswith((".csv",)), issue
        if name is not None:
            lines = files[name].count(b"\n") + files[name].count(b"\r") + 1
            assert 1 <= issue.line <= max(lines, 1), issue
        assert isinstance(issue.column, str) and issue.rule, issue


@SETTINGS
@given(st.binary(max_size=600))
def test_arbitrary_bytes(payload):
    files = {"figures/politie.csv": payload}
    _data, err = load(files)
    if err is not None:
        assert_issues_point_somewhere(err, files)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text_after_a_valid_header(body):
    files = {"figures/politie.csv": (",".join(FIGURE_COLUMNS) + "\n" + body).encode("utf-8")}
    data, err = load(files)
    event("refused with issues" if err is not None else "loaded")
    if err is not None:
        assert_issues_point_somewhere(err, files)
    else:
        reader = csv.reader(io.StringIO(body, newline=""))
        records = [r for r in reader if r]
        assert len(data.figures[data.figures["raw_file"] == "figures/politie.csv"]) == len(records)


cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
value_text = st.one_of(
    st.integers(min_value=-10, max_value=10**25).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False).map(str),
    st.sampled_from(["", "61,3", "5.500", "1e3", "1_000", " 297 ", "nan", "inf", "-0", "０１２"]),
    cell_text,
)
row = st.fixed_dictionaries(
    {
        "sector": st.one_of(st.sampled_from(["politie", "waterschappen"]), cell_text),
        "year": st.one_of(
            st.integers(min_value=1900, max_value=2100).map(str),
            st.sampled_from(["", "2020.0", "99999999999999999999"]),
            cell_text,
        ),
        "measure": st.one_of(
            st.sampled_from(["realised_jobs", "target_jobs", "realisation_pct", "goal_jobs"]), cell_text
        ),
        "value": value_text,
        "qualifier": st.one_of(st.sampled_from(["", "at least", "nearly", "estimate"]), cell_text),
        "source_id": st.one_of(st.sampled_from(["letter", "news"]), cell_text),
        "locator": cell_text,
        "note": st.one_of(cell_text, st.just('=HYPERLINK("http://x")'), st.just('a, b\nc "d"')),
    }
)


valid_row = st.fixed_dictionaries(
    {
        "sector": st.just("politie"),
        "year": st.integers(min_value=2012, max_value=2035).map(str),
        "measure": st.sampled_from(["realised_jobs", "target_jobs", "realisation_pct"]),
        "value": st.decimals(min_value=0, max_value=999, places=2, allow_nan=False).map(str),
        "qualifier": st.sampled_from(["", "at least", "nearly", "estimate"]),
        "source_id": st.sampled_from(["letter", "news"]),
        "locator": st.text(alphabet=st.characters(blacklist_categories=("Cs", "Z", "Cc")), min_size=1, max_size=20),
        "note": st.one_of(cell_text, st.just('=HYPERLINK("http://x")'), st.just('a, b\nc "d"')),
    }
)


@SETTINGS
@given(
    rows=st.one_of(
        st.lists(valid_row, max_size=8, unique_by=lambda r: (r["year"], r["measure"], r["source_id"])),
        st.lists(st.one_of(valid_row, row), max_size=8),
    ),
    order=st.one_of(st.just(FIGURE_COLUMNS), st.just(FIGURE_COLUMNS), st.permutations(FIGURE_COLUMNS)),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_generated_rows(rows, order, bom, crlf):
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=order, lineterminator="\r\n" if crlf else "\n")
    writer.writeheader()
    writer.writerows(rows)
    payload = (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")
    files = {"figures/politie.csv": payload}
    data, err = load(files)
    event("refused with issues" if err is not None else "loaded")
    if err is not None:
        assert_issues_point_somewhere(err, files)
        return
    assert list(order) == FIGURE_COLUMNS  # another column order is always refused
    politie = data.figures[data.figures["raw_file"] == "figures/politie.csv"]
    assert len(politie) == len(rows)  # never a silently shortened frame
    for written, (_, loaded) in zip(rows, politie.iterrows()):
        assert float(written["value"].strip()) == loaded["value"]
    build_tidy(data)  # derived values never fail on valid data
