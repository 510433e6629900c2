"""Tables sent as one string of plain HTML, since they can run to hundreds of rows. As
Dash components each cell would be a component of its own, and a page of thousands of
components is slow to send and stalls Dash 4.4's renderer (plotly/dash#3846); as markup a
table is one component. Every text is escaped here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from dash import dcc, html


def _cells(row: Sequence[object], classes: Sequence[str], row_header: bool) -> str:
    out = []
    for i, cell in enumerate(row):
        css = f' class="{escape(classes[i])}"' if i < len(classes) and classes[i] else ""
        if i == 0 and row_header:
            out.append(f'<th scope="row"{css}>{escape(str(cell))}</th>')
        else:
            out.append(f"<td{css}>{escape(str(cell))}</td>")
    return "".join(out)


def table(header: Sequence[str], rows: Iterable[Sequence[object]], class_name: str = "values",
          *, label: str, row_header: bool = False, row_ids: Sequence[str] = (),
          classes: Sequence[str] = ()) -> html.Div:
    """A table with a header row (and optionally a header cell per row) as one component,
    in a box that scrolls sideways on a narrow screen: a named region the keyboard can
    focus, so the scrolling works without a mouse (WCAG 2.1.1)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = []
    for i, row in enumerate(rows):
        row_id = f' id="{escape(row_ids[i])}"' if i < len(row_ids) else ""
        body.append(f"<tr{row_id}>{_cells(row, classes, row_header)}</tr>")
    markup = (f'<table class="{escape(class_name)}"><thead><tr>{head}</tr></thead>'
              f'<tbody>{"".join(body)}</tbody></table>')
    region: dict[str, Any] = {"role": "region", "tabIndex": "0", "aria-label": label}
    return html.Div(dcc.Markdown(markup, dangerously_allow_html=True), className="markup",
                    **region)

