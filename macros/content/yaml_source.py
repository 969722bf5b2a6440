"""YAML files read with their positions, so that every problem can name the line and column to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    root: yaml.Node | None

    def position(self, loc: tuple[Any, ...]) -> Position:
        """Where the value at `loc` (keys and list indexes) is written: the line of its key when it has one, else of
        the value itself; for a value that is missing, the nearest enclosing one that exists."""
        node = self.root
        if node is None:
            return Position(1, 1)
        mark = node.start_mark
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            key, node = child
            mark = (key or node).start_mark
        return Position(mark.line + 1, mark.column + 1)


def _child(node: yaml.Node, step: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None


class YamlSyntaxError(Exception):
    def __init__(self, position: Position, message: str):
        super().__init__(message)
        self.position = position
        self.message = message


_HINTS = (
    ("cannot start any token", "a tab character: indent with spaces, never with tabs"),
    ("mapping values are not allowed", "a colon followed by a space inside a text: put the text between quotes"),
    ("expected <block end>", "an indentation that does not line up with the lines above it"),
    ("did not find expected key", "an indentation that does not line up with the lines above it"),
    ("could not find expected ':'", "a line that is not a 'field: value' pair, or an unclosed quote above it"),
    ("found unexpected end of stream", "an unclosed quote"),
    ("while scanning a quoted scalar", "an unclosed quote"),
    ("found duplicate key", "the same field twice in one entry"),
)


# libyaml's parser where PyYAML was built with it: seven times faster than the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """PyYAML keeps the last of two equal keys without a word; an editor must hear about it."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"found duplicate key '{key}'", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


# Dates stay text: the models parse them and name the field when a day does not exist (2019-02-30), where PyYAML
# would raise a bare ValueError without file or line.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_aliases(text: str) -> None:
    """Aliases (`*name`) are refused: data needs none, and nested aliases expand exponentially ("billion
    laughs"). Found in the parser's events, before anything is built from them."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"found the alias '*{event.anchor}': a reference to another part of the file is not "
                            "allowed in data files, write the value out in full", event.start_mark)


def read_text(path: Path) -> str:
    """The file as text, or YamlSyntaxError that says where it is not UTF-8 or holds a control character."""
    if path.is_dir():
        raise YamlSyntaxError(Position(1, 1), "this is a folder, not a file: put the file back in its place")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlSyntaxError(Position(line, column),
                              f"the file is not saved as UTF-8 (byte 0x{raw[error.start]:02x}): save it again with "
                              "the encoding UTF-8 in your editor") from None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path) -> YamlDocument:
    text = read_text(path)
    loader = None
    try:
        _refuse_aliases(text)
        loader = _StrictLoader(text)
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.reader.ReaderError as error:
        # libyaml counts the position in bytes, PyYAML in characters: find the character itself.
        where = max(text.find(chr(error.character)), 0)
        line = text.count("\n", 0, where) + 1
        column = where - (text.rfind("\n", 0, where) + 1) + 1
        raise YamlSyntaxError(Position(line, column),
                              f"an invisible control character {visible(chr(error.character))}: delete it "
                              "(it often comes with text pasted from another program)") from None
    except yaml.MarkedYAMLError as error:
        # An unclosed quote or bracket is noticed lines later; where it opened is what helps.
        opened = error.context and any(kind in error.context for kind in ("quoted scalar", "flow sequence",
                                                                            "flow mapping"))
        mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        raw = " ".join(str(part) for part in (error.context, error.problem) if part)
        hint = next((h for key, h in _HINTS if key in raw), None)
        runaway = any(key in raw for key in ("expected <block end>", "did not find expected key",
                                             "could not find expected ':'", "end of stream"))
        unclosed = _unclosed_quote_before(text, position.line) if runaway else None
        if unclosed:
            position = Position(unclosed, 1)
            hint = f"an unclosed quote on line {unclosed}: a text that opens with \" must end with \""
        message = f"the YAML cannot be read ({raw})"
        if hint:
            message += f"; look for {hint}"
        raise YamlSyntaxError(position, message) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(data, root)


# Characters that do not show in an editor but change a text: control characters, zero-width characters, the
# non-breaking and other unusual spaces.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f"
                        r"\u205f-\u2064\u3000\ufeff]")


_EDGES = re.compile(rf"^(?:\s|{_INVISIBLE.pattern})+|(?:\s|{_INVISIBLE.pattern})+$")


def visible(text: str) -> str:
    """The text with every invisible character written as <U+200B>, so that a message can show it."""
    return _INVISIBLE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


def trim_invisible(text: str) -> str:
    """The text without spaces and invisible characters at either end."""
    return _EDGES.sub("", text)


def _unclosed_quote_before(text: str, line: int) -> int | None:
    """The line, up to `line`, whose value opens a double quote it does not close (a quoted text that ran on
    into the next lines is what PyYAML stumbles over, one or more lines later)."""
    lines = text.splitlines()
    for number in range(min(line, len(lines)), max(line - 5, 0), -1):
        content = lines[number - 1]
        if not content.lstrip().startswith("#") and content.replace('\\"', "").count('"') % 2 == 1:
            return number
    return None


def file_stamp(path: Path) -> int:
    """When the file last changed (-1 if it is missing): a cache key that makes `mkdocs serve` read edits."""
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return -1
