"""The MkDocs hooks of the site; the steps themselves are in build_steps.py.

MkDocs imports a hooks file once per process, `mkdocs serve` included, so this file only delegates. When a build
starts after the code in macros/ changed, it drops the macros package from Python's module cache: a rebuild of
`mkdocs serve` then runs the edited code, not only the edited data and templates. Otherwise the package stays, with
what it keeps between builds (the data read, compiled templates, drawn maps), which makes a rebuild faster.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

ROOT = Path(__file__).resolve().parents[2]


def _steps():
    # MkDocs loads hooks by file path and restores sys.path right after, and the `mkdocs` command does not put the
    # project folder on it: make the package beside this file importable each time it is (re)imported.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module("macros.engine.build_steps")


# The files whose edits the loaded package cannot see: its code, and the map shapes, which it reads once per process.
_CODE = (ROOT / "macros", ROOT / "data" / "geo")
_loaded_code: list = []


def _code_stamp() -> list:
    return sorted((str(path), path.stat().st_mtime_ns) for folder in _CODE for path in folder.rglob("*")
                  if path.is_file() and path.suffix != ".pyc")


def _forget_macros_package_if_code_changed():
    stamp = _code_stamp()
    # The first build of a process runs the code as it is (macros.build has imported it before forking its builds).
    if _loaded_code and stamp != _loaded_code:
        for name in [m for m in sys.modules if m == "macros" or m.startswith("macros.")]:
            del sys.modules[name]
    _loaded_code[:] = stamp


@event_priority(100)  # the first step of a build
def _start(config):
    _forget_macros_package_if_code_changed()
    _steps().explain_busy_port(config)  # while serving, before the first build
    return config


@event_priority(-200)  # after mkdocs-static-i18n (-100) has switched the config to the language being built
def _configure(config):
    config = _steps().on_config(config)
    return _steps().preview_config(config)


on_config = CombinedEvent(_start, _configure)


@event_priority(-90)  # before mkdocs-static-i18n (-100) keeps the pages of the language being built
def _remember_order(files, config):
    return _steps().remember_order(files)


@event_priority(-110)  # after it
def _place_pages(files, config):
    return _steps().place_pages(files, config)


on_files = CombinedEvent(_remember_order, _place_pages)


@event_priority(-50)  # after mkdocs-static-i18n (50), whose language switcher for the page this one replaces
def on_page_context(context, page, config, nav):
    return _steps().on_page_context(context, page, config, nav)


def on_page_content(html, page, config, files):
    return _steps().on_page_content(html, page, config, files)


@event_priority(-50)  # after mkdocs-macros (0) has given its variables this page
def on_page_markdown(markdown, page, config, files):
    return _steps().on_page_markdown(markdown, page, config)


def on_startup(command, dirty):
    _steps().speak_to_editors()
    _steps().on_startup(command)


def on_serve(server, config, builder):
    return _steps().on_serve(server, config, builder)


def on_env(env, config, files):
    _steps().leave_out_theme_pages(config)
    return _steps().on_env(env, config, files)


def on_template_context(context, template_name, config):
    return _steps().on_template_context(context, template_name, config)


def on_post_page(output, page, config):
    return _steps().on_post_page(output, page, config)


def on_post_template(output_content, template_name, config):
    return _steps().on_post_template(output_content, template_name, config)


# After Material's search plugin (0) has indexed this language, before mkdocs-static-i18n's post-build step (-100)
# goes on to build the next language.
@event_priority(-90)
def _write_language_files(config):
    _steps().write_language_files(config, late=False)


@event_priority(-200)  # after mkdocs-static-i18n's post-build step, which builds the other languages
def _publish(config):
    _steps().write_language_files(config, late=True)
    _steps().on_post_build(config)


on_post_build = CombinedEvent(_write_language_files, _publish)


def on_build_error(error):
    _steps().on_build_error(error)
    _steps().explain_build_error(error)
