"""Accounts of those who add data: password hashing, password rules, signing in with a
lockout, and the account changes that `dashboard users` and the accounts page make.

Passwords are hashed with Argon2id (argon2-cffi's defaults, the RFC 9106 "low memory"
profile); a hash made with other parameters is replaced on the next successful sign-in.

Password rules follow NIST SP 800-63B-4 (2024), section 3.1.1.2: a password that is the only
factor must be at least 15 characters, any characters are allowed, at least 64 must be
accepted and no composition rules are imposed. We accept up to 1024 and refuse a password
that is the account's name.

Lockout: after MAX_FAILURES (10) wrong passwords in a row an account is locked for
LOCK_MINUTES (15). NIST SP 800-63B-4 section 3.2.2 asks for a limit of at most 100
consecutive failures; the OWASP Authentication Cheat Sheet ("Account Lockout") suggests a
threshold, a lock duration and a reset on success, which is what this does. The address-based
rate limit of the sign-in form (app/auth) slows guessing across accounts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.store.backend import ROLES, Account, AccountStore, AuditEvent

MIN_PASSWORD_LENGTH = 15
MAX_PASSWORD_LENGTH = 1024
MAX_FAILURES = 10
LOCK_MINUTES = 15
MAX_NAME_LENGTH = 64
HASHER = PasswordHasher()
# A name is one word of letters, digits and . _ @ - (an e-mail address works).
_NAME = re.compile(r"^[\w.@+-]+$")

Log = Callable[[AuditEvent], None]
OK, WRONG, LOCKED = "ok", "wrong", "locked"


class AccountError(ValueError):
    """An account change that was refused; `code` names the reason, nothing was changed."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: `status` is OK, WRONG or LOCKED; `account` only when OK.
    An unknown name gives WRONG, exactly as a wrong password does."""

    status: str
    account: Account | None = None
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK


def hash_password(password: str, hasher: PasswordHasher = HASHER) -> str:
    """An Argon2id hash of `password` with a fresh salt."""
    return hasher.hash(password)


def verify_password(password_hash: str, password: str, hasher: PasswordHasher = HASHER) -> bool:
    """Whether `password` matches `password_hash` (False for a malformed hash)."""
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str, hasher: PasswordHasher = HASHER) -> bool:
    """Whether the hash was made with other parameters than `hasher` uses now."""
    try:
        return hasher.check_needs_rehash(password_hash)
    except (InvalidHashError, ValueError):
        return True


@lru_cache(maxsize=4)
def _dummy_hash(hasher: PasswordHasher) -> str:
    return hasher.hash("no account has this password")


def password_problem(password: str, name: str = "") -> str | None:
    """Why `password` may not be used ('password_short', 'password_long',
    'password_is_name'), or None when it may."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "password_short"
    if len(password) > MAX_PASSWORD_LENGTH:
        return "password_long"
    if name and password.strip().casefold() == name.casefold():
        return "password_is_name"
    return None


PASSWORD_MESSAGES = {
    "password_short": f"the password must be at least {MIN_PASSWORD_LENGTH} characters",
    "password_long": f"the password may be at most {MAX_PASSWORD_LENGTH} characters",
    "password_is_name": "the password may not be the account's name",
}


def authenticate(accounts: AccountStore, name: str, password: str, now: datetime, *,
                 log: Log | None = None, hasher: PasswordHasher = HASHER) -> SignIn:
    """Check a name and password. A password is always verified against some hash (a dummy
    one for an unknown name), so the answer takes about as long either way. Failures are
    counted on the account and lock it for LOCK_MINUTES after MAX_FAILURES in a row; a
    success resets the count. The password itself is never logged."""
    account = accounts.account(name) if name else None
    if account is None or account.password_hash is None:
        verify_password(_dummy_hash(hasher), password, hasher)
        if log is not None:
            # The name typed is not logged for an unknown account: it may be a password.
            subject = account.name if account is not None else ""
            log(AuditEvent(now, subject, "sign_in_failed", subject,
                           "no password sign-in" if account is not None else "unknown name"))
        return SignIn(WRONG)
    locked = account.locked_until is not None and now < account.locked_until
    matches = verify_password(account.password_hash, password, hasher)
    if locked:
        if log is not None:
            log(AuditEvent(now, account.name, "sign_in_failed", account.name, "locked"))
        return SignIn(LOCKED, locked_until=account.locked_until)
    if not matches:
        failures = 1 if account.locked_until is not None else account.failures + 1
        if failures >= MAX_FAILURES:
            until = now + timedelta(minutes=LOCK_MINUTES)
            accounts.save_account(replace(account, failures=0, locked_until=until))
            if log is not None:
                log(AuditEvent(now, account.name, "sign_in_failed", account.name,
                               "wrong password"))
                log(AuditEvent(now, account.name, "locked", account.name,
                               f"{MAX_FAILURES} failures in a row; until {until.isoformat()}"))
            return SignIn(LOCKED, locked_until=until)
        accounts.save_account(replace(account, failures=failures, locked_until=None))
        if log is not None:
            log(AuditEvent(now, account.name, "sign_in_failed", account.name,
                           f"wrong password ({failures} in a row)"))
        return SignIn(WRONG)
    fresh = account
    if needs_rehash(account.password_hash, hasher):
        fresh = replace(fresh, password_hash=hash_password(password, hasher))
    if fresh.failures or fresh.locked_until is not None:
        fresh = replace(fresh, failures=0, locked_until=None)
    if fresh != account:
        accounts.save_account(fresh)
    if log is not None:
        log(AuditEvent(now, account.name, "sign_in", account.name, "password"))
    return SignIn(OK, fresh)


def sign_in_subject(accounts: AccountStore, subject: str, now: datetime, *,
                    log: Log | None = None) -> Account | None:
    """The account an OpenID Connect subject ('issuer|sub') is linked to, or None (refused,
    logged); a locked account is refused too."""
    account = accounts.account_by_subject(subject)
    if account is None or (account.locked_until is not None and now < account.locked_until):
        if log is not None:
            who = account.name if account is not None else ""
            log(AuditEvent(now, who, "sign_in_failed", who,
                           f"openid subject {subject}" + (" (locked)" if account else "")))
        return None
    if log is not None:
        log(AuditEvent(now, account.name, "sign_in", account.name, "openid"))
    return account


def check_name(name: str) -> None:
    """Refuse a sign-in name that is empty, too long or not one word."""
    if not name or len(name) > MAX_NAME_LENGTH or not _NAME.match(name):
        raise AccountError("bad_name", f"an account name is one word of at most "
                                       f"{MAX_NAME_LENGTH} letters, digits and . _ @ + -, "
                                       f"not {name!r}")


def check_role(role: str) -> None:
    """Refuse a role that is not one of ROLES."""
    if role not in ROLES:
        raise AccountError("bad_role", f"unknown role {role!r}; roles: {', '.join(ROLES)}")


def _check_subject(subject: str) -> None:
    issuer, bar, sub = subject.partition("|")
    if not bar or not issuer.strip() or not sub.strip():
        raise AccountError("bad_subject", "an OpenID subject is written 'ISSUER|SUB', e.g. "
                                          "'https://login.example.se|12345'")


def add_account(accounts: AccountStore, name: str, role: str, organisation: str, *,
                password: str | None = None, subject: str | None = None, by: str,
                now: datetime, log: Log, hasher: PasswordHasher = HASHER) -> Account:
    """Create an account that signs in with a password or an OpenID subject (exactly one)."""
    check_name(name)
    check_role(role)
    organisation = organisation.strip()
    if not organisation:
        raise AccountError("no_organisation", "an account needs an organisation")
    if (password is None) == (subject is None):
        raise AccountError("sign_in_kind", "give either a password or an OpenID subject")
    if accounts.account(name) is not None:
        raise AccountError("exists", f"an account named {name!r} exists already")
    password_hash = None
    if password is not None:
        problem = password_problem(password, name)
        if problem is not None:
            raise AccountError(problem, PASSWORD_MESSAGES[problem])
        password_hash = hash_password(password, hasher)
    if subject is not None:
        _check_subject(subject)
        taken = accounts.account_by_subject(subject)
        if taken is not None:
            raise AccountError("subject_taken", f"that OpenID subject already signs in as "
                                                f"{taken.name!r}")
    account = Account(name, role, organisation, password_hash=password_hash, subject=subject)
    accounts.save_account(account)
    kind = "password" if password is not None else f"openid {subject}"
    log(AuditEvent(now, by, "user_add", name, f"role {role}, organisation {organisation}, "
                                              f"{kind}"))
    return account


def _existing(accounts: AccountStore, name: str) -> Account:
    account = accounts.account(name)
    if account is None:
        raise AccountError("unknown", f"there is no account named {name!r}")
    return account


def set_role(accounts: AccountStore, name: str, role: str, *, by: str, now: datetime,
             log: Log) -> Account:
    """Give an account another role; it takes effect on the account's next request."""
    check_role(role)
    account = _existing(accounts, name)
    changed = replace(account, role=role)
    accounts.save_account(changed)
    log(AuditEvent(now, by, "user_role", name, f"{account.role} -> {role}"))
    return changed


def set_organisation(accounts: AccountStore, name: str, organisation: str, *, by: str,
                     now: datetime, log: Log) -> Account:
    """Move an account to another organisation (what it adds is attributed to that one)."""
    organisation = organisation.strip()
    if not organisation:
        raise AccountError("no_organisation", "an account needs an organisation")
    account = _existing(accounts, name)
    changed = replace(account, organisation=organisation)
    accounts.save_account(changed)
    log(AuditEvent(now, by, "user_organisation", name,
                   f"{account.organisation} -> {organisation}"))
    return changed


def set_password(accounts: AccountStore, name: str, password: str, *, by: str, now: datetime,
                 log: Log, hasher: PasswordHasher = HASHER) -> Account:
    """Give an account a new password (it also opens a locked account). Sessions signed in
    with the old one end on their next request; the password itself is never logged."""
    account = _existing(accounts, name)
    if account.subject is not None:
        raise AccountError("openid_account", f"{name!r} signs in through OpenID Connect and "
                                             f"has no password")
    problem = password_problem(password, name)
    if problem is not None:
        raise AccountError(problem, PASSWORD_MESSAGES[problem])
    changed = replace(account, password_hash=hash_password(password, hasher), failures=0,
                      locked_until=None)
    accounts.save_account(changed)
    log(AuditEvent(now, by, "user_password", name))
    return changed


def unlock_account(accounts: AccountStore, name: str, *, by: str, now: datetime,
                   log: Log) -> Account:
    """Open an account locked after failed sign-ins, and reset its count of failures."""
    account = _existing(accounts, name)
    changed = replace(account, failures=0, locked_until=None)
    accounts.save_account(changed)
    log(AuditEvent(now, by, "user_unlock", name))
    return changed


def remove_account(accounts: AccountStore, name: str, *, by: str, now: datetime,
                   log: Log) -> None:
    """Remove an account; a session it has open ends on its next request."""
    _existing(accounts, name)
    accounts.remove_account(name)
    log(AuditEvent(now, by, "user_remove", name))
