"""The accounts page: an administrator adds, changes and removes accounts; every refusal says
why in the user's language and changes nothing; the public and other roles are refused, also
through a forged callback; the page never shows a password hash."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import flask
import flask_login
import pytest
from dash import Dash, html

from dashboard.app.pages import Context, registry
from dashboard.app.pages import accounts as page
from dashboard.app.pages.accounts import Asked, change
from dashboard.core.viewstate import ViewState
from dashboard.store.accounts import MAX_FAILURES, add_account, authenticate
from dashboard.store.backend import Account, Contribution, VersionRecord
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore
from tests.tree import texts

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
PASSWORD = "a long enough pass phrase"
ADA = Account("ada", "admin", "Malmö stad")


class User(flask_login.UserMixin):
    """A signed-in account as Flask-Login holds it."""

    def __init__(self, account: Account):
        self.account, self.id = account, account.name


@pytest.fixture
def store(tmp_path: Path) -> FileStore:
    store = FileStore(tmp_path / "store")
    add_account(store, "ada", "admin", "Malmö stad", password=PASSWORD, by="test", now=NOW,
                log=store.log)
    add_account(store, "ana", "contributor", "Region Skåne", password=PASSWORD, by="test",
                now=NOW, log=store.log)
    return store


def act(store: FileStore, action: str, lang: str = "en", admin: Account | None = ADA,
        **asked: Any) -> str:
    return texts(change(store, store.log, admin, action, Asked(**asked), lang, NOW))


def test_an_admin_adds_an_account_that_then_signs_in(store: FileStore) -> None:
    said = act(store, "add", name="ola", role="publisher", organisation="Lunds universitet",
               password=PASSWORD, again=PASSWORD)
    assert said == "The account ola (publisher, Lunds universitet) is added."
    assert authenticate(store, "ola", PASSWORD, NOW).ok
    event = store.audit(1)[0]
    assert (event.actor, event.action, event.subject) == ("ada", "user_add", "ola")
    subject = "https://login.example.se|4711"
    said = act(store, "add", "sv", name="kim", role="contributor", organisation="Malmö stad",
               subject=subject)
    assert said == "Kontot kim (bidragsgivare, Malmö stad) är tillagt."
    assert store.account_by_subject(subject) == store.account("kim")


@pytest.mark.parametrize(("asked", "english", "swedish"), [
    ({"name": "two words"}, "A user name is one word of at most 64", "Ett användarnamn är"),
    ({"name": "ana"}, "An account named ana exists already", "Det finns redan ett konto"),
    ({"organisation": " "}, "An account needs an organisation", "behöver en organisation"),
    ({"password": "short", "again": "short"}, "at least 15 characters", "minst 15 tecken"),
    ({"password": "ola", "again": "ola"}, "at least 15 characters", "minst 15 tecken"),
    ({"again": "another long pass phrase"}, "The two passwords differ", "skiljer sig åt"),
    ({"subject": "https://login.example.se|1"}, "not both and not neither", "inte båda"),
    ({"password": "", "again": ""}, "not both and not neither", "inte båda"),
    ({"password": "", "again": "", "subject": "no bar"}, "written ISSUER|SUB",
     "skrivs UTFÄRDARE|SUB"),
    ({"role": ""}, "Choose a role", "Välj en roll"),
    ({"name": ""}, "Choose an account first", "Välj först ett konto"),
])
def test_a_refused_new_account_says_why_and_adds_nothing(
        store: FileStore, asked: dict[str, str], english: str, swedish: str) -> None:
    fields = {"name": "ola", "role": "publisher", "organisation": "Lunds universitet",
              "password": PASSWORD, "again": PASSWORD, **asked}
    before = (store.accounts(), len(store.audit()))
    for lang, expected in (("en", english), ("sv", swedish)):
        said = act(store, "add", lang, **fields)
        assert expected in said and ("Nothing has changed" in said
                                     or "Inget har ändrats" in said), said
    assert (store.accounts(), len(store.audit())) == before


def test_role_organisation_password_unlock_and_remove(store: FileStore) -> None:
    assert act(store, "role", name="ana", role="publisher") == \
        "ana is now publisher. It applies from the account's next click."
    assert act(store, "organisation", "sv", name="ana", organisation="Malmö universitet") == \
        "ana lämnar nu data för Malmö universitet."
    for _ in range(MAX_FAILURES):
        authenticate(store, "ana", "a wrong guess, again", NOW)
    assert not authenticate(store, "ana", PASSWORD, NOW).ok
    assert act(store, "unlock", name="ana") == "ana is unlocked."
    assert authenticate(store, "ana", PASSWORD, NOW).ok
    new = "an entirely new pass phrase"
    assert "ana has a new password" in act(store, "password", name="ana", password=new,
                                           again=new)
    assert authenticate(store, "ana", new, NOW).ok
    assert act(store, "remove", name="ana", confirmed=True).startswith(
        "The account ana is removed.")
    assert store.account("ana") is None
    assert [e.action for e in store.audit(5)] == ["user_remove", "user_password", "user_unlock",
                                                  "user_organisation", "user_role"]
    assert {e.actor for e in store.audit(5)} == {"ada"}


def test_refused_changes_say_why_and_change_nothing(store: FileStore) -> None:
    add_account(store, "cy", "publisher", "Malmö stad", subject="https://login.example.se|9",
                by="test", now=NOW, log=store.log)
    before = (store.accounts(), len(store.audit()))
    cases = [
        ("role", {"name": "ada", "role": "contributor"}, "your own account"),
        ("remove", {"name": "ada", "confirmed": True}, "your own account"),
        ("remove", {"name": "ana"}, "Tick “Yes, remove the account” first"),
        ("role", {"name": "ana", "role": "king"}, "Choose a role"),
        ("organisation", {"name": "ana", "organisation": ""}, "needs an organisation"),
        ("password", {"name": "ana", "password": "x" * 20, "again": "y" * 20},
         "The two passwords differ"),
        ("password", {"name": "ana", "password": "short", "again": "short"},
         "at least 15 characters"),
        ("password", {"name": "cy", "password": PASSWORD, "again": PASSWORD},
         "cy signs in with the organisation's account and has no password here"),
        ("unlock", {"name": "nobody"}, "There is no account named nobody"),
        ("remove", {"name": "nobody", "confirmed": True}, "There is no account named nobody"),
        ("unlock", {}, "Choose an account first"),
    ]
    for action, asked, expected in cases:
        said = act(store, action, **asked)
        assert expected in said and "Nothing has changed" in said, (action, said)
    assert (store.accounts(), len(store.audit())) == before


def test_only_an_admin_may_change_accounts(store: FileStore) -> None:
    before = store.accounts()
    for who in (None, Account("ana", "contributor", "Region Skåne"),
                Account("pia", "publisher", "Malmö stad")):
        said = act(store, "remove", admin=who, name="ada", confirmed=True)
        assert said == "Your account may not do this. Nothing has changed."
    assert store.accounts() == before


def test_the_tables_show_status_and_organisations_never_a_hash(store: FileStore) -> None:
    for _ in range(MAX_FAILURES):
        authenticate(store, "ana", "a wrong guess, again", NOW)
    add_account(store, "kim", "contributor", "Region Skåne", password=PASSWORD, by="test",
                now=NOW, log=store.log)
    authenticate(store, "kim", "one wrong guess here", NOW)
    record = VersionRecord("r1", "published", Contribution("ana", "Region Skåne", "CC BY 4.0",
                                                           "a.csv"), NOW)
    draft = VersionRecord("r2", "draft", Contribution("x", "Lunds kommun", "CC0", "b.csv"), NOW)
    rows = page.account_rows(store.accounts(), NOW + timedelta(minutes=1), "en")
    assert rows[0] == ("ada", "administrator", "Malmö stad", "password", "open")
    assert rows[1][4] == "locked until 2026-03-01 09:45 (UTC)"
    assert rows[2][4] == "1 failed sign-ins in a row"
    assert page.account_rows(store.accounts(), NOW + timedelta(hours=1), "sv")[1][4] == "öppet"
    assert page.organisation_rows(store.accounts(), [record, draft]) == [
        ("Lunds kommun", 0, 1, 0), ("Malmö stad", 1, 0, 0), ("Region Skåne", 2, 1, 1)]
    shown = texts(page.accounts_content(store, [record], NOW, "en"))
    assert "$argon2" not in shown and "Region Skåne" in shown


def test_the_page_is_refused_to_the_public_and_to_other_roles(dataset: Dataset) -> None:
    server = flask.Flask(__name__)
    server.secret_key = "test"
    flask_login.LoginManager(server).user_loader(lambda name: None)

    (accounts,) = [p for p in registry() if p.id == "accounts"]

    def shown(account: Account | None) -> str:
        with server.test_request_context("/accounts"):
            if account is not None:
                flask_login.login_user(User(account))
            context = Context(dataset, ViewState(lang="en"), None, "/accounts", "",
                              frozenset())
            return texts(page.render(context))

    assert "signed-in administrators only" in shown(None)
    assert "Only administrators manage accounts. Your account is publisher." in shown(
        Account("pia", "publisher", "Malmö stad"))
    assert "Add an account" in shown(ADA) and "Change an account" in shown(ADA)
    assert accounts.path == "/accounts"


def _app(store: FileStore) -> Dash:
    server = flask.Flask(__name__)
    server.secret_key = "test"
    manager = flask_login.LoginManager(server)

    manager.user_loader(lambda name: User(store.account(name)) if store.account(name) else None)
    app = Dash(__name__, server=server, suppress_callback_exceptions=True)
    app.layout = html.Div()
    page.register_accounts(app, store, store.log, lambda: [], clock=lambda: NOW)
    return app


def press(app: Dash, button: str, user: str | None, **fields: Any) -> str:
    """Post what dash-renderer posts when `button` is pressed, as `user`."""
    key = next(k for k in app.callback_map if "accounts-status.children" in k)
    spec = app.callback_map[key]
    states = [{"id": s["id"], "property": s["property"],
               "value": fields.get(s["id"], [] if s["id"] == "accounts-confirm" else None)}
              for s in spec["state"]]
    body = {"output": key, "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                                       for o in key.strip(".").split("...")],
            "inputs": [{"id": i["id"], "property": "n_clicks",
                        "value": 1 if i["id"] == button else None} for i in spec["inputs"]],
            "state": states, "changedPropIds": [f"{button}.n_clicks"]}
    client = app.server.test_client()
    if user is not None:
        with client.session_transaction() as session:
            session["_user_id"], session["_fresh"] = user, True
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)
    return json.dumps(response.get_json()["response"], ensure_ascii=False)


def test_a_forged_callback_from_a_contributor_changes_nothing(store: FileStore) -> None:
    app = _app(store)
    fields = {"accounts-who": "ada", "accounts-confirm": ["yes"], "view": {"lang": "en"}}
    for user in (None, "ana"):
        assert "may not do this" in press(app, "accounts-remove", user, **fields)
    assert store.account("ada") is not None
    added = press(app, "accounts-add-button", "ada", **{
        "accounts-name": "ola", "accounts-role": "publisher",
        "accounts-organisation": "Lunds universitet", "accounts-password": PASSWORD,
        "accounts-password-again": PASSWORD, "view": {"lang": "sv"}})
    assert "Kontot ola (utgivare, Lunds universitet) är tillagt." in added
    assert PASSWORD not in added  # the password fields are emptied, never echoed
    assert authenticate(store, "ola", PASSWORD, NOW).ok
