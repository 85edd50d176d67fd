#!/usr/bin/env bash
# Installs what fleetsim needs on a fresh Debian machine, and nothing that is already there:
# GNU Scientific Library headers (libgsl-dev) and pkg-config, through which SwiftPM finds GSL.
set -euo pipefail

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
