"""The page's macros and Jinja, rendered with mkdocs-macros' environment and variables, and every mistake in a page
turned into its file, line and a plain message."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from jinja2 import TemplateSyntaxError, UndefinedError
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE

from macros import ROOT
from macros.content.yaml_source import yaml_mistake
from macros.files.build_cache import keep_compiled
from macros.messages import message


def render_page(markdown, page, config):
    """The page's macros and Jinja, rendered here rather than by mkdocs-macros (render_by_default: false in
    mkdocs.yml): on a mistake, mkdocs-macros either publishes its error report, Python traceback included, as the
    page, or ends the process (and with it `mkdocs serve`). Here a mistake stops this build with the page's file
    and line, and `mkdocs serve` keeps serving the last good site. The front matter is checked first: MkDocs
    silently reads a header it cannot parse as the page's first lines."""
    problem = _front_matter_problem(page)
    if problem:
        raise PluginError(problem)
    macros = config.plugins["macros"]
    try:
        template = _page_template(macros.env, markdown, page.file.src_uri)
        return template.render(**{**macros.variables, **(page.meta or {})})
    except Exception as error:
        raise PluginError(_page_error(error, page)) from None


def _page_template(env, markdown: str, name: str):
    """The page as a Jinja template, compiled once for a given text and kept between builds, as the theme's are.
    Compiled without a name, as `from_string` does, so that its errors point at "<template>" (_template_line)."""
    cache = env.bytecode_cache or keep_compiled(env).bytecode_cache
    bucket = cache.get_bucket(env, f"page:{name}", None, markdown)
    if bucket.code is None:
        bucket.code = env.compile(markdown)
        cache.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None))


def _source_name(page) -> str:
    path = Path(page.file.abs_src_path)
    return path.relative_to(ROOT).as_posix() if ROOT in path.parents else str(path)


def _front_matter_problem(page) -> str | None:
    match = YAML_RE.match(page.file.content_string)
    if not match:
        return None
    # Parsed after one empty line, which stands for the opening ---, so that every line number is the page's own.
    header = "\n" + match.group(1)
    try:
        fields = yaml.safe_load(header)
    except yaml.MarkedYAMLError as error:
        # The same plain words as for the data files.
        position, problem = yaml_mistake(error, header)
        return message("front_matter", where=f"{_source_name(page)}:{position.line}", problem=problem)
    if fields is not None and not isinstance(fields, dict):
        return message("front_matter_fields", where=f"{_source_name(page)}:2")
    return None


_UNDEFINED = re.compile(r"^('.+') is undefined$")


def _page_error(error: Exception, page) -> str:
    where = _source_name(page)
    line = _template_line(error)
    if line:
        where += f":{_header_lines(page.file.content_string) + line}"
    if isinstance(error, TemplateSyntaxError):
        return message("jinja_syntax", where=where, problem=error.message)
    undefined = _UNDEFINED.match(error.message or "") if isinstance(error, UndefinedError) else None
    if undefined:
        return message("undefined", where=where, name=undefined.group(1))
    if isinstance(error, TypeError):
        # "<lambda>() missing 1 required positional argument: 'region_id'": the Python name says nothing to an editor.
        return message("macro_arguments", where=where, problem=re.sub(r"^\S*\(\) ", "", str(error)))
    if isinstance(error, KeyError) and error.args:
        return message("unknown_id", where=where, problem=error.args[0])
    return message("macro_failed", where=where, problem=f"{type(error).__name__}: {error}")


def _header_lines(source: str) -> int:
    """How many lines of the page's file come before the Markdown that is rendered: the front matter and the blank
    lines MkDocs strips after it."""
    match = YAML_RE.match(source)
    if not match:
        return 0
    rest = source[match.end():]
    return source[:match.end()].count("\n") + len(rest) - len(rest.lstrip("\n"))


def _template_line(error: Exception) -> int | None:
    """The line of the page's own template where the error happened: Jinja puts the template's lines in the
    traceback of an error raised while rendering it."""
    if isinstance(error, TemplateSyntaxError):
        return error.lineno
    frame = error.__traceback__
    while frame:
        if frame.tb_frame.f_code.co_filename == "<template>":
            return frame.tb_lineno
        frame = frame.tb_next
    return None
