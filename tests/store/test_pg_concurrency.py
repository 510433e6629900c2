"""Publishers at the same time (issue 14, item 3): two app servers publishing different
drafts at once both land, one after the other, each on top of the version the other made
live; on PostgreSQL (serialised by the database) and on the folder store (by its lock)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from itertools import pairwise
from pathlib import Path

import pytest

from dashboard.store.backend import PUBLISHED, Contribution, Ledger
from dashboard.store.files import FileStore
from dashboard.store.postgres import PgStore
from tests.store.test_backends import contribution_tables, given, small_dataset

REPO = Path(__file__).resolve().parents[2]

# One app server: publishes the drafts named on the command line, starting at a given time.
PUBLISHER = r"""
import sys, time
from dashboard.store.open import open_store
address, start, names = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
store = open_store(address)
while time.time() < start:
    time.sleep(0.005)
for name in names:
    print(store.publish(name, by=f"server {names[0]}").version, flush=True)
"""


def _opener(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "files":
        return str(tmp_path / "store")
    return str(request.getfixturevalue("postgres_url"))


def _open(address: str) -> Ledger:
    if address.startswith("postgresql://"):
        return PgStore(address, small_dataset)
    return FileStore(address, small_dataset)


def _check_chain(store: Ledger, tags: list[str]) -> None:
    """Every contribution landed, each published on top of the one published before it."""
    live = store.live()
    assert live is not None
    assert {f"test_{t}" for t in tags} <= set(live.indicators["id"])
    published = sorted((r for r in store.records() if r.state == PUBLISHED and
                        r.contribution.file != "start"), key=lambda r: str(r.version))
    assert len(published) == len(tags)
    assert published[0].base is not None
    for before, after in pairwise(published):
        assert after.base == before.version
    assert store.live_name() == published[-1].version


@pytest.mark.parametrize("kind", ["files", "postgres"])
def test_two_threads_publishing_at_once_both_land(kind: str, tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    address = _opener(kind, tmp_path, request)
    setup = _open(address)
    setup.commit(small_dataset(), Contribution("cli", "", "", "start"))
    drafts = {tag: setup.add_draft(contribution_tables(tag), given(tag)).name
              for tag in ("a", "b")}
    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def publish(name: str) -> None:
        server = _open(address)  # each thread a server of its own
        barrier.wait()
        try:
            server.publish(name, by="per")
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=publish, args=(name,)) for name in drafts.values()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    _check_chain(_open(address), ["a", "b"])


@pytest.mark.parametrize("kind", ["postgres", "files"])
def test_two_processes_publishing_at_once_all_land(kind: str, tmp_path: Path,
                                                    request: pytest.FixtureRequest) -> None:
    address = _opener(kind, tmp_path, request)
    setup = _open(address)
    setup.commit(small_dataset(), Contribution("cli", "", "", "start"))
    tags = {"one": ["a0", "a1", "a2"], "two": ["b0", "b1", "b2"]}
    names = {server: [setup.add_draft(contribution_tables(t), given(t)).name for t in mine]
             for server, mine in tags.items()}
    start = time.time() + 2.0
    servers = [subprocess.Popen([sys.executable, "-c", PUBLISHER, address, str(start), *mine],
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for mine in names.values()]
    outputs = [server.communicate(timeout=300) for server in servers]
    assert [server.returncode for server in servers] == [0, 0], [err for _, err in outputs]
    versions = [line for out, _ in outputs for line in out.split()]
    assert len(set(versions)) == 6
    _check_chain(_open(address), [t for mine in tags.values() for t in mine])
