"""Add data: upload a file in WHO's HEAT Plus template, see every problem or a preview,
then add it to the dashboard without touching code."""

from __future__ import annotations

from dash import dcc, html

from dashboard.app.pages import Context, single
from dashboard.app.upload import MAX_BYTES
from dashboard.core.texts import t


def render(ctx: Context) -> list:
    lang = ctx.state.lang
    return [
        html.P(t("upload_lead", lang), className="headline", id="headline"),
        html.Section([
            html.H2(t("page_upload", lang)),
            html.P(t("upload_help", lang)),
            dcc.Upload(html.Div(t("upload_drop", lang)), id="upload", max_size=MAX_BYTES,
                       accept=".csv,.xlsx", className="upload-box"),
            html.Div(id="upload-report"),
            html.Button(t("upload_add", lang), id="upload-add", disabled=True,
                        className="lang-toggle"),
            html.Div(id="upload-result"),
            html.P(t("upload_cli", lang), className="chart-note"),
        ], className="card"),
    ]


PAGE = single("upload", "/upload", "page_upload", (), frozenset(), render)
