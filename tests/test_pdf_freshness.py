"""Which PDFs are current: a PDF says which page it was printed from (the digest of its bytes) and which version
of the library printed it; file times do not count. A run without --pdf removes the PDFs its pages no longer
match. Made here with pikepdf, without a browser."""

import os
import time

import pikepdf

from analysis import atomic
from analysis.site import pdf


def printed(page, digest=None, maker=None):
    """A one-page PDF beside `page` as the report run finishes one (pdf.finished's digest and maker)."""
    doc = pikepdf.new()
    doc.add_blank_page()
    doc.docinfo[pdf.PAGE_DIGEST] = atomic.file_sha256(page) if digest is None else digest
    with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["xmp:CreatorTool"] = pdf._maker() if maker is None else maker
    target = page.with_suffix(".pdf")
    doc.save(target)
    return target


def test_a_pdf_of_the_page_as_it_is_is_current_whatever_its_file_time(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>663</p>", encoding="utf-8")
    target = printed(page)
    os.utime(target, (time.time() - 86400, time.time() - 86400))  # older than its page: still the same page
    assert pdf._current(target, page)


def test_a_pdf_of_an_earlier_page_is_not_current_even_with_a_future_file_time(tmp_path):
    """On the previous code a PDF with a future mtime (a clock set back, a restore) was never printed again:
    index.pdf showed 663 beside index.html's 664."""
    page = tmp_path / "index.html"
    page.write_text("<p>663</p>", encoding="utf-8")
    target = printed(page)
    page.write_text("<p>664</p>", encoding="utf-8")
    os.utime(target, (time.time() + 86400, time.time() + 86400))
    assert not pdf._current(target, page)
    assert not pdf._current(printed(page, maker="banenafspraak-analyse 000000000000"), page)  # another version


def test_a_run_without_pdf_removes_the_pdfs_its_pages_no_longer_match(tmp_path):
    changed, same = tmp_path / "index.html", tmp_path / "sources.html"
    for page in (changed, same):
        page.write_text("<p>663</p>", encoding="utf-8")
        printed(page)
    changed.write_text("<p>664</p>", encoding="utf-8")
    said = []
    assert pdf.remove_stale([changed, same], said.append) == [tmp_path / "index.pdf"]
    assert not (tmp_path / "index.pdf").exists() and (tmp_path / "sources.pdf").exists()
    assert said == [
        f"pdf  {tmp_path / 'index.pdf'} removed: its page changed since it was printed (make pdf prints it again)"
    ]
