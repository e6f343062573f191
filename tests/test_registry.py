"""The registries (analysis.data.registry) and the schema's date rules (analysis.data.schema), on small frames
made here: which source is preferred, how sources are cited, which breaks apply, and dates in the future."""

import datetime as dt

import pandas as pd
import pytest

from analysis import i18n
from analysis.data import registry, schema


def sources(*rows):
    return pd.DataFrame(rows, columns=["source_id", "publisher", "date", "primacy"])


def test_primary_sources_come_first_then_the_newer_then_the_id():
    ranks = registry.source_ranks(
        sources(
            ("news-new", "Krant", "2026-01-05", "secondary"),
            ("letter-old", "Minister", "2019-12-17", "primary"),
            ("letter-new", "Minister", "2025-07", "primary"),
            ("undated", "Ministerie", "", "primary"),
            ("b-same", "Minister", "2025-07", "primary"),
        )
    )
    assert sorted(ranks, key=ranks.get) == ["b-same", "letter-new", "letter-old", "undated", "news-new"]


def test_a_citation_names_publisher_and_date_and_says_when_a_source_is_undated():
    src = sources(("a", "Minister van BZK", "2025-11-18", "primary"), ("b", "VO-raad", "", "secondary"))
    assert registry.cite(src, "a", "nl") == "Minister van BZK, 18 november 2025"
    assert registry.cite(src, "a+b", "en") == "Minister van BZK, 18 November 2025; VO-raad, undated"
    assert registry.cite(src, "unknown", "nl") == ""


def test_the_breaks_that_apply_to_a_sector_and_the_era_of_each_year():
    breaks = pd.DataFrame({"year": [2026, 2030], "sectors": ["all", "rijk politie"]})
    assert registry.break_years(breaks, "hbo") == [2026]
    assert registry.break_years(breaks, "politie") == [2026, 2030]
    years = pd.Series([2025, 2026, 2031, None])
    assert registry.era(years, pd.Series(["rijk"] * 4), breaks).tolist() == [0, 1, 2, 0]


def test_dates_after_today_are_found_at_the_precision_they_are_written_in():
    today = dt.date.today()
    dates = pd.Series([today.isoformat(), str(today.year), str(today.year + 1), f"{today.year}-12-31", ""])
    late = schema._after_today(dates).tolist()
    assert late[:3] == [False, False, True]
    assert late[3] == (today.isoformat() < f"{today.year}-12-31")
    assert late[4] is False


@pytest.mark.parametrize(
    "locator,nl,en",
    [
        ("news item, 2nd paragraph, 5th sentence", "nieuwsbericht, 2e alinea, 5e zin", None),
        (  # a quoted title stays as published, in both languages
            "page 'Banenafspraak', section 'Tussentijdse cijfers', 2nd paragraph",
            "pagina 'Banenafspraak', onderdeel 'Tussentijdse cijfers', 2e alinea",
            None,
        ),
        (  # a date in a locator is written in words, on both sites
            "news article (HOP, 2022-12), section 'Te weinig', 1st-2nd paragraph",
            "nieuwsartikel (HOP, december 2022), onderdeel 'Te weinig', 1e-2e alinea",
            "news article (HOP, December 2022), section 'Te weinig', 1st-2nd paragraph",
        ),
        (
            "news item, 2nd list ('ten opzichte van de nulmeting'), 1st item",
            "nieuwsbericht, 2e opsomming ('ten opzichte van de nulmeting'), 1e punt",
            None,
        ),
    ],
)
def test_a_locator_is_shown_in_the_pages_language(locator, nl, en):
    assert i18n.locator(locator, "nl") == nl
    assert i18n.locator(locator, "en") == (en or locator)


def test_a_dutch_date_in_a_collection_locator_is_written_in_english_on_the_english_site():
    locator = "news item 'Werkgevers realiseren ruim 85.000 extra banen' (16 juli 2024), 1st paragraph"
    assert i18n.locator(locator, "en") == (
        "news item 'Werkgevers realiseren ruim 85.000 extra banen' (16 July 2024), 1st paragraph"
    )
    assert i18n.locator(locator, "nl") == (
        "nieuwsbericht 'Werkgevers realiseren ruim 85.000 extra banen' (16 juli 2024), 1e alinea"
    )


@pytest.mark.parametrize(
    "locator,names",
    [
        ("news item, 2nd paragraph, 5th sentence", []),  # only the words a locator is written in
        ("Overheidssectoren > Politie", ["Overheidssectoren > Politie"]),  # a heading path, as published
        ("125.000 banen (section heading)", ["125.000 banen"]),  # with the number that belongs to it
        (
            (
                "Kamerstuk 34 352 nr. 348 (brief minister BZK, 18 november 2025), opening section, 3rd paragraph "
                "('Ik constateer wel dat ...')"
            ),
            ["Ik constateer wel dat ...", "Kamerstuk 34 352 nr. 348", "brief minister BZK"],
        ),
        (
            "column by Roel Cazemier (VNG) on the RW-POA Rivierenland site",
            ["Roel Cazemier", "VNG", "RW-POA Rivierenland"],
        ),
        ("news item 'Voortgang banenafspraak' (02/07/2020), paragraphs 2-3", ["Voortgang banenafspraak"]),
    ],
)
def test_the_names_in_a_locator_are_what_it_quotes_and_what_is_no_locator_word(locator, names):
    """What an English page marks as Dutch in a locator (site/export.mark_source_names): its quotes and the
    headings and names it gives as published; never its own words, numbers or dates."""
    assert i18n.locator_names(locator) == names


def test_a_clock_far_behind_the_sources_dates_is_named_once(tmp_path, monkeypatch):
    """With this computer's clock set back (to 1 January 2020 here), the real sources' dates all lie 'in the
    future': that is said once, asking whether the clock is right, instead of once per date (the previous code
    gave 960 messages, each date as a wrong year and each ten times over, once per column). A single date after
    today is still named, once, at its line."""
    import shutil

    from conftest import ROOT

    class Then(dt.date):
        @classmethod
        def today(cls):
            return cls(2020, 1, 1)

    monkeypatch.setattr(schema.dt, "date", Then)
    _, issues = registry.load_sources(ROOT / "data/raw/sources.csv")
    assert len(issues) == 1, [str(i) for i in issues[:3]]
    assert "is this computer's clock right? Today is 2020-01-01" in issues[0].rule
    one = tmp_path / "sources.csv"
    shutil.copyfile(ROOT / "data/raw/sources.csv", one)
    monkeypatch.undo()
    lines = one.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2019-12-17", "2099-12-17")
    one.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, issues = registry.load_sources(one)
    assert [(i.line, i.column) for i in issues] == [(2, "date")] and "check the year" in issues[0].rule
