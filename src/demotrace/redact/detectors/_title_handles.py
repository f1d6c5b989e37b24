"""A login alone in a window title's segment: "Discord | Friends | kat.nguyen", "Edit Item: Chase
Checking – jlee1987 – 1Password", "Your repositories · ana.rashidova". A title names its app, its page
and, where the page is someone's, their login; a segment that is one lower-case token shaped like
a login (words joined by "." or "_", or letters and a year's or a count's digits) is one, unless it
reads as a file's or a site's name ("config.yaml", "socket.io", "gov.br"), a program's or a
resource's name and a number ("python311", "stlogsprod01": a login's letters hold a listed name,
"jlee1987"), or words of a language joined ("app.module", "read_me").
"""

from __future__ import annotations

import re

from ._places import TITLE_MARKS
from .lexicon import FIRST, lexicon, word_set

# a title's separators ("Page | Site", "Profile · Site", "Doc – App"), as `app_segment` reads them,
# and the bullet Meta's sites put before their name ("h.bellweather • Instagram photos and videos")
_SEP = rf"[ \t][{TITLE_MARKS}•][ \t]"
_SEPARATOR = re.compile(_SEP)
# a login of words joined by "." or "_", an initial's letter first ("h.bellweather"), or of letters
# and a year's or a count's digits
_LOGIN = (
    r"(?:[a-z]{2,}|[a-z](?=[._][a-z]{3}))(?:[._][a-z]{2,})+\d{0,4}|[a-z]{3,}\d{2,4}"
    r"|[a-z]{3,}\.[a-z](?![\w.])"  # (or a first name and its initial: "jake.m", "faye.m")
)
_TITLE_HANDLE = re.compile(rf"(?:^|{_SEP})(?P<h>{_LOGIN})(?=$|{_SEP})", re.M)
# or in brackets before a separator or the title's end, as password managers show an item's login
# ("Netflix (ana.lopes) — Bitwarden")
_PAREN_HANDLE = re.compile(rf"\((?P<h>{_LOGIN})\)(?=[ \t]*(?:$|{_SEP}))", re.M)
# where a login may stand after a separator or in brackets: the batch's trigger of `title_handles` (a
# separator's class first, searched in C; a login that opens the title is read where another trigger
# let it in)
TRIGGER = re.compile(
    r"[|·•–—(-](?:(?<=[ \t][|·•–—-])[ \t]|(?<=\())[a-z]{2,}(?:[._][a-z]{2}|[a-z]\d\d|[a-z]\.[a-z](?![\w.]))"
    r"|[ \t]•[ \t]"  # (a login before Meta's bullet opens the title: "h.bellweather • Instagram")
)
# the last part of a file's, a site's or a package's name, not a person's
_NOT_LOGIN_END = word_set(
    """
    py js ts tsx jsx json yaml yml toml cfg ini conf log sh rs go java kt rb php cs cpp md txt csv
    pdf docx xlsx pptx png jpg jpeg svg html htm css xml lock env com org net io dev app ai co uk de fr
    nl es it gov edu info local internal svc cluster kdbx webp heic tiff sqlite ipynb epub mobi pages
    numbers keynote backup dump bak example sample template dist tmpl orig tfvars tf hcl j2 swp
    """
)


# the owner of a repository of one's own settings, which only a person keeps ("GitHub -
# kpetrov/dotfiles: my zsh config", "t.okonjo / dotfiles · GitLab"); an organisation's repositories
# ("acme/webshop") name no one
DOTFILES = re.compile(
    r"(?:(?<![\w./-])|(?<=\.com/)|(?<=\.org/))(?P<h>[A-Za-z0-9][\w.-]{0,38})"
    r"[ \t]?/[ \t]?(?:\.?dotfiles|dots|nixos-config)\b"
)


def _named(letters: str) -> bool:
    """`letters` is a listed name, maybe with one or two initials before or after it ("jlee",
    "annam"), as a login made of a name is."""
    lex = lexicon()
    return any(
        len(letters) - a - b >= 3 and lex.is_name(letters[a : len(letters) - b])
        for a in (0, 1, 2)
        for b in (0, 1, 2)
    )


def title_handles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each login alone in a segment of a one-line window title, and of the owner
    of a settings repository (`DOTFILES`)."""
    owners = [m.span("h") for m in DOTFILES.finditer(text)] if "dot" in text or "nixos" in text else []
    if "\n" in text or _SEPARATOR.search(text) is None:
        return owners  # (a title of segments: a token alone, "aarch64", is no title)
    lex = lexicon()
    out = []
    for m in (*_TITLE_HANDLE.finditer(text), *_PAREN_HANDLE.finditer(text)):
        handle = m.group("h")
        parts = re.split(r"[._]", handle.rstrip("0123456789"))
        if len(parts) == 2 and len(parts[-1]) == 1:
            if lex.tags.get(parts[0]) & FIRST:
                out.append(m.span("h"))  # "jake.m": a first name and its initial
            continue  # ("config.h", "main.c": a file's)
        if parts[-1] in _NOT_LOGIN_END or (len(parts) > 1 and len(parts[-1]) <= 3):
            continue  # "config.yaml", "socket.io", "gov.br", "orders_db": a file's, a site's extension
        if len(parts) == 1 and not _named(parts[0]):
            continue  # "python311", "stlogsprod01": letters of no name and a number
        if len(parts) > 1 and all(lex.is_word(p) and not lex.is_name(p) for p in parts):
            continue  # "app.module", "read_me": words joined
        out.append(m.span("h"))
    return out + owners
