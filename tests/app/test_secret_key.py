"""Without DASHBOARD_SECRET_KEY every worker still signs sessions with one key: made once,
kept where only this user can read it."""

from __future__ import annotations

import stat

from dashboard.app.settings import SECRET_FILE, stored_secret


def test_the_key_is_made_once_and_kept_private(tmp_path) -> None:
    first = stored_secret(tmp_path / "home")
    assert len(first) >= 48
    assert stored_secret(tmp_path / "home") == first
    mode = stat.S_IMODE((tmp_path / "home" / SECRET_FILE).stat().st_mode)
    assert mode == 0o600


def test_each_machine_home_gets_its_own_key(tmp_path) -> None:
    assert stored_secret(tmp_path / "a") != stored_secret(tmp_path / "b")
