"""The detectors' regexes rewritten to start with one plain character class (`detectors/_lead.py`):
each finds the same matches (spans and groups) as the regex as written before, here kept as the
reference, on the held-out texts, the fixture, the bench pages (joined into one text and as lines)
and hand-made texts at the edges of each rewrite."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from demotrace.redact.detectors import credit_card, driver_license, ip, secrets, ssn, username
from demotrace.redact.detectors._base import guarded
from demotrace.redact.detectors._lead import FOLDS, folded_class, led

from .helpers import batch_corpus

BENCH = Path(__file__).parents[2] / "bench"

_EMAIL_LOCAL = r"[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*"
_KEYWORDS = guarded(
    r"\b(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|"
    r"auth[_-]?token|client[_-]?secret|private[_-]?key|credentials?|bearer)\b"
)
_NOUNS = guarded(
    r"\b(?:pass(?:word|wd|phrase|code)?|pwd|secret|token|api[_-]?key|clave|contraseña|wachtwoord|"
    r"passwort|kennwort|mot de passe|senha|palavra-passe)\b"
)
_DL_CUE = guarded(
    r"driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|licen[cs]e\s+(?:number|no\.?|#|id)|"
    r"\bDL\b|\bDLN\b|führerschein(?:nummer)?|permis\s+de\s+conduire|carnet\s+de\s+conducir"
)
_DL_NUMBER = r"([A-Z]{0,2}[- ]?\d(?:[\d -]{2,16})\d[A-Z]?|[A-Z]\d{3,14})"

# each rewritten regex and the regex as it was written (and its flags)
AS_WRITTEN: dict[str, tuple[re.Pattern[str], str, int]] = {
    "ipv4": (
        ip.IpDetector.patterns[0].regex,
        r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)",
        0,
    ),
    "ipv6": (
        ip.IpDetector.patterns[1].regex,
        r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,6}|[0-9A-Fa-f]{1,4})"
        r"(?:%\w+)?(?![\w:])",
        0,
    ),
    "ssn-delimited": (ssn.SsnDetector.patterns[0].regex, r"(?<![\w-])\d{3}([- .])\d{2}\1\d{4}(?![\w-])", 0),
    "ssn-bare": (
        ssn.SsnDetector.patterns[1].regex,
        r"(?i:ssn|social security(?: number| no\.?)?|ss#)\W{0,5}(\d{9})(?!\d)",
        0,
    ),
    "dl-cued": (
        driver_license.DriverLicenseDetector.patterns[0].regex,
        rf"{_DL_CUE}[^\n\w]{{0,4}}(?:\w+[^\n\w]{{1,3}}){{0,3}}?{_DL_NUMBER}(?!\w)",
        0,
    ),
    "dl-uk": (
        driver_license.DriverLicenseDetector.patterns[1].regex,
        r"\b[A-Z9]{5}\d[0156]\d(?:[0][1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}\b",
        0,
    ),
    "credit-card": (
        credit_card.CreditCardDetector.patterns[0].regex,
        r"(?<![A-Za-z0-9_+-])(?<![A-Z]{2}\d\d[ ])\d(?:[ -]?\d){12,18}(?![\d])(?!-[0-9a-fA-F]{4,12}\b)",
        0,
    ),
    "bearer": (
        secrets._BEARER,
        r"\b(?:Bearer|Basic|token|GenieKey|SSWS|OAuth)\s+([A-Za-z0-9._~+/=-]{16,})",
        0,
    ),
    "ssh-login": (
        username._SSH_LOGIN,
        r"\b(?:ssh|scp|sftp|rsync|mosh|ssh-copy-id)\b[^\n]*?(?<![\w.+-])([a-z_][a-z0-9_.-]{0,31})@[\w.-]+",
        0,
    ),
    "cue": (
        username._CUE,
        r"\b"
        + guarded(
            "user(?:name)?|login|user ?id|account|handle|logged in as|signed in as|log ?in as|usuario|"
            "gebruikersnaam|inlognaam|benutzername|identifiant|nome utente|utilizador|posts as|"
            r"linkedin\b|insta(?:gram)?\b|twitter\b|tiktok\b|discord\b|telegram\b|skype\b|steam\b"
        )
        + r"\s*(?:[:=|\[\](){}]{1,2}\s*)?[\"'\[(]?([A-Za-z0-9_][\w.-]{1,63})",
        0,
    ),
}

# at the edges of each rewrite: a match at the start of the text, after a newline, after a
# character its look-behind refuses (a non-ASCII word character too), the case folds of `FOLDS`
CRAFTED = [
    "1.2.3.4",
    "x1.2.3.4 .1.2.3.4 1.2.3.4.5 12.1.2.3.4 1234.5.6.7 999.1.1.1\n10.0.0.1",
    "fe80::1 é2001:db8::1 :fe80::1 g2001:db8::1 fe80::1%eth0 abcd:ef01:2345:6789:abcd:ef01:2345:6789:1",
    "a@b.co é.ana@x.org +ana@x.org ana.b@x.org 'ana'@x.org ana%40x.org x.-y@z.io ñana@x.org",
    "078-05-1120 x078-05-1120 -078-05-1120 é078 05 1120 078.05.1120\n078-05-1120",
    "ssn 078051120 SSN:078051120 ſsn 078051120 Social Security No. 078051120 xss# 078051120",
    "MORGA657054SM9IJ xMORGA657054SM9IJ éMORGA657054SM9IJ 9ORGA657054SM9IJ\nMORGA657054SM9IJ",
    "4111 1111 1111 1111 -4111111111111111 x4111-1111-1111-1111 14111111111111111",
    "DE89 3704 0044 0532 0130 00 xDE89370400440532013000 de89370400440532013000 İE89370400440532013000",
    "ıban GB82WEST12345698765432 ſe4550000000058398257466 Kz86125KZT5004100100 éDE89370400440532013000",
    "postgres://bob:hunter22@db.io/x é://a:b@c xpg+s.x://u:p@h İnsecure://u:pw@h ſftp://u:pw@host",
    "password=Xy7$k2abc9 xpassword=Xy7$k2abc9 éapi_key: abcdef12 İpwd=abcdef12 ſecret: qwerty12",
    "PASSWORD:  'Xy7$k2abc9' Credential=abcdefgh1 bearer abcdefgh\nToken=abcdefgh1",
    "the password is Xy7$k2 la contraseña es Xy7$k2abc das Passwort ist hunter22 mot de passe est azerty12",
    "blob Zx9/Qw3+Rt7/Yu1+Io5/Pa2+Sd4 end éZx9/Qw3+Rt7/Yu1+Io5/Pa2+Sd4 +Zx9Qw3Rt7Yu1Io5Pa2Sd4Fg6",
    "Authorization: Bearer abcdefghijklmnop1234 xBearer abcdefghijklmnop1234 token abcdefghijklmnop1234",
    "C:\\Users\\jdoe\\x and c:\\\\Users\\\\ana\\\\ /Users/ana/Documents /home/bob/x é:\\Users\\x",
    "jdoe@laptop: xdeploy@10.0.0.5 é_root@host .a@b -a@b deploy@10.0.0.5\nroot@box",
    "ssh deploy@host.example.com xssh ubuntu@h.io éscp a@b.c ssh-copy-id me@h.io rsync -a x u@h.io",
    "Login: jdoe_85 xlogin: jdoe signed in as maria_85 İd=x ſigned in as bob user id: ab_c",
    "mein Benutzername ist hans_1 nom d'utilisateur est jp.martin éhandle is jdoe_1",
    "mijn gebruikersnaam is x_1 user name: a.b",
    "driver's license: D1234567 DL# 123456789 xDL 1234567 DLN: A1234567 Führerschein 1234567",
    "İicense no. 12345 ıicense number 1234 éDL 12345 Licence #: 1234 carnet de conducir 12-34-56",
]


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.fixture(scope="module")
def texts(shared_dir: Path) -> list[str]:
    sys.path.insert(0, str(BENCH))
    import bench_redact

    out = batch_corpus(shared_dir, CRAFTED)
    pages = [bench_redact.prose_page(), bench_redact.distinct_page(), bench_redact.bench_page(out)]
    return out + [line for page in pages for line in page] + ["\n".join(page) for page in pages]


@pytest.mark.parametrize("name", AS_WRITTEN)
def test_the_rewrite_finds_what_the_regex_as_written_finds(name: str, texts: list[str]) -> None:
    new, pattern, flags = AS_WRITTEN[name]
    old = re.compile(pattern, flags)
    assert new.pattern != old.pattern
    found = 0
    for text in texts:
        want = _matches(old, text)
        assert _matches(new, text) == want, (name, text[:200])
        found += len(want)
    assert found, name  # the corpora hold matches of every regex


@pytest.mark.parametrize("name", AS_WRITTEN)
def test_the_rewrite_finds_what_the_regex_as_written_finds_in_the_crafted_texts(name: str) -> None:
    new, pattern, flags = AS_WRITTEN[name]
    old = re.compile(pattern, flags)
    for text in CRAFTED + [t.upper() for t in CRAFTED] + [t.lower() for t in CRAFTED]:
        for at in range(len(text)):  # each suffix: a match at the start of the text, after any prefix
            assert _matches(new, text[at:]) == _matches(old, text[at:]), (name, text[at:])


def test_the_rewrites_start_with_a_class_re_skips_to() -> None:
    """What makes them fast: the compiled pattern has a charset prefix (`re` would otherwise enter
    it at every position); checked on the parse, whose first item is a literal or a class."""
    import re._parser as parser  # type: ignore[import-not-found]

    for name, (new, _, _) in AS_WRITTEN.items():
        first = parser.parse(new.pattern, new.flags)[0]
        while first[0] is parser.SUBPATTERN:
            first = first[1][3][0]
        assert first[0] in (parser.IN, parser.LITERAL), name
        assert not new.flags & re.IGNORECASE, name


EVERYTHING = "".join(chr(x) for x in range(0x110000) if not 0xD800 <= x < 0xE000)


@pytest.mark.parametrize("letters", ["a-z", "A-Z", "s", "k", "i", "pstacb", "ulahs", "dlfpc"])
def test_the_folded_class_is_what_ignorecase_matches(letters: str) -> None:
    assert re.findall(folded_class(letters), EVERYTHING) == re.findall(f"(?i:[{letters}])", EVERYTHING)


def test_the_folds_are_every_non_ascii_character_ignorecase_takes_for_an_ascii_letter() -> None:
    odd = re.findall("(?i:[a-z])", EVERYTHING.encode("ascii", "ignore").decode() + EVERYTHING[128:])
    assert "".join(c for c in odd if not c.isascii()) == FOLDS


def test_led_keeps_the_order_of_the_alternatives() -> None:
    rx = re.compile(led(("ssh", "ssh-copy-id", r"\bsc", "ab"), word_start=False))
    assert [m.group() for m in rx.finditer("ssh-copy-id xsc sc ab")] == ["ssh", "sc", "ab"]
    with pytest.raises(ValueError):
        led(("s?x",))
    with pytest.raises(ValueError):
        led(("[ab]c",))
