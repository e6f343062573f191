import pytest

"""The real site in English (the shared conftest `site_en`): the checks on a whole site that the Dutch site has
in test_site.py, and what only the English site shows. A file of its own, so that under pytest-xdist another
worker makes this run while one makes the Dutch one.
"""

from siteview import WholeSiteChecks, assert_pdfs_finished

# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = pytest.mark.slow


class TestTheEnglishSite(WholeSiteChecks):
    lang, site = "en", "site_en"


def test_english_site(site_en):
    reports = site_en
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Reports per sector" in index and "Police" in index
    page = (reports / "sectors/politie/politie.html").read_text(encoding="utf-8")
    assert "According to the sector's own count, in 2021 the police realised 663 jobs." in page


def test_every_english_pdf_is_finished_and_marks_the_dutch_quotes(browser, site_en):
    """As the Dutch PDFs, and a quote (Dutch, as published) is a BlockQuote marked /Lang nl in an English PDF: on
    the previous code it was untagged text in the page's language."""
    assert_pdfs_finished(site_en, "en")


def test_the_parts_of_a_quarterly_reading_are_named_in_english(site_en):
    """A part of a sector is dictionary vocabulary with an English label, not the source's Dutch words."""
    page = (site_en / "coverage/coverage.html").read_text(encoding="utf-8")
    assert "through agency work or secondment" in page and "in regular employment" in page
    assert "via een uitzendcontract" not in page
