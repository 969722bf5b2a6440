"""YAML files read with their positions, so that every problem can name the line and column to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.messages import message


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


# libyaml's parser where PyYAML was built with it: seven times faster than the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _EditorMistake(yaml.MarkedYAMLError):
    """A mistake our loader finds itself, already worded for the editor."""

    def __init__(self, mark, words: str):
        super().__init__(problem=words, problem_mark=mark)


class _StrictLoader(_BaseLoader):
    """PyYAML keeps the last of two equal keys without a word; an editor must hear about it."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise _EditorMistake(key_node.start_mark, message("yaml_duplicate", field=key))
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
            raise _EditorMistake(event.start_mark, message("yaml_alias", name=event.anchor))


def read_text(path: Path) -> str:
    """The file as text, or YamlSyntaxError that says where it is not UTF-8 or holds a control character."""
    if path.is_dir():
        raise YamlSyntaxError(Position(1, 1), message("yaml_folder"))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlSyntaxError(Position(line, column),
                              message("yaml_not_utf8", byte=f"{raw[error.start]:02x}")) from None
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
                              message("yaml_control_character", character=visible(chr(error.character)))) from None
    except yaml.MarkedYAMLError as error:
        raise YamlSyntaxError(*yaml_mistake(error, text)) from None
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


def yaml_mistake(error: yaml.MarkedYAMLError, text: str) -> tuple[Position, str]:
    """Where the mistake the parser stumbled over is, and what it is in plain words. The parser's own wording
    names its grammar, not the mistake, and an unclosed quote or bracket is noticed lines after it was opened."""
    if isinstance(error, _EditorMistake):
        return _position(error.problem_mark), error.problem
    context, problem = error.context or "", error.problem or ""
    mark = error.problem_mark or error.context_mark
    if "quoted scalar" in context:
        quote = _character(text, error.context_mark)
        return _unclosed_quote(error.context_mark.line + 1, error.context_mark.column, quote if quote == "'" else '"')
    if "flow sequence" in context or "flow mapping" in context:
        line = error.context_mark.line + 1
        kind = "yaml_list_unclosed" if "sequence" in context else "yaml_braces_unclosed"
        return _position(error.context_mark), message(kind, line=line)
    if "tab" in problem or (mark and _character(text, mark) == "\t"):
        return _position(mark), message("yaml_tab")
    # A quoted text that runs on into the next lines makes the parser stumble one or more lines later.
    stumbled = any(words in problem for words in ("did not find expected", "could not find expected ':'",
                                                  "end of stream"))
    runaway = mark and stumbled and _unclosed_quote_before(text, mark.line + 1)
    if runaway:
        return _unclosed_quote(runaway, _line(text, runaway - 1).find('"'), '"')
    if "mapping values are not allowed" in problem:
        before = _line(text, mark.line)[:mark.column]
        kind = "yaml_colon_in_text" if ": " in before or before.rstrip().endswith(":") else "yaml_indentation"
        return _position(mark), message(kind)
    if "could not find expected ':'" in problem and error.context_mark:
        return _position(error.context_mark), message("yaml_not_a_field")
    if mark and problem.startswith("did not find expected") and not _line(text, mark.line)[:mark.column].strip():
        return _position(mark), message("yaml_indentation")
    return (_position(mark) if mark else Position(1, 1)), message("yaml_unreadable")


def _position(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index] if index < len(lines) else ""


def _character(text: str, mark) -> str:
    return _line(text, mark.line)[mark.column:mark.column + 1]


def _unclosed_quote(line: int, column: int, quote: str) -> tuple[Position, str]:
    return Position(line, column + 1), message("yaml_quote_unclosed", quote=quote, line=line)


def _unclosed_quote_before(text: str, line: int) -> int | None:
    """The line, up to `line`, whose value opens a double quote it does not close."""
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
