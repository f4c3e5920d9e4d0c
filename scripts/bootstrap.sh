#!/usr/bin/env bash
# Installs what building Herald needs on a fresh Debian machine: libcurl's headers and pkg-config.
set -euo pipefail

# Python's icalendar: the tests parse the calendar feed with a real RFC 5545 parser (HERALD_CI=1 makes it required).
if ! python3 -c 'import icalendar' 2>/dev/null; then
    echo "installing Python's icalendar" >&2
    python3 -m pip install --user --quiet icalendar 2>/dev/null \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-icalendar >/dev/null; }
fi

if pkg-config --exists libcurl 2>/dev/null; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing libcurl4-openssl-dev and pkg-config" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null
