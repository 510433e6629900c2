"""`dashboard store migrate FROM TO`: copy a store (a folder or a PostgreSQL URL) into an
empty one, e.g. the folder store into the database several app servers share.

Exit status: 0 copied; 1 nothing was copied (the message says why).
"""

from __future__ import annotations

import argparse
import sys

from dashboard.core.problems import DatasetError
from dashboard.store.backend import StoreRefused, StoreUnavailable
from dashboard.store.migrate import MigrationError, migrate
from dashboard.store.open import open_store


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the `store` subcommand and its `migrate` action."""
    parser = subparsers.add_parser("store", help="manage the data store",
                                   description="Manage the data store.")
    actions = parser.add_subparsers(dest="action", required=True)
    move = actions.add_parser(
        "migrate", help="copy a store into an empty one",
        description="Copy every kept version (the same one live), the records, the waiting "
                    "drafts, the audit log and the accounts of one store into an empty one. "
                    "A store is a folder or a postgresql:// URL.")
    move.add_argument("source", metavar="FROM", help="the store to copy")
    move.add_argument("target", metavar="TO", help="the empty store to copy into")
    move.set_defaults(func=run_migrate)


def run_migrate(args: argparse.Namespace) -> int:
    """Copy the store and print what was copied; return the exit status."""
    try:
        report = migrate(open_store(args.source), open_store(args.target))
    except (MigrationError, StoreRefused, StoreUnavailable, DatasetError, OSError) as error:
        print(f"dashboard store migrate: {error}", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    return 0
