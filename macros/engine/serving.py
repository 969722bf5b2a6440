"""`mkdocs serve` for editors: one short line per rebuild, a mistake shown in the browser as well as in the terminal,
the language being looked at rebuilt first, and a busy port explained in plain words.

Written against MkDocs 1.6's LiveReloadServer (pinned in requirements.txt): its builder, its WSGI app, its
socket binding, its epoch (the version of the site a page was served from, which its livereload script polls)."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import threading
import time
from pathlib import Path

from mkdocs.exceptions import Abort

from macros.engine.configure import LANGUAGE_ENV, PREVIEW_ENV, preview_folder
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language_folder
from macros.messages import message, message_language
from macros.render.environment import template_environment

# MkDocs, mkdocs-macros, mkdocs-static-i18n and jieba write some 25 lines per rebuild, none of them for an editor.
# Warnings and errors still pass, except the server's line for each page answered with an error.
_CHATTY_LOGGERS = {"mkdocs.commands": logging.WARNING, "mkdocs.plugins": logging.WARNING, "jieba": logging.WARNING,
                   "mkdocs.livereload": logging.ERROR}

_log = logging.getLogger("mkdocs.i2pcc")


def on_startup(command):
    if command != "serve":
        return
    os.environ[PREVIEW_ENV] = "1"
    for name, level in _CHATTY_LOGGERS.items():
        logging.getLogger(name).setLevel(level)


def on_serve(server, config, builder):
    """After the first build (the whole site), each rebuild builds the language being looked at (and the languages
    whose pages changed) and leaves the others to be built when a page of theirs is asked for: a third of the work
    between saving and seeing. A failed rebuild leaves the last good site in place and every page asked for shows
    the mistake, until a rebuild succeeds and the livereload script reloads the page."""
    preview = _Preview(server, builder, Path(config["docs_dir"]))
    server.builder = preview.rebuild
    serve_request = server.serve_request
    server.set_app(lambda environ, start_response: preview.serve_request(environ, start_response, serve_request))
    bind = server.server_bind

    def bind_or_explain():
        try:
            bind()
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            host, port = server.server_address[:2]
            raise Abort(message("serve_port_busy", address=f"{host}:{port}", other=f"{host}:{port + 1}")) from None
        _log.info(message("serve_ready", url=server.url))

    server.server_bind = bind_or_explain
    return server


class _Preview:
    def __init__(self, server, builder, docs_dir: Path):
        self.server, self.builder, self.docs_dir = server, builder, docs_dir
        self.lock = threading.Lock()  # one build at a time, whether a file change or a page asked for starts it
        self.viewed = DEFAULT_LANGUAGE
        self.stale: set[str] = set()
        self.mistakes: list[str] = []  # empty while the last build succeeded
        self.page_stamps = self._stamps()

    def rebuild(self):
        with self.lock:
            stamps = self._stamps()
            changed = {lang for lang in stamps if stamps[lang] != self.page_stamps.get(lang)}
            self.page_stamps = stamps
            if None in changed:  # a file shared by the languages (docs/assets): it lives in the default language's folder
                changed.add(DEFAULT_LANGUAGE)
            languages = [self.viewed] + sorted(changed - {self.viewed, None})
            started = time.perf_counter()
            if self._build(languages):
                self.stale = set(LANGUAGES) - set(languages)
                seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
                _log.info(message("serve_rebuilt", seconds=seconds, url=self.server.url))

    def _build(self, languages: list[str]) -> bool:
        """Build these languages into the served folder; on a mistake, keep it for the browser and report it."""
        mistakes = _Collect()
        logging.getLogger("mkdocs").addHandler(mistakes)
        try:
            for lang in languages:
                self._build_language(lang)
        except (Exception, SystemExit) as error:
            # MkDocs ends a build that logged errors or warnings (strict) with a sentence of its own; what went
            # wrong is in the messages logged before it.
            if not str(error).startswith("Aborted with"):
                _log.error(str(error))
            self.mistakes = mistakes.messages or [str(error)]
            self.stale = set(LANGUAGES)
        else:
            self.mistakes = []
        finally:
            logging.getLogger("mkdocs").removeHandler(mistakes)
        if self.mistakes:
            _log.error(message("serve_kept"))
        return not self.mistakes

    def _build_language(self, lang: str):
        os.environ[LANGUAGE_ENV] = lang
        try:
            self.builder()
        finally:
            del os.environ[LANGUAGE_ENV]
        built = Path(preview_folder(self.server.root))
        root = Path(self.server.root)
        others = {language_folder(other).rstrip("/") for other in LANGUAGES if other != DEFAULT_LANGUAGE}
        if lang == DEFAULT_LANGUAGE:
            for entry in root.iterdir():
                if entry.name not in others:
                    _remove(entry)
            for entry in built.iterdir():
                if entry.name not in others:
                    entry.rename(root / entry.name)
        else:
            folder = language_folder(lang).rstrip("/")
            _remove(root / folder)
            (built / folder).rename(root / folder)
        shutil.rmtree(built, ignore_errors=True)

    def _stamps(self) -> dict:
        """Per language (None: the files the languages share), what tells whether a page was added, removed or
        saved."""
        stamps: dict = {}
        for path in self.docs_dir.rglob("*"):
            if path.is_file():
                lang = path.relative_to(self.docs_dir).parts[0]
                stat = path.stat()
                stamps.setdefault(lang if lang in LANGUAGES else None, set()).add((path, stat.st_mtime_ns, stat.st_size))
        return stamps

    def serve_request(self, environ, start_response, serve_request):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        mount = self.server.mount_path
        if not (path + "/").startswith(mount) or path.startswith("/livereload/") or not _is_page(path):
            return serve_request(environ, start_response)
        first = path[len(mount):].split("/", 1)[0]
        lang = first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE
        self.viewed = lang
        if lang in self.stale and not self.mistakes:
            with self.lock:
                if lang in self.stale and not self.mistakes:
                    if self._build([lang]):
                        self.stale.discard(lang)
        server = self.server
        with server._epoch_cond:
            if not self.mistakes:
                # A rebuild is under way: wait for it, so that a page asked for meanwhile shows its outcome.
                server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)
            epoch = server._visible_epoch
        mistakes = self.mistakes
        if not mistakes:
            return serve_request(environ, start_response)
        page = server._inject_js_into_html(_error_page(mistakes), epoch)
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(page))),
                                                     ("Cache-Control", "no-store")])
        return [page]


def _is_page(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return name == "" or name.endswith(".html") or "." not in name


def _remove(path: Path):
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


class _Collect(logging.Handler):
    """The warnings and errors logged during a rebuild, as the editor sees them in the terminal."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


# The page a browser gets while the last rebuild failed: MkDocs' theme may be what is broken, so it is built from
# nothing but this template (compiled when first needed: a build that is refused writes nothing, not even a cache).
_TEMPLATES = template_environment(Path(__file__).parent / "templates", autoescape=True)


def _error_page(mistakes: list[str]) -> bytes:
    return _TEMPLATES.get_template("serve_error.html.j2").render(lang=message_language(), title=message("serve_error_title"),
                              heading=message("serve_error_heading"), intro=message("serve_error_intro"),
                              mistakes=mistakes, reload=message("serve_error_reload")).encode("utf-8")
