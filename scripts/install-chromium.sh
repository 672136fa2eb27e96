#!/bin/sh
# Install Debian's Chromium for the browser tests. CI and fresh machines run this through `make test`.
set -eu
# A browser already there (Debian's chromium, or the Chrome of a hosted CI runner, or $CHROMIUM) will do.
if [ -n "${CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "install-chromium: need root or sudo to apt-get install chromium; browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
