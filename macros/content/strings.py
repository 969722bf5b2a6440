"""Our own interface strings: one bundle per language in locales/, checked to have the same keys."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.lists import format_list

from macros.content.problems import DataError, Problem
from macros.content.yaml_source import Position, YamlSyntaxError, file_stamp, load_yaml, trim_invisible, visible
from macros.languages import DEFAULT_LANGUAGE, LANGUAGES, language
from macros.messages import message


@dataclass(frozen=True)
class Strings:
    bundles: dict[str, dict[str, str]]

    def get(self, lang: str, key: str, **values) -> str:
        text = self.bundles[lang][key]
        if not values:
            return text  # some texts go to the page's script with their {placeholders} (the interest form)
        try:
            return text.format(**values)
        except KeyError as error:
            known = ", ".join("{" + name + "}" for name in values)
            raise DataError([Problem(f"locales/{lang}.yml", Position(1, 1),
                                     message("placeholder_unknown", name=error.args[0],
                                             known=known or message("placeholder_none")), field=key)]) from None

    def join(self, lang: str, items: list[str]) -> str:
        """A list in running text: 'a, b en c', 'a, b and c', 'a、b和c'."""
        return format_list(items, locale=language(lang).babel_locale)

    def count(self, lang: str, number: int) -> str:
        """A count as the language writes it in running text: a word up to the last one in `number.words`."""
        words = [word.strip() for word in self.get(lang, "number.words").split(",")]
        return words[number] if 0 <= number < len(words) else str(number)


def load_strings(locales_dir: Path) -> Strings:
    stamps = tuple(file_stamp(locales_dir / f"{lang}.yml") for lang in LANGUAGES)
    return _load(Path(locales_dir).resolve(), stamps)


@lru_cache(maxsize=4)
def _load(locales_dir: Path, _stamps: tuple) -> Strings:
    problems: list[Problem] = []
    bundles: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        label = f"locales/{lang}.yml"
        try:
            document = load_yaml(locales_dir / f"{lang}.yml")
        except FileNotFoundError:
            problems.append(Problem(label, Position(1, 1), message("file_missing")))
            continue
        except YamlSyntaxError as error:
            problems.append(Problem(label, error.position, error.message))
            continue
        if not isinstance(document.data, dict):
            problems.append(Problem(label, Position(1, 1), message("strings_not_key_text")))
            continue
        for key, value in document.data.items():
            if not isinstance(value, str) or not trim_invisible(value):
                problems.append(Problem(label, document.position((key,)), message("string_empty"), field=str(key)))
            elif (broken := _broken_braces(value)) is not None:
                problems.append(Problem(label, document.position((key,)), broken, field=str(key)))
        bundles[lang] = {str(k): str(v) for k, v in document.data.items()}
    if DEFAULT_LANGUAGE in bundles:
        reference = bundles[DEFAULT_LANGUAGE]
        for lang, bundle in bundles.items():
            for key in reference.keys() - bundle.keys():
                problems.append(Problem(f"locales/{lang}.yml", Position(1, 1),
                                        message("string_missing", source=DEFAULT_LANGUAGE), field=key))
            for key in bundle.keys() - reference.keys():
                problems.append(Problem(f"locales/{lang}.yml", Position(1, 1),
                                        message("string_unknown_key", source=DEFAULT_LANGUAGE), field=key))
            for key in reference.keys() & bundle.keys():
                if _broken_braces(reference[key]) or _broken_braces(bundle[key]):
                    continue  # reported above
                if _placeholders(reference[key]) != _placeholders(bundle[key]):
                    problems.append(Problem(f"locales/{lang}.yml", Position(1, 1), message(
                        "placeholders_differ", names=_braced(bundle[key]), source=DEFAULT_LANGUAGE,
                        source_names=_braced(reference[key])), field=key))
    if problems:
        raise DataError(problems)
    return Strings(bundles)


def _broken_braces(text: str) -> str | None:
    """What is wrong with the {placeholders} of a text, or None."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return message("stray_brace")
    for name in names:
        if not name.isidentifier():
            return message("not_a_placeholder", name=visible(name))
    return None


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _braced(text: str) -> str:
    return ", ".join("{" + name + "}" for name in sorted(_placeholders(text))) or message("placeholder_none")
