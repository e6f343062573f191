"""Tidy, sourced figures on the Dutch Banenafspraak (jobs agreement) per sector."""

from analysis.errors import DataValidationError, Issue
from analysis.tidy import load_tidy

__all__ = ["DataValidationError", "Issue", "load_tidy"]
__version__ = "0.1.0"
