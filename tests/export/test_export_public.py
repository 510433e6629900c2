"""What a published file carries (issue 11, items 13 and 14): the public address rather
than whatever Host a request named, retrieval dates in the reader's language, and a
clear answer in that language when the server cannot draw images."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from dashboard.app.factory import create_app
from dashboard.app.settings import DEFAULT_PUBLIC_URL, base_url, local_address, public_url
from dashboard.core.texts import t
from dashboard.export import renderer as renderer_module
from dashboard.export.dates import format_date, format_retrieved, retrieved_text
from dashboard.export.renderer import FigureRenderer, available
from tests.export.test_export_command import run

PUBLIC = "https://halsa.example.se/malmo/"
VIEW = "?lang=en&ind=ohalsotal"


@pytest.fixture()
def client(dataset, monkeypatch):
    monkeypatch.delenv("DASHBOARD_PUBLIC_URL", raising=False)
    return create_app(dataset).server.test_client()


@pytest.fixture()
def public_client(dataset, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", PUBLIC.rstrip("/"))
    return create_app(dataset).server.test_client()


def xlsx_link(payload: bytes) -> str:
    meta = load_workbook(io.BytesIO(payload)).worksheets[2]
    return next(row[1] for row in meta.iter_rows(values_only=True)
                if row and row[0] in (t("meta_link", "sv"), t("meta_link", "en")))


# Item 14: the link baked into exports and embeds.

@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1:8050", "http://127.0.0.1:8050/compare?"),
    ("localhost", "http://localhost/compare?"),
    ("[::1]:8050", "http://[::1]:8050/compare?"),
    ("evil.example", DEFAULT_PUBLIC_URL + "compare?"),
    ("localhost.evil.example", DEFAULT_PUBLIC_URL + "compare?"),
])
def test_a_forged_host_never_reaches_a_link(client, host, expected) -> None:
    embed = client.get(f"/embed/bars{VIEW}", headers={"Host": host}).data.decode()
    assert f'href="{expected}lang=en&amp;ind=ohalsotal' in embed
    assert "evil" not in embed
    link = xlsx_link(client.get(f"/export/bars/xlsx{VIEW}", headers={"Host": host}).data)
    assert link.startswith(expected) and "evil" not in link


def test_the_configured_public_address_wins(public_client) -> None:
    for host in ("evil.example", "127.0.0.1:8050"):
        embed = public_client.get(f"/embed/bars{VIEW}", headers={"Host": host}).data.decode()
        assert f'href="{PUBLIC}compare?lang=en&amp;ind=ohalsotal' in embed
        link = xlsx_link(public_client.get(f"/export/bars/xlsx{VIEW}",
                                           headers={"Host": host}).data)
        assert link.startswith(PUBLIC + "compare?")


def test_public_address_settings() -> None:
    assert public_url({}) is None
    assert public_url({"DASHBOARD_PUBLIC_URL": " https://a.se "}) == "https://a.se/"
    for bad in ("halsa.example.se", "ftp://a.se/", "https://a.se/?x=1", "javascript:x"):
        with pytest.raises(ValueError, match="DASHBOARD_PUBLIC_URL"):
            public_url({"DASHBOARD_PUBLIC_URL": bad})
    assert local_address("http://localhost:8050/x") == "http://localhost:8050/"
    assert local_address("http://127.0.0.1@evil.example/") is None
    assert local_address("http://localhost:port/") is None
    assert base_url("http://evil.example/", None) == DEFAULT_PUBLIC_URL
    assert base_url("http://evil.example/", "https://a.se/") == "https://a.se/"


def test_a_malformed_public_address_stops_the_app(dataset, monkeypatch) -> None:
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "halsa.example.se")
    with pytest.raises(ValueError, match="DASHBOARD_PUBLIC_URL"):
        create_app(dataset)


def test_command_bakes_in_the_public_address(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", PUBLIC)
    out = tmp_path / "bars.xlsx"
    assert run("http://other.example:8050/?ind=ohalsotal", "--chart", "bars", "--format",
               "xlsx", "-o", str(out)) == 0
    assert xlsx_link(out.read_bytes()).startswith(PUBLIC + "compare?")
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "not an address")
    assert run("?ind=ohalsotal", "--format", "csv", "-o", str(tmp_path / "x.csv")) == 2


# Item 14: retrieval dates in the chosen language.

@pytest.mark.parametrize(("value", "sv", "en"), [
    ("2026 (archived copy of the public page)",
     "2026 (arkiverad kopia av den offentliga sidan)", "2026 (archived copy of the public page)"),
    ("2026-01-31T09:12:00+00:00", "31 januari 2026", "31 January 2026"),
    ("2026-03-05", "5 mars 2026", "5 March 2026"),
    ("2025-10", "oktober 2025", "October 2025"),
    ("2025-12-01 (a note of the source)", "1 december 2025 (a note of the source)",
     "1 December 2025 (a note of the source)"),
    ("last spring", "last spring", "last spring"),
    ("2026-13-45", "2026-13-45", "2026-13-45"),
])
def test_retrieved_is_a_date_in_the_language(value, sv, en) -> None:
    assert (format_retrieved(value, "sv"), format_retrieved(value, "en")) == (sv, en)


def test_several_retrieval_dates_are_each_written_once() -> None:
    joined = "2026-01-31; 2026-01-31T10:00:00Z; 2026-02-01"
    assert retrieved_text(joined, "sv") == "31 januari 2026; 1 februari 2026"
    assert format_date(date(2026, 12, 24), "en") == "24 December 2026"


def test_swedish_exports_write_the_swedish_date(client) -> None:
    embed = client.get("/embed/bars?lang=sv").data.decode()
    assert "Data hämtade: 2026 (arkiverad kopia av den offentliga sidan)" in embed
    assert "archived copy" not in embed
    book = load_workbook(io.BytesIO(client.get("/export/bars/xlsx?lang=sv").data))
    rows = list(book.worksheets[2].iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == t("col_publisher", "sv")))
    column = rows[header].index(t("col_retrieved", "sv"))
    end = next(i for i, r in enumerate(rows) if i > header and not any(r))
    retrieved = {r[column] for r in rows[header + 1:end]}
    assert retrieved == {"2026 (arkiverad kopia av den offentliga sidan)"}


# Item 13: when the server cannot draw images.

def test_available_follows_the_browser(monkeypatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert not available()
    monkeypatch.delenv("BROWSER_PATH")
    assert available() == (renderer_module.browser_path() is not None)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "png-square"])
def test_image_without_a_browser_answers_in_the_language(client, monkeypatch, fmt,
                                                         lang) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    response = client.get(f"/export/bars/{fmt}?lang={lang}&ind=ohalsotal")
    assert response.status_code == 503
    assert response.mimetype == "text/html" and "Content-Disposition" not in response.headers
    page = response.data.decode()
    assert f'<html lang="{lang}">' in page
    assert t("render_unavailable", lang) in page and t("render_unavailable_title", lang) in page
    assert f"/compare?lang={lang}&amp;ind=ohalsotal" in page


def test_a_browser_that_fails_gets_the_same_answer(client, monkeypatch) -> None:
    monkeypatch.setattr(renderer_module, "_shared",
                        FigureRenderer(browser="/nonexistent/chromium", timeout=10))
    response = client.get("/export/bars/png?lang=en")
    assert response.status_code == 503 and t("render_unavailable", "en") in response.data.decode()


def test_zip_without_a_browser_still_holds_data_and_readme(client, monkeypatch) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    response = client.get("/export/bars/zip?lang=en")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    names = archive.namelist()
    assert "README.txt" in names and any(n.endswith(".xlsx") for n in names)
    assert not any(n.endswith((".png", ".svg", ".pdf")) for n in names)
    readme = " ".join(archive.read("README.txt").decode().split())
    assert " ".join(t("bundle_no_figures", "en").split()) in readme
