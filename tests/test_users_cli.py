"""`dashboard users`: add, list, change the role of and remove accounts; refusals are clear,
exit 1 and change nothing; a password is never printed."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dashboard.commands import users
from dashboard.store.accounts import MAX_FAILURES, authenticate, verify_password
from dashboard.store.files import FileStore

PASSWORD = "a long enough pass phrase"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dashboard")
    users.add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileStore:
    monkeypatch.setenv("DASHBOARD_STORE", str(tmp_path / "store"))
    return FileStore(tmp_path / "store")


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def add_anna(monkeypatch: pytest.MonkeyPatch) -> int:
    stdin(monkeypatch, PASSWORD + "\n")
    return run("users", "add", "anna", "--role", "contributor", "--organisation",
               "Region Skåne", "--password-stdin")


def test_add_with_password_from_stdin(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert add_anna(monkeypatch) == 0
    out = capsys.readouterr()
    assert "Added anna (contributor, Region Skåne), signing in with a password" in out.out
    assert PASSWORD not in out.out + out.err
    account = store.account("anna")
    assert account is not None and account.password_hash is not None
    assert verify_password(account.password_hash, PASSWORD)
    event = store.audit(1)[0]
    assert (event.action, event.subject) == ("user_add", "anna")
    assert PASSWORD not in event.detail


def test_add_prompts_twice_without_echo(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([PASSWORD, PASSWORD])
    prompts: list[str] = []

    def getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(users.getpass, "getpass", getpass)
    assert run("users", "add", "bo", "--role", "admin", "--organisation", "Malmö stad",
               "--store", str(store.root)) == 0
    assert prompts == ["Password: ", "Password again: "]
    assert store.account("bo") is not None
    assert PASSWORD not in capsys.readouterr().out


def test_prompted_passwords_that_differ_change_nothing(
        store: FileStore, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr(users.getpass, "getpass", lambda prompt="": next(answers))
    assert run("users", "add", "bo", "--role", "admin", "--organisation", "Malmö stad") == 1
    assert "the two passwords differ" in capsys.readouterr().err
    assert store.accounts() == []


def test_add_with_an_openid_subject(store: FileStore) -> None:
    assert run("users", "add", "cy", "--role", "publisher", "--organisation", "Malmö stad",
               "--oidc-subject", "https://login.example.se|4711") == 0
    account = store.account_by_subject("https://login.example.se|4711")
    assert account is not None and account.name == "cy" and account.password_hash is None


@pytest.mark.parametrize(("argv", "password", "message"), [
    (["--role", "boss", "--organisation", "X"], PASSWORD, "unknown role 'boss'"),
    (["--role", "admin", "--organisation", "X"], "too short", "at least 15 characters"),
    (["--role", "admin", "--organisation", " "], PASSWORD, "needs an organisation"),
])
def test_add_refused(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str], argv: list[str], password: str,
                     message: str) -> None:
    stdin(monkeypatch, password + "\n")
    assert run("users", "add", "dan", *argv, "--password-stdin") == 1
    err = capsys.readouterr().err
    assert message in err and "nothing was changed" in err
    assert store.accounts() == [] and store.audit() == []


def test_an_existing_name_is_refused(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    add_anna(monkeypatch)
    before = store.account("anna")
    assert add_anna(monkeypatch) == 1
    assert "an account named 'anna' exists already" in capsys.readouterr().err
    assert store.account("anna") == before


def test_a_subject_linked_twice_is_refused(store: FileStore,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    subject = "https://login.example.se|4711"
    run("users", "add", "cy", "--role", "publisher", "--organisation", "M", "--oidc-subject",
        subject)
    assert run("users", "add", "dy", "--role", "publisher", "--organisation", "M",
               "--oidc-subject", subject) == 1
    assert "already signs in as 'cy'" in capsys.readouterr().err
    assert store.account("dy") is None


def test_list_shows_a_table(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    assert run("users", "list") == 0
    assert "No accounts yet" in capsys.readouterr().out
    add_anna(monkeypatch)
    run("users", "add", "cy", "--role", "publisher", "--organisation", "Malmö stad",
        "--oidc-subject", "https://login.example.se|4711")
    capsys.readouterr()
    assert run("users", "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "ORGANISATION", "SIGN-IN", "LOCKED", "UNTIL"]
    assert lines[1].split() == ["anna", "contributor", "Region", "Skåne", "password", "-"]
    assert lines[2].split()[:2] == ["cy", "publisher"]
    assert "openid https://login.example.se|4711" in lines[2]
    assert "$argon2" not in "\n".join(lines)


def test_role_and_remove(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    add_anna(monkeypatch)
    assert run("users", "role", "anna", "publisher") == 0
    assert store.account("anna").role == "publisher"  # type: ignore[union-attr]
    assert run("users", "role", "anna", "king") == 1
    assert "unknown role 'king'" in capsys.readouterr().err
    assert run("users", "remove", "anna") == 0
    assert store.account("anna") is None
    assert [e.action for e in store.audit()][:3] == ["user_remove", "user_role", "user_add"]
    for argv in (("remove", "anna"), ("role", "anna", "admin")):
        assert run("users", *argv) == 1
        assert "there is no account named 'anna'" in capsys.readouterr().err


def test_password_unlock_and_organisation(store: FileStore, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    add_anna(monkeypatch)
    for _ in range(MAX_FAILURES):
        authenticate(store, "anna", "wrong guess, many times", NOW, log=store.log)
    assert store.account("anna").locked_until is not None  # type: ignore[union-attr]
    assert run("users", "unlock", "anna") == 0
    assert authenticate(store, "anna", PASSWORD, NOW).ok
    new = "another long pass phrase"
    stdin(monkeypatch, new + "\n")
    assert run("users", "password", "anna", "--password-stdin") == 0
    out = capsys.readouterr()
    assert "anna has a new password" in out.out and new not in out.out + out.err
    assert authenticate(store, "anna", new, NOW).ok
    assert not authenticate(store, "anna", PASSWORD, NOW).ok
    assert run("users", "organisation", "anna", "Lunds universitet") == 0
    assert store.account("anna").organisation == "Lunds universitet"  # type: ignore[union-attr]
    actions = [e.action for e in store.audit(3)]
    assert actions == ["user_organisation", "user_password", "user_unlock"]


def test_password_unlock_and_organisation_refused(
        store: FileStore, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    add_anna(monkeypatch)
    run("users", "add", "cy", "--role", "publisher", "--organisation", "Malmö stad",
        "--oidc-subject", "https://login.example.se|4711")
    capsys.readouterr()
    before = store.account("anna")
    stdin(monkeypatch, "too short\n")
    assert run("users", "password", "anna", "--password-stdin") == 1
    assert "at least 15 characters; nothing was changed" in capsys.readouterr().err
    stdin(monkeypatch, PASSWORD + "\n")
    assert run("users", "password", "cy", "--password-stdin") == 1
    assert "signs in through OpenID Connect" in capsys.readouterr().err
    assert run("users", "organisation", "anna", "  ") == 1
    assert "needs an organisation" in capsys.readouterr().err
    for argv in (("unlock", "nobody"), ("password", "nobody"), ("organisation", "nobody", "X")):
        assert run("users", *argv) == 1
        assert "there is no account named 'nobody'" in capsys.readouterr().err
    assert store.account("anna") == before
