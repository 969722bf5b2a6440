"""Loads and checks everything in data/ once, and answers the questions the pages ask of it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.content.events import Event, EventsFile, event_problems
from macros.content.models import (
    Challenge,
    ChallengesFile,
    Contact,
    ContactsFile,
    Funding,
    FundingFile,
    Organisation,
    OrganisationsFile,
    Region,
    RegionsFile,
    Term,
    TermsFile,
)
from macros.content.yaml_source import Position, YamlDocument, YamlSyntaxError, file_stamp, load_yaml, visible
from macros.languages import LANGUAGES

# file name -> model of the whole file; the order is the order in which problems are reported
DATA_FILES: dict[str, type[BaseModel]] = {
    "challenges.yml": ChallengesFile,
    "organisations.yml": OrganisationsFile,
    "regions.yml": RegionsFile,
    "events.yml": EventsFile,
    "contacts.yml": ContactsFile,
    "funding.yml": FundingFile,
    "terms.yml": TermsFile,
}

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


@dataclass(frozen=True)
class SiteData:
    challenges: tuple[Challenge, ...]
    organisations: tuple[Organisation, ...]
    regions: tuple[Region, ...]
    events: tuple[Event, ...]
    contacts: tuple[Contact, ...]
    funding: Funding
    terms: tuple[Term, ...]

    def challenge(self, challenge_id: str) -> Challenge:
        return _find(self.challenges, challenge_id, "challenge area", "data/challenges.yml")

    def organisation(self, organisation_id: str) -> Organisation:
        return _find(self.organisations, organisation_id, "organisation", "data/organisations.yml")

    def region(self, region_id: str) -> Region:
        return _find(self.regions, region_id, "region", "data/regions.yml")

    def regions_for_challenge(self, challenge_id: str) -> list[Region]:
        return [r for r in self.regions if challenge_id in r.challenge_ids]

    def regions_of_province(self, province_id: str) -> list[Region]:
        return [r for r in self.regions if r.sister_province == province_id]

    def events_for_region(self, region_id: str) -> list[Event]:
        return _chronological(e for e in self.events if region_id in e.regions)

    def events_for_challenge(self, challenge_id: str) -> list[Event]:
        return _chronological(e for e in self.events if challenge_id in e.challenges)

    @property
    def partners(self) -> list[Organisation]:
        return [o for o in self.organisations if o.partner]

    @property
    def provinces(self) -> list[Organisation]:
        return [o for o in self.organisations if o.kind == "province"]

    def contact(self, contact_id: str) -> Contact:
        return _find(self.contacts, contact_id, "contact", "data/contacts.yml")

    @property
    def general_contacts(self) -> list[Contact]:
        return [c for c in self.contacts if c.general and c.email]

    def province_contacts(self, province_id: str) -> list[Contact]:
        """The contacts with an e-mail address that answer for the partner regions of this province."""
        return [c for c in self.contacts if province_id in c.provinces and c.email]

    def region_contacts(self, region_id: str) -> tuple[list[Contact], bool]:
        """Whom to write about a region: its sister province's contacts, else the general ones (second value True)."""
        own = self.province_contacts(self.region(region_id).sister_province)
        return (own, False) if own else (self.general_contacts, True)


def _chronological(events) -> list[Event]:
    """Dated events in calendar order, then the undated ones."""
    return sorted(events, key=lambda e: (e.start is None, e.start.first_day if e.start else None))


def _find(items, item_id: str, kind: str, file: str):
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in items)
    raise KeyError(f"there is no {kind} with id '{item_id}' in {file} (known ids: {known})")


def load_site_data(data_dir: Path) -> SiteData:
    """The validated data; read again only when a file in data/ changed (mkdocs serve), else once per process."""
    stamps = tuple((name, file_stamp(data_dir / name)) for name in DATA_FILES)
    return _load(Path(data_dir).resolve(), stamps)


@lru_cache(maxsize=4)
def _load(data_dir: Path, _stamps: tuple) -> SiteData:
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    models: dict[str, Any] = {}
    for name, model in DATA_FILES.items():
        label = f"data/{name}"
        path = data_dir / name
        if not path.exists():
            problems.append(Problem(label, Position(1, 1), "the file is missing; the site needs it"))
            continue
        try:
            document = load_yaml(path)
        except YamlSyntaxError as error:
            problems.append(Problem(label, error.position, error.message))
            continue
        documents[name] = document
        try:
            models[name] = model.model_validate(document.data)
        except ValidationError as error:
            problems.extend(_problems_from(label, document, error))
    if not problems:
        problems.extend(_cross_reference_problems(documents, models))
    if problems:
        raise DataError(problems)
    return SiteData(
        challenges=tuple(models["challenges.yml"].challenges),
        organisations=tuple(models["organisations.yml"].organisations),
        regions=tuple(models["regions.yml"].regions),
        events=tuple(models["events.yml"].events),
        contacts=tuple(models["contacts.yml"].contacts),
        funding=models["funding.yml"].funding,
        terms=tuple(models["terms.yml"].terms),
    )


def _problems_from(label: str, document: YamlDocument, error: ValidationError) -> list[Problem]:
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


def _cross_reference_problems(documents: dict[str, YamlDocument], models: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for name, list_key in (("challenges.yml", "challenges"), ("organisations.yml", "organisations"),
                           ("regions.yml", "regions"), ("events.yml", "events"), ("contacts.yml", "contacts")):
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(models[name], list_key)):
            if item.id in seen:
                problems.append(Problem(
                    f"data/{name}", documents[name].position((list_key, index, "id")),
                    f"the id '{item.id}' is used twice (also entry number {seen[item.id] + 1}); every id must be unique",
                    item.id, "id"))
            seen.setdefault(item.id, index)

    challenge_ids = [c.id for c in models["challenges.yml"].challenges]
    provinces = [o.id for o in models["organisations.yml"].organisations if o.kind == "province"]
    regions_doc = documents["regions.yml"]
    for r_index, region in enumerate(models["regions.yml"].regions):
        if region.sister_province not in provinces:
            problems.append(Problem(
                "data/regions.yml", regions_doc.position(("regions", r_index, "sister_province")),
                f"'{region.sister_province}' is not a province in data/organisations.yml (provinces: {', '.join(provinces)})",
                region.id, "sister_province"))
        for o_index, opportunity in enumerate(region.opportunities):
            for c_index, challenge_id in enumerate(opportunity.challenges):
                if challenge_id not in challenge_ids:
                    problems.append(Problem(
                        "data/regions.yml",
                        regions_doc.position(("regions", r_index, "opportunities", o_index, "challenges", c_index)),
                        f"'{challenge_id}' is not a challenge area in data/challenges.yml (known: {', '.join(challenge_ids)})",
                        region.id, f"opportunities.{o_index}.challenges"))
    region_ids = [r.id for r in models["regions.yml"].regions]
    for loc, entry, field, message in event_problems(models["events.yml"].events, region_ids, challenge_ids,
                                                       [c.id for c in models["contacts.yml"].contacts]):
        problems.append(Problem("data/events.yml", documents["events.yml"].position(loc), message, entry, field))
    problems.extend(_contact_problems(documents, models, provinces))
    return problems


def _contact_problems(documents: dict[str, YamlDocument], models: dict[str, Any], provinces: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    organisations = [o.id for o in models["organisations.yml"].organisations]
    contacts = models["contacts.yml"].contacts
    document = documents["contacts.yml"]

    def problem(loc: tuple, contact: Contact, field: str, message: str) -> None:
        problems.append(Problem("data/contacts.yml", document.position(("contacts", *loc)), message, contact.id, field))

    for index, contact in enumerate(contacts):
        for field in ("organisation", "appointed_by"):
            value = getattr(contact, field)
            if value is not None and value not in organisations:
                problem((index, field), contact, field,
                        f"'{value}' is not an organisation in data/organisations.yml (known: {', '.join(organisations)})")
        for p_index, province in enumerate(contact.provinces):
            if province not in provinces:
                problem((index, "provinces", p_index), contact, "provinces",
                        f"'{province}' is not a province in data/organisations.yml (provinces: {', '.join(provinces)})")
        if contact.general and not contact.email:
            problem((index, "general"), contact, "general", "a general contact needs an e-mail address")
    if not any(c.general and c.email for c in contacts):
        problems.append(Problem(
            "data/contacts.yml", Position(1, 1),
            "no contact has 'general: true' and an e-mail address: the regions whose sister province has no "
            "contact of its own need a general contact to write to"))
    return problems
