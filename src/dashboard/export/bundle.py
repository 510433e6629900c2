"""A zip to keep or pass on: the figure (PNG, SVG), the data (CSV, XLSX) and a README.

The README holds the citation (title, source, licence, date the data were retrieved,
link, generated-by line) and the chart's text description, in both languages: the
view's language first.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from datetime import date

from dashboard.core.geometry import ShapeSet
from dashboard.core.i18n import LANGUAGES
from dashboard.core.texts import t
from dashboard.core.viewstate import ViewState
from dashboard.export.citation import cite
from dashboard.export.data import full_csv, shown_csv, to_xlsx
from dashboard.export.figure import export_figure
from dashboard.export.names import file_stem
from dashboard.export.renderer import FigureRenderer
from dashboard.figures.charts import Chart, build_chart
from dashboard.store.dataset import Dataset

README = "README.txt"
WIDTH = 78


def bundle_files(stem: str) -> list[tuple[str, str]]:
    """(file name, text key of its description) of each data and figure file in a bundle."""
    return [(f"{stem}.png", "file_png"), (f"{stem}.svg", "file_svg"),
            (f"{stem}.csv", "file_shown_csv"), (f"{stem}-data.csv", "file_full_csv"),
            (f"{stem}.xlsx", "file_xlsx")]


def _paragraph(line: str) -> str:
    return textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False)


def readme(charts: dict[str, tuple[Chart, ViewState]], base_url: str, stem: str,
           today: date | None = None) -> str:
    """The README text: for each language (first key first), citation, files, description."""
    sections = []
    for lang, (chart, state) in charts.items():
        citation = cite(chart, state, base_url, today)
        heading = f"{chart.title} ({chart.subtitle})"
        lines = [heading, "=" * len(heading), "", f"{t('cite_as', lang)}:", ""]
        lines += [_paragraph(line) for line in citation.lines()]
        lines += ["", f"{t('files', lang)}:", ""]
        lines += [f"  {name}: {t(key, lang)}" for name, key in bundle_files(stem)]
        language = t(f"language_{lang}", lang)
        lines += ["", f"{t('alt_text', lang, language=language)}:", "",
                  _paragraph(chart.alt), ""]
        sections.append("\n".join(lines))
    return "\n\n".join(sections)


def make_bundle(ds: Dataset, state: ViewState, chart_id: str, base_url: str, *,
                boundaries: dict[str, ShapeSet] | None = None,
                renderer: FigureRenderer | None = None, today: date | None = None) -> bytes:
    """The zip for chart `chart_id` of the resolved view `state`."""
    langs = [state.lang, *(lang for lang in LANGUAGES if lang != state.lang)]
    charts = {}
    for lang in langs:
        at = state.with_changes(lang=lang)
        charts[lang] = (build_chart(ds, at, chart_id, boundaries), at)
    chart = charts[state.lang][0]
    stem = file_stem(state, chart_id)
    png, svg, shown, full, xlsx = (name for name, _ in bundle_files(stem))
    contents = {
        png: export_figure(chart, state, base_url, "png", renderer=renderer),
        svg: export_figure(chart, state, base_url, "svg", renderer=renderer),
        shown: shown_csv(chart, state.lang),
        full: full_csv(ds, state),
        xlsx: to_xlsx(ds, state, chart, base_url, today),
        README: readme(charts, base_url, stem, today).encode("utf-8"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in contents.items():
            archive.writestr(name, payload)
    return out.getvalue()
