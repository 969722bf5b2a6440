"""Build the site for publication: SITE_URL=https://… python -m macros.build [--site-dir site]

The command lives here so that its name stays short; the build itself is the engine's (engine/parallel_build.py)."""

import sys

from macros.engine.parallel_build import main

if __name__ == "__main__":
    sys.exit(main())
