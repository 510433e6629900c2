"""The audit log for signed-in accounts: every event newest first, `PER_PAGE` at a time with
newer/older buttons (one table component, however long the log), every contribution's
record (who added it, who decided, when, file, organisation, licence), and the whole log
as CSV. The public gets a sign-in message, and the callbacks refuse them too."""

from __future__ import annotations

import csv
import io

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard.app import markup
from dashboard.app.access import current_account
from dashboard.app.pages import Context, single, view_language
from dashboard.app.pages.review import STATES, sign_in_needed, when
from dashboard.app.preview import ContribLive
from dashboard.core.texts import t
from dashboard.store.backend import AUDIT_ACTIONS, Account, AuditEvent, VersionRecord

PER_PAGE = 50
LOG_COLUMNS = ("contrib_audit_at", "contrib_audit_actor", "contrib_audit_action",
               "contrib_audit_subject", "contrib_audit_detail")
RECORD_COLUMNS = ("contrib_version", "contrib_state", "contrib_file", "contrib_organisation",
                  "contrib_licence_short", "contrib_added_by", "contrib_added_at",
                  "contrib_published_by", "contrib_decided_at")


def _row(event: AuditEvent, lang: str) -> tuple[str, ...]:
    action = t(f"audit_action_{event.action}", lang) if event.action in AUDIT_ACTIONS \
        else event.action
    return (when(event.at), event.actor, action, event.subject, event.detail)


def log_page(events: list[AuditEvent], page: int, lang: str) -> list:
    """One page of the log (0 is the newest) with its range and the paging buttons."""
    if not events:
        return [html.P(t("contrib_audit_empty", lang), id="audit-empty")]
    last_page = (len(events) - 1) // PER_PAGE
    page = min(max(page, 0), last_page)
    shown = events[page * PER_PAGE:(page + 1) * PER_PAGE]
    first = page * PER_PAGE + 1
    header = [t(k, lang) for k in LOG_COLUMNS]
    return [
        html.P(t("contrib_audit_range", lang, first=first, last=first + len(shown) - 1,
                 n=len(events)), id="audit-range"),
        markup.table(header, [_row(e, lang) for e in shown], label=t("page_audit", lang)),
        html.Div([html.Button(t("contrib_audit_newer", lang), id="audit-newer",
                              disabled=page == 0, className="lang-toggle"),
                  html.Button(t("contrib_audit_older", lang), id="audit-older",
                              disabled=page == last_page, className="lang-toggle")],
                 className="page-controls"),
    ]


def record_rows(records: list[VersionRecord], lang: str) -> list[tuple[str, ...]]:
    """Every contribution as a row: version, state, file, organisation, licence, who added
    it and when, who published (or decided on) it and when."""
    return [(r.version or r.name, t(STATES[r.state], lang), r.contribution.file,
             r.contribution.organisation, r.contribution.licence, r.contribution.added_by,
             when(r.added_at), r.decided_by or "", when(r.decided_at)) for r in records]


def audit_content(live: ContribLive, account: Account | None, page: int, lang: str) -> list:
    """The audit page's body for `account`: one page of the log and every record."""
    if account is None:
        return [sign_in_needed("contrib_sign_in_audit", "/audit", lang)]
    if live.store is None:
        return [html.P(t("contrib_no_store", lang), className="notice")]
    records = live.store.records()
    versions = [markup.table([t(k, lang) for k in RECORD_COLUMNS], record_rows(records, lang),
                             label=t("contrib_versions", lang))] if records \
        else [html.P(t("contrib_no_versions", lang))]
    return [html.Section(log_page(live.store.audit(), page, lang), id="audit-log"),
            html.Section([html.H2(t("contrib_versions", lang)), *versions],
                         id="audit-versions")]


def audit_csv(events: list[AuditEvent], lang: str) -> str:
    """The whole log as CSV (UTF-8 with BOM, semicolons, as the other exports)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([t(k, lang) for k in LOG_COLUMNS])
    writer.writerows((e.at.isoformat(), e.actor, e.action, e.subject, e.detail)
                     for e in events)
    return "\ufeff" + out.getvalue()


def render(ctx: Context) -> list:
    lang = ctx.state.lang
    if current_account() is None:
        return [sign_in_needed("contrib_sign_in_audit", "/audit", lang)]
    return [html.Button(t("contrib_audit_csv", lang), id="audit-csv", className="lang-toggle"),
            dcc.Download(id="audit-download"), dcc.Store(id="audit-page", data=0),
            html.Div(id="audit-body")]



def register_audit(app: Dash, live: ContribLive) -> None:
    """Draw the audit page's body, page through the log and download it."""

    @app.callback(Output("audit-body", "children"), Input("audit-page", "data"),
                  State("view", "data"))
    def fill(page, view):
        return audit_content(live, current_account(), page if isinstance(page, int) else 0,
                             view_language(view))

    @app.callback(Output("audit-page", "data"), Input("audit-newer", "n_clicks"),
                  Input("audit-older", "n_clicks"), State("audit-page", "data"),
                  prevent_initial_call=True)
    def turn(_newer, _older, page):
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            return no_update
        page = page if isinstance(page, int) else 0
        return max(page - 1, 0) if ctx.triggered_id == "audit-newer" else page + 1

    @app.callback(Output("audit-download", "data"), Input("audit-csv", "n_clicks"),
                  State("view", "data"), prevent_initial_call=True)
    def download(clicks, view):
        if not clicks or current_account() is None or live.store is None:
            return no_update
        return dcc.send_string(audit_csv(live.store.audit(), view_language(view)), "audit-log.csv")


PAGE = single("audit", "/audit", "page_audit", (), frozenset(), render)
