"""Regenerate tests/fixture/expected/ after an intended change to the output: `python tests/update_expected.py`.

Review the result with `git diff tests/fixture/expected` before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fixture_build import EXPECTED, build_fixture

if __name__ == "__main__":
    code, err = build_fixture(EXPECTED)
    sys.stderr.write(err)
    print(f"exit {code}: {EXPECTED}")
    sys.exit(code)
