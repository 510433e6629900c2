"""Previewing a draft in every view: a publisher, or someone of the organisation that added
the draft, sees the published data merged with the draft's tables, for their session
only, with a banner saying so on every page. Everyone else keeps seeing the published data.

The session remembers the draft (`flask.session["preview"]`); the merged dataset is kept
for a few (store, published version, draft) at a time, so views do not merge on every
request."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import flask
from dash import Dash, html
from flask_wtf.csrf import generate_csrf

from dashboard.app.access import current_account, may
from dashboard.core.problems import DatasetError
from dashboard.core.texts import t
from dashboard.store.backend import DRAFT, Account, VersionRecord, VersionStore
from dashboard.store.dataset import Dataset
from dashboard.store.merge import merge_into

SESSION_KEY = "preview"
STOP_PATH = "/preview/stop"
CACHED = 4


class ContribLive(Protocol):
    """What the contribution pages need of the app's live data: the store, the published
    dataset, the dataset this request sees, and a re-read after a publish."""

    store: VersionStore | None

    @property
    def ds(self) -> Dataset:
        """The dataset this request sees (published, or a previewed draft merged in)."""

    @property
    def published(self) -> Dataset:
        """The published dataset, whatever is previewed."""

    def reload(self) -> None:
        """Read the store's live version again (after a publish or withdrawal)."""


_cache: OrderedDict[tuple[int, str, str], Dataset] = OrderedDict()
_lock = threading.Lock()


def previewed() -> str | None:
    """The name of the draft this session previews, or None (also outside a request)."""
    if not flask.has_request_context():
        return None
    name = flask.session.get(SESSION_KEY)
    return name if isinstance(name, str) and name else None


def start_preview(name: str) -> None:
    """Remember in the session that `name` is previewed."""
    flask.session[SESSION_KEY] = name


def stop_preview() -> None:
    """Forget the previewed draft: every view shows the published data again."""
    if flask.has_request_context():
        flask.session.pop(SESSION_KEY, None)


def may_preview(account: Account | None, record: VersionRecord) -> bool:
    """Whether `account` may see `record` merged in: a draft, and a publisher or someone of
    the organisation that added it."""
    if account is None or record.state != DRAFT:
        return False
    return may(account, "publish") or (
        may(account, "add") and account.organisation == record.contribution.organisation)


def find_record(store: VersionStore, name: str) -> VersionRecord | None:
    """The record named `name`, or None."""
    return next((r for r in store.records() if r.name == name), None)


def merged(store: VersionStore, published: Dataset, record: VersionRecord) -> Dataset | None:
    """The published data with the draft's tables merged in (None when they no longer fit
    or the draft is gone), kept for the next requests."""
    key = (id(store), published.version or f"@{id(published)}", record.name)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    file = record.contribution.file
    try:
        tables = store.draft_tables(record.name)
        ds, _ = merge_into(published, tables, label=file, files={"observations": file},
                           replace_reference=True,
                           info={**published.info, SESSION_KEY: record.name})
    except (KeyError, DatasetError):
        return None
    with _lock:
        _cache[key] = ds
        while len(_cache) > CACHED:
            _cache.popitem(last=False)
    return ds


def preview_dataset(live: ContribLive) -> Dataset | None:
    """The dataset this request's session previews: the published data with the draft
    merged in, when the account signed in may preview it; else None."""
    name = previewed()
    if name is None or live.store is None:
        return None
    record = find_record(live.store, name)
    if record is None or not may_preview(current_account(), record):
        return None
    return merged(live.store, live.published, record)


def preview_banner(lang: str, store: VersionStore | None) -> Any:
    """The banner shown on every page while this session previews a draft of `store`
    (its file and organisation), or None. Its button posts a form (with the CSRF token)
    that ends the preview and comes back here."""
    name = previewed()
    if name is None or store is None:
        return None
    record = find_record(store, name)
    if record is None or not may_preview(current_account(), record):
        return None
    stop = html.Form(
        html.Button(t("contrib_preview_stop", lang), type="submit", name="csrf_token",
                    value=generate_csrf(), id="preview-stop", className="lang-toggle"),
        method="post", action=STOP_PATH, className="preview-stop-form")
    said = t("contrib_preview_banner", lang, file=record.contribution.file,
             organisation=record.contribution.organisation)
    return html.Div([html.P(said), stop],
                    id="preview-banner", className="notice preview-banner")


def back_to(referrer: str | None, host: str) -> str:
    """The path and query of `referrer` when it is a page of this site (`host`), else "/":
    where the browser goes after the preview ends."""
    parts = urlsplit(referrer or "")
    if parts.scheme not in ("http", "https") or parts.netloc != host:
        return "/"
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def register_preview(app: Dash) -> None:
    """Serve the banner's form: end the preview and load the page it was posted from again,
    now with the published data (one navigation, with or without scripts)."""

    @app.server.route(STOP_PATH, methods=["POST"])
    def stop() -> flask.Response:
        stop_preview()
        target = back_to(flask.request.referrer, flask.request.host)
        return flask.redirect(target, 303)  # type: ignore[return-value]
