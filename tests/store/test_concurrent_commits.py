"""Writers at the same time (issue 11, item 8): commits go one at a time under the store's
lock, each on top of the newest version, so no writer's rows are lost; a writer killed while
holding the lock does not block the next; a writer that cannot commit says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.store import lock as store_lock
from dashboard.store.dataset import commit_version, read_dataset
from dashboard.store.lock import StoreBusy

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "live" / "fixtures"
SECONDS = 4.0

# Commits one new observation per round through the store's functions, as the browser
# upload does (merge_into, then commit_version); prints each committed period.
STORE_WRITER = r"""
import sys, time
from pathlib import Path
from dashboard.app.settings import DEFAULT_DATA
from dashboard.store.dataset import commit_version, is_store, read_dataset
from dashboard.store.merge import merge_into

root, first, seconds = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
default = read_dataset(DEFAULT_DATA)
template = default.observations.iloc[[0]]
end, n = time.monotonic() + seconds, 0
while time.monotonic() < end or n < 3:
    current = read_dataset(root) if is_store(root) else default
    period = str(first + n)
    new, _ = merge_into(current, {"observations": template.assign(period=period)},
                        label=f"writer {first}")
    commit_version(new, root)
    print(period, flush=True)
    n += 1
"""

# Runs `dashboard ingest tidy-csv` or `heat-file` once per round, each round with new
# periods; prints `round PERIOD STATUS` after each.
CLI_WRITER = r"""
import sys, time
from pathlib import Path
from dashboard.cli import main

source, fixture, work, home, first, seconds = sys.argv[1:7]
fixture, work, first = Path(fixture), Path(work), int(first)
end, n = time.monotonic() + float(seconds), 0
while time.monotonic() < end or n < 3:
    period = str(first + n)
    if source == "tidy-csv":
        target = work / f"round{n}"
        target.mkdir(parents=True)
        for path in fixture.iterdir():
            (target / path.name).write_text(path.read_text(encoding="utf-8")
                                            .replace(",2020,", f",{period},"), encoding="utf-8")
    else:
        target = work / f"round{n}.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fixture.read_text(encoding="utf-8").replace(",2012,", f",{period},"),
                          encoding="utf-8")
    status = main(["ingest", source, str(target), "--home", home])
    print("round", period, status, flush=True)
    n += 1
"""


def _start(script: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen[str]) -> list[str]:
    out, err = process.communicate(timeout=240)
    assert process.returncode == 0, err
    return out.split("\n")[:-1]


def test_two_store_writers_lose_no_commit(tmp_path: Path) -> None:
    root = tmp_path / "store"
    writers = [_start(STORE_WRITER, root, first, SECONDS) for first in (1100, 1500)]
    committed = [_finish(w) for w in writers]
    assert all(len(periods) >= 3 for periods in committed)
    final = read_dataset(root)
    stored = set(final.observations["period"])
    for periods in committed:
        assert set(periods) <= stored
    assert not [p for p in (root / "versions").iterdir() if p.name.startswith(".")]


def test_tidy_csv_and_heat_file_ingests_at_once_lose_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    writers = [
        _start(CLI_WRITER, "tidy-csv", FIXTURES / "tidy_csv", tmp_path / "tidy", home, 1100,
               SECONDS),
        _start(CLI_WRITER, "heat-file", FIXTURES / "heat_malmo.csv", tmp_path / "heat", home,
               1500, SECONDS),
    ]
    rounds = [[line.split()[1:] for line in _finish(w) if line.startswith("round ")]
              for w in writers]
    assert all(len(got) >= 3 for got in rounds)
    assert all(status == "0" for got in rounds for _, status in got)
    obs = read_dataset(home / "store").observations
    tidy = set(obs.loc[obs["indicator_id"] == "fixture_screening", "period"])
    heat = set(obs.loc[obs["indicator_id"] == "smoke", "period"])
    assert {period for period, _ in rounds[0]} <= tidy
    assert {period for period, _ in rounds[1]} <= heat


HOLDER = r"""
import sys, time
from dashboard.store.lock import writer_lock
with writer_lock(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(600)
"""


def _hold_lock(root: Path) -> subprocess.Popen[str]:
    holder = _start(HOLDER, root)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def test_writer_killed_while_holding_the_lock_does_not_block(tmp_path: Path,
                                                             dataset) -> None:
    root = tmp_path / "store"
    holder = _hold_lock(root)
    with pytest.raises(StoreBusy, match=f"process {holder.pid}"):
        commit_version(dataset, root, timeout=0.3)
    assert not (root / "CURRENT").exists()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    started = time.monotonic()
    name = commit_version(dataset, root, timeout=10)
    assert time.monotonic() - started < 5
    assert read_dataset(root).version == name


def test_ingest_that_cannot_take_the_lock_fails_and_says_so(tmp_path: Path, capsys,
                                                            monkeypatch) -> None:
    from dashboard.cli import main

    home = tmp_path / "home"
    holder = _hold_lock(home / "store")
    monkeypatch.setattr(store_lock, "LOCK_TIMEOUT", 0.3)
    try:
        status = main(["ingest", "tidy-csv", str(FIXTURES / "tidy_csv"), "--home", str(home)])
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    err = capsys.readouterr().err
    assert status == 1
    assert "failed while writing the new store version" in err
    assert f"process {holder.pid} has been writing to the store" in err
    assert "Nothing was changed" in err
    assert not (home / "store" / "CURRENT").exists()
