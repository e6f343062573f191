"""The report site: executed notebooks as offline pages, the index and sources pages, PDFs, and the templates."""
