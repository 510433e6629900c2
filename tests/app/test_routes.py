"""Download and embed routes: the file a journalist gets is the chart the page shows."""

from __future__ import annotations

import csv
import io

import pytest

from dashboard.app.factory import create_app
from dashboard.app.viewmodel import resolve
from dashboard.core.viewstate import from_query
from dashboard.figures.charts import CHART_IDS, CHART_PAGES, build_chart
from tests.chart_views import chart_query

VIEWS = {"equiplot": "?ind=forvarvsfrekvens", "groupbars": "?ind=forvarvsfrekvens",
         "trend": "?ind=forvarvsfrekvens", "gaptrend": "?ind=forvarvsfrekvens",
         "spine": "?area=1280SD08"}


@pytest.fixture(scope="module")
def client(dataset):
    return create_app(dataset).server.test_client()


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_chart_downloads_as_the_table_it_shows(client, dataset, chart_id) -> None:
    search = VIEWS.get(chart_id, chart_query(chart_id))
    response = client.get(f"/export/{chart_id}/csv{search}")
    assert response.status_code == 200, response.data[:200]
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    text = response.data.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    state, _ = resolve(dataset, from_query(search)[0])
    chart = build_chart(dataset, state, chart_id)
    assert tuple(rows[0]) == chart.header
    assert [tuple(r) for r in rows[1:]] == list(chart.rows)


def test_every_chart_has_a_page() -> None:
    assert set(CHART_PAGES) == set(CHART_IDS)


def test_bad_requests_say_what_is_wrong(client) -> None:
    response = client.get("/export/pie/png")
    assert response.status_code == 404 and b"Unknown chart 'pie'" in response.data
    response = client.get("/export/bars/gif")
    assert response.status_code == 404 and b"Unknown format 'gif'" in response.data
    response = client.get("/export/bars/png?scale=7")
    assert response.status_code == 400 and b"scale must be 1 or 2" in response.data
    response = client.get("/export/potential/csv?ind=barnfattigdom")
    assert response.status_code == 404 and b"no data to show" in response.data


def test_embed_is_one_chart_with_its_source_and_only_local_scripts(client) -> None:
    response = client.get("/embed/bars?lang=en&ind=ohalsotal")
    assert response.status_code == 200
    page = response.data.decode()
    assert '<html lang="en">' in page and "Sickness days" in page
    assert "Source: Malmö stad" in page
    assert 'src="/_dash-component-suites/plotly/package_data/plotly.min.js"' in page
    assert "cdn" not in page.lower()
    assert "http://localhost/compare?lang=en&amp;ind=ohalsotal" in page or \
        "http://localhost/compare?lang=en&ind=ohalsotal" in page


def test_full_data_download_holds_every_period_and_area(client, dataset) -> None:
    response = client.get("/export/bars/csv?ind=forvarvsfrekvens&lang=en&full=1")
    assert response.status_code == 200
    assert "-data.csv" in response.headers["Content-Disposition"]
    text = response.data.decode("utf-8-sig")
    obs = dataset.observations
    expected = int((obs["indicator_id"] == "forvarvsfrekvens").sum())
    assert len(text.strip().splitlines()) == expected + 1
    assert "1999" in text and "2011" in text
