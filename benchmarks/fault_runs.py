"""Fault and fuzz runs (issue 11). Prints figures; it is not a test.

    .venv/bin/python benchmarks/fault_runs.py [--seconds 60] [--kills 30] [--fuzz 1500]
                                              [--body-mb 50] [--seed 11]

1. Two writers at once: one process running `dashboard ingest tidy-csv` and one running
   `dashboard ingest heat-file`, round after round with new periods, into one fresh store
   for `--seconds`; counts the commits attempted, succeeded and refused, and checks that
   every successful round's rows are in the final version.
2. kill -9 during an ingest, `--kills` times, after a random delay: the store must still
   load, the next ingest must succeed, and no `.new-*` temporaries may remain after it.
3. `--fuzz` random (control, value) pairs of every JSON type posted to the real `interact`
   callback through Flask's test client on several views; counts the status codes.
4. A body of `--body-mb` MB posted over loopback to a server in a separate process, to
   /_dash-update-component and to /export/bars/csv: its status, how much of it the client
   got to send (what the kernel buffered before the server answered), and the server
   process's peak memory increase (getrusage ru_maxrss); a control posts the same body to a
   server whose limit is raised, to show the measure sees a body that is read.

Everything runs in a temporary folder; the only network traffic is to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.factory import create_app  # noqa: E402
from dashboard.app.settings import DEFAULT_DATA  # noqa: E402
from dashboard.core.viewstate import PARAMS  # noqa: E402
from dashboard.store.dataset import read_dataset  # noqa: E402
from tests.dash_requests import interact_body, navigate_body  # noqa: E402

FIXTURES = ROOT / "tests" / "live" / "fixtures"
TIDY = FIXTURES / "tidy_csv"
HEAT = FIXTURES / "heat_malmo.csv"
TIDY_INDICATOR, TIDY_PERIOD = "fixture_screening", "2020"
HEAT_INDICATOR, HEAT_PERIOD = "smoke", "2012"


def write_round(source: str, folder: Path, period: str) -> Path:
    """The fixture of `source` with its period replaced by `period`, written under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    if source == "tidy-csv":
        target = folder / f"tidy-{period}"
        target.mkdir()
        for path in TIDY.iterdir():
            text = path.read_text(encoding="utf-8").replace(f",{TIDY_PERIOD},", f",{period},")
            (target / path.name).write_text(text, encoding="utf-8")
        return target
    target = folder / f"heat-{period}.csv"
    text = HEAT.read_text(encoding="utf-8").replace(f",{HEAT_PERIOD},", f",{period},")
    target.write_text(text, encoding="utf-8")
    return target


def leftovers(home: Path) -> list[Path]:
    """Temporaries an interrupted atomic write left anywhere under `home`."""
    return [p for p in home.rglob(".*") if ".new-" in p.name]


# --- 1. two writers ---------------------------------------------------------------------

WRITER = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[6])
from fault_runs import write_round
from dashboard.cli import main

source, work, home, first, seconds = sys.argv[1:6]
end, n = time.monotonic() + float(seconds), 0
while time.monotonic() < end:
    period = str(int(first) + n)
    target = write_round(source, Path(work), period)
    status = main(["ingest", source, str(target), "--home", home])
    print("round", period, status, flush=True)
    n += 1
"""


def two_writers(seconds: float) -> None:
    print(f"1. Two writers at once for {seconds:g} s "
          "(dashboard ingest tidy-csv | dashboard ingest heat-file):")
    with tempfile.TemporaryDirectory(prefix="fault-writers-") as tmp:
        work, home = Path(tmp), Path(tmp) / "home"
        started = time.monotonic()
        writers = {
            source: subprocess.Popen(
                [sys.executable, "-c", WRITER, source, str(work / source), str(home), first,
                 str(seconds), str(ROOT / "benchmarks")],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for source, first in (("tidy-csv", "1100"), ("heat-file", "1500"))}
        rounds: dict[str, list[tuple[str, str]]] = {}
        errors: dict[str, str] = {}
        for source, process in writers.items():
            out, err = process.communicate(timeout=seconds + 300)
            rounds[source] = [(line.split()[1], line.split()[2]) for line in out.splitlines()
                              if line.startswith("round ")]
            errors[source] = err if process.returncode else ""
        elapsed = time.monotonic() - started
        obs = read_dataset(home / "store").observations
        stored = {source: set(obs.loc[obs["indicator_id"] == indicator, "period"])
                  for source, indicator in (("tidy-csv", TIDY_INDICATOR),
                                            ("heat-file", HEAT_INDICATOR))}
        versions = len(list((home / "store" / "versions").iterdir()))
        total = Counter[str]()
        print(f"  {'writer':10s} {'attempted':>9s} {'succeeded':>9s} {'refused':>8s} "
              f"{'lost':>5s}")
        for source, got in rounds.items():
            ok = [period for period, status in got if status == "0"]
            lost = [period for period in ok if period not in stored[source]]
            counts = {"attempted": len(got), "succeeded": len(ok),
                      "refused": len(got) - len(ok), "lost": len(lost)}
            total.update(counts)
            print(f"  {source:10s} {counts['attempted']:9d} {counts['succeeded']:9d} "
                  f"{counts['refused']:8d} {counts['lost']:5d}")
            if errors[source]:
                print(f"  {source} exited with an error: {errors[source].strip()[-300:]}")
        print(f"  {'both':10s} {total['attempted']:9d} {total['succeeded']:9d} "
              f"{total['refused']:8d} {total['lost']:5d}")
        print(f"  lost: {total['lost']}; {len(obs)} observations in the final version; "
              f"{versions} versions kept; leftovers: {len(leftovers(home))}; "
              f"{elapsed:.0f} s in all")


# --- 2. kill -9 during ingest -----------------------------------------------------------

def _until_writing(store: Path, process: subprocess.Popen[bytes]) -> int:
    """Wait until the ingest starts writing a new version (a `.new-*` temporary appears in
    the store) or ends; 1 if it was seen writing."""
    while process.poll() is None:
        for folder in (store / "versions", store):
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            if any(".new-" in name for name in names):
                return 1
        time.sleep(0.001)
    return 0


def kills(rounds: int, rng: random.Random) -> None:
    from dashboard.cli import main
    from dashboard.core.problems import DatasetError

    print(f"2. kill -9 during an ingest, {rounds} rounds:")
    with tempfile.TemporaryDirectory(prefix="fault-kills-") as tmp:
        work, home = Path(tmp), Path(tmp) / "home"
        store = home / "store"
        command = [sys.executable, "-m", "dashboard", "ingest", "tidy-csv"]
        started = time.monotonic()
        subprocess.run([*command, str(write_round("tidy-csv", work, "1000")), "--home",
                        str(home)], cwd=ROOT, check=True, capture_output=True)
        full = time.monotonic() - started
        print(f"  one ingest takes {full:.1f} s; half the kills come after a random 0–"
              f"{1.1 * full:.1f} s, half 0–20 ms after the new version starts being written")
        tally = Counter[str]()
        period = 1001
        for _ in range(rounds):
            target = write_round("tidy-csv", work, str(period))
            period += 1
            before = (store / "CURRENT").read_text(encoding="utf-8").strip()
            process = subprocess.Popen([*command, str(target), "--home", str(home)], cwd=ROOT,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0, 1.1 * full))
            else:
                tally["killed while writing (aimed)"] += _until_writing(store, process)
                time.sleep(rng.uniform(0, 0.02))
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            tally["killed" if process.returncode == -signal.SIGKILL else "finished first"] += 1
            try:
                loaded = read_dataset(store)
                tally["store loads"] += 1
                status = loaded.store
                if status is not None and status.fallback:
                    tally["loaded at an older version"] += 1
                if status is not None and status.version != before:
                    tally["new version live after the kill"] += 1
            except DatasetError:
                tally["store does not load"] += 1
            if leftovers(home):
                tally["temporaries left by the kill"] += 1
            follow = write_round("tidy-csv", work, str(period))
            period += 1
            with open(os.devnull, "w") as quiet:
                saved = sys.stdout, sys.stderr
                sys.stdout = sys.stderr = quiet
                try:
                    code = main(["ingest", "tidy-csv", str(follow), "--home", str(home)])
                finally:
                    sys.stdout, sys.stderr = saved
            tally["next ingest succeeded" if code == 0 else "next ingest failed"] += 1
            left = leftovers(home)
            tally["leftovers after the next ingest"] += len(left)
        obs = read_dataset(store).observations
        expected = {str(p) for p in range(1000, period) if (p - 1000) % 2 == 0}
        missing = expected - set(obs.loc[obs["indicator_id"] == TIDY_INDICATOR, "period"])
        for key in ("killed", "killed while writing (aimed)", "finished first", "store loads",
                    "store does not load",
                    "loaded at an older version", "new version live after the kill",
                    "temporaries left by the kill", "next ingest succeeded",
                    "next ingest failed", "leftovers after the next ingest"):
            print(f"  {key:34s} {tally[key]:4d}")
        print(f"  follow-up rounds missing from the final version: {len(missing)}; "
              f"{time.monotonic() - started:.0f} s in all")


# --- 3. fuzzed callbacks ----------------------------------------------------------------

VIEWS = [("/", ""), ("/map", ""), ("/compare", ""), ("/profile", "?area=1280SD08"),
         ("/groups", "?ind=ohalsotal"), ("/trends", "?ind=forvarvsfrekvens"),
         ("/gradient", "?ind=ohalsotal"), ("/potential", ""), ("/index", ""),
         ("/overview", "")]
NAMES = [p.field for p in PARAMS] + ["w:ohalsotal", "w:forvarvsfrekvens", "w:", "nosuch", ""]
WORDS = ["", "ohalsotal", "forvarvsfrekvens", "1280SD08", "1280DO1", "2012", "1999", "female",
         "male", "total", "age", "sex", "value", "name", "delomrade", "en", "sv", "zz",
         "../etc", "<b>x</b>", "ä" * 90, "NaN", "-inf", "1e999", "\u0000", "a,b,c"]


def random_json(rng: random.Random, real: list[str], depth: int = 0) -> Any:
    """A random JSON value: null, booleans, integers (also huge), floats, strings (some of
    them `real` values of the data), lists and objects nested up to three deep."""
    kinds = ["null", "bool", "int", "big", "float", "word", "text", "real", "list", "object"]
    kind = rng.choice(kinds if depth < 3 else kinds[:8])
    if kind == "null":
        return None
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.choice([0, 1, -1, 2, 3, 5, 10, 100, 2012, rng.randint(-5000, 5000)])
    if kind == "big":
        return rng.choice([-1, 1]) * rng.randint(2**53, 10**40)
    if kind == "float":
        return rng.choice([0.5, -0.0, 1e308, -1e-308, rng.uniform(-1e9, 1e9)])
    if kind == "word":
        return rng.choice(WORDS)
    if kind == "text":
        return "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(20)))
    if kind == "real":
        return rng.choice(real)
    if kind == "list":
        return [random_json(rng, real, depth + 1) for _ in range(rng.randrange(5))]
    return {rng.choice(WORDS): random_json(rng, real, depth + 1)
            for _ in range(rng.randrange(4))}


def fuzz(cases: int, rng: random.Random) -> None:
    print(f"3. {cases} random (control, value) pairs posted to the interact callback "
          f"on {len(VIEWS)} views (each "
          "view goes on from its last change):")
    ds = read_dataset(DEFAULT_DATA)
    app = create_app(ds)
    client = app.server.test_client()
    obs = ds.observations
    indicators = sorted(ds.indicators["id"])
    plausible: dict[str, list[Any]] = {
        "lang": ["sv", "en"], "indicator": indicators, "order": indicators,
        "period": sorted(set(obs["period"])), "sex": sorted(set(obs["sex"])),
        "dimension": sorted(set(obs["dimension"])), "group": sorted(set(obs["group"])),
        "level": sorted(set(ds.areas["level"])), "area": sorted(ds.areas["code"]),
        "split": ["sex", "age", *sorted(set(obs["dimension"]))], "sort": ["name", "value"],
        "sel": [rng.sample(indicators, k) for k in (1, 2, 3, 5)],
        "topic": sorted(set(ds.indicators["topic"])), "w:ohalsotal": [0, 0.5, 1, 2, 3],
        "w:forvarvsfrekvens": [0, 1, 2]}
    real = sorted({str(v) for values in plausible.values() for v in values
                   if not isinstance(v, list)})
    views = []
    for path, search in VIEWS:
        response = client.post("/_dash-update-component",
                               json=navigate_body(app, path, search))
        views.append(json.loads(response.data)["response"]["view"]["data"])
    codes = Counter[int]()
    types = Counter[str]()
    worst: list[tuple[int, str, str]] = []
    redrawn = 0
    started = time.monotonic()
    for _ in range(cases):
        at = rng.randrange(len(views))
        view = views[at]
        name = rng.choice(NAMES) if rng.random() < 0.9 else random_json(rng, real)
        value = random_json(rng, real)
        if isinstance(name, str) and name in plausible and rng.random() < 0.3:
            value = rng.choice(plausible[name])
        types[type(value).__name__] += 1
        response = client.post("/_dash-update-component",
                               json=interact_body(app, view, name, value))
        codes[response.status_code] += 1
        if response.status_code == 200 and len(response.data) > 100:
            redrawn += 1
            drawn = json.loads(response.data)["response"].get("view", {}).get("data")
            if isinstance(drawn, dict) and drawn.get("path") == view["path"]:
                views[at] = drawn  # go on from the changed view
        if response.status_code >= 500 and len(worst) < 5:
            worst.append((response.status_code, view["path"], repr((name, value))[:120]))
    elapsed = time.monotonic() - started
    print("  value types: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    print("  status codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(codes.items())))
    server_errors = sum(v for k, v in codes.items() if k >= 500)
    print(f"  5xx: {server_errors}; {redrawn} calls redrew the view, the rest were ignored "
          f"as invalid or unchanged; {1000 * elapsed / max(cases, 1):.1f} ms per call")
    for code, path, case in worst:
        print(f"  {code} on {path}: {case}")


# --- 4. an oversized body ---------------------------------------------------------------

SERVER = r"""
import logging, resource, sys, threading
from werkzeug.serving import make_server
from dashboard.app.factory import create_app
from dashboard.app.settings import DEFAULT_DATA
from dashboard.store.dataset import read_dataset

logging.getLogger("werkzeug").setLevel(logging.ERROR)
app = create_app(read_dataset(DEFAULT_DATA))
server = make_server("127.0.0.1", 0, app.server, threaded=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(server.server_port, flush=True)
for line in sys.stdin:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
"""


def _post_big(port: int, path: str, size: int) -> tuple[int | str, int, float]:
    """POST `size` bytes (declared in Content-Length, sent in 64 KiB pieces from a second
    thread) and read the answer; return the status, the bytes the client got to send and the
    seconds until the answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", str(size))
    connection.endheaders()
    sent = [0]
    piece = b" " * 2**16
    sock = connection.sock

    def send() -> None:
        try:
            while sent[0] < size:
                n = min(len(piece), size - sent[0])
                sock.sendall(piece[:n])
                sent[0] += n
        except OSError:
            pass

    sender = threading.Thread(target=send, daemon=True)
    started = time.monotonic()
    sender.start()
    try:
        response = connection.getresponse()
        status: int | str = response.status
        response.read()
    except OSError as exc:
        status = type(exc).__name__
    elapsed = time.monotonic() - started
    sender.join(timeout=30)
    connection.close()
    return status, sent[0], elapsed


def _measure(limit_mb: float | None, posts: list[tuple[str, int, str]]) -> None:
    """Start a server with the limit `limit_mb` (None: the default), warm it up, then POST
    each (path, size, label) and print a row per post."""
    env = {k: v for k, v in os.environ.items() if k != "DASHBOARD_MAX_REQUEST_MB"}
    if limit_mb is not None:
        env["DASHBOARD_MAX_REQUEST_MB"] = f"{limit_mb:g}"
    server = subprocess.Popen([sys.executable, "-c", SERVER], cwd=ROOT, env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert server.stdin is not None and server.stdout is not None
    try:
        port = int(server.stdout.readline())

        def peak_kib() -> int:
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write("rss\n")
            server.stdin.flush()
            return int(server.stdout.readline())

        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        warm.request("GET", "/")
        warm.getresponse().read()
        warm.close()
        for path, size, label in posts:
            before = peak_kib()
            status, sent, elapsed = _post_big(port, path, size)
            after = peak_kib()
            print(f"  {label:52s} {status!s:>6s} {sent / 2**20:9.1f} MB {elapsed:9.2f} "
                  f"{(after - before) / 1024:16.1f}")
    finally:
        server.kill()
        server.wait(timeout=30)


def oversized(megabytes: float) -> None:
    size = int(megabytes * 2**20)
    print(f"4. A {megabytes:g} MB body over loopback to a server in its own process "
          "(limit: DASHBOARD_MAX_REQUEST_MB, default 8); the control raises the limit so the "
          "same body is read:")
    print(f"  {'route':52s} {'status':>6s} {'client sent':>12s} {'answer s':>9s} "
          f"{'server peak +MB':>16s}")
    _measure(None, [("/_dash-update-component", size, "/_dash-update-component"),
                    ("/export/bars/csv", size, "/export/bars/csv")])
    control = 2 * megabytes
    _measure(control, [("/_dash-update-component", size,
                        f"/_dash-update-component (control: limit {control:g} MB)")])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--fuzz", type=int, default=1500)
    parser.add_argument("--body-mb", type=float, default=50.0)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    started = time.monotonic()
    two_writers(args.seconds)
    kills(args.kills, rng)
    fuzz(args.fuzz, rng)
    oversized(args.body_mb)
    print(f"All runs: {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
