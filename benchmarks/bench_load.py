"""Load benchmark: a recorded browser session replayed by many users against the production
server (gunicorn, `dashboard.app.serving.serve`). Prints figures; it is not a test.

    .venv/bin/python benchmarks/bench_load.py [--users 50] [--seconds 60] [--servers 1]
        [--store URL] [--soak] [--record] [--without png] [--logs DIR]

--record  opens every public view in Debian's headless chromium (Playwright) against a
          server this script starts, makes one interaction on each (the first dropdown's
          first other option), fetches a CSV and a PNG download, and writes every request
          the page made (method, path and query, body) to benchmarks/recorded_session.json.
Replay    starts `--servers` production servers (`dashboard serve`) on free ports of
          127.0.0.1 (environment as this process's, DASHBOARD_STORE=URL with `--store`),
          and runs `--users` threads
          spread over them, each looping through the session on its own keep-alive
          connection for `--seconds`. A user behaves like a browser with a cache: it asks
          for brotli/gzip, fetches a script marked `immutable` only once, and sends
          If-None-Match for what came with an ETag. Prints requests, errors, throughput and
          p50/p95/p99 latency overall and per kind (page, callback, csv, png), and the bytes
          the first page load transfers with and without compression.
--soak    10 users for 5 minutes (unless --users/--seconds say otherwise); every 30 s the
          resident memory (VmRSS) of each server's master and all its descendants
          (workers, their browsers), and at the end its growth.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SESSION = Path(__file__).with_name("recorded_session.json")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
# The public views (sign-in pages left out), as a reader opens them.
VIEWS = ["/", "/overview", "/map", "/profile", "/compare", "/groups", "/trends",
         "/gradient", "/potential", "/invest", "/index", "/definitions", "/tillganglighet"]
EXPORTS = ["/export/bars/csv?lang=sv", "/export/bars/png?lang=sv"]
KINDS = ("page", "callback", "csv", "png")
ACCEPT = "gzip, br"
START_TIMEOUT = 120.0
SAMPLE_EVERY = 30.0


def kind_of(path: str) -> str:
    """page, callback, csv or png: what a request is, for the figures."""
    route = urlsplit(path).path
    if route == "/_dash-update-component":
        return "callback"
    if route.startswith("/export/") and route.endswith(("/csv", "/png")):
        return route.rsplit("/", 1)[1]
    return "page"


# --- servers ---------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    logs: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def start_server(folder: Path, store: str | None) -> Server:
    """A production server on a free port, answering once /healthz (or /) does."""
    port = free_port()
    env = dict(os.environ)
    if store:
        env["DASHBOARD_STORE"] = store
    logs = folder / f"server-{port}"
    with open(f"{logs}.out", "wb") as out, open(f"{logs}.err", "wb") as err:
        process = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--host",
                                    "127.0.0.1", "--port", str(port)], cwd=ROOT,
                                   stdout=out, stderr=err, env=env)
    server = Server(port, process, logs)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = Path(f"{logs}.err").read_text(errors="replace")[-2000:]
            raise SystemExit(f"the server on port {port} stopped:\n{tail}")
        for path in ("/healthz", "/"):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", path)
                if conn.getresponse().status == 200:
                    return server
            except OSError:
                pass
        time.sleep(0.5)
    server.stop()
    raise SystemExit(f"the server on port {port} did not answer in {START_TIMEOUT:g} s")


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (workers, their browsers)."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children[parent].append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss_mb(pid: int) -> float:
    """The resident memory of one process in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --- recording -------------------------------------------------------------------------

def record(out: Path) -> None:
    """Drive a real browser through every view and write the requests it made."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp), None)
        base = f"http://127.0.0.1:{server.port}"
        steps: list[dict[str, Any]] = []
        step = {"name": ""}

        def seen(request: Any) -> None:
            if not request.url.startswith(base):
                return
            path = request.url[len(base):]
            steps.append({"step": step["name"], "method": request.method, "path": path,
                          "body": request.post_data, "kind": kind_of(path),
                          "content_type": request.headers.get("content-type")})
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_context().new_page()
                page.on("request", seen)
                for view in VIEWS:
                    step["name"] = f"open {view}"
                    page.goto(base + view)
                    _settle(page)
                    step["name"] = f"interact {view}"
                    _interact(page)
                for path in EXPORTS:
                    step["name"] = f"download {path}"
                    page.evaluate("async p => { await (await fetch(p)).arrayBuffer(); }", path)
                browser.close()
        finally:
            server.stop()
    out.write_text(json.dumps({"recorded": time.strftime("%Y-%m-%d"), "requests": steps},
                              indent=1, ensure_ascii=False) + "\n")
    counts = Counter(r["kind"] for r in steps)
    print(f"recorded {len(steps)} requests ({dict(counts)}) to {out}")


def _settle(page: Any) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_selector("#page > :not(:empty)", timeout=20_000)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading]')",
                           timeout=20_000)
    page.wait_for_load_state("networkidle")


def _interact(page: Any) -> None:
    """Choose another option in the view's first dropdown, if it has one."""
    dropdown = page.locator("#page .dash-dropdown").first
    if dropdown.count() == 0:
        return
    try:
        dropdown.click(timeout=3000)
        option = page.locator(".dash-dropdown-content .dash-options-list-option"
                              ":not(.selected)").first
        option.click(timeout=3000)
        _settle(page)
    except Exception as exc:  # a view whose dropdown cannot be used is left as it is
        print(f"  no interaction on {page.url}: {type(exc).__name__}")


# --- replay ----------------------------------------------------------------------------

@dataclass
class Tally:
    """What all users saw: latencies (ms) by kind and errors by kind and reason."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.times[kind].append(ms)
            if error:
                self.errors[f"{kind} {error}"] += 1


def fetch(conn: http.client.HTTPConnection, item: dict[str, Any], headers: dict[str, str]
          ) -> tuple[int, dict[str, str], int]:
    """One request: (status, response headers, body bytes)."""
    body = item["body"].encode() if item.get("body") is not None else None
    if body is not None and item.get("content_type"):
        headers = {**headers, "Content-Type": item["content_type"]}
    conn.request(item["method"], item["path"], body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, len(data)


def user(port: int, session: list[dict[str, Any]], deadline: float, tally: Tally) -> None:
    """Loop through the session until `deadline`, caching like a browser."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    immutable: set[str] = set()
    etags: dict[str, str] = {}
    while time.monotonic() < deadline:
        for item in session:
            if time.monotonic() >= deadline:
                break
            path = item["path"]
            if path in immutable:
                continue
            headers = {"Accept-Encoding": ACCEPT}
            if item["method"] == "GET" and path in etags:
                headers["If-None-Match"] = etags[path]
            began = time.perf_counter()
            error = None
            try:
                status, got, _ = fetch(conn, item, headers)
                if status >= 400:
                    error = str(status)
                if "immutable" in got.get("cache-control", ""):
                    immutable.add(path)
                if got.get("etag") and item["method"] == "GET":
                    etags[path] = got["etag"]
            except (OSError, http.client.HTTPException) as exc:
                error = type(exc).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            tally.add(item["kind"], (time.perf_counter() - began) * 1000, error)
    conn.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)] if ordered else float("nan")


def report(tally: Tally, seconds: float) -> None:
    every = [ms for kind in tally.times for ms in tally.times[kind]]
    errors = sum(tally.errors.values())
    print(f"\n{len(every)} requests in {seconds:.0f} s: {len(every) / seconds:.1f} req/s, "
          f"{errors} errors")
    print(f"{'kind':9} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    rows = [("all", every)] + [(k, tally.times.get(k, [])) for k in KINDS]
    for kind, times in rows:
        failed = errors if kind == "all" else sum(
            n for key, n in tally.errors.items() if key.startswith(kind + " "))
        print(f"{kind:9} {len(times):9d} {failed:7d} {percentile(times, 0.5):8.0f} "
              f"{percentile(times, 0.95):8.0f} {percentile(times, 0.99):8.0f}")
    for key, n in tally.errors.most_common():
        print(f"  error {key}: {n}")


def first_load_bytes(port: int, session: list[dict[str, Any]]) -> None:
    """The bytes the first view's page load transfers, plain and compressed."""
    first = [r for r in session if r["step"] == session[0]["step"]]
    totals = []
    for accept in ("identity", ACCEPT):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        totals.append(sum(fetch(conn, r, {"Accept-Encoding": accept})[2] for r in first))
        conn.close()
    print(f"first page load ({session[0]['step']}, {len(first)} requests): "
          f"{totals[0] / 1e6:.2f} MB uncompressed, {totals[1] / 1e6:.2f} MB with {ACCEPT}")


def memory(server: Server) -> tuple[float, float, int]:
    """(MB of the master and workers, MB of their browsers, processes) of one server."""
    python = browsers = 0.0
    pids = descendants(server.process.pid)
    for pid in pids:
        try:
            name = Path(f"/proc/{pid}/comm").read_text()
        except OSError:
            continue
        if "chrom" in name:
            browsers += rss_mb(pid)
        else:
            python += rss_mb(pid)
    return python, browsers, len(pids)


def sample_memory(servers: list[Server], stop: threading.Event, began: float,
                  samples: list[float]) -> None:
    """Print each server's memory every SAMPLE_EVERY seconds until `stop`."""
    while True:
        sizes = [memory(s) for s in servers]
        samples.append(sum(python + browsers for python, browsers, _ in sizes))
        print(f"  {time.monotonic() - began:5.0f} s  RSS " + ", ".join(
            f"port {s.port}: {python + browsers:.0f} MB (server {python:.0f} MB, browsers "
            f"{browsers:.0f} MB; {count} processes)"
            for s, (python, browsers, count) in zip(servers, sizes, strict=True)), flush=True)
        if stop.wait(SAMPLE_EVERY):
            return


def replay(args: argparse.Namespace) -> None:
    session = [r for r in json.loads(SESSION.read_text())["requests"]
               if r["kind"] not in args.without]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.logs or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        servers = [start_server(folder, args.store) for _ in range(args.servers)]
        try:
            first_load_bytes(servers[0].port, session)
            tally = Tally()
            print(f"{args.users} users for {args.seconds:g} s on "
                  f"{', '.join(str(s.port) for s in servers)}", flush=True)
            stop, samples = threading.Event(), []
            began = time.monotonic()
            sampler = threading.Thread(target=sample_memory,
                                       args=(servers, stop, began, samples), daemon=True)
            if args.soak:
                sampler.start()
            deadline = began + args.seconds
            users = [threading.Thread(target=user, daemon=True,
                                      args=(servers[i % len(servers)].port, session, deadline,
                                            tally)) for i in range(args.users)]
            for thread in users:
                thread.start()
            for thread in users:
                thread.join()
            elapsed = time.monotonic() - began
            if args.soak:
                stop.set()
                sampler.join()
                samples.append(sum(sum(memory(s)[:2]) for s in servers))
                print(f"RSS growth: {samples[-1] - samples[0]:+.0f} MB from the start "
                      f"({samples[0]:.0f} -> {samples[-1]:.0f} MB)")
                if len(samples) > 2:
                    print(f"  since the first sample under load: "
                          f"{samples[-1] - samples[1]:+.0f} MB ({samples[1]:.0f} -> "
                          f"{samples[-1]:.0f} MB)")
            report(tally, elapsed)
        finally:
            for server in servers:
                server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, help="concurrent users (default 50; soak 10)")
    parser.add_argument("--seconds", type=float, help="how long (default 60; soak 300)")
    parser.add_argument("--servers", type=int, default=1, help="servers to spread users over")
    parser.add_argument("--store", help="DASHBOARD_STORE for the servers (e.g. postgresql://...)")
    parser.add_argument("--without", action="append", default=[], choices=KINDS,
                        help="leave this kind of request out of the replay (repeatable)")
    parser.add_argument("--logs", help="keep the servers' logs in this folder")
    parser.add_argument("--soak", action="store_true", help="10 users, 5 minutes, memory")
    parser.add_argument("--record", action="store_true",
                        help=f"record the session again into {SESSION.name}")
    args = parser.parse_args()
    if args.record:
        record(SESSION)
        return
    args.users = args.users or (10 if args.soak else 50)
    args.seconds = args.seconds or (300.0 if args.soak else 60.0)
    replay(args)


if __name__ == "__main__":
    main()
