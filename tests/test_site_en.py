import pytest

"""The real site in English (the shared conftest `site_en`): the checks on a whole site that the Dutch site has
in test_site.py, and what only the English site shows. A file of its own, so that under pytest-xdist another
worker makes this run while one makes the Dutch one.
"""

from siteview import (
    WholeSiteChecks,
    assert_pdf_cells_printed_and_pages_filled,
    assert_pdfs_finished,
    assert_printed_at_8_pt_and_charts_whole,
)
from spelling import other_language_words, visible_words

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


def test_every_english_pdf_keeps_every_table_cell_and_fills_its_pages(site_en):
    """As the Dutch PDFs (test_site.py): the English answers and texts have other lengths, so the pages break
    elsewhere."""
    assert_pdf_cells_printed_and_pages_filled(site_en)


def test_no_english_pdf_prints_text_under_8_pt_or_slices_a_chart(site_en):
    """As the Dutch PDFs (test_site.py)."""
    assert_printed_at_8_pt_and_charts_whole(site_en)


def test_the_parts_of_a_quarterly_reading_are_named_in_english(site_en):
    """A part of a sector is dictionary vocabulary with an English label, not the source's Dutch words."""
    page = (site_en / "coverage/coverage.html").read_text(encoding="utf-8")
    assert "through agency work or secondment" in page and "in regular employment" in page
    assert "via een uitzendcontract" not in page


def test_no_page_of_the_english_site_shows_a_dutch_word_outside_what_is_marked_dutch(site_en):
    """Every visible word of every English page outside elements marked lang="nl", checked with hunspell: none is
    rejected as English and accepted as Dutch. The sources' own words (publishers, titles, quotes, the headings a
    locator names) are marked lang="nl"; a Dutch date in a locator is written in English (on the previous code
    188 Dutch words stood unmarked on the English pages: 'Minister van BZK', 'Overheidssectoren > Politie',
    'Werkgevers realiseren ruim 85.000 extra banen', '16 juli 2024')."""
    found = {}
    for page in sorted(site_en.rglob("*.html")):
        words = visible_words(page.read_text(encoding="utf-8"), skip_lang="nl")
        for word in other_language_words(words, "en"):
            found.setdefault(word, []).append(str(page.relative_to(site_en)))
    assert found == {}


def test_a_publisher_and_a_locators_heading_are_marked_dutch_on_the_english_page(site_en):
    page = (site_en / "sectors/politie/politie.html").read_text(encoding="utf-8")
    assert '<span lang="nl">Overheidssectoren &gt; Politie</span>' in page
    assert '<span lang="nl">Minister van BZK</span>, 18 November 2025' in page
