"""Signing in: the form, wrong passwords, lockout, the rate limit, session expiry, CSRF on
every signed-in POST (Dash's callbacks too), the cookies, and no password in any log."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from dash import Dash, Input, Output
from flask.testing import FlaskClient

from dashboard.app.access import current_account
from dashboard.app.auth import AuthSettings, account_bar, auth_settings, register_auth
from dashboard.app.auth.core import CSRF_COOKIE
from dashboard.app.factory import create_app
from dashboard.app.preview import SESSION_KEY, STOP_PATH
from dashboard.store.accounts import (
    LOCK_MINUTES,
    MAX_FAILURES,
    AccountError,
    add_account,
    authenticate,
    hash_password,
    password_problem,
    remove_account,
    set_role,
)
from dashboard.store.backend import Account, AuditEvent
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore

PASSWORD = "correct horse battery staple"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def actions(store: FileStore) -> list[str]:
    """The audit log's actions, oldest first."""
    return [e.action for e in reversed(store.audit())]


def last_event(store: FileStore) -> AuditEvent:
    return store.audit(1)[0]


def stored(store: FileStore, name: str) -> Account:
    account = store.account(name)
    assert account is not None
    return account


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Site:
    app: Dash
    client: FlaskClient
    store: FileStore
    clock: Clock

    def sign_in(self, name: str = "anna", password: str = PASSWORD, lang: str = "sv",
                **extra: str) -> Any:
        page = self.client.get(f"/login?lang={lang}")
        token = form_token(page.get_data(as_text=True))
        return self.client.post("/login", data={"csrf_token": token, "name": name,
                                                "password": password, "lang": lang, **extra})

    def whoami(self) -> str:
        return self.client.get("/test-whoami").get_data(as_text=True)


def form_token(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match, page
    return match[1]


def make_site(ds: Dataset, settings: AuthSettings, store: FileStore) -> Site:
    if store.account("anna") is None:
        add_account(store, "anna", "contributor", "Region Skåne", password=PASSWORD,
                    by="test", now=START, log=store.log)
    clock = Clock()
    app = create_app(ds)
    register_auth(app, store, store.log, settings, clock=clock)

    @app.callback(Output("test-out", "children"), Input("test-in", "value"))
    def echo(value: str) -> str:
        return f"echo {value}"

    @app.server.route("/test-whoami")
    def whoami() -> str:
        account = current_account()
        return "" if account is None else f"{account.name}:{account.role}"

    return Site(app, app.server.test_client(), store, clock)


# What dash-renderer posts for the test's own callback (the app's views are tested elsewhere).
CALLBACK = {"output": "test-out.children", "outputs": {"id": "test-out", "property": "children"},
            "inputs": [{"id": "test-in", "property": "value", "value": "hello"}],
            "changedPropIds": ["test-in.value"]}
SETTINGS = AuthSettings(secret_key="test-secret", login_rate="1000 per minute")


@pytest.fixture
def site(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    monkeypatch.delenv("DASHBOARD_PUBLIC_URL", raising=False)
    yield make_site(dataset, SETTINGS, FileStore(tmp_path / "store"))


def cookies_set(response: Any) -> dict[str, str]:
    return {h.split("=", 1)[0]: h for h in response.headers.getlist("Set-Cookie")}


def test_the_public_reads_without_cookies(site: Site) -> None:
    assert site.client.get("/").status_code == 200
    response = site.client.post("/_dash-update-component", json=CALLBACK)
    assert response.status_code == 200 and "echo hello" in response.get_data(as_text=True)
    assert response.headers.getlist("Set-Cookie") == []


def test_sign_in_page_is_labelled_and_in_the_asked_language(site: Site) -> None:
    page = site.client.get("/login?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page and "<title>Sign in – Health gaps in Malmö</title>" in page
    assert '<label for="login-name">User name</label>' in page
    assert 'autocomplete="username"' in page and 'autocomplete="current-password"' in page
    assert 'href="/assets/style.css"' in page
    swedish = site.client.get("/login").get_data(as_text=True)
    assert '<html lang="sv">' in swedish and "Användarnamn" in swedish
    # Name, then password, then the button: the order of focus is the order of reading.
    assert page.index("login-name") < page.index("login-password") < page.index("submit")


def test_right_password_signs_in_with_safe_cookies(site: Site) -> None:
    response = site.sign_in()
    assert response.status_code == 303 and response.headers["Location"] == "/?lang=sv"
    cookies = cookies_set(response)
    session = cookies["__Host-session"]
    assert "Secure" in session and "HttpOnly" in session and "SameSite=Lax" in session
    assert "Path=/" in session and "Domain" not in session
    csrf = cookies[CSRF_COOKIE]
    assert "Secure" in csrf and "SameSite=Strict" in csrf and "HttpOnly" not in csrf
    assert site.whoami() == "anna:contributor"
    assert actions(site.store)[-1] == "sign_in"


def test_wrong_password_is_refused_with_a_message_and_an_audit_line(site: Site) -> None:
    response = site.sign_in(password="not the password at all", lang="en")
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert '<p id="login-error" class="auth-error" role="alert">Wrong user name or password.' \
        in page
    assert 'aria-describedby="login-error"' in page and 'value="anna"' in page
    assert site.whoami() == ""
    event = last_event(site.store)
    assert (event.action, event.subject) == ("sign_in_failed", "anna")
    assert "not the password" not in event.detail


def test_unknown_name_reads_exactly_like_a_wrong_password(site: Site) -> None:
    wrong = site.sign_in(password="not the password at all").get_data(as_text=True)
    unknown = site.sign_in(name="nobody").get_data(as_text=True)
    message = re.compile(r'role="alert">([^<]*)<')
    assert message.search(wrong)[1] == message.search(unknown)[1]  # type: ignore[index]
    assert last_event(site.store).subject == ""


def test_an_empty_field_is_named_not_treated_as_a_failure(site: Site) -> None:
    response = site.sign_in(password="", lang="en")
    assert response.status_code == 400
    assert "Fill in both the user name and the password." in response.get_data(as_text=True)
    assert actions(site.store) == ["user_add"]


def test_lockout_after_repeated_failures_then_open_again(site: Site) -> None:
    for _ in range(MAX_FAILURES):
        assert site.sign_in(password="guess guess guess").status_code == 401
    assert actions(site.store)[-1] == "locked"
    locked_until = stored(site.store, "anna").locked_until
    assert locked_until == START + timedelta(minutes=LOCK_MINUTES)
    # Even the right password is refused while locked, with the same message.
    refused = site.sign_in()
    assert refused.status_code == 401 and "Fel användarnamn eller lösenord" in \
        refused.get_data(as_text=True)
    assert site.whoami() == ""
    site.clock.advance(minutes=LOCK_MINUTES, seconds=1)
    assert site.sign_in().status_code == 303
    assert stored(site.store, "anna").failures == 0
    assert stored(site.store, "anna").locked_until is None


def test_success_resets_the_count_of_failures(site: Site) -> None:
    for _ in range(MAX_FAILURES - 1):
        site.sign_in(password="guess guess guess")
    assert stored(site.store, "anna").failures == MAX_FAILURES - 1
    assert site.sign_in().status_code == 303
    assert stored(site.store, "anna").failures == 0


def test_too_many_attempts_from_one_address_get_429(dataset: Dataset, tmp_path: Path) -> None:
    site = make_site(dataset, AuthSettings(secret_key="k", login_rate="3 per minute"),
                     FileStore(tmp_path))
    for _ in range(3):
        assert site.sign_in(password="guess guess guess").status_code == 401
    response = site.sign_in(lang="en")
    assert response.status_code == 429
    assert "Too many sign-in attempts from your address" in response.get_data(as_text=True)
    assert site.whoami() == ""
    # Reading the form is not limited.
    assert site.client.get("/login").status_code == 200


def test_rate_limit_counted_in_redis(dataset: Dataset, tmp_path: Path,
                                     redis_url: str) -> None:
    settings = AuthSettings(secret_key="k", login_rate="2 per minute", redis_url=redis_url)
    first = make_site(dataset, settings, FileStore(tmp_path))
    second = make_site(dataset, settings, FileStore(tmp_path))
    assert first.sign_in(password="guess guess guess").status_code == 401
    assert second.sign_in(password="guess guess guess").status_code == 401
    # Two app servers share the count.
    assert first.sign_in().status_code == 429


def test_idle_session_ends_with_a_clear_message(site: Site) -> None:
    site.sign_in(lang="en")
    site.clock.advance(minutes=29)
    assert site.whoami() == "anna:contributor"
    site.clock.advance(minutes=31)
    assert site.whoami() == ""
    page = site.client.get("/login?lang=en").get_data(as_text=True)
    assert "Your session has ended. Sign in again" in page


def test_session_ends_after_its_lifetime_even_when_used(site: Site) -> None:
    site.sign_in()
    for _ in range(8 * 3):
        site.clock.advance(minutes=20)
        site.whoami()
    site.clock.advance(minutes=1)
    assert site.whoami() == ""


def test_expired_session_post_is_refused_with_the_message(site: Site) -> None:
    site.sign_in(lang="en")
    token = form_token(site.client.get("/login").get_data(as_text=True))
    site.clock.advance(hours=1)
    response = site.client.post("/logout?lang=en", data={"csrf_token": token})
    assert response.status_code == 401
    assert "Your session has ended" in response.get_data(as_text=True)


def test_csrf_missing_or_wrong_is_400_and_nothing_changes(site: Site) -> None:
    site.sign_in()
    for data in ({}, {"csrf_token": "forged"}):
        response = site.client.post("/logout?lang=en", data=data)
        assert response.status_code == 400
        assert "Nothing was changed" in response.get_data(as_text=True)
        assert site.whoami() == "anna:contributor"
    swedish = site.client.post("/logout", data={"csrf_token": "forged"})
    assert "Inget har ändrats" in swedish.get_data(as_text=True)


def test_stopping_a_preview_needs_the_token_and_keeps_it_without(site: Site) -> None:
    site.sign_in()
    with site.client.session_transaction() as session:
        session[SESSION_KEY] = "draft-1"
    refused = site.client.post(STOP_PATH, data={"csrf_token": "forged"},
                               headers={"Referer": "http://localhost/trends?lang=en"})
    assert refused.status_code == 400
    with site.client.session_transaction() as session:
        assert session[SESSION_KEY] == "draft-1"
    token = site.client.get_cookie(CSRF_COOKIE)
    assert token is not None
    done = site.client.post(STOP_PATH, data={"csrf_token": token.value},
                            headers={"Referer": "http://localhost/trends?lang=en"})
    assert (done.status_code, done.headers["Location"]) == (303, "/trends?lang=en")
    with site.client.session_transaction() as session:
        assert SESSION_KEY not in session
    assert site.whoami() == "anna:contributor"


def test_sign_in_form_needs_its_token(site: Site) -> None:
    site.client.get("/login")
    response = site.client.post("/login", data={"name": "anna", "password": PASSWORD})
    assert response.status_code == 400
    assert site.whoami() == ""
    assert actions(site.store) == ["user_add"]


def test_sign_out_with_the_token(site: Site) -> None:
    site.sign_in()
    token = site.client.get_cookie(CSRF_COOKIE)
    assert token is not None
    response = site.client.post("/logout?lang=en", data={"csrf_token": token.value})
    assert response.status_code == 303
    assert site.whoami() == ""
    assert "You are signed out." in site.client.get(response.headers["Location"]).get_data(
        as_text=True)
    assert site.client.get_cookie(CSRF_COOKIE) is None


def test_logout_is_post_only(site: Site) -> None:
    site.sign_in()
    site.client.get("/logout")
    assert site.whoami() == "anna:contributor"


def test_signed_in_dash_callbacks_need_the_csrf_header(site: Site) -> None:
    site.sign_in()
    body = CALLBACK
    refused = site.client.post("/_dash-update-component", json=body)
    assert refused.status_code == 400
    token = site.client.get_cookie(CSRF_COOKIE)
    assert token is not None
    wrong = site.client.post("/_dash-update-component", json=body,
                             headers={"X-CSRFToken": "forged"})
    assert wrong.status_code == 400
    accepted = site.client.post("/_dash-update-component", json=body,
                                headers={"X-CSRFToken": token.value})
    assert accepted.status_code == 200 and "echo hello" in accepted.get_data(as_text=True)


def test_removed_account_and_changed_role_take_effect_on_the_next_request(site: Site) -> None:
    site.sign_in()
    set_role(site.store, "anna", "publisher", by="admin", now=START, log=site.store.log)
    assert site.whoami() == "anna:publisher"
    remove_account(site.store, "anna", by="admin", now=START, log=site.store.log)
    assert site.whoami() == ""
    assert site.client.get_cookie(CSRF_COOKIE) is None


def test_a_session_does_not_outlive_its_account_added_again_under_the_same_name(
        site: Site) -> None:
    site.sign_in()
    assert site.whoami() == "anna:contributor"
    remove_account(site.store, "anna", by="admin", now=START, log=site.store.log)
    add_account(site.store, "anna", "publisher", "Malmö stad", password=PASSWORD, by="admin",
                now=START, log=site.store.log)
    assert site.whoami() == ""
    site.sign_in()
    assert site.whoami() == "anna:publisher"


def test_next_only_leads_within_the_site(site: Site) -> None:
    assert site.sign_in(next="/upload?lang=en").headers["Location"] == "/upload?lang=en"
    cookie = site.client.get_cookie(CSRF_COOKIE)
    assert cookie is not None
    site.client.post("/logout", data={"csrf_token": cookie.value})
    assert site.sign_in(next="//evil.example/").headers["Location"] == "/?lang=sv"


def test_passwords_never_reach_a_log(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    site.sign_in(password="a wrong secret phrase")
    site.sign_in(name="a wrong secret phrase as name", password="another wrong secret")
    site.sign_in()
    logged = caplog.text + " ".join(f"{e.actor} {e.subject} {e.detail}"
                                    for e in site.store.audit())
    for secret in ("a wrong secret phrase", "another wrong secret", PASSWORD):
        assert secret not in logged


def test_missing_secret_key_warns_that_sessions_end_at_restart(
        dataset: Dataset, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    site = make_site(dataset, AuthSettings(secret_key=None), FileStore(tmp_path))
    assert "DASHBOARD_SECRET_KEY is not set" in caplog.text
    assert site.sign_in().status_code == 303


@contextmanager
def in_session(site: Site) -> Iterator[None]:
    """A request context carrying the client's session cookie, its checks already run."""
    cookie = site.client.get_cookie("__Host-session")
    assert cookie is not None
    with site.app.server.test_request_context(
            "/", headers={"Cookie": f"__Host-session={cookie.value}"}):
        site.app.server.preprocess_request()
        yield


def test_account_bar(site: Site) -> None:
    with site.app.server.test_request_context("/"):
        assert account_bar("en") is None
    site.sign_in()
    with in_session(site):
        bar = account_bar("en")
        assert bar is not None
        text, _, review, _, form = bar.children
        assert text.children == "Signed in as anna (contributor, Region Skåne)"
        assert (review.href, review.children) == ("/review?lang=en", "Review contributions")
        assert (form.action, form.method) == ("/logout?lang=en", "post")
        button = form.children
        assert (button.type, button.name, button.children) == ("submit", "csrf_token",
                                                               "Sign out")
    # The button's value is the token the sign-out needs.
    response = site.client.post("/logout", data={"csrf_token": button.value})
    assert response.status_code == 303 and site.whoami() == ""


def test_account_bar_says_when_a_session_ended(site: Site) -> None:
    site.sign_in()
    site.clock.advance(hours=1)
    site.whoami()
    with in_session(site):
        bar = account_bar("sv")
        assert bar is not None
        note, _, link = bar.children
        assert note.children.startswith("Din session har upphört")
        assert (link.children, link.href) == ("Logga in igen", "/login?lang=sv")


def test_settings_from_the_environment() -> None:
    settings = auth_settings({"DASHBOARD_SECRET_KEY": "s", "DASHBOARD_IDLE_MINUTES": "10"})
    assert settings.cookie_secure and settings.idle_minutes == 10 and settings.oidc is None
    assert not auth_settings({"DASHBOARD_INSECURE_COOKIES": "1"}).cookie_secure
    assert not auth_settings({"DASHBOARD_INSECURE_COOKIES": "1",
                              "DASHBOARD_PUBLIC_URL": "http://127.0.0.1:8050/"}).cookie_secure
    with pytest.raises(ValueError, match="only for development"):
        auth_settings({"DASHBOARD_INSECURE_COOKIES": "1",
                       "DASHBOARD_PUBLIC_URL": "https://halsa.example.se/"})
    with pytest.raises(ValueError, match="all three"):
        auth_settings({"DASHBOARD_OIDC_ISSUER": "https://login.example.se"})
    with pytest.raises(ValueError, match="DASHBOARD_IDLE_MINUTES"):
        auth_settings({"DASHBOARD_IDLE_MINUTES": "soon"})
    oidc = auth_settings({"DASHBOARD_OIDC_ISSUER": "https://login.example.se/",
                          "DASHBOARD_OIDC_CLIENT_ID": "c", "DASHBOARD_OIDC_CLIENT_SECRET": "s"})
    assert oidc.oidc is not None
    assert oidc.oidc.metadata_url == "https://login.example.se/.well-known/openid-configuration"


def test_insecure_cookies_for_local_development(dataset: Dataset, tmp_path: Path) -> None:
    site = make_site(dataset, AuthSettings(secret_key="k", cookie_secure=False),
                     FileStore(tmp_path))
    cookies = cookies_set(site.sign_in())
    assert "Secure" not in cookies["session"] and "HttpOnly" in cookies["session"]


def test_password_rules(tmp_path: Path) -> None:
    assert password_problem("short password") == "password_short"
    assert password_problem("x" * 15) is None
    assert password_problem("x" * 1025) == "password_long"
    assert password_problem("anna.andersson1", "Anna.Andersson1") == "password_is_name"
    store = FileStore(tmp_path)
    with pytest.raises(AccountError) as refused:
        add_account(store, "bo", "contributor", "Malmö stad", password="too short", by="t",
                    now=START, log=store.log)
    assert refused.value.code == "password_short" and store.accounts() == []


def test_a_hash_with_old_parameters_is_replaced_on_sign_in(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    old = hash_password(PASSWORD, PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))
    store.save_account(Account("bo", "contributor", "Malmö stad", password_hash=old))
    assert authenticate(store, "bo", PASSWORD, START).ok
    new = stored(store, "bo").password_hash
    assert new is not None and new != old and "m=65536" in new
    assert authenticate(store, "bo", PASSWORD, START).ok


def test_an_openid_account_cannot_sign_in_with_a_password(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    add_account(store, "cy", "admin", "Malmö stad", subject="https://login.example|42",
                by="t", now=START, log=store.log)
    assert authenticate(store, "cy", PASSWORD, START, log=store.log).status == "wrong"
    assert last_event(store).detail == "no password sign-in"
