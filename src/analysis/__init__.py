"""Tidy, sourced figures on the Dutch Banenafspraak (jobs agreement) per sector."""

from analysis.errors import DataValidationError, Issue

__all__ = ["DataValidationError", "Issue", "load_tidy"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # load_tidy pulls in pandera; importing the package for charts alone should not
    if name == "load_tidy":
        from analysis.tidy import load_tidy

        return load_tidy
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
