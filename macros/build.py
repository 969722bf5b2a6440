"""Build the site for publication: SITE_URL=https://… python -m macros.build [--site-dir site]

The command lives here so that its name stays short; the build itself is the engine's (engine/parallel_build.py)."""

import sys

if __name__ == "__main__":
    try:
        # Loading MkDocs and its plugins takes a second or two: Ctrl-C then stops quietly too (nothing is written
        # before the build starts).
        from macros.engine.parallel_build import main
    except KeyboardInterrupt:
        from macros.messages import message

        print(f"\n{message('interrupted')}", file=sys.stderr)
        sys.exit(130)
    sys.exit(main())
