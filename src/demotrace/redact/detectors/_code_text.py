"""Whether a text of several lines is code, config, a shell session or a log: the model's names,
streets, account ids and logins found there are the program's words, not a person's.

Measured on the labelled sets (model spans no rule found, texts of three lines or more): where at
least two lines in five look like code, the model's PERSON, ACCOUNT_ID, STREET_ADDRESS and
USERNAME spans were right 45 times and wrong 248 times ("CronJob", "SHA256SUMS", "Key Vault",
"C9300", "json"); most of the 45 were logins under a key or a flag, which the login rule reads
(`_login_contexts`). A secret's span stays: there the model was right 177 times in 294.

A log's line is a record of people's doings: an account id or an address the model finds on a line
that opens with a time stamp or a chat's nick stays ("exportado informe IRPF para empleado
EMP-30417", "<ops-lena> code is 482913"): there the model was right 5 times in 5. So do an
account id and an address in a string (a row's `'09382716-P'`, `'Vesterbrogade 112, 1620 København V'`).

A line looks like code by its own marks: a shell prompt or a comment's lead, a key before "=" or
":" (a form's "Patient name:" is not: a key of code has no space and starts in lower case, or is a
constant; any key glued to "=" and its value, as INI files write them), an INI section, a network
device's prompt (`switch(config)#`), markup, a bracket that opens or closes the line, a keyword
that starts a statement or a command, a YAML list of maps, a log's time stamp, a call, a path of
code (`::`, `->`, `${`).
"""

from __future__ import annotations

import re

_CODE_LINE = re.compile(
    r"""(?x)
     ^[ \t]*(?:\$|\#|>|PS[ ][A-Z]:\\[^>\n]*>|[\w.-]+@[\w.-]+:[~/][^$#\n]*[$#])[ \t]+\S
    |^[ \t]*(?://|--[ \t]|/\*|\*[ \t]|;[ \t]|<!--)
    |^[ \t]*(?:[a-z_][\w.-]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+|"[\w.-]+"|'[\w.-]+')[ \t]*(?:=>|[:=])
       (?:[ \t]|$|["'\w$\[{<(])
    |^[ \t]*[A-Za-z][\w.-]*=\S|^\[[\w .:/-]+\][ \t]*$|^[ \t]*[\w.-]+\([\w-]+\)\#
    |^[ \t]*<[!?/]?[A-Za-z][\w:.-]*(?:[ \t>]|/>|$)
    |[{}\[;(][ \t]*$|^[ \t]*[}\])]
    |^[ \t]*(?:import|from[ ][\w.]+[ ]import|def|class|return|const|let|var|func|fn|public|private|static
       |package|using|if|for|while|echo|export|sudo|RUN|FROM|COPY|ENV|ARG|SELECT|INSERT|UPDATE|CREATE
       |GRANT|ALTER|DELETE|kubectl|docker|git|curl|aws|az|gcloud|npm|pip)\b
    |^[ \t]*-[ \t]+[a-z_][\w.-]*:(?:[ \t]|$)
    |^[ \t]*\d{4}-\d\d-\d\d[T ]\d\d:\d\d
    |\w\.\w+\(|\w\(\)|::|->|\$\{|\$\(
    """,
    re.M,
)
# a log's or a chat's line: a time stamp first, or an IRC nick
_LOG_LINE = re.compile(
    r"[ \t]*(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d(?::\d\d)?\]?[ \t]|<[\w.-]+>[ \t])"
)
_LEAST_LINES = 3
_SHARE = 0.4


# a long listing's line (`ls -l`): a file's mode bits, then its links' count ("-rw-r--r-- 1 olga
# staff 2147 …"); the owner's name after it is a login (`username.py`), the size after the group no
# one's number (`account_id.py`)
LISTING_MODE = r"[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-][.@+]?[ \t]+\d"
LISTING_LINE = re.compile(r"[ \t]*[-dlcbps]" + LISTING_MODE)


def code_text(text: str) -> bool:
    """Whether at least two in five of the text's lines (three or more that are not blank) look
    like code, config, a shell session or a log."""
    if text.count("\n") < _LEAST_LINES - 1:
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < _LEAST_LINES:
        return False
    coded = sum(1 for line in lines if _CODE_LINE.search(line))
    return coded >= _SHARE * len(lines)


def log_line(text: str, at: int) -> bool:
    """Whether the line that holds `at` is a log's or a chat's: a time stamp or a nick first."""
    return _LOG_LINE.match(text, text.rfind("\n", 0, at) + 1) is not None


def quoted(text: str, at: int) -> bool:
    """Whether `at` is inside a string of its line: an odd number of quotes of one kind before it
    (the quote at `at` counted: a span may start at its string's quote)."""
    before = text[text.rfind("\n", 0, at) + 1 : at + (text[at : at + 1] in ("'", '"'))]
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1
