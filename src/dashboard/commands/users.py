"""`dashboard users`: the accounts of those who add, publish or administer data.

  dashboard users add NAME --role R --organisation O [--password-stdin | --oidc-subject S]
  dashboard users list
  dashboard users remove NAME
  dashboard users role NAME ROLE
  dashboard users organisation NAME ORGANISATION
  dashboard users password NAME [--password-stdin]
  dashboard users unlock NAME

Without --password-stdin (or, for add, --oidc-subject) the password is asked for twice (not
shown).
A password is never printed or logged. Every change is written to the store's audit log.
The store is --store, else DASHBOARD_STORE, else the user's store.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from typing import Protocol

from dashboard.app.settings import load_settings
from dashboard.store.accounts import (
    PASSWORD_MESSAGES,
    AccountError,
    add_account,
    check_name,
    check_role,
    password_problem,
    remove_account,
    set_organisation,
    set_password,
    set_role,
    unlock_account,
)
from dashboard.store.backend import ROLES, Account, AccountStore, AuditEvent, StoreRefused


class Store(AccountStore, Protocol):
    """A store with accounts and an audit log."""

    def log(self, event: AuditEvent) -> None:
        """Add a line to the audit log."""


def open_accounts(address: str) -> Store:
    """The store at `address` (a folder or a PostgreSQL address)."""
    from dashboard.store.open import open_store

    store: Store = open_store(address)
    return store


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):
        return "cli"


def _fail(message: str) -> int:
    print(f"dashboard users: {message}", file=sys.stderr)
    return 1


def _read_password(args: argparse.Namespace) -> str | None:
    """The new password from stdin or two prompts; None (after a message) when unusable."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    problem = password_problem(first, args.name)
    if problem is not None:
        _fail(PASSWORD_MESSAGES[problem])
        return None
    if getpass.getpass("Password again: ") != first:
        _fail("the two passwords differ; nothing was changed")
        return None
    return first


def _add(args: argparse.Namespace, store: Store) -> int:
    subject = args.oidc_subject
    password = None
    if subject is None:
        check_name(args.name)
        check_role(args.role)
        if store.account(args.name) is not None:
            return _fail(f"an account named {args.name!r} exists already; nothing was changed")
        password = _read_password(args)
        if password is None:
            return 1
    add_account(store, args.name, args.role, args.organisation, password=password,
                subject=subject, by=_actor(), now=datetime.now(UTC), log=store.log)
    kind = "a password" if subject is None else f"OpenID subject {subject}"
    print(f"Added {args.name} ({args.role}, {args.organisation}), signing in with {kind}")
    return 0


def _kind(account: Account) -> str:
    if account.subject is not None:
        return f"openid {account.subject}"
    return "password" if account.password_hash is not None else "-"


def _list(_args: argparse.Namespace, store: Store) -> int:
    rows = [("NAME", "ROLE", "ORGANISATION", "SIGN-IN", "LOCKED UNTIL")]
    now = datetime.now(UTC)
    for a in store.accounts():
        locked = a.locked_until.isoformat(timespec="minutes") \
            if a.locked_until is not None and a.locked_until > now else "-"
        rows.append((a.name, a.role, a.organisation, _kind(a), locked))
    if len(rows) == 1:
        print("No accounts yet: add one with `dashboard users add NAME --role R "
              "--organisation O`")
        return 0
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _remove(args: argparse.Namespace, store: Store) -> int:
    remove_account(store, args.name, by=_actor(), now=datetime.now(UTC), log=store.log)
    print(f"Removed {args.name}; a session it has open ends on its next request")
    return 0


def _role(args: argparse.Namespace, store: Store) -> int:
    account = set_role(store, args.name, args.role, by=_actor(), now=datetime.now(UTC),
                       log=store.log)
    print(f"{account.name} is now {account.role}")
    return 0


def _organisation(args: argparse.Namespace, store: Store) -> int:
    account = set_organisation(store, args.name, args.organisation, by=_actor(),
                               now=datetime.now(UTC), log=store.log)
    print(f"{account.name} now adds data for {account.organisation}")
    return 0


def _password(args: argparse.Namespace, store: Store) -> int:
    if store.account(args.name) is None:
        return _fail(f"there is no account named {args.name!r}; nothing was changed")
    password = _read_password(args)
    if password is None:
        return 1
    set_password(store, args.name, password, by=_actor(), now=datetime.now(UTC), log=store.log)
    print(f"{args.name} has a new password; its open sessions end on their next request")
    return 0


def _unlock(args: argparse.Namespace, store: Store) -> int:
    unlock_account(store, args.name, by=_actor(), now=datetime.now(UTC), log=store.log)
    print(f"{args.name} is unlocked")
    return 0


ACTIONS = {"add": _add, "list": _list, "remove": _remove, "role": _role,
           "organisation": _organisation, "password": _password, "unlock": _unlock}


def run(args: argparse.Namespace) -> int:
    """Carry out `dashboard users ACTION`; 1 with a message when refused."""
    address = args.store or load_settings().store
    try:
        store = open_accounts(address)
        return ACTIONS[args.action](args, store)
    except (AccountError, StoreRefused) as exc:
        return _fail(f"{exc}; nothing was changed")
    except (OSError, ValueError) as exc:
        return _fail(f"cannot use the store {address}: {exc}")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add `users` and its actions to the `dashboard` command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help="the store: a folder or a postgresql:// address "
                                        "(default: DASHBOARD_STORE, else the user's store)")
    users = subparsers.add_parser("users", help="accounts of those who add data")
    actions = users.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[common], help="add an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, help=f"one of {', '.join(ROLES)}")
    add.add_argument("--organisation", required=True)
    how = add.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input")
    how.add_argument("--oidc-subject", metavar="ISSUER|SUB",
                     help="sign in through OpenID Connect as this subject, no password")
    actions.add_parser("list", parents=[common], help="list the accounts")
    remove = actions.add_parser("remove", parents=[common], help="remove an account")
    remove.add_argument("name")
    role = actions.add_parser("role", parents=[common], help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", help=f"one of {', '.join(ROLES)}")
    organisation = actions.add_parser("organisation", parents=[common],
                                      help="move an account to another organisation")
    organisation.add_argument("name")
    organisation.add_argument("organisation")
    password = actions.add_parser("password", parents=[common],
                                  help="give an account a new password (also unlocks it)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true",
                          help="read the password from the first line of standard input")
    unlock = actions.add_parser("unlock", parents=[common],
                                help="open an account locked after failed sign-ins")
    unlock.add_argument("name")
    users.set_defaults(func=run)
