"""Chat transcripts' speakers and sign-offs (`detectors/chat_speaker.py`), and what only looks like
one: form, mail and log labels, YAML, window titles, a clinical line's section header."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.chat_speaker import ChatSpeakerDetector


def _found(text: str) -> list[str]:
    return sorted(text[s.start : s.end] for s in ChatSpeakerDetector().detect(text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("jake: did maria send it?\nmaria: ya 1420 elm st apt 3", ["jake", "maria", "maria"]),
        ("[10:42] Lukas: the db password is x\n[10:43] Mei: dude", ["Lukas", "Mei"]),
        ("hunter: where r u\nskye: stuck in traffic", ["hunter", "skye"]),  # a word, a name
        ("Faith: can you cover saturday?\nJordan: yeah np\nFaith: 7am-3pm", ["Faith", "Faith", "Jordan"]),
        ("Bongani: the ip is in the doc\nThabo: key?", ["Bongani", "Thabo"]),  # no gazetteer name
        ("Emeka: pls send the acct\nChioma: GTB, Chioma Eze", ["Chioma", "Chioma Eze", "Emeka"]),
        (
            "xX_Dark_Xx: gg\nmango_tango99: rematch?\nxX_Dark_Xx: later",
            ["mango_tango99", "xX_Dark_Xx", "xX_Dark_Xx"],
        ),
        ("14:02 - Ana: llego tarde\n14:03 - Pablo: vale", ["Ana", "Pablo"]),
        ("Tomás: the door code is 4471", ["Tomás"]),  # one line: a listed name, no word
        ("happy new year 🎉 see you all in 2025! - nat", ["nat"]),
        ("ok the party is at 8. bring snacks!! -tama", ["tama"]),
        # a name and an initial, as Slack shows display names; a handle of a name and an initial
        (  # (with its mentions: a speaker's first name where it stands)
            "Ines K.: anyone seen the 502s?\nTomasz: yep\nInes K.: ok",
            ["Ines", "Ines", "Ines K.", "Ines K.", "Tomasz"],
        ),
        ("rafa m: it's her bday\nlena: omg", ["lena", "rafa", "rafa m"]),
        ("kofi.a: who has the key?\nmira.t: me\nkofi.a: ty", ["kofi.a", "kofi.a", "mira.t"]),
        # Slack's copy: the speaker and the time alone on a line, the message below
        (
            "anneke.v  9:14 AM\nstandup in 5\nSimone Ferri  9:15 AM\nlate",
            ["Simone Ferri", "Simone Ferri", "anneke.v"],
        ),
    ],
)
def test_speakers_and_sign_offs(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Note: the build is green\nStatus: done",
        "ERROR: disk full\nWARNING: retrying",
        "Van: Henk van der Molen\nOnderwerp: vraag over mijn eigen risico",
        "Subject: invoice\nDate: 3 May",
        "app_name: demotrace\nlog_level: debug\nworkers: 4",  # YAML: keys never repeat
        "kind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3",
        "user_id: int = 3\nretries: int = 5",  # annotations
        "Echo: LVEF 35%, moderate functional MR, dilated LA.",  # a report's section, one line
        "Jira: 3 new issues assigned to you",
        "Historia clínica - NHC 2019-558310 - Selene",  # a window title's app
        "Long covid: klachten na 6 maanden nog steeds – forum",
        "see https://example.org/a-b and call me",
        "django.request: 500 on /api\ndjango.request: 502 on /api",  # a logger's words
        "config.yaml: line 3: bad indent\nconfig.yaml: line 9: bad key",  # a file's name
        "Standup  9:30\nLunch  12:00",  # an agenda's times
        "Schadennummer: KS-24-0931772\nVersicherungsschein: 110/4455/921-K",  # a letter's labels
        "Priorität: mittel\nStatus: offen",
    ],
)
def test_labels_config_and_titles_are_not_speakers(text: str) -> None:
    assert _found(text) == []


def test_the_engine_masks_a_transcript() -> None:
    out = TextRedactor().redact("dawn: see u at 6 for the hike\ngrace: ugh fine\ndawn: bring water")
    assert out.text is not None
    assert "dawn" not in out.text and "grace" not in out.text and "hike" in out.text
