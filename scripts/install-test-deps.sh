#!/bin/sh
# Install everything the test suite needs on a fresh Debian machine:
# the project with its test extra, Debian's Chromium with Japanese fonts
# for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser),
# and Node.js, which runs the search client's tests (tests/js/).
set -eu
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk
fi
if ! command -v node >/dev/null 2>&1; then
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends nodejs
fi
python3 -m pip install --quiet -e '.[test]'
