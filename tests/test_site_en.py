"""The real site in English (the shared conftest `site_en`): the checks on a whole site that the Dutch site has
in test_site.py, and what only the English site shows. A file of its own, so that under pytest-xdist another
worker makes this run while one makes the Dutch one.
"""

import pytest
from siteview import (
    Seen,
    assert_every_image_described,
    assert_no_axe_violation,
    assert_no_phrase_of_the_other_language,
    assert_offline_self_contained_and_whole,
    see_all,
)


@pytest.fixture(scope="session")
def visited_en(browser, site_en) -> list[Seen]:
    """Every page of the English site, each opened once."""
    return see_all(browser, site_en)


def test_every_page_is_offline_self_contained_and_whole(visited_en):
    assert_offline_self_contained_and_whole(visited_en, "en")


def test_the_site_contains_no_phrase_of_the_other_language(visited_en):
    assert_no_phrase_of_the_other_language(visited_en, "en")


def test_axe_finds_no_wcag_21_aa_violation_on_any_page(visited_en):
    assert_no_axe_violation(visited_en, "en")


def test_no_image_has_the_placeholder_alt_text(visited_en):
    assert_every_image_described(visited_en)


def test_english_site(site_en):
    reports = site_en
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Reports per sector" in index and "Police" in index
    page = (reports / "sectors/politie/politie.html").read_text(encoding="utf-8")
    assert "In 2021, Police realised 663 jobs." in page
