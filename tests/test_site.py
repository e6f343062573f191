"""The real site: what one full report run of the real data writes (the shared conftest `site` and `site_en`),
read as files and in a real browser (Debian's chromium driven by playwright), with the outside world cut off.

Every test that reads a whole real site lives here, so that under pytest-xdist (`--dist loadfile`, as
`make test` runs) one worker makes the two real runs once. Without a browser the browser tests skip; under CI
(CI=true) a missing browser is a failure.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import nbformat
import pytest
from conftest import ROOT, make_raw, report_args, site_args

from analysis import cli
from analysis.tidy import build_tidy, load_raw
from analysis.trends import sectors_with_data

ARTIFACTS = ROOT / "test-artifacts"


class Visit:
    """One page opened in the browser, with every request, console error and page error recorded."""

    def __init__(self, browser, path: Path):
        self.path = path
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.requests, self.errors = [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri(), wait_until="load")

    def images(self) -> list[tuple[str, int]]:
        return self.page.eval_on_selector_all(
            "img", "els => els.map(e => [e.getAttribute('src').slice(0, 80), e.complete ? e.naturalWidth : 0])"
        )

    def links(self) -> list[str]:
        return self.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")

    def text(self) -> str:
        return self.page.inner_text("body")

    def axe_violations(self) -> list[dict]:
        """axe-core's WCAG 2.1 A and AA rules on this page (the script bundled in the package: nothing fetched).
        Only violations are reported in full: listing every passing node as well cost a sixth of the time."""
        from axe_playwright_python.sync_playwright import Axe

        options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
        return Axe().run(self.page, options=options).response["violations"]


WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pages(site: Path) -> list[Path]:
    return [
        site / "index.html",
        site / "sources.html",
        *sorted(site.glob("*/*.html")),
        *sorted(site.glob("sectors/*/*.html")),
    ]


@dataclass
class Seen:
    """What one visit of one page found: every check on whole sites reads these, so each page loads once."""

    root: Path
    path: Path
    images: list[tuple[str, int]]
    links: list[str]
    alts: list[str | None]
    own_text: str  # the visible text less what is marked as another language's (see _visible_text_without_data)
    lang: str
    title: str
    violations: list[dict]
    requests: list[str]  # every request, also those of the axe run
    errors: list[str]

    @property
    def name(self) -> str:
        return str(self.path.relative_to(self.root))


def _see(browser, root: Path, path: Path) -> Seen:
    visit = Visit(browser, path)
    try:
        found = {
            "images": visit.images(),
            "links": visit.links(),
            "alts": visit.page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt'))"),
            "own_text": _visible_text_without_data(visit),
            "lang": visit.page.evaluate("document.documentElement.lang"),
            "title": visit.page.title(),
        }
        violations = visit.axe_violations()
        return Seen(root, path, **found, violations=violations, requests=visit.requests, errors=visit.errors)
    finally:
        visit.page.close()


@pytest.fixture(scope="session")
def visited(browser, site, site_en) -> dict[str, list[Seen]]:
    """Every page of the Dutch and the English site, each opened once."""
    return {lang: [_see(browser, root, path) for path in pages(root)] for lang, root in (("nl", site), ("en", site_en))}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_is_offline_self_contained_and_whole(visited, lang):
    checked_pages, checked_images, checked_links = 0, 0, 0
    for seen in visited[lang]:
        name = seen.name
        outside = [u for u in seen.requests if not u.startswith("file://")]
        assert not outside, f"{name} asked for {outside[:3]}"
        assert not seen.errors, f"{name}: {seen.errors[:3]}"
        for src, width in seen.images:
            assert width > 0, f"{name}: image {src} did not decode"
            checked_images += 1
        for href in seen.links:
            if href.startswith(("http://", "https://")):
                assert seen.path.name == "sources.html", f"{name} links outside: {href}"  # only to the publications
                continue
            if href.startswith("#"):
                continue
            target = (seen.path.parent / unquote(urlparse(href).path)).resolve()
            assert target.is_file(), f"{name}: link {href} leads nowhere"
            assert seen.root.resolve() in target.parents, f"{name}: link {href} leaves the report folder"
            checked_links += 1
        checked_pages += 1
    print(f"\nchecked {checked_pages} pages, {checked_images} images, {checked_links} links ({lang})")
    assert checked_pages >= 19 and checked_images >= 15


def test_index_lists_every_sector_with_data(browser, site):
    data = load_raw(ROOT / "data" / "raw")
    tidy = build_tidy(data)
    names = dict(zip(data.sectors["sector"], data.sectors["name_nl"]))
    expected = {names[s] for s in sectors_with_data(tidy, list(data.sectors["sector"]))}
    visit = Visit(browser, site / "index.html")
    rows = visit.page.eval_on_selector_all("table.sectors tbody th", "els => els.map(e => e.innerText)")
    assert set(rows) == expected
    latest = visit.page.eval_on_selector_all("table.latest tbody th", "els => els.map(e => e.innerText)")
    assert set(latest) == expected
    verdicts = visit.page.eval_on_selector_all("table.latest tbody td:last-child", "els => els.map(e => e.innerText)")
    assert len(verdicts) == len(expected) and "ja" not in verdicts
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)


def test_politie_page_shows_its_figures(browser, site):
    visit = Visit(browser, site / "sectors/politie/politie.html")
    text = visit.text()
    for number in ("297", "413", "663", "713"):
        assert number in text
    assert "Het doel voor 2024 is niet gehaald volgens de wettelijke meting: 68% van het doel (2024)." in text
    # the 54% and 68% with their place in the letter and the quote, reachable from their row
    assert "Kamerstuk 34 352 nr. 348 (brief minister BZK, 18 november 2025), opening section, 3rd paragraph" in text
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


# ---------------------------------------------------------------- fit to forward (one language, WCAG 2.1 AA, PDF)


def _catalogue_phrases(lang: str) -> set[str]:
    """Fixed phrases of one language's catalogue: whole labels, and the fixed parts of templates."""
    import re

    from analysis import dictionary, i18n

    other = "en" if lang == "nl" else "nl"
    found = set()

    def add(text: str, counterpart: str | None) -> None:
        for part in re.split(r"\{[^}]*\}", text):
            part = part.strip(" .,:;()[]—-")
            # a phrase both languages share ('Sector', 'Trend', 'PDF') says nothing about the language
            if len(part) >= 8 and " " in part and (counterpart is None or part not in counterpart):
                found.add(part)

    for table in (i18n.TEXT, i18n.COLUMNS, i18n.SITE, i18n.VERDICT, i18n.ALT):
        for key, text in table[lang].items():
            add(text, table[other].get(key))
    for key, (heading, text) in i18n.PROSE[lang].items():
        add(heading, " ".join(i18n.PROSE[other][key]))
        add(text, " ".join(i18n.PROSE[other][key]))
    for entry in i18n.DERIVATIONS.values():
        add(entry[lang], entry[other])
    for vocab in (
        dictionary.MEASURES,
        dictionary.BASES,
        dictionary.PERIODS,
        dictionary.QUALIFIERS,
        dictionary.STATUSES,
    ):
        for term in vocab.values():
            add(term.label(lang), term.label(other))
    return found


def _visible_text_without_data(visit) -> str:
    """The page's text, less what is marked as being in another language (titles and quotes as published,
    with their own lang attribute, as WCAG 3.1.2 asks) and the locators, which the source collection
    writes in English: data text stays as published."""
    return visit.page.evaluate("""() => {
        const copy = document.body.cloneNode(true);
        const lang = document.documentElement.lang;
        copy.querySelectorAll('[lang]').forEach(e => { if (e.lang !== lang) e.remove(); });
        copy.querySelectorAll('.meta').forEach(e => e.remove());
        return copy.innerText; }""")


def _data_texts() -> list[str]:
    """Text the data carries as published (titles, locators, quotes, scopes, names), longest first."""
    data = load_raw(ROOT / "data" / "raw")
    texts = {
        *data.sources["title"],
        *data.sources["publisher"],
        *data.figures["locator"],
        *data.figures["evidence"],
        *data.figures["scope"],
        *data.sectors["name_nl"],
    }
    return sorted((t for t in texts if len(t) >= 8), key=len, reverse=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_site_contains_no_phrase_of_the_other_language(visited, lang):
    foreign = _catalogue_phrases("en" if lang == "nl" else "nl")
    assert len(foreign) > 100
    data_texts = _data_texts()
    for seen in visited[lang]:
        text = seen.own_text
        for published in data_texts:  # a locator may quote a Dutch title: data, not our words
            text = text.replace(published, "")
        hits = sorted(p for p in foreign if p in text)
        assert not hits, f"{seen.name} ({lang}) contains {hits[:5]}"
        assert seen.lang == lang, seen.name
        title = seen.title
        assert title and title != "Notebook" and ("Banenafspraak" in title or "Jobs agreement" in title), title


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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_no_wcag_21_aa_violation_on_any_page(visited, lang):
    for seen in visited[lang]:
        assert not seen.violations, (seen.name, [(v["id"], v["nodes"][0]["html"][:120]) for v in seen.violations][:5])
    print(f"\naxe ({lang}): no violations on {len(visited[lang])} pages")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_image_has_the_placeholder_alt_text(visited, lang):
    for seen in visited[lang]:
        assert "No description has been provided" not in seen.path.read_text(encoding="utf-8"), seen.name
        assert all(a and len(a) > 10 for a in seen.alts), (seen.name, seen.alts)
    politie = next(seen for seen in visited["nl"] if seen.name == "sectors/politie/politie.html")
    alt = politie.alts[0]
    assert "297 (2019), 413 (2020), 663 (2021)" in alt and "713 (2024)" in alt and "niet gehaald (2024)" in alt


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

    from analysis.pdf import report_pages

    expected = report_pages(site)
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
    assert figures["realised_jobs"] == {"2019": 297, "2020": 413, "2021": 663}
    assert figures["target_jobs"] == {"2024": 713}
    # the statutory measurement's 68% for 2024 outranks the own count's trend: the 2024 goal was not met
    verdict = figures["verdict"]
    assert (verdict["status"], verdict["year"], verdict["basis"]) == ("not_met", 2024, "statutory_measurement")
    assert [(f["year"], f["value"], f["source_id"]) for f in verdict["figures"]] == [(2024, 68, "kst-34352-348")]
    assert "68%" in verdict["text_nl"] and "68%" in verdict["text_en"]
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
    assert "<script src=" not in page and "cdn" not in page.lower()
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
    summary = json.loads((reports / "coverage/summary.json").read_text(encoding="utf-8"))["figures"]
    assert summary["without_figures"] == [] and summary["only_part_sector"] == ["funderend_onderwijs"]


def test_a_rerun_with_nothing_changed_executes_nothing(site, run_cli):
    reports = site
    before = (reports / "sectors/politie/politie.ipynb").stat().st_mtime_ns
    code, out, _ = run_cli(*site_args(reports.parent))  # as the run that made it: the shared site stays as it was
    assert code == 0
    assert "nothing changed since the last complete run" in out and "0 executed" in out
    assert (reports / "sectors/politie/politie.ipynb").stat().st_mtime_ns == before


def test_english_site(site_en):
    reports = site_en
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Reports per sector" in index and "Police" in index
    page = (reports / "sectors/politie/politie.html").read_text(encoding="utf-8")
    assert "In 2021, Police realised 663 jobs." in page
