"""Charts. Every function returns a matplotlib Figure and never shows it; one style for all.

Figures are made with matplotlib.figure.Figure, not pyplot, so no global figure
state is kept between charts and nothing is drawn twice in a notebook.
"""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analysis import i18n
from analysis.data.dataset import Dataset
from analysis.data.registry import national_sectors, sector_names
from analysis.dictionary import BASES, QUALIFIERS, SHARE_BASES
from analysis.trends import series
from analysis.trends.verdicts import JUDGED_BASES, verdict

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


def source_line(sources: pd.DataFrame, ids: list[str], lang: str, width_in: float = 9) -> str:
    """'Bronnen: publisher (date); ...', wrapped to fit a chart `width_in` inches wide at LABEL_SIZE."""
    table = sources.set_index("source_id")
    parts = []
    for sid in ids:
        if sid in table.index:
            row = table.loc[sid]
            parts.append(i18n.citation(row["publisher"], row["date"], lang))
    unique = list(dict.fromkeys(parts))
    head = i18n.t(lang, "sources" if len(unique) > 1 else "source")
    per_line = int(width_in * 72 / (LABEL_SIZE * 0.6))  # DejaVu Sans averages about 0.6 em a character
    return plain(textwrap.fill(f"{head}: " + "; ".join(unique), per_line))


def _draw_series(ax, data: Dataset, sector: str, lang: str, labels: bool = True, years: range | None = None) -> float:
    """Realised jobs as bars, targets as markers, published percentages where counts are unknown.

    Years without a figure stay empty: nothing is interpolated. Returns the largest value drawn.
    """
    realised = series.points(data, sector, "realised_jobs")
    targets = series.points(data, sector, "target_jobs")
    pct = series.points(data, sector, "realisation_pct")
    size = LABEL_SIZE if labels else LABEL_SIZE - 1
    _draw_bars(ax, realised, lang, size if labels else None)
    _draw_targets(ax, targets, lang, size if labels else None)
    counted = {p.year for p in realised}
    for p in pct:
        if p.year in counted or p.status != "reported":
            continue  # where counts are known the chart shows counts; the table lists every percentage
        text = f"{_label(p, lang)}%" + (f"\n{i18n.t(lang, 'pct_of_target')}" if labels else "")
        _on_year_axis(ax, text, p.year, 6, PCT, size)
    all_years = [p.year for p in realised + targets + pct]
    if years is None and all_years:
        years = range(min(all_years), max(all_years) + 1)
    if years:
        ax.set_xticks(list(years))
        ax.set_xlim(min(years) - 0.7, max(years) + 1.1)
        ax.tick_params(axis="x", labelsize=size + 1, rotation=0 if len(years) < 12 else 45)
    ax.yaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _: i18n.number(v, lang)))
    ax.grid(axis="x", visible=False)
    return max([p.value for p in realised + targets] + [1.0])


def _draw_bars(ax, realised: list[series.Point], lang: str, size: float | None) -> None:
    """Realised jobs as bars, each labelled with its value (and its word) above it; `size` None: no labels."""
    for p in realised:
        ax.bar(p.year, p.value, width=0.6, color=REALISED, zorder=2)
        if size is not None:
            ax.annotate(_label(p, lang), (p.year, p.value), xytext=(0, 3), textcoords="offset points",
                        ha="center", va="bottom", fontsize=size, color=REALISED)  # fmt: skip


def _draw_targets(ax, targets: list[series.Point], lang: str, size: float | None) -> None:
    """Targets as short lines over their year (derived ones dashed, in their own colour), labelled right of it."""
    for p in targets:
        derived = p.status == "derived"
        colour = DERIVED if derived else TARGET
        ax.plot([p.year - 0.38, p.year + 0.38], [p.value, p.value], color=colour, linewidth=2.2,
                linestyle=(0, (2, 1.5)) if derived else "-", zorder=3)  # fmt: skip
        if size is not None:
            text = f"{i18n.t(lang, 'target_short')} {_label(p, lang)}"
            text += f" ({i18n.t(lang, 'derived')})" if derived else ""
            ax.annotate(text, (p.year + 0.4, p.value), xytext=(2, 0), textcoords="offset points", ha="left",
                        va="center", fontsize=size, color=colour)  # fmt: skip


def _goal_when(data: Dataset, sector: str, goal: series.Point, lang: str, form: str) -> str:
    """The goal's due year for its label (in `form`); where sources date the goal differently, also its source
    and the other years given: '(2026, rijksoverheid-2024-07-16; bronnen noemen ook 2025)'."""
    if not goal.year:
        return ""
    others = sorted({p.year for p in series.goal_dates(data, sector)} - {goal.year})
    if not others:
        return form.format(goal.year)
    also = i18n.t(lang, "goal_also", years=", ".join(str(y) for y in others))
    return form.format(f"{goal.year}, {goal.source_id}; {also}")


def _draw_goal(ax, goal, lang: str, x: float, when: str) -> None:
    """The final goal as a dashed line across the chart, labelled at its left end (derived: said so)."""
    ax.axhline(goal.value, color=TARGET, linestyle=(0, (6, 3)), linewidth=1)
    extra = f", {i18n.t(lang, 'derived')}" if goal.status == "derived" else ""
    ax.annotate(f"{i18n.t(lang, 'goal')} {_label(goal, lang)}{when}{extra}", (x, goal.value),
                xycoords=("axes fraction", "data"), xytext=(0, 3), textcoords="offset points",
                fontsize=LABEL_SIZE)  # fmt: skip


def _on_year_axis(ax, text: str, year: int, rise: int, color: str, size: float) -> None:
    """A bold label standing on the year axis above `year` (a percentage where no bar carries it)."""
    ax.annotate(text, (year, 0), xytext=(0, rise), textcoords="offset points", ha="center", va="bottom",
                fontsize=size, color=color, fontweight="bold")  # fmt: skip


def _draw_other_basis(ax, data: Dataset, sector: str, lang: str) -> list:
    """Published percentages on another basis than the bars: a marker on the year axis with its own label."""
    handles = []
    for basis in {p.basis for p in series.other_points(data, sector, "realisation_pct")}:
        pts = [p for p in series.other_points(data, sector, "realisation_pct") if p.basis == basis]
        for p in pts:
            ax.plot([p.year], [0], marker="D", markersize=7, color=OTHER, clip_on=False, zorder=5)
            _on_year_axis(ax, f"{_label(p, lang)}%", p.year, 9, OTHER, LABEL_SIZE)
        handles.append(
            Line2D(
                [],
                [],
                color=OTHER,
                marker="D",
                linestyle="none",
                label=f"% {BASES[basis].label(lang)}"
                if basis in SHARE_BASES
                else f"% {i18n.t(lang, 'pct_of_target')}, {BASES[basis].label(lang)}",
            )
        )
    return handles


def _draw_breaks(ax, breaks: pd.DataFrame | None, sector: str, years: range, lang: str) -> list:
    """A registered series break inside the chart's years: a vertical line with its label; nothing is drawn across it."""
    if breaks is None or breaks.empty:
        return []
    drawn = []
    for b in breaks.itertuples():
        if (b.sectors == "all" or sector in b.sectors.split()) and min(years) < b.year <= max(years):
            ax.axvline(b.year - 0.5, color=TARGET, linestyle=":", linewidth=1.2, zorder=1)
            ax.annotate(
                plain(getattr(b, f"what_{lang}")),
                (b.year - 0.5, 1),
                xycoords=("data", "axes fraction"),
                xytext=(-3, -3),
                textcoords="offset points",
                ha="right",
                va="top",
                fontsize=LABEL_SIZE,
                color=TARGET,
                rotation=90,
            )
            drawn.append(b.year)
    return drawn


def _draw_projection(ax, proj, lang: str) -> float:
    """From the last figure to the target year only, with the band from slowest to fastest growth seen."""
    xs = [proj.last_year, proj.target_year]
    ax.fill_between(
        xs, [proj.last_value, proj.low], [proj.last_value, proj.high], color=TREND, alpha=0.15, linewidth=0, zorder=1
    )
    ax.plot(xs, [proj.last_value, proj.projected], color=TREND, linestyle="--", linewidth=1.6, zorder=4)
    ax.annotate(
        f"{i18n.t(lang, 'trend')}: {i18n.number(proj.projected, lang)}",
        (proj.target_year, proj.projected),
        xytext=(-4, 4),
        textcoords="offset points",
        ha="right",
        fontsize=LABEL_SIZE,
        color=TREND,
    )
    return max(proj.high, proj.projected)


def sector_trend(data: Dataset, sector: str, lang: str = "nl") -> Figure:
    """Realised jobs per year against the target, figures on other bases, series breaks, and the projection
    where the verdict rests on one (never past a target year that has a figure)."""
    sectors, sources, breaks = data.sectors, data.sources, data.breaks

    name = _names(sectors, lang)[sector]
    fig = new_figure(9, 5.4)
    ax = fig.add_subplot()
    v = verdict(data, sector)
    basis = series.main_basis(data, sector)
    years = [
        p.year
        for m in ("realised_jobs", "target_jobs", "realisation_pct")
        for p in series.points(data, sector, m) + series.other_points(data, sector, m)
    ]
    goal = series.goal(data, sector)
    if goal and goal.year:
        years.append(goal.year)
    ax.set_title(i18n.t(lang, "trend_title", name=name), loc="left")
    if not years:
        ax.text(0.5, 0.5, i18n.t(lang, "no_figures_whole"), transform=ax.transAxes, ha="center", va="center")
        ax.set_axis_off()
        return fig
    span = range(min(years), max(years) + 1)
    top = _draw_series(ax, data, sector, lang, years=span)
    handles = _series_legend(data, sector, lang)
    handles += _draw_other_basis(ax, data, sector, lang)
    _draw_breaks(ax, breaks, sector, span, lang)
    if goal is not None:
        top = max(top, goal.value)
        _draw_goal(ax, goal, lang, 0.01, _goal_when(data, sector, goal, lang, " ({})"))
    if v.status in ("on_course", "not_on_course") and v.projection is not None:
        top = max(top, _draw_projection(ax, v.projection, lang))
        handles.append(Line2D([], [], color=TREND, linestyle="--", label=i18n.t(lang, "trend_band")))

    ax.set_ylim(0, top * 1.18)
    ax.set_ylabel(i18n.t(lang, "jobs"))
    if basis in BASES:  # the subtitle says in words which basis the bars use
        fig.suptitle(i18n.t(lang, "trend_title", name=name), x=0.01, ha="left")
        ax.set_title(
            i18n.t(lang, "bars_basis", basis=BASES[basis].label(lang)), loc="left", fontsize=LABEL_SIZE + 2, color=TEXT
        )
    ax.legend(handles=handles, loc="upper left", fontsize=LABEL_SIZE, frameon=False, ncols=min(len(handles), 3))
    fig.get_layout_engine().set(h_pad=0.15)
    source = source_line(sources, series.sources_used(data, sector), lang)
    fig.supxlabel(source, fontsize=LABEL_SIZE, x=0.01, ha="left", color=TEXT)
    return fig


def _series_legend(data: Dataset, sector: str, lang: str) -> list:
    """The legend entries of what _draw_series draws: bars, targets, and derived targets where there are any."""
    handles = [
        Patch(color=REALISED, label=i18n.t(lang, "realised")),
        Line2D([], [], color=TARGET, linewidth=2.2, label=i18n.t(lang, "target")),
    ]
    if any(p.status == "derived" for p in series.points(data, sector, "target_jobs")):
        label = f"{i18n.t(lang, 'target')} ({i18n.t(lang, 'derived')})"
        handles.append(Line2D([], [], color=DERIVED, linewidth=2.2, linestyle=(0, (2, 1.5)), label=label))
    return handles


def overview_percentages(data: Dataset, lang: str = "nl") -> Figure:
    """Latest realisation percentage per sector and basis, ranked, against the 100% line. A percentage on
    another basis than the sector's own count is its own bar, hatched and named (politie: statutory 68%)."""
    sectors = data.sectors

    names = _names(sectors, lang)
    rows = []
    for s in sectors.loc[sectors["group"] != "nationaal", "sector"]:
        main = series.main_basis(data, s)
        for basis in series.bases(data, s, "realisation_pct"):
            pts = series.points(data, s, "realisation_pct", basis)
            if basis in JUDGED_BASES and pts:
                label = names[s] if basis == main else f"{names[s]} ({BASES[basis].label(lang)})"
                rows.append((label, pts[-1], basis != main))
    rows.sort(key=lambda r: r[1].value)
    fig = new_figure(8, 0.45 * len(rows) + 1.4)
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
        text = f"{_label(p, lang)}% ({p.year}{', ' + i18n.t(lang, 'derived') if derived else ''})"
        ax.annotate(text, (p.value, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=LABEL_SIZE)
    ax.set_yticks(range(len(rows)), [label for label, _, _ in rows])
    ax.axvline(100, color=TARGET, linewidth=1)
    ax.set_xlim(0, max([p.value for _, p, _ in rows] + [100]) * 1.25)
    ax.set_xlabel("%")
    ax.set_title(textwrap.fill(i18n.t(lang, "overview_pct_title"), 60), loc="left")
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
        pts = series.points(data, s, "realised_jobs")
        if pts:
            rows.append((s, pts[-1]))
    rows.sort(key=lambda r: r[1].value)
    fig = new_figure(8, 0.45 * len(rows) + 1.2)
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
        own = {p.year: p for p in series.points(data, s, "realised_own")}
        sroi = {p.year: p for p in series.points(data, s, "realised_sroi")}
        both = sorted(set(own) & set(sroi))
        if both:
            rows.append((s, both[-1], own[both[-1]], sroi[both[-1]]))
    if not rows:
        return None
    fig = new_figure(8, 0.6 * len(rows) + 1.2)
    ax = fig.add_subplot()
    for i, (s, year, o, r) in enumerate(rows):
        ax.barh(i, o.value, color=REALISED)
        ax.barh(i, r.value, left=o.value, color="white", edgecolor=PCT, hatch="//")
        ax.annotate(_label(o, lang), (o.value / 2, i), ha="center", va="center", fontsize=LABEL_SIZE, color="white")
        ax.annotate(_label(r, lang), (o.value + r.value / 2, i), ha="center", va="center", fontsize=LABEL_SIZE)
    ax.set_yticks(range(len(rows)), [f"{names[s]} ({year})" for s, year, _, _ in rows])
    ax.legend(
        handles=[
            Patch(color=REALISED, label=i18n.t(lang, "own")),
            Patch(facecolor="white", edgecolor=PCT, hatch="//", label=i18n.t(lang, "sroi")),
        ],
        loc="lower right",
        fontsize=LABEL_SIZE,
    )
    ax.set_title(i18n.t(lang, "own_sroi_title"), loc="left")
    return fig


def small_multiples(data: Dataset, lang: str = "nl") -> Figure:
    """Every sector's trend in one grid, each on its own scale."""
    sectors = data.sectors
    ids = list(sectors["sector"])
    names = _names(sectors, lang, short=True)
    cols = 4
    rows = -(-len(ids) // cols)
    fig = new_figure(12, 2.5 * rows)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, s in zip(axes, ids):
        drawn = any(series.points(data, s, m) for m in ("realised_jobs", "target_jobs", "realisation_pct"))
        if drawn:
            top = _draw_series(ax, data, s, lang, labels=False)
            ax.set_ylim(0, top * 1.15)
            ax.tick_params(axis="both", labelsize=LABEL_SIZE - 1)
            ax.tick_params(axis="x", rotation=90)
        else:
            ax.text(
                0.5,
                0.5,
                i18n.t(lang, "no_figures"),
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontsize=LABEL_SIZE,
            )
            ax.set_xticks([]), ax.set_yticks([])
        ax.set_title(names[s], fontsize=9, loc="left")
    for ax in axes[len(ids) :]:
        ax.set_axis_off()
    fig.suptitle(i18n.t(lang, "small_multiples_title"), x=0.01, ha="left")
    return fig


def national(data: Dataset, lang: str = "nl", since: int = 2015) -> Figure:
    """Market, government and total: realised against target per year, with the final goal."""
    tidy, sectors, sources = data.tidy, data.sectors, data.sources
    names = _names(sectors, lang)
    national = [s for s in national_sectors(sectors) if s in set(tidy["sector"])]
    if not national:
        fig = new_figure(11, 3)
        ax = fig.add_subplot()
        ax.text(0.5, 0.5, i18n.t(lang, "no_figures"), transform=ax.transAxes, ha="center", va="center")
        ax.set_axis_off()
        fig.suptitle(i18n.t(lang, "national_title"), x=0.01, ha="left")
        return fig
    fig = new_figure(11, 3.7 * len(national))
    axes = fig.subplots(len(national), 1, squeeze=False).ravel()
    last = max(int(y) for y in tidy.loc[tidy["sector"].isin(national), "year"].dropna())
    recent = data.with_tidy(tidy[tidy["year"].isna() | (tidy["year"] >= since)])
    for ax, s in zip(axes, national):
        top = _draw_series(ax, recent, s, lang, years=range(since, last + 1))
        goal = series.goal(data, s)
        if goal:
            top = max(top, goal.value)
            _draw_goal(ax, goal, lang, 0.02, _goal_when(data, s, goal, lang, ", {}"))
        ax.set_ylim(0, top * 1.15)
        ax.set_title(names[s], loc="left", fontsize=10)
    fig.suptitle(i18n.t(lang, "national_title"), x=0.01, ha="left")
    ids = sorted({i for s in national for i in series.sources_used(data, s)})
    fig.supxlabel(source_line(sources, ids, lang, width_in=11), fontsize=LABEL_SIZE, x=0.01, ha="left", color=TEXT)
    return fig


def coverage_heatmap(data: Dataset, lang: str = "nl") -> Figure:
    """Sectors × years per measure: which figures are published, which only derived, and where nothing is."""
    sectors = data.sectors
    from analysis.dictionary import MEASURES
    from analysis.trends.coverage import COVERAGE_MEASURES, coverage_matrix

    names = _names(sectors, lang, short=True)
    codes = {"": 0, "derived": 1, "reported": 2}
    cmap = mpl.colors.ListedColormap(["#f4f4f4", DERIVED_FILL, REALISED])
    fig = new_figure(11, 0.32 * len(sectors) + 2)
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
                    fontsize=LABEL_SIZE - 2,
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


def style():
    """The reports' chart style, for charts of one's own: `with plots.style(): ...` (see notebooks/explore.ipynb)."""
    return mpl.rc_context(STYLE)
