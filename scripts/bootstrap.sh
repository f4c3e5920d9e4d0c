#!/usr/bin/env bash
# Installs what building Herald needs on a fresh Debian machine: libcurl's headers and pkg-config.
set -euo pipefail
if pkg-config --exists libcurl 2>/dev/null; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing libcurl4-openssl-dev and pkg-config" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcurl4-openssl-dev pkg-config >/dev/null
