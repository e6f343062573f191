"""Tables shown in the reports: a sector's figures with their sources, and the latest figures of every sector."""

from __future__ import annotations

import pandas as pd

from analysis import i18n
from analysis.data.dataset import Dataset
from analysis.data.registry import cite, sector_names
from analysis.dictionary import BASES, MEASURES, PERIODS, QUALIFIERS, scope_label
from analysis.trends import series
from analysis.trends.coverage import COVERAGE_MEASURES, coverage_matrix
from analysis.trends.sector import sector_figures


def value_text(value: float, precision: int, measure: str, qualifier: str, lang: str) -> str:
    text = (QUALIFIERS[qualifier].mark if qualifier in QUALIFIERS else "") + i18n.number(value, lang, precision)
    return text + "%" if MEASURES[measure].kind == "percent" else text


def figures_table(data: Dataset, sector: str, lang: str = "nl") -> pd.DataFrame:
    """Every figure of one sector, reported and derived, with what it is (period, part, basis), its source,
    where in the source it stands, and the number of its quote in evidence_list."""
    tidy, sources = data.tidy, data.sources
    h = i18n.COLUMNS[i18n.check_lang(lang)]
    rows = tidy[tidy["sector"] == sector]
    quotes = evidence_numbers(rows)
    return pd.DataFrame(
        {
            h["year"]: [("" if pd.isna(y) else str(int(y))) for y in rows["year"]],
            h["period"]: [PERIODS[p].label(lang) for p in rows["period"]],
            h["measure"]: [MEASURES[m].label(lang) for m in rows["measure"]],
            h["value"]: [
                value_text(v, p, m, q, lang)
                for v, p, m, q in zip(rows["value"], rows["precision"], rows["measure"], rows["qualifier"])
            ],
            h["scope"]: [scope_label(s, lang) or h["whole_sector"] for s in rows["scope"]],
            h["basis"]: [BASES[b].label(lang) if b in BASES else h["none"] for b in rows["basis"]],
            h["status"]: [h[s] for s in rows["status"]],
            h["source_id"]: [cite(sources, i, lang) for i in rows["source_id"]],
            h["locator"]: [
                i18n.locator(loc, lang) if loc else i18n.derivation(d, lang)
                for loc, d in zip(rows["locator"], rows["derivation"])
            ],
            h["evidence"]: [f"[{quotes[e]}]" if e else "" for e in rows["evidence"]],
        }
    ).reset_index(drop=True)


def evidence_numbers(rows: pd.DataFrame) -> dict[str, int]:
    """A number per distinct quote, in order of first appearance (one quote may carry several figures)."""
    return {e: i for i, e in enumerate(dict.fromkeys(e for e in rows["evidence"] if e), start=1)}


def evidence_list(data: Dataset, sector: str, lang: str = "nl") -> list[dict]:
    """The quotes of one sector's figures, numbered as in figures_table, with source and locator."""
    tidy, sources = data.tidy, data.sources
    rows = tidy[(tidy["sector"] == sector) & (tidy["evidence"] != "")]
    numbers = evidence_numbers(tidy[tidy["sector"] == sector])
    first = rows.drop_duplicates("evidence")
    return [
        {
            "number": numbers[r.evidence],
            "quote": i18n.evidence(r.evidence, lang),
            "source": cite(sources, r.source_id, lang),
            "locator": i18n.locator(r.locator, lang),
        }
        for r in first.itertuples()
    ]


def answers_table(data: Dataset, lang: str = "nl") -> pd.DataFrame:
    """One row per sector with figures: the stand with the figures it rests on, the outlook, and the newest
    figure with its year (display.answer), each cell about one figure."""
    from analysis.display import answer

    h, words = i18n.COLUMNS[i18n.check_lang(lang)], i18n.SITE[lang]
    names = sector_names(data.sectors, lang)
    records = []
    for sector in series.sectors_with_data(data):
        cells = answer.answer_cells(sector_figures(data, sector), lang)
        records.append({h["sector"]: names[sector], **{words[k if k != "latest" else "latest_figure"]: v
                                                       for k, v in cells.items()}})  # fmt: skip
    return pd.DataFrame(records)


def series_table(data: Dataset, sector_ids: list[str], lang: str = "nl") -> pd.DataFrame:
    """What the sector charts draw, as a table (their text alternative): per sector and year the realised
    jobs, the target and the percentage of the main series, and percentages on another basis, marked."""
    sectors = data.sectors
    h = i18n.COLUMNS[i18n.check_lang(lang)]
    names = sector_names(sectors, lang)
    records = []
    for sector in sector_ids:
        by_year: dict[int, dict] = {}
        for measure, column in (("realised_jobs", "realised"), ("target_jobs", "target"), ("realisation_pct", "pct")):
            for p in sector_figures(data, sector).points(measure):
                text = value_text(p.value, p.precision, measure, p.qualifier, lang)
                by_year.setdefault(p.year, {})[h[column]] = text + (
                    f" ({h['derived']})" if p.status == "derived" else ""
                )
        for p in sector_figures(data, sector).other_points("realisation_pct"):
            by_year.setdefault(p.year, {})[h["other_basis"]] = (
                f"{value_text(p.value, p.precision, p.measure, p.qualifier, lang)} ({BASES[p.basis].label(lang)})"
            )
        for year in sorted(by_year):
            records.append({h["sector"]: names[sector], h["year"]: str(year), **by_year[year]})
    columns = [h[c] for c in ("sector", "year", "realised", "target", "pct", "other_basis")]
    table = pd.DataFrame(records, columns=columns).astype(object).fillna(h["none"])  # a column may be all empty
    return table if len(sector_ids) > 1 else table.drop(columns=h["sector"])


def coverage_long(data: Dataset, lang: str = "nl") -> pd.DataFrame:
    """What the coverage chart draws, one row per cell with a figure: sector, measure, year, published or derived."""
    h = i18n.COLUMNS[i18n.check_lang(lang)]
    names = sector_names(data.sectors, lang)
    shown = {"reported": i18n.t(lang, "legend_reported"), "derived": i18n.t(lang, "legend_derived")}
    records = []
    for measure in COVERAGE_MEASURES:
        matrix = coverage_matrix(data, measure)
        for sector, row in matrix.iterrows():
            for year, status in row.items():
                if status:
                    records.append({h["sector"]: names[sector], h["measure"]: MEASURES[measure].label(lang),
                                    h["year"]: str(year), h["status"]: shown[status]})  # fmt: skip
    return pd.DataFrame(records, columns=[h["sector"], h["measure"], h["year"], h["status"]])
