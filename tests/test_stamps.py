"""What changed (analysis.stamps): the digests a report run compares, on small folders made here, with the answers
worked out by hand. No kernel, no report run."""

import hashlib
import json

from conftest import short_row, write_figures

from analysis import stamps


def test_raw_checksums_are_the_sha256_of_every_raw_file(minimal_raw):
    sums = stamps.raw_checksums(minimal_raw)
    assert set(sums) == {"sectors.csv", "sources.csv", "breaks.csv", "figures/politie.csv", "figures/waterschappen.csv"}
    expected = hashlib.sha256((minimal_raw / "sources.csv").read_bytes()).hexdigest()
    assert sums["sources.csv"] == expected


def test_a_job_digest_changes_with_each_of_its_inputs(tmp_path):
    notebook = tmp_path / "n.ipynb"
    notebook.write_text("{}")
    base = stamps.job_digest({"figures/rijk.csv": "a"}, "lib", notebook, {"sector": "rijk"})
    assert base == stamps.job_digest({"figures/rijk.csv": "a"}, "lib", notebook, {"sector": "rijk"})
    assert base != stamps.job_digest({"figures/rijk.csv": "b"}, "lib", notebook, {"sector": "rijk"})
    assert base != stamps.job_digest({"figures/rijk.csv": "a"}, "lib2", notebook, {"sector": "rijk"})
    assert base != stamps.job_digest({"figures/rijk.csv": "a"}, "lib", notebook, {"sector": "politie"})
    notebook.write_text('{"cells": []}')
    assert base != stamps.job_digest({"figures/rijk.csv": "a"}, "lib", notebook, {"sector": "rijk"})


def _report_folder(folder, digest):
    folder.mkdir(parents=True)
    (folder / "page.html").write_text("<p>ok</p>")
    summary = {"input_hash": digest, "outputs": ["page.html", stamps.SUMMARY]}
    summary["output_hashes"] = stamps.output_hashes(folder, summary["outputs"])
    (folder / stamps.SUMMARY).write_text(json.dumps(summary))


def test_a_report_is_current_only_while_its_inputs_and_outputs_are_as_recorded(tmp_path):
    folder = tmp_path / "sectors" / "rijk"
    _report_folder(folder, "d1")
    assert stamps.report_is_current(folder, "d1")
    assert not stamps.report_is_current(folder, "d2")  # other inputs
    (folder / "page.html").write_text("<p>edited by hand</p>")
    assert not stamps.report_is_current(folder, "d1")  # an output no longer what the run wrote
    (folder / stamps.SUMMARY).write_text("not json")
    assert not stamps.report_is_current(folder, "d1")
    assert not stamps.report_is_current(tmp_path / "missing", "d1")


def test_the_data_version_is_the_manifest_hash_and_a_run_stamp_carries_it(tmp_path):
    assert stamps.data_version(tmp_path) == "?"
    (tmp_path / stamps.MANIFEST).write_bytes(b'{"name": "banenafspraak"}')
    assert stamps.data_version(tmp_path) == hashlib.sha256(b'{"name": "banenafspraak"}').hexdigest()[:12]
    stamp = stamps.run_stamp(tmp_path)
    assert stamp["data_version"] == stamps.data_version(tmp_path) and len(stamp["run_date"]) == 10


def test_an_unchanged_run_is_recognised_and_any_change_is_seen(minimal_raw, tmp_path):
    notebooks, reports, processed = tmp_path / "nb", tmp_path / "reports", tmp_path / "processed"
    for folder in (notebooks, reports, processed):
        folder.mkdir()
    (notebooks / "a.ipynb").write_text("{}")
    (reports / "index.html").write_text("index")
    digest = stamps.inputs_digest(minimal_raw, notebooks, {"lang": "nl"})
    stamps.record(reports, processed, digest)
    assert stamps.unchanged(reports, processed, digest)
    assert stamps.inputs_digest(minimal_raw, notebooks, {"lang": "en"}) != digest  # other settings
    write_figures(minimal_raw, "politie", short_row("politie,2019,realised_jobs,298,,letter,Politie,"))
    assert stamps.inputs_digest(minimal_raw, notebooks, {"lang": "nl"}) != digest  # a raw file changed
    (reports / "index.html").write_text("edited")
    assert not stamps.unchanged(reports, processed, digest)  # an output changed
