"""Tidy, sourced figures on the Dutch Banenafspraak (jobs agreement) per sector."""

import sys

from analysis.errors import DataValidationError, Issue

# nbformat imports jsonschema, whose format checkers import rfc3987_syntax when it is installed (JupyterLab's
# jupyter-events pulls it in); that module compiles some 38 lark grammars on import, seconds of CPU in every
# report run and worker (python-jsonschema/jsonschema#1428; benchmarks/RESULTS.md). Nothing here checks the "iri" formats it serves,
# so jsonschema is told it is absent and leaves those two formats unchecked.
sys.modules.setdefault("rfc3987_syntax", None)

__all__ = ["DataValidationError", "Issue", "load_tidy"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # load_tidy pulls in pandera; importing the package for charts alone should not
    if name == "load_tidy":
        from analysis.data.tidy import load_tidy

        return load_tidy
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
