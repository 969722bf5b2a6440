"""deploy/nginx.conf run by an unprivileged nginx on 127.0.0.1 over a built site, every file inside a temporary
prefix: for tests/test_nginx.py and benchmarks/lighthouse.py."""

from __future__ import annotations

import shutil
from pathlib import Path

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
_SITE_CONF = Path(__file__).resolve().parent / "nginx.conf"

# What a host's /etc/nginx/nginx.conf would be.
_WRAPPER = """
daemon off;
# One process under the caller's own user: a root master would hand requests to workers running as nobody.
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
{brotli}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include site.conf;
}}
"""


def prepare(prefix: Path, site: Path, port: int) -> list[str]:
    """Write the configuration into `prefix` (an existing, empty folder); the command that starts nginx with it.
    Its errors go to prefix/error.log."""
    shutil.copy(_SITE_CONF, prefix / "site.conf")
    (prefix / "i2pcc-host.conf").write_text(f"listen 127.0.0.1:{port};\nroot {site};\n", encoding="utf-8")
    brotli = f"load_module {BROTLI_MODULE};" if BROTLI_MODULE.exists() else ""
    (prefix / "nginx.conf").write_text(_WRAPPER.format(prefix=prefix, brotli=brotli), encoding="utf-8")
    return [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
