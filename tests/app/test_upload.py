"""Adding a HEAT Plus file in the browser: checked, previewed, then added as a new version."""

from __future__ import annotations

import base64
from pathlib import Path

from dashboard.app.upload import MAX_BYTES, check_upload

FIXTURE = Path(__file__).parent / "fixtures" / "survey_smoking_heat.csv"


def data_url(raw: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(raw).decode()


def test_valid_file_is_previewed_and_merged_but_not_stored(dataset, tmp_path) -> None:
    check = check_upload(dataset, data_url(FIXTURE.read_bytes()), "enkät.csv")
    assert check.problems == ()
    assert check.added_indicators == ("smoke_daily",)
    assert check.observations == 11  # ten districts and Malmö's setting average
    assert ("Daily smoking (test data)", "Rosengård", "2024", "total", "24,6") in check.preview
    assert "smoke_daily" in set(check.dataset.indicators["id"])
    assert len(check.dataset.observations) == len(dataset.observations) + 11
    assert "smoke_daily" not in set(dataset.indicators["id"])  # the current data are untouched


def test_problems_are_listed_by_row_line_and_column(dataset) -> None:
    raw = FIXTURE.read_bytes().replace(b"14.1", b"fjorton", 1)
    check = check_upload(dataset, data_url(raw), "enkät.csv", "en")
    assert check.dataset is None
    assert check.problems == ("enkät.csv, row 1 (line 2), column 'estimate': expected a "
                              "number, got 'fjorton'",)


def test_wrong_type_size_and_encoding_are_refused(dataset) -> None:
    assert "only CSV and Excel" in check_upload(dataset, data_url(b"x"), "a.pdf",
                                                "en").problems[0]
    big = data_url(b"a" * (MAX_BYTES + 1))
    assert "larger than 5 MB" in check_upload(dataset, big, "a.csv", "en").problems[0]
    assert "could not be read" in check_upload(dataset, "data:text/csv;base64,@@@",
                                               "a.csv", "en").problems[0]
    assert "empty" in check_upload(dataset, None, "a.csv", "en").problems[0]


def test_unknown_area_is_refused(dataset) -> None:
    raw = FIXTURE.read_bytes().replace(b"Oxie", b"Atlantis", 1)
    check = check_upload(dataset, data_url(raw), "enkät.csv", "en")
    assert check.dataset is None
    assert any("Atlantis" in p for p in check.problems)
