"""extract's rules, in stages (propose.py runs them in order): context, numbers, measures, years, sectors,
qualities; ruled.py holds what a rule ruled and the checks' messages."""

from analysis.extract.rules.propose import Proposal, Reading, SetAside, propose

__all__ = ["Proposal", "Reading", "SetAside", "propose"]
