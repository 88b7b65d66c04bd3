"""DESIGN's code rules, checked: ruff lint and format on the tree, mypy on every room below the pages."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_and_format():
    lint = run("ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout
    fmt = run("ruff", "format", "--check", ".")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_on_metrics_and_store():
    result = run("mypy")
    assert result.returncode == 0, result.stdout


def test_no_sql_above_the_data_rooms():
    """SQL lives in store/, metrics/, lookup/, console/ and their sql/ files; the pages, their Streamlit helpers,
    the presentation and the server layer only call functions."""
    for room in ("app_pages", "ui", "present", "webserver"):
        for module in (ROOT / room).glob("*.py"):
            text = module.read_text(encoding="utf-8")
            assert ".execute(" not in text and "from subdistricts" not in text, module


def test_pages_are_thin_and_hold_no_sql():
    for page in (ROOT / "app_pages").glob("*.py"):
        text = page.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 100, page.name
        assert ".execute(" not in text and "select " not in text.lower(), page.name
