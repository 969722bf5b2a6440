"""Loads and checks everything in data/ once, and answers the questions the pages ask of it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.content.cross_references import cross_reference_problems
from macros.content.events import Event, EventsFile
from macros.content.menu import NavigationFile
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
from macros.content.problems import DataError, Problem, not_in_file, problems_from
from macros.content.yaml_source import Position, YamlDocument, YamlSyntaxError, file_stamp, load_yaml
from macros.messages import message

# file name -> model of the whole file; the order is the order in which problems are reported
DATA_FILES: dict[str, type[BaseModel]] = {
    "challenges.yml": ChallengesFile,
    "organisations.yml": OrganisationsFile,
    "regions.yml": RegionsFile,
    "events.yml": EventsFile,
    "contacts.yml": ContactsFile,
    "funding.yml": FundingFile,
    "terms.yml": TermsFile,
    "navigation.yml": NavigationFile,
}

@dataclass(frozen=True)
class SiteData:
    challenges: tuple[Challenge, ...]
    organisations: tuple[Organisation, ...]
    regions: tuple[Region, ...]
    events: tuple[Event, ...]
    contacts: tuple[Contact, ...]
    funding: Funding
    terms: tuple[Term, ...]
    navigation: NavigationFile

    def challenge(self, challenge_id: str) -> Challenge:
        return _find(self.challenges, challenge_id, "kind_challenge", "data/challenges.yml")

    def organisation(self, organisation_id: str) -> Organisation:
        return _find(self.organisations, organisation_id, "kind_organisation", "data/organisations.yml")

    def region(self, region_id: str) -> Region:
        return _find(self.regions, region_id, "kind_region", "data/regions.yml")

    def regions_for_challenge(self, challenge_id: str) -> list[Region]:
        return [r for r in self.regions if challenge_id in r.challenge_ids]

    def regions_of_province(self, province_id: str) -> list[Region]:
        return [r for r in self.regions if r.sister_province == province_id]

    def events_for_region(self, region_id: str) -> list[Event]:
        return _chronological(e for e in self.events if region_id in e.regions)

    def organisations_with_province(self, province_id: str) -> list[Organisation]:
        """The other organisations that answer for a province in the project (POM Antwerpen for Antwerpen): those of
        the contacts that serve the province."""
        ids = dict.fromkeys(c.organisation for c in self.contacts if province_id in c.provinces)
        return [self.organisation(i) for i in ids if i != province_id]

    def events_for_challenge(self, challenge_id: str) -> list[Event]:
        return _chronological(e for e in self.events if challenge_id in e.challenges)

    def events_for_province(self, province_id: str) -> list[Event]:
        """The events that name this Flemish province in their `provinces`, and those of its partner regions."""
        regions = {r.id for r in self.regions_of_province(province_id)}
        return _chronological(e for e in self.events if province_id in e.provinces or regions & set(e.regions))

    @property
    def partners(self) -> list[Organisation]:
        return [o for o in self.organisations if o.partner]

    @property
    def provinces(self) -> list[Organisation]:
        return [o for o in self.organisations if o.kind == "province"]

    def contact(self, contact_id: str) -> Contact:
        return _find(self.contacts, contact_id, "kind_contact", "data/contacts.yml")

    @property
    def general_contacts(self) -> list[Contact]:
        return [c for c in self.contacts if c.general and c.email]

    def province_contacts(self, province_id: str) -> list[Contact]:
        """The contacts with an e-mail address that answer for the partner regions of this province."""
        return [c for c in self.contacts if province_id in c.provinces and c.email]

    def region_contacts(self, region_id: str) -> tuple[list[Contact], bool]:
        """Whom to write about a region: its partner province's contacts, else the general ones (second value True)."""
        own = self.province_contacts(self.region(region_id).sister_province)
        return (own, False) if own else (self.general_contacts, True)

    @property
    def regions_with_own_contacts(self) -> list[Region]:
        """The regions whose contacts are not the general ones: only these need a line of their own on the contact
        and interest pages (today every region is served by the general contacts)."""
        return [r for r in self.regions if self.region_contacts(r.id)[0] != self.general_contacts]

    @property
    def provinces_with_own_contacts(self) -> list[Organisation]:
        """The provinces with contacts of their own other than the general ones."""
        return [p for p in self.provinces if self.province_contacts(p.id) not in ([], self.general_contacts)]


def _chronological(events) -> list[Event]:
    """Dated events in calendar order, then the undated ones."""
    return sorted(events, key=lambda e: (e.start is None, e.start.first_day if e.start else None))


def _find(items, item_id: str, kind: str, file: str):
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(not_in_file(item_id, kind, file, [i.id for i in items]))


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
            problems.append(Problem(label, Position(1, 1), message("file_missing")))
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
            problems.extend(problems_from(label, document, error))
    if not problems:
        problems.extend(cross_reference_problems(documents, models))
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
        navigation=models["navigation.yml"],
    )
