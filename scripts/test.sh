#!/usr/bin/env bash
# Installs what the tests need and runs all of them. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests drive Debian's chromium; install it once per machine.
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# tests/test_nginx.py serves the built site with Debian's nginx and its brotli module (deploy/nginx.conf).
if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light libnginx-mod-http-brotli-filter >/dev/null
fi
# Asked of pip again only when the requirements or the Python changed (pip takes 2 s to find nothing to do).
wanted="$(cat requirements.txt requirements-test.txt | sha256sum) $(python3 -c 'import sys; print(sys.executable, sys.version)')"
if [ "$(cat .cache/requirements-test.installed 2>/dev/null)" != "$wanted" ]; then
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-test.txt
  mkdir -p .cache && printf '%s' "$wanted" > .cache/requirements-test.installed
fi
# axe-core and the Nu HTML Checker (vnu.jar, run with the machine's Java), pinned in package-lock.json. Installed
# again only when the lock file changed. --ignore-scripts: vnu-jar's install script would download a Java runtime.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
export NO_MKDOCS_2_WARNING=1
# Some machines' images switch off Python's bytecode cache; pytest then rewrites every test module again in each of
# its processes (4 s of each run's start on this machine).
unset PYTHONDONTWRITEBYTECODE
# One process per core (pytest-xdist); each test file stays in one process, so that its fixtures are made once,
# and the files go out in the order tests/conftest.py gives them (longest first). `-n 0` runs everything in one
# process.
exec python3 -m pytest -n auto --dist loadfile --no-loadscope-reorder "$@"
