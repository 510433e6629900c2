"""The zip bundle: figure (PNG, SVG, PDF), data, and a README with the citation and both
alt texts; without a browser, the data and a README saying why the images are missing."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from datetime import date

from pypdf import PdfReader

from dashboard.core.texts import t
from dashboard.core.viewstate import to_query
from dashboard.export.bundle import README, make_bundle
from dashboard.export.names import file_stem
from dashboard.export.renderer import FigureRenderer
from dashboard.figures.charts import build_chart
from tests.export.helpers import BASE_URL, png_size


def test_bundle_holds_figure_data_and_readme(dataset, en_view, renderer) -> None:
    payload = make_bundle(dataset, en_view, "bars", BASE_URL, renderer=renderer,
                          today=date(2026, 1, 31))
    archive = zipfile.ZipFile(io.BytesIO(payload))
    stem = file_stem(en_view, "bars")
    assert sorted(archive.namelist()) == sorted([
        f"{stem}.png", f"{stem}.svg", f"{stem}.pdf", f"{stem}.csv", f"{stem}-data.csv",
        f"{stem}.xlsx", README])
    assert archive.testzip() is None
    assert png_size(archive.read(f"{stem}.png")) == (1200, 675)
    ET.fromstring(archive.read(f"{stem}.svg"))
    pdf = PdfReader(io.BytesIO(archive.read(f"{stem}.pdf")))
    assert len(pdf.pages) == 1 and pdf.metadata.title == build_chart(dataset, en_view,
                                                                     "bars").title
    assert archive.read(f"{stem}.csv").startswith(b"\xef\xbb\xbf")
    assert archive.read(f"{stem}.xlsx")[:2] == b"PK"

    readme = archive.read(README).decode("utf-8")
    english = build_chart(dataset, en_view, "bars")
    swedish = build_chart(dataset, en_view.with_changes(lang="sv"), "bars")
    flat = " ".join(readme.split())
    for expected in (english.title, english.source, english.licence, english.retrieved,
                     BASE_URL + to_query(en_view), "Made with Health gaps in Malmö",
                     "2026-01-31", english.alt, swedish.alt, swedish.title, f"{stem}.pdf",
                     BASE_URL + to_query(en_view.with_changes(lang="sv"))):
        assert " ".join(expected.split()) in flat
    assert readme.index(english.alt.split()[0]) < readme.index(swedish.alt.split()[0])


def test_bundle_without_a_browser_holds_the_data_and_says_why(dataset, sv_view) -> None:
    """Item 13: no browser, still a zip: the data, and a README that says why no images."""
    broken = FigureRenderer(browser="/nonexistent/chromium", timeout=10)
    payload = make_bundle(dataset, sv_view, "bars", BASE_URL, renderer=broken)
    archive = zipfile.ZipFile(io.BytesIO(payload))
    stem = file_stem(sv_view, "bars")
    assert sorted(archive.namelist()) == sorted([
        f"{stem}.csv", f"{stem}-data.csv", f"{stem}.xlsx", README])
    readme = archive.read(README).decode("utf-8")
    flat = " ".join(readme.split())
    for lang in ("sv", "en"):
        assert " ".join(t("bundle_no_figures", lang).split()) in flat
    assert ".png" not in readme and ".pdf" not in readme
    assert flat.index(t("bundle_no_figures", "sv")[:30]) < \
        flat.index(t("bundle_no_figures", "en")[:30])
