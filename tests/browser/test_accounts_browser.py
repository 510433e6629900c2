"""The accounts page in a real browser: an administrator adds an account with the keyboard,
the new account signs in, its role is changed and it is removed; the page passes axe-core's
WCAG 2.1 AA rules at desktop and phone widths; a contributor is refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dashboard.store.accounts import add_account
from dashboard.store.files import FileStore
from tests.browser.axe import audit, option, summary
from tests.browser.conftest import serve
from tests.browser.test_contrib_browser import PASSWORD, contrib_app, sign_in

pytestmark = pytest.mark.browser
NEW_PASSWORD = "the new account's own pass phrase"


def status(page) -> str:  # type: ignore[no-untyped-def]
    return page.inner_text("#accounts-status")


def test_an_admin_manages_accounts(browser, tmp_path, dataset) -> None:
    store = FileStore(tmp_path / "store", fallback=lambda: dataset)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for name, role in (("ada", "admin"), ("ana", "contributor")):
        add_account(store, name, role, "Malmö stad", password=PASSWORD, by="test", now=at,
                    log=store.log)
    url, server = serve(contrib_app(dataset, store))
    contexts = [browser.new_context(viewport={"width": w, "height": 900}) for w in (1280, 320)]
    ada, ana = (c.new_page() for c in contexts)
    errors: list[str] = []
    ada.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        sign_in(ada, url, "ada", "/accounts?lang=en")
        ada.wait_for_selector("#accounts-list table")
        assert "Accounts" in ada.inner_text("nav")
        violations = audit(ada)
        assert not violations, summary(violations)

        ada.get_by_label("User name").focus()
        ada.keyboard.type("ola")
        ada.keyboard.press("Tab")  # the role: keep the first, contributor
        ada.get_by_label("Organisation", exact=True).fill("Lunds universitet")
        ada.get_by_label("Password (at least 15 characters)", exact=True).fill(NEW_PASSWORD)
        ada.get_by_label("The same password again", exact=True).fill("not the same one at all")
        ada.get_by_role("button", name="Add the account").click()
        ada.wait_for_function("() => document.querySelector('#accounts-status').innerText")
        assert "The two passwords differ. Nothing has changed." in status(ada)
        assert store.account("ola") is None
        ada.get_by_label("Password (at least 15 characters)", exact=True).fill(NEW_PASSWORD)
        ada.get_by_label("The same password again", exact=True).fill(NEW_PASSWORD)
        ada.get_by_role("button", name="Add the account").focus()
        ada.keyboard.press("Enter")
        ada.wait_for_function("() => document.querySelector('#accounts-status').innerText"
                              ".includes('is added')")
        assert "ola (contributor, Lunds universitet)" in status(ada)
        ada.wait_for_function("() => document.querySelector('#accounts-list').innerText"
                              ".includes('Lunds universitet')")
        assert ada.input_value("#accounts-password") == ""

        sign_in(ana, url, "ola", "/upload", NEW_PASSWORD)
        assert "ola" in ana.inner_text("#upload-account")

        ada.click("#accounts-who")
        option(ada, "ola (contributor, Lunds universitet)").click()
        ada.click("#accounts-new-role")
        option(ada, "publisher", exact=True).click()
        ada.get_by_role("button", name="Change role").click()
        ada.wait_for_function("() => document.querySelector('#accounts-status').innerText"
                              ".includes('is now publisher')")
        assert store.account("ola").role == "publisher"  # type: ignore[union-attr]

        ada.get_by_role("button", name="Remove the account").click()
        ada.wait_for_function("() => document.querySelector('#accounts-status').innerText"
                              ".includes('first')")
        assert store.account("ola") is not None
        ada.get_by_label("Yes, remove the account").check()
        ada.get_by_role("button", name="Remove the account").click()
        ada.wait_for_function("() => document.querySelector('#accounts-status').innerText"
                              ".includes('is removed')")
        assert store.account("ola") is None
        actions = [e.action for e in store.audit(3)]
        assert actions == ["user_remove", "user_role", "sign_in"]

        ana.goto(f"{url}/upload")
        assert "ola" not in ana.inner_text("#page")  # its session ended with the account
        sign_in(ana, url, "ana", "/accounts?lang=en")
        ana.wait_for_selector("#members-only")
        assert "Only administrators manage accounts" in ana.inner_text("#page")
        violations = audit(ana)
        assert not violations, summary(violations)
        ana.goto(f"{url}/upload?lang=en")
        ana.wait_for_selector("#upload-account")
        assert "Accounts" not in ana.inner_text("nav") and "Audit log" in ana.inner_text("nav")
        assert errors == []
    finally:
        for context in contexts:
            context.close()
        server.shutdown()
