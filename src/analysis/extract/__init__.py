"""Proposing figure rows from a published document, and taking the rows an analyst kept into data/raw.

documents reads a document (plain text, HTML, PDF) into passages with their place; sentences splits a passage
into sentences and finds the Dutch numbers and years in one; rules reads each number's sector, year, period,
measure, qualifier, scope and basis from the words around it (the words are in vocabulary.toml);
proposals writes and reads the proposals file; accept validates kept rows as `validate` does and appends them
to data/raw/figures, all or nothing; review shows proposals beside their sentences in JupyterLab.
"""
