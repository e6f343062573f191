"""What we know, from where, how fresh: coverage, freshness and source mix per sector, as dataframes."""

from __future__ import annotations

import pandas as pd

from analysis.data import categorical
from analysis.data.dataset import Dataset
from analysis.data.derived import series_rows
from analysis.data.registry import cite, national_sectors

COVERAGE_MEASURES = ("realised_jobs", "target_jobs", "realisation_pct")


def coverage(data: Dataset) -> pd.DataFrame:
    """One row per (sector, year, measure) that has a figure: 'reported' if any source publishes it, else 'derived'."""
    tidy = data.tidy
    dated = series_rows(tidy)
    dated = dated[dated["year"].notna() & dated["measure"].isin(COVERAGE_MEASURES)]
    status = dated.groupby(["sector", "year", "measure"])["status"].agg(
        lambda s: "reported" if (s == "reported").any() else "derived"
    )
    return status.rename("status").reset_index().astype({"year": "int64"})


def coverage_matrix(data: Dataset, measure: str) -> pd.DataFrame:
    """Sectors × years for one measure: 'reported', 'derived' or '' (nothing published or derived)."""
    tidy, sectors = data.tidy, data.sectors
    sector_order = list(sectors["sector"])
    cov = coverage(data)
    cov = cov[cov["measure"] == measure]
    years = range(int(tidy["year"].min()), int(tidy["year"].max()) + 1)
    matrix = cov.pivot(index="sector", columns="year", values="status")
    return matrix.reindex(index=sector_order, columns=list(years)).astype(object).fillna("")


def freshness(data: Dataset) -> pd.DataFrame:
    """Latest year with a realised figure, a target and a percentage, and how many years the realised
    figure lags the newest national realised figure (0 when it is as new or newer)."""
    tidy, sectors = data.tidy, data.sectors
    sector_order = list(sectors["sector"])
    reported = tidy[tidy["status"] == "reported"]
    national_latest = reported.loc[
        reported["sector"].isin(national_sectors(sectors)) & (reported["measure"] == "realised_jobs"), "year"
    ].max()

    def latest(sector: str, measure: str):
        years = reported.loc[(reported["sector"] == sector) & (reported["measure"] == measure), "year"].dropna()
        return int(years.max()) if len(years) else pd.NA

    rows = []
    for sector in sector_order:
        realised = latest(sector, "realised_jobs")
        rows.append(
            {
                "sector": sector,
                "latest_realised": realised,
                "latest_target": latest(sector, "target_jobs"),
                "latest_pct": latest(sector, "realisation_pct"),
                "years_behind_national": pd.NA
                if realised is pd.NA or pd.isna(national_latest)
                else max(0, int(national_latest) - realised),
            }
        )
    frame = pd.DataFrame(rows)
    for column in ("latest_realised", "latest_target", "latest_pct", "years_behind_national"):
        frame[column] = frame[column].astype("Int64")
    return frame


def source_mix(data: Dataset) -> pd.DataFrame:
    """Per sector, how many reported figures rest on primary and on secondary sources."""
    tidy, sources, sectors = data.tidy, data.sources, data.sectors
    sector_order = list(sectors["sector"])
    reported = tidy[tidy["status"] == "reported"].merge(sources[["source_id", "primacy"]], on="source_id", how="left")
    counts = reported.groupby(["sector", "primacy"]).size().unstack(fill_value=0)
    counts = (
        counts.reindex(index=sector_order, columns=["primary", "secondary"], fill_value=0).fillna(0).astype("int64")
    )
    total = counts["primary"] + counts["secondary"]
    # a percentage, as a reader reads a share ('7', headed 'Aandeel secundair (%)'), not the fraction 0,07
    counts["secondary_pct"] = (100 * counts["secondary"] / total.where(total > 0)).round(0)
    return counts.reset_index()


def without_figures(data: Dataset) -> list[str]:
    """Registered sectors with no quantitative figure at all."""
    tidy, sectors = data.tidy, data.sectors
    present = set(tidy["sector"])
    return [s for s in sectors["sector"] if s not in present]


def only_part_sector(data: Dataset) -> list[str]:
    """Registered sectors with figures, but none for the whole sector (only quarterly or part-sector ones)."""
    tidy, sectors = data.tidy, data.sectors
    present, whole = set(tidy["sector"]), set(series_rows(tidy)["sector"])
    return [s for s in sectors["sector"] if s in present and s not in whole]


def consistency_findings(data: Dataset, lang: str = "nl") -> pd.DataFrame:
    """Every comparison that is not exactly equal, with both sides' publishers, for reading."""
    sources = data.sources
    found = categorical.decoded(data.consistency())  # plain texts for reading (made as categoricals)
    found = found[found["outcome"] != "consistent"].copy()
    found["source_a"] = found["source_a"].map(lambda ids: cite(sources, ids, lang))
    found["source_b"] = found["source_b"].map(lambda ids: cite(sources, ids, lang))
    return found.reset_index(drop=True)


def readings_beside_the_series(data: Dataset) -> pd.DataFrame:
    """Reported figures that are no point of a sector's annual whole-sector series: quarterly readings and
    part-sector figures, one row each, in registry order (shown beside the coverage matrix, marked)."""
    tidy, sectors = data.tidy, data.sectors
    rows = tidy[(tidy["status"] == "reported") & ((tidy["period"] != "year") | (tidy["scope"] != ""))]
    rank = {s: i for i, s in enumerate(sectors["sector"])}
    rows = rows.assign(_rank=rows["sector"].map(rank)).sort_values(
        ["_rank", "year", "period", "measure"], kind="stable"
    )
    columns = ["sector", "year", "period", "scope", "measure", "value", "qualifier", "precision", "basis", "source_id"]
    return rows[columns].reset_index(drop=True)
