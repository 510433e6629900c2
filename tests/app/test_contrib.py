"""Contributions wait as drafts until a publisher publishes them: who may add, publish,
reject, withdraw and preview, what the public sees meanwhile, and the audit page."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import flask
import flask_login
import pytest
from dash import Dash, html
from plotly.utils import PlotlyJSONEncoder

from dashboard.app import preview
from dashboard.app.callbacks import nav_links
from dashboard.app.live import LiveData
from dashboard.app.pages import Context, audit, registry, review, upload_page
from dashboard.app.preview import preview_banner, preview_dataset
from dashboard.app.upload import add_upload, check_upload
from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import ViewState
from dashboard.store.backend import (
    DRAFT,
    PUBLISHED,
    REJECTED,
    WITHDRAWN,
    Account,
    AuditEvent,
    VersionStore,
)
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore
from tests.tree import texts

FIXTURE = Path(__file__).parent / "fixtures" / "survey_smoking_heat.csv"
ANA = Account("ana", "contributor", "Region Skåne")
KIM = Account("kim", "contributor", "Lunds kommun")
PIA = Account("pia", "publisher", "Malmö stad")


class User(flask_login.UserMixin):
    def __init__(self, account: Account):
        self.account = account
        self.id = account.name


def make_store(root: Path, dataset: Dataset) -> VersionStore:
    return FileStore(root, fallback=lambda: dataset)


def make_live(root: Path, dataset: Dataset) -> LiveData:
    """The app's live data over a fresh folder store, previews on."""
    return LiveData(dataset, store=make_store(root, dataset), follow_store=True,
                    preview=preview_dataset)


@pytest.fixture()
def live(tmp_path, dataset) -> LiveData:
    return make_live(tmp_path / "store", dataset)


@pytest.fixture()
def server() -> flask.Flask:
    app = flask.Flask(__name__)
    app.secret_key = "test"
    manager = flask_login.LoginManager(app)
    users = {a.name: User(a) for a in (ANA, KIM, PIA)}
    manager.user_loader(users.get)
    return app


@pytest.fixture()
def signed_in(server) -> Iterator[Any]:
    """Run the body of a test as `account` (None: the public) in one request."""

    def enter(account: Account | None) -> Any:
        context = server.test_request_context("/")
        context.push()
        if account is not None:
            flask_login.login_user(User(account))
        return context

    pushed: list[Any] = []
    yield lambda account: pushed.append(enter(account))
    for context in reversed(pushed):
        context.pop()


def file_data(raw: bytes | None = None, name: str = "enkät.csv") -> dict[str, str]:
    raw = FIXTURE.read_bytes() if raw is None else raw
    return {"contents": "data:text/csv;base64," + base64.b64encode(raw).decode(),
            "filename": name}



def ids(tree: Any) -> list[Any]:
    found = [getattr(tree, "id", None)]
    children = getattr(tree, "children", None)
    if isinstance(tree, list | tuple):
        children = tree
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str):
            found += ids(child)
    return [i for i in found if i is not None]


def dumped(tree: Any) -> str:
    """A component tree as the browser receives it."""
    return json.dumps(tree, cls=PlotlyJSONEncoder, ensure_ascii=False)


def indicators(ds: Dataset) -> set[str]:
    return set(ds.indicators["id"])


def draft(live: LiveData, account: Account = ANA, name: str = "enkät.csv") -> str:
    said = add_upload(live, account, file_data(name=name), "CC BY 4.0", "en")
    assert "Kept as draft" in texts(said), texts(said)
    assert live.store is not None
    return next(r.name for r in live.store.records() if r.contribution.file == name)


def test_the_public_cannot_add_and_nothing_is_stored(live) -> None:
    said = add_upload(live, None, file_data(), "CC BY 4.0", "sv")
    assert "måste vara inloggad" in texts(said) and "Inget har sparats" in texts(said)
    assert live.store.records() == []
    assert "smoke_daily" not in indicators(live.published)


def test_an_account_that_may_not_add_is_refused(live) -> None:
    said = add_upload(live, Account("x", "reader", "X"), file_data(), "CC0", "en")
    assert "must be signed in with an account that may contribute" in texts(said)
    assert live.store.records() == []


def test_a_contributor_adds_a_draft_and_the_live_data_stay(live) -> None:
    assert "State the licence" in texts(add_upload(live, ANA, file_data(), " ", "en"))
    assert live.store.records() == []
    said = add_upload(live, ANA, file_data(), "CC BY 4.0", "en")
    assert "11 values" in texts(said) and "/review" in dumped(said)
    (record,) = live.store.records()
    assert record.state == DRAFT
    assert record.contribution.added_by == "ana"
    assert record.contribution.organisation == "Region Skåne"
    assert (record.contribution.licence, record.contribution.file) == ("CC BY 4.0", "enkät.csv")
    assert "smoke_daily" not in indicators(live.published)
    tables = live.store.draft_tables(record.name)
    assert set(tables["observations"]["indicator_id"]) == {"smoke_daily"}
    assert tables["sources"]["publisher"].tolist() == ["Region Skåne"]


def test_a_refused_file_is_listed_and_not_kept(live) -> None:
    bad = FIXTURE.read_bytes().replace(b"14.1", b"fjorton", 1)
    said = texts(add_upload(live, ANA, file_data(bad), "CC0", "en"))
    assert "column 'estimate': expected a number, got 'fjorton'" in said
    assert live.store.records() == []


def test_the_check_returns_the_files_own_tables(dataset) -> None:
    check = check_upload(dataset, file_data()["contents"], "enkät.csv", "en", "Region Skåne",
                         "CC0")
    assert check.tables is not None and check.dataset is not None
    assert len(check.tables["observations"]) == 11
    assert len(check.dataset.observations) == len(dataset.observations) + 11


def test_a_contributor_cannot_publish_reject_or_withdraw(live) -> None:
    name = draft(live)
    for action in ("publish", "reject", "withdraw"):
        said = review.decide(live, ANA, action, name, "because", "en")
        assert "may not do this" in texts(said)
    assert [r.state for r in live.store.records()] == [DRAFT]
    assert "smoke_daily" not in indicators(live.published)


def test_the_public_cannot_decide_anything(live) -> None:
    name = draft(live)
    assert "may not do this" in texts(review.decide(live, None, "publish", name, "", "en"))
    assert [r.state for r in live.store.records()] == [DRAFT]


def test_a_publisher_publishes_and_the_values_go_live(live) -> None:
    name = draft(live)
    said = texts(review.decide(live, PIA, "publish", name, "", "en"))
    assert f"{name} is published as version" in said
    assert "smoke_daily" in indicators(live.published)
    (record,) = live.store.records()
    assert record.state == PUBLISHED
    assert (record.contribution.added_by, record.decided_by) == ("ana", "pia")
    again = texts(review.decide(live, PIA, "publish", name, "", "en"))
    assert "already been published or rejected" in again


def test_rejecting_needs_a_note(live) -> None:
    name = draft(live)
    assert "Write a note" in texts(review.decide(live, PIA, "reject", name, "  ", "en"))
    assert [r.state for r in live.store.records()] == [DRAFT]
    assert "är avvisat" in texts(review.decide(live, PIA, "reject", name, "fel år", "sv"))
    (record,) = live.store.records()
    assert (record.state, record.note, record.decided_by) == (REJECTED, "fel år", "pia")
    assert "smoke_daily" not in indicators(live.published)


def test_an_unknown_draft_is_refused_in_the_users_language(live) -> None:
    said = texts(review.decide(live, PIA, "publish", "nope", "", "sv"))
    assert "Det finns inget sådant utkast" in said


def test_withdrawing_shows_the_version_before_again(live, dataset) -> None:
    first = draft(live, name="a.csv")
    review.decide(live, PIA, "publish", first, "", "en")
    before = live.published
    raw = FIXTURE.read_bytes().replace(b"smoke_daily", b"smoke_other")
    assert "Kept as draft" in texts(add_upload(live, ANA, file_data(raw, "b.csv"), "CC0", "en"))
    second = next(r.name for r in live.store.records() if r.contribution.file == "b.csv")
    review.decide(live, PIA, "publish", second, "", "en")
    assert "smoke_other" in indicators(live.published)
    assert "Write a note" in texts(review.decide(live, PIA, "withdraw", second, "", "en"))
    said = texts(review.decide(live, PIA, "withdraw", second, "wrong file", "en"))
    assert "withdrawn; the version before it is shown again" in said
    assert indicators(live.published) == indicators(before)
    states = {r.contribution.file: r.state for r in live.store.records()}
    assert states == {"a.csv": PUBLISHED, "b.csv": WITHDRAWN}
    refused = texts(review.decide(live, PIA, "withdraw", second, "again", "en"))
    assert "Only the contribution shown now can be withdrawn" in refused


def _view_text(ds: Dataset, indicator: str) -> str:
    page = registry()[0]
    state, _ = resolve(ds, ViewState(lang="en", indicator=indicator))
    return texts(page.layout(Context(ds, state, {}, page.path, "", page.uses())))


def test_a_publisher_previews_a_draft_in_the_views_and_the_public_does_not(
        live, signed_in) -> None:
    name = draft(live)
    signed_in(PIA)
    said = texts(review.decide(live, PIA, "preview", name, "", "en"))
    assert f"Every view now shows draft {name}" in said
    assert flask.session["preview"] == name
    assert "Daily smoking" in _view_text(live.ds, "smoke_daily")
    assert ("Preview of the draft enkät.csv from Region Skåne – not published"
            in texts(preview_banner("en", live.store)))
    assert "utkastet enkät.csv från Region Skåne" in texts(preview_banner("sv", live.store))
    assert preview_dataset(live) is preview_dataset(live)  # merged once, then kept
    assert "smoke_daily" not in indicators(live.published)


def test_a_forged_preview_shows_the_public_nothing(live, signed_in) -> None:
    name = draft(live)
    signed_in(None)
    flask.session["preview"] = name
    assert preview_dataset(live) is None
    assert "smoke_daily" not in indicators(live.ds)
    assert preview_banner("sv", live.store) is None


def test_another_organisation_cannot_preview_a_draft(live, signed_in) -> None:
    name = draft(live)
    signed_in(KIM)
    assert "may not do this" in texts(review.decide(live, KIM, "preview", name, "", "en"))
    flask.session["preview"] = name
    assert preview_dataset(live) is None
    assert preview_banner("en", live.store) is None


def test_publishing_the_previewed_draft_ends_the_preview(live, signed_in) -> None:
    name = draft(live)
    signed_in(PIA)
    review.decide(live, PIA, "preview", name, "", "en")
    review.decide(live, PIA, "publish", name, "", "en")
    assert preview.previewed() is None and preview_banner("en", live.store) is None


def test_the_review_lists_drafts_for_their_organisation_only(live) -> None:
    draft(live, ANA, "skane.csv")
    draft(live, KIM, "lund.csv")
    for_ana = review.review_content(live, ANA, "en")
    assert "skane.csv" in texts(for_ana) and "lund.csv" not in texts(for_ana)
    assert not any(isinstance(i, dict) and i.get("action") == "publish" for i in ids(for_ana))
    for_pia = review.review_content(live, PIA, "en")
    words = texts(for_pia)
    assert "skane.csv" in words and "lund.csv" in words and "Daily smoking" in words
    assert words.index("lund.csv") < words.index("skane.csv")  # newest first
    actions = {i["action"] for i in ids(for_pia) if isinstance(i, dict) and "action" in i}
    assert actions == {"preview", "publish", "reject"}
    assert "for signed-in accounts only" in texts(review.review_content(live, None, "en"))


def test_the_menu_lists_review_and_audit_to_members_and_accounts_to_admins(signed_in) -> None:
    pages = registry()
    summary = pages[0]

    def menu() -> list[str]:
        links = nav_links(pages, summary, ViewState(lang="en"))
        return [link.id["name"] for link in links]

    signed_in(None)
    public = menu()
    assert "upload" in public and not {"review", "audit", "accounts"} & set(public)
    signed_in(ANA)
    assert {"review", "audit"} <= set(menu()) and "accounts" not in menu()
    signed_in(Account("ada", "admin", "Malmö stad"))
    assert [p.id for p in pages] == menu()
    signed_in(None)
    shown_page = next(p for p in pages if p.id == "audit")
    links = nav_links(pages, shown_page, ViewState(lang="en"))
    assert "audit" in [link.id["name"] for link in links]  # the page shown stays marked


def test_the_audit_page_lists_the_events_and_is_refused_to_the_public(live) -> None:
    name = draft(live)
    review.decide(live, PIA, "reject", name, "wrong year", "en")
    closed = texts(audit.audit_content(live, None, 0, "en"))
    assert "for signed-in accounts only" in closed and "pia" not in closed
    shown = dumped(audit.audit_content(live, ANA, 0, "en"))
    assert "pia" in shown and "ana" in shown and "wrong year" in shown
    assert "enkät.csv" in shown and "CC BY 4.0" in shown and "Region Skåne" in shown


def test_the_audit_log_is_paged_and_downloads_whole(live) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for i in range(120):
        live.store.log(AuditEvent(at, "pia", "test", f"subject-{i:03d}"))
    events = live.store.audit()
    first = audit.log_page(events, 0, "en")
    assert "Events 1–50 of" in texts(first)
    last_page = (len(events) - 1) // audit.PER_PAGE
    page = audit.log_page(events, 99, "en")
    assert f"Events {last_page * 50 + 1}–{len(events)} of {len(events)}" in texts(page)
    markup = dumped(first)
    assert markup.count("<tr>") == 51 and "subject-119" in markup
    rows = audit.audit_csv(events, "en").lstrip("\ufeff").splitlines()
    assert rows[0] == "Time;Who;Action;Subject;Detail" and len(rows) == len(events) + 1


def test_the_upload_page_asks_the_public_to_sign_in(dataset, signed_in) -> None:
    ctx = Context(dataset, ViewState(lang="en"), {}, "/upload", "", frozenset())
    signed_in(None)
    page = dumped(upload_page.render(ctx))
    assert "/login?next=/upload" in page and "adding data needs you to sign in" in page


def test_the_upload_page_names_the_contributor(dataset, signed_in) -> None:
    ctx = Context(dataset, ViewState(lang="sv"), {}, "/upload", "", frozenset())
    signed_in(ANA)
    page = texts(upload_page.render(ctx))
    assert "Du lämnar bidraget som ana för Region Skåne" in page


def _callback_app(live: LiveData, server: flask.Flask) -> Dash:
    app = Dash(__name__, server=server, suppress_callback_exceptions=True)
    app.layout = html.Div()
    review.register_review(app, live)
    return app


def _press(app: Dash, action: str, name: str, note: str, user: str | None) -> Any:
    key = next(k for k in app.callback_map if "review-status.children" in k)
    button = {"type": "review-act", "action": action, "name": name}
    body = {"output": key,
            "outputs": [{"id": "review-status", "property": "children"},
                        {"id": "review-refresh", "property": "data"}],
            "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
            "state": [[{"id": {"type": "review-note", "name": name}, "property": "value",
                        "value": note}],
                      {"id": "view", "property": "data", "value": {"lang": "en"}},
                      {"id": "review-refresh", "property": "data", "value": 0}],
            "changedPropIds": [json.dumps(button, separators=(",", ":"), sort_keys=True)
                               + ".n_clicks"]}
    client = app.server.test_client()
    if user is not None:
        with client.session_transaction() as session:
            session["_user_id"] = user
            session["_fresh"] = True
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    return response.get_json()["response"]


def test_a_forged_publish_request_from_a_contributor_is_refused(live, server) -> None:
    name = draft(live)
    app = _callback_app(live, server)
    for user in ("ana", None):
        said = json.dumps(_press(app, "publish", name, "", user))
        assert "may not do this" in said
    assert [r.state for r in live.store.records()] == [DRAFT]
    said = json.dumps(_press(app, "publish", name, "", "pia"), ensure_ascii=False)
    assert "is published as version" in said
    assert "smoke_daily" in indicators(live.published)


def test_stopping_the_preview_forgets_it_and_goes_back_to_the_same_view(live, server) -> None:
    app = Dash(__name__, server=server, suppress_callback_exceptions=True)
    app.layout = html.Div()
    preview.register_preview(app)
    client = app.server.test_client()
    for referrer, back in (("http://localhost/trends?ind=x&lang=en", "/trends?ind=x&lang=en"),
                           ("https://elsewhere.example/trends?ind=x", "/"), (None, "/")):
        with client.session_transaction() as session:
            session["_user_id"], session["preview"] = "pia", draft(live)
        headers = {"Referer": referrer} if referrer else {}
        response = client.post(preview.STOP_PATH, headers=headers)
        assert (response.status_code, response.headers["Location"]) == (303, back)
        with client.session_transaction() as session:
            assert "preview" not in session and session["_user_id"] == "pia"


def test_the_banner_stops_the_preview_by_a_form_carrying_the_csrf_token(
        live, signed_in) -> None:
    signed_in(PIA)
    review.decide(live, PIA, "preview", draft(live), "", "en")
    banner = preview_banner("sv", live.store)
    (form,) = [c for c in banner.children if isinstance(c, html.Form)]
    button = form.children
    assert (form.method, form.action) == ("post", preview.STOP_PATH)
    assert button.name == "csrf_token" and button.value and button.type == "submit"
    assert button.children == "Sluta förhandsvisa"
