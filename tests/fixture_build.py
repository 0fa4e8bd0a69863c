"""Build the fixture catalogue the way the expected-output test does (shared with update_expected.py)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from catalogue.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests/fixture"
EXPECTED = FIXTURE / "expected"
ARGS = ["--content", str(FIXTURE / "content"), "--today", "2026-11-29"]


def build_fixture(out: Path) -> tuple[int, str]:
    """Build into `out`; the exit code and stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", *ARGS, "--out", str(out)], project=REPO)
    return code, err.getvalue()
