"""Builds of one language of a project, each with one page replaced, in one Python process: MkDocs and the site's
code are imported once and each build runs in a process forked from this one, as `mkdocs build --strict` would run
it (its messages as it prints them, its exit code). What the build tests of page mistakes use instead of starting
Python once per mistake.

    python tests/forked_builds.py CASES.json   (in the project folder; I2PCC_LANGUAGE set)

CASES.json: [{"page": "docs/en/about.md", "text": "…", "site_dir": "…", "env": {…}}, …] ("env" optional: variables
set for that build alone); prints [[exit code, messages], …].
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, os.getcwd())  # the project's own macros package, as the hooks import it

import mkdocs.__main__  # noqa: E402

import macros.engine.build_steps  # noqa: E402, F401
import macros.engine.page_macros  # noqa: E402, F401


def build_with(page: Path, text: str, site_dir: str, env: dict, log: Path) -> int:
    original = page.read_bytes()
    page.write_text(text, encoding="utf-8")
    try:
        child = os.fork()
        if child == 0:
            os.environ.update(env)
            with open(log, "wb") as out:
                os.dup2(out.fileno(), 1)
                os.dup2(out.fileno(), 2)
            code = 1
            try:
                mkdocs.__main__.cli.main(["build", "--strict", "--site-dir", site_dir], prog_name="mkdocs")
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
        return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    finally:
        page.write_bytes(original)


def main(cases_file: str) -> None:
    results = []
    for number, case in enumerate(json.loads(Path(cases_file).read_text(encoding="utf-8"))):
        log = Path(cases_file).with_name(f"build-{number}.log")
        code = build_with(Path(case["page"]), case["text"], case["site_dir"], case.get("env", {}), log)
        results.append([code, log.read_text(encoding="utf-8", errors="replace")])
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1])
