"""A loopback web server playing SCB, Kolada and Malmö stad, and helpers to run `ingest`.

The server listens on 127.0.0.1 on a free port; each test registers what a path answers
(a fixed reply, a sequence of replies, or a function of the request), and every request is
logged so tests can count calls and read what was asked.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.commands import ingest as ingest_cmd

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Reply:
    """One answer: status, body and headers, optionally after a delay (seconds)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def json_reply(payload: Any, status: int = 200, **headers: str) -> Reply:
    return Reply(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                 {"Content-Type": "application/json; charset=utf-8", **headers})


@dataclass
class Seen:
    """A request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any


class FakeWeb:
    """Routes by path; a route is a Reply, a list of Replies (the last repeats) or a function."""

    def __init__(self) -> None:
        self.routes: dict[str, Any] = {}
        self.seen: list[Seen] = []
        self.base = ""

    def route(self, path: str, answer: Reply | list[Reply] | Callable[[Seen], Reply]) -> None:
        self.routes[path] = list(answer) if isinstance(answer, list) else answer

    def reply(self, name: str) -> Reply:
        """A fixture file as an answer, with `{base}` replaced by this server's address."""
        text = (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", self.base)
        return Reply(200, text.encode("utf-8"),
                     {"Content-Type": "application/json; charset=utf-8"})

    def fixture(self, path: str, name: str) -> None:
        """Serve a fixture file at `path`."""
        self.route(path, self.reply(name))

    def answer(self, seen: Seen) -> Reply:
        self.seen.append(seen)
        route = self.routes.get(seen.path)
        if route is None:
            return json_reply({"error": f"no route {seen.path}"}, 404)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route(seen) if callable(route) else route

    def calls(self, path: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path]


@pytest.fixture()
def web():
    """A FakeWeb served on 127.0.0.1 for the duration of one test."""
    fake = FakeWeb()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _handle(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            reply = fake.answer(Seen(self.command, parts.path, parse_qs(parts.query), body))
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except OSError:
                pass  # the client gave up waiting (timeout test)

        do_GET = _handle
        do_POST = _handle

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fake.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield fake
    server.shutdown()
    server.server_close()


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def jsonstat_slice(full: dict[str, Any], selection: list[dict[str, Any]]) -> dict[str, Any]:
    """What PxWebApi answers for `selection`: the cells of `full` for the chosen codes."""
    chosen = {s["variableCode"]: s["valueCodes"] for s in selection}
    dims, codes_of = {}, {}
    for dim in full["id"]:
        index = full["dimension"][dim]["category"]["index"]
        codes = [c for c in sorted(index, key=index.get) if c in chosen.get(dim, index)]
        codes_of[dim] = codes
        category = dict(full["dimension"][dim]["category"])
        category["index"] = {c: i for i, c in enumerate(codes)}
        category["label"] = {c: category["label"][c] for c in codes}
        dims[dim] = dict(full["dimension"][dim], category=category)
    sizes = [len(full["dimension"][d]["category"]["index"]) for d in full["id"]]
    strides = [1] * len(sizes)
    for i in range(len(sizes) - 2, -1, -1):
        strides[i] = strides[i + 1] * sizes[i + 1]
    values, status = [], {}
    for combo in itertools.product(*(codes_of[d] for d in full["id"])):
        position = sum(full["dimension"][d]["category"]["index"][c] * s
                       for d, c, s in zip(full["id"], combo, strides, strict=True))
        if str(position) in full.get("status", {}):
            status[str(len(values))] = full["status"][str(position)]
        values.append(full["value"][position])
    return dict(full, dimension=dims, size=[len(codes_of[d]) for d in full["id"]],
                value=values, status=status)


def pxweb(fake: FakeWeb, table: str, metadata: dict, data: dict) -> None:
    """Serve one PxWebApi 2.0 table: metadata, and data sliced to each POSTed selection."""
    fake.route(f"/api/v2/tables/{table}/metadata", json_reply(metadata))
    fake.route(f"/api/v2/tables/{table}/data",
               lambda seen: json_reply(jsonstat_slice(data, seen.body["selection"])))


def run_ingest(*argv: str) -> int:
    """`dashboard ingest ARGV...` as the CLI will run it."""
    parser = argparse.ArgumentParser(prog="dashboard")
    ingest_cmd.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["ingest", *argv])
    return args.func(args)


def tree_hash(folder: Path) -> str:
    """A hash of every file's path and bytes under `folder` ('' if it does not exist)."""
    digest = hashlib.sha256()
    if folder.exists():
        for path in sorted(p for p in folder.rglob("*")):
            digest.update(str(path.relative_to(folder)).encode())
            if path.is_file():
                digest.update(path.read_bytes())
    return digest.hexdigest()
