"""URLs with IP hosts, ports, userinfo and IPv6: redaction never raises, its output always parses
with the standard library (exporters and consumers parse it again), and an allowlisted host —
even an IP address — is kept."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from demotrace.policy import policy_from_dict
from demotrace.redact import TextRedactor
from demotrace.redact.urls import host_of

PLAIN = TextRedactor()
LOCAL = TextRedactor(host_allowed=lambda h: h in ("127.0.0.1", "::1"))


def parses(url: str) -> None:
    parts = urlsplit(url)
    _ = parts.hostname, parts.port, parts.username, parts.password


@pytest.mark.parametrize(
    ("url", "plain", "allowed"),
    [
        (
            "http://127.0.0.1:8123/app/inbox?q=bob@example.com",
            "http://ip-address.invalid:8123/app/inbox?q=[EMAIL]",
            "http://127.0.0.1:8123/app/inbox?q=[EMAIL]",
        ),
        (
            "http://user:pw@[::1]:99/x",
            "http://redacted@ip-address.invalid:99/x",
            "http://redacted@[::1]:99/x",
        ),
        ("http://[fe80::1%25eth0]/a", "http://ip-address.invalid/a", "http://ip-address.invalid/a"),
        ("https://admin:hunter22@10.1.2.3/", "https://redacted@ip-address.invalid/", None),
        ("http://[::1/x", "http://redacted-host.invalid/x", None),
        ("http://[IP]:8123/x", "http://redacted-host.invalid:8123/x", None),
        ("http://example.com:99999/x", "http://example.com/x", None),
        ("http://example.com:/x", "http://example.com/x", None),
    ],
)
def test_url_authorities(url: str, plain: str, allowed: str | None) -> None:
    for red, want in ((PLAIN, plain), (LOCAL, allowed or plain)):
        r = red.redact_url(url)
        assert r.text == want
        assert r.text is not None
        parses(r.text)
        assert "hunter22" not in r.text and "admin" not in r.text


def test_policy_allowlisted_ip_host_is_kept() -> None:
    pol = policy_from_dict({"sites": [{"domain": "127.0.0.1"}], "deny": {"sites": ["10.9.9.9"]}})
    red = TextRedactor(host_allowed=pol.host_allowed)
    assert red.redact_url("http://127.0.0.1:5000/a").text == "http://127.0.0.1:5000/a"
    assert red.redact_url("http://10.9.9.9/a").text == "http://ip-address.invalid/a"
    assert not pol.host_allowed("10.9.9.9") and pol.host_allowed("127.0.0.1")


def test_redacting_twice_is_stable_and_parses() -> None:
    """The service redacts what the device already redacted: the result must still be a URL."""
    once = PLAIN.redact_url("http://bob:pw@192.168.1.20:8080/u/bob@example.com?token=x").text
    assert once is not None
    twice = PLAIN.redact_url(once).text
    assert twice == once
    parses(twice)


@pytest.mark.parametrize(
    ("url", "host"),
    [("http://[IP]:80/x", "ip"), ("http://a@[::1]:5/", "::1"), ("not a url", None), ("http:///x", None)],
)
def test_host_of_never_raises(url: str, host: str | None) -> None:
    assert host_of(url) == host


_HOSTS = st.one_of(
    st.ip_addresses(v=4).map(str),
    st.ip_addresses(v=6).map(lambda a: f"[{a}]"),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z]{2,5}){1,2}", fullmatch=True),
    st.text(alphabet="[]:@%.a1", max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(
    scheme=st.sampled_from(["http", "https", "ws"]),
    userinfo=st.one_of(st.none(), st.text(alphabet="abc:%1", max_size=6)),
    host=_HOSTS,
    port=st.one_of(st.none(), st.integers(0, 99999).map(str), st.just("")),
    path=st.text(alphabet="/ab?=&#%@[]:.1", max_size=16),
)
def test_any_url_redacts_to_a_parsable_url(
    scheme: str, userinfo: str | None, host: str, port: str | None, path: str
) -> None:
    url = f"{scheme}://{'' if userinfo is None else userinfo + '@'}{host}{'' if port is None else ':' + port}"
    url += path if path.startswith("/") or not path else "/" + path
    for red in (PLAIN, LOCAL):
        r = red.redact_url(url)
        assert r.text is not None
        parses(r.text)
        host_of(r.text)


@pytest.mark.parametrize("url", ["http://[][1", "http://[]]1", "ws://u@[::1]x9/"])
def test_what_follows_a_bracketed_host_without_a_colon_is_no_port(url: str) -> None:
    """Found by the property above (hypothesis): "[1" after "[]" was kept as a port, its "[" left
    the URL unparsable."""
    for red in (PLAIN, LOCAL):
        r = red.redact_url(url)
        assert r.text is not None
        parses(r.text)
