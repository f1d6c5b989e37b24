from __future__ import annotations

import pytest

from .helpers import RULES, flagged


def covered(text: str) -> str:
    """The text with every redacted character replaced by '#', to compare by eye."""
    from demotrace.redact import TextRedactor

    r = TextRedactor(detectors=RULES).redact(text)  # the address rules' table
    chars = list(text)
    for f in r.findings:
        for i in range(f.start, f.end):
            chars[i] = "#"
    return "".join(chars)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ship to 1600 Pennsylvania Ave NW, Washington please", ["1600 Pennsylvania Ave NW, Washington"]),
        ("office: 221B Baker Street", ["221B Baker Street"]),
        ("wohnt in der Hauptstraße 5 in Berlin", ["Hauptstraße 5"]),
        ("bezoek ons op Keizersgracht 123", ["Keizersgracht 123"]),
        ("12 rue de Rivoli, Paris", ["12 rue de Rivoli, Paris"]),
        ("écrire au 97, rue de Texier", ["97, rue de Texier"]),
        ("28, boulevard Louis Lejeune", ["28, boulevard Louis Lejeune"]),
        ("woont op Juulboulevard 89", ["Juulboulevard 89"]),
        ("Catohof 7", ["Catohof 7"]),
        ("chapter 3, place the cursor", []),
        ("mijn loopbaan 2 jaar geleden", []),
        ("Friedhof", []),
        ("Calle Mayor 7, Madrid", ["Calle Mayor 7, Madrid"]),
        ("ul. Marszałkowska 10", ["ul. Marszałkowska 10"]),
        ("Apt. 4B is free", []),  # a unit alone is no address (`lone_units.py`); in a block it is
        ("ZIP: 90210", ["90210"]),
        ("The bus stops at Ziegelgasse 26", ["Ziegelgasse 26"]),
        # the rest of the USPS table: capitalised, after a house number and capitalised words
        ("Address: 1032 Michael Course", ["1032 Michael Course"]),
        ("send it to 7776 Amber Stream Apt. 3 tomorrow", ["7776 Amber Stream Apt. 3"]),
        ("we have 3 key points to cover", []),
        ("a 5 mile run before work", []),
        # near-misses: dates, street words inside other words, titles, counts
        ("On 29 March 2017 we met", []),
        ("I lost my credit card", []),
        ("Dr. Nielsen is here", []),
        ("of course, via email", []),
        ("top 20 songs of the year", []),
        ("Route planning for Q3", []),
    ],
)
def test_address(text: str, expected: list[str]) -> None:
    assert flagged(text, "STREET_ADDRESS") == expected


def test_postal_block_takes_addressee_to_postcode() -> None:
    text = "Michael Urner\n\n11 Školní 939\n Apt. 827\n Kaplice 1\n\n Iceland 80392\nMobile: 041-412-293"
    assert covered(text) == (
        "#############\n\n#############\n ########\n #########\n\n #############\nMobile: ###########"
    )


@pytest.mark.parametrize(
    "text, address",
    [
        ("she lives at Čankovská 62\n276 01 Kostelec nad Labem", "Čankovská 62\n276 01 Kostelec nad Labem"),
        (
            "It is 633 Kelly Artery\nNew Thomasborough, TAS, 2615",
            "633 Kelly Artery\nNew Thomasborough, TAS, 2615",
        ),
        ("send to Jäkäläkuja 212\n33079 Lemi.", "Jäkäläkuja 212\n33079 Lemi"),
        ("send to Χουλιαράδων 94,\nΤΚ 21993 Κατερίνη", "Χουλιαράδων 94,\nΤΚ 21993 Κατερίνη"),
        (
            "send to Via Totino, 777 Appartamento 17\n19017, Manarola (SP).",
            "Via Totino, 777 Appartamento 17\n19017, Manarola (SP)",
        ),
        ("send to Liselaan 36\n8712 ZJ\nLeiderdorp", "Liselaan 36\n8712 ZJ\nLeiderdorp"),
        ("send to aleja Piwna 31\n71-435 Toruń", "aleja Piwna 31\n71-435 Toruń"),
        ("送付先 山形県荒川区高田馬場5丁目8番3号", "山形県荒川区高田馬場5丁目8番3号"),
    ],
)
def test_postal_blocks_in_many_countries(text: str, address: str) -> None:
    start = text.index(address)
    want = text[:start] + "".join("#" if c != "\n" else "\n" for c in address) + text[start + len(address) :]
    assert covered(text).replace(" ", "#") == want.replace(" ", "#")


@pytest.mark.parametrize(
    "text, address",
    [
        ("I'd like to order a taxi to Schäferring 7, 97873 Osterburg", "Schäferring 7, 97873 Osterburg"),
        (
            "change the address linked to my card to г. Сунтар, ул. Приморская, д. 82, 884717?",
            "г. Сунтар, ул. Приморская, д. 82, 884717",
        ),
        ("meet me at 5 patricia mount\ngregorymouth\nw5 4aw", "5 patricia mount\ngregorymouth\nw5 4aw"),
        (
            "my new address is 2405 arslan street suite 693, demirside, as 97555",
            "2405 arslan street suite 693, demirside, as 97555",
        ),
    ],
)
def test_address_after_a_cue(text: str, address: str) -> None:
    start = text.index(address)
    want = text[:start] + "".join("#" if c != "\n" else "\n" for c in address) + text[start + len(address) :]
    assert covered(text).replace(" ", "#") == want.replace(" ", "#")


@pytest.mark.parametrize(
    "text",
    [
        "Delvis spent a year at Weight Watchers, and the following year at Kpmg in Chisholm in 1965.",
        "send it to the team before 2024",
        "my address is not on file",
    ],
)
def test_cues_without_an_address(text: str) -> None:
    assert flagged(text, "STREET_ADDRESS") == []
