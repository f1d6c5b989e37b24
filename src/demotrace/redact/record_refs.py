"""A company's own records' numbers, not a person's: a ticket's, an invoice's, a build's, an
incident's, an asset's number after its word ("Zendesk #884120", "Asset tag: LT-5531", "Pipeline
#88214", "Incident INC-2024-117", "Invoice INV-2024-3381").

The model (and an id rule) reads such a number as an account id. On our labelled sets, written by
others, a number after these words was labelled a person's 16 times in 404 (after "account",
"policy", "member", "customer", "claim", "patient" it was labelled 322 times in 354: those words
are not here, nor "order", "case", "booking", "ref", labelled about half the time; nor "RFC",
Mexico's tax id).
`without_record_refs` drops the ACCOUNT_ID findings that follow one of these words; a number of
another kind (a phone, a card) is kept whatever word goes before it."""

from __future__ import annotations

import re

from ..schema import Finding

# an invoice's word in the languages read
_INVOICE = (
    r"rechnung(?:snummer|snr\.?)?|facture|factuur(?:nummer)?|fatura|factura|fattura|faktura|"
    r"nota[ \t]+fiscal|proforma"
)
# the record's word, then "no.", "number", "id", "#" or ":" and the blanks before the number
_RECORD_BEFORE = re.compile(
    r"(?i:\b(?:(?<!e-)ticket|invoice|build|request|run|asset(?:[ \t]+tag)?|incident|jira|job|pipeline|"
    r"zendesk|freshdesk|servicenow|bug|runbook|pr|pull[ \t]+request|issue|sprint|epic|change|chg|"
    r"merge[ \t]+request|mr|commit|release|deploy(?:ment)?|work[ \t]+order|wo|task|story|" + _INVOICE + r"))"
    r"(?:[ \t]+(?i:no\.?|nr\.?|n[°ºo]\.?|n\.[ºo]|number|id|num(?:ero|éro|ber)?\.?))?"
    r"[ \t]*[:#]?[ \t]*#?[ \t]*$"
)
# an invoice's number in the other languages read, and its series before it ("Fatura FT 2024/118")
_INVOICE_BEFORE = re.compile(
    r"(?i:\b(?:invoice|" + _INVOICE + r"))(?:[ \t]+(?i:no\.?|nr\.?|n[°ºo]\.?|n\.[ºo]|num(?:ero|éro)?\.?))?"
    r"[ \t]*[:#]?[ \t]*(?:[A-Z]{1,4}[ \t])?[ \t]*$"
)
# a phone's shape that is a year and a count: "2024-0088", "2024/118"
_YEAR_COUNT = re.compile(r"(?:19|20)\d\d[-/]\d{2,7}")


def _invoice_count(text: str, f: Finding) -> bool:
    """A phone's finding that is an invoice's year and count, after an invoice's word."""
    return (
        f.kind == "PHONE_NUMBER"
        and _YEAR_COUNT.fullmatch(text, f.start, f.end) is not None
        and _INVOICE_BEFORE.search(text, max(0, f.start - 30), f.start) is not None
    )


def without_record_refs(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the ACCOUNT_ID findings right after a record's word (`_RECORD_BEFORE`), and
    an invoice's year and count read as a phone ("Factuur 2024-0088")."""
    kept = [
        f
        for f in merged
        if (f.kind != "ACCOUNT_ID" or _RECORD_BEFORE.search(text, max(0, f.start - 30), f.start) is None)
        and not _invoice_count(text, f)
    ]
    return merged if len(kept) == len(merged) else kept
