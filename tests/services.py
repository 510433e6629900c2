"""The PostgreSQL and Redis servers the test command starts (scripts/services.sh): a fresh
database per test, and the Redis address. Outside the test command the tests that need
them skip with the reason, except where DASHBOARD_REQUIRE_SERVICES=1 (the test command
sets it), so that a missing server fails there instead of passing quietly."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

NOT_STARTED = ("{name} is not running: run the suite with `bash scripts/test.sh`, which "
               "starts PostgreSQL and Redis from Debian's packages (scripts/services.sh)")


def _address(variable: str, name: str) -> str:
    url = os.environ.get(variable)
    if url:
        return url
    if os.environ.get("DASHBOARD_REQUIRE_SERVICES") == "1":
        pytest.fail(NOT_STARTED.format(name=name))
    pytest.skip(NOT_STARTED.format(name=name))


def _with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The address of a new, empty database, dropped after the test."""
    import psycopg

    server = _address("DASHBOARD_TEST_POSTGRES", "PostgreSQL")
    database = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    try:
        yield _with_database(server, database)
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture
def redis_url() -> Iterator[str]:
    """The address of a Redis database of this test worker's own, emptied after the test
    (workers running at once use different databases)."""
    import redis

    server = _address("DASHBOARD_TEST_REDIS", "Redis")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    url = f"{server}?db={1 + int(worker) % 15 if worker.isdigit() else 1}"
    yield url
    redis.Redis.from_url(url).flushdb()
