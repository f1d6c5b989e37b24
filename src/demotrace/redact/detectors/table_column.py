"""The cells of a table's column whose header names a private kind (`tables.column_cells`): a
spreadsheet's "Name", "Emp#", "NI Number", "created_by" or "password" column, where the cell
alone ("3301", "ruslan.t", "Kiona") would be no one's to the other rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from ..tables import column_cells
from ._base import Detector, Span


class TableColumnDetector(Detector):
    name: ClassVar[str] = "table_column"
    kinds: ClassVar[tuple[str, ...]] = ("PERSON", "USERNAME", "ACCOUNT_ID", "SECRET", "STREET_ADDRESS")
    # a delimiter on a line that another line follows: a table has two rows at least
    trigger = re.compile(r"[,;\t|][^\n]*\n")

    def detect(self, text: str) -> Iterable[Span]:
        return [Span(kind, a, b, 0.75) for kind, a, b in column_cells(text)]
