"""A problem found in what an editor wrote: its file, line and column, and the words that say what to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from macros.content.yaml_source import Position, YamlDocument, visible
from macros.languages import LANGUAGES

_LANGUAGE_WORDS = {"nl": "Dutch (nl)", "en": "English (en)", "zh": "Chinese (zh)"}


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
            what.append(f"entry '{self.entry}'")
        if self.field:
            what.append(f"field '{self.field}'")
        subject = f" {', '.join(what)}:" if what else ""
        return f"{where}:{subject} {self.message}"


class DataError(Exception):
    def __init__(self, problems: list[Problem], where: str = "in the data"):
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"The site was not built: {count} {where} to fix first.\n{lines}")


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
            return f"number {loc[1] + 1} in the list"
    return None


_FORMATS = {
    "id_format": "is not a valid id: use lowercase letters, digits and hyphens only, like 'east-flanders'",
    "email_format": "is not an e-mail address: write it as name@domain.be, with one @ and no spaces",
    "phone_format": "is not a phone number as the site writes them: start with + and the country code, then the "
                    "digits, with spaces if you like, like +32 and the number",
    "page_path_format": "is not a page as the menu names it: the file in docs/nl/ with its folders, in lowercase "
                        "letters, digits and hyphens, ending in .md, like 'regions/index.md'",
    "web_address_format": "is not a complete web address: write it as it appears in the browser, starting with "
                          "https:// and without spaces",
}


def _plain_words(detail: dict, loc: tuple) -> str:
    kind = detail["type"]
    last = loc[-1] if loc else None
    if kind == "missing":
        if last in LANGUAGES:
            return f"the {_LANGUAGE_WORDS[last]} text is missing: every text needs nl, en and zh"
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return "this field is not known: check its spelling and indentation against the example at the top of the file"
    if kind in _FORMATS:
        return f"'{visible(str(detail['input']))}' {_FORMATS[kind]}"
    if kind.startswith("url_"):
        return (f"'{visible(str(detail['input']))}' is not a complete web address: write it as it appears in the "
                "browser, starting with https:// (or http://) and without spaces")
    if kind == "string_too_short":
        return ("the text is empty (or holds only spaces or invisible characters): write it, or leave the whole "
                "field out if it is optional")
    if kind in ("string_type",):
        return f"expected a text, found {visible(repr(detail['input']))}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number (like 1985), found {detail['input']!r}"
    if kind in ("greater_than", "greater_than_equal", "less_than_equal"):
        return f"the number {detail['input']!r} is out of range ({detail['msg'].lower()})"
    if kind == "literal_error":
        return f"'{visible(str(detail['input']))}' is not allowed here: {detail['msg'].lower()}"
    if kind in ("list_type",):
        return "expected a list (lines starting with '- ')"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if last in LANGUAGES or isinstance(detail.get("input"), str):
            return "expected the texts per language (nl:, en:, zh: on their own lines below), found a single value"
        return "expected fields (name: value lines) here"
    if kind == "too_short":
        return "the list is empty: it needs at least one item"
    return detail["msg"]
