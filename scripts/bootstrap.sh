#!/usr/bin/env bash
# Installs what building Herald needs on a fresh Debian machine: libcurl's headers and pkg-config. With
# --test-tools, also what the tests drive: Chromium for the dashboard's browser test, and Python's icalendar for the
# calendar feed's test.
set -euo pipefail
TEST_TOOLS=false
case "${1:-}" in
    --test-tools) TEST_TOOLS=true ;;
    "") ;;
    *) echo "usage: $0 [--test-tools]" >&2; exit 2 ;;
esac
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! pkg-config --exists libcurl 2>/dev/null; then
    echo "installing libcurl4-openssl-dev and pkg-config" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null
fi

if ! $TEST_TOOLS; then
    exit 0
fi

if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (the dashboard's headless browser test)" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Python's icalendar: the tests parse the calendar feed with a real RFC 5545 parser (HERALD_CI=1 makes it required).
if ! python3 -c 'import icalendar' 2>/dev/null; then
    echo "installing Python's icalendar" >&2
    python3 -m pip install --user --quiet icalendar 2>/dev/null || {
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-icalendar >/dev/null
    }
fi
