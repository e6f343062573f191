"""Column names of the raw and tidy tables (kept apart from the schema, so that reading them costs no pandera import)."""

FIGURE_COLUMNS = [
    "sector",
    "year",
    "period",
    "measure",
    "value",
    "qualifier",
    "scope",
    "basis",
    "source_id",
    "locator",
    "evidence",
    "note",
]
# One published figure: the same value may come from several sources, but one source gives it once.
FIGURE_KEY = ["sector", "year", "period", "measure", "scope", "basis", "source_id"]
TIDY_COLUMNS = [
    "sector",
    "year",
    "period",
    "measure",
    "value",
    "qualifier",
    "scope",
    "basis",
    "era",
    "status",
    "source_id",
    "locator",
    "evidence",
    "note",
    "derivation",
    "precision",
    "raw_file",
    "raw_line",
]
SECTOR_COLUMNS = ["sector", "name_nl", "name_en", "short_nl", "short_en", "group", "unit"]
SOURCE_COLUMNS = ["source_id", "title", "publisher", "date", "accessed", "reference", "url", "primacy", "kind", "note"]
BREAK_COLUMNS = ["break_id", "year", "date", "sectors", "source_id", "locator", "what_nl", "what_en", "note"]
