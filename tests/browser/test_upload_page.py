"""The upload page in a real browser: a file refused with reasons or previewed; adding
needs an account (the whole contribution flow is in test_contrib_browser.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.app.factory import create_app
from tests.browser.conftest import serve
from tests.browser.test_page import settled

pytestmark = pytest.mark.browser
FIXTURE = Path(__file__).resolve().parents[1] / "app" / "fixtures" / "survey_smoking_heat.csv"


def test_the_public_can_check_a_file_but_not_add_it(browser, tmp_path, dataset) -> None:
    url, server = serve(create_app(dataset))
    page = browser.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(url + "/upload")
        settled(page)
        assert page.get_attribute("#upload-sign-in", "href") == "/login?next=/upload"
        assert "behöver du logga in" in page.inner_text("#upload-account")
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
        assert page.is_disabled("#upload-add")  # the preview is open, adding is not
        assert errors == []
    finally:
        page.close()
        server.shutdown()


def test_a_file_over_the_limit_is_refused_with_the_limit(browser, tmp_path, dataset) -> None:
    url, server = serve(create_app(dataset))
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
