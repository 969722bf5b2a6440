"""The menu of the site (data/navigation.yml): the model, its expansion into pages, and the checks against the page
files. The engine turns the expanded menu into its own navigation (macros/engine/navigation.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, model_validator

from macros.content import page_paths
from macros.content.models import Model, PagePath, Text, described
from macros.content.problems import Problem, editor_error, source_label
from macros.content.yaml_source import Position, load_yaml
from macros.languages import DEFAULT_LANGUAGE
from macros.messages import message

NAVIGATION_FILE = "data/navigation.yml"

Generated = Literal["regions", "challenges", "provinces"]


class MenuItem(Model):
    """One line of the menu: a page, a section holding pages, or the pages generated from a data file."""

    # The same rule as _one_kind, for editors that check while typing.
    model_config = ConfigDict(**Model.model_config, json_schema_extra={
        "oneOf": [{"required": ["page"]}, {"required": ["section"]}, {"required": ["generated"]}]})

    page: PagePath | None = described(
        None, "de pagina, zoals in docs/nl/ (about.md, regions/index.md)",
        "the page, as in docs/nl/ (about.md, regions/index.md)")
    title: Text | None = described(
        None, "optioneel: de titel in het menu; zonder titel geldt de eerste kop (#) van de pagina",
        "optional: the title in the menu; without it, the page's first heading (#) is used")
    section: Text | None = described(
        None, "een groep in het menu: de titel in elke taal, met de pagina's eronder in pages",
        "a group in the menu: its title in each language, with its pages under pages")
    pages: list[MenuItem] = described(
        [], "de pagina's (en groepen) van een section, in de volgorde van het menu",
        "the pages (and groups) of a section, in menu order")
    generated: Generated | None = described(
        None, "de pagina's die uit de gegevens komen, één per regio, uitdaging of provincie",
        "the pages that come from the data, one per region, challenge area or province")

    @model_validator(mode="after")
    def _one_kind(self) -> MenuItem:
        kinds = [name for name in ("page", "section", "generated") if getattr(self, name) is not None]
        if len(kinds) != 1:
            raise editor_error("menu_one_kind")
        if self.title is not None and self.page is None:
            raise editor_error("menu_title_without_page")
        if self.section is not None and not self.pages:
            raise editor_error("menu_section_without_pages")
        if self.pages and self.section is None:
            raise editor_error("menu_pages_without_section")
        return self


class NavigationFile(Model):
    menu: Annotated[list[MenuItem], Field(min_length=1)] = described(
        ..., "het menu van de site, van boven naar onder", "the site's menu, from top to bottom")
    outside_menu: list[PagePath] = described(
        [], "pagina's die bewust niet in het menu staan: je bereikt ze alleen via links",
        "pages deliberately left out of the menu: reached through links only")


@dataclass(frozen=True)
class MenuPage:
    path: str
    title: Text | None  # None: the page's own first heading
    loc: tuple  # where in navigation.yml the page comes from


@dataclass(frozen=True)
class MenuSection:
    title: Text
    items: tuple[MenuPage | MenuSection, ...]


def menu_tree(navigation: NavigationFile, data) -> list[MenuPage | MenuSection]:
    """The menu with its generated entries expanded, from the validated navigation and the rest of the data."""
    return _expand(navigation.menu, ("menu",), data)


def _expand(items: list[MenuItem], loc: tuple, data) -> list[MenuPage | MenuSection]:
    tree: list[MenuPage | MenuSection] = []
    for index, item in enumerate(items):
        here = (*loc, index)
        if item.page is not None:
            tree.append(MenuPage(item.page, item.title, (*here, "page")))
        elif item.section is not None:
            tree.append(MenuSection(item.section, tuple(_expand(item.pages, (*here, "pages"), data))))
        else:
            tree.extend(MenuPage(path, title, (*here, "generated")) for path, title in generated_entries(item.generated, data))
    return tree


def generated_entries(kind: str, data) -> list[tuple[str, Text]]:
    """(page, title in the menu) of each page a data file makes, in the order of that file."""
    if kind == "regions":
        return [(page_paths.region_page(r.id), r.short_name) for r in data.regions]
    if kind == "challenges":
        return [(page_paths.challenge_page(c.id), c.name) for c in data.challenges]
    return [(page_paths.province_page(p.id), p.short_name or p.name) for p in data.provinces]


def menu_pages(tree) -> list[MenuPage]:
    pages = []
    for item in tree:
        pages.extend(menu_pages(item.items) if isinstance(item, MenuSection) else [item])
    return pages


def menu_problems(root: Path, docs_dir: Path, data, reported: set[str]) -> list[Problem]:
    """Menu lines without their page file, pages twice in the menu, and Dutch pages that are in no menu. Pages in
    `reported` already have a problem of their own (a page the data asks for)."""
    document = load_yaml(root / NAVIGATION_FILE)
    source = docs_dir / DEFAULT_LANGUAGE
    problems: list[Problem] = []

    def problem(loc: tuple, words: str, page: str) -> None:
        problems.append(Problem(NAVIGATION_FILE, document.position(loc), words, field=page))

    first_line: dict[str, int] = {}
    for entry in menu_pages(menu_tree(data.navigation, data)):
        line = document.position(entry.loc).line
        if entry.path in first_line:
            if line != first_line[entry.path]:
                problem(entry.loc, message("menu_page_twice", page=entry.path, line=first_line[entry.path]),
                        entry.path)
            continue
        first_line[entry.path] = line
        if entry.path not in reported and not (source / entry.path).exists():
            problem(entry.loc, message("menu_page_missing", page=entry.path, file=source_label(root, source / entry.path)),
                    entry.path)
    for index, path in enumerate(data.navigation.outside_menu):
        loc = ("outside_menu", index)
        if path in first_line:
            problem(loc, message("menu_page_also_outside", page=path, line=first_line[path]), path)
        elif path not in reported and not (source / path).exists():
            problem(loc, message("menu_outside_missing", file=source_label(root, source / path)), path)
    listed = set(first_line) | set(data.navigation.outside_menu)
    for path in sorted(source.rglob("*.md")) if source.is_dir() else []:
        page = path.relative_to(source).as_posix()
        if page not in listed:
            problems.append(Problem(
                source_label(root, path), Position(1, 1),
                message("menu_page_in_no_menu", page=page, file=NAVIGATION_FILE)))
    return problems
