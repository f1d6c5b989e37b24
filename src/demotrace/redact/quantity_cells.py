"""A number in a table's column of quantities is a quantity: a row count, a total, a size, a price
(psql's `n_live_tup | 9812044`, a report's "Total | 2210387"), not a phone's or an account's
number that the phone rule or the model reads in seven to ten bare digits. A column of product
codes is treated the same way: a barcode's 13 digits under "ean" are a product's, no one's phone.

`without_quantity_cells` drops the PHONE_NUMBER, ACCOUNT_ID and STREET_ADDRESS findings that lie
inside one cell of such a column (the tables as `tables.tables` reads them, a header named) and hold
no letter; a number in any other column, or a finding that spans more than its cell, is kept."""

from __future__ import annotations

import re

from ..schema import Finding
from .tables import tables

# a column's name that says it counts or measures (its words lower-cased, "_" as a blank)
_QUANTITY_COLUMN = re.compile(
    r"(?:n[ _])?(?:count|counts|total|totals|qty|quantity|rows|size|bytes|amount|price|cost|stock|"
    r"balance|sum|avg|min|max|mean|median|elapsed|duration|latency|calls|hits|requests|errors|"
    r"live[ _]tup|dead[ _]tup|seq[ _]scan|idx[ _]scan|tuples|pages|blocks|reads|writes|inserts|"
    r"updates|deletes|views|clicks|visits|sessions|users|orders|units|items|volume|weight|length)"
    r"(?:[ _](?:cents|bytes|kb|mb|gb|ms|sec|secs|seconds|count|total))?",
    re.IGNORECASE,
)
# a column of a product's codes: "ean", "gtin_13", "UPC", "ISBN", "barcode"
_PRODUCT_CODE_COLUMN = re.compile(
    r"(?:ean|ean[ _]?13|ean[ _]?8|gtin(?:[ _]?1[234])?|upc|isbn(?:[ _]?1[03])?|barcode)", re.IGNORECASE
)
_KINDS = frozenset(("PHONE_NUMBER", "ACCOUNT_ID", "STREET_ADDRESS"))
_LETTER = re.compile(r"[^\W\d_]")


def _quantity_cells(text: str) -> list[tuple[int, int]]:
    cells: list[tuple[int, int]] = []
    for table in tables(text):
        if table.header is None:
            continue
        header = enumerate(table.header)
        columns = [
            k
            for k, (a, b) in header
            if _QUANTITY_COLUMN.fullmatch(name := text[a:b].strip()) or _PRODUCT_CODE_COLUMN.fullmatch(name)
        ]
        cells += [row[k] for row in table.rows for k in columns if k < len(row)]
    return cells


def without_quantity_cells(text: str, merged: list[Finding]) -> list[Finding]:
    """`merged` less the numbers inside a quantity column's cells (`_QUANTITY_COLUMN`)."""
    if "\n" not in text or not any(f.kind in _KINDS for f in merged):
        return merged
    cells = _quantity_cells(text)
    if not cells:
        return merged
    kept = [
        f
        for f in merged
        if f.kind not in _KINDS
        or _LETTER.search(text, f.start, f.end) is not None
        or not any(a <= f.start and f.end <= b for a, b in cells)
    ]
    return merged if len(kept) == len(merged) else kept
