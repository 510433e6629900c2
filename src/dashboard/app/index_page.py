"""The HTML page the browser first receives: its language and a title naming the view come
from the address asked for, so both are right before any script runs (WCAG 2.1 3.1.1 and
2.4.2). The browser keeps them in step as the user moves on (assets/view.js)."""

from __future__ import annotations

from html import escape
from typing import Any

import flask
from dash import Dash
from dash._utils import interpolate_str

from dashboard.app.pages import page_for, registry
from dashboard.core.texts import DEFAULT_LANGUAGE, t
from dashboard.core.viewstate import from_query

# Dash's own page without its `<footer>` around the scripts (a second footer landmark)
# and with the language and title filled in per request.
INDEX = """<!DOCTYPE html>
<html lang="{%lang%}">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


def view_title(title_key: str, lang: str) -> str:
    """The document title of a view: its own name, then the site's."""
    return f"{t(title_key, lang)} – {t('app_title', lang)}"


def language_and_title(path: str, query: str) -> tuple[str, str]:
    """The language and title of the view an address opens; an unknown view opens the
    first one, as the navigation does."""
    pages = registry()
    page = page_for(path, pages) or pages[0]
    lang = from_query(query)[0].lang
    return lang, view_title(page.title_key, lang)


class ViewDash(Dash):
    """A Dash app whose index page carries the language and title of the view asked for."""

    def interpolate_index(self, **kwargs: Any) -> str:  # type: ignore[override]
        if flask.has_request_context():
            lang, title = language_and_title(flask.request.path,
                                             flask.request.query_string.decode("utf-8",
                                                                               "replace"))
        else:
            lang, title = DEFAULT_LANGUAGE, str(kwargs.get("title", ""))
        return interpolate_str(self.index_string, **{**kwargs, "lang": lang,
                                                      "title": escape(title)})
