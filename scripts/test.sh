#!/usr/bin/env bash
# Installs what the tests need and runs all of them. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests drive Debian's chromium; install it once per machine.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-test.txt
export NO_MKDOCS_2_WARNING=1
exec python3 -m pytest "$@"
