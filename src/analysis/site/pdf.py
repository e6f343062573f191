"""Every report page and the index printed to PDF with Chromium, through playwright.

A4, tagged (so screen readers and the PDF's language follow the page's `lang`), with an outline from the
headings, and in the footer the run date, the data version and the page number. Each PDF is written beside
its HTML, atomically; a PDF newer than its HTML and made by this version of the library is not printed again.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from analysis import atomic, i18n, stamps
from analysis.errors import ChromiumMissing
from analysis.site.export import DOWNLOADS

CHROMIUM_ENV = "BANENAFSPRAAK_CHROMIUM"
# The outside world stays out: no name lookups, no background traffic (as in the browser tests).
CHROMIUM_ARGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]


def find_chromium() -> str:
    candidates = [
        os.environ.get(CHROMIUM_ENV, ""),
        *(shutil.which(n) or "" for n in ("chromium", "chromium-browser", "google-chrome")),
    ]
    for path in candidates:
        if path and Path(path).is_file():
            return path
    raise ChromiumMissing(
        "printing PDFs needs Chromium, and none was found: install it (on Debian or Ubuntu: "
        "`sudo apt-get install chromium`), or set " + CHROMIUM_ENV + " to a Chromium or Chrome executable. "
        "The HTML reports were not touched."
    )


def report_pages(root: Path, sector_folder: str | None) -> list[Path]:
    """The pages printed: every report's HTML (the sectors' first, in `sector_folder` as reports.toml declares
    it, 'sectors/{sector}'), the sources page every report points to, then the index (last, so it links PDFs
    that exist)."""
    sectors = sorted(root.glob(f"{sector_folder.format(sector='*')}/*.html")) if sector_folder else []
    above = root / Path(sector_folder or ".").parent  # reports/sectors: holds the sectors' folders, no report
    own = ("failed", "data")  # the site's own folders
    others = sorted(p for p in root.glob("*/*.html") if p.parent.name not in own and p.parent != above)
    reports = [*sectors, *(p for p in others if p not in sectors)]  # sector_folder '{sector}': among the others
    return [*reports, root / "sources.html", root / "reading.html", root / "index.html"]


def _footer(lang: str, run_date: str, data_version: str) -> str:
    text = i18n.SITE[i18n.check_lang(lang)]
    made = i18n.date_words(run_date, lang) if run_date else "?"
    left = html.escape(f"{text['site_name']} · {text['run_date']}: {made} · {text['data_version']}: {data_version}")
    return (
        '<div style="font-size:8pt;color:#333;width:100%;margin:0 15mm;display:flex;'
        f'justify-content:space-between"><span>{left}</span>'
        f'<span>{html.escape(text["page"])} <span class="pageNumber"></span> / <span class="totalPages"></span>'
        "</span></div>"
    )


def print_pages(
    pages: list[Path], lang: str, run_date: str, data_version: str, chromium: str, progress=print
) -> list[Path]:
    """Print each page to <page>.pdf unless that PDF is newer than the page; return the PDFs written.

    Runs in a thread of its own: playwright's sync API refuses a thread that already drives a browser
    (as a notebook or a test may)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(_print, pages, lang, run_date, data_version, chromium, progress).result()


def _print(pages: list[Path], lang: str, run_date: str, data_version: str, chromium: str, progress) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            # one tab for every page: a new tab (with its own context) per page took more than twice as long
            # (benchmarks/RESULTS.md); each page is a document of its own all the same
            # laid out as printed (print media, as wide as a portrait page's printable part), so that a table too
            # wide for the page is found before it is printed
            page = browser.new_page(viewport={"width": PORTRAIT_PX, "height": 1100})
            page.emulate_media(media="print")
            for page_path in pages:
                target = page_path.with_suffix(".pdf")
                if _current(target, page_path):
                    continue
                page.goto(page_path.resolve().as_uri(), wait_until="load")
                # what is one click away on screen is printed: a closed <details> printed as a bare "▶"
                page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
                page.evaluate(ALL_IMAGES_LOADED)  # an image the screen loads lazily is printed all the same
                page.evaluate(MARK_WIDE_TABLES)
                seen = page.evaluate(_SEEN)
                pdf = page.pdf(
                    format="A4",
                    tagged=True,
                    outline=True,
                    print_background=True,
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=_footer(lang, run_date, data_version),
                    margin={side: f"{mm}mm" for side, mm in MARGINS_MM.items()},
                    prefer_css_page_size=True,  # a landscape page for a wide table (style.css.j2)
                )
                atomic.write_bytes(target, finished(pdf, target, **seen, page_digest=atomic.file_sha256(page_path)))
                written.append(target)
                progress(f"pdf  {target}")
        finally:
            browser.close()
    return written


# The page's margins (style.css.j2's @page says the same), and the printable width of a portrait A4 page in CSS
# pixels, at which a table too wide for it is found
MARGINS_MM = {"top": 15, "bottom": 18, "left": 12, "right": 12}
PORTRAIT_PX = round((210 - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 96)
# Each table too wide for a portrait page goes on landscape pages of its own, with the heading that leads into it:
# Chromium would otherwise shrink the whole document until the table fits (its 8 pt text to 6 pt).
MARK_WIDE_TABLES = """() => {
    for (const table of document.querySelectorAll('table')) {
        if (table.getBoundingClientRect().width <= document.documentElement.clientWidth + 1) continue;
        const cell = table.closest('.jp-Cell') || table;
        cell.classList.add('landscape');
        const lead = cell.previousElementSibling;
        if (lead && lead.querySelector('h2, h3') && !lead.querySelector('table, img')) lead.classList.add('landscape');
    }
    // the site's footer joins a landscape section that ends the page: a change of page name starts a new sheet,
    // which would hold the footer alone
    const shown = [...document.querySelectorAll('main > *')].filter(e => e.getBoundingClientRect().height > 0);
    const footer = document.querySelector('footer.site');
    if (footer && shown.length && shown[shown.length - 1].classList.contains('landscape')) footer.classList.add('landscape');
}"""


ALL_IMAGES_LOADED = """() => Promise.all([...document.images].map(image => {
    image.loading = 'eager';
    return image.complete ? null : new Promise(done => { image.onload = image.onerror = done; });
}))"""

# What the finishing step needs from the page as the browser has it: each link's text by its resolved address,
# the headings in order, the title and the language.
_SEEN = """() => ({
    links: Object.fromEntries([...document.querySelectorAll('a[href]')].map(a =>
        [a.href, (a.innerText || a.textContent).replace(/\\s+/g, ' ').trim() || a.getAttribute('href')])),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h =>
        h.textContent.replace(/\\s+/g, ' ').trim()),
    title: document.title,
    lang: document.documentElement.lang,
    attachments: [...document.querySelectorAll('.attached[data-file]')].map(e => e.dataset.file),
})"""


def _maker() -> str:
    """What made a PDF, written into it: the library's hash, so a PDF printed by another version is made again."""
    return f"banenafspraak-analyse {stamps.library_hash()[:12]}"


PAGE_DIGEST = "/PageDigest"  # in a PDF's document information: the sha256 of the HTML page it was printed from


def _current(target: Path, page: Path) -> bool:
    """Whether the PDF was printed from the page as it is now (by the digest of its bytes, not by file times,
    which a restore or a clock set back makes lie) and by this version of the library."""
    if not target.is_file() or not page.is_file():
        return False
    import pikepdf

    try:
        with pikepdf.open(target) as doc:
            printed_from = str(doc.docinfo.get(PAGE_DIGEST, ""))
            return printed_from == atomic.file_sha256(page) and doc.open_metadata().get("xmp:CreatorTool") == _maker()
    except pikepdf.PdfError:
        return False


def remove_stale(pages: list[Path], progress=print) -> list[Path]:
    """Remove each page's PDF that no longer shows the page (a run without --pdf changed it): a folder of
    reports never holds a PDF that contradicts its HTML. Returns the PDFs removed."""
    removed = []
    for page in pages:
        target = page.with_suffix(".pdf")
        if target.is_file() and not _current(target, page):
            target.unlink()
            removed.append(target)
            progress(f"pdf  {target} removed: its page changed since it was printed (make pdf prints it again)")
    return removed


def finished(
    pdf: bytes,
    target: Path,
    links: dict[str, str],
    headings: list[str],
    title: str,
    lang: str,
    page_digest: str = "",
    attachments: tuple[str, ...] | list[str] = (),
) -> bytes:
    """Chromium's tagged PDF, finished for PDF/UA as far as it can be checked here (pikepdf):

    - every link relative, as in the HTML (Chromium writes file:///<the folder it was made in>/..., which breaks
      once the folder is zipped and shows the maker's path), and described (/Contents: the link's text);
    - the bookmarks titled as the headings read (Chromium drops the space where a heading wraps);
    - internal links (a quote's number, to its quote) described by their text too;
    - the text and the drawing Chromium leaves outside the structure (the running footer, list numbers, spaces
      between inline elements; page and box backgrounds, borders) marked as artifacts, so that all content is
      tagged or an artifact;
    - the structure types Chromium uses beyond PDF 1.7's standard ones (Strong, Em) role-mapped to Span;
    - the files the page says are attached (a chart's figures, `attachments`, from the PDF's folder) embedded, so
      that a PDF mailed on its own still carries them;
    - XMP metadata with dc:title, dc:language and the PDF/UA identifier; the title shown instead of the file
      name; the document's language in the catalogue;
    - the digest of the page it was printed from, by which a later run knows whether it is still current.
    """
    import io

    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            for annot in page.get("/Annots", []):
                _relative_link(annot, target, links)
                _described_internal_link(annot, links)
            _untagged_content_as_artifacts(doc, page)
        _titled_outline(doc, headings)
        doc.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary({k: pikepdf.Name("/Span") for k in NON_STANDARD_TYPES})
        for name in attachments:
            if (target.parent / name).is_file():
                doc.attachments[name] = pikepdf.AttachedFileSpec(
                    doc,
                    (target.parent / name).read_bytes(),
                    description=title,
                    mime_type=DOWNLOADS.get(Path(name).suffix.lstrip("."), ""),
                )
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["dc:language"] = [lang]
            meta["pdfuaid:part"] = "1"
            meta["xmp:CreatorTool"] = _maker()
        doc.Root.Lang = pikepdf.String(lang)
        doc.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        doc.docinfo["/Title"] = title
        doc.docinfo[PAGE_DIGEST] = page_digest  # what _current compares the page with
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


def _relative_link(annot, target: Path, links: dict[str, str]) -> None:
    """A link annotation's address made relative to the PDF's folder, and its description set."""
    from urllib.parse import unquote, urlsplit

    import pikepdf

    action = annot.get("/A")
    if annot.get("/Subtype") != "/Link" or action is None or "/URI" not in action:
        return
    uri = str(action.URI)
    text = links.get(uri) or links.get(uri.split("#")[0]) or uri
    parts = urlsplit(uri)
    if parts.scheme == "file":
        relative = Path(os.path.relpath(unquote(parts.path), target.parent)).as_posix()
        action.URI = pikepdf.String(relative + (f"#{parts.fragment}" if parts.fragment else ""))
    annot.Contents = pikepdf.String(text)


# Structure types Chromium writes that PDF 1.7 (and so PDF/UA-1) does not define: role-mapped to Span, as inline
# text they are.
NON_STANDARD_TYPES = ("/Strong", "/Em")


def _described_internal_link(annot, links: dict[str, str]) -> None:
    """A link to a place in the same PDF (Chromium writes the target's id as a named destination) described by
    the text of the link that leads there."""
    import pikepdf

    dest = annot.get("/Dest")
    if annot.get("/Subtype") != "/Link" or "/Contents" in annot or not isinstance(dest, (pikepdf.Name, pikepdf.String)):
        return
    anchor = "#" + str(dest).lstrip("/")
    text = next((t for href, t in links.items() if href.endswith(anchor)), anchor)
    annot.Contents = pikepdf.String(text)


def _titled_outline(doc, headings: list[str]) -> None:
    """The bookmarks, in order, titled as the headings they were made from, where they match one to one."""
    with doc.open_outline() as outline:
        items = []

        def walk(level):
            for item in level:
                items.append(item)
                walk(item.children)

        walk(outline.root)
        if len(items) == len(headings):
            for item, heading in zip(items, headings):
                item.title = heading


_SHOWS_TEXT = {"Tj", "TJ", "'", '"'}
_BUILDS_PATH = {"m", "l", "c", "v", "y", "h", "re"}
_PAINTS_PATH = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
_PAINTS_WHOLE = {"sh", "Do"}  # a shading or an image or form, in one operator


def _untagged_content_as_artifacts(doc, page) -> None:
    """Each graphics object outside any marked content wrapped as an artifact: a text object (BT ... ET) after
    the page's last tagged content is the running footer (a pagination artifact), any other is layout; a path
    (from its first construction operator to the one that paints it), a shading or an XObject is a background
    or a border (layout). A graphics object cannot hold q or Q, so wrapping it keeps the stream's nesting whole."""
    import pikepdf

    def artifact(properties):
        return pikepdf.ContentStreamInstruction([pikepdf.Name("/Artifact"), properties], pikepdf.Operator("BDC"))

    layout = pikepdf.Dictionary(Type=pikepdf.Name("/Layout"))
    footer = pikepdf.Dictionary(Type=pikepdf.Name("/Pagination"), Subtype=pikepdf.Name("/Footer"))
    end_mark = pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))
    ops = pikepdf.parse_content_stream(page)
    names = [str(op) for _, op in ops]
    last_tagged = max((i for i, name in enumerate(names) if name == "EMC"), default=-1)
    out, depth, i = [], 0, 0
    while i < len(ops):
        name = names[i]
        end = None
        if depth == 0 and name == "BT":
            end = names.index("ET", i)
            if not _SHOWS_TEXT & set(names[i : end + 1]):
                end = None  # an empty text object shows nothing
            mark = footer if i > last_tagged else layout
        elif depth == 0 and name in _BUILDS_PATH:
            end = next((j for j in range(i, len(ops)) if names[j] in _PAINTS_PATH), None)
            mark = layout
        elif depth == 0 and name in _PAINTS_WHOLE:
            end, mark = i, layout
        if end is not None:
            out += [artifact(mark), *ops[i : end + 1], end_mark]
            i = end + 1
            continue
        depth += {"BDC": 1, "BMC": 1, "EMC": -1}.get(name, 0)
        out.append(ops[i])
        i += 1
    page.Contents = doc.make_stream(pikepdf.unparse_content_stream(out))
