"""Links that reopen a view: built from a base URL and the view state, and read back.

A link is the only way an exported file leads back to the live dashboard, so it holds
every choice of the view (`core.viewstate.href`), never names.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from dashboard.core.viewstate import ViewState, href

DEFAULT_BASE_URL = "http://127.0.0.1:8050/"


def view_link(base_url: str, state: ViewState) -> str:
    """The base URL (its own query and fragment dropped) followed by the view's query."""
    parts = urlsplit(base_url)
    path = parts.path or "/"
    base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return href(path, state, base)


def split_link(text: str) -> tuple[str | None, str]:
    """(base URL or None, query string) of a full link, a bare '?query' or 'ind=..&..'.

    The base URL is returned only for an http(s) link, so that exports made from a link
    point back to the same server.
    """
    text = text.strip()
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}{parts.path or '/'}", parts.query
    return None, text.split("#", 1)[0].split("?", 1)[-1]
