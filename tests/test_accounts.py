"""Account rules: a password policy that refuses the guessable, and one-time passwords people can read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from store import accounts
from store.accounts import AccountError, add_user, change_password, check_password_policy, one_time_password

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def low_cost(monkeypatch):
    """bcrypt at its lowest cost here, so the suite is fast (see test_production_keeps_bcrypt_cost_12)."""
    monkeypatch.setattr(accounts, "COST", 4)


@pytest.mark.parametrize(
    "password,rule",
    [
        ("short", "password_short"),
        ("aaaaaaaaaa", "password_common"),
        ("ababababab", "password_common"),
        ("1234567890", "password_common"),
        ("0987654321", "password_common"),
        ("qwertyuiop", "password_common"),
        ("Password123", "password_common"),
        ("Saraburi2565", "password_common"),
        ("somchai-2025-x", "password_is_username"),
        ("abcabcabcabc", "password_common"),  # issue 26: a short pattern repeated passed
        ("aA1!aA1!aA1!", "password_common"),
        ("limestone limestone", "password_common"),
        ("ช้างเผือกช้างเผือก", "password_common"),
        ("ช้างเผือก-ลานหิน-สระบุรี-ดี", "password_long"),  # 25 Thai characters and signs: 75 bytes
    ],
)
def test_guessable_passwords_are_refused_in_both_languages(password, rule):
    with pytest.raises(AccountError) as refused:
        check_password_policy("somchai", password)
    assert refused.value.rule == rule
    assert refused.value.text("th") != refused.value.text("en")


def test_a_reasonable_passphrase_passes():
    check_password_policy("somchai", "ช้างเผือก-ลานหิน-42")
    check_password_policy("somchai", "limestone river 7")


def test_one_time_passwords_avoid_look_alike_characters():
    for _ in range(200):
        otp = one_time_password()
        assert re.fullmatch(r"[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}", otp), otp


def test_change_password_applies_the_policy(con):
    otp = add_user(con, "nida", "analyst", "tester")
    with pytest.raises(AccountError) as refused:
        change_password(con, "nida", otp, "aaaaaaaaaa")
    assert refused.value.rule == "password_common"
    change_password(con, "nida", otp, "หินปูน-สระบุรี-ดี")


def test_a_long_thai_passphrase_is_refused_with_a_clear_message_not_a_crash(con):
    """Issue 26: bcrypt 5 raises over 72 bytes; a Thai passphrase of 25+ characters passed the policy, then crashed."""
    otp = add_user(con, "nida", "analyst", "tester")
    long = "ช้างเผือกลานหินสระบุรีเขาวง"  # 27 Thai characters, 81 bytes
    with pytest.raises(AccountError) as refused:
        change_password(con, "nida", otp, long)
    assert refused.value.rule == "password_long"
    assert "72" in refused.value.text("en") and "24" in refused.value.text("th") and "81" in refused.value.text("th")
    fits = "ช้างเผือก-ลานหิน-42-สระบุรี!"  # 72 bytes exactly
    assert len(fits.encode()) == accounts.MAX_PASSWORD_BYTES
    change_password(con, "nida", otp, fits)
    assert accounts.authenticate(con, "nida", fits) is not None
    assert accounts.authenticate(con, "nida", fits + "x") is None  # bcrypt would have cut it; refused instead


@pytest.mark.slow
def test_production_keeps_bcrypt_cost_12():
    """Tests hash at a low cost; the app, with no EIT_PASSWORD_COST, hashes at 12."""
    env = {k: v for k, v in os.environ.items() if k != "EIT_PASSWORD_COST"}
    code = "from store import accounts; print(accounts.COST, accounts.hash_password('x')[:7])"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["12", "$2b$12$"], out.stderr
