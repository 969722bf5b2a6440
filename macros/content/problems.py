"""A problem found in what an editor wrote: its file, line and column, and the words that say what to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from macros.content.yaml_source import Position, YamlDocument, visible
from macros.languages import LANGUAGES
from macros.messages import message


@dataclass(frozen=True)
class Problem:
    file: str
    position: Position
    message: str
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.position.line}:{self.position.column}"
        what = []
        if self.entry:
            what.append(message("problem_entry", entry=visible(self.entry)))
        if self.field:
            what.append(message("problem_field", field=visible(self.field)))
        subject = f" {', '.join(what)}:" if what else ""
        return f"{where}:{subject} {self.message}"


def count_problems(problems: list[Problem]) -> str:
    """"1 probleem", "3 problemen"."""
    if len(problems) == 1:
        return message("problems_one")
    return message("problems_many", count=len(problems))


def problem_list(heading_id: str, problems: list[Problem]) -> str:
    lines = "\n".join(f"  - {p}" for p in problems)
    return f"{message(heading_id, problems=count_problems(problems))}\n{lines}"


class DataError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(problem_list("not_built", problems))


def editor_error(message_id: str, **fields) -> PydanticCustomError:
    """A validation error whose text is already in the editor's words (see _plain_words)."""
    return PydanticCustomError("editor", message(message_id, **fields))


def not_in_file(value: str, kind: str, file: str, known) -> str:
    """The words for a reference to an id that the file it points to does not have; `kind` is a message id."""
    return message("not_in_file", value=value, kind=message(kind), file=file, known=", ".join(known))


def problems_from(label: str, document: YamlDocument, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        entry = _entry_id(document.data, loc)
        field = ".".join(str(step) for step in loc[2:]) if len(loc) > 2 else None
        problems.append(Problem(label, document.position(loc), _plain_words(detail, loc), entry, field))
    return problems


def _entry_id(data: Any, loc: tuple) -> str | None:
    if len(loc) >= 2 and isinstance(data, dict):
        items = data.get(loc[0])
        if isinstance(items, list) and isinstance(loc[1], int) and loc[1] < len(items):
            item = items[loc[1]]
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                return item["id"]
            return message("entry_unnamed", number=loc[1] + 1)
    return None


# pydantic's error types (https://docs.pydantic.dev/latest/errors/validation_errors/) -> the message that words
# them, filled in with the value found ({value}) and pydantic's limit ({limit}).
_WORDS = {
    "string_type": "not_a_text",
    "int_parsing": "not_a_whole_number", "int_type": "not_a_whole_number", "int_from_float": "not_a_whole_number",
    "decimal_parsing": "not_a_number", "decimal_type": "not_a_number", "float_parsing": "not_a_number",
    "bool_parsing": "not_yes_or_no", "bool_type": "not_yes_or_no",
    "list_type": "not_a_list",
    "too_short": "list_empty",
}
_LIMITS = {"greater_than": ("number_above", "gt"), "greater_than_equal": ("number_at_least", "ge"),
           "less_than": ("number_below", "lt"), "less_than_equal": ("number_at_most", "le"),
           "decimal_max_places": ("number_decimals", "decimal_places")}


def _plain_words(detail: dict, loc: tuple) -> str:
    kind = detail["type"]
    last = loc[-1] if loc else None
    found = visible(repr(detail.get("input")))
    if kind == "editor":
        return detail["msg"]
    if kind == "missing":
        if last in LANGUAGES:
            return message("text_missing", language=message(f"language_{last}"), lang=last)
        return message("field_missing")
    if kind == "extra_forbidden":
        return message("field_unknown")
    if kind.startswith("url_"):
        return message("web_address", value=visible(str(detail["input"])))
    if kind in _WORDS:
        return message(_WORDS[kind], value=found)
    if kind in _LIMITS:
        message_id, limit = _LIMITS[kind]
        return message(message_id, value=found, limit=detail["ctx"][limit])
    if kind == "literal_error":
        choices = ", ".join(re.findall(r"'([^']*)'", detail["ctx"]["expected"]))
        return message("not_allowed", value=visible(str(detail["input"])), choices=choices)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if last in LANGUAGES or isinstance(detail.get("input"), str):
            return message("not_per_language")
        return message("not_fields")
    return message("value_wrong", value=found)


def source_label(root: Path, path: Path) -> str:
    """A file as messages name it: relative to the project when it is inside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
