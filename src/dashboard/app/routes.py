"""Plain HTTP routes beside the Dash page: chart downloads and embeddable charts.

/export/<chart>/<format>?<view query>[&scale=2]  the chart or its data as a file
/embed/<chart>?<view query>                       one chart alone, with its source line
Both resolve the view exactly as the page does, so a download is what the page shows.
Links baked into files and embeds lead to the configured public address
(`settings.base_url`), never to a Host header a request came with from elsewhere. When the
figure cannot be rendered, the download answers 503 with a page in the view's language.
"""

from __future__ import annotations

from html import escape

from dash import Dash
from flask import Response, request

from dashboard.app.live import LiveData
from dashboard.app.pages import chart_fields
from dashboard.app.settings import base_url, public_url
from dashboard.app.viewmodel import resolve
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState, from_query, restrict
from dashboard.export.embed import embed_html
from dashboard.export.figure import IMAGE_FORMATS
from dashboard.export.formats import FORMATS, export_file, file_name
from dashboard.export.link import view_link
from dashboard.export.renderer import RenderError, available
from dashboard.figures.charts import CHART_IDS, CHART_PAGES, ChartUnavailable, build_chart

PLOTLY_SCRIPT = "/_dash-component-suites/plotly/package_data/plotly.min.js"


def _error(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def _page_url(chart_id: str, public: str | None) -> str:
    """The public address of the page the chart lives on."""
    return base_url(request.host_url, public).rstrip("/") + CHART_PAGES.get(chart_id, "/")


def _unrenderable(state: ViewState, page_url: str) -> Response:
    """503 with a short page in the view's language: why, and the way back to the view."""
    lang = state.lang
    title = escape(t("render_unavailable_title", lang))
    body = (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
            f"<title>{title}</title></head>\n<body>\n<h1>{title}</h1>\n"
            f"<p>{escape(t('render_unavailable', lang))}</p>\n"
            f'<p><a href="{escape(view_link(page_url, state))}">'
            f"{escape(t('open_view', lang))}</a></p>\n</body>\n</html>\n")
    return Response(body, status=503, content_type="text/html; charset=utf-8")


def register_routes(app: Dash, live: LiveData) -> None:
    """Add the download and embed routes to the Dash app's Flask server.

    Reads $DASHBOARD_PUBLIC_URL now, so that a malformed one stops the app at start.
    """
    server = app.server
    public = public_url()

    @server.route("/export/<chart_id>/<fmt>")
    def export(chart_id: str, fmt: str) -> Response:
        if chart_id not in CHART_IDS:
            return _error(404, f"Unknown chart '{chart_id}'. Charts: {', '.join(CHART_IDS)}.")
        if fmt not in FORMATS:
            return _error(404, f"Unknown format '{fmt}'. Formats: {', '.join(FORMATS)}.")
        scale = request.args.get("scale", "1")
        full = request.args.get("full") == "1"
        if scale not in ("1", "2"):
            return _error(400, "scale must be 1 or 2")
        ds = live.ds
        state = restrict(resolve(ds, from_query(request.query_string.decode())[0])[0],
                         chart_fields(chart_id))
        page_url = _page_url(chart_id, public)
        if fmt in IMAGE_FORMATS and not available():
            return _unrenderable(state, page_url)
        try:
            body = export_file(ds, state, chart_id, fmt, page_url,
                               scale=int(scale), full=full, boundaries=live.boundaries)
        except ChartUnavailable as exc:
            return _error(404, str(exc))
        except RenderError as exc:
            server.logger.warning("figure export failed: %s", exc)
            return _unrenderable(state, page_url)
        name = file_name(state, chart_id, fmt, full=full)
        return Response(body, content_type=FORMATS[fmt].media_type,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @server.route("/embed/<chart_id>")
    def embed(chart_id: str) -> Response:
        if chart_id not in CHART_IDS:
            return _error(404, f"Unknown chart '{chart_id}'. Charts: {', '.join(CHART_IDS)}.")
        ds = live.ds
        state = restrict(resolve(ds, from_query(request.query_string.decode())[0])[0],
                         chart_fields(chart_id))
        try:
            chart = build_chart(ds, state, chart_id, live.boundaries)
        except ChartUnavailable as exc:
            return _error(404, str(exc))
        html = embed_html(chart, state, _page_url(chart_id, public), PLOTLY_SCRIPT)
        return Response(html, content_type="text/html; charset=utf-8")
