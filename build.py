#!/usr/bin/env python3
"""Build the partnership catalogue site: `python build.py --help`."""

import os
import sys
from pathlib import Path

from catalogue.cli import main

if __name__ == "__main__":
    code = main(project=Path(__file__).resolve().parent)
    sys.stdout.flush()
    sys.stderr.flush()
    # Everything is written and closed by now: leave without freeing a large site's objects one by one.
    os._exit(code)
