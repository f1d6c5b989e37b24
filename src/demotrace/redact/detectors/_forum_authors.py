"""USERNAME: the handles a forum, a comment thread or Reddit shows beside a post.

"Posted by LaniSews", "Reply by CricInfoNerd:", "Top comment by u/Kaitiaki_Law:", "kingfish_kev
wrote:", "NanaJune · 2 days ago": the byline's words name the author, and the author of a post is
a member's handle. A handle is taken where it cannot be a word ("the team", "Moderator", "admin"
stay): a digit, "_", "." or "-" in it, a capital inside it (NanaJune), or no list calls it a word.
Reddit's "u/" is part of the handle.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_HANDLE = r"(?P<h>(?:u/)?[A-Za-z0-9_][\w.-]{1,30}[A-Za-z0-9_])"
# (each byline holds a literal of the username rule's trigger: "posted by", "replied by", "reply ",
# "comment", " wrote:", "· ")
_BYLINE = re.compile(
    r"\b(?:(?:[Pp]osted|[Rr]eplied|[Cc]omment(?:ed)?) by|[Rr]eply (?:by|from|[–—-])|[Tt]op comment by)[ \t]+"
    + _HANDLE
    + r"(?=[ \t]*(?:[:·•|,)]|\n|$|[ \t]+(?:on|at|in|[·•|–—-])\b))"
    r"|(?m:^[ \t]*"
    + _HANDLE.replace("P<h>", "P<h2>")
    + r"(?: wrote:|[ \t]· (?:\d+[ \t]*(?:s|secs?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
    r"w|weeks?|mo|months?|y|yrs?|years?)[ \t]+ago|yesterday|just[ \t]+now)))"
)
_CUES = ("by", "wrote:", "Reply", "reply", "·")
_CAPITAL_INSIDE = re.compile(r"[a-z][A-Z]")


def forum_authors(text: str, handle_like: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of the handles bylines name (`handle_like(value)`: not a word)."""
    if not any(c in text for c in _CUES):
        return []
    out = []
    for m in _BYLINE.finditer(text):
        g = "h" if m.group("h") else "h2"
        value = m.group(g)
        bare = value[2:] if value.startswith("u/") else value
        if value.startswith("u/") or _CAPITAL_INSIDE.search(bare) or handle_like(bare):
            out.append(m.span(g))
    return out
