"""Add data: upload a file in WHO's HEAT Plus template, see every problem or a preview,
state its licence, then send it for review as a draft. Anyone may check a file; sending it
needs a signed-in account that may add data (the organisation is the account's)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.access import current_account
from dashboard.app.pages import Context, single
from dashboard.app.upload import MAX_BYTES, account_line
from dashboard.core.i18n import format_number
from dashboard.core.texts import t


def render(ctx: Context) -> list:
    lang = ctx.state.lang
    limit = {"bytes": MAX_BYTES,
             "message": t("upload_too_large", lang, mb=format_number(MAX_BYTES / 2**20, lang, 0))}
    licence = html.Div([html.Label(t("upload_licence", lang), htmlFor="upload-licence"),
                        dcc.Input(id="upload-licence", type="text", required=True,
                                  debounce=True, className="text-input")], className="control")
    return [
        html.P(t("upload_lead", lang), className="headline", id="headline"),
        html.Section([
            html.H2(t("page_upload", lang)),
            account_line(current_account(), lang),
            html.P(t("upload_help", lang)),
            dcc.Upload(html.Div(t("upload_drop", lang)), id="upload",
                       accept=".csv,.xlsx", className="upload-box"),
            dcc.Store(id="upload-limit", data=limit),
            dcc.Store(id="upload-file"),
            dcc.Download(id="upload-problems-download"),
            html.Div(id="upload-report"),
            html.Div([licence], className="page-controls"),
            html.Button(t("contrib_add", lang), id="upload-add", disabled=True,
                        className="lang-toggle"),
            html.Div(id="upload-result", role="status"),
            html.P(t("upload_cli", lang), className="chart-note"),
        ], className="card"),
    ]


PAGE = single("upload", "/upload", "page_upload", (), frozenset(), render)
