"""The upload page in a real browser: refused with reasons, previewed, then added."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.app.factory import create_app
from dashboard.store.dataset import read_dataset
from tests.browser.conftest import serve
from tests.browser.test_page import settled

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "survey_smoking_heat.csv"


def test_upload_in_the_browser_adds_the_indicator(browser, tmp_path, dataset) -> None:
    store = tmp_path / "store"
    url, server = serve(create_app(dataset, store_root=store))
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(url + "/upload")
        settled(page)
        bad = tmp_path / "bad.csv"
        bad.write_bytes(FIXTURE.read_bytes().replace(b"14.1", b"fjorton", 1))
        page.set_input_files("#upload input[type=file]", str(bad))
        page.wait_for_selector("#upload-problems li")
        assert "row 1 (line 2), column 'estimate'" in page.inner_text("#upload-problems")
        assert page.is_disabled("#upload-add")
        page.set_input_files("#upload input[type=file]", str(FIXTURE))
        page.wait_for_selector("#upload-report table")
        assert "Rosengård" in page.inner_text("#upload-report")
        assert not (store / "CURRENT").exists()  # nothing stored before the button
        page.click("#upload-add")
        page.click("#upload-open")
        page.wait_for_function(
            "() => document.querySelector('#headline') &&"
            " document.querySelector('#headline').innerText.startsWith('Daily smoking')")
        assert "ind=smoke_daily" in page.url
        assert "smoke_daily" in set(read_dataset(store).indicators["id"])
        assert errors == []
    finally:
        page.close()
        server.shutdown()
