"""Account rules: a password policy that refuses the guessable, and one-time passwords people can read."""

from __future__ import annotations

import re

import pytest

from store.accounts import AccountError, add_user, change_password, check_password_policy, one_time_password


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
