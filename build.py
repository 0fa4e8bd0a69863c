#!/usr/bin/env python3
"""Build the partnership catalogue site: `python build.py --help`."""

import sys
from pathlib import Path

from catalogue.cli import main

if __name__ == "__main__":
    sys.exit(main(project=Path(__file__).resolve().parent))
