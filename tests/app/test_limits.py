"""Request size: every route refuses a body above the limit with 413, without reading it."""

from __future__ import annotations

import base64
import io

import pytest

from dashboard.app.factory import create_app
from dashboard.app.limits import max_request_bytes
from dashboard.app.upload import MAX_BYTES


class CountingStream(io.RawIOBase):
    """A request body of `size` bytes that counts how much of it is read."""

    def __init__(self, size: int):
        self.size, self.read_bytes = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = min(len(buffer), self.size - self.read_bytes)
        buffer[:n] = b" " * n
        self.read_bytes += n
        return n


@pytest.fixture(scope="module")
def app(dataset):
    return create_app(dataset)


def test_the_default_limit_is_8_mb_and_configurable() -> None:
    assert max_request_bytes({}) == 8 * 2**20
    assert max_request_bytes({"DASHBOARD_MAX_REQUEST_MB": "2"}) == 2 * 2**20
    for bad in ("", "lots", "-1", "0", "inf", "nan"):
        assert max_request_bytes({"DASHBOARD_MAX_REQUEST_MB": bad}) == 8 * 2**20


@pytest.mark.parametrize("path", ["/_dash-update-component", "/export/bars/csv", "/upload"])
def test_a_267_mb_body_is_refused_unread(app, path) -> None:
    stream = CountingStream(267 * 2**20)
    response = app.server.test_client().post(
        path, content_type="application/json",
        environ_overrides={"wsgi.input": stream, "CONTENT_LENGTH": str(stream.size)})
    assert response.status_code == 413
    assert stream.read_bytes == 0
    text = response.get_data(as_text=True)
    assert "högst 8 MB" in text and "at most 8 MB" in text


def test_a_body_without_a_length_is_read_no_further_than_the_limit(app) -> None:
    stream = CountingStream(20 * 2**20)
    response = app.server.test_client().post(
        "/_dash-update-component", content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input": stream, "wsgi.input_terminated": True})
    assert 400 <= response.status_code < 500
    assert stream.read_bytes <= 8 * 2**20 + 2**16


def test_a_body_under_the_limit_is_served(app) -> None:
    response = app.server.test_client().post("/_dash-update-component", json={"x": "y" * 2**20})
    assert response.status_code != 413


def test_the_largest_upload_fits_under_the_limit(app) -> None:
    contents = "data:text/csv;base64," + base64.b64encode(b"x" * MAX_BYTES).decode()
    key = next(k for k in app.callback_map if "upload-report.children" in k
               and "upload-add.disabled" in k and "@" not in k)
    body = {"output": key,
            "outputs": [{"id": "upload-report", "property": "children"},
                        {"id": "upload-add", "property": "disabled"}],
            "inputs": [{"id": "upload-file", "property": "data",
                        "value": {"contents": contents, "filename": "big.csv"}}],
            "state": [{"id": "view", "property": "data", "value": {"lang": "en"}}],
            "changedPropIds": ["upload-file.data"]}
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200
