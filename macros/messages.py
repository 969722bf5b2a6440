"""What the site says to editors: the build, the checks of data/, locales/ and the pages, and the commands. Dutch by
default, English with I2PCC_MESSAGES=en. The texts are in macros/messages/<language>.yml, one bundle per language
like the interface strings in locales/, so that the wording is changed, and a language added, in one place."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

MESSAGES_ENV = "I2PCC_MESSAGES"
DEFAULT = "nl"
BUNDLES = Path(__file__).resolve().parent / "messages"


@lru_cache(maxsize=None)
def bundle(lang: str) -> dict[str, str]:
    with open(BUNDLES / f"{lang}.yml", encoding="utf-8") as file:
        return yaml.safe_load(file)


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in BUNDLES.glob("*.yml")))


def message_language() -> str:
    """The language the messages are in, for the lang attribute of a page that shows them."""
    lang = os.environ.get(MESSAGES_ENV, DEFAULT)
    return lang if lang in languages() else DEFAULT


def message(message_id: str, **fields) -> str:
    # Read on every call, not at import: a test, or mkdocs serve, may switch the language while the process lives.
    return bundle(message_language())[message_id].format(**fields)


def seconds(value: float, digits: int = 1) -> str:
    """A duration for a message, with the decimal mark of the messages' language (4,2 in Dutch, 4.2 in English)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if message_language() == "nl" else text
