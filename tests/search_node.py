"""Run the search client (static/js/search.js) in Node from the Python tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
JS_TESTS = REPO / "tests/js"


def node() -> str:
    """The node executable; skipped without it on a workstation, a failure on CI."""
    found = shutil.which("node")
    if found:
        return found
    message = "node not found: install Node.js (scripts/install-test-deps.sh does) to test the search client"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def run_node(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([node(), *args], cwd=REPO, capture_output=True, text=True, check=False, timeout=120)


def query(site: Path, searches: list[dict]) -> list[dict]:
    """What each search finds in a built site: result URLs, near flag, counts and marked title parts."""
    result = run_node(str(JS_TESTS / "query.mjs"), str(site), json.dumps(searches, ensure_ascii=False))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
