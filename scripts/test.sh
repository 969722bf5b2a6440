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
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-test.txt
export NO_MKDOCS_2_WARNING=1
exec python3 -m pytest "$@"
