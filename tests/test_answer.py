"""The answer a manager reads first: the stand (the latest year that decides) and the outlook, and the sentences
that tell them. The expected figures are the published ones, worked out by hand; `today` is fixed at
2026-12-06, so 2025 has passed and 2026 is the year still running."""

import datetime as dt
import re

import pytest
from conftest import FIXTURES, figure_row, make_raw

from analysis.data.dataset import Dataset
from analysis.data.registry import sector_names
from analysis.data.tidy import build_tidy, load_raw
from analysis.display import answer
from analysis.trends.answer import outlook, stand
from analysis.trends.sector import sector_figures

TODAY = dt.date(2026, 12, 6)
SECTORS = (
    "sector,name_nl,name_en,short_nl,short_en,group,unit\n"
    "politie,Politie,Police,Politie,Police,overheid,sector_jobs\n"
    "waterschappen,Waterschappen,Water authorities,Waterschappen,Water authorities,overheid,sector_jobs\n"
    "gemeenten,Gemeenten,Municipalities,Gemeenten,Municipalities,overheid,sector_jobs\n"
    "rijk,Rijk,Central government,Rijk,Central govt,overheid,sector_jobs\n"
    "markt,Marktsector,Market sector,Markt,Market,nationaal,national_extra_jobs\n"
)
NEWER = "newer,A newer letter,Minister,2026-03-01,2026-12-01,Kamerstuk 1 nr. 3,,primary,parliamentary_letter,\n"
FILLER = {
    s: [figure_row(s, 2015, "realised_jobs", 1)] for s in ("politie", "waterschappen", "gemeenten", "rijk", "markt")
}


def figures_of(tmp_path, sector, *rows):
    sources = (FIXTURES / "minimal" / "sources.csv").read_text(encoding="utf-8") + NEWER
    folder = make_raw(tmp_path, {**FILLER, sector: list(rows)}, {"sectors.csv": SECTORS, "sources.csv": sources})
    raw = load_raw(folder)
    data = Dataset.of(raw, build_tidy(raw))
    return sector_figures(data, sector, TODAY), data


def row(sector, year, measure, value, **kw):
    return figure_row(sector, year, measure, value, **kw)


# ------------------------------------------------------------------ the real data


@pytest.fixture(scope="module")
def real(real_data):
    return real_data


STANDS = [
    # sector, status, year, basis, [(measure, value, published or derived)]
    ("markt", "not_met", 2023, "national_extra_jobs",
     [("realised_jobs", 74031, "reported"), ("target_jobs", 80000, "reported"), ("realisation_pct", 92.5, "derived")]),
    ("overheid_totaal", "not_met", 2022, "national_extra_jobs",
     [("realised_jobs", 10004, "reported"), ("target_jobs", 22500, "reported"), ("realisation_pct", 44.5, "derived")]),
    ("provincies", "met", 2020, "sector_count",
     [("realised_jobs", 341, "reported"), ("target_jobs", 331, "reported"), ("realisation_pct", 103.0, "derived")]),
    ("politie", "not_met", 2024, "statutory_measurement", [("realisation_pct", 68, "reported")]),
    ("defensie", "not_met", 2020, "sector_count",
     [("realised_jobs", 556, "reported"), ("target_jobs", 633, "reported"), ("realisation_pct", 88, "reported")]),
    # 5.500 in 2020 against the target of 5.250 for 2023, without a figure for 2023: the letter says 'reeds behaald'
    ("gemeenten", "reached_early", 2020, "sector_count",
     [("realised_jobs", 5500, "reported"), ("target_jobs", 5250, "reported")]),
]  # fmt: skip


@pytest.mark.parametrize("sector,status,year,basis,figures", STANDS)
def test_the_stand_of_the_real_data_is_what_its_figures_say(real, sector, status, year, basis, figures):
    stand = sector_figures(real, sector, TODAY).stand
    assert (stand.status, stand.year, stand.basis) == (status, year, basis)
    assert [(g.measure, g.value, g.status) for g in stand.figures] == figures


def _deciding_years(tidy, sector):
    """Years with a published percentage on a judged basis, or a realised count and a target on one basis:
    read from the tidy frame directly, not through the library's series or verdicts."""
    rows = tidy[(tidy["sector"] == sector) & (tidy["period"] == "year") & (tidy["scope"] == "")]
    rows = rows[rows["basis"].isin(["sector_count", "national_extra_jobs", "statutory_measurement"])]
    pct = rows[(rows["measure"] == "realisation_pct") & (rows["status"] == "reported")]
    years = {int(y) for y in pct["year"].dropna()}
    for basis, group in rows.groupby("basis"):
        realised = set(group.loc[group["measure"] == "realised_jobs", "year"].dropna())
        target = set(group.loc[group["measure"] == "target_jobs", "year"].dropna())
        years |= {int(y) for y in realised & target}
    return {y for y in years if y < TODAY.year}


def _reached_early_by_hand(tidy, sector):
    """Whether the latest count before the latest passed target's year is at least that target, on one basis:
    read from the tidy frame directly (the real data has no qualifier or series break in such a pair)."""
    rows = tidy[(tidy["sector"] == sector) & (tidy["period"] == "year") & (tidy["scope"] == "")]
    rows = rows[rows["status"] == "reported"]
    for _, group in rows.groupby("basis"):
        targets = group[(group["measure"] == "target_jobs") & (group["year"] < TODAY.year)]
        if targets.empty:
            continue
        target = targets.sort_values("year").iloc[-1]
        counts = group[(group["measure"] == "realised_jobs") & (group["year"] < target["year"])]
        if not counts.empty and counts.sort_values("year").iloc[-1]["value"] >= target["value"]:
            return True
    return False


def test_every_sector_whose_figures_decide_a_year_gets_a_stand(real):
    """'Nog geen oordeel' only where no year decides and no count already reaches a passed target (on the code
    before #39, 9 sectors said 'te weinig gegevens'; before reached_early, gemeenten did with 5.500 above 5.250)."""
    for sector in real.sectors["sector"]:
        decided = _deciding_years(real.tidy, sector)
        stand = sector_figures(real, sector, TODAY).stand
        if decided:
            assert stand.status != "too_little_data" and stand.year == max(decided), sector
        elif _reached_early_by_hand(real.tidy, sector):
            assert stand.status == "reached_early", sector
        else:
            assert stand.status == "too_little_data", sector


# ------------------------------------------------------------------ the rules, on small fixtures


def test_the_statutory_measurement_outranks_the_own_count_of_the_same_year(tmp_path):
    f, data = figures_of(
        tmp_path,
        "politie",
        row("politie", 2024, "realised_jobs", 720),
        row("politie", 2024, "target_jobs", 713),
        row("politie", 2024, "realisation_pct", 68, basis="statutory_measurement"),
    )
    assert (f.stand.status, f.stand.basis) == ("not_met", "statutory_measurement")
    assert [(j.result, j.basis) for j in f.stand.overruled] == [("met", "sector_count")]
    text = answer.stand_sentence(f, "Politie", "nl", data.sources)
    assert "Volgens de eigen telling van de sector was het doel wel gehaald (720 van 713, 101%)" in text
    assert "de wettelijke meting gaat voor" in text


def test_a_later_own_count_does_not_hide_an_earlier_statutory_result(tmp_path):
    f, data = figures_of(
        tmp_path,
        "politie",
        row("politie", 2023, "realisation_pct", 54, basis="statutory_measurement"),
        row("politie", 2024, "realised_jobs", 720),
        row("politie", 2024, "target_jobs", 713),
    )
    assert (f.stand.status, f.stand.year, f.stand.basis) == ("met", 2024, "sector_count")
    assert (f.stand.earlier.result, f.stand.earlier.year) == ("not_met", 2023)
    text = answer.stand_sentence(f, "Politie", "nl", data.sources)
    assert "Volgens de wettelijke meting was het doel in 2023 niet gehaald (54%)." in text


def test_the_percentage_shown_is_computed_from_the_pair_shown(tmp_path):
    """A count revised by a newer letter (650 -> 720) against 700: the percentage is 720 / 700, never 650 / 700."""
    f, _ = figures_of(
        tmp_path,
        "politie",
        row("politie", 2024, "realised_jobs", 650),
        row("politie", 2024, "realised_jobs", 720, source_id="newer"),
        row("politie", 2024, "target_jobs", 700),
    )
    shown = {g.measure: (g.value, g.status) for g in f.stand.figures}
    assert shown == {"realised_jobs": (720, "reported"), "target_jobs": (700, "reported"),
                     "realisation_pct": (102.9, "derived")}  # fmt: skip


def test_a_year_still_running_is_a_reading_not_a_verdict(tmp_path):
    f, data = figures_of(
        tmp_path,
        "politie",
        row("politie", 2025, "realised_jobs", 500),
        row("politie", 2025, "target_jobs", 700),
        row("politie", 2026, "realisation_pct", 40, basis="statutory_measurement", source_id="newer"),
    )
    assert (f.stand.status, f.stand.year) == ("not_met", 2025)
    assert f.stand.during_year.year == 2026
    text = answer.stand_sentence(f, "Politie", "nl", data.sources)
    assert "Het jaar 2026 loopt nog: 40% is een tussenstand, geen oordeel." in text
    assert "Niet gehaald in 2026" not in text


def test_a_provisional_reading_is_named(tmp_path):
    f, data = figures_of(
        tmp_path,
        "markt",
        row("markt", 2024, "realised_jobs", 74000, basis="national_extra_jobs"),
        row("markt", 2024, "target_jobs", 80000, basis="national_extra_jobs"),
        row("markt", 2025, "realised_jobs", 76000, basis="national_extra_jobs", period="provisional",
            qualifier="at least"),
    )  # fmt: skip
    text = answer.stand_sentence(f, "Marktsector", "nl", data.sources)
    assert "Voorlopig cijfer over 2025: ruim 76.000 extra banen; de jaarmeting is nog niet gepubliceerd." in text


def test_sources_that_differ_on_the_deciding_year_are_both_named(tmp_path):
    f, data = figures_of(
        tmp_path,
        "politie",
        row("politie", 2024, "realised_jobs", 650, source_id="news"),
        row("politie", 2024, "realised_jobs", 720),
        row("politie", 2024, "target_jobs", 700),
    )
    assert f.stand.status == "sources_differ"
    text = answer.stand_sentence(f, "Politie", "nl", data.sources)
    assert "720 (Minister, 1 december 2025)" in text and "650 (Newspaper, 2025)" in text


# ------------------------------------------------------------------ the sentences: agreement and plain text


SENTENCES = [
    # sector, name, rows, expected stand sentence (nl)
    ("gemeenten", "Gemeenten", [row("gemeenten", 2020, "realised_jobs", 5500), row("gemeenten", 2020, "target_jobs", 5250)],
     "Gehaald in 2020: de gemeenten realiseerden 5.500 banen, bij een doel van 5.250 (104,8%)."),
    ("rijk", "Rijk", [row("rijk", 2024, "realisation_pct", 85, basis="statutory_measurement")],
     "Niet gehaald in 2024: volgens de wettelijke meting haalde het Rijk 85% van het doel."),
    ("gemeenten", "Gemeenten", [row("gemeenten", 2024, "realisation_pct", 85, basis="statutory_measurement")],
     "Niet gehaald in 2024: volgens de wettelijke meting haalden de gemeenten 85% van het doel."),
    ("politie", "Politie", [row("politie", 2020, "realised_jobs", 413), row("politie", 2020, "target_jobs", 500)],
     "Niet gehaald in 2020: de politie realiseerde 413 banen, bij een doel van 500 (82,6%)."),
    ("markt", "Marktsector",
     [row("markt", 2023, "realised_jobs", 74031, basis="national_extra_jobs"),
      row("markt", 2023, "target_jobs", 80000, basis="national_extra_jobs")],
     "Niet gehaald in 2023: werkgevers in de marktsector realiseerden 74.031 extra banen, bij een doel van 80.000 (92,5%)."),
]  # fmt: skip


@pytest.mark.parametrize("sector,name,rows,expected", SENTENCES)
def test_the_stand_sentence_agrees_with_its_sector(tmp_path, sector, name, rows, expected):
    f, data = figures_of(tmp_path, sector, *rows)
    assert answer.stand_sentence(f, name, "nl", data.sources) == expected


OUTLOOKS = [
    ("politie", [row("politie", 2019, "realised_jobs", 297), row("politie", 2020, "realised_jobs", 413),
                 row("politie", 2021, "realised_jobs", 663), row("politie", 2030, "target_jobs", 2000)],
     ("Op koers voor het doel van 2.000 banen in 2030: als het aantal blijft groeien zoals in 2019 tot 2021, met "
     "gemiddeld 183 banen per jaar, komt het in 2030 op 2.310.")),
    ("gemeenten", [row("gemeenten", 2020, "realised_jobs", 5500), row("gemeenten", 2030, "target_jobs", 9000)],
     ("Over het doel van 9.000 banen in 2030 is nog geen uitspraak mogelijk: daarvoor zijn gerealiseerde banen over "
     "ten minste twee jaren nodig.")),
    ("markt", [row("markt", 2023, "realised_jobs", 74031, basis="national_extra_jobs")],
     "Dit rapport heeft geen doel voor een later jaar."),
    # one count, already above a target ahead: no trend is needed to say so
    ("gemeenten", [row("gemeenten", 2020, "realised_jobs", 5500), row("gemeenten", 2030, "target_jobs", 5250)],
     "In 2020 lag het aantal al boven het doel van 5.250 banen voor 2030: 5.500 banen."),
]  # fmt: skip


@pytest.mark.parametrize("sector,rows,expected", OUTLOOKS)
def test_the_outlook_sentence(tmp_path, sector, rows, expected):
    f, data = figures_of(tmp_path, sector, *rows)
    assert answer.outlook_sentence(f, "nl", data.sources) == expected


def test_the_outlook_label_of_a_target_ahead_that_one_count_already_reaches(tmp_path):
    rows = [row("gemeenten", 2020, "realised_jobs", 5500), row("gemeenten", 2030, "target_jobs", 5250)]
    f, _ = figures_of(tmp_path, "gemeenten", *rows)
    assert answer.outlook_label(f.outlook, "nl") == "Nu al boven het doel voor 2030"
    assert answer.outlook_label(f.outlook, "en") == "Already above the target for 2030"


def test_no_answer_on_the_real_data_holds_an_id_an_iso_date_a_sign_or_a_code(real):
    for lang in ("nl", "en"):
        names = sector_names(real.sectors, lang)
        for sector in real.sectors["sector"]:
            text = answer.answer_text(sector_figures(real, sector, TODAY), names[sector], lang, real.sources)
            assert not [i for i in real.sources["source_id"] if i in text], text  # sources named, never by id
            assert not re.search(r"\d{4}-\d\d-\d\d|[+−]\d|\[|_", text), text  # no ISO date, signed number, code


def test_a_passed_target_without_a_figure_is_named_rather_than_too_little_data(tmp_path):
    f, data = figures_of(
        tmp_path,
        "gemeenten",
        row("gemeenten", 2020, "realised_jobs", 5000),
        row("gemeenten", 2023, "target_jobs", 5250),
    )
    assert f.stand.status == "too_little_data"
    assert answer.stand_sentence(f, "Gemeenten", "nl", data.sources) == (
        "Nog geen oordeel: het doel was 5.250 banen in 2023, maar over 2023 heeft dit rapport geen jaarcijfer."
    )
    assert answer.latest_sentence(f, "nl") == "Nieuwste jaarcijfer: 2020."


def test_a_passed_target_that_an_earlier_count_already_reaches_is_said_to_be_reached_early(tmp_path):
    """gemeenten: 5.500 jobs in 2020, a target of 5.250 for 2023 and no figure for 2023. The letter says the
    target is 'reeds behaald'; 'Nog geen oordeel' would be silent where the figures decide."""
    f, data = figures_of(
        tmp_path,
        "gemeenten",
        row("gemeenten", 2020, "realised_jobs", 5500),
        row("gemeenten", 2023, "target_jobs", 5250),
    )
    assert (f.stand.status, f.stand.year) == ("reached_early", 2020)
    assert answer.stand_sentence(f, "Gemeenten", "nl", data.sources) == (
        "In 2020 al boven het doel voor 2023: de gemeenten realiseerden in 2020 5.500 banen; het doel voor 2023 was "
        "5.250 banen. Of dat doel in 2023 ook is gehaald, is niet bekend: over 2023 heeft dit rapport geen jaarcijfer."
    )
    assert answer.answer_cells(f, "nl")["stand"] == "In 2020 al boven het doel voor 2023: 5.500 banen, doel 5.250"
    assert answer.stand_sentence(f, "Gemeenten", "en", data.sources).startswith(
        "Already above the 2023 target in 2020: the municipalities realised 5,500 jobs in 2020; the target for 2023"
    )
    assert [(g.measure, g.year, g.value) for g in answer.grounds(f)] == [
        ("realised_jobs", 2020, 5500),
        ("target_jobs", 2023, 5250),
    ]


@pytest.mark.parametrize(
    ("counts", "why"),
    [
        ([(2019, 5500, ""), (2020, 5000, "")], "only the latest count speaks: it fell below the target"),
        ([(2020, 5250, "nearly")], "'bijna 5.250' does not reach 5.250"),
        ([(2020, 5200, "about")], "'circa 5.200' (5.150 to 5.250) may or may not reach 5.250"),
    ],
)
def test_a_count_reaches_a_later_target_early_only_as_far_as_its_words_allow(tmp_path, counts, why):
    rows = [row("gemeenten", y, "realised_jobs", v, qualifier=q) for y, v, q in counts]
    f, _ = figures_of(tmp_path, "gemeenten", *rows, row("gemeenten", 2023, "target_jobs", 5250))
    assert f.stand.status == "too_little_data", why


def test_what_the_answer_rests_on_names_each_figure_with_its_source_and_place(real):
    from analysis import notebook

    shown = notebook.sector_grounds(real, "markt", "nl").data
    assert "<h2>Waarop dit oordeel berust</h2>" in shown
    assert (
        "Gerealiseerde banen 2023: 74.031 — Rijksoverheid, 16 juli 2024, nieuwsbericht 'Werkgevers realiseren ruim "
        "85.000 extra banen voor mensen met een arbeidsbeperking' (16 juli 2024), onderdeel 'Nieuwe impuls'"
    ) in shown.replace("&#x27;", "'")
    assert "Realisatie (%) 2023: 92,5% — afgeleid: berekend door dit project" in shown
    assert "Einddoel (banen) 2026: 100.000 — Rijksoverheid, 16 juli 2024" in shown


@pytest.mark.parametrize(
    ("later", "told"),
    [
        (360, "Voor 2023 was het doel 360 banen; over 2023 heeft dit rapport geen jaarcijfer."),
        # provincies: the 340 for 2023 were already reached by the 341 of 2020
        (340, ("Het doel voor 2023 was 340 banen; het aantal van 2020 (341 banen) lag al boven dat doel, maar of het "
               "doel in 2023 is gehaald, is niet bekend: over 2023 heeft dit rapport geen jaarcijfer.")),
        # exactly at it: 'op', not 'boven'
        (341, ("Het doel voor 2023 was 341 banen; het aantal van 2020 (341 banen) lag al op dat doel, maar of het "
               "doel in 2023 is gehaald, is niet bekend: over 2023 heeft dit rapport geen jaarcijfer.")),
    ],
)  # fmt: skip
def test_a_later_passed_target_without_a_figure_is_named_beside_an_older_stand(tmp_path, later, told):
    """Met in 2020 (341 of 331), and a later target for 2023 without a published figure: named, and where the
    count of 2020 already reaches it, said so."""
    f, data = figures_of(
        tmp_path,
        "gemeenten",
        row("gemeenten", 2020, "realised_jobs", 341),
        row("gemeenten", 2020, "target_jobs", 331),
        row("gemeenten", 2023, "target_jobs", later),
    )
    assert (f.stand.status, f.stand.year) == ("met", 2020)
    assert answer.stand_sentence(f, "Gemeenten", "nl", data.sources).endswith(told)


def test_a_target_implied_by_the_published_percentage_is_not_shown_as_if_published(real):
    """wo 2020: 870 jobs and 53% published; the 1,641.5 target is derived from them and not shown in the row."""
    from analysis.display import tables

    answers = tables.answers_table(real, "nl").set_index("Sector")
    assert answers.loc["Wetenschappelijk onderwijs", "Stand"] == "Niet gehaald in 2020: 870, 53%"


# ------------------------------------------------------------------ the stand and the outlook, asked directly

POLITIE_OWN_TREND = [
    row("politie", 2019, "realised_jobs", 297),
    row("politie", 2020, "realised_jobs", 413),
    row("politie", 2021, "realised_jobs", 663),
    row("politie", 2024, "target_jobs", 713),
    row("politie", 2024, "realisation_pct", 68, basis="statutory_measurement"),
]


def test_an_own_trend_that_would_have_reached_a_missed_target_is_kept_beside_the_stand(tmp_path):
    _, data = figures_of(tmp_path, "politie", *POLITIE_OWN_TREND)
    found = stand(data, "politie", TODAY.year)
    assert (found.status, found.year, found.basis) == ("not_met", 2024, "statutory_measurement")
    trend = found.other_trend
    assert (trend.basis, trend.target_value, round(trend.projected)) == ("sector_count", 713, 1212)


def test_while_its_year_runs_a_deciding_figure_is_a_reading_and_the_outlook_looks_ahead(tmp_path):
    _, data = figures_of(tmp_path, "politie", *POLITIE_OWN_TREND)
    found = stand(data, "politie", 2024)
    assert (found.status, found.year) == ("too_little_data", None)
    assert (found.during_year.result, found.during_year.year) == ("not_met", 2024)
    ahead = outlook(data, "politie", 2024)  # its own year: the target still lies ahead
    assert (ahead.status, ahead.target.year, ahead.target.value) == ("on_course", 2024, 713)
    assert outlook(data, "politie", TODAY.year).status == "no_target"


@pytest.mark.parametrize(
    ("realised", "target", "word"),
    [("nearly", "", "nearly"), ("estimate", "", "about"), ("", "about", "about")],
)
def test_the_percentage_of_a_pair_keeps_the_word_of_its_count(tmp_path, realised, target, word):
    _, data = figures_of(
        tmp_path,
        "gemeenten",
        row("gemeenten", 2020, "realised_jobs", 5500, qualifier=realised),
        row("gemeenten", 2020, "target_jobs", 5250, qualifier=target),
    )
    shown = stand(data, "gemeenten", TODAY.year).figure("realisation_pct")
    assert (shown.value, shown.qualifier, shown.status, shown.source_id) == (104.8, word, "derived", "letter+letter")


def test_each_chart_s_alt_text_tells_the_verdict_its_page_opens_with(real):
    """A reader of the chart's text alternative hears the same verdict as the page's answer. On the code before,
    the alt text told the older verdict: markt's said 'te weinig gegevens (2026)' under 'Niet gehaald in 2023'."""
    from analysis.display import narrative

    names = sector_names(real.sectors, "nl")
    for sector in real.sectors["sector"]:
        f = sector_figures(real, sector)
        label = answer.stand_label(f.stand, "nl")
        told = f"Oordeel: {label[:1].lower()}{label[1:]}. {answer.outlook_label(f.outlook, 'nl')}."
        assert narrative.sector_chart_alt(real, sector, names[sector], "nl").endswith(told), sector
    markt = narrative.sector_chart_alt(real, "markt", "Marktsector", "nl")
    assert markt.endswith("Oordeel: niet gehaald in 2023. Geen vooruitzicht: reeksbreuk in 2026.")
    hbo = narrative.sector_chart_alt(real, "hbo", "hbo", "nl")
    assert "Percentages (aandeel van de quotumnorm): 36,3% (2024)." in hbo  # not 'volgens de aandeel'


@pytest.mark.parametrize(
    ("realised", "target", "published", "shown"),
    [
        # waterschappen 2021: 269,5 of 492,7 is 54,7%; the monitor says 60,2%
        (269.5, 492.7, 60.2, "Niet gehaald in 2021: 269,5 van 492,7, 54,7%, de bron noemt 60,2%"),
        # defensie 2020: 556 of 633 is 87,8%, published as 88%: within the rounding of its last digit
        (556, 633, 88, "Niet gehaald in 2021: 556 van 633, 88%"),
    ],
)
def test_a_published_percentage_the_pair_beside_it_does_not_give_is_shown_with_the_pair_s_own(
    tmp_path, realised, target, published, shown
):
    """A manager reading '269,5 van 492,7, 60,2%' takes 60,2% for 269,5 / 492,7; it is 54,7%."""
    f, _ = figures_of(
        tmp_path,
        "waterschappen",
        row("waterschappen", 2021, "realised_jobs", realised),
        row("waterschappen", 2021, "target_jobs", target),
        row("waterschappen", 2021, "realisation_pct", published),
    )
    assert answer.answer_cells(f, "nl")["stand"] == shown


def test_a_page_tells_the_count_its_answer_gave_once(real):
    """The editor's read: 'Niet gehaald in 2020: Defensie realiseerde 556 banen, bij een doel van 633 (88%).' and,
    under the chart, 'In 2020 realiseerde Defensie 556 banen, bij een doel van 633: 88% van het doel.' The text
    under the chart now tells only what the answer does not: the change, named by its count."""
    from analysis import notebook

    assert notebook.sector_text(real, "defensie", "nl").data == ""
    national = notebook.national_text(real, "nl").data
    assert national.count("10.004") == 2  # in the answer, and as the count the change starts from
    assert "De 10.004 extra banen van 2022 zijn 1.838 banen minder dan in 2021 (11.842)." in national
    assert "In 2022 realiseerden werkgevers bij overheid en onderwijs" not in national
    assert "<h2>Overheid en onderwijs</h2>\n<p>Niet gehaald in 2022:" in national  # a heading per aggregate
    # a count the answer does not tell (politie's own count of 2021, beside the statutory 68% of 2024) stays
    politie = notebook.sector_text(real, "politie", "nl").data
    assert "realiseerde de politie in 2021 663 banen. Dat zijn 250 banen meer dan in 2020 (413)." in politie


def test_no_answer_addresses_the_reader_and_politie_s_other_trend_is_told_plainly(real):
    """The editor's read: "Trekt u de groei ... door" spoke to the reader, as no other page does."""
    names = sector_names(real.sectors, "nl")
    for sector in real.sectors["sector"]:
        text = answer.answer_text(sector_figures(real, sector, TODAY), names[sector], "nl", real.sources)
        assert not re.search(r"\b[Uu]\b", text), text
    politie = answer.stand_sentence(sector_figures(real, "politie", TODAY), "Politie", "nl", real.sources)
    assert (
        "Bij de groei van 2019 tot 2021 in de eigen telling van de sector, doorgetrokken naar 2024, komt het aantal "
        "op 1.212, boven het doel van 713 in die telling."
    ) in politie


def test_another_count_s_falling_trend_is_told_as_a_fall_not_as_growth(tmp_path):
    """The own count fell from 1.000 (2019) to 950 (2020); at that pace it is 950 − 4 × 50 = 750 in 2024, still
    above the own target of 700, while the statutory measurement says 50%. On the code before, the note said
    'Bij de groei van 2019 tot 2020' of a count that fell."""
    f, data = figures_of(
        tmp_path,
        "politie",
        row("politie", 2019, "realised_jobs", 1000),
        row("politie", 2020, "realised_jobs", 950),
        row("politie", 2024, "target_jobs", 700),
        row("politie", 2024, "realisation_pct", 50, basis="statutory_measurement"),
    )
    assert (f.stand.status, f.stand.basis, f.stand.other_trend.on_course) == ("not_met", "statutory_measurement", True)
    nl = answer.stand_sentence(f, "Politie", "nl", data.sources)
    assert "Bij de daling van 2019 tot 2020 in de eigen telling van de sector, doorgetrokken naar 2024, komt het " \
        "aantal op 750, boven het doel van 700 in die telling." in nl  # fmt: skip
    assert "groei" not in nl
    en = answer.stand_sentence(f, "Police", "en", data.sources)
    assert "Continuing the fall of 2019 to 2020 on the sector's own count brings the count to 750 in 2024" in en
    assert "growth" not in en


def test_a_plausibility_finding_about_a_figure_the_stand_rests_on_is_told_in_the_answer(real):
    """hbo's stand rests on the target of 990 for 2024, which lies above its later end goal of 953: a reader of the
    answer alone saw '605 van 990' beside 'het einddoel van 953' with nothing said. On the code before, the 'Let op'
    stood only further down the page; now the answer says it, and the page does not say it twice."""
    from analysis import notebook

    f = sector_figures(real, "hbo", TODAY)
    said = answer.stand_sentence(f, "Hbo", "nl", real.sources)
    assert said.startswith("Niet gehaald in 2024: de hogescholen realiseerden 605 banen, bij een doel van 990 (61,1%).")
    assert (
        "Let op: de doelstelling voor 2024, 990 (Zestor, zonder datum), ligt boven een later einddoel van 953 (Punt "
        "(Avans) / Hoger Onderwijs Persbureau, december 2022) op dezelfde basis"
    ) in said
    page = str(notebook.sector_answer(real, "hbo", "nl").data) + notebook.sector_text(real, "hbo", "nl").data
    assert page.count("ligt boven een later einddoel van 953") == 1
    # a finding about a figure the stand does not rest on stays where it was (overheid_totaal's fall of 2016)
    stand = answer.stand_sentence(sector_figures(real, "overheid_totaal", TODAY), "Overheid", "nl", real.sources)
    assert "Let op" not in stand
    assert "daalt in 2016 met meer dan een derde" in notebook.sector_text(real, "overheid_totaal", "nl").data


def test_the_index_row_of_a_stand_whose_figure_is_in_doubt_says_so(real):
    """The index is where a manager reads a sector in ten seconds: hbo's row read '605 van 990, 61,1%' with nothing
    of the doubt its page's answer names (the target of 990 above the later end goal of 953). On the code before,
    the cell said no more; a row without such a finding is unchanged."""
    cells = answer.answer_cells(sector_figures(real, "hbo", TODAY), "nl")
    assert cells["stand"] == "Niet gehaald in 2024: 605 van 990, 61,1% (let op: doel boven later einddoel)"
    english = answer.answer_cells(sector_figures(real, "hbo", TODAY), "en")["stand"]
    assert english.endswith("(note: target above a later end goal)")
    rijk = answer.answer_cells(sector_figures(real, "rijk", TODAY), "nl")["stand"]
    assert rijk == "Niet gehaald in 2024: 85% (wettelijke meting)"
