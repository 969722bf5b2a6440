"""The one way the site makes a Jinja environment: undefined names are errors, and block tags leave no blank
lines behind. Markdown templates and markup (SVG, HTML) templates differ only in how values are escaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from macros.files.build_cache import keep_compiled


def template_environment(folder: Path, **escaping) -> Environment:
    return keep_compiled(Environment(loader=FileSystemLoader(folder), undefined=StrictUndefined, trim_blocks=True,
                                     lstrip_blocks=True, **escaping))
