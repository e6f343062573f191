"""Charts. Every function returns a matplotlib Figure and never shows it; one style for all.

Figures are made with matplotlib.figure.Figure, not pyplot, so no global figure
state is kept between charts and nothing is drawn twice in a notebook.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from analysis import i18n
from analysis.data.dataset import Dataset
from analysis.data.registry import cite, national_sectors, sector_names
from analysis.dictionary import BASES, QUALIFIERS, SHARE_BASES
from analysis.trends import series
from analysis.trends.sector import sector_figures
from analysis.trends.verdicts import JUDGED_BASES

# Colours of the colour-blind palette, darkened where needed so that every one reaches 4.5:1 against white
# (WCAG 2.1 AA for text; 3:1 would do for bars and lines): blue 5.1, vermilion 5.3, green 5.3, purple 5.6,
# grey 5.7, dark grey 7.5 (tests/test_plots.py measures them). Meaning never rests on colour alone: derived
# values are dashed or hatched, other bases are diamonds or cross-hatched, and every chart has a legend.
PALETTE = sns.color_palette("colorblind")
REALISED = PALETTE[0]  # #0173b2
TARGET = "#222222"
PCT = "#007a5a"  # dark green: procurement (SROI), published percentages of the main series
TREND = "#b04e00"  # dark vermilion
DERIVED = "#666666"
OTHER = "#9a4a8f"  # dark purple: figures on another basis than the bars
TEXT = "#555555"
DERIVED_FILL = "#b9d3ea"  # light fill for derived cells; the cells also carry a mark, so colour is not alone
LABEL_SIZE = 9  # labels in points; the smallest text in any chart
# The width every chart is drawn at: an A4 page less the PDF's margins (site/pdf.py), so that a chart prints at
# its own size and its labels keep their points on paper (drawn wider, a chart was shrunk to fit and its 9 pt
# labels printed at 5 to 6 pt). On screen a chart is shown at this size too; on a phone it scrolls in its box.
PAGE_INCHES = 7.3
STYLE = {
    **sns.axes_style("whitegrid"),
    **sns.plotting_context("notebook", font_scale=0.9),
    "font.family": "DejaVu Sans",
    "axes.spines.right": False,
    "axes.spines.top": False,
    "svg.hashsalt": "banenafspraak",
    "svg.fonttype": "none",
}


def new_figure(width: float, height: float) -> Figure:
    with mpl.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def plain(text: str) -> str:
    """Data text shown literally: matplotlib would read $...$ as mathematics (and fail on a lone $)."""
    return text.replace("$", r"\$")


def _names(sectors: pd.DataFrame, lang: str, short: bool = False) -> dict[str, str]:
    return {k: plain(v) for k, v in sector_names(sectors, lang, short).items()}


def _label(p: series.Point, lang: str) -> str:
    mark = QUALIFIERS[p.qualifier].mark if p.qualifier in QUALIFIERS else ""
    return f"{mark}{i18n.number(p.value, lang, p.precision)}"


def source_line(sources: pd.DataFrame, ids: list[str], lang: str, width_in: float = PAGE_INCHES) -> str:
    """'Bronnen: publisher (years); ...', wrapped to fit a chart `width_in` inches wide at LABEL_SIZE. A chart
    names each publisher once with the years of its sources (the full dates are in the table under it and on
    the sources page): a page's width holds the national chart's two dozen sources in a few lines."""
    table = sources.set_index("source_id")
    years: dict[str, set[str]] = {}
    for sid in ids:
        if sid in table.index:
            row = table.loc[sid]
            years.setdefault(row["publisher"], set()).add(str(row["date"])[:4] or i18n.date_words("", lang))
    parts = [_with_years(publisher, sorted(y)) for publisher, y in years.items()]
    head = i18n.t(lang, "sources" if len(set(ids) & set(table.index)) > 1 else "source")
    return plain(wrapped(f"{head}: " + "; ".join(parts), width_in))


def _with_years(publisher: str, years: list[str]) -> str:
    """'UWV (2018, 2021)'; a name that ends in brackets takes the years inside them, not a second pair:
    'Minister van BZK (K.H. Ollongren; zonder datum)'."""
    if publisher.endswith(")"):
        return f"{publisher[:-1]}; {', '.join(years)})"
    return f"{publisher} ({', '.join(years)})"


def wrapped(text: str, width_in: float = PAGE_INCHES, size: float = LABEL_SIZE) -> str:
    """`text` wrapped to lines that fit `width_in` inches at `size` points."""
    return textwrap.fill(text, int(width_in * 72 / (size * 0.6)))  # DejaVu Sans averages about 0.6 em a character


# The jobs charts keep the plot for marks only: bars, target ticks, the end goal, series breaks and the trend.
# Every value is written in labelled rows under the plot, one row per measure and basis, aligned with its year,
# and everything else is named in a legend outside the plot: no text can then run into a bar or a line, and a
# percentage never stands on the jobs axis (issue #30; tests/test_chart_layout.py measures every chart).
ROW_INCHES = 0.24  # height of one row of values under a chart
# The height of the plot above them: a sector's chart with its rows, title, legend and source fits under the
# answer on a PDF's first page; each of the national chart's three panels, all three on one page
TREND_PLOT_INCHES = 2.0
NATIONAL_PLOT_INCHES = 0.7
# Each mark's style, for the plot and its legend entry alike
TARGET_MARK = {"color": TARGET, "linewidth": 2.2}
DERIVED_TARGET_MARK = {"color": DERIVED, "linewidth": 2.2, "linestyle": (0, (2, 1.5))}
GOAL_MARK = {"color": TARGET, "linestyle": (0, (6, 3)), "linewidth": 1}
GAP_MARK = {"color": TEXT, "marker": "x", "linestyle": "none", "markeredgewidth": 1.5}


@dataclass
class Row:
    """One labelled row of values under a chart: the text per year, in one colour."""

    label: str
    colour: str
    cells: dict[int, str] = field(default_factory=dict)
    bold: bool = False
    gaps: set[int] = field(default_factory=set)  # years whose cell says there is no figure


def _figure_years(data: Dataset, sector: str) -> list[int]:
    """Years for which the sector has a realised figure of any kind (a count or a percentage, any basis)."""
    figures = sector_figures(data, sector)
    found = figures.points("realised_jobs") + figures.points("realisation_pct")
    found += figures.other_points("realisation_pct")
    return sorted({p.year for p in found if p.year})


def missing_years(data: Dataset, sector: str, years: range) -> list[int]:
    """Years inside the published record (from the first to the last year with a realised figure of any kind)
    without a realised count: a gap a reader must not take for zero. Years after the last figure stay empty."""
    known = _figure_years(data, sector)
    counted = {p.year for p in sector_figures(data, sector).points("realised_jobs")}
    if not known:
        return []
    return [y for y in years if known[0] <= y <= known[-1] and y not in counted]


def _pct_row_label(basis: str, main: bool, lang: str) -> str:
    if main:
        return f"% {i18n.t(lang, 'pct_of_target')}"
    if basis in SHARE_BASES:
        return f"% {BASES[basis].label(lang)}"
    return f"% {i18n.t(lang, 'pct_of_target')}, {BASES[basis].label(lang)}"


def value_rows(data: Dataset, sector: str, lang: str, years: range, goal_row: bool = True) -> list[Row]:
    """The rows of values under a sector's chart: realised jobs (with 'geen cijfer' in a gap), targets,
    derived targets, the end goal (unless a panel's title gives it), and published percentages, one row per
    basis; only rows with a value."""
    figures = sector_figures(data, sector)
    shown = set(years)
    realised = Row(i18n.t(lang, "realised"), REALISED)
    for p in figures.points("realised_jobs"):
        realised.cells[p.year] = _label(p, lang)
    targets = Row(i18n.t(lang, "target"), TARGET)
    derived = Row(f"{i18n.t(lang, 'target')} ({i18n.t(lang, 'derived')})", DERIVED)
    for p in figures.points("target_jobs"):
        (derived if p.status == "derived" else targets).cells[p.year] = _label(p, lang)
    rows = [realised, targets, derived]
    goal = figures.goal
    if goal_row and goal is not None and goal.year:
        rows.append(Row(i18n.t(lang, "goal"), TARGET, {goal.year: _label(goal, lang)}, bold=True))
    main = figures.main_basis
    for basis in figures.bases("realisation_pct"):
        pts = [p for p in figures.points("realisation_pct", basis) if p.status == "reported"]
        colour = PCT if basis == main else OTHER
        rows.append(
            Row(_pct_row_label(basis, basis == main, lang), colour, {p.year: f"{_label(p, lang)}%" for p in pts})
        )
    for row in rows:
        row.cells = {y: text for y, text in row.cells.items() if y in shown}
    realised.gaps = set(missing_years(data, sector, years))
    realised.cells |= {y: i18n.t(lang, "no_figure_cell") for y in realised.gaps}
    return [row for row in rows if row.cells]


def _cell_size(rows: list[Row], slot_points: float) -> float:
    """LABEL_SIZE, or one point less where the widest value would crowd its year's slot (never under 8 pt)."""
    widest = max((len(line) for row in rows for text in row.cells.values() for line in text.split("\n")), default=1)
    return LABEL_SIZE if widest * 0.62 * LABEL_SIZE <= 0.9 * slot_points else LABEL_SIZE - 1


def _lines(row: Row) -> int:
    """How many lines of text the row needs: its wrapped name or its tallest value."""
    return max([len(_row_name(row).splitlines())] + [len(t.split("\n")) for t in row.cells.values()])


def _row_name(row: Row) -> str:
    return textwrap.fill(row.label, 26)


def _row_inches(row: Row) -> float:
    """ROW_INCHES for a row of one line, and 0.15 inch for each further line."""
    return ROW_INCHES + 0.15 * (_lines(row) - 1)


def rows_inches(rows: list[Row]) -> float:
    """The height the rows of values take."""
    return sum(_row_inches(r) for r in rows) or ROW_INCHES


def draw_rows(tab, rows: list[Row], years: range, width_in: float) -> None:
    """The rows of values in their own axes under the plot (sharing its years): the row's name on the left,
    each value centred under its year; a row of two lines is as tall as two."""
    heights = [_row_inches(r) for r in rows]
    centres = [sum(heights[:i]) + h / 2 for i, h in enumerate(heights)]
    tab.set_ylim(sum(heights), 0)
    tab.set_yticks(centres, [_row_name(r) for r in rows], fontsize=LABEL_SIZE)
    for tick, row in zip(tab.get_yticklabels(), rows):
        tick.set_color(row.colour)
    tab.tick_params(axis="both", length=0)
    tab.tick_params(axis="x", labelbottom=False)
    tab.grid(False)
    for spine in tab.spines.values():
        spine.set_visible(False)
    size = _cell_size(rows, width_in * 72 * 0.8 / max(len(years), 1))
    for centre, row in zip(centres, rows):
        for year, text in row.cells.items():
            gap = year in row.gaps
            tab.text(year, centre, text, ha="center", va="center", fontsize=max(size - 1, 8) if gap else size,
                     color=TEXT if gap else row.colour, fontstyle="italic" if gap else "normal",
                     fontweight="bold" if row.bold else "normal", linespacing=0.9)  # fmt: skip


def _draw_marks(ax, data: Dataset, sector: str, years: range) -> float:
    """Realised jobs as bars, targets as short lines over their year (derived ones dashed), and a grey cross on
    the axis where a year inside the record has no count. Nothing is interpolated. Returns the largest value."""
    figures = sector_figures(data, sector)
    realised = figures.points("realised_jobs")
    targets = figures.points("target_jobs")
    for p in realised:
        ax.bar(p.year, p.value, width=0.6, color=REALISED, zorder=2)
    for p in targets:
        derived = p.status == "derived"
        ax.plot([p.year - 0.38, p.year + 0.38], [p.value, p.value], **(DERIVED_TARGET_MARK if derived else TARGET_MARK),
                zorder=3)  # fmt: skip
    gaps = missing_years(data, sector, years)
    if gaps:  # in axes height, so the cross sits on the axis at any scale
        ax.plot(gaps, [0.035] * len(gaps), transform=ax.get_xaxis_transform(), **GAP_MARK, markersize=6, zorder=3,
                clip_on=False)  # fmt: skip
    return max([p.value for p in realised + targets] + [1.0])


def _year_axis(ax, years: range, lang: str, size: float = LABEL_SIZE + 1, ends_only: bool = False) -> None:
    ticks = [years[0], years[-1]] if ends_only and len(years) > 1 else list(years)
    ax.set_xticks(ticks, [str(y) for y in ticks])
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    ax.tick_params(axis="x", labelsize=size, rotation=0)
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: i18n.number(v, lang)))
    ax.grid(axis="x", visible=False)


def _goal_when(data: Dataset, sector: str, goal: series.Point, lang: str, form: str) -> str:
    """The goal's due year for its label (in `form`); where sources date the goal differently, also its source
    and the other years given: '(2026, Rijksoverheid, 16 juli 2024; bronnen noemen ook 2025)'."""
    if not goal.year:
        return ""
    others = sorted({p.year for p in sector_figures(data, sector).goal_dates} - {goal.year})
    if not others:
        return form.format(goal.year)
    also = i18n.t(lang, "goal_also", years=", ".join(str(y) for y in others))
    return form.format(f"{goal.year}, {cite(data.sources, goal.source_id, lang)}; {also}")


def _draw_goal(ax, data: Dataset, sector: str, goal: series.Point, lang: str) -> Line2D:
    """The final goal as a dashed line across the plot; its legend entry says its value, due year and status."""
    ax.axhline(goal.value, **GOAL_MARK)
    extra = f", {i18n.t(lang, 'derived')}" if goal.status == "derived" else ""
    when = _goal_when(data, sector, goal, lang, " ({})")
    label = f"{i18n.t(lang, 'goal')} {_label(goal, lang)}{when}{extra}"
    return Line2D([], [], **GOAL_MARK, label=plain(label))


def _draw_breaks(ax, breaks: pd.DataFrame | None, sector: str, years: range, lang: str) -> list:
    """A registered series break inside the chart's years: a dotted vertical line, named in the legend."""
    if breaks is None or breaks.empty:
        return []
    handles = []
    for b in breaks.itertuples():
        if (b.sectors == "all" or sector in b.sectors.split()) and min(years) < b.year <= max(years):
            ax.axvline(b.year - 0.5, color=TARGET, linestyle=":", linewidth=1.2, zorder=1)
            label = i18n.t(lang, "series_break", year=b.year, what=getattr(b, f"what_{lang}"))
            handles.append(Line2D([], [], color=TARGET, linestyle=":", linewidth=1.2, label=plain(label)))
    return handles


def _draw_projection(ax, proj, lang: str) -> tuple[float, Line2D]:
    """From the last figure to the target year only, with the band from slowest to fastest growth seen; the
    projected value is named in the legend."""
    xs = [proj.last_year, proj.target_year]
    ax.fill_between(
        xs, [proj.last_value, proj.low], [proj.last_value, proj.high], color=TREND, alpha=0.15, linewidth=0, zorder=1
    )
    ax.plot(xs, [proj.last_value, proj.projected], color=TREND, linestyle="--", linewidth=1.6, zorder=4)
    label = i18n.t(lang, "trend_to", year=proj.target_year, value=i18n.number(proj.projected, lang))
    return max(proj.high, proj.projected), Line2D([], [], color=TREND, linestyle="--", label=label)


def _series_legend(data: Dataset, sector: str, lang: str, years: range) -> list:
    """The legend entries of what _draw_marks draws for one sector: targets, derived targets and gaps where
    there are any."""
    targets = sector_figures(data, sector).points("target_jobs")
    return _mark_legend(
        lang,
        targets=any(p.status != "derived" for p in targets),
        derived=any(p.status == "derived" for p in targets),
        gaps=bool(missing_years(data, sector, years)),
    )


def _mark_legend(lang: str, targets: bool = True, derived: bool = True, gaps: bool = True) -> list:
    """Legend entries for _draw_marks' marks: the bars always, the others as asked."""
    handles = [Patch(color=REALISED, label=i18n.t(lang, "realised"))]
    if targets:
        handles.append(Line2D([], [], **TARGET_MARK, label=i18n.t(lang, "target")))
    if derived:
        label = f"{i18n.t(lang, 'target')} ({i18n.t(lang, 'derived')})"
        handles.append(Line2D([], [], **DERIVED_TARGET_MARK, label=label))
    if gaps:
        handles.append(Line2D([], [], **GAP_MARK, label=i18n.t(lang, "no_figure_legend")))
    return handles


def _plot_and_rows(fig, spec, rows: list[Row], plot_inches: float):
    """A plot `plot_inches` tall above its rows of values, in `spec` (a slot of the figure's grid)."""
    inner = spec.subgridspec(2, 1, height_ratios=[plot_inches, rows_inches(rows)], hspace=0)
    ax = fig.add_subplot(inner[0])
    tab = fig.add_subplot(inner[1], sharex=ax)
    return ax, tab


def _fit_height(fig: Figure, axes: list, inches: float) -> None:
    """Make the figure tall enough that `axes` (the plots and their rows of values) get `inches` in all, whatever
    the titles, legend and source line around them take: constrained layout shares out what is left of the
    figure in proportion, so rows of values given a share of too small a figure would be squeezed together."""
    fig.get_layout_engine().execute(fig)
    width, height = fig.get_size_inches()
    have = sum(ax.get_position().height for ax in axes) * height
    fig.set_size_inches(width, height + inches - have)


LEGEND_CHARS = 42  # a legend entry's line: two columns of them, with their marks, fit the page's width


def _wrap_labels(handles) -> None:
    """Long names wrap, so that a legend of two columns stays within the page's width."""
    for h in handles:
        h.set_label(textwrap.fill(h.get_label(), LEGEND_CHARS))


def _legend(ax, handles: list, ncols: int = 2, below: float = 14) -> None:
    """One legend for the figure, `below` points under the axes `ax`, starting at the figure's left edge: outside
    every plot, and held by an axes so that constrained layout makes room for it (a figure legend would be laid
    over the source line or the title); a legend wider than the plot would squeeze it, hence two columns of
    wrapped names."""
    fig = ax.figure
    _wrap_labels(handles)
    where = blended_transform_factory(fig.transFigure, ax.transAxes)
    where = mpl.transforms.offset_copy(where, fig=fig, y=-below, units="points")
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.005, 0), bbox_transform=where,
              fontsize=LABEL_SIZE, frameon=False, ncols=min(len(handles), ncols), handlelength=2.4,
              borderaxespad=0)  # fmt: skip


def sector_trend(data: Dataset, sector: str, lang: str = "nl") -> Figure:
    """Realised jobs per year against the target, the end goal, series breaks and the projection where the
    verdict rests on one (never past a target year that has a figure); every value in the rows under the plot."""
    figures = sector_figures(data, sector)
    sectors, sources, breaks = data.sectors, data.sources, data.breaks
    name = _names(sectors, lang)[sector]
    years = [
        p.year
        for m in ("realised_jobs", "target_jobs", "realisation_pct")
        for p in figures.points(m) + figures.other_points(m)
    ]
    goal = figures.goal
    if goal and goal.year:
        years.append(goal.year)
    if not years:
        fig = new_figure(PAGE_INCHES, 3)
        ax = fig.add_subplot()
        ax.set_title(i18n.t(lang, "trend_title", name=name), loc="left")
        ax.text(0.5, 0.5, i18n.t(lang, "no_figures_whole"), transform=ax.transAxes, ha="center", va="center")
        ax.set_axis_off()
        return fig
    span = range(min(years), max(years) + 1)
    rows = value_rows(data, sector, lang, span)
    fig = new_figure(PAGE_INCHES, 5 + rows_inches(rows))
    ax, tab = _plot_and_rows(fig, fig.add_gridspec(1, 1)[0], rows, TREND_PLOT_INCHES)
    top = _draw_marks(ax, data, sector, span)
    _year_axis(ax, span, lang)
    draw_rows(tab, rows, span, PAGE_INCHES)
    handles = _series_legend(data, sector, lang, span)
    if goal is not None:
        top = max(top, goal.value)
        handles.append(_draw_goal(ax, data, sector, goal, lang))
    handles += _draw_breaks(ax, breaks, sector, span, lang)
    outlook = figures.outlook  # the trend the page's answer tells, drawn
    if outlook.status in ("on_course", "not_on_course") and outlook.projection is not None:
        high, handle = _draw_projection(ax, outlook.projection, lang)
        top = max(top, high)
        handles.append(handle)
    ax.set_ylim(0, top * 1.08)
    ax.set_ylabel(i18n.t(lang, "jobs"))
    fig.suptitle(i18n.t(lang, "trend_title", name=name), x=0.01, ha="left")
    basis = figures.main_basis
    if basis in BASES:  # the subtitle says in words which basis the bars use
        ax.set_title(
            i18n.t(lang, "bars_basis", basis=BASES[basis].label(lang)), loc="left", fontsize=LABEL_SIZE + 2, color=TEXT
        )
    _legend(tab, handles)
    source = source_line(sources, figures.sources, lang)
    fig.supxlabel(source, fontsize=LABEL_SIZE, x=0.01, ha="left", color=TEXT)
    _fit_height(fig, [ax, tab], TREND_PLOT_INCHES + rows_inches(rows))
    return fig


def overview_percentages(data: Dataset, lang: str = "nl") -> Figure:
    """Latest realisation percentage per sector and basis, ranked, against the 100% line. A percentage on
    another basis than the sector's own count is its own bar, hatched and named (politie: statutory 68%)."""
    sectors = data.sectors

    names = _names(sectors, lang)
    rows = []
    for s in sectors.loc[sectors["group"] != "nationaal", "sector"]:
        main = sector_figures(data, s).main_basis
        for basis in sector_figures(data, s).bases("realisation_pct"):
            pts = sector_figures(data, s).points("realisation_pct", basis)
            if basis in JUDGED_BASES and pts:
                label = names[s] if basis == main else f"{names[s]} ({BASES[basis].label(lang)})"
                rows.append((label, pts[-1], basis != main))
    rows.sort(key=lambda r: r[1].value)
    fig = new_figure(PAGE_INCHES, 0.45 * len(rows) + 1.4)
    ax = fig.add_subplot()
    for i, (_, p, other) in enumerate(rows):
        derived = p.status == "derived"
        colour = OTHER if other else REALISED
        ax.barh(
            i,
            p.value,
            color="white" if derived or other else colour,
            edgecolor=colour,
            hatch="///" if derived else ("xx" if other else None),
        )
    # the values in a column right of the plot, level with their bars: the 100% line never crosses them
    values = [f"{_label(p, lang)}% ({p.year}{', ' + i18n.t(lang, 'derived') if p.status == 'derived' else ''})"
              for _, p, _ in rows]  # fmt: skip
    column = ax.secondary_yaxis("right")
    column.set_yticks(range(len(rows)), values, fontsize=LABEL_SIZE)
    column.tick_params(length=0)
    column.spines["right"].set_visible(False)
    ax.set_yticks(range(len(rows)), [label for label, _, _ in rows])
    ax.axvline(100, color=TARGET, linewidth=1)
    ax.set_xlim(0, max([p.value for _, p, _ in rows] + [100]) * 1.05)
    ax.set_xlabel("%")
    fig.suptitle(wrapped(i18n.t(lang, "overview_pct_title"), size=LABEL_SIZE + 2), x=0.01, ha="left")
    handles = [
        Patch(facecolor=REALISED, label=i18n.t(lang, "legend_reported")),
        Patch(facecolor="white", edgecolor=REALISED, hatch="///", label=i18n.t(lang, "legend_derived")),
    ]
    if any(other for _, _, other in rows):
        handles.append(Patch(facecolor="white", edgecolor=OTHER, hatch="xx", label=i18n.t(lang, "legend_other_basis")))
    fig.legend(handles=handles, loc="outside lower center", fontsize=LABEL_SIZE, ncols=2, frameon=False)
    return fig


def overview_jobs(data: Dataset, lang: str = "nl") -> Figure:
    """Latest realised jobs per sector (sector counts only), with the year of each figure."""
    sectors = data.sectors
    names = _names(sectors, lang)
    rows = []
    for s in sectors.loc[sectors["group"] != "nationaal", "sector"]:
        pts = sector_figures(data, s).points("realised_jobs")
        if pts:
            rows.append((s, pts[-1]))
    rows.sort(key=lambda r: r[1].value)
    fig = new_figure(PAGE_INCHES, 0.45 * len(rows) + 1.2)
    ax = fig.add_subplot()
    for i, (s, p) in enumerate(rows):
        ax.barh(i, p.value, color=REALISED)
        ax.annotate(
            f"{_label(p, lang)} ({p.year})",
            (p.value, i),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=LABEL_SIZE,
        )
    ax.set_yticks(range(len(rows)), [names[s] for s, _ in rows])
    ax.set_xlim(0, max(p.value for _, p in rows) * 1.25)
    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: i18n.number(v, lang)))
    ax.set_title(i18n.t(lang, "overview_jobs_title"), loc="left")
    return fig


def own_vs_sroi(data: Dataset, lang: str = "nl") -> Figure | None:
    """Own staff/secondment against procurement (SROI), where a sector publishes both; None if none does."""
    sectors = data.sectors
    names = _names(sectors, lang)
    rows = []
    for s in sectors["sector"]:
        own = {p.year: p for p in sector_figures(data, s).points("realised_own")}
        sroi = {p.year: p for p in sector_figures(data, s).points("realised_sroi")}
        both = sorted(set(own) & set(sroi))
        if both:
            rows.append((s, both[-1], own[both[-1]], sroi[both[-1]]))
    if not rows:
        return None
    fig = new_figure(PAGE_INCHES, 0.6 * len(rows) + 1.2)
    ax = fig.add_subplot()
    for i, (s, year, o, r) in enumerate(rows):
        ax.barh(i, o.value, color=REALISED)
        ax.barh(i, r.value, left=o.value, color="white", edgecolor=PCT, hatch="//")
        ax.annotate(_label(o, lang), (o.value / 2, i), ha="center", va="center", fontsize=LABEL_SIZE, color="white")
        ax.annotate(
            _label(r, lang),
            (o.value + r.value / 2, i),
            ha="center",
            va="center",
            fontsize=LABEL_SIZE,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )  # no hatch line through the number
    ax.set_yticks(range(len(rows)), [f"{names[s]} ({year})" for s, year, _, _ in rows])
    handles = [
        Patch(color=REALISED, label=i18n.t(lang, "own")),
        Patch(facecolor="white", edgecolor=PCT, hatch="//", label=i18n.t(lang, "sroi")),
    ]
    _legend(ax, handles, below=LABEL_SIZE + 14)  # under the axis' numbers
    ax.set_title(i18n.t(lang, "own_sroi_title"), loc="left")
    return fig


def _panel_points(data: Dataset, sector: str) -> int:
    figures = sector_figures(data, sector)
    return len(figures.points("realised_jobs")) + len(figures.points("target_jobs"))


def small_multiples(data: Dataset, lang: str = "nl") -> Figure:
    """Every sector's jobs and targets in one grid over the same years, each panel on its own vertical scale
    (said in the subtitle); a sector with fewer than two figures in jobs is named under the grid, not drawn."""
    names = _names(data.sectors, lang, short=True)
    ids = [s for s in data.sectors["sector"] if _panel_points(data, s) >= 2]
    left_out = [names[s] for s in data.sectors["sector"] if s not in ids]
    years = [p.year for s in ids for m in ("realised_jobs", "target_jobs") for p in sector_figures(data, s).points(m)]
    cols = 3
    rows = max(-(-len(ids) // cols), 1)
    fig = new_figure(PAGE_INCHES, 1.9 * rows + 1.6)
    grid = fig.add_gridspec(rows + 1, cols, height_ratios=[0.5] + [1.9] * rows)
    key = fig.add_subplot(grid[0, :])  # a row of its own for the legend, under the title
    key.set_axis_off()
    axes = [fig.add_subplot(grid[1 + i // cols, i % cols]) for i in range(rows * cols)]
    span = range(min(years), max(years) + 1) if years else range(1)
    for ax, s in zip(axes, ids):
        top = _draw_marks(ax, data, s, span)
        ax.set_ylim(0, top * 1.1)
        ax.set_yticks([0, top], ["0", i18n.number(top, lang)])
        ax.tick_params(axis="both", labelsize=LABEL_SIZE)
        ax.set_title(names[s], fontsize=LABEL_SIZE + 1, loc="left")
        if years:
            _year_axis(ax, span, lang, size=LABEL_SIZE, ends_only=True)
        ax.grid(axis="y", visible=False)
    for ax in axes[len(ids) :]:
        ax.set_axis_off()
    fig.suptitle(i18n.t(lang, "small_multiples_title"), x=0.01, ha="left")
    key.legend(
        handles=_mark_legend(lang), loc="center left", fontsize=LABEL_SIZE, frameon=False, ncols=2, borderaxespad=0
    )
    note = i18n.t(lang, "own_scale")
    if left_out:
        note += " " + i18n.t(lang, "not_drawn", names=", ".join(left_out))
    fig.supxlabel(wrapped(note), fontsize=LABEL_SIZE, x=0.01, ha="left", color=TEXT)
    return fig


def national(data: Dataset, lang: str = "nl", since: int = 2015) -> Figure:
    """Market, government and total: realised against target per year, with the final goal; every value in the
    rows under each panel."""
    tidy, sectors, sources = data.tidy, data.sectors, data.sources
    names = _names(sectors, lang)
    national = [s for s in national_sectors(sectors) if s in set(tidy["sector"])]
    if not national:
        fig = new_figure(PAGE_INCHES, 3)
        ax = fig.add_subplot()
        ax.text(0.5, 0.5, i18n.t(lang, "no_figures"), transform=ax.transAxes, ha="center", va="center")
        ax.set_axis_off()
        fig.suptitle(i18n.t(lang, "national_title"), x=0.01, ha="left")
        return fig
    last = max(int(y) for y in tidy.loc[tidy["sector"].isin(national), "year"].dropna())
    recent = data.with_tidy(tidy[tidy["year"].isna() | (tidy["year"] >= since)])
    span = range(since, last + 1)
    panels = {s: value_rows(recent, s, lang, span, goal_row=False) for s in national}
    heights = [NATIONAL_PLOT_INCHES + rows_inches(r) for r in panels.values()]
    fig = new_figure(PAGE_INCHES, sum(heights) + 4)
    grid = fig.add_gridspec(len(national) + 1, 1, height_ratios=[*heights, 1])
    handles: dict[str, object] = {}
    for slot, (s, rows) in zip(list(grid)[:-1], panels.items()):
        ax, tab = _plot_and_rows(fig, slot, rows, NATIONAL_PLOT_INCHES)
        top = _draw_marks(ax, recent, s, span)
        _year_axis(ax, span, lang)
        draw_rows(tab, rows, span, PAGE_INCHES)
        for h in _series_legend(recent, s, lang, span):
            handles.setdefault(h.get_label(), h)
        goal = sector_figures(data, s).goal
        title = names[s]
        if goal:
            top = max(top, goal.value)
            ax.axhline(goal.value, **GOAL_MARK)
            handles.setdefault("goal", Line2D([], [], **GOAL_MARK, label=i18n.t(lang, "goal_title_legend")))
            # the goal, its year and, where sources date it differently, what they say, in the panel's title
            when = _goal_when(data, s, goal, lang, "{}")
            title = plain(wrapped(f"{title}. {i18n.t(lang, 'goal')} {_label(goal, lang)}: {when}", size=10))
        for h in _draw_breaks(ax, data.breaks, s, span, lang):
            handles.setdefault(h.get_label(), h)
        ax.set_ylim(0, top * 1.08)
        ax.set_title(title, loc="left", fontsize=10)
    fig.suptitle(i18n.t(lang, "national_title"), x=0.01, ha="left")
    _wrap_labels(handles.values())
    # the legend in a row of its own under the panels (held by the last panel, it squeezed that panel's plot),
    # the row as tall as the legend: constrained layout shares the figure's height out by the rows' ratios, with
    # each panel's title and ticks inside its row, so the legend's row is set again once the layout is known
    key = fig.add_subplot(grid[-1])
    key.set_axis_off()
    legend = key.legend(handles=list(handles.values()), loc="upper left", fontsize=LABEL_SIZE, frameon=False, ncols=2,
                        handlelength=2.4, borderaxespad=0)  # fmt: skip
    ids = sorted({i for s in national for i in sector_figures(data, s).sources})
    fig.supxlabel(source_line(sources, ids, lang), fontsize=LABEL_SIZE, x=0.01, ha="left", color=TEXT)
    needed = legend.get_window_extent().height / fig.dpi
    ratio = needed
    for _ in range(2):
        grid.set_height_ratios([*heights, ratio])
        _fit_height(fig, fig.axes[:-1], sum(heights))
        ratio *= needed / (key.get_position().height * fig.get_size_inches()[1])
    return fig


def coverage_heatmap(data: Dataset, lang: str = "nl") -> Figure:
    """Sectors × years per measure: which figures are published, which only derived, and where nothing is."""
    sectors = data.sectors
    from analysis.dictionary import MEASURES
    from analysis.trends.coverage import COVERAGE_MEASURES, coverage_matrix

    names = _names(sectors, lang, short=True)
    codes = {"": 0, "derived": 1, "reported": 2}
    cmap = mpl.colors.ListedColormap(["#f4f4f4", DERIVED_FILL, REALISED])
    fig = new_figure(PAGE_INCHES, 0.32 * len(sectors) + 2.4)
    axes = fig.subplots(1, len(COVERAGE_MEASURES), sharey=True)
    for ax, measure in zip(axes, COVERAGE_MEASURES):
        matrix = coverage_matrix(data, measure)
        grid = matrix.replace(codes).astype(int).to_numpy()
        ax.pcolormesh(grid, cmap=cmap, vmin=0, vmax=2, edgecolors="white", linewidth=1)
        for (row, col), code in np.ndenumerate(grid):  # a mark in every cell with a figure: not colour alone
            if code:
                ax.text(
                    col + 0.5,
                    row + 0.5,
                    "●" if code == 2 else "○",
                    ha="center",
                    va="center",
                    fontsize=LABEL_SIZE - 1,
                    color="white" if code == 2 else TARGET,
                )
        ax.set_xticks(
            [i + 0.5 for i in range(len(matrix.columns))],
            [str(y) for y in matrix.columns],
            rotation=90,
            fontsize=LABEL_SIZE,
        )
        ax.set_yticks(
            [i + 0.5 for i in range(len(matrix.index))], [names[s] for s in matrix.index], fontsize=LABEL_SIZE
        )
        ax.invert_yaxis()
        ax.set_title(MEASURES[measure].label(lang), fontsize=9, loc="left")
        ax.grid(False)
    fig.legend(
        handles=[
            Patch(color=REALISED, label="● " + i18n.t(lang, "legend_reported")),
            Patch(color=DERIVED_FILL, label="○ " + i18n.t(lang, "legend_derived")),
            Patch(facecolor="#f4f4f4", edgecolor="#cccccc", label=i18n.t(lang, "no_figures")),
        ],
        loc="outside lower center",
        ncols=3,
        fontsize=LABEL_SIZE,
        frameon=False,
    )
    fig.suptitle(i18n.t(lang, "coverage_title"), x=0.01, ha="left")
    return fig


def title_of(fig: Figure) -> str:
    """The chart's title as a reader sees it (the figure's title, else its first plot's), on one line."""
    title = fig._suptitle.get_text() if fig._suptitle is not None else ""
    if not title and fig.axes:
        title = fig.axes[0].get_title(loc="left") or fig.axes[0].get_title()
    return " ".join(title.split()).replace(r"\$", "$")


def style():
    """The reports' chart style, for charts of one's own: `with plots.style(): ...` (see notebooks/explore.ipynb)."""
    return mpl.rc_context(STYLE)


def svg_of(figure: Figure, metadata: dict[str, str]) -> str:
    """The figure as SVG, the same file whenever the same figures are drawn: with the style's SVG settings (matplotlib
    reads them when it saves, not when it draws, and without the salt it names the clip paths at random) and without
    the moment of saving in its metadata (the page that shows the chart says when it was made)."""
    out = io.StringIO()
    with mpl.rc_context({key: value for key, value in STYLE.items() if key.startswith("svg.")}):
        figure.savefig(out, format="svg", metadata={**metadata, "Date": None})
    return out.getvalue()
