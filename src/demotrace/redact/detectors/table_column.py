"""Values whose column or key names a private kind: the cells of a table's column under its
header (`tables.column_cells`: a spreadsheet's "Name", "Emp#", "NI Number", "created_by" or
"password"), a JSON pair's value (`"nachname": "Meißner"`) and an SQL insert's
(`record_keys.field_values`), where the value alone ("3301", "ruslan.t", "Kiona") would be no
one's to the other rules."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from ..record_keys import field_values
from ..tables import column_cells
from ._base import Detector, Span


def _may_hold(text: str) -> bool:
    """Two lines (a table), a quoted key's colon (a JSON pair), an insert's values or an XML
    entry's key."""
    return (
        "\n" in text
        or '":' in text
        or "':" in text
        or '" :' in text
        or "VALUES" in text
        or "values" in text
        or "<Key>" in text
    )


class TableColumnDetector(Detector):
    name: ClassVar[str] = "table_column"
    kinds: ClassVar[tuple[str, ...]] = ("PERSON", "USERNAME", "ACCOUNT_ID", "SECRET", "STREET_ADDRESS")
    # a delimiter on a line that another line follows (a table has two rows at least), a quoted
    # key's colon, an insert's values
    trigger = (
        re.compile(r"[,;\t|][^\n]*\n"),
        re.compile(r"[\"'][ \t]*:[ \t]*[\"']"),
        re.compile(r"(?i:values)"),
        "<Key>",  # a password manager's XML entry (`record_keys`)
    )

    def detect_many(self, texts: Sequence[str]) -> list[list[Span]]:
        """`detect` on the texts that can hold a table (two lines), a quoted pair or an insert: in
        the batch joined by newlines the table's trigger would be met by any two lines of prose
        with a comma, so it is not searched there."""
        return [list(self.detect(t)) if _may_hold(t) else [] for t in texts]

    def detect(self, text: str) -> Iterable[Span]:
        found = column_cells(text) + field_values(text)
        return [Span(kind, a, b, 0.75) for kind, a, b in found]
