"""The contribution flow in a real browser: a contributor signs in and sends a file for
review; the public does not see it; a publisher previews it in the views, then publishes
it, and the public sees it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from dash import Dash

from dashboard.app import callbacks
from dashboard.app.auth import AuthSettings, register_auth
from dashboard.app.factory import ASSETS
from dashboard.app.index_page import INDEX, ViewDash
from dashboard.app.layout import build_layout
from dashboard.app.live import LiveData
from dashboard.app.pages.accounts import register_accounts
from dashboard.app.pages.audit import register_audit
from dashboard.app.pages.review import register_review
from dashboard.app.preview import preview_dataset, register_preview
from dashboard.app.upload import register_upload
from dashboard.store.accounts import add_account
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore
from tests.browser.conftest import serve
from tests.browser.test_page import settled

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "survey_smoking_heat.csv"
PASSWORD = "a long enough test password"


def contrib_app(dataset: Dataset, store: FileStore) -> Dash:
    """The app with a store, signing in, and the upload, review, audit, accounts and preview
    pages."""
    app = ViewDash(__name__, index_string=INDEX, assets_folder=str(ASSETS),
                   serve_locally=True, update_title="", suppress_callback_exceptions=True)
    app.layout = build_layout()
    live = LiveData(dataset, store=store, follow_store=True, preview=preview_dataset)
    callbacks.register(app, live)
    register_upload(app, live)
    register_review(app, live)
    register_audit(app, live)
    register_accounts(app, store, store.log, store.records)
    register_preview(app)
    settings = AuthSettings(secret_key="test-secret", cookie_secure=False,
                            login_rate="1000 per minute")
    register_auth(app, store, store.log, settings)
    return app


def sign_in(page, url: str, name: str, next_path: str,  # type: ignore[no-untyped-def]
            password: str = PASSWORD) -> None:
    page.goto(f"{url}/login?next={next_path}")
    page.fill("#login-name", name)
    page.fill("#login-password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}{next_path}*")
    settled(page)


def headline(page, url: str) -> str:  # type: ignore[no-untyped-def]
    page.goto(f"{url}/?ind=smoke_daily&lang=en")
    settled(page)
    return page.inner_text("#headline")


def test_a_draft_waits_for_the_publisher(browser, tmp_path, dataset) -> None:
    store = FileStore(tmp_path / "store", fallback=lambda: dataset)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    add_account(store, "ana", "contributor", "Region Skåne", password=PASSWORD, by="test",
                now=at, log=store.log)
    add_account(store, "pia", "publisher", "Malmö stad", password=PASSWORD, by="test",
                now=at, log=store.log)
    url, server = serve(contrib_app(dataset, store))
    contexts = [browser.new_context() for _ in range(3)]
    ana, pia, public = (c.new_page() for c in contexts)
    errors: list[str] = []
    for page in (ana, pia, public):
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        sign_in(ana, url, "ana", "/upload")
        assert "ana för Region Skåne" in ana.inner_text("#upload-account")
        ana.set_input_files("#upload input[type=file]", str(FIXTURE))
        ana.wait_for_selector("#upload-report table")
        ana.get_by_label("Licens").fill("CC BY 4.0")
        ana.click("#upload-add")
        ana.wait_for_selector("#upload-added")
        assert "Sparat som utkast" in ana.inner_text("#upload-result")
        (record,) = store.records()

        assert not headline(public, url).startswith("Daily smoking")

        sign_in(pia, url, "pia", "/review")
        pia.wait_for_selector(f"#draft-{record.name}")
        assert "survey_smoking_heat.csv" in pia.inner_text("#review-drafts")
        pia.get_by_role("button", name="Förhandsvisa").click()
        pia.wait_for_selector("#review-open")
        assert headline(pia, url).startswith("Daily smoking")
        assert ("Preview of the draft survey_smoking_heat.csv from Region Skåne"
                in pia.inner_text("#preview-banner"))
        assert not headline(public, url).startswith("Daily smoking")
        assert public.query_selector("#preview-banner") is None
        loads: list[str] = []
        pia.on("request", lambda r: loads.append(r.url)
               if r.resource_type == "document" and r.method == "GET" else None)
        with pia.expect_navigation():
            pia.click("#preview-stop")
        settled(pia)
        (load,) = loads  # one load, of the view shown before
        assert load.startswith(f"{url}/?") and "ind=smoke_daily" in load
        assert not pia.inner_text("#headline").startswith("Daily smoking")
        assert pia.query_selector("#preview-banner") is None

        pia.goto(f"{url}/review")
        settled(pia)
        pia.get_by_role("button", name="Publicera").click()
        pia.wait_for_function("() => document.querySelector('#review-status')"
                              ".innerText.includes('publicerat som version')")
        assert store.records()[0].decided_by == "pia"
        assert headline(public, url).startswith("Daily smoking")

        pia.goto(f"{url}/audit?lang=en")
        pia.wait_for_selector("#audit-range")
        log = pia.inner_text("#audit-log")
        assert "publish" in log and "ana" in log and "pia" in log
        assert "Region Skåne" in pia.inner_text("#audit-versions")
        public.goto(f"{url}/audit")
        public.wait_for_selector("#members-only")
        assert "bara för inloggade" in public.inner_text("#page")
        assert public.query_selector("#audit-log") is None
        assert errors == []
    finally:
        for context in contexts:
            context.close()
        server.shutdown()
