"""A published document read into passages: each paragraph, list item or table cell in order, with the heading
path above it, its number under that heading and, in a PDF, its page. Footnotes are set apart by number, so a
sentence that runs over a page foot reads as the one sentence it is, and a footnote's words (a part-sector
scope such as "21 van de 36 hbo-instellingen") stay at hand for the sentence that points to it.

Plain text is read as a copy from a PDF leaves it: hard line breaks, words broken at a line end, footnotes at a
page's foot and a page's first line indented by one space (pdftotext's habit). HTML is read with BeautifulSoup,
PDF with PDFium (pypdfium2: its lines, with their font size and weight, tell headings and footnotes apart).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import UnreadableDocument
from analysis.extract.vocabulary import VOCABULARY

READING = VOCABULARY.reading  # the thresholds of reading a PDF's lines and a text's headings
MONTH = "|".join(VOCABULARY.years.months)

KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".pdf": "pdf"}


@dataclass(frozen=True)
class Passage:
    """One paragraph, list item or table cell, its text verbatim (line breaks and breaks inside a word at a
    line end undone), with where it stands."""

    text: str
    headings: tuple[str, ...]
    ordinal: int  # its place under its heading, from 1: a paragraph's number
    page: int | None = None  # in a PDF
    cell: tuple[str, str, str] | None = None  # a table cell's table caption, row heading and column heading

    @property
    def context(self) -> str:
        """A table cell's headings, what the number in it is about; empty for a paragraph."""
        return " | ".join(part for part in self.cell if part) or " " if self.cell else ""

    def locator(self) -> str:
        """Where a reader finds it: the heading path and paragraph, or table row and column (and the page, in a
        PDF)."""
        path = " > ".join(self.headings) if self.headings else "vóór het eerste kopje"
        if self.cell:
            caption, row, column = self.cell
            named = [
                f"tabel '{caption}'" if caption else "tabel",
                f"rij '{row}'" if row else "",
                f"kolom '{column}'" if column else "",
            ]
            where = f"{path}, {', '.join(n for n in named if n)}"
        else:
            where = f"{path}, alinea {self.ordinal}"
        return f"pagina {self.page}, {where}" if self.page else where


@dataclass
class Document:
    path: Path
    kind: str  # text, html or pdf
    passages: list[Passage]
    footnotes: dict[str, str] = field(default_factory=dict)
    title: str = ""
    published: str = ""  # a publication date the file states apart from its text (HTML or PDF metadata)
    windows_lines: list[int] = field(default_factory=list)  # a text's lines that were no UTF-8 (read as Windows-1252)


def read(path: Path) -> Document:
    """The document at `path`, or UnreadableDocument saying why it cannot be read."""
    path = Path(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise UnreadableDocument(
            f"{path}: extract reads plain text (.txt), HTML (.html, .htm) or PDF (.pdf), not {path.suffix or 'a file without a suffix'}; "
            "save the document as one of these"
        )
    if not path.is_file():
        raise UnreadableDocument(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument(f"{path}: the file is empty")
    document = {"text": _read_text, "html": _read_html, "pdf": _read_pdf}[kind](path, data)
    if not any(p.text for p in document.passages):
        raise UnreadableDocument(f"{path}: no text found in it")
    return document


def of_text(text: str, path: Path = Path("document.txt")) -> Document:
    """A plain text read as a .txt file is (for a test, or a text pasted in)."""
    return _read_text(Path(path), text.encode("utf-8"))


# ---------------------------------------------------------------- lines to passages (plain text and PDF)


@dataclass
class Line:
    text: str
    page: int | None = None
    gap: bool = False  # a paragraph break before it
    heading: bool | None = None  # known from the font (PDF); None: judged from the text
    page_start: bool = False


# A footnote's line opens with its number; a date line ("12 juli 2022 | Door redactie") is none.
# Nor is a number before another ("34 352 Uitvoering ...", a Kamerstuk's number).
FOOTNOTE = re.compile(rf"^(\d{{1,2}})\s+(?!(?:{MONTH})\b|\d)(\S.*)$", re.IGNORECASE)
BULLET = re.compile(r"^[•▪◦●\uf0b7\uf0a7\u2013\-*]\s*")
SENTENCE_END = re.compile(r"[.!?:;]\W*\d{0,2}$")


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= READING.heading_words
        and len(text) <= READING.heading_chars
        and not re.search(r"[.,;:!?]$", text)
        and "," not in text
        and (text[0].isupper() or text[0].isdigit())
        and not BULLET.match(text)
    )


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one text: a word broken at a line end ("verantwoorde-/lijkheid") is whole again,
    a compound's own hyphen ("hbo-/instellingen", "Noord-/Veluwe") stays, with no space after it."""
    parts: list[str] = []  # joined once at the end: a paragraph of thousands of lines costs each line once
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        broken = re.search(r"([^\W\d_]+)-$", parts[-1]) if parts else None
        if broken and line[0].islower():
            whole = len(broken.group(1)) >= 4 and broken.group(1).islower()
            parts[-1] = (parts[-1][:-1] if whole else parts[-1]) + line
        elif broken and (line[0].isupper() or line[0].isdigit()):  # "Noord-/Veluwe", "1e-/2e": the hyphen's own
            parts[-1] += line
        else:
            parts.append(line)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _passages(lines: list[Line]) -> list[Passage]:
    """Paragraphs (a gap between them), list items (a bullet) and headings (a short line without a full stop that
    stands alone or opens a paragraph; a heading followed by another heading is a group above it)."""
    blocks: list[list[Line]] = []
    for line in lines:
        starts_item = bool(BULLET.match(line.text.strip()))
        after_sentence = bool(blocks) and bool(blocks[-1]) and SENTENCE_END.search(blocks[-1][-1].text.strip())
        heading_after_page = line.page_start and after_sentence and _looks_like_heading(line.text.strip())
        if (
            not blocks
            or line.gap
            or starts_item
            or line.heading
            or heading_after_page
            or (blocks[-1] and blocks[-1][-1].heading)
        ):
            blocks.append([])
        blocks[-1].append(line)
    blocks = [b for b in blocks if any(ln.text.strip() for ln in b)]

    def is_heading(block: list[Line]) -> bool:
        first = block[0]
        if first.heading is not None:
            return first.heading
        text = first.text.strip()
        return _looks_like_heading(text) and (len(block) == 1 or block[1].text.strip()[:1].isupper())

    passages: list[Passage] = []
    group: str | None = None
    heading: str | None = None
    ordinal = 0
    for i, block in enumerate(blocks):
        if is_heading(block):
            title = _join([block[0].text])
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if len(block) == 1 and following is not None and is_heading(following):
                group, heading = title, None
            else:
                heading = title
            ordinal = 0
            block = block[1:]
            if not block:
                continue
        ordinal += 1
        text = _join([ln.text for ln in block])
        path = tuple(h for h in (group, heading) if h)
        passages.append(Passage(text, path, ordinal, block[0].page))
    return passages


def _footnotes_apart(lines: list[Line]) -> tuple[list[Line], dict[str, str]]:
    """The footnotes at a page's foot taken out of the running text: a numbered line after a blank line, up to the
    next page's first line (indented by one space) or the end. The blank lines before them go too, so that a
    sentence running over the page foot stays one paragraph."""
    kept: list[Line] = []
    notes: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        # below some text (a page's foot), never the document's first line
        if FOOTNOTE.match(line.text) and kept and not lines[i - 1].text.strip():
            end = i + 1
            while end < len(lines) and not lines[end].page_start and end - i < READING.footnote_lines:
                end += 1
            if end == len(lines) or lines[end].page_start:
                mark = None
                for note_line in lines[i:end]:
                    found = FOOTNOTE.match(note_line.text)
                    if found:
                        mark = found.group(1)
                        notes[mark] = found.group(2).strip()
                    elif mark and note_line.text.strip():
                        notes[mark] = _join([notes[mark], note_line.text])
                while kept and not kept[-1].text.strip():
                    kept.pop()
                i = end
                continue
        kept.append(line)
        i += 1
    return kept, notes


def _text_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pages = text.split("\f")  # pdftotext ends each page with a form feed; a text without one has no pages
    for page_no, page in enumerate(pages, start=1):
        for j, raw in enumerate(page.split("\n")):
            raw = raw.rstrip()
            starts = j == 0 or bool(re.match(r"^ \S", raw))
            numbered = page_no if len(pages) > 1 else None
            lines.append(Line(raw.strip(), numbered, page_start=starts and page_no + j > 1))
    # a blank line is a paragraph break: mark the line after it, drop the blank ones later
    return lines


def _gaps(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    gap = False
    for line in lines:
        if not line.text:
            gap = True
            continue
        line.gap = gap or line.gap
        gap = False
        out.append(line)
    return out


def _decoded(data: bytes) -> tuple[str, list[int]]:
    """UTF-8 (with or without a byte order mark); a line that is no UTF-8 is read as Windows-1252, a Windows
    copy's, and only that line: one stray byte does not turn the whole file into mojibake. Returns the text and
    the numbers (from 1) of the lines so read, for the summary line to name."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
        decoded = [_line_decoded(line) for line in lines]
        return "\n".join(text for text, _ in decoded), [k for k, (_, windows) in enumerate(decoded, start=1) if windows]


def _line_decoded(line: bytes) -> tuple[str, bool]:
    try:
        return line.decode("utf-8"), False
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace"), True  # every byte is a character there


def _read_text(path: Path, data: bytes) -> Document:
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{path}: this is not plain text (it holds NUL bytes); save it as UTF-8 text")
    text, windows_lines = _decoded(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines, notes = _footnotes_apart(_text_lines(text))
    first = next((ln.text for ln in lines if ln.text.strip()), "")
    title = first if first and not SENTENCE_END.search(first) and len(first.split()) <= 20 else path.stem
    return Document(path, "text", _passages(_gaps(lines)), notes, title=title, windows_lines=windows_lines)


# ---------------------------------------------------------------- HTML

SKIPPED = ["script", "style", "noscript", "template", "nav", "footer", "form", "svg", "button", "select", "iframe",
           "object", "embed", "textarea", "head"]  # fmt: skip
BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "blockquote", "figcaption", "td", "th", "div"]
CELLS = ("td", "th")
# What a reader does not see: hidden by attribute, for assistive technology only, or by style
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(tag) -> bool:
    return (
        tag.has_attr("hidden")
        or str(tag.get("aria-hidden", "")).lower() == "true"
        or bool(HIDDEN_STYLE.search(str(tag.get("style", ""))))
    )


def _text_of(tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()


def _own_text(tag) -> str:
    """The text of a block that stands directly in it, beside its inner blocks ("<div>Tekst <p>...</p></div>")."""
    from bs4 import Comment, NavigableString

    parts = []
    for node in tag.children:
        if isinstance(node, NavigableString):
            parts += [] if isinstance(node, Comment) else [str(node)]
        elif node.name not in BLOCKS and not node.find(BLOCKS):
            parts.append(_text_of(node))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def _blocks(body):
    """The blocks to read, in order, each with its text: a table cell whole (the paragraphs in it too: Word's
    HTML), the innermost of other blocks, and the text a block holds beside its inner blocks."""
    for tag in body.find_all(BLOCKS):
        if tag.find_parent(CELLS) is not None:
            continue  # read with its cell
        if tag.name in CELLS:
            yield tag, _text_of(tag)
        elif tag.find(BLOCKS):
            own = _own_text(tag)
            if own:
                yield tag, own
        else:
            yield tag, _text_of(tag)


def _read_html(path: Path, data: bytes) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else path.stem
    published = _html_published(soup)
    for tag in soup.find_all(SKIPPED):
        tag.decompose()
    for tag in [t for t in soup.find_all(True) if _hidden(t)]:
        tag.decompose()
    body = soup.body or soup
    headings: dict[int, str] = {}
    ordinal = 0
    passages: list[Passage] = []
    for tag, text in _blocks(body):
        if not text:
            continue
        if re.fullmatch(r"h[1-6]", tag.name):
            level = int(tag.name[1])
            headings = {lv: h for lv, h in headings.items() if lv < level} | {level: text}
            ordinal = 0
            continue
        ordinal += 1
        path_ = tuple(headings[lv] for lv in sorted(headings))
        passages.append(Passage(text, path_, ordinal, cell=_cell(tag, _text_of) if tag.name == "td" else None))
    return Document(path, "html", passages, {}, title=title, published=published)


# Where a page states its publication date apart from its text: Open Graph's article tag, Dublin Core, a <time>.
PUBLISHED_META = ["article:published_time", "dcterms.issued", "dcterms.created", "dc.date", "date", "pubdate"]


def _html_published(soup) -> str:
    for name in PUBLISHED_META:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag is not None and tag.get("content"):
            return str(tag["content"])[:10]
    time = soup.find("time", attrs={"datetime": True})
    return str(time["datetime"])[:10] if time is not None else ""


def _cell(cell, text_of) -> tuple[str, str, str]:
    """A table cell's caption, row heading (the row's first cell) and column heading (the cell above it in the
    table's first row): what the number in the cell is about."""
    row = cell.find_parent("tr")
    table = cell.find_parent("table")
    cells = row.find_all(["td", "th"], recursive=False) if row is not None else [cell]
    index = cells.index(cell)
    first_row = table.find("tr") if table is not None else None
    heads = first_row.find_all(["td", "th"], recursive=False) if first_row is not None else []
    caption = table.find("caption") if table is not None else None
    return (
        text_of(caption) if caption is not None else "",
        text_of(cells[0]) if index > 0 else "",
        text_of(heads[index]) if first_row is not row and index < len(heads) else "",
    )


# ---------------------------------------------------------------- PDF


@dataclass(frozen=True)
class _PdfLine:
    """A PDF's line as the reader needs it, without its characters (kept, they would hold a long PDF whole)."""

    text: str
    top: float
    bottom: float
    size: float  # the largest type on the line
    bold: bool


@dataclass(frozen=True, slots=True)
class _PdfRun:
    """Characters PDFium gives in a row from one text object (a word, or a line, as the PDF sets them), or the
    spaces and line breaks it adds between them. One text object is set upright or turned as a whole, in one font
    and size, on one baseline, so the reader takes the run's box from its first and last character instead of
    asking PDFium for each character's: a long PDF has a million characters."""

    text: str
    x0: float
    x1: float
    top: float  # from the page's top, as a reader measures
    bottom: float
    size: float
    bold: bool
    generated: bool  # a space or line break PDFium adds where the layout has one
    inked: int  # how many of its characters are not white space


def _pdf_pages(path: Path) -> tuple[list[tuple[float, list[_PdfLine]]], Counter, str]:
    """Each page's height and lines, the type sizes of all characters, and the creation date; page by page, each
    page let go before the next is read. PDFium (pypdfium2) gives each character with its text object, in the
    order the page sets them, with the spaces and line breaks of the layout marked (pdfplumber, read before, spent
    most of its time turning each character into a dictionary: benchmarks/extract/RESULTS.md)."""
    import pypdfium2 as pdfium

    pages, sizes = [], Counter()
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise UnreadableDocument(
                f"{path}: the PDF is encrypted with a password; save a copy without one (or take the text from "
                "the publisher's web page)"
            ) from None
        raise UnreadableDocument(f"{path}: this is not a readable PDF ({err})") from None
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            height = page.get_height()
            runs = _pdf_runs(page, height)
            page.close()
            lines = [ln for column in _columns(runs) for ln in _pdf_lines(column)]
            for run in runs:
                if run.inked:
                    sizes[round(run.size, 1)] += run.inked
            pages.append((height, lines))
        created = str(pdf.get_metadata_dict().get("CreationDate", ""))
    finally:
        pdf.close()
    return pages, sizes, created


@functools.cache
def _text_object_at():
    """FPDFText_GetTextObject returning the object's address as a number (None for a character PDFium adds):
    pypdfium2's own returns a pointer, whose address costs a cast at each of a million characters."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


def _page_text(handle, count: int) -> str:
    """The page's characters, one for each of PDFium's, taken in one call. PDFium marks a hyphen at a line's end
    (U+0002, or U+FFFE in a page's text); it is read as the hyphen it is."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    buffer = ctypes.create_string_buffer((count + 1) * 2)
    written = pdfium_c.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: max(written - 1, 0) * 2].decode("utf-16-le", "replace")
    if len(text) != count:  # a character outside the Basic Multilingual Plane takes two places: ask one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, k)) for k in range(count))
    return text.replace("\ufffe", "-").replace("\x02", "-")


def _pdf_runs(page, height: float) -> list[_PdfRun]:
    """The page's upright runs (_PdfRun); a turned one (a stamp or a margin's running title set sideways) is left
    out: read along a line, it would be garbage. Bold is the font's: its weight, or a name such as
    Helvetica-Bold (a standard font has no weight), looked up once per font."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    handle = textpage.raw
    object_at = _text_object_at()
    try:
        count = pdfium_c.FPDFText_CountChars(handle)
        text = _page_text(handle, count)
        objects = [object_at(handle, k) for k in range(count)]
        bold_of: dict[int, bool] = {}
        runs = []
        for first, last in _spans(objects):
            chars = text[first : last + 1]
            if objects[first] is None:
                runs.append(_PdfRun(chars, 0.0, 0.0, 0.0, 0.0, 0.0, False, True, 0))
                continue
            angle = pdfium_c.FPDFText_GetCharAngle(handle, first)
            if min(angle, abs(angle - 2 * math.pi)) > 0.01:
                continue
            runs.append(_pdf_run(handle, first, last, chars, height, bold_of))
    finally:
        textpage.close()
    return runs


def _spans(objects: list) -> list[tuple[int, int]]:
    """The first and last index of each stretch of characters of one text object (or of none)."""
    cuts = [k for k in range(1, len(objects)) if objects[k] != objects[k - 1]]
    starts = [0, *cuts] if objects else []
    return [(start, end - 1) for start, end in zip(starts, [*cuts, len(objects)])]


def _pdf_run(handle, first: int, last: int, chars: str, height: float, bold_of: dict[int, bool]) -> _PdfRun:
    import pypdfium2.raw as pdfium_c

    box = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(handle, last, box)  # a line's characters share its top
    left, right = box.left, box.right
    pdfium_c.FPDFText_GetLooseCharBox(handle, first, box)
    left, right = min(left, box.left), max(right, box.right)  # a run may be set right to left
    font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(handle, first))
    key = _address(font)
    if key not in bold_of:
        bold_of[key] = bool(font) and _bold_font(font)
    inked = len("".join(chars.split()))
    return _PdfRun(
        chars, left, right, height - box.top, height - box.bottom,
        pdfium_c.FPDFText_GetFontSize(handle, first), bold_of[key], False, inked,
    )  # fmt: skip


def _address(pointer) -> int:
    import ctypes

    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _bold_font(font) -> bool:
    import ctypes

    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDFFont_GetWeight(font) >= 600:
        return True
    name = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
    return "bold" in name.raw[: max(length - 1, 0)].decode("utf-8", "replace").lower()


def _columns(runs: list[_PdfRun]) -> list[list[_PdfRun]]:
    """The page's columns, left to right: two where a gutter free of characters runs down the middle of its text
    (read line by line across it, two columns would be merged into sentences that stand nowhere); else the page."""
    inked = [r for r in runs if r.inked]
    if sum(r.inked for r in inked) < READING.column_min_chars:
        return [runs]
    left, right = min(r.x0 for r in inked), max(r.x1 for r in inked)
    step = 2.0
    middle = range(int((right - left) / step * 0.3 + 0.3), int((right - left) / step * 0.7 + 0.7))
    gaps = sorted(set(middle) - _covered(inked, left, step, middle))
    if len(gaps) * step < READING.column_gutter:
        return [runs]
    cut = left + (sum(gaps) / len(gaps)) * step
    share = sum(r.inked for r in inked if r.x1 <= cut) / sum(r.inked for r in inked)
    if not 0.2 <= share <= 0.8:
        return [runs]
    inside = [r for r in runs if not r.generated]  # the layout's spaces and breaks ran across the gutter
    return [[r for r in inside if r.x1 <= cut], [r for r in inside if r.x1 > cut]]


def _covered(inked: list[_PdfRun], left: float, step: float, middle: range) -> set[int]:
    """The steps of the page's middle that some run covers."""
    covered = set()
    for r in inked:
        first, last = max(int((r.x0 - left) / step), middle.start), min(int((r.x1 - left) / step), middle.stop - 1)
        covered.update(range(first, last + 1))
    return covered


def _pdf_lines(runs: list[_PdfRun]) -> list[_PdfLine]:
    """The runs as lines, top to bottom: a run starts a new line where PDFium marks a line break or where it
    sits below or above the line so far; a space stands where PDFium marks one or a gap is as wide."""
    rows: list[list[_PdfRun]] = [[]]
    line: tuple[float, float] | None = None  # the top and bottom of the current line's inked runs, if any
    for r in runs:
        if r.generated and ("\r" in r.text or "\n" in r.text):
            rows.append([])
            line = None
            continue
        if not r.inked:  # a space's box says nothing of its line
            rows[-1].append(r)
            continue
        if line is not None and (r.top > line[1] - r.size * 0.3 or r.bottom < line[0] + r.size * 0.3):
            rows.append([])
            line = None
        rows[-1].append(r)
        line = (r.top, r.bottom) if line is None else (min(line[0], r.top), max(line[1], r.bottom))
    lines = [_pdf_line(row) for row in rows if any(r.inked for r in row)]
    return sorted(lines, key=lambda ln: ln.top)


def _pdf_line(row: list[_PdfRun]) -> _PdfLine:
    inked = [r for r in row if r.inked]
    text = []
    previous = None
    for r in row:
        if r.generated:
            text.append(" ")
            continue
        if previous is not None and r.x0 - previous.x1 > previous.size * 0.2:
            text.append(" ")
        text.append(r.text)
        previous = r
    return _PdfLine(
        " ".join("".join(text).split()),
        min(r.top for r in inked),
        max(r.bottom for r in inked),
        max(r.size for r in inked),
        all(r.bold for r in inked),
    )


def _read_pdf(path: Path, data: bytes) -> Document:
    pages, sizes, created = _pdf_pages(path)
    if not any(text_lines for _, text_lines in pages):
        raise UnreadableDocument(
            f"{path}: the PDF holds no text, only images (a scan?): run text recognition (OCR) on it first, "
            "or take the text from the publisher's web page"
        )
    body = sizes.most_common(1)[0][0]
    lines: list[Line] = []
    notes: dict[str, str] = {}
    for page_no, (height, text_lines) in enumerate(pages, start=1):
        spacing = [b.top - a.top for a, b in itertools.pairwise(text_lines) if b.top > a.top]
        usual = sorted(spacing)[len(spacing) // 2] if spacing else 0
        previous_bottom = None
        mark = None
        for k, ln in enumerate(text_lines):
            found = FOOTNOTE.match(ln.text)
            small = ln.size < body * READING.footnote_size
            # a footnote: in smaller type at the page's foot, or in smaller type opening with its number (a
            # document made from a word processor may set its notes where the text was), and the lines after it
            if small and (ln.top > height * READING.footnote_page_share or found or mark):
                if found:
                    mark = found.group(1)
                    notes[mark] = found.group(2).strip()
                elif mark:
                    notes[mark] = _join([notes[mark], ln.text])
                continue
            mark = None
            gap = (
                previous_bottom is not None
                and usual
                and ln.top - previous_bottom > usual * READING.paragraph_gap - (ln.bottom - ln.top)
            )
            heading = (ln.bold or ln.size > body * READING.heading_size) and _looks_like_heading(ln.text.strip())
            lines.append(Line(ln.text, page_no, gap=bool(gap), heading=heading or None, page_start=k == 0))
            previous_bottom = ln.bottom
    for line in lines:  # a PDF says which lines are headings; every other line is not one
        line.heading = bool(line.heading)
    # a PDF's creation date (D:20251118...) as the date it was published, when nothing better is given
    found = re.match(r"D:(\d{4})(\d{2})(\d{2})", created)
    published = "-".join(found.groups()) if found else ""
    return Document(path, "pdf", _passages(lines), notes, title=path.stem, published=published)
