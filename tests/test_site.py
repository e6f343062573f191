"""The real site in Dutch: what one full report run of the real data writes (the shared conftest `site`, with
PDFs where Chromium is), read as files and in a real browser (Debian's chromium driven by playwright), with the
outside world cut off. The English site is read in test_site_en.py, the checks on a whole site are in siteview.

Every test that reads the whole real Dutch site lives here, so that under pytest-xdist (`--dist loadfile`, as
`make test` runs) one worker makes that run once, while another makes the English one. Without a browser the
browser tests skip; under CI (CI=true) a missing browser is a failure.
"""

import json
import re

import nbformat
import pytest
from conftest import ROOT, make_raw, report_args, site_args
from siteview import (
    Visit,
    WholeSiteChecks,
    assert_pdf_cells_printed_and_pages_filled,
    assert_pdfs_finished,
    assert_printed_at_8_pt_and_charts_whole,
)
from spelling import other_language_words, visible_text, visible_words

from analysis import cli
from analysis.data.dataset import Dataset
from analysis.data.tidy import build_tidy, load_raw
from analysis.trends.series import sectors_with_data

# Needs a kernel, a browser or a report run: left out by `make test-fast`.
pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "test-artifacts"


class TestTheDutchSite(WholeSiteChecks):
    lang, site = "nl", "site"

    def test_the_politie_chart_is_described_with_its_figures_and_verdict(self, site_pages):
        politie = next(seen for seen in site_pages if seen.name == "sectors/politie/politie.html")
        alt = politie.alts[0]
        assert (
            "297 (2019), 413 (2020), 663 (2021)" in alt
            and "713 (2024)" in alt
            and "Oordeel: niet gehaald in 2024." in alt
        )


def test_index_lists_every_sector_with_data(browser, site):
    raw = load_raw(ROOT / "data" / "raw")
    tidy = build_tidy(raw)
    names = dict(zip(raw.sectors["sector"], raw.sectors["name_nl"]))
    short = dict(zip(raw.sectors["sector"], raw.sectors["short_nl"]))
    with_data = sectors_with_data(Dataset.of(raw, tidy))
    visit = Visit(browser, site / "index.html")
    rows = visit.page.eval_on_selector_all("table.sectors tbody th", "els => els.map(e => e.innerText)")
    assert set(rows) == {names[s] for s in with_data}
    answered = visit.page.eval_on_selector_all("table.answers tbody th", "els => els.map(e => e.innerText)")
    assert answered == [short[s] for s in with_data]
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)


def test_the_index_answers_every_sector_within_its_first_screen(browser, site):
    """At 1280 × 900 the answers of all 15 sectors stand in the first screen, each row with its stand, outlook
    and newest figure (on the previous code the first sector appeared some 2,400 px down)."""
    visit = Visit(browser, site / "index.html")
    visit.page.set_viewport_size({"width": 1280, "height": 900})
    bottoms = visit.page.eval_on_selector_all(
        "table.answers tbody tr", "els => els.map(e => e.getBoundingClientRect().bottom)"
    )
    assert len(bottoms) == 15 and max(bottoms) <= 900, bottoms
    cells = visit.page.eval_on_selector_all(
        "table.answers tbody tr", "els => els.map(r => [...r.cells].map(c => c.innerText))"
    )
    by_sector = {row[0]: row[1:] for row in cells}
    assert by_sector["Markt"] == ["Niet gehaald in 2023: 74.031 van 80.000, 92,5% (landelijke meting)",
                                  "Geen vooruitzicht: reeksbreuk in 2026",
                                  "2023: 74.031"]  # fmt: skip
    assert by_sector["Provincies"][0] == "Gehaald in 2020: 341 van 331, 103%"
    # the count that decides, where it is not the sector's own: Rijk's 85% is no count like provincies' 103%
    assert by_sector["Politie"][0] == "Niet gehaald in 2024: 68% (wettelijke meting)"
    assert by_sector["Rijk"][0] == "Niet gehaald in 2024: 85% (wettelijke meting)"
    visit.page.close()


@pytest.mark.parametrize("sector", ["politie", "markt", "gemeenten"])
def test_every_sector_page_answers_above_its_chart(browser, site, sector):
    visit = Visit(browser, site / f"sectors/{sector}/{sector}.html")
    answer_bottom = visit.page.eval_on_selector(".answer", "e => e.getBoundingClientRect().bottom")
    chart_top = visit.page.eval_on_selector("img[alt]", "e => e.getBoundingClientRect().top")
    assert answer_bottom < chart_top
    assert visit.page.eval_on_selector(".answer strong", "e => e.innerText").strip()
    labels = visit.page.eval_on_selector_all(".answer .status", "els => els.map(e => e.innerText)")
    assert len(labels) == 2 and all(labels)  # the status says itself in words, not by colour alone
    visit.page.close()


def test_politie_page_shows_its_figures(browser, site):
    visit = Visit(browser, site / "sectors/politie/politie.html")
    text = visit.text()
    for number in ("297", "413", "663", "713"):
        assert number in text
    # the answer first: the statutory measurement decides, and the page says why the own count's trend does not
    assert "Niet gehaald in 2024: volgens de wettelijke meting haalde de politie 68% van het doel." in text
    assert (
        "Het oordeel volgt toch de wettelijke meting, want dat is de officiële meting onder de Wet banenafspraak."
        in text
    )
    # the 54% and 68% with their place in the letter and the quote, reachable from their row
    assert "Kamerstuk 34 352 nr. 348 (brief minister BZK, 18 november 2025), openingsdeel, 3e alinea" in text
    visit.page.click("text=[2]")
    assert visit.page.evaluate("location.hash") == "#q2"
    assert "gaat de politie van 54% naar 68%" in visit.page.inner_text("#q2")
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "politie.png"), full_page=True)


HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">$5 =HYPERLINK("x")'


def test_hostile_text_in_the_data_is_shown_as_text(browser, tmp_path):
    raw = make_raw(tmp_path)
    sources = (raw / "sources.csv").read_text(encoding="utf-8")
    quoted = '"' + HOSTILE.replace('"', '""') + '"'
    (raw / "sources.csv").write_text(sources.replace("A letter,Minister", f"{quoted},{quoted}"), encoding="utf-8")
    figures = (raw / "figures/politie.csv").read_text(encoding="utf-8")
    hostile = figures.replace(",Politie,As the", f",{quoted},As the")
    assert hostile != figures
    (raw / "figures/politie.csv").write_text(hostile, encoding="utf-8")
    code = cli.main(report_args(tmp_path, raw=raw))
    assert code == 0

    for path in (tmp_path / "reports/sources.html", tmp_path / "reports/sectors/politie/politie.html"):
        visit = Visit(browser, path)
        assert visit.page.evaluate("window.__pwned") is None, path.name
        assert "<script>window.__pwned = 1</script>" in visit.text(), path.name
        assert not [u for u in visit.requests if u.endswith("/x")], path.name
        visit.page.close()


def test_axe_can_fail(browser, site):
    """The check below can fail: a copy of the index with an image without alt text and grey-on-white text."""
    broken = site.parent / "broken-copy.html"
    broken.write_text(
        (site / "index.html")
        .read_text(encoding="utf-8")
        .replace("<main>", '<main><img src="x.png"><p style="color:#aaa">faint</p>'),
        encoding="utf-8",
    )
    visit = Visit(browser, broken)
    found = {v["id"] for v in visit.axe_violations()}
    visit.page.close()
    assert {"image-alt", "color-contrast"} <= found


@pytest.mark.parametrize("name", ["index.html", "sectors/politie/politie.html"])
def test_every_link_can_be_reached_with_tab_and_focus_is_visible(browser, site, name):
    visit = Visit(browser, site / name)
    links = visit.page.eval_on_selector_all("a[href]", "els => els.length")
    # nbconvert makes each output focusable too (so that wide tables can be scrolled from the keyboard)
    stops = visit.page.eval_on_selector_all("a[href], summary, [tabindex='0']", "els => els.length")
    reached = set()
    for _ in range(stops + 2):
        visit.page.keyboard.press("Tab")
        focused = visit.page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return [e.tagName, e.getAttribute('href'), s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
        if focused[0] == "A":
            assert focused[2] != "none" and focused[3] >= 2, f"no visible focus on {focused[1]}"
            reached.add(
                visit.page.evaluate("[...document.querySelectorAll('a[href]')].indexOf(document.activeElement)")
            )
    assert reached == set(range(links)), f"{links - len(reached)} of {links} links not reached with Tab"


def test_every_report_and_the_index_has_a_pdf_that_opens(browser, site):
    from pypdf import PdfReader

    from analysis.run.declared import sector_folder
    from analysis.site.pdf import report_pages

    expected = report_pages(site, sector_folder(ROOT / "notebooks"))
    assert len(expected) >= 19
    for html in expected:
        assert html.with_suffix(".pdf").is_file(), html
    reader = PdfReader(site / "sectors/politie/politie.pdf")
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4: 595 × 842 points
    for words in ("Politie", "663", "713", "Pagina 1 /", "Dataversie"):
        assert words in text
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="sectors/politie/politie.pdf"' in index


def test_every_pdf_is_finished_as_pdf_ua_asks_as_far_as_it_can_be_checked_here(browser, site):
    """Read with pikepdf (veraPDF cannot be installed here); see siteview.assert_pdfs_finished. On the previous
    code 171 of 171 web links in index.pdf were file:///<the maker's folder>/..., none had a description, there
    was no XMP, bookmarks lost a space where a heading wrapped, the running footer was untagged text, and
    sources.html had no PDF."""
    assert_pdfs_finished(site, "nl")


def test_pdf_without_chromium_says_how_to_get_it_and_leaves_the_html(tmp_path, run_cli, monkeypatch):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "index.html").write_text("old", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path))  # no chromium to be found
    monkeypatch.delenv("BANENAFSPRAAK_CHROMIUM", raising=False)
    code, _, err = run_cli("report", "--pdf", "--out", tmp_path / "processed", "--reports", reports)
    assert code == 4
    assert "apt-get install chromium" in err and "BANENAFSPRAAK_CHROMIUM" in err
    assert (reports / "index.html").read_text(encoding="utf-8") == "old" and not (tmp_path / "processed").exists()


# ------------------------------------------------------------------ the real site's files, without a browser


@pytest.mark.parametrize(
    "folder,stem",
    [
        ("sectors/politie", "politie"),
        ("sectors/gemeenten", "gemeenten"),
        ("overview", "overview"),
        ("national", "national"),
        ("coverage", "coverage"),
    ],
)
def test_every_promised_file_is_written(site, folder, stem):
    reports = site
    for name in (f"{stem}.ipynb", f"{stem}.html", "chart.png", "chart.svg", "summary.json"):
        assert (reports / folder / name).is_file(), f"{folder}/{name}"
    assert (reports / folder / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_politie_summary_holds_the_published_figures(site):
    reports = site
    summary = json.loads((reports / "sectors/politie/summary.json").read_text(encoding="utf-8"))
    figures = summary["figures"]
    exact = lambda value: {"value": value, "qualifier": "", "precision": 0}  # each figure with its word
    assert figures["realised_jobs"] == {"2019": exact(297), "2020": exact(413), "2021": exact(663)}
    assert figures["target_jobs"] == {"2024": exact(713)}
    # the statutory measurement's 68% for 2024 outranks the own count's trend: the 2024 goal was not met
    stand = figures["answer"]["stand"]
    assert (stand["status"], stand["year"], stand["basis"]) == ("not_met", 2024, "statutory_measurement")
    assert [(f["year"], f["value"], f["source_id"]) for f in stand["figures"]] == [(2024, 68, "kst-34352-348")]
    assert "68%" in figures["answer"]["text_nl"] and "68%" in figures["answer"]["text_en"]
    assert "verdict" not in figures  # one verdict: the answer the page opens with
    assert summary["parameters"] == {"sector": "politie", "lang": "nl"}


def test_executed_notebooks_have_no_errors_and_an_image(site):
    reports = site
    for path in reports.rglob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"], path
        assert any("image/png" in o.get("data", {}) for o in outputs), path


def test_html_hides_code_and_loads_nothing_from_outside(site):
    reports = site
    page = (reports / "sectors/politie/politie.html").read_text(encoding="utf-8")
    # an embedded chart's base64 text may hold any letters ("cDn" once did, in a clip-path id matplotlib draws at
    # random): the page is searched without its data: URIs
    outside = re.sub(r"data:[^\"')\s]+", "", page)
    assert "<script src=" not in outside and "cdn" not in outside.lower()
    assert "notebook.load()" not in page  # code cells are hidden
    for number in ("297", "413", "663", "713"):
        assert number in page
    assert "data:image/" in page  # the chart is embedded


def test_index_links_every_report_and_the_data(site):
    reports = site
    index = (reports / "index.html").read_text(encoding="utf-8")
    for href in (
        "sectors/politie/politie.html",
        "sectors/gemeenten/gemeenten.html",
        "overview/overview.html",
        "national/national.html",
        "coverage/coverage.html",
        "data/banenafspraak.csv",
        "data/banenafspraak.xlsx",
    ):
        assert f'href="{href}"' in index
        assert (reports / href).is_file()


def test_coverage_report_says_funderend_onderwijs_has_only_part_sector_figures(site):
    reports = site
    page = (reports / "coverage/coverage.html").read_text(encoding="utf-8")
    assert "Sectoren met alleen cijfers voor een deel van de sector" in page and "Funderend onderwijs" in page
    assert "3e kwartaal" in page and "4.386" in page  # Rijk's quarterly readings, marked as quarterly
    # the UWV readings' parts by kind of contract, named in Dutch, beside the series (Q3 2019: 10,640 and 47,904)
    assert "via een uitzendcontract of detachering" in page and "10.640" in page
    assert "via een regulier dienstverband" in page and "47.904" in page
    # the one-job rivals and hbo's task above its later goal are in the consistency table
    assert "84.470" in page and "84.471" in page and "990" in page and "953" in page
    summary = json.loads((reports / "coverage/summary.json").read_text(encoding="utf-8"))["figures"]
    assert summary["without_figures"] == [] and summary["only_part_sector"] == ["funderend_onderwijs"]


def test_a_rerun_with_nothing_changed_executes_nothing(site, run_cli):
    reports = site
    before = (reports / "sectors/politie/politie.ipynb").stat().st_mtime_ns
    code, out, _ = run_cli(*site_args(reports.parent))  # as the run that made it: the shared site stays as it was
    assert code == 0
    assert "nothing changed since the last complete run" in out and "0 executed" in out
    assert (reports / "sectors/politie/politie.ipynb").stat().st_mtime_ns == before


def test_a_plain_nbconvert_export_keeps_every_chart_description(site):
    """The alt text belongs to the chart's output itself: `jupyter nbconvert --to html` with its own template
    (not the site's) describes each chart; on the previous code it wrote 'No description has been provided'."""
    from nbconvert import HTMLExporter

    for path in (site / "sectors/politie/politie.ipynb", site / "overview/overview.ipynb"):
        page, _ = HTMLExporter().from_filename(str(path))
        assert "No description has been provided" not in page, path.name
        alts = json.loads((path.parent / "summary.json").read_text(encoding="utf-8"))["alt"]
        for alt in alts.values():
            assert f'alt="{alt[:60]}' in page.replace("&#x27;", "'"), (path.name, alt[:60])


def test_no_page_of_the_dutch_site_shows_an_english_word(site):
    """Every visible word of every Dutch page, checked with hunspell: none is rejected as Dutch and accepted as
    English (on the previous code 54 such words stood on the Dutch pages: locators such as 'news item, 2nd
    paragraph', the coverage page's explanations, the index's data links, editors' remarks in quotes)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        for word in other_language_words(visible_words(page.read_text(encoding="utf-8")), "nl"):
            found.setdefault(word, []).append(str(page.relative_to(site)))
    assert found == {}


def test_no_page_of_the_dutch_site_shows_an_iso_date(site):
    """Dates are written as a reader writes them ('6 december 2026', 'juli 2021'), in the footer, the sources page,
    the citations and the locators (on the previous code every footer said 'Gemaakt op: 2026-12-06')."""

    found = {}
    for page in sorted(site.rglob("*.html")):
        text = visible_text(page.read_text(encoding="utf-8"))
        dates = set(re.findall(r"\b\d{4}-\d\d(?:-\d\d)?\b", text))
        if dates:
            found[str(page.relative_to(site))] = sorted(dates)
    assert found == {}
    footer = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Gemaakt op: \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                     r"november|december) \d{4}", footer)  # fmt: skip


def test_how_to_read_this_is_a_page_of_its_own_linked_from_every_page_and_every_answer(site):
    reading = (site / "reading.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in reading and "<h1" in reading and "Hoe lees ik dit?" in reading
    for heading in ("Drie tellingen", "Gepubliceerd en afgeleid", "Kwartaalcijfers en delen van een sector",
                    "De reeksbreuk van 2026", "Op koers of niet"):  # fmt: skip
        assert f"<h2>{heading}</h2>" in reading
    assert "25,5 betaalde uren per week" in reading  # a fraction of a job, explained once
    for page in [site / "index.html", site / "sources.html", *sorted(site.glob("sectors/*/*.html"))]:
        up = "" if page.parent == site else "../../"
        assert f'href="{up}reading.html"' in page.read_text(encoding="utf-8"), page.name
    politie = (site / "sectors/politie/politie.html").read_text(encoding="utf-8")
    answer = politie[politie.index('<div class="answer"') :]
    assert 'href="../../reading.html"' in answer[: answer.index("</div>")]


def test_a_pdf_holds_what_is_one_click_away_on_screen(site):
    """The chart's data table (a closed <details> on screen) is printed in full: on the previous code it printed
    as a bare '▶ Gegevens bij de grafiek (tabel)' and its figures never reached the PDF."""
    import pdfplumber

    pdf = site / "sectors/politie/politie.pdf"
    if not pdf.is_file():
        pytest.skip("no PDFs in this run (no Chromium)")
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "Gegevens bij de grafiek (tabel)" in text and "Percentage op andere basis" in text


def test_every_table_cell_reaches_its_pdf_and_no_page_but_the_last_is_left_half_empty(site):
    """Read with PDFium: every word of every table cell of a page is in its PDF's text (as often as the
    cells hold it), and every page but a file's last is at least half filled. On the previous code 173 of 6,652
    cells lost words (the 'Citaat' and 'Vindplaats' columns cut off at the page's edge, coverage.pdf's 2025 and
    2026) and 21 pages were less than half filled (a table moved whole to the next page). Every cell is also a
    cell of the PDF's structure: Chromium leaves an empty one out, which moved a screen reader's reading of the
    coverage grid's dots under the wrong year (406 cells of coverage.pdf, 2 of politie.pdf).

    A page followed by one of the other orientation may end early: a table too wide for a portrait page is
    printed on landscape pages, and a landscape section starts on a sheet of its own."""
    assert_pdf_cells_printed_and_pages_filled(site)


def test_the_site_footer_prints_whole_on_one_page(site):
    """The footer says what the Banenafspraak is, when the page was made and where its figures come from: on paper
    it is one block. On the previous code hbo.pdf's last page held only the footer's last sentence, its first two
    on the page before (the answer above had grown by two lines)."""
    import pypdfium2 as pdfium

    from analysis import i18n

    pdfs = sorted(site.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDFs in this run (no Chromium)")
    opening, closing = (" ".join(i18n.SITE["nl"][key].split()[:6]) for key in ("footer_about", "footer_sources"))
    split = {}
    for path in pdfs:
        doc = pdfium.PdfDocument(path)
        pages = [" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]
        where = ([i for i, t in enumerate(pages) if opening in t], [i for i, t in enumerate(pages) if closing in t])
        if where[0] != where[1] or len(where[0]) != 1:
            split[str(path.relative_to(site))] = where
    assert not split


def test_no_printed_text_is_under_8_pt_and_every_chart_is_printed_whole_on_one_page(site):
    """Read with PDFium: no character of any PDF is smaller than 8 pt on paper (charts, tables and the
    running footer alike), and every word a chart of a page writes (its SVG's text) is on one page of the page's
    PDF: Chromium slices a chart taller than the space left across two pages (so it did the national chart when
    its panels were drawn 2.5 inches tall, and this test failed). On the previous code 91,608 characters of all
    21 PDFs printed under 8 pt, down to 2.4 pt: charts drawn 9 to 12 inches wide were shrunk to fit the page and
    120 mm, pages with a table wider than the page were shrunk whole (coverage.pdf's tables to 5.8 pt), and the
    running footer was 6 pt."""
    assert_printed_at_8_pt_and_charts_whole(site)


def test_a_keyboard_reaches_every_box_that_scrolls_and_stops_nowhere_else(browser, site):
    """At 390 px wide, every box that scrolls sideways (a wide table, a chart) is a tab stop, so a keyboard can
    scroll it (WCAG 2.1.1); and no tab stop is a box of plain text that cannot scroll. On the previous code
    nbconvert made every output a tab stop: 10 on politie.html, 2 of which scroll."""
    tab = browser.new_page()
    tab.set_viewport_size({"width": 390, "height": 844})
    unreachable, idle = {}, {}
    try:
        for page in sorted(site.rglob("*.html")):
            tab.goto(page.as_uri(), wait_until="load")
            name = str(page.relative_to(site))
            boxes = tab.evaluate(
                """() => [...document.querySelectorAll('*')].filter(e => {
                    const s = getComputedStyle(e);
                    return ['auto', 'scroll'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
                }).filter(e => e.getAttribute('tabindex') !== '0').map(e => e.className)"""
            )
            if boxes:
                unreachable[name] = boxes
            stops = tab.eval_on_selector_all(
                ".jp-OutputArea-output[tabindex='0']", "els => els.filter(e => !e.querySelector('table, img')).length"
            )
            if stops:
                idle[name] = stops
    finally:
        tab.close()
    assert not unreachable
    assert not idle


def test_on_a_phone_no_page_scrolls_sideways_and_chart_text_stays_readable(browser, site):
    """At 390 px wide (a phone), Chromium: no page is wider than the screen (a table of the site's own pages
    becomes a block per row, a wide table of a report scrolls in its own box), and every chart is shown at a size
    where its 9 pt labels are at least 9 px, scrolling in its own box, with a hint that says so. On the previous
    code index.html was 520 px wide and sources.html 988 px, and a chart was scaled to 41% of its size (labels
    of 5 px)."""
    from analysis.display.plots import LABEL_SIZE
    from analysis.site.export import CSS_PX_PER_PT

    tab = browser.new_page()
    tab.set_viewport_size({"width": 390, "height": 844})
    wide, small, charts = {}, {}, 0
    try:
        for page in sorted(site.rglob("*.html")):
            tab.goto(page.as_uri(), wait_until="load")
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[str(page.relative_to(site))] = width
            # the answer is read whole, without scrolling its box sideways (a status label that does not wrap)
            answer = tab.eval_on_selector_all(".answer", "els => els.map(e => e.scrollWidth - e.clientWidth)")
            if any(over > 0 for over in answer):
                wide[str(page.relative_to(site)) + " .answer"] = max(answer)
            scales = tab.eval_on_selector_all(
                ".jp-RenderedSVG img[width]",
                "els => els.map(e => e.getBoundingClientRect().width / parseFloat(e.getAttribute('width')))",
            )
            charts += len(scales)
            label_px = [LABEL_SIZE * CSS_PX_PER_PT * s for s in scales]
            if any(px < 9 for px in label_px):
                small[str(page.relative_to(site))] = min(label_px)
            if scales:
                assert tab.locator(".scroll-hint").first.is_visible(), page.name
    finally:
        tab.close()
    assert charts >= 15 and wide == {} and small == {}


def test_a_pdf_carries_its_charts_figures_and_links_to_no_file_it_does_not_carry(site):
    """A PDF mailed on its own: the chart's figures (chart.csv) are attached to it, byte for byte, and the page
    says so where the screen has its download links; no link of the PDF leads to a chart file beside it. On the
    previous code the PDF printed 'Download: grafiek als PNG · SVG · cijfers bij de grafiek (CSV)' as links to
    files next to it, which lead nowhere once the PDF travels alone."""
    import pdfplumber
    import pikepdf

    pdf = site / "sectors/politie/politie.pdf"
    if not pdf.is_file():
        pytest.skip("no PDFs in this run (no Chromium)")
    with pikepdf.open(pdf) as doc:
        assert doc.attachments["chart.csv"].get_file().read_bytes() == (pdf.parent / "chart.csv").read_bytes()
        targets = [str(a.A.URI) for p in doc.pages for a in p.get("/Annots", []) if "/A" in a and "/URI" in a.A]
    assert not [t for t in targets if t.startswith("chart.")]
    with pdfplumber.open(pdf) as doc:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in doc.pages)
    assert "De cijfers bij deze grafiek zitten als bijlage in deze PDF: chart.csv." in text


def test_every_page_forwarded_on_its_own_says_what_the_agreement_is(site):
    """A page mailed on its own says what it is about, when it was made and where its figures come from (on the
    previous code no page said what the Banenafspraak is)."""
    for page in [site / "index.html", site / "sources.html", site / "reading.html", *sorted(site.glob("*/*/*.html"))]:
        text = visible_text(page.read_text(encoding="utf-8"))
        assert "extra banen voor mensen met een arbeidsbeperking" in text, page.name
        assert "Gemaakt op:" in text and "Alle cijfers komen uit openbare bronnen" in text, page.name
