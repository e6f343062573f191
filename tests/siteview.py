"""Reading a real site in a browser: each page opened once, with what every check on a whole site needs, and
those checks. Used by test_site.py (the Dutch site) and test_site_en.py (the English one), which pytest-xdist
(`--dist loadfile`) gives to different workers, so that the two real runs and their page visits are made at once.
"""

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import ROOT

from analysis.data.tidy import load_raw


class Visit:
    """One page opened in the browser, in a tab of its own or in `tab`, with every request, console error and
    page error recorded while it is open."""

    def __init__(self, browser, path: Path, tab=None):
        self.path = path
        self.page = tab if tab is not None else browser.new_page()  # `browser`: the conftest fixture's context
        self.requests, self.errors = [], []
        self._listening = [
            ("request", lambda r: self.requests.append(r.url)),
            ("console", lambda m: self.errors.append(m.text) if m.type == "error" else None),
            ("pageerror", lambda e: self.errors.append(str(e))),
        ]
        for event, listener in self._listening:
            self.page.on(event, listener)
        self.page.goto(path.as_uri(), wait_until="load")

    def leave(self) -> None:
        """Stop recording: the tab goes on to another page."""
        for event, listener in self._listening:
            self.page.remove_listener(event, listener)

    def images(self) -> list[tuple[str, int]]:
        """Every image with its decoded width (0: it did not decode), the ones the page loads lazily (below the
        index's first screen) loaded first, as a reader who scrolls down gets them."""
        from analysis.site.pdf import ALL_IMAGES_LOADED

        self.page.evaluate(ALL_IMAGES_LOADED)
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
        site / "reading.html",
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
    charts: list[dict]  # each chart image: its alt and the links under it, {text: href}
    details_tables: list[list[list[str]]]  # the tables one click away (<details>), rows of cell texts
    htmlcs: list[tuple[str, str, str]] | None  # HTML_CodeSniffer's WCAG2AA errors (None: not installed)

    @property
    def name(self) -> str:
        return str(self.path.relative_to(self.root))


def see(browser, root: Path, path: Path, tab=None) -> Seen:
    visit = Visit(browser, path, tab)
    try:
        found = {
            "images": visit.images(),
            "links": visit.links(),
            "alts": visit.page.eval_on_selector_all("img", "els => els.map(e => e.getAttribute('alt'))"),
            "own_text": _visible_text_without_data(visit),
            "lang": visit.page.evaluate("document.documentElement.lang"),
            "title": visit.page.title(),
            "charts": visit.page.eval_on_selector_all(
                ".jp-OutputArea-output:has(> img[alt])",
                """els => els.map(e => ({alt: e.querySelector('img').getAttribute('alt'),
                    links: Object.fromEntries([...e.querySelectorAll('.downloads a')]
                        .map(a => [a.textContent.trim(), a.getAttribute('href')]))}))""",
            ),
            "details_tables": visit.page.eval_on_selector_all(
                "details table",
                "els => els.map(t => [...t.querySelectorAll('tr')].map(r => [...r.cells].map(c => c.textContent.trim())))",
            ),
        }
        violations = visit.axe_violations()
        htmlcs = htmlcs_errors(visit)  # last: its script stays in the page
        return Seen(
            root, path, **found, violations=violations, htmlcs=htmlcs, requests=visit.requests, errors=visit.errors
        )
    finally:
        if tab is not None:
            visit.leave()
        else:
            visit.page.close()


def see_all(browser, root: Path) -> list[Seen]:
    """Every page of one site, each opened once, one after the other in one tab: a tab per page took twice as
    long (a renderer process started for each); each page is a document of its own all the same."""
    tab = browser.new_page()
    try:
        return [see(browser, root, path, tab) for path in pages(root)]
    finally:
        tab.close()


class WholeSiteChecks:
    """The checks every page of a site passes, in either language. A test file subclasses it as `Test...`,
    and sets `lang` and `site`, the conftest fixture that makes the site."""

    lang = ""
    site = ""

    @pytest.fixture(scope="class")
    @classmethod
    def site_pages(cls, request, browser) -> list[Seen]:
        """Every page of the site, each opened once."""
        return see_all(browser, request.getfixturevalue(cls.site))

    def test_every_page_is_offline_self_contained_and_whole(self, site_pages):
        assert_offline_self_contained_and_whole(site_pages, self.lang)

    def test_the_site_contains_no_phrase_of_the_other_language(self, site_pages):
        assert_no_phrase_of_the_other_language(site_pages, self.lang)

    def test_axe_finds_no_wcag_21_aa_violation_on_any_page(self, site_pages):
        assert_no_axe_violation(site_pages, self.lang)

    def test_no_image_has_the_placeholder_alt_text(self, site_pages):
        assert_every_image_described(site_pages)

    def test_every_chart_offers_its_image_files_and_its_figures(self, site_pages):
        assert_every_chart_offers_its_files(site_pages, self.lang)

    def test_the_w3c_nu_validator_finds_no_error_on_any_page(self, request):
        assert_nu_valid(request.getfixturevalue(self.site))

    def test_html_codesniffer_finds_no_wcag2aa_error_on_any_page(self, site_pages):
        assert_no_htmlcs_error(site_pages)


def assert_offline_self_contained_and_whole(site_pages: list[Seen], lang: str) -> None:
    checked_pages, checked_images, checked_links = 0, 0, 0
    for seen in site_pages:
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


def assert_no_phrase_of_the_other_language(site_pages: list[Seen], lang: str) -> None:
    foreign = _catalogue_phrases("en" if lang == "nl" else "nl")
    assert len(foreign) > 100
    data_texts = _data_texts()
    for seen in site_pages:
        text = seen.own_text
        for published in data_texts:  # a locator may quote a Dutch title: data, not our words
            text = text.replace(published, "")
        hits = sorted(p for p in foreign if p in text)
        assert not hits, f"{seen.name} ({lang}) contains {hits[:5]}"
        assert seen.lang == lang, seen.name
        title = seen.title
        assert title and title != "Notebook" and ("Banenafspraak" in title or "Jobs agreement" in title), title


def assert_no_axe_violation(site_pages: list[Seen], lang: str) -> None:
    for seen in site_pages:
        assert not seen.violations, (seen.name, [(v["id"], v["nodes"][0]["html"][:120]) for v in seen.violations][:5])
    print(f"\naxe ({lang}): no violations on {len(site_pages)} pages")


def assert_every_image_described(site_pages: list[Seen]) -> None:
    for seen in site_pages:
        assert "No description has been provided" not in seen.path.read_text(encoding="utf-8"), seen.name
        assert all(a and len(a) > 10 for a in seen.alts), (seen.name, seen.alts)


def assert_nu_valid(site: Path) -> None:
    """The W3C Nu HTML checker (vnu.jar, the reference validator) on every page: no error. On the previous code
    it found 90: 72 in JupyterLab's inlined style sheet, 18 a <style> that pandas' Styler put inside <body>."""
    import json
    import subprocess

    from conftest import validator

    jar = validator("vnu-jar/build/dist/vnu.jar", needs="java")
    found = pages(site)
    done = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--errors-only", *map(str, found)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    messages = json.loads(done.stderr or '{"messages": []}')["messages"]
    errors = [(m["url"].rsplit("/reports/", 1)[-1], m.get("lastLine"), m["message"][:120]) for m in messages]
    assert not errors and done.returncode == 0, errors[:8]
    print(f"\nNu validator: no error on {len(found)} pages")


def htmlcs_errors(visit) -> list[tuple[str, str, str]] | None:
    """HTML_CodeSniffer's errors at WCAG 2.1 AA on the page open in `visit` (its script from `make validators`,
    injected into the page: nothing fetched), or None where it is not installed."""
    from conftest import VALIDATORS

    script = VALIDATORS / "html_codesniffer/build/HTMLCS.js"
    if not script.is_file():
        return None
    visit.page.add_script_tag(content=script.read_text(encoding="utf-8"))
    return [
        tuple(m)
        for m in visit.page.evaluate(
            """() => new Promise(done => HTMLCS.process('WCAG2AA', document, () => done(HTMLCS.getMessages()
                .filter(m => m.type === HTMLCS.ERROR)
                .map(m => [m.code, m.msg.slice(0, 120), m.element.outerHTML.slice(0, 80)]))))"""
        )
    ]


def assert_no_htmlcs_error(site_pages: list[Seen]) -> None:
    """A second engine beside axe: HTML_CodeSniffer finds no WCAG2AA error. On the previous code it found 3
    (H43: the coverage tables' second header row, which also named the sector column 'year' in English)."""
    from conftest import validator

    validator("html_codesniffer/build/HTMLCS.js")
    errors = [(seen.name, *e) for seen in site_pages for e in seen.htmlcs or []]
    assert all(seen.htmlcs is not None for seen in site_pages)
    assert not errors, errors[:5]


def _headings_and_title(page) -> tuple[set[str], str]:
    import html as markup
    import re

    text = page.read_text(encoding="utf-8")
    clean = lambda t: " ".join(markup.unescape(re.sub(r"<[^>]+>", "", t)).split())
    headings = {clean(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", text, flags=re.DOTALL)}
    return headings, clean(re.search(r"<title>(.*?)</title>", text, flags=re.DOTALL).group(1))


# The operators that put something on the page: text, paths, shadings, images and forms.
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}


def _content_outside_marked_content(page) -> int:
    """How many painting operators of a page stand outside any marked content (neither tagged nor artifact)."""
    import pikepdf

    depth, outside = 0, 0
    for _, op in pikepdf.parse_content_stream(page):
        depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(str(op), 0)
        outside += depth == 0 and str(op) in PAINTING
    return outside


def _outline_titles(items) -> list[str]:
    return [t for item in items for t in (item.title, *_outline_titles(item.children))]


def assert_pdfs_finished(site: Path, lang: str) -> None:
    """Read with pikepdf (veraPDF cannot be installed here): every link relative to the PDF's own folder and
    leading to a file of the site (or a web address), each described (/Contents); XMP with the PDF/UA identifier
    and the page's title; the title shown, the language set, tagged; the bookmarks read as the headings. On the
    previous code 171 of 215 links in index.pdf were file:///<the maker's folder>/..., none had a description,
    there was no XMP, nine bookmarks lost a space where a heading wrapped, the running footer was untagged text,
    and backgrounds and borders were untagged drawing (3 on politie.pdf), Strong and Em had no role mapping, and
    pdfua (a JVM-free PDF/UA checker, which must find nothing) found 285 internal links without a description;
    and sources.html had no PDF."""
    import pdfua
    import pikepdf

    pdfs = sorted(site.rglob("*.pdf"))
    assert site / "sources.pdf" in pdfs and len(pdfs) >= 20
    links = 0
    for path in pdfs:
        headings, title = _headings_and_title(path.with_suffix(".html"))
        with pikepdf.open(path) as doc:
            meta = doc.open_metadata()
            assert (meta["pdfuaid:part"], meta["dc:title"]) == ("1", title), path
            assert str(doc.Root.Lang) == lang and bool(doc.Root.ViewerPreferences.DisplayDocTitle), path
            if lang != "nl" and path.name in ("politie.pdf", "sources.pdf"):  # the quotes are Dutch, and marked so
                quotes = structure_elements(doc.Root.StructTreeRoot, "/BlockQuote")
                assert quotes and all(str(q.get("/Lang")) == "nl" for q in quotes), path.name
            assert "/StructTreeRoot" in doc.Root and bool(doc.Root.MarkInfo.Marked), path
            for page in doc.pages:
                for annot in page.get("/Annots", []):
                    if annot.get("/Subtype") != "/Link" or "/A" not in annot or "/URI" not in annot.A:
                        continue
                    uri, described = str(annot.A.URI), str(annot.get("/Contents", "")).strip()
                    assert described, (path.name, uri)
                    assert not uri.startswith("file:") and str(site) not in uri, (path.name, uri)
                    if not uri.startswith(("http://", "https://")):
                        assert (path.parent / uri.split("#")[0]).resolve().is_file(), (path.name, uri)
                    links += 1
            for page in doc.pages:
                assert not _content_outside_marked_content(page), path.name  # all content tagged or an artifact
            assert set(doc.Root.StructTreeRoot.RoleMap.keys()) >= {"/Strong", "/Em"}, path.name
            with doc.open_outline() as outline:
                titles = _outline_titles(outline.root)
            assert titles and set(titles) <= headings, (path.name, sorted(set(titles) - headings)[:3])
        findings = [(f.rule_id, f.message) for f in pdfua.validate(str(path)).findings]
        assert findings == [], (path.name, findings[:3])
    assert links > 300


def structure_elements(element, kind: str) -> list:
    """The structure elements of one kind below `element`."""
    import pikepdf

    found = []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += [kid] if kid.S == kind else []
            found += structure_elements(kid, kind)
    return found


DOWNLOAD_LINKS = {
    "nl": ("grafiek als PNG", "grafiek als SVG", "cijfers bij de grafiek (CSV)"),
    "en": ("chart as PNG", "chart as SVG", "the chart's figures (CSV)"),
}


def assert_every_chart_offers_its_files(site_pages: list[Seen], lang: str) -> None:
    """Under every chart of every report page: the chart as PNG and SVG and its figures as CSV, by relative links
    to files in the page's own folder (so a zipped copy keeps them). The SVG names itself with the chart's title
    and the page's alt text; the CSV holds exactly the rows of a table one click away on the page."""
    import csv
    import xml.etree.ElementTree as ET

    png, svg, table = DOWNLOAD_LINKS[lang]
    charts, figures = 0, 0
    for seen in site_pages:
        if seen.path.parent == seen.root:
            assert not seen.charts, seen.name  # the index and the sources page draw no charts
            continue
        assert seen.charts, f"{seen.name} has no chart"
        for chart in seen.charts:
            links = chart["links"]
            assert list(links) == [png, svg, table], (seen.name, links)
            for href in links.values():
                assert "/" not in href and ":" not in href, (seen.name, href)  # beside the page, relative
                assert (seen.path.parent / href).is_file(), (seen.name, href)
            root = ET.parse(seen.path.parent / links[svg]).getroot()
            first, second = list(root)[:2]
            assert (first.tag, second.tag) == ("{http://www.w3.org/2000/svg}title", "{http://www.w3.org/2000/svg}desc")
            assert first.text and second.text == chart["alt"], (seen.name, first.text)
            with open(seen.path.parent / links[table], encoding="utf-8", newline="") as f:
                rows = [[cell.strip() for cell in row] for row in csv.reader(f)]
            assert rows and rows in seen.details_tables, (seen.name, rows[:3], [t[:2] for t in seen.details_tables])
            figures += len(rows) - 1  # a sector with only part-sector figures has a table of its header alone
            charts += 1
    print(f"\n{charts} charts offer their files, {figures} rows of figures ({lang})")
    assert charts >= 21 and figures >= 100


def _catalogue_phrases(lang: str) -> set[str]:
    """Fixed phrases of one language's catalogue: whole labels, and the fixed parts of templates."""
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
    raw = load_raw(ROOT / "data" / "raw")
    texts = {
        *raw.sources["title"],
        *raw.sources["publisher"],
        *raw.figures["locator"],
        *raw.figures["evidence"],
        *raw.figures["scope"],
        *raw.sectors["name_nl"],
    }
    return sorted((t for t in texts if len(t) >= 8), key=len, reverse=True)


# ------------------------------------------------------------------ the PDFs as a reader reads them

MM = 72 / 25.4  # PDF points per millimetre
PRINT_MARGIN_MM = 15  # @page's margin in the site's style sheet: Chromium prints the running footer there


@dataclass(frozen=True)
class PrintedPage:
    """What a PDF reader reads on one page of a PDF: its words (casefolded, counted), whether it is landscape, how
    far down it is filled (a share of the space between the margins, the running footer left out), and each
    character's size on paper in points."""

    words: Counter
    landscape: bool
    fill: float
    sizes: Counter


@functools.cache
def printed(pdf: Path) -> tuple[PrintedPage, ...]:
    """Each page of `pdf` as PDFium (Chrome's PDF engine, through pypdfium2) reads it, once for all the tests that
    read PDFs. pdfplumber did the same in some forty seconds for the site, PDFium in two."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return tuple(_printed_page(doc[i]) for i in range(len(doc)))
    finally:
        doc.close()


def _printed_page(page) -> PrintedPage:
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    top_limit, bottom_limit = PRINT_MARGIN_MM * MM, height - PRINT_MARGIN_MM * MM
    textpage = page.get_textpage()
    handle, box, matrix = textpage.raw, pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    sizes, chars, lowest = Counter(), [], top_limit
    for k in range(pdfium_c.FPDFText_CountChars(handle)):
        char = chr(pdfium_c.FPDFText_GetUnicode(handle, k))
        generated = bool(pdfium_c.FPDFText_IsGenerated(handle, k))
        turned = not generated and pdfium_c.FPDFText_GetCharAngle(handle, k) > 0.01
        pdfium_c.FPDFText_GetLooseCharBox(handle, k, box)
        chars.append((char, generated, box.left if turned else None))
        if generated or not char.strip():
            continue
        pdfium_c.FPDFText_GetMatrix(handle, k, matrix)  # the font's size is in the text's own units
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        sizes[round(pdfium_c.FPDFText_GetFontSize(handle, k) * scale, 1)] += 1
        if height - box.top >= top_limit and height - box.bottom <= bottom_limit:
            lowest = max(lowest, height - box.bottom)
    textpage.close()
    page.close()
    words = Counter(WORD.findall(_text(chars).casefold()))
    return PrintedPage(words, width > height, (lowest - top_limit) / (bottom_limit - top_limit), sizes)


def _text(chars: list[tuple[str, bool, float | None]]) -> str:
    """The page's text from its characters (each: itself, whether PDFium made it, and for a character turned a
    quarter the left of its box): a space or line break PDFium made is a space, except between two turned
    characters in one column, one word of a chart's axis title, which PDFium breaks after every character."""
    column_after, upcoming = [None] * len(chars), None  # the next real character's column, if it is turned
    for k in range(len(chars) - 1, -1, -1):
        column_after[k] = upcoming
        if not chars[k][1]:
            upcoming = chars[k][2]
    text, column = [], None
    for k, (char, generated, left) in enumerate(chars):
        if not generated:
            text.append(char)
            column = left
        elif column is not None and column_after[k] is not None and abs(column - column_after[k]) < 1:
            text.append("")
        else:
            text.append(" ")
    return "".join(text)


WORD = re.compile(r"\w+")


def assert_pdf_cells_printed_and_pages_filled(site: Path) -> None:
    """Every word of every table cell of a page is in its PDF's text, every cell a cell of its structure, and no
    page but a file's last (or one before a turn to landscape) is less than half filled (test_site.py says why)."""
    import pikepdf
    from bs4 import BeautifulSoup

    pdfs = sorted(site.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDFs in this run (no Chromium)")
    lost, half_empty, untagged, cells = {}, [], {}, 0
    for pdf in pdfs:
        pages = printed(pdf)
        words = sum((p.words for p in pages), Counter())
        turns = [p.landscape != after.landscape for p, after in itertools.pairwise(pages)]  # the last page: none
        half_empty += [
            f"{pdf.name} p. {i}" for i, (p, turn) in enumerate(zip(pages, turns), 1) if p.fill < 0.5 and not turn
        ]
        shown = BeautifulSoup(pdf.with_suffix(".html").read_text(encoding="utf-8"), "html.parser")
        needed = Counter()
        for cell in shown.select("td, th"):
            needed.update(w.casefold() for w in WORD.findall(cell.get_text(" ")))
            cells += 1
        if needed - words:
            lost[pdf.name] = sorted(needed - words)[:10]
        with pikepdf.open(pdf) as doc:  # every cell is a cell of the PDF's structure, an empty one too
            tagged = sum(len(structure_elements(doc.Root.StructTreeRoot, kind)) for kind in ("/TD", "/TH"))
        if tagged != len(shown.select("td, th")):
            untagged[pdf.name] = len(shown.select("td, th")) - tagged
    assert cells > 5000 and lost == {} and half_empty == [] and untagged == {}


def assert_printed_at_8_pt_and_charts_whole(site: Path) -> None:
    """No character of any PDF under 8 pt on paper, and every chart's words on one page of its PDF (test_site.py
    says why)."""
    import base64
    import xml.etree.ElementTree as ET

    from bs4 import BeautifulSoup

    pdfs = sorted(site.rglob("*.pdf"))
    if not pdfs:
        pytest.skip("no PDFs in this run (no Chromium)")
    small, cut, charts = {}, {}, 0
    for pdf in pdfs:
        sizes = sum((p.sizes for p in printed(pdf)), Counter())
        pages = [p.words for p in printed(pdf)]
        if min(sizes) < 7.95:
            small[pdf.name] = {size: n for size, n in sorted(sizes.items()) if size < 7.95}
        page = BeautifulSoup(pdf.with_suffix(".html").read_text(encoding="utf-8"), "html.parser")
        for n, img in enumerate(page.select('img[src^="data:image/svg+xml;base64,"]'), 1):
            charts += 1
            svg = ET.fromstring(base64.b64decode(img["src"].split(",", 1)[1]))
            texts = " ".join(e.text or "" for e in svg.iter() if e.tag.endswith("text"))
            needed = Counter(w.casefold() for w in WORD.findall(texts))
            if not any(needed <= printed for printed in pages):
                cut[f"{pdf.name}, chart {n}"] = sorted(min((needed - printed for printed in pages), key=len))[:8]
    assert charts >= 15 and small == {} and cut == {}
