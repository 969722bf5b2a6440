"""What an editor reads in the terminal while the site is built or served, in the language of the messages
(macros/messages): the lines of MkDocs that matter to an editor said in the catalogue's words, MkDocs' and the plugins'
other chatter left out, and warnings and errors labelled in that language. Installed on MkDocs' own terminal handler,
so that MkDocs keeps logging as it does (and counting warnings for strict builds)."""

from __future__ import annotations

import logging
import re

import click
from mkdocs.exceptions import Abort, BuildError

from macros.messages import message, seconds

# Our own lines (the preview's, the build's), always shown.
OWN_LOGGER = "mkdocs.i2pcc"

# jieba writes a few lines of its own whenever it loads its dictionary.
_JIEBA = "jieba"


def _page(src_uri: str) -> str:
    return f"docs/{src_uri}"


def _link_missing(match) -> str:
    # MkDocs leaves out the file it looked for when it is the link itself, relative to docs/.
    target = _page(match["target"] or match["link"].lstrip("/"))
    return message("mkdocs_link_missing", page=_page(match["page"]), link=match["link"], target=target)


# MkDocs' messages, by their English text (MkDocs 1.6, pinned in requirements.txt), and what an editor reads instead:
# a message of the catalogue, or nothing for a line the next one says better.
_MKDOCS = [
    (re.compile(r"Documentation built in (?P<seconds>[\d.]+) seconds"),
     lambda m: message("build_done", seconds=seconds(float(m["seconds"]), digits=2))),
    # Followed by the mistake itself, with the page's file and line.
    (re.compile(r"Error (reading|building) page '[^']+':"), None),
    (re.compile(r"Error (reading|building) page '(?P<page>[^']+)': (?P<problem>.+)", re.DOTALL),
     lambda m: message("mkdocs_page_failed", page=_page(m["page"]), problem=m["problem"])),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '(?P<target>[^']+)')?"
                r" is not found among documentation files\.(?: Did you mean '(?P<suggestion>[^']+)'\?)?"),
     lambda m: _link_missing(m) + _suggestion(m)),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<target>[^']+)' does "
                r"not contain an anchor '#(?P<anchor>[^']+)'\."),
     lambda m: message("mkdocs_anchor_missing", page=_page(m["page"]), link=m["link"], target=_page(m["target"]))),
    (re.compile(r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but there is no such anchor on this "
                r"page\."),
     lambda m: message("mkdocs_anchor_missing_here", page=_page(m["page"]), link=m["link"])),
]


def _suggestion(match) -> str:
    return " " + message("mkdocs_link_suggestion", suggestion=match["suggestion"]) if match["suggestion"] else ""


def editor_text(record: logging.LogRecord) -> str | None:
    """The line an editor reads for this log record, or None when it is left out."""
    text = record.getMessage()
    if record.name == OWN_LOGGER:
        return text
    for pattern, says in _MKDOCS:
        match = pattern.fullmatch(text)
        if match:
            return says(match) if says else None
    # What else MkDocs and the plugins say in passing is for programmers; their warnings and errors stay.
    return text if record.levelno >= logging.WARNING else None


class _EditorLines(logging.Filter):
    def filter(self, record):
        text = editor_text(record)
        if text is None:
            return False
        record.msg, record.args = text, None
        return True


class _EditorFormatter(logging.Formatter):
    """A label before a warning or an error, in the language of the messages (and in MkDocs' colours on a
    terminal); nothing before the other lines."""

    def __init__(self, colours: bool):
        super().__init__()
        self.colours = colours

    def format(self, record):
        text = super().format(record)
        if record.levelno < logging.WARNING:
            return text
        error = record.levelno >= logging.ERROR
        label = message("log_error" if error else "log_warning") + ":"
        if self.colours:
            label = click.style(label, fg="red" if error else "yellow")
        return f"{label} {text}"


def speak_to_editors():
    """Put MkDocs' terminal handler (set up by the `mkdocs` command) in the editors' words."""
    if logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG:
        return  # --verbose: a programmer asks for everything, in MkDocs' own words
    logging.getLogger(_JIEBA).setLevel(logging.WARNING)
    for handler in logging.getLogger("mkdocs").handlers:
        installed = any(isinstance(each, _EditorLines) for each in handler.filters)
        if handler.get_name() == "MkDocsStreamHandler" and not installed:
            handler.addFilter(_EditorLines())
            stream = getattr(handler, "stream", None)
            handler.setFormatter(_EditorFormatter(colours=bool(stream and stream.isatty())))


def explain_build_error(error: Exception):
    """MkDocs ends a failed build with a sentence of its own ("Aborted with a BuildError!", "Aborted with 2 warnings
    in strict mode!") after this event: end it with the catalogue's instead. The mistake itself, which MkDocs would
    log after this event, is logged here."""
    if isinstance(error, BuildError):
        logging.getLogger(OWN_LOGGER).error(str(error))
    elif not (isinstance(error, Abort) and re.fullmatch(r"Aborted with .+ in strict mode!", str(error))):
        return
    raise Abort(message("build_stopped")) from None
