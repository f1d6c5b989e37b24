"""A person's record by its id in a path: a REST route or a page's address names the resource and
then the record ("GET /v1/users/88102347", "…/patients/4471029/labs", "/customers/cus_8Hk2…"). The
model reads some of them; a request line or a window's title (Postman's, a browser's) holds the
path alone, without the words around it the model wants.

And ids named by their own acronym that the sets label a person's whenever it stands before them:
a vehicle's identification number ("VIN 1HGCV1F34KA118277", 9 of 9 in the open sets), a
researcher's ORCID iD ("ORCID: 0000-0002-7731-4096"; the national-id rule takes it elsewhere only
with a valid check digit)."""

from __future__ import annotations

import re

# the resource's plural noun, then the record's id: digits (four or more, no year), a prefixed id, a UUID
_RESOURCE_ID = re.compile(
    r"/(?i:users|customers|patients|members|accounts|clients|employees|students|profiles|people|persons|"
    r"contacts|applicants|candidates|tenants|subscribers|guests|residents|claimants|beneficiaries)/"
    r"(?P<id>(?!(?:19|20)\d\d(?!\d))\d{4,12}|[a-z]{2,4}_[A-Za-z0-9]{8,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    r"(?![\w-])"
)


def resource_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) of each record's id after its resource in a path (see above)."""
    if "/" not in text:
        return []
    return [m.span("id") for m in _RESOURCE_ID.finditer(text)]


_VIN = re.compile(r"VIN(?<!\wVIN)\b[ \t]*[:#]?[ \t]*(?P<id>[A-HJ-NPR-Z0-9]{17})\b")
_ORCID = re.compile(
    r"(?:ORCID|orcid|Orcid)(?<!\w(?:ORCID|orcid|Orcid))(?:[ \t]+iD)?[ \t]*[:(]?[ \t]*(?:https?://orcid\.org/)?(?P<id>\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b"
)


# a Spanish property's cadastral reference (urban: seven digits, two letters, four digits, a letter,
# four digits, two check letters: "7346114VG4174F0023KL"), a shape no other number has
_CATASTRO = re.compile(r"\d(?<![\w-]\d)\d{6}[A-Z]{2}\d{4}[A-Z]\d{4}[A-Z]{2}(?![\w-])")


def named_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) of each VIN and ORCID iD after its acronym, and each cadastral reference (see
    above)."""
    out = [m.span("id") for m in _VIN.finditer(text)] if "VIN" in text else []
    out += [m.span() for m in _CATASTRO.finditer(text)]
    if "rcid" in text or "RCID" in text:
        out += [m.span("id") for m in _ORCID.finditer(text)]
    return out
