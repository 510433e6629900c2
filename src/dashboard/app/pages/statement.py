"""The accessibility statement (tillgänglighetsredogörelse) that lag (2018:1937) om
tillgänglighet till digital offentlig service (the "DOS-lagen") requires of a public body.

Its parts are those DIGG lists as required in "Skapa en tillgänglighetsredogörelse",
https://www.digg.se/kunskap-och-stod/digital-tillganglighet/skapa-en-tillganglighetsredogorelse:
the public body and the service, compliance worded as helt/delvis/inte förenlig, a list of
the inaccessible content and why, the dates of the assessment and of the last update, the
evaluation method, a way to report a problem, a link to DIGG's reporting function
(https://www.digg.se/tdosanmalan), and what is exempt (12 §) or outside the law (9 §). DIGG
also asks that a link to it be reachable from every page, e.g. in the footer (`footer`).

Configurable: DASHBOARD_A11Y_CONTACT, the address readers report problems to (an e-mail
address or an http(s) address of a web form). It has no default because the real address is
not known here: unset, the page says it must be set and points readers to DIGG.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from dash import html

from dashboard.app.pages import Context, single
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, href

PATH = "/tillganglighet"
CONTACT_VARIABLE = "DASHBOARD_A11Y_CONTACT"
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
# The self-assessment behind the list below (issue 12's audit) and the statement's last change.
ASSESSED = date(2026, 11, 30)
UPDATED = date(2026, 11, 30)
_EMAIL = re.compile(r"[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+")


@dataclass(frozen=True)
class Gap:
    """A known shortcoming: its text key and the WCAG 2.1 success criteria it fails."""

    key: str
    criteria: tuple[str, ...]


# The one list of known gaps (issue 12's audit): remove an entry, and its text in
# core/texts/statement.py, when its fix lands and update UPDATED. With no gaps left, the
# statement says the site is fully compliant.
KNOWN_GAPS: tuple[Gap, ...] = (
    Gap("statement_gap_hover", ("1.4.13",)),
    Gap("statement_gap_fills", ("1.4.11",)),
)


def compliance(gaps: tuple[Gap, ...] = KNOWN_GAPS) -> str:
    """DIGG's wording of the status as a text key: partially compliant while gaps are known."""
    return "statement_status_partial" if gaps else "statement_status_full"


def contact_href(env: Mapping[str, str] | None = None) -> str | None:
    """The link for $DASHBOARD_A11Y_CONTACT ('mailto:' for an e-mail address), or None when
    unset; ValueError naming the variable when it is neither e-mail nor http(s)."""
    environ = os.environ if env is None else env
    value = environ.get(CONTACT_VARIABLE, "").strip()
    if not value:
        return None
    if _EMAIL.fullmatch(value):
        return f"mailto:{value}"
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.hostname:
        return value
    raise ValueError(f"{CONTACT_VARIABLE} must be an e-mail address or an http(s) address, "
                     f"not {value!r}")


def statement_href(lang: str) -> str:
    """The statement's address in `lang`."""
    return href(PATH, ViewState(lang=lang))


def footer(note: str, lang: str, here: bool) -> list:
    """The page footer: `note`, then the link to the statement (marked when it is shown;
    a plain link, as dcc.Link takes no aria attributes)."""
    current: dict[str, Any] = {"aria-current": "page"} if here else {}
    return [note, " ", html.A(t("page_statement", lang), href=statement_href(lang),
                              id="statement-link", className="statement-link", **current)]


def _contact(lang: str) -> html.P:
    try:
        link = contact_href()
    except ValueError:
        value = os.environ.get(CONTACT_VARIABLE, "").strip()
        return html.P(t("statement_contact_invalid", lang, variable=CONTACT_VARIABLE,
                        value=value), className="notice", id="statement-contact")
    if link is None:
        return html.P(t("statement_contact_missing", lang, variable=CONTACT_VARIABLE),
                      className="notice", id="statement-contact")
    shown = link.removeprefix("mailto:")
    return html.P([t("statement_contact", lang), html.A(shown, href=link)],
                  id="statement-contact")


def _section(heading_key: str, lang: str, body: list) -> html.Section:
    return html.Section([html.H2(t(heading_key, lang)), *body], className="card statement")


def render(ctx: Context) -> list:
    """The statement in the view's language."""
    lang = ctx.state.lang
    service = t("app_title", lang)
    gaps = html.Ul([html.Li(f"{t(gap.key, lang)} "
                            f"{t('statement_criteria', lang, criteria=', '.join(gap.criteria))}")
                    for gap in KNOWN_GAPS], id="statement-gaps")
    return [
        html.P(t("statement_lead", lang, service=service), id="statement-lead"),
        _section("statement_scope_heading", lang,
                 [html.P(t("statement_scope", lang, service=service))]),
        _section("statement_status_heading", lang, [html.P(t(compliance(), lang))]),
        *([_section("statement_gaps_heading", lang,
                    [html.P(t("statement_gaps_lead", lang)), gaps])] if KNOWN_GAPS else []),
        _section("statement_exempt_heading", lang, [html.P(t("statement_exempt", lang))]),
        _section("statement_report_heading", lang,
                 [html.P(t("statement_report", lang)), _contact(lang),
                  html.P(t("statement_tables", lang))]),
        _section("statement_enforcement_heading", lang,
                 [html.P(t("statement_enforcement", lang)),
                  html.P(html.A(t("statement_digg_link", lang), href=DIGG_REPORT_URL,
                                rel="noopener", hrefLang="sv"))]),
        _section("statement_method_heading", lang,
                 [html.P(t("statement_method", lang)),
                  html.P(t("statement_dates", lang, assessed=ASSESSED.isoformat(),
                           updated=UPDATED.isoformat()))]),
    ]


PAGE = single("statement", PATH, "page_statement", (), frozenset(), render)
