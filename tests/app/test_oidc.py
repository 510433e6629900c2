"""Signing in through OpenID Connect, against a small provider started on 127.0.0.1: a
linked subject signs in; an unknown subject, a token signed with another key, a token for
another client and a replayed nonce are refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from werkzeug.test import TestResponse

from dashboard.app.auth import AuthSettings, OidcSettings
from dashboard.store.accounts import add_account
from dashboard.store.dataset import Dataset
from dashboard.store.files import FileStore
from tests.app.test_auth import (
    START,
    Site,
    last_event,
    make_site,
)
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, LocalProvider, running


@pytest.fixture
def provider() -> Iterator[LocalProvider]:
    with running() as local:
        yield local


@pytest.fixture
def site(dataset: Dataset, provider: LocalProvider, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> Site:
    monkeypatch.delenv("DASHBOARD_PUBLIC_URL", raising=False)
    store = FileStore(tmp_path)
    add_account(store, "dora", "publisher", "Region Skåne",
                subject=f"{provider.issuer}|person-1", by="admin", now=START, log=store.log)
    settings = AuthSettings(secret_key="test-secret",
                            oidc=OidcSettings(provider.issuer, CLIENT_ID, CLIENT_SECRET))
    return make_site(dataset, settings, store)


def through_provider(site: Site, lang: str = "en") -> TestResponse:
    """Start at /login/oidc, let the provider approve, and come back to the callback."""
    start = site.client.get(f"/login/oidc?lang={lang}")
    assert start.status_code == 302
    at_provider = requests.get(start.headers["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    assert back.path == "/login/oidc/callback"
    return site.client.get(f"{back.path}?{back.query}")


def test_sign_in_page_offers_the_provider(site: Site) -> None:
    page = site.client.get("/login?lang=en").get_data(as_text=True)
    assert 'href="/login/oidc?lang=en">Sign in with your organisation' in page


def test_linked_subject_signs_in(site: Site) -> None:
    response = through_provider(site)
    assert response.status_code == 303
    assert site.whoami() == "dora:publisher"
    assert last_event(site.store).action == "sign_in"


def test_unknown_subject_is_refused(site: Site, provider: LocalProvider) -> None:
    provider.sub = "person-2"
    response = through_provider(site)
    assert response.status_code == 403
    assert "not linked to an account here" in response.get_data(as_text=True)
    assert site.whoami() == ""
    assert last_event(site.store).action == "sign_in_failed"


@pytest.mark.parametrize("mode", ["bad_signature", "bad_nonce", "wrong_audience",
                                  "wrong_issuer"])
def test_a_token_that_does_not_verify_is_refused(site: Site, provider: LocalProvider,
                                                  mode: str) -> None:
    provider.mode = mode
    response = through_provider(site, "sv")
    assert response.status_code == 401
    assert "kunde inte slutföras" in response.get_data(as_text=True)
    assert site.whoami() == ""


def test_a_callback_without_our_state_is_refused(site: Site) -> None:
    response = site.client.get("/login/oidc/callback?code=made-up&state=made-up")
    assert response.status_code == 401
    assert site.whoami() == ""
