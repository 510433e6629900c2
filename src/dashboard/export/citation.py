"""How an exported chart is cited: title, view, source, licence, retrieval date, link, maker.

The same lines are baked into figures, written into the bundle's README and the XLSX
metadata, and shown under an embed, so every copy of a chart says where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashboard import __version__
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.export.dates import retrieved_text
from dashboard.export.link import view_link
from dashboard.figures.charts import Chart


@dataclass(frozen=True)
class Citation:
    """Everything needed to cite one chart, in the language of its view (the retrieval
    dates written out in it)."""

    lang: str
    title: str
    subtitle: str
    source: str
    licence: str
    retrieved: str
    link: str
    generated_by: str

    def lines(self) -> list[str]:
        """The citation as plain lines: title and view, source, licence, date, link, maker."""
        return [f"{self.title} ({self.subtitle})", self.source,
                t("licence", self.lang, licence=self.licence),
                t("retrieved", self.lang, date=self.retrieved),
                t("link", self.lang, url=self.link), self.generated_by]


def generated_by(lang: str, today: date | None = None) -> str:
    """'Skapad med Hälsoklyftor i Malmö 0.1.0, 2026-01-31.' and its English twin."""
    day = (today or date.today()).isoformat()
    return t("generated_by", lang, app=t("app_title", lang), version=__version__, date=day)


def cite(chart: Chart, state: ViewState, base_url: str, today: date | None = None) -> Citation:
    """The citation of a chart built for `state`, linking back through `base_url`."""
    return Citation(state.lang, chart.title, chart.subtitle, chart.source, chart.licence,
                    retrieved_text(chart.retrieved, state.lang), view_link(base_url, state),
                    generated_by(state.lang, today))
