#!/usr/bin/env bash
# Installs what fleetsim needs on a fresh Debian machine, and nothing that is already there:
# GNU Scientific Library headers (libgsl-dev) and pkg-config, through which SwiftPM finds GSL.
# With --browser (make test): also Chromium, which the HTML report test drives headless; if it
# cannot be installed the test is skipped with a message, so its absence does not fail setup.
set -euo pipefail
browser=0
[ "${1:-}" = "--browser" ] && browser=1

missing=()
pkg-config --exists gsl 2>/dev/null || missing+=(libgsl-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: no 'swift' on PATH; install Swift 6.1 or later (https://www.swift.org/install/)" >&2
    exit 1
fi

if [ "$browser" = 1 ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    echo "setup: installing chromium (for the HTML report test)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; }; then
        echo "setup: chromium could not be installed; the HTML report test will be skipped" >&2
    fi
fi
