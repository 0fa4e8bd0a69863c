"""The fixture catalogue builds to exactly the committed output, file by file.

After an intended change to templates or rendering, run `python tests/update_expected.py`
and review `git diff tests/fixture/expected`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from tests.conftest import files_of
from tests.fixture_build import EXPECTED, build_fixture


def test_fixture_site_matches_expected_output(tmp_path: Path) -> None:
    code, err = build_fixture(tmp_path / "site")
    assert (code, err) == (0, "")
    actual, expected = files_of(tmp_path / "site"), files_of(EXPECTED)
    assert sorted(actual) == sorted(expected)
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(
                expected[name].decode().splitlines(),
                actual[name].decode().splitlines(),
                "expected",
                "actual",
                lineterm="",
            )
            raise AssertionError(f"{name} differs:\n" + "\n".join(list(diff)[:60]))


def test_fixture_covers_every_page_type() -> None:
    names = set(files_of(EXPECTED))
    for name in [
        "index.html",
        "404.html",
        "challenges/index.html",
        "challenges/plastic/index.html",
        "challenges/plastic/plastic.svg",
        "challenges/plastic/plastic-survey.csv",
        "cases/index.html",
        "cases/watching-pilot/index.html",
        "cases/independent/index.html",
        "categories/index.html",
        "categories/environment/index.html",
        "departments/index.html",
        "departments/fukushi/index.html",
        "status/index.html",
        "status/withdrawn/index.html",
        "sdgs/index.html",
        "sdgs/12/index.html",
        "about/index.html",
        "accessibility/index.html",
    ]:
        assert name in names
    assert not any(name.startswith("challenges/draft/") for name in names)
