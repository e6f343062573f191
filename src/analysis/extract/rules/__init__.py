"""extract's rules, in stages (propose.py runs them in order): context, numbers, measures, years, sectors,
qualities; ruled.py holds what a rule ruled and the checks' messages."""

from analysis.extract.rules.propose import UNREAD, Proposal, Reading, SetAside, propose

__all__ = ["UNREAD", "Proposal", "Reading", "SetAside", "propose"]
