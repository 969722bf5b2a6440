"""YAML files read with their positions, so that every problem can name the line and column to fix."""

from __future__ import annotations

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
    ("could not find expected ':'", "a line that is not a 'field: value' pair, or an unclosed quote above it"),
    ("found unexpected end of stream", "an unclosed quote"),
    ("while scanning a quoted scalar", "an unclosed quote"),
    ("found duplicate key", "the same field twice in one entry"),
)


class _StrictLoader(yaml.SafeLoader):
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


def load_yaml(path: Path) -> YamlDocument:
    text = path.read_text(encoding="utf-8")
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is noticed only at the end of the file; where the quote opened is what helps.
        opened_quote = error.context and "quoted scalar" in error.context
        mark = (error.context_mark if opened_quote else None) or error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        raw = " ".join(str(part) for part in (error.context, error.problem) if part)
        hint = next((h for key, h in _HINTS if key in raw), None)
        runaway = any(key in raw for key in ("expected <block end>", "could not find expected ':'", "end of stream"))
        unclosed = _unclosed_quote_before(text, position.line) if runaway else None
        if unclosed:
            position = Position(unclosed, 1)
            hint = f"an unclosed quote on line {unclosed}: a text that opens with \" must end with \""
        message = f"the YAML cannot be read ({raw})"
        if hint:
            message += f"; look for {hint}"
        raise YamlSyntaxError(position, message) from None
    finally:
        loader.dispose()
    return YamlDocument(data, root)


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
