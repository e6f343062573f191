"""Reading many raw files at once (pyarrow) gives exactly what the careful csv-module reader gives,
and pairing figures stays linear in the rows however many sources publish one figure."""

import csv
import io

import pandas as pd
from conftest import figure_row, write_figures
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.data.derived import consistency_report, derive
from analysis.data.rawcsv import FILE, LINE, read_many, read_rows, to_frame
from analysis.data.tidy import load_raw

COLUMNS = ["a", "b", "c"]
# Letters, the CSV's own characters, spaces at the edges, accents, a non-breaking space, a control character
FIELD = st.text(alphabet=st.sampled_from(list('ab ,"é\u00a0\t') + ["\n"]), max_size=6)


def _careful(path, name):
    records, lines, issues = read_rows(path, COLUMNS, name)  # the careful reader (the csv module)
    frame = to_frame(records, lines, COLUMNS)
    return frame[[*COLUMNS, LINE]].astype({c: str for c in COLUMNS}).values.tolist(), [i.line for i in issues]


def _fast(paths):
    frame, issues = read_many(paths, COLUMNS)
    return frame, [(i.file, i.line) for i in issues]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    files=st.lists(st.lists(st.lists(FIELD, min_size=2, max_size=4), max_size=5), min_size=1, max_size=3),
    crlf=st.booleans(),
    raw_tail=st.sampled_from(["", "\n", "x\n", '"open\n', "a,b\n\n"]),
)
def test_the_fast_reader_reads_what_the_careful_reader_reads(tmp_path_factory, files, crlf, raw_tail):
    folder = tmp_path_factory.mktemp("many")
    paths = []
    for k, rows in enumerate(files):
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n" if crlf else "\n").writerows([COLUMNS, *rows])
        path = folder / f"f{k}.csv"
        path.write_text(text.getvalue() + (raw_tail if k == len(files) - 1 else ""), encoding="utf-8")
        paths.append((path, f"f{k}.csv"))
    frame, issues = _fast(paths)
    expected_rows, expected_issues = [], []
    for path, name in paths:
        rows, lines = _careful(path, name)
        expected_rows += [[*r, name] for r in rows]
        expected_issues += [(name, line) for line in lines]
    got = frame[[*COLUMNS, LINE, FILE]].astype({c: str for c in COLUMNS}).values.tolist()
    assert got == expected_rows
    assert issues == expected_issues


def _large_sector_file(raw, rows, bad_line=None, bad=None):
    lines = [
        figure_row("politie", 1990 + i % 40, "realised_jobs", 100 + i, scope=f"deel {i}", locator=f"p. {i}")
        for i in range(rows)
    ]
    if bad_line is not None:
        lines[bad_line - 2] = bad
    write_figures(raw, "politie", *lines)


def test_one_bad_row_in_a_large_file_is_named_by_file_line_and_column(minimal_raw):
    _large_sector_file(
        minimal_raw, 40_000, 31_337, figure_row("politie", 2020, "realised_jobs", "12,5", source_id="letter")
    )
    try:
        load_raw(minimal_raw)
    except Exception as err:  # noqa: BLE001 - the message is what is tested
        issues = err.issues
    else:
        raise AssertionError("a bad value was accepted")
    assert [(i.file.rsplit("/", 1)[-1], i.line, i.column) for i in issues] == [("politie.csv", 31_337, "value")]
    assert "decimal point" in issues[0].rule


def test_a_quote_spanning_lines_deep_in_a_large_file_is_found_where_it_opens(minimal_raw):
    _large_sector_file(
        minimal_raw,
        20_000,
        12_000,
        'politie,2020,year,realised_jobs,5,,,sector_count,letter,"p. 1\nstill the locator",Zin.,',
    )
    try:
        load_raw(minimal_raw)
    except Exception as err:  # noqa: BLE001
        issues = err.issues
    else:
        raise AssertionError("a quote over two lines was accepted")
    assert [(i.line, i.column) for i in issues] == [(12_000, "locator")]


def _many_sources(n):
    records = []
    for k in range(n):
        for measure, value in (("realised_jobs", 300 + k % 3), ("target_jobs", 400), ("realisation_pct", 75)):
            records.append(
                {
                    "sector": "rijk",
                    "year": 2020,
                    "period": "year",
                    "measure": measure,
                    "value": float(value),
                    "qualifier": "",
                    "scope": "",
                    "basis": "sector_count",
                    "era": 0,
                    "status": "reported",
                    "source_id": f"s{k:04d}",
                    "locator": "p. 1",
                    "evidence": "Zin.",
                    "note": "",
                    "derivation": "",
                    "precision": 0,
                    "raw_file": "figures/rijk.csv",
                    "raw_line": len(records) + 2,
                }
            )
    frame = pd.DataFrame(records)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def test_one_figure_from_many_sources_gives_comparisons_in_proportion_to_the_rows():
    """400 sources each give realised, target and percentage for one year: all pairs would be 160,000 per
    measure; compared with one reference each, every source still takes part."""
    frame = _many_sources(400)
    derived = derive(frame)
    report = consistency_report(frame)
    assert len(derived) <= len(frame) and len(report) <= 2 * len(frame)
    same = report[report["check"] == "same_figure_two_sources"]
    assert len(same) == 3 * 399  # per measure, every source but the reference against the reference
    assert set(same["source_b"]) == {f"s{k:04d}" for k in range(1, 400)}
    checked = set(report.loc[report["check"] == "percentage_vs_counts", "source_a"])
    assert checked == {f"s{k:04d}" for k in range(400)}  # every published percentage is checked
