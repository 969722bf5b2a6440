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
            raise DataError([Problem(f"locales/{lang}.yml", Position(1, 1),
                                     f"the placeholder {{{error.args[0]}}} is not known here; it can use: "
                                     f"{', '.join('{' + name + '}' for name in values) or 'none'}", field=key)]) from None

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
            problems.append(Problem(label, Position(1, 1), "the file is missing: the site needs it"))
            continue
        except YamlSyntaxError as error:
            problems.append(Problem(label, error.position, error.message))
            continue
        if not isinstance(document.data, dict):
            problems.append(Problem(label, Position(1, 1), "expected 'key: text' lines"))
            continue
        for key, value in document.data.items():
            if not isinstance(value, str) or not trim_invisible(value):
                problems.append(Problem(label, document.position((key,)), "expected a non-empty text", field=str(key)))
            elif (broken := _broken_braces(value)) is not None:
                problems.append(Problem(label, document.position((key,)), broken, field=str(key)))
        bundles[lang] = {str(k): str(v) for k, v in document.data.items()}
    if DEFAULT_LANGUAGE in bundles:
        reference = bundles[DEFAULT_LANGUAGE]
        for lang, bundle in bundles.items():
            for key in reference.keys() - bundle.keys():
                problems.append(Problem(f"locales/{lang}.yml", Position(1, 1),
                                        f"the text is missing; locales/{DEFAULT_LANGUAGE}.yml has it", field=key))
            for key in bundle.keys() - reference.keys():
                problems.append(Problem(f"locales/{lang}.yml", Position(1, 1),
                                        f"unknown key; locales/{DEFAULT_LANGUAGE}.yml does not have it", field=key))
            for key in reference.keys() & bundle.keys():
                if _broken_braces(reference[key]) or _broken_braces(bundle[key]):
                    continue  # reported above
                if _placeholders(reference[key]) != _placeholders(bundle[key]):
                    problems.append(Problem(f"locales/{lang}.yml", Position(1, 1),
                                            f"the {{placeholders}} differ from locales/{DEFAULT_LANGUAGE}.yml", field=key))
    if problems:
        raise DataError(problems)
    return Strings(bundles)


def _broken_braces(text: str) -> str | None:
    """What is wrong with the {placeholders} of a text, or None."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ("a { or } that does not belong to a {placeholder}: keep the placeholders as they are, and write "
                "{{ or }} for a brace that must show")
    for name in names:
        if not name.isidentifier():
            return f"'{{{visible(name)}}}' is not a placeholder: placeholders are words like {{region}}"
    return None


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
