"""What the notebooks call: load the data once, check the parameters, show headings, text and tables.

The notebooks stay thin; everything they show is made here or in plots, where it is tested.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from analysis import i18n
from analysis.data.dataset import Dataset
from analysis.data.registry import cite, national_sectors, sector_names
from analysis.dictionary import BASES, CHECKS, MEASURES, OUTCOMES, PERIODS, scope_label
from analysis.display import answer, narrative, plots, summary, tables
from analysis.trends import coverage
from analysis.trends import sector as one_sector


def _show_figures_inline() -> None:
    """Let IPython render a returned Figure as PNG and SVG (charts are made without pyplot,
    so the inline backend never registers itself)."""
    import matplotlib as mpl
    from IPython import get_ipython
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    if get_ipython() is not None:
        set_matplotlib_formats("png", "svg")
        mpl.rcParams["svg.fonttype"] = "none"  # text in SVG charts stays text: searchable, selectable


_LOADED: dict[str, tuple[dict[str, str], Dataset]] = {}  # raw folder -> (checksums it was read with, data)


def load(raw: Path | None = None) -> Dataset:
    """The tidy data and registries from data/raw, validated; also sets up chart display.

    Inside a report run the run has validated data/raw already and hands over the result (a file it
    wrote). Otherwise data/raw is read here and kept for the kernel's lifetime, but never stale: every
    call compares the raw files' checksums with those it was read with, and reads again (saying which
    files changed) when a figure was added or edited meanwhile.
    """
    _show_figures_inline()
    handed_over = Dataset.handed_over()
    if handed_over is not None:
        return handed_over
    from analysis import paths
    from analysis.data.tidy import build_tidy, load_raw
    from analysis.stamps import raw_checksums

    folder = Path(raw) if raw is not None else paths.raw_dir()
    sums = raw_checksums(folder)
    cached = _LOADED.get(str(folder.resolve()))
    if cached and cached[0] == sums:
        return cached[1]
    if cached:
        changed = sorted(k for k in sums.keys() | cached[0].keys() if sums.get(k) != cached[0].get(k))
        print(f"{folder} changed since the last load ({', '.join(changed)}): read again")
    data_raw = load_raw(folder)
    data = Dataset.of(data_raw, build_tidy(data_raw))
    _LOADED[str(folder.resolve())] = (sums, data)
    return data


def check_parameters(data: Dataset, lang: str, sector: str | None = None) -> None:
    """Fail loudly on a bad parameter instead of running with something else."""
    i18n.check_lang(lang)
    if sector is not None and sector not in set(data.sectors["sector"]):
        from analysis.errors import ParameterError

        raise ParameterError([f"unknown sector {sector!r}; known: {', '.join(data.sectors['sector'])}"])


# Data text reaches a page only through these: escaped HTML, never Markdown, whose renderer
# would turn '[x](javascript:...)' or '![x](https://...)' in a name into a live link or a fetch.


def paragraph(text: str, tag: str = "p") -> HTML:
    return HTML(f"<{tag}>{html.escape(text)}</{tag}>")


def sector_title(data: Dataset, sector: str, lang: str) -> HTML:
    name = sector_names(data.sectors, lang)[sector]
    unit = data.sectors.set_index("sector").at[sector, "unit"]
    return HTML(f"<h1>{html.escape(name)}</h1>\n<p><em>{html.escape(i18n.t(lang, 'unit_' + unit))}</em></p>")


def sector(data: Dataset, name: str, lang: str = "nl", today=None):
    """One sector's figures and verdicts (trends.sector.SectorFigures), computed once; shown in JupyterLab as
    its answer in words. A sector that does not exist is refused with the list of those that do."""
    check_parameters(data, lang, name)
    return SectorView(one_sector.sector_figures(data, name, today), data, lang)


class SectorView:
    """A SectorFigures as JupyterLab shows it: its answer in the chosen language (the figures' attributes read
    through)."""

    def __init__(self, figures, data: Dataset, lang: str = "nl"):
        self.figures, self._data, self._lang = figures, data, lang

    def __getattr__(self, attribute: str):
        return getattr(self.figures, attribute)

    def text(self, lang: str | None = None) -> str:
        lang = lang or self._lang
        name = sector_names(self._data.sectors, lang)[self.figures.sector]
        labels = f"{answer.stand_label(self.figures.stand, lang)} · {answer.outlook_label(self.figures.outlook, lang)}"
        return f"{name}: {labels}\n{answer.answer_text(self.figures, name, lang, self._data.sources)}"

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        return sector_answer(self._data, self.figures.sector, self._lang, self.figures).data


READING_FROM_REPORT = "../../reading.html"  # a report's page lies two folders below the site's root


def sector_answer(data: Dataset, sector: str, lang: str, figures=None) -> HTML:
    """What a sector page opens with: the stand and the outlook as labels that say it in words (never colour
    alone), the answer in bold, and how old the newest figure is."""
    figures = figures or one_sector.sector_figures(data, sector)
    name = sector_names(data.sectors, lang)[sector]
    outlook = figures.outlook.missing or figures.outlook.status
    labels = (
        f'<span class="status status-{figures.stand.status}">{html.escape(answer.stand_label(figures.stand, lang))}</span> '
        f'<span class="status status-{outlook}">{html.escape(answer.outlook_label(figures.outlook, lang))}</span>'
    )
    stand = answer.stand_sentence(figures, name, lang, data.sources)
    outlook_text = answer.outlook_sentence(figures, lang, data.sources)
    return HTML(
        f'<div class="answer" id="{i18n.t(lang, "answer_anchor")}">\n<p class="labels">{labels}</p>\n'
        f"<p><strong>{html.escape(stand)} {html.escape(outlook_text)}</strong></p>\n"
        f'<p class="meta">{html.escape(answer.latest_sentence(figures, lang))} '
        f'<a href="{READING_FROM_REPORT}">{html.escape(i18n.answer_word(lang, "how_to_read"))}</a></p>\n</div>'
    )


def sector_grounds(data: Dataset, sector: str, lang: str) -> HTML:
    """'Waarop dit oordeel berust': every figure the answer rests on, with its source and its place in it; a
    figure this project computed says how."""
    figures = one_sector.sector_figures(data, sector)
    tidy = data.tidy
    items = []
    for g in answer.grounds(figures):
        label = f"{MEASURES[g.measure].label(lang)} {g.year}: {tables.value_text(g.value, g.precision, g.measure, g.qualifier, lang)}"
        if g.status == "reported":
            row = tidy[
                (tidy["sector"] == sector) & (tidy["year"] == g.year) & (tidy["measure"] == g.measure)
                & (tidy["basis"] == g.basis) & (tidy["source_id"] == g.source_id) & (tidy["status"] == "reported")
            ]  # fmt: skip
            place = i18n.locator(row["locator"].iloc[0], lang) if len(row) else ""
            where = ", ".join(p for p in (cite(data.sources, g.source_id, lang), place) if p)
        else:
            where = i18n.answer_word(lang, "derived_ground")
        items.append(f"<li>{html.escape(label)} — {html.escape(where)}</li>")
    heading = i18n.answer_word(lang, "grounds_heading")
    if not items:
        return HTML("")
    return HTML(f'<h2>{html.escape(heading)}</h2>\n<ul class="grounds">\n' + "\n".join(items) + "\n</ul>")


def sector_text(data: Dataset, sector: str, lang: str) -> HTML:
    """What the answer the page opens with does not already tell of the latest figures (their change, another
    count's figures), then a 'Let op: ...' for each finding of the consistency report about the sector that the
    answer does not tell (as on the coverage page). Nothing where the answer told it all."""
    name = sector_names(data.sectors, lang)[sector]
    told = answer.told_findings(one_sector.sector_figures(data, sector))  # the answer above says these already
    warnings = "".join(
        f'<p class="warning"><strong>{html.escape(w)}</strong></p>\n'
        for w in narrative.sector_warnings(data, sector, lang, told)
    )
    said = narrative.sector_text(summary.sector_summary(data, sector), name, lang, answered=True)
    text = f'<p id="{i18n.t(lang, "verdict_anchor")}">{html.escape(said)}</p>\n' if said else ""
    return HTML(text + warnings)


EMPTY_CELL = "—"  # a table cell without a figure or text


def _readable_table(table: pd.DataFrame, lang: str, caption: str, link_column: str | None = None) -> HTML:
    """A table as the reader sees it: its caption, no row numbers, numbers as the language writes them; in
    `link_column` each quote number links to its quote (no script needed)."""

    def show(value):
        # an empty cell says so: a PDF keeps no empty cell in its structure, which moves a screen reader's
        # reading of the cells after it under the wrong heading
        if isinstance(value, float) and pd.isna(value) or value is pd.NA or value == "":
            return EMPTY_CELL
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return i18n.number(value, lang, 2, trim=True)
        return value

    # escape: data text (titles, notes) is shown as text, never run as HTML
    styler = table.style.hide(axis="index").format(show, escape="html").set_caption(html.escape(caption))
    if link_column is not None:
        link = lambda text: f'<a href="#q{text.strip("[]")}">{text}</a>' if text else EMPTY_CELL
        styler = styler.format(link, subset=[link_column], escape="html")
    return _plain(styler)


def _plain(styler) -> HTML:
    """A styled table as plain HTML: no <style> element (inside a page's body that is invalid HTML; the site's
    style sheet gives tables their look) and no generated ids or classes."""
    return HTML(styler.to_html(exclude_styles=True))


def sector_figures(data: Dataset, sector: str, lang: str) -> HTML:
    """The sector's figures; each quote number links to its quote in sector_evidence."""
    quote = i18n.COLUMNS[lang]["evidence"]
    caption = i18n.t(lang, "caption_figures", name=sector_names(data.sectors, lang)[sector])
    return _readable_table(tables.figures_table(data, sector, lang), lang, caption, link_column=quote)


def sector_evidence(data: Dataset, sector: str, lang: str) -> HTML:
    """The quotes behind the figures table, numbered as its quote column: verbatim, with source and place."""
    items = tables.evidence_list(data, sector, lang)
    if not items:
        return HTML("")
    head = html.escape(i18n.t(lang, "evidence_title"))
    lis = "\n".join(
        f'<li id="q{e["number"]}" value="{e["number"]}"><blockquote class="quote" lang="{i18n.SOURCE_LANG}">'
        f"{html.escape(e['quote'])}</blockquote> "
        f"— {html.escape(e['source'])}, {html.escape(e['locator'])}</li>"
        for e in items
    )
    return HTML(f"<h2>{head}</h2>\n<ol>\n{lis}\n</ol>")


def answers(data: Dataset, lang: str):
    """Every sector's answer in a row: stand, outlook and newest figure."""
    return _readable_table(tables.answers_table(data, lang), lang, i18n.SITE[lang]["answers_caption"])


def national_text(data: Dataset, lang: str) -> HTML:
    """Per national aggregate its answer, then its latest figures and their change."""
    names = sector_names(data.sectors, lang)
    parts = []
    for s in national_sectors(data.sectors):
        figures = one_sector.sector_figures(data, s)
        said = answer.answer_text(figures, names[s], lang, data.sources)
        context = narrative.sector_text(summary.sector_summary(data, s), names[s], lang, answered=True)
        # a heading per aggregate, not bold run-in text: a reader (and a screen reader) can go to each one
        told = f"{said} {context}".strip()
        parts.append(f"<h2>{html.escape(names[s])}</h2>\n<p>{html.escape(told)}</p>")
    return HTML("\n".join(parts))


def _readable(frame: pd.DataFrame, data: Dataset, lang: str, caption: str):
    names = sector_names(data.sectors, lang)
    out = frame.assign(sector=frame["sector"].map(names)) if "sector" in frame else frame
    return _readable_table(out.rename(columns=i18n.COLUMNS[lang]), lang, caption)


def freshness(data: Dataset, lang: str):
    table = coverage.freshness(data).merge(coverage.source_mix(data), on="sector")
    return _readable(table, data, lang, i18n.t(lang, "caption_freshness"))


def coverage_table(data: Dataset, measure: str, lang: str):
    matrix = coverage.coverage_matrix(data, measure)
    marks = {"reported": "●", "derived": "○", "": EMPTY_CELL}
    matrix = matrix.apply(lambda column: column.map(marks))
    matrix.index = matrix.index.map(sector_names(data.sectors, lang))
    # one header row (the sector's column named in the report's language, then the years): a screen reader
    # then pairs every cell with its year and sector; an index with a name made a second, empty header row
    table = matrix.rename(columns=str).rename_axis(None).reset_index(names=i18n.COLUMNS[lang]["sector"])
    legend = "   ".join(
        f"{mark} {i18n.t(lang, key)}"
        for mark, key in (("●", "legend_reported"), ("○", "legend_derived"), (EMPTY_CELL, "legend_none"))
    )
    caption = html.escape(i18n.t(lang, "caption_coverage", legend=legend))
    return _plain(table.style.hide(axis="index").format(escape="html").set_caption(caption))


def consistency(data: Dataset, lang: str):
    """The consistency report's findings, with the checks, outcomes and measures in the report's words."""
    # the check's name says what was compared, in the page's language; the data's own explanation (English) stays
    # in consistency.csv
    findings = coverage.consistency_findings(data, lang).drop(columns=["tolerance", "explanation"])
    for column, vocabulary in (("check", CHECKS), ("outcome", OUTCOMES), ("measure", MEASURES), ("period", PERIODS)):
        findings[column] = findings[column].map(lambda key, v=vocabulary: v[key].label(lang) if key in v else key)
    findings["scope"] = [scope_label(s, lang) or i18n.COLUMNS[lang]["whole_sector"] for s in findings["scope"]]
    return _readable(findings, data, lang, i18n.t(lang, "caption_consistency"))


def sectors_without_figures(data: Dataset, lang: str) -> HTML:
    """Sectors with no figure at all, and sectors with figures for part of the sector only."""
    names = sector_names(data.sectors, lang)
    missing = [names[s] for s in coverage.without_figures(data)]
    partial = [names[s] for s in coverage.only_part_sector(data)]
    parts = []
    if missing:
        parts.append(
            f"<p><strong>{html.escape(i18n.t(lang, 'without_figures'))}:</strong> {html.escape(', '.join(missing))}</p>"
        )
    if partial:
        parts.append(
            f"<p><strong>{html.escape(i18n.t(lang, 'only_part_figures'))}:</strong> "
            f"{html.escape(', '.join(partial))}</p>"
        )
    return HTML("\n".join(parts) or paragraph(i18n.t(lang, "all_have_figures")).data)


def readings_beside_the_series(data: Dataset, lang: str):
    """Quarterly readings and part-sector figures: shown, marked, never in a series."""
    h = i18n.COLUMNS[lang]
    rows = coverage.readings_beside_the_series(data)
    table = pd.DataFrame(
        {
            h["sector"]: rows["sector"].map(sector_names(data.sectors, lang)),
            h["year"]: rows["year"].astype("Int64").astype(str),
            h["period"]: [PERIODS[p].label(lang) for p in rows["period"]],
            h["scope"]: [scope_label(s, lang) or h["whole_sector"] for s in rows["scope"]],
            h["measure"]: [MEASURES[m].label(lang) for m in rows["measure"]],
            h["value"]: [
                tables.value_text(r.value, r.precision, r.measure, r.qualifier, lang) for r in rows.itertuples()
            ],
            h["basis"]: [BASES[b].label(lang) if b in BASES else h["none"] for b in rows["basis"]],
            h["source_id"]: [cite(data.sources, i, lang) for i in rows["source_id"]],
        }
    )
    return _readable_table(table, lang, i18n.t(lang, "caption_readings"))


# ------------------------------------------------------------------ charts with their text alternatives


class Chart:
    """A chart as a notebook shows it: PNG and SVG with its alt text in the output's metadata (where the
    report's HTML template reads it), the chart's own figures as CSV (`table`, offered for download beside the
    images), and the figure itself at hand for tinkering (`.figure`). The SVG names itself: a <title> and a
    <desc> (the alt text) as its first children, so the file stands on its own when it is forwarded."""

    def __init__(self, figure, alt: str, table: pd.DataFrame | None = None):
        self.figure, self.alt, self.table = figure, alt, table

    def _repr_mimebundle_(self, include=None, exclude=None):
        import base64
        import io

        png = io.BytesIO()
        title = plots.title_of(self.figure)
        self.figure.savefig(png, format="png", dpi=110, metadata={"Title": title, "Description": self.alt})
        named = _svg_named(
            plots.svg_of(self.figure, metadata={"Title": title, "Description": self.alt}), title, self.alt
        )
        data = {
            "image/png": base64.b64encode(png.getvalue()).decode("ascii"),
            "image/svg+xml": named,
            # the chart with its alt text, as every exporter and JupyterLab show HTML before an image: nbconvert's
            # own templates give an image output no alt (a plain `jupyter nbconvert` wrote a placeholder)
            "text/html": (
                f'<img src="data:image/svg+xml;base64,{base64.b64encode(named.encode()).decode("ascii")}" '
                f'alt="{html.escape(self.alt)}" style="max-width: 100%">'
            ),
            "text/plain": self.alt,
        }
        if self.table is not None:  # no exporter shows text/csv: it travels with the images to the report folder
            data["text/csv"] = self.table.to_csv(index=False, lineterminator="\r\n")
        return data, {"image/png": {"alt": self.alt}, "image/svg+xml": {"alt": self.alt}}


def _svg_named(svg: str, title: str, alt: str) -> str:
    """The SVG with role="img", and its title and description as the first children of its root element, where
    browsers and screen readers look for them."""
    head, rest = svg.split("<svg", 1)
    attributes, body = rest.split(">", 1)
    named = f"<title>{html.escape(title)}</title>\n<desc>{html.escape(alt)}</desc>\n"
    return f'{head}<svg role="img"{attributes}>\n{named}{body.lstrip()}'


def _details(table: pd.DataFrame, lang: str, subject: str) -> HTML:
    """A chart's data table, one click away (HTML <details>, no script), captioned with what the chart shows."""
    body = _readable_table(table, lang, i18n.t(lang, "caption_chart_data", subject=subject)).data
    return HTML(f"<details><summary>{html.escape(i18n.alt_word(lang, 'table_summary'))}</summary>\n{body}\n</details>")


def sector_chart(data: Dataset, sector: str, lang: str) -> Chart:
    name = sector_names(data.sectors, lang)[sector]
    fig = plots.sector_trend(data, sector, lang)
    return Chart(fig, narrative.sector_chart_alt(data, sector, name, lang), tables.series_table(data, [sector], lang))


def sector_chart_data(data: Dataset, sector: str, lang: str) -> HTML:
    subject = sector_names(data.sectors, lang)[sector]
    return _details(tables.series_table(data, [sector], lang), lang, subject)


def overview_charts(data: Dataset, lang: str) -> dict[str, Chart | None]:
    """The overview's charts by name (as their cells' 'chart:NAME' tags), each with its alt text."""
    own = plots.own_vs_sroi(data, lang)
    figures = _sectors_table(data, lang)  # the page's table under the charts: every chart's figures
    return {
        "chart": Chart(
            plots.overview_percentages(data, lang),
            narrative.latest_list_alt(data, "realisation_pct", "overview", lang),
            figures,
        ),
        "jobs": Chart(
            plots.overview_jobs(data, lang), narrative.latest_list_alt(data, "realised_jobs", "jobs", lang), figures
        ),
        "own-sroi": Chart(own, narrative.latest_list_alt(data, "realised_own", "own_sroi", lang), figures)
        if own
        else None,
        "small-multiples": Chart(plots.small_multiples(data, lang), i18n.alt_word(lang, "small_multiples"), figures),
    }


def _sectors_table(data: Dataset, lang: str, national: bool = False) -> pd.DataFrame:
    """The figures of the sector charts (national: of the national ones), as the page's table shows them."""
    ids = [x for x in data.sectors["sector"] if (x in national_sectors(data.sectors)) == national]
    return tables.series_table(data, ids, lang)


def all_sectors_data(data: Dataset, lang: str, national: bool = False) -> HTML:
    subject = i18n.SITE[lang]["national" if national else "overview"]
    return _details(_sectors_table(data, lang, national), lang, subject)


def national_chart(data: Dataset, lang: str) -> Chart:
    return Chart(plots.national(data, lang), narrative.national_chart_alt(data, lang), _sectors_table(data, lang, True))


def coverage_chart(data: Dataset, lang: str) -> Chart:
    return Chart(plots.coverage_heatmap(data, lang), i18n.alt_word(lang, "coverage"), tables.coverage_long(data, lang))


def coverage_chart_data(data: Dataset, lang: str) -> HTML:
    return _details(tables.coverage_long(data, lang), lang, i18n.SITE[lang]["coverage"])


def say(key: str, lang: str, level: int = 2) -> HTML:
    """A heading and paragraph of the reports' prose, in the report language (i18n.PROSE)."""
    heading, text = i18n.PROSE[i18n.check_lang(lang)][key]
    parts = ([f"<h{level}>{html.escape(heading)}</h{level}>"] if heading else []) + (
        [f"<p>{html.escape(text)}</p>"] if text else []
    )
    return HTML("\n".join(parts))


# ------------------------------------------------------------------ for exploring (notebooks/explore.ipynb)


def check_measure(measure: str) -> None:
    """Refuse a measure that does not exist, naming those that do."""
    if measure not in MEASURES:
        from analysis.errors import ParameterError

        raise ParameterError([f"unknown measure {measure!r}; known: {', '.join(MEASURES)}"])


def pivot_table(data: Dataset, measure: str, lang: str) -> HTML:
    """pivot() as a reader sees it: the sectors' names as columns, numbers as the language writes them, '—' for
    a year without a figure."""
    check_measure(measure)
    frame = pivot(data, measure).rename(columns=sector_names(data.sectors, lang))
    frame = frame.rename_axis(index=None, columns=None).reset_index(names=i18n.COLUMNS[lang]["year"])
    frame[i18n.COLUMNS[lang]["year"]] = frame[i18n.COLUMNS[lang]["year"]].astype(str)
    return _readable_table(frame, lang, i18n.t(lang, "caption_pivot", measure=MEASURES[measure].label(lang)))


def pivot(data: Dataset, measure: str = "realised_jobs", basis: str | None = None) -> pd.DataFrame:
    """Years × sectors of one measure: each sector's series on its main basis (or the given one), one figure
    per year chosen as in the reports (reported before derived, then the finest precision). Years without a
    figure stay empty: nothing is filled in."""
    check_measure(measure)
    columns = {}
    for sector in data.sectors["sector"]:
        points = one_sector.sector_figures(data, sector).points(measure, basis)
        if points:
            columns[sector] = pd.Series({p.year: p.value for p in points})
    return pd.DataFrame(columns).sort_index().rename_axis(index="year", columns="sector")


def realised_vs_target(data: Dataset, sector: str) -> pd.DataFrame:
    """One sector's realised jobs, target and percentage per year on its main basis, as numbers, with the
    percentage computed where both counts are published; figures on another basis in a column of their own."""
    figures = one_sector.sector_figures(data, sector)
    frame = pd.DataFrame(
        {
            "realised": pd.Series({p.year: p.value for p in figures.points("realised_jobs")}),
            "target": pd.Series({p.year: p.value for p in figures.points("target_jobs")}),
            "pct": pd.Series({p.year: p.value for p in figures.points("realisation_pct")}),
        },
        dtype="float64",
    )
    other = {p.year: f"{p.value:g}% ({p.basis})" for p in figures.other_points("realisation_pct")}
    frame["other_basis"] = pd.Series(other, dtype="object")
    return frame.sort_index().rename_axis("year")


def evidence(data: Dataset, sector: str, year: int | None = None) -> pd.DataFrame:
    """Where each published figure of a sector comes from: source, place in the document and the quote."""
    rows = data.tidy[(data.tidy["sector"] == sector) & (data.tidy["status"] == "reported")]
    if year is not None:
        rows = rows[rows["year"] == year]
    sources = data.sources.set_index("source_id")
    return rows.assign(
        publisher=rows["source_id"].map(sources["publisher"]), date=rows["source_id"].map(sources["date"])
    )[["year", "period", "measure", "value", "scope", "basis", "publisher", "date", "locator", "evidence"]]
