"""`mkdocs serve` for editors: one short line per rebuild, a mistake shown in the browser as well as in the terminal,
the page being looked at rebuilt first, and a busy port explained in plain words.

Written against MkDocs 1.6's LiveReloadServer (pinned in requirements.txt): its builder, its WSGI app, its
socket binding, its epoch (the version of the site a page was served from, which its livereload script polls)."""

from __future__ import annotations

import errno
import logging
import os
import posixpath
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from mkdocs.exceptions import Abort

from macros.engine.configure import LANGUAGE_ENV, PREVIEW_ENV, preview_folder
from macros.engine.publishing import PREVIEW_PAGE_ENV
from macros.engine.terminal import OWN_LOGGER, editor_text
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language_folder
from macros.messages import message, message_language, seconds
from macros.render.environment import template_environment

# Left out while serving, besides what macros/engine/terminal.py leaves out of every command: MkDocs' line at the end
# of each build (the preview writes its own) and the server's line for each page answered with an error (the page
# itself says what is wrong).
_QUIET_LOGGERS = {"mkdocs.commands": logging.WARNING, "mkdocs.livereload": logging.ERROR}

_log = logging.getLogger(OWN_LOGGER)


# Set once the port was found free, before the first build: the rebuilds (which run the configuration again, also
# after the macros package was reloaded) find it taken by the preview itself.
_PORT_CHECKED_ENV = "I2PCC_SERVE_PORT_CHECKED"


def on_startup(command):
    if command != "serve":
        return
    os.environ[PREVIEW_ENV] = "1"
    os.environ.pop(_PORT_CHECKED_ENV, None)
    for name, level in _QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)


def on_serve(server, config, builder):
    """After the first build (the whole site), each rebuild builds the page being looked at first, on its own, and
    shows it; then the rest of its language (and the languages whose pages changed), and leaves the other languages
    to be built when a page of theirs is asked for. A failed rebuild leaves the last good site in place and every
    page asked for shows the mistake, until a rebuild succeeds and the livereload script reloads the page."""
    preview = _Preview(server, builder, Path(config["docs_dir"]))
    server.builder = preview.rebuild
    # MkDocs' watcher looks at the files twice a second and reports what changed meanwhile at once: waiting a
    # further tenth of a second for more changes only delays the rebuild.
    server.build_delay = 0
    serve_request = server.serve_request
    server.set_app(lambda environ, start_response: preview.serve_request(environ, start_response, serve_request))
    bind = server.server_bind

    def bind_or_explain():
        try:
            bind()
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            raise _port_busy(*server.server_address[:2]) from None
        _log.info(message("serve_ready", url=server.url))

    server.server_bind = bind_or_explain
    return server


def explain_busy_port(config):
    """A busy port said at once, before the first build (which MkDocs runs before it takes the port), rather than
    after it. The server's own bind (on_serve) still explains one taken meanwhile."""
    if not os.environ.get(PREVIEW_ENV) or os.environ.get(_PORT_CHECKED_ENV):
        return
    os.environ[_PORT_CHECKED_ENV] = "1"
    host, port = config["dev_addr"].host, config["dev_addr"].port
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # As the server does: a port left in TIME_WAIT by a previous preview counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise _port_busy(host, port) from None


def _port_busy(host: str, port: int) -> Abort:
    return Abort(message("serve_port_busy", address=f"{host}:{port}", other=f"{host}:{port + 1}"))


class _Preview:
    def __init__(self, server, builder, docs_dir: Path):
        self.server, self.builder, self.docs_dir = server, builder, docs_dir
        self.root = Path(server.root)
        self.lock = threading.Lock()  # one build at a time, whether a file change or a page asked for starts it
        # The language of the page last asked for and its file (regions/hebei/index.html, en/index.html), if any.
        self.viewed: tuple[str, str | None] = (DEFAULT_LANGUAGE, None)
        self.stale: set[str] = set()
        self.mistakes: list[str] = []  # empty while the last build succeeded
        self.page_stamps = self._stamps()
        # While the rest of its language is built after a quick rebuild, the one page already up to date: the other
        # pages asked for meanwhile wait for the rest.
        self.current_page: str | None = None
        self.rest_built = threading.Condition()

    def rebuild(self):
        """The page being looked at first, on its own, shown as soon as it is built; then the whole of its language
        (and of the languages whose pages were saved), which the other pages asked for meanwhile wait for."""
        with self.lock:
            stamps = self._stamps()
            changed = {lang for lang in stamps if stamps[lang] != self.page_stamps.get(lang)}
            self.page_stamps = stamps
            if None in changed:  # a file shared by the languages (docs/assets): it lives in the default language's folder
                changed.add(DEFAULT_LANGUAGE)
            lang, page = self.viewed
            languages = [lang] + sorted(changed - {lang, None})
            started = time.perf_counter()
            page_seconds = None
            if self._can_build_first(lang, page, changed):
                if self._attempt(lambda: self._build_page(lang, page)):
                    page_seconds = time.perf_counter() - started
                    self._show(page)
                elif self.mistakes:
                    return
            try:
                built = self._attempt(lambda: self._build_languages(languages))
            finally:
                with self.rest_built:
                    self.current_page = None
                    self.rest_built.notify_all()
            if not built:
                if page_seconds is not None:
                    self._new_epoch()  # the page shown first reloads, as the error page
                return
            self.stale = set(LANGUAGES) - set(languages)
            took = seconds(time.perf_counter() - started)
            if page_seconds is None:
                _log.info(message("serve_rebuilt", seconds=took, url=self.server.url))
            else:
                _log.info(message("serve_rebuilt_page_first", page_seconds=seconds(page_seconds), seconds=took,
                                  url=self.server.url + page.removesuffix("index.html")))

    def _can_build_first(self, lang: str, page: str | None, changed: set) -> bool:
        """Whether the page being looked at can be rebuilt alone first: after an edit outside docs/ (data, strings,
        code, templates) or of the pages of its own language, not of the files the languages share, which are
        copied rather than rendered."""
        return page is not None and changed <= {lang} and (self.root / page).is_file()

    def _build_page(self, lang: str, page: str) -> bool:
        """Build the page being looked at alone into the served folder; whether it was built (it may be gone)."""
        os.environ[PREVIEW_PAGE_ENV] = page
        try:
            self._run_builder(lang)
        finally:
            del os.environ[PREVIEW_PAGE_ENV]
        built = Path(preview_folder(self.server.root))
        try:
            if not (built / page).is_file():
                return False
            with self._requests_held():
                (built / page).replace(self.root / page)
            return True
        finally:
            shutil.rmtree(built, ignore_errors=True)

    def _show(self, page: str):
        """Let the browsers reload now, with the page built first; the other pages wait for the rest of the build."""
        with self.rest_built:
            self.current_page = page
        server = self.server
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()

    def _new_epoch(self):
        # Published by MkDocs' build loop as soon as the rebuild returns, as for a rebuild that changed the site.
        with self.server._epoch_cond:
            self.server._wanted_epoch = self.server._visible_epoch + 1

    def _attempt(self, build) -> bool:
        """Run a build; on a mistake, keep it for the browser and report it. What the build returned, or False."""
        mistakes = _Collect()
        logging.getLogger("mkdocs").addHandler(mistakes)
        try:
            result = build()
        except (Exception, SystemExit) as error:
            # A build that logged its mistakes ends with a sentence that only points at them.
            if not mistakes.messages:
                _log.error(str(error))
            self.mistakes = mistakes.messages or [str(error)]
            self.stale = set(LANGUAGES)
            result = False
        else:
            self.mistakes = []
        finally:
            logging.getLogger("mkdocs").removeHandler(mistakes)
        if self.mistakes:
            _log.error(message("serve_kept"))
        return result

    def _build_languages(self, languages: list[str]) -> bool:
        for lang in languages:
            self._build_language(lang)
        return True

    def _build_language(self, lang: str):
        """Build one language into the served folder."""
        self._run_builder(lang)
        built = Path(preview_folder(self.server.root))
        root = self.root
        others = {language_folder(other).rstrip("/") for other in LANGUAGES if other != DEFAULT_LANGUAGE}
        with self._requests_held():
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

    def _run_builder(self, lang: str):
        os.environ[LANGUAGE_ENV] = lang
        try:
            self.builder()
        finally:
            del os.environ[LANGUAGE_ENV]

    @contextmanager
    def _requests_held(self):
        """MkDocs answers no request while its site is being rebuilt (the version of the site wanted is not yet
        the one visible); hold them the same way while files are swapped into the served folder, which a rebuild
        may do after the browsers have been let in (a page built first, a language asked for)."""
        server = self.server
        with server._epoch_cond:
            wanted = server._wanted_epoch
            holding = server._wanted_epoch = max(wanted, server._visible_epoch + 1)
        try:
            yield
        finally:
            with server._epoch_cond:
                if server._wanted_epoch == holding:  # else MkDocs has begun a rebuild meanwhile: its version stands
                    server._wanted_epoch = wanted
                server._epoch_cond.notify_all()

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
        relative = path[len(mount):]
        first = relative.split("/", 1)[0]
        lang = first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE
        page = posixpath.normpath("/" + relative + ("index.html" if relative == "" or relative.endswith("/") else ""))
        page = page.lstrip("/")
        # An address without the slash is not a page: MkDocs redirects it to the same with a slash.
        self.viewed = (lang, page if page.endswith(".html") else None)
        # The page built first is up to date even when the rest of its language is not (after a failed rebuild).
        if lang in self.stale and not self.mistakes and page != self.current_page:
            with self.lock:
                if lang in self.stale and not self.mistakes:
                    if self._attempt(lambda: self._build_languages([lang])):
                        self.stale.discard(lang)
        with self.rest_built:
            self.rest_built.wait_for(lambda: self.current_page in (None, page))
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
        text = editor_text(record)
        if text is not None:
            self.messages.append(text)


# The page a browser gets while the last rebuild failed: MkDocs' theme may be what is broken, so it is built from
# nothing but this template (compiled when first needed: a build that is refused writes nothing, not even a cache).
_TEMPLATES = template_environment(Path(__file__).parent / "templates", autoescape=True)


def _error_page(mistakes: list[str]) -> bytes:
    page = _TEMPLATES.get_template("serve_error.html.j2")
    return page.render(lang=message_language(), title=message("serve_error_title"),
                       heading=message("serve_error_heading"), intro=message("serve_error_intro"),
                       mistakes=mistakes, reload=message("serve_error_reload")).encode("utf-8")
