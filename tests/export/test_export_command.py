"""`dashboard export` end to end on the embedded dataset, for every format."""

from __future__ import annotations

import argparse
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dashboard.app.pages import chart_fields
from dashboard.app.settings import DEFAULT_DATA
from dashboard.commands import export as export_cmd
from dashboard.core.viewstate import restrict, to_query
from dashboard.figures.charts import build_chart
from tests.export.helpers import plain, png_size, resolved

LINK = "http://dashboard.example:8050/?lang=en&ind=ohalsotal&period=1999&foo=1"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dashboard")
    export_cmd.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", *argv])
    return args.func(args)


@pytest.fixture(autouse=True)
def embedded_data(monkeypatch, tmp_path: Path) -> None:
    """The app's settings point at the embedded dataset and no fetched boundaries."""
    monkeypatch.setenv("DASHBOARD_DATA", str(DEFAULT_DATA))
    monkeypatch.setenv("DASHBOARD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("DASHBOARD_BOUNDARIES", raising=False)


def check_png(payload: bytes, _chart) -> None:
    assert png_size(payload) == (1200, 675)


def check_square(payload: bytes, _chart) -> None:
    assert png_size(payload) == (1080, 1080)


def check_svg(payload: bytes, chart) -> None:
    assert chart.source in "".join(ET.fromstring(payload).itertext())


def check_pdf(payload: bytes, chart) -> None:
    assert plain(chart.source) in plain(PdfReader(io.BytesIO(payload)).pages[0].extract_text())


def check_csv(payload: bytes, chart) -> None:
    frame = pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    assert [tuple(r) for r in frame.itertuples(index=False)] == list(chart.rows)


def check_xlsx(payload: bytes, chart) -> None:
    sheet = load_workbook(io.BytesIO(payload)).worksheets[0]
    assert next(sheet.iter_rows(values_only=True)) == chart.header


def check_zip(payload: bytes, _chart) -> None:
    names = zipfile.ZipFile(io.BytesIO(payload)).namelist()
    assert "README.txt" in names and len(names) == 7
    assert any(name.endswith(".pdf") for name in names)


CHECKS = {"png": check_png, "png-square": check_square, "svg": check_svg, "pdf": check_pdf,
          "csv": check_csv, "xlsx": check_xlsx, "zip": check_zip}


@pytest.mark.parametrize("fmt", list(CHECKS))
def test_each_format_from_a_link(fmt, dataset, renderer, tmp_path, capsys) -> None:
    out = tmp_path / "out" / f"chart.{fmt}"
    assert run(LINK, "--chart", "bars", "--format", fmt, "-o", str(out)) == 0
    err = capsys.readouterr().err
    assert "foo" in err and "1999" in err
    state = resolved(dataset, lang="en", indicator="ohalsotal", period="1999")
    chart = build_chart(dataset, state, "bars")
    payload = out.read_bytes()
    CHECKS[fmt](payload, chart)
    if fmt in ("svg", "pdf"):
        link = "http://dashboard.example:8050/" + to_query(restrict(state, chart_fields("bars")))
        text = payload.decode("utf-8", "replace") if fmt == "svg" else \
            PdfReader(io.BytesIO(payload)).pages[0].extract_text()
        assert plain(link.replace("&", "&amp;") if fmt == "svg" else link) in plain(text)
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_query_string_and_scale_two(tmp_path, renderer, capsys) -> None:
    out = tmp_path / "map.png"
    out.write_bytes(b"old")
    assert run("?ind=medellivslangd_vid_fodelsen&lang=sv", "--format", "png", "--scale", "2",
               "-o", str(out)) == 0
    assert capsys.readouterr().err == ""
    assert png_size(out.read_bytes()) == (2400, 1350)


def test_full_data_csv(tmp_path, dataset) -> None:
    out = tmp_path / "all.csv"
    assert run("ind=ohalsotal&lang=sv", "--format", "csv", "--full", "-o", str(out)) == 0
    frame = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig")
    assert len(frame) == (dataset.observations["indicator_id"] == "ohalsotal").sum()


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--chart", "pie", "unknown chart 'pie'"),
    ("--format", "gif", "unknown format 'gif'"),
    ("--scale", "3", "--scale must be one of 1, 2"),
])
def test_bad_arguments_exit_2_and_write_nothing(option, value, message, tmp_path,
                                                capsys) -> None:
    out = tmp_path / "x.png"
    assert run("?ind=ohalsotal", option, value, "-o", str(out)) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_unreadable_data_exit_2(tmp_path, capsys) -> None:
    assert run("?ind=ohalsotal", "--data", str(tmp_path / "none"), "--format", "csv", "-o",
               str(tmp_path / "x.csv")) == 2
    assert "cannot read the data" in capsys.readouterr().err
