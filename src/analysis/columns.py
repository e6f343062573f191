"""Column names of the raw and tidy tables (kept apart from the schema, so that reading them costs no pandera import)."""

FIGURE_COLUMNS = ["sector", "year", "measure", "value", "qualifier", "source_id", "locator", "note"]
FIGURE_KEY = ["sector", "year", "measure", "source_id"]
TIDY_COLUMNS = [
    "sector", "year", "measure", "value", "qualifier", "status", "source_id",
    "locator", "note", "derivation", "precision", "raw_file", "raw_line",
]
SECTOR_COLUMNS = ["sector", "name_nl", "name_en", "short_nl", "short_en", "group", "unit"]
SOURCE_COLUMNS = ["source_id", "title", "publisher", "date", "reference", "url", "primacy", "kind", "note"]
