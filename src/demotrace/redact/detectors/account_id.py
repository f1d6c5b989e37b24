"""ACCOUNT_ID: the number of an account, a customer, a patient, a policy or a member after its cue.

The model finds most such ids by their context, but not all: in a window title its context is a
few words, and "Renewal for acct 0017Q00000xYz9 - Salesforce" was missed while "acct
0017Q00000xYz9" alone was found (issue 11, seventeenth pass). Here a cue word that names whose
number follows (account, acct, customer, client, member, policy, patient, MRN, subscriber,
contract, employee; the same in German, Dutch, French, Spanish, Italian, Portuguese, Polish and
the Nordic languages), optionally "id", "no.", "nr", "n°", "number" or "#", then one token of
letters, digits, `-`, `_` or `/` that holds five or more digits and is no date. Ids of things
(order, invoice, ticket, build) are not cued here: they number a thing, not a person's account
(`detectors/model.py` drops the model's spans after them).
"""

from __future__ import annotations

import re

from ._base import Pattern, PatternDetector
from ._lead import led

_CUE = led(
    (
        *(r"\baccount", r"\bacct", r"\ba/c", r"\bcustomer", r"\bclient", r"\bmember(?:ship)?"),
        *(r"\bpolicy", r"\bpatient", r"\bMRN", r"\bsubscriber", r"\bcontract", r"\bemployee"),
        *(r"\bempid", r"\bkunden?(?:nummer|nr)?", r"\bkonto(?:nummer|nr)?", r"\bmitglied(?:snummer)?"),
        *(r"\bversicherungsnummer", r"\bklant(?:nummer)?", r"\brekening(?:nummer)?", r"\blidnummer"),
        *(r"\bpatiënt(?:nummer)?", r"\bcompte", r"\badhérent", r"\bcontrat", r"\bcliente"),
        *(r"\bcuenta", r"\bsocio", r"\bpóliza", r"\bpaciente", r"\bconto", r"\btessera", r"\bkund"),
        *(r"\bkundnummer", r"\bmedlem(?:snummer)?", r"\bklient", r"\bpacjent"),
    ),
    ignore_case=True,
)
# "id", "no.", "nr.", "n°", "number", "#" and a colon between the cue and the id, in any order
_LINK = r"(?:[ \t]*(?:(?i:id|no|nr|n[°º]|num(?:ber)?|nummer|número|numero|numéro|#)\.?|[:#-]))*"
_TOKEN = r"((?=[A-Za-z_/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9_/-]*[A-Za-z0-9])?)"  # a digit in it: a cue after
# a cue ("compte client 44-81-2291") is no token that hides the id after it
_DAY, _MONTH = r"(?:0?[1-9]|[12]\d|3[01])", r"(?:0?[1-9]|1[0-2])"
_DATE = re.compile(rf"\d{{4}}[-/]{_MONTH}[-/]{_DAY}|{_DAY}[-/]{_DAY}[-/](?:\d{{2}}|\d{{4}})")
_DIGIT = re.compile(r"\d")
MIN_DIGITS = 5


class AccountIdDetector(PatternDetector):
    name = "account_id"
    kind = "ACCOUNT_ID"
    kinds = ("ACCOUNT_ID",)
    needs_digit = True
    patterns = (Pattern("cued", re.compile(rf"{_CUE}(?![^\W\d_]){_LINK}[ \t]*{_TOKEN}(?![\w/-])"), 0.85, 1),)

    def prefilter(self, text: str) -> bool:
        return _DIGIT.search(text) is not None

    def validate(self, match: str) -> bool:
        return sum(c.isdigit() for c in match) >= MIN_DIGITS and _DATE.fullmatch(match) is None
