"""The key figures of one sector as plain data: what a report's summary.json records and its text is written
from. It composes the series and the answer (trends) and the answer in words (display.answer), so it stands above
them; the answer itself is plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from analysis.data.dataset import Dataset
from analysis.data.registry import sector_names
from analysis.display import answer
from analysis.trends import series
from analysis.trends.sector import SectorFigures, sector_figures


def figure_dict(p: series.Point) -> dict:
    """A figure as summary.json holds it: the value with the word it was published with and its decimals."""
    return {"value": p.value, "qualifier": p.qualifier, "precision": p.precision}


def answer_dict(figures: SectorFigures, data: Dataset) -> dict:
    """The answer as summary.json holds it: the stand and the outlook as data, with labels and text per language."""
    out = {"stand": asdict(figures.stand), "outlook": asdict(figures.outlook)}
    for lang in ("nl", "en"):
        name = sector_names(data.sectors, lang)[figures.sector]
        out[f"label_{lang}"] = [answer.stand_label(figures.stand, lang), answer.outlook_label(figures.outlook, lang)]
        out[f"text_{lang}"] = answer.answer_text(figures, name, lang, data.sources)
    return out


def sector_summary(data: Dataset, sector: str, today: dt.date | None = None) -> dict:
    """Key figures of one sector as plain data; each figure with its qualifier, so that no reader of the file
    gets 'bijna 90.000' as a bare 90000. `today` decides which target years have passed (default: today)."""

    def by_year(pts: list[series.Point], status: str | None = None) -> dict[str, dict]:
        return {str(p.year): figure_dict(p) for p in pts if status is None or p.status == status}

    f = sector_figures(data, sector, today)
    g = f.goal
    targets = f.points("target_jobs")
    pct = f.points("realisation_pct")
    return {
        "sector": sector,
        "basis": f.main_basis,
        "realised_jobs": by_year(f.points("realised_jobs")),
        "target_jobs": by_year(targets, "reported"),
        "derived_target_jobs": by_year(targets, "derived"),
        "realisation_pct": by_year(pct, "reported"),
        "derived_realisation_pct": by_year(pct, "derived"),
        "other_basis": [asdict(p) for p in f.other_points("realisation_pct") + f.other_points("realised_jobs")],
        "goal_jobs": asdict(g) if g else None,
        "goal_dates": [asdict(p) for p in f.goal_dates],
        "latest": f.latest,
        "change_since_previous": f.change,
        "answer": answer_dict(f, data),
        "sources": f.sources,
    }
