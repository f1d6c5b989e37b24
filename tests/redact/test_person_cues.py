"""People found by how a text introduces them (`detectors/person_cues.py`), and what only looks
like it: greetings, sign-offs, lists, places, SQL."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor
from demotrace.redact.detectors.person_cues import PersonCueDetector


def _found(text: str) -> list[str]:
    return sorted(text[s.start : s.end] for s in PersonCueDetector().detect(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Kowalczyk, Anna submitted her I-9 on Monday.", ["Kowalczyk, Anna"]),
        ("At the request of Okafor, Emeka we moved the device.", ["Okafor, Emeka"]),
        ("Passenger Hunter, Grace missed the connection in Dubai.", ["Hunter, Grace"]),
        ("Owner: Kaur, Jasmeet Pet: Biscuit (Labrador)", ["Kaur, Jasmeet"]),
        ("Room held under NOWICKA, Halina until Friday.", ["NOWICKA, Halina"]),
        (
            "3. AL-RASHID, Omar, adjourned. 4. DE LA CRUZ, Maria Luisa, plea.",
            ["AL-RASHID, Omar", "DE LA CRUZ, Maria Luisa"],
        ),
        ("RESIDENT: OKONKWO, CHIDI DOB 02/02/1950", ["OKONKWO, CHIDI"]),
        ("Chart - Paciente: Ruiz Ortega, Lucía - NHC 1182", ["Ruiz Ortega, Lucía"]),
        ("Chart Review for Lindqvist, Erik - MRN 55", ["Lindqvist, Erik"]),
        ("Grace from accounts asked about the modem.", ["Grace"]),
        ("Mark in billing says the balance is open.", ["Mark"]),
        ("her manager Rose will email a new time", ["Rose"]),
        ("hey its priya again lol, still no reply", ["priya"]),
        ("hey it's chloe from the tour, pickup at 8", ["chloe"]),
        ("Our exchange flagged satoshi_fan_77 for withdrawals.", ["satoshi_fan_77"]),
        ("Etsy: Seller pottery_by_jo shipped your order", ["pottery_by_jo"]),
        ("Buyer: lukas_m_88\nItem: lamp", ["lukas_m_88"]),
        ("dune_walker left feedback for you", ["dune_walker"]),
        ("Tonight he is streaming as khoa_plays, subscribe!", ["khoa_plays"]),
    ],
)
def test_introduced_people(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ms Patel, Ollie won't be in today.",  # a greeting
        "Beste Sanne, hierbij de offerte. Groet, Joris",  # a sign-off
        "Meeting notes: Ravi, Li, Hunter present.",  # a list
        "Unser Mandant, Abraham Ruppert, wohnhaft in Bohnbachgasse 3",  # no listed surname first
        "We flew from Paris, France to Jordan, Georgia last year.",
        "Ecocardiogramma: FE 35%, IM lieve.",
        "DELETE orphaned rows from order_items where the order_id is gone",
        "user_id = get_user(request)",
        "It's fine, I'm here.",
        "ERROR, Please try again later.",
        "Status: URGENT, Grace needs the keys",  # a word in capitals, no surname
        "TODO, Mark this as done",
    ],
)
def test_what_only_looks_like_it(text: str) -> None:
    assert _found(text) == []


def test_the_engine_masks_an_inverted_name() -> None:
    out = TextRedactor().redact("Client O'Neill, Padraig (client no. CL-2019-0447) instructs us.").text
    assert out is not None and "Padraig" not in out and "O'Neill" not in out, out


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("happy bday ruby!!! 21 finally", ["ruby"]),
        ("thanks bill, see you at 6", ["bill"]),
        ("whats sunny's email again?", ["sunny"]),
        ("its dawn from next door, ur parcel got left", ["dawn"]),
        ("thanks again! hi there, how are you", []),
        ("the company's address is on the site", []),
    ],
)
def test_greeted_and_possessed(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The agent, Page, tried to upsell insurance.", ["Page"]),
        ("The crew lead, Stone, insisted on cash.", ["Stone"]),
        ("Reception (Carol) is brisk but efficient.", ["Carol"]),
        ("Contact (Sales) for pricing.", []),
        ("The host (Airbnb) cancelled.", []),
    ],
)
def test_a_name_set_off_after_a_role(text: str, found: list[str]) -> None:
    assert _found(text) == found
