"""Tables shown in the reports: a sector's figures with their sources, and the latest figures of every sector."""

from __future__ import annotations

import pandas as pd

from analysis import i18n, trends
from analysis.measures import MEASURES, QUALIFIERS
from analysis.registry import sector_names



def _value_text(value: float, precision: int, measure: str, qualifier: str, lang: str) -> str:
    text = QUALIFIERS.get(qualifier, "") + i18n.number(value, lang, precision)
    return text + "%" if MEASURES[measure].kind == "percent" else text


def figures_table(tidy: pd.DataFrame, sources: pd.DataFrame, sector: str, lang: str = "nl") -> pd.DataFrame:
    """Every figure of one sector, reported and derived, with publisher, date and place in the source."""
    h = i18n.COLUMNS[i18n.check_lang(lang)]
    rows = tidy[tidy["sector"] == sector]
    src = sources.set_index("source_id")

    def cite(ids: str) -> str:
        return "; ".join(f"{src.at[i, 'publisher']} ({src.at[i, 'date'] or i18n.t(lang, 'undated')})"
                         for i in ids.split("+") if i in src.index)

    return pd.DataFrame({
        h["year"]: [("" if pd.isna(y) else str(int(y))) for y in rows["year"]],
        h["measure"]: [MEASURES[m].label(lang) for m in rows["measure"]],
        h["value"]: [_value_text(v, p, m, q, lang) for v, p, m, q in
                     zip(rows["value"], rows["precision"], rows["measure"], rows["qualifier"])],
        h["status"]: [h[s] for s in rows["status"]],
        h["source"]: [cite(i) for i in rows["source_id"]],
        h["locator"]: [loc or d for loc, d in zip(rows["locator"], rows["derivation"])],
    }).reset_index(drop=True)


def latest_table(tidy: pd.DataFrame, sectors: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """One line per sector with data: latest year, realised, target, percentage and the projection verdict."""
    h = i18n.COLUMNS[i18n.check_lang(lang)]
    names = sector_names(sectors, lang)
    records = []
    for sector in trends.sectors_with_data(tidy, list(sectors["sector"])):
        latest = trends.latest(tidy, sector)
        if latest is None:
            continue
        proj = trends.projection(tidy, sector)
        course = h["none"]
        if proj.possible:
            course = h["reached"] if proj.last_value >= proj.target_value else (h["yes"] if proj.on_course else h["no"])

        def show(point: dict | None, measure: str) -> str:
            if point is None:
                return h["none"]
            text = _value_text(point["value"], point["precision"], measure, point["qualifier"], lang)
            return text + (f" ({h['derived']})" if point["status"] == "derived" else "")

        change = trends.change_since_previous(tidy, sector)
        arrow = h["none"] if change is None else ("↑" if change["change"] > 0 else "↓" if change["change"] < 0 else "→")
        records.append({h["sector"]: names[sector], h["year"]: str(latest["year"]),
                        h["realised"]: show(latest["realised"], "realised_jobs"),
                        h["target"]: show(latest["target"], "target_jobs"),
                        h["pct"]: show(latest["pct"], "realisation_pct"), h["trend"]: arrow, h["course"]: course})
    return pd.DataFrame(records)
