"""Embeds: a standalone HTML page showing one chart, and the iframe snippet that shows it.

The page draws the same spec as the dashboard, with its title, subtitle, source line and
a link back to the view, in the view's language. The chart is an image named by its title
and described by its text, with its table and text in sections to open under it.
plotly.js is loaded from the dashboard's own server (`script_url`), so an embed makes no
request to any other host.
"""

from __future__ import annotations

import html
import json
from typing import Any

from plotly.utils import PlotlyJSONEncoder

from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.export.citation import cite
from dashboard.figures import style
from dashboard.figures.charts import Chart

# Extra height of the page around the chart: title, subtitle, source lines and margins.
TEXT_HEIGHT = 170
# No toolbar, as on the dashboard (app/components.py): its buttons are English, are Tab
# stops inside the chart's image, and one offers to share the chart with Chart Studio.
PLOT_CONFIG = {"responsive": True, "displayModeBar": False, "displaylogo": False,
               "scrollZoom": False}

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ margin: 0; padding: 12px 16px; font-family: {font}; color: {text}; background: #fff; }}
h1 {{ font-size: 1.15rem; margin: 0 0 2px; }}
p {{ margin: 0; }}
.subtitle {{ color: {muted}; font-size: 0.9rem; }}
.source {{ color: {muted}; font-size: 0.75rem; margin-top: 6px; }}
.source a {{ color: inherit; }}
details {{ font-size: 0.85rem; margin-top: 6px; }}
summary {{ cursor: pointer; }}
summary:focus-visible, a:focus-visible {{ outline: 3px solid {focus}; outline-offset: 2px; }}
.table-box {{ overflow: auto; max-height: 320px; }}
table {{ border-collapse: collapse; }}
th, td {{ padding: 2px 8px; text-align: left; border-bottom: 1px solid #ddd; }}
</style>
<script src="{script_url}"></script>
</head>
<body>
<figure style="margin: 0">
<h1 id="chart-title">{title}</h1>
<p class="subtitle">{subtitle}</p>
<div id="chart" role="img" aria-labelledby="chart-title" aria-describedby="chart-desc"
 style="height: {height}px"></div>
<p id="chart-desc" hidden>{alt}</p>
<details><summary>{table_label}</summary>
<div class="table-box" role="region" aria-label="{table_label}" tabindex="0">
<table>{table}</table></div></details>
<details><summary>{text_label}</summary><p>{alt}</p></details>
<figcaption class="source">
<p>{source}</p>
<p>{licence} {retrieved}</p>
<p><a href="{link}" target="_blank" rel="noopener">{open_view}</a></p>
</figcaption>
</figure>
<script>
Plotly.newPlot("chart", {data}, {layout}, {config});
</script>
</body>
</html>
"""


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: '<', '>' and '&' written as \\u escapes."""
    encoded = json.dumps(value, cls=PlotlyJSONEncoder, ensure_ascii=False)
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _table(chart: Chart) -> str:
    """The chart's data as an HTML table: its header, then one row per line of data."""
    def row(cells: tuple[str, ...], tag: str) -> str:
        return "<tr>" + "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in cells) + "</tr>"

    return "".join([f"<thead>{row(chart.header, 'th')}</thead><tbody>",
                    *(row(r, "td") for r in chart.rows), "</tbody>"])


def embed_layout(chart: Chart) -> dict[str, Any]:
    """The chart's layout for a page of any width: no fixed width, the page's height."""
    layout = {k: v for k, v in chart.spec["layout"].items() if k != "width"}
    layout["autosize"] = True
    return layout


def embed_height(chart: Chart) -> int:
    """The chart's height on the page (its spec's, as on the dashboard)."""
    return int(chart.spec["layout"].get("height", 450))


def embed_html(chart: Chart, state: ViewState, base_url: str, script_url: str) -> str:
    """A standalone HTML document for one chart, loading plotly.js from `script_url` only."""
    lang = state.lang
    citation = cite(chart, state, base_url)
    escape = html.escape
    return PAGE.format(
        lang=lang, title=escape(chart.title), subtitle=escape(chart.subtitle),
        font=escape(style.FONT), text=style.TEXT, muted=style.MUTED, focus=style.FOCUS,
        table_label=escape(t("table_alternative", lang)), table=_table(chart),
        text_label=escape(t("text_description", lang)),
        script_url=escape(script_url), alt=escape(chart.alt), height=embed_height(chart),
        source=escape(chart.source),
        licence=escape(t("licence", lang, licence=chart.licence)),
        retrieved=escape(t("retrieved", lang, date=citation.retrieved)),
        link=escape(citation.link), open_view=escape(t("open_view", lang)),
        data=_script_json(chart.spec["data"]), layout=_script_json(embed_layout(chart)),
        config=_script_json(PLOT_CONFIG),
    )


def iframe_snippet(src: str, chart: Chart) -> str:
    """The HTML to paste into another page to show the embed served at `src`."""
    height = embed_height(chart) + TEXT_HEIGHT
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(chart.title)}" '
            f'width="100%" height="{height}" style="border: 0" loading="lazy"></iframe>')
