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
        assert "rad 1 (rad 2 i filen), kolumnen ”estimate”: ska vara ett tal" in \
            page.inner_text("#upload-problems")
        assert page.is_disabled("#upload-add")
        page.set_input_files("#upload input[type=file]", str(FIXTURE))
        page.wait_for_selector("#upload-report table")
        assert "Rosengård" in page.inner_text("#upload-report")
        assert not (store / "CURRENT").exists()  # nothing stored before the button
        page.click("#upload-add")
        page.wait_for_selector("#upload-result .notice")
        assert "Ange utgivare och licens" in page.inner_text("#upload-result")
        assert not (store / "CURRENT").exists()
        page.get_by_label("Utgivare").fill("Region Skåne")
        page.get_by_label("Licens").fill("CC BY 4.0")
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


def test_a_file_over_the_limit_is_refused_with_the_limit(browser, tmp_path, dataset) -> None:
    url, server = serve(create_app(dataset, store_root=tmp_path / "store"))
    page = browser.new_page()
    posted: list[int] = []
    page.on("request", lambda r: posted.append(len(r.post_data_buffer or b""))
            if r.method == "POST" else None)
    try:
        page.goto(url + "/upload")
        settled(page)
        big = tmp_path / "big.csv"
        big.write_bytes(FIXTURE.read_bytes() + b"," * (6 * 2**20))
        page.set_input_files("#upload input[type=file]", str(big))
        page.wait_for_selector("#upload-too-large")
        assert "för stor: högst 5 MB" in page.inner_text("#upload-report")
        assert page.is_disabled("#upload-add")
        assert max(posted, default=0) < 2**20  # the file itself was never sent
    finally:
        page.close()
        server.shutdown()
