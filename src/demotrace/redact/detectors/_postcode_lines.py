"""An address of named parts that ends with a British postcode or an Irish Eircode and has no house
number: a farm's, a cottage's or a house's name, its village, its town, its county ("Fferm
Pantyrhyd, Llandysul, Ceredigion SA44 4PQ", "The Old Rectory, Chipping Norton OX7 5AA",
"Ballinacurra House, Midleton, Co. Cork P25 K8W1"). The street rules need a number or a street's
word; such an address has neither, and its postcode alone said nothing to them.

`postcode_lines` reads back from each postcode over the comma-separated parts of its line (each
a run of capitalised words, "y", "an", "na", "the", "of" among them), two parts at most before
the postcode's own (a name before them, "Dafydd Price, Bryn Cottage, Penycae, Swansea SA9 1GQ",
stays the person rule's); a part with lower-case words keeps only its capitalised tail ("Send
thanks to The Old Rectory" gives "The Old Rectory") and ends the address there, as a label's
colon, a dash, a bracket or the line's start do; a house's number before the tail is taken with
it ("12B Kingsway Mansions"). Read by the address rule beside its other candidates."""

from __future__ import annotations

import re

# a full British postcode (outward code, a blank, inward code: "SA44 4PQ", "W1C 1AP") or an Eircode
# ("P25 K8W1", "D02 XY71"), searched from the digit after their letters (`re` skips to a digit in C)
POSTCODE = re.compile(
    # (not a share code's three groups: "W7R 2KP 9XJ")
    r"\d(?:(?<=\b[A-Z]\d)|(?<=\b[A-Z]{2}\d))[A-Z\d]?[ \t]\d[A-Z]{2}\b(?![ \t][A-Z0-9]{3}\b)"  # British
    r"|\d(?<=\b[AC-FHKNPRTV-Y]\d)\d[ \t][0-9AC-FHKNPRTV-Y]{4}\b"  # Irish (the letters Eircodes use)
)
# the capitalised run a part ends with, a capital first, small words of place names in it
_SMALL = r"(?:y|an|na|the|of|upon|on|le|de|yr|la|del)"
_PART_TAIL = re.compile(
    rf"(?<![\w'’.-])([^\W\d_a-z][\w'’.-]*(?:[ \t]+(?:[^\W\d_a-z][\w'’.-]*|{_SMALL}))*)[ \t]*\Z"
)
# a house's number before the part's capitalised words
_HOUSE = re.compile(r"(?:^|(?<=[ \t]))(\d{1,4}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?)[ \t]+\Z")
# what ends the address before it on the line: a label's colon, a dash between words, a bracket
_BOUNDARY = re.compile(r".*(?::|[ \t][-–—][ \t]|\()", re.S)
_MAX_PARTS = 3  # the postcode's own part (its town) and two before it


def postcode_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each address of named parts that ends with a postcode (see above)."""
    out = []
    for m in POSTCODE.finditer(text):
        code = m.start()
        while code > 0 and text[code - 1].isupper():
            code -= 1  # the postcode's letters before its digit
        line_start = text.rfind("\n", 0, code) + 1
        bound = _BOUNDARY.match(text, line_start, code)
        floor = bound.end() if bound is not None else line_start
        start = end = code
        for _ in range(_MAX_PARTS):
            comma = text.rfind(",", floor, end)
            part_start = floor if comma < 0 else comma + 1
            part = text[part_start:end]
            tail = _PART_TAIL.search(part)
            if tail is None or not tail.group(1):
                break
            start = part_start + tail.start(1)
            if (house := _HOUSE.search(part, 0, tail.start(1))) is not None:
                start = part_start + house.start(1)  # "12B Kingsway Mansions": its number too
                break
            if part[: tail.start(1)].strip() or comma < 0:
                break  # words or a number before the capitalised tail ("Send thanks to The Old Rectory")
            end = comma
        if start < code:
            out.append((start, m.end()))
    return out
