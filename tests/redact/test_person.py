from __future__ import annotations

import pytest

from demotrace.redact.registry import build

from .helpers import flagged


@pytest.mark.parametrize(
    "text, expected",
    [
        # names from many cultures, in sentences and window titles
        ("Meeting with Priya Raman and Kwame Mensah", ["Priya Raman", "Kwame Mensah"]),
        ("Inbox - Jane Doe - Gmail", ["Jane Doe"]),
        ("Re: Budget review - Olga Ivanova - Outlook", ["Olga Ivanova"]),
        ("Aisha Bello commented on PROJ-12", ["Aisha Bello"]),
        ("Call Nguyen Van An tomorrow", ["Nguyen Van An"]),
        ("José María Arrieta", ["José María Arrieta"]),  # (not a public figure: those are kept)
        ("Siobhán Ní Bhriain", ["Siobhán Ní Bhriain"]),
        ("Oluwaseun Adeyemi joined #general", ["Oluwaseun Adeyemi"]),
        ("Hiroshi Tanaka", ["Hiroshi Tanaka"]),
        ("Björn Lindqvist", ["Björn Lindqvist"]),
        ("Mohammed Al-Sayed", ["Mohammed Al-Sayed"]),
        ("Zhang Wei", ["Zhang Wei"]),
        ("Ananya Krishnamurthy", ["Ananya Krishnamurthy"]),
        # context makes unknown or lower-case words names
        ("please ask ms. Wijtze", ["Wijtze"]),
        ("My name is Patricia Jeknić", ["Patricia Jeknić"]),
        ("Duqyaha shouted at Janet", ["Duqyaha", "Janet"]),
        ("kristin crnić", ["kristin crnić"]),
        ("Dr. Nielsen is here", ["Nielsen"]),
        ('git commit -m "fix login for Ahmed"', ["Ahmed"]),
        # near-misses: apps, products, places, title-case UI text, common words that are names
        ("Q3 Roadmap - Google Docs - Chromium", []),
        ("Pull requests · demotrace/demotrace · GitHub", []),
        ("#eng-infra | Acme - Slack", []),
        ("Visual Studio Code", []),
        ("Amazon Web Services console", []),
        ("Welcome to Confluence", []),
        ("Sprint Planning Notes", []),
        ("New York Times", []),
        ("Will you merge this?", []),
        ("the rose garden is open", []),
        ("Mark as read", []),
        ("Pay Bill", []),
        ("Chromium - Wikipedia, the free encyclopedia", []),
        ("CAN I SPEAK TO A REAL PERSON?", []),
    ],
)
def test_person(text: str, expected: list[str]) -> None:
    assert flagged(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I would like to remove my kid Roman from the will", ["Roman"]),
        ("Dawn is from Acme", ["Dawn"]),
        ("sung by maria hiltunen in 1847", ["maria hiltunen"]),
        ("Smith was born in 1950", ["Smith"]),
        # near-misses: the same words in their common sense
        ("roman numerals and the dawn of time", []),
        ("will kubectl apply work", []),
    ],
)
def test_word_like_names_need_context(text: str, expected: list[str]) -> None:
    assert flagged(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a lower-case first name and surname, where nobody capitalises: still names, also when
        # both are English words too
        ("i talked to john porter yesterday", ["john porter"]),
        ("cc harry reeves on it", ["harry reeves"]),
        ("Talked to maria hiltunen today", ["maria hiltunen"]),
        # a line that capitalises, every word an English word: ordinary words ("The quick brown
        # fox" was masked in every frame of the demo's long page; "tab page" and "man page" 35
        # times in Vim's manual)
        ("Paragraph 18. The quick brown fox jumps over the lazy dog.", []),
        ("Open a new tab page", []),
        ("To find a man page in a specific section, put the section number first.", []),
        ("Note:\nthe quick brown fox", ["brown fox"]),  # judged by its own line
    ],
)
def test_lower_case_name_pairs(text: str, expected: list[str]) -> None:
    assert flagged(text, "PERSON") == expected


@pytest.mark.parametrize(
    "text, want",
    [  # spans recorded from the rule before `_coordinated` looked only around "&" (issue 11)
        ("Megan Payne & Zorblat went home", [("Megan Payne", 0.85), ("Zorblat", 0.6)]),
        ("Zorblat & Megan Payne went home", [("Megan Payne", 0.85), ("Zorblat", 0.6)]),
        ("Kvist & Megan Payne & Duqyaha", [("Kvist", 0.85), ("Megan Payne", 0.85), ("Duqyaha", 0.6)]),
        ("Megan Payne &  Pesälä and Duqyaha", [("Megan Payne", 0.85), ("Duqyaha", 0.7), ("Pesälä", 0.6)]),
        ("R&D with Megan Payne & Co", [("Megan Payne", 0.85)]),
        ("a & b & Megan & Xylo", [("Megan", 0.85), ("Xylo", 0.6)]),
    ],
)
def test_a_name_joined_by_an_ampersand(text: str, want: list[tuple[str, float]]) -> None:
    (det,) = build(["person"])
    assert [(text[s.start : s.end], s.score) for s in det.detect(text)] == want
