"""Add data: upload a file in WHO's HEAT Plus template, see every problem or a preview,
name its publisher and licence, then add it to the dashboard without touching code."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.pages import Context, single
from dashboard.app.upload import MAX_BYTES
from dashboard.core.i18n import format_number
from dashboard.core.texts import t


def _field(name: str, label: str) -> html.Div:
    return html.Div([html.Label(label, htmlFor=f"upload-{name}"),
                     dcc.Input(id=f"upload-{name}", type="text", required=True,
                               debounce=True, className="text-input")], className="control")


def render(ctx: Context) -> list:
    lang = ctx.state.lang
    limit = {"bytes": MAX_BYTES,
             "message": t("upload_too_large", lang, mb=format_number(MAX_BYTES / 2**20, lang, 0))}
    return [
        html.P(t("upload_lead", lang), className="headline", id="headline"),
        html.Section([
            html.H2(t("page_upload", lang)),
            html.P(t("upload_help", lang)),
            dcc.Upload(html.Div(t("upload_drop", lang)), id="upload",
                       accept=".csv,.xlsx", className="upload-box"),
            dcc.Store(id="upload-limit", data=limit),
            dcc.Store(id="upload-file"),
            dcc.Download(id="upload-problems-download"),
            html.Div(id="upload-report"),
            html.Div([_field("publisher", t("upload_publisher", lang)),
                      _field("licence", t("upload_licence", lang))], className="page-controls"),
            html.Button(t("upload_add", lang), id="upload-add", disabled=True,
                        className="lang-toggle"),
            html.Div(id="upload-result"),
            html.P(t("upload_cli", lang), className="chart-note"),
        ], className="card"),
    ]


PAGE = single("upload", "/upload", "page_upload", (), frozenset(), render)
