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

# the record's word, then "no.", "number", "id", "#" or ":" and the blanks before the number
_RECORD_BEFORE = re.compile(
    r"(?i:\b(?:(?<!e-)ticket|invoice|build|request|run|asset(?:[ \t]+tag)?|incident|jira|job|pipeline|"
    r"zendesk|freshdesk|servicenow|bug|runbook|pr|pull[ \t]+request|issue|sprint|epic|change|chg|"
    r"merge[ \t]+request|mr|commit|release|deploy(?:ment)?|work[ \t]+order|wo|task|story))"
    r"(?:[ \t]+(?i:no\.?|nr\.?|number|id))?[ \t]*[:#]?[ \t]*#?[ \t]*$"
)


def without_record_refs(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the ACCOUNT_ID findings right after a record's word (`_RECORD_BEFORE`)."""
    kept = [
        f
        for f in merged
        if f.kind != "ACCOUNT_ID" or _RECORD_BEFORE.search(text, max(0, f.start - 30), f.start) is None
    ]
    return merged if len(kept) == len(merged) else kept
