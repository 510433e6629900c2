"""A zip to keep or pass on: the figure (PNG, SVG, PDF), the data (CSV, XLSX), a README.

The README holds the citation (title, source, licence, date the data were retrieved,
link, generated-by line) and the chart's text description, in both languages: the
view's language first. When the figure cannot be rendered (no browser on the server),
the zip still holds the data and the README, which lists only the files present and
says why the images are missing.
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
from dashboard.export.renderer import FigureRenderer, RenderError, available
from dashboard.figures.charts import Chart, build_chart
from dashboard.store.dataset import Dataset

README = "README.txt"
WIDTH = 78


# (format, text key of its description) of each figure file in a bundle.
FIGURES = (("png", "file_png"), ("svg", "file_svg"), ("pdf", "file_pdf"))


def bundle_files(stem: str, *, figures: bool = True) -> list[tuple[str, str]]:
    """(file name, text key of its description) of each figure and data file in a bundle."""
    images = [(f"{stem}.{fmt}", key) for fmt, key in FIGURES] if figures else []
    return [*images, (f"{stem}.csv", "file_shown_csv"), (f"{stem}-data.csv", "file_full_csv"),
            (f"{stem}.xlsx", "file_xlsx")]


def _paragraph(line: str) -> str:
    return textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False)


def readme(charts: dict[str, tuple[Chart, ViewState]], base_url: str, stem: str,
           today: date | None = None, *, figures: bool = True) -> str:
    """The README text: for each language (first key first), citation, files, description.

    Without `figures`, the list of files leaves the images out and says why.
    """
    sections = []
    for lang, (chart, state) in charts.items():
        citation = cite(chart, state, base_url, today)
        heading = f"{chart.title} ({chart.subtitle})"
        lines = [heading, "=" * len(heading), "", f"{t('cite_as', lang)}:", ""]
        lines += [_paragraph(line) for line in citation.lines()]
        lines += ["", f"{t('files', lang)}:", ""]
        lines += [f"  {name}: {t(key, lang)}" for name, key in bundle_files(stem,
                                                                            figures=figures)]
        if not figures:
            lines += ["", _paragraph(t("bundle_no_figures", lang))]
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
    images: dict[str, bytes] = {}
    if renderer is not None or available():
        try:
            images = {f"{stem}.{fmt}": export_figure(chart, state, base_url, fmt,
                                                     renderer=renderer) for fmt, _ in FIGURES}
        except RenderError:
            images = {}
    shown, full, xlsx = (name for name, _ in bundle_files(stem, figures=False))
    contents = {
        **images,
        shown: shown_csv(chart, state.lang),
        full: full_csv(ds, state),
        xlsx: to_xlsx(ds, state, chart, base_url, today),
        README: readme(charts, base_url, stem, today, figures=bool(images)).encode("utf-8"),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in contents.items():
            archive.writestr(name, payload)
    return out.getvalue()
