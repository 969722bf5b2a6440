"""`mkdocs serve` through mistakes: it keeps serving the last good site."""

from __future__ import annotations

import logging

from macros.messages import message


def on_serve(server, builder):
    """MkDocs' development server answers no request after a failed rebuild until one succeeds, yet the last good
    site is still whole in its folder (a build publishes only what built): report the mistake and go on serving
    that site until the mistake is fixed."""
    def rebuild():
        try:
            builder()
        except (Exception, SystemExit) as error:
            logging.getLogger("mkdocs").error(f"{error}\n{message('serve_kept')}")

    server.builder = rebuild
    return server
