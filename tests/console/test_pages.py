"""Every console page, for the role that may see it: axe-core (vendored) finds no serious or
critical accessibility violation at 1280×800, and a screenshot of each is saved to docs/console/."""

from __future__ import annotations

from .conftest import World
from .world import axe_violations, chromium, shot, staff_url


def test_every_page_accessible_with_screenshots(world: World) -> None:
    svc, alice = world.svc, world.alice
    sid = alice.sessions[0]
    problems: dict[str, object] = {}

    def check(page: object, name: str, path: str, status: int = 200) -> None:
        r = page.goto(svc.url + path)  # type: ignore[attr-defined]
        assert r is not None and r.status == status, (path, r and r.status)
        shot(page, name)
        found = axe_violations(page)
        if found:
            problems[name] = found

    with chromium(bypass_csp=True) as ctx:  # bypass only so that axe-core can be injected
        page = ctx.new_page()
        page.goto(alice.console_url())
        check(page, "me", "/console/me")
        check(page, "me-session", f"/console/me/sessions/{sid}")
        check(page, "me-audit", "/console/me/audit")
        check(page, "me-policy", "/console/me/policy")
        check(page, "error-404", f"/console/me/sessions/{world.bob.sessions[0]}", 404)
        check(page, "error-403", "/console/admin/policy", 403)

        page.goto(staff_url(svc, "admin", "ada"))
        page.get_by_label("Domains: one per line, or a CSV with a domain column").fill(
            "news.example.org\nwiki.example.org"
        )
        page.get_by_role("button", name="Add", exact=True).click()
        page.wait_for_url("**notice=*")
        check(page, "admin-policy", "/console/admin/policy")
        check(page, "admin-policy-diff", "/console/admin/policy?diff=2")
        check(page, "admin-devices", "/console/admin/devices")
        check(page, "admin-coverage", "/console/admin/coverage")
        page.get_by_role("link", name="Devices").click()
        page.get_by_role("button", name="Create a one-time code").click()
        page.wait_for_selector("#code")
        shot(page, "admin-code")
        if found := axe_violations(page):
            problems["admin-code"] = found

        page.goto(staff_url(svc, "trainer", "tom"))
        check(page, "review", "/console/review")
        check(page, "review-episode", f"/console/review/episodes/{sid}-000")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        shot(page, "review-episode-step3")
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/console/signed-out")
        shot(page, "signed-out")
        if found := axe_violations(page):
            problems["signed-out"] = found
        check(page, "error-401", "/console/me", 401)
    assert problems == {}
