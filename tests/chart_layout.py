"""What a reader sees collide in a chart, measured with matplotlib's own renderer (Agg) after layout.

Every drawn text (titles, tick labels, annotations, legend entries, figure texts) is measured as the box it
occupies on screen, and compared with every other text, with the plotted lines and markers of its axes, with
the bars, and with the legends. A text inside one bar (a label on its own segment) is fine; a text that runs
into a bar, a line through a text, or a text under a legend is a collision. A text cut off at the figure's
edge is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Bbox

MARGIN = 0.5  # pixels two boxes must share before they count as touching (anti-aliasing is not a collision)


@dataclass(frozen=True)
class Collision:
    what: str
    a: str
    b: str

    def __str__(self) -> str:
        return f"{self.what}: {self.a!r} / {self.b!r}"


def _drawn_tick_labels(ax) -> set[int]:
    """ids of the tick labels the axes actually drew (a tick outside the view keeps a stale label)."""
    drawn: set[int] = set()
    if not ax.axison:
        return drawn
    for axis, (low, high) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
        if not axis.get_visible():
            continue
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            if low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                drawn.update({id(tick.label1), id(tick.label2)})
    return drawn


def _all_axes(fig: Figure):
    for ax in fig.axes:
        yield ax
        yield from ax.child_axes


def texts(fig: Figure) -> list[Text]:
    """Every text a reader sees in the figure."""
    drawn: set[int] = set()
    tick_labels: set[int] = set()
    for ax in _all_axes(fig):
        drawn |= _drawn_tick_labels(ax)
        for axis in (ax.xaxis, ax.yaxis):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                tick_labels.update({id(tick.label1), id(tick.label2)})
    found = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip():
            continue
        if id(t) in tick_labels and id(t) not in drawn:
            continue
        found.append(t)
    return list({id(t): t for t in found}.values())


def _overlap(a: Bbox, b: Bbox) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > MARGIN and min(a.y1, b.y1) - max(a.y0, b.y0) > MARGIN


def _inside(a: Bbox, b: Bbox) -> bool:
    return a.x0 >= b.x0 - MARGIN and a.x1 <= b.x1 + MARGIN and a.y0 >= b.y0 - MARGIN and a.y1 <= b.y1 + MARGIN


def _shrunk(box: Bbox) -> Bbox:
    return Bbox.from_extents(box.x0 + MARGIN, box.y0 + MARGIN, box.x1 - MARGIN, box.y1 - MARGIN)


def _line_hits(line: Line2D, box: Bbox, renderer) -> bool:
    """Whether the line's stroke or one of its markers covers part of the box."""
    xy = line.get_transform().transform(line.get_xydata())
    stroked = line.get_linestyle() not in ("None", "none", " ", "") and len(xy) > 1
    if stroked and Path(xy).intersects_bbox(_shrunk(box), filled=False):
        return True
    if line.get_marker() not in (None, "None", "none", "", " "):
        half = line.get_markersize() * renderer.points_to_pixels(1) / 2
        for x, y in xy:
            if _overlap(Bbox.from_extents(x - half, y - half, x + half, y + half), box):
                return True
    return False


def _legends(fig: Figure) -> list:
    found = [leg for leg in fig.legends]
    for ax in _all_axes(fig):
        if ax.get_legend() is not None:
            found.append(ax.get_legend())
    return found


def collisions(fig: Figure) -> list[Collision]:
    """Every collision a reader would see in `fig`, after drawing it as it is saved."""
    canvas = FigureCanvasAgg(fig) if not isinstance(fig.canvas, FigureCanvasAgg) else fig.canvas
    canvas.draw()
    renderer = canvas.get_renderer()
    shown = texts(fig)
    boxes = {id(t): t.get_window_extent(renderer) for t in shown}
    legends = _legends(fig)
    in_legend = {id(t) for leg in legends for t in leg.findobj(Text)}
    found: list[Collision] = []
    page = fig.bbox
    for t in shown:
        if not _inside(boxes[id(t)], page):
            found.append(Collision("cut off at the figure's edge", t.get_text(), ""))
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            if _overlap(boxes[id(a)], boxes[id(b)]):
                found.append(Collision("text on text", a.get_text(), b.get_text()))
    for t in shown:
        if id(t) in in_legend:
            continue
        box = boxes[id(t)]
        for ax in _all_axes(fig):
            for line in ax.lines:
                if line.get_visible() and _line_hits(line, box, renderer):
                    found.append(Collision("line through text", t.get_text(), line.get_label()))
            for patch in ax.patches:
                if isinstance(patch, Rectangle) and patch.get_visible() and patch.get_height() and patch.get_width():
                    bar = patch.get_window_extent(renderer)
                    if _overlap(box, bar) and not _inside(box, bar):
                        found.append(Collision("text runs into a bar", t.get_text(), patch.get_label()))
        for leg in legends:
            if _overlap(box, leg.get_window_extent(renderer)):
                found.append(Collision("text under the legend", t.get_text(), "legend"))
    for leg in legends:
        frame = leg.get_window_extent(renderer)
        for ax in _all_axes(fig):
            for line in ax.lines:
                if line.get_visible() and _line_hits(line, frame, renderer):
                    found.append(Collision("line through the legend", "legend", line.get_label()))
            for patch in ax.patches:
                shown_bar = isinstance(patch, Rectangle) and patch.get_visible() and patch.get_height()
                if shown_bar and _overlap(frame, patch.get_window_extent(renderer)):
                    found.append(Collision("bar under the legend", "legend", patch.get_label()))
    return found


# ------------------------------------------------------------------ what a chart says, read back from it


def value_rows(fig: Figure) -> list[dict[str, dict[int, str]]]:
    """The rows of values under each plot of a jobs chart, top to bottom: {row name: {year: text}}, read from
    the drawn texts and row names (a wrapped name is read as one line)."""
    tables = []
    for ax in fig.axes:
        ticks = ax.get_yticks()
        names = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
        if not ax.texts or ax.lines or ax.patches or not any(names):
            continue
        rows: dict[str, dict[int, str]] = {name: {} for name in names}
        for t in ax.texts:
            x, y = t.get_position()
            nearest = min(range(len(ticks)), key=lambda i: abs(ticks[i] - y))
            rows[names[nearest]][round(x)] = t.get_text()
        tables.append(rows)
    return tables


def legend_texts(fig: Figure) -> list[str]:
    """Every legend entry of the figure, a wrapped one read as one line."""
    return [t.get_text().replace("\n", " ") for leg in _legends(fig) for t in leg.get_texts()]
