"""The thirty-ninth pass (issue 11): cases written here for the kinds of failure the pass's sets
written blind showed (not their lines)."""

from __future__ import annotations

import pytest

from demotrace.redact import TextRedactor

from .helpers import covered, masked


@pytest.mark.parametrize(
    "text, kept",
    [
        # a day's or a month's short form alone, "tomorrow" cut short; a range of months
        ("Hi, I was billed twice in Feb - can you check?", "Feb"),
        ("Can you send the signed copy by Thurs pls", "Thurs"),
        ("Leave runs over the calendar year (Jan–Dec), pro rata", "Jan"),
        ("ok ring me tmrw after 10", "tmrw"),
        ("Gym open Mon-Fri 6-22, Sat 8-18", "Mon"),
        # the document's word before "de" and a given name is no part of the name
        ("Factura de María López García.pdf - Vista previa", "Factura"),
        # a label's word the model took in before a name
        ("Expense Claim: Naledi Dube - Concur", "Claim"),
        # a headline's speaker who is a public figure
        ("Olaf Scholz : die Rede im Bundestag - YouTube", "Olaf Scholz"),
        # a test's name after `go test`'s verdict; a commit's hash of digits in `git log --oneline`
        ("=== RUN   TestSignup\n--- PASS: TestSignup/duplicate_email (0.02s)", "TestSignup"),
        ("$ git log --oneline -2\n5520917 (HEAD -> dev) docs: typo\n9c1e2ab fix: flaky test", "5520917"),
        # an algorithm's name at libssh's domain
        ("KexAlgorithms sntrup761x25519-sha512,curve25519-sha256@libssh.org", "curve25519"),
        # an SSH cipher's name; Go's module checksum; a request's id in a response header; a
        # search's words in a URL; a channel's name; a setting's key and value
        ("Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes128-ctr", "aes128-ctr"),
        ("golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=", "ScX5w1eTa3Q"),
        ("x-request-id: 7f3kQ9zL2mXa81pV0cRt5yBn\nx-amz-cf-pop: LHR61-P2", "7f3kQ9zL2mXa81pV0cRt5yBn"),
        ("GET /search?q=Cliffs%20of%20Moher&lang=en HTTP/2", "Cliffs"),
        ("ping the on-call in #payments-alerts channel", "payments"),
        ("PermitRootLogin no\nClientAliveCountMax 2\nClientAliveInterval 300", "ClientAliveInterval"),
        # an omnibox's host and port, its info icon read by the OCR as "@": no handle
        ("@intranet.local:8443 Search", "intranet"),
        # the next sentence after an address's postcode, a clause after it
        ("Deliver to 48 Orchard Way, Exeter EX2 7JT. Leave it with a neighbour", "Leave"),
        ("Meet at 19 Harbour Rd, Leith EH6 6QL, this Friday", "this Friday"),
    ],
)
def test_left_unmasked(text: str, kept: str) -> None:
    assert kept not in covered(text), masked(text)


@pytest.mark.parametrize(
    "text, value",
    [
        # a day's short form that is a name before a surname, a month that is a name
        ("Hi Ms. Okoro, this is Jun's dad.", "Jun"),
        # a parcel's or an order's number in the carriers' and the shop's formats, whatever the label
        ("Where is my parcel? 1Z7E44W80398215526 says delivered", "1Z7E44W80398215526"),
        ("Suivi de votre colis LB904417263FR – La Poste", "LB904417263FR"),
        ("Bestellung 302-5518207-4409152 wurde versandt", "302-5518207-4409152"),
        # a device named after its owner; the login before it in macOS Terminal's title
        ("ops@Tendais-MacBook-Air ~ % ssh bastion", "Tendai"),
        ("DHCPACK on 10.0.0.41 to 9c:3e:53:11:aa:02 (Yusufs-iPhone)", "Yusuf"),
        ("kwame — Kwames-MacBook-Pro — ~/src — -zsh — 80×24", "kwame"),
        # a name written surname first in a window's title, before its separator
        ("Chart Review - OKONJO, EMEKA T - Epic Hyperspace", "OKONJO, EMEKA T"),
        ("de Wit, Maarten - Verlofaanvraag - AFAS Pocket", "de Wit, Maarten"),
        # a login with a dot in a shell's prompt; a name before a notification's verb
        ("maria.lopez@ci-runner-3:~/src$ make", "maria.lopez"),
        ('Rosaria ha condiviso "Bilancio Q3" con te - Google Drive', "Rosaria"),
        # an app password's cue in capitals
        ("GOOGLE APP PASSWORD: wxyz abcd qrst uvmn", "wxyz abcd qrst uvmn"),
        # a given name and a surname no list holds after a customer's number
        ("Debitor D-880214 Henrike Pfützner – Stammdaten", "Henrike Pfützner"),
    ],
)
def test_masked(text: str, value: str) -> None:
    assert value in covered(text), masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Booked tickets for the 3Arena, then a Saoirse Ronan film on Sunday",
        "Our book club is reading Chimamanda Ngozi Adichie, then Sally Rooney",
        "Highlights: Virat Kohli 82* as India chase down 190",
        "Keynote: Fei-Fei Li on human-centred AI",
    ],
)
def test_a_listed_public_figure_is_kept(text: str) -> None:
    assert not [v for k, v in masked(text) if k == "PERSON"], masked(text)


@pytest.mark.parametrize(
    "text, value",
    [
        # a listed figure's namesake: a form's label, a title, a mailbox or an id's label names them
        ("Patient: Sally Rooney, DOB 04/02/1988", "Sally Rooney"),
        ("Dr. med. Virat Kohli, Oberarzt", "Virat Kohli"),
        ("Refund for Saoirse Ronan (s.ronan@eircom.net) approved", "Saoirse Ronan"),
        ('"assignee": {"name": "Sally Rooney", "id": 4471}', "Sally Rooney"),
        # a private name beside it in a list
        ("Invited: Okonkwo Adebayo, Saoirse Ronan, Marta Kowalczyk", "Saoirse Ronan"),
    ],
)
def test_a_namesake_with_a_cue_is_masked(text: str, value: str) -> None:
    assert value in covered(text), masked(text)


def test_an_ids_label_is_no_part_of_the_id() -> None:
    text = "Tenant: Sipho Dlamini (ID 8001015009087), signed 3 May"
    assert ("ACCOUNT_ID", "ID 8001015009087") not in masked(text), masked(text)
    assert "8001015009087" in covered(text), masked(text)


def test_a_work_machine_names_no_one() -> None:
    text = "deploy@Build-iMac:~$ make release"
    assert not [k for k, _ in masked(text) if k == "PERSON"], masked(text)


def test_a_month_range_does_not_hide_a_name_before_a_surname() -> None:
    red = TextRedactor()
    text = "Fri Okonkwo signed the lease on 3 March"
    assert any("Okonkwo" in text[f.start : f.end] for f in red.redact(text).findings)
