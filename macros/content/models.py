"""Typed models of the files in data/. Validation happens here, once, before anything is rendered."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, AnyHttpUrl, BaseModel, ConfigDict, Field, WithJsonSchema

from macros.content.problems import editor_error
from macros.content.yaml_source import trim_invisible, visible
from macros.languages import LANGUAGES


def _non_empty(value: str) -> str:
    value = trim_invisible(value)
    if not value:
        raise editor_error("text_empty")
    return value


def _written_as(kind: str, pattern: str):
    """A text of a fixed form (an id, an e-mail address, …); a mismatch is worded by the message '<kind>_format'.
    The schema keeps the pattern, for editors that check while typing."""
    form = re.compile(pattern)

    def check(value: str) -> str:
        value = trim_invisible(value)
        if not form.fullmatch(value):
            raise editor_error(f"{kind}_format", value=visible(value))
        return value

    return Annotated[str, AfterValidator(check), WithJsonSchema({"type": "string", "pattern": f"^{pattern}$"})]


Id = _written_as("id", r"[a-z0-9]+(-[a-z0-9]+)*")
NonEmpty = Annotated[str, AfterValidator(_non_empty), WithJsonSchema({"type": "string", "minLength": 1})]


class Model(BaseModel):
    # A misspelt field name must be an error, not a silently ignored value.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A text in every language of the site."""

    nl: NonEmpty
    en: NonEmpty
    zh: NonEmpty

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(f"unknown language {lang!r}")
        return getattr(self, lang)


class Challenge(Model):
    id: Id
    name: Text
    description: Text


class Organisation(Model):
    id: Id
    kind: Literal["province", "development-agency", "sector-organisation", "government-agency",
                  "research-organisation", "consultancy"]
    # False for an organisation named only for a contact of a related project: it is no partner of I²PCC.
    partner: bool = True
    name: Text
    # The name on maps and in tight places (e.g. "Antwerpen" for "Provincie Antwerpen"); else `name` is used.
    short_name: Text | None = None
    role: Text
    website: AnyHttpUrl | None = None


class Population(Model):
    count: Annotated[int, Field(gt=0)]
    more_than: bool = False


class Opportunity(Model):
    text: Text
    challenges: Annotated[list[Id], Field(min_length=1)]


class Region(Model):
    id: Id
    name: Text
    short_name: Text
    subtitle: Text | None = None
    sister_province: Id
    tie_since: Annotated[int, Field(ge=1900, le=2100)] | None = None
    tie_note: Text | None = None
    capital: Text | None = None
    population: Population | None = None
    area_km2: Annotated[int, Field(gt=0)] | None = None
    summary: Text
    key_facts: list[Text] = []
    opportunities: list[Opportunity] = []

    @property
    def challenge_ids(self) -> list[str]:
        """The challenge areas this region's opportunities belong to, each once, in first-mention order."""
        return list(dict.fromkeys(c for o in self.opportunities for c in o.challenges))


class ChallengesFile(Model):
    challenges: Annotated[list[Challenge], Field(min_length=1)]


class OrganisationsFile(Model):
    organisations: Annotated[list[Organisation], Field(min_length=1)]


class RegionsFile(Model):
    regions: Annotated[list[Region], Field(min_length=1)]



# A plain address: one @, no spaces, a dot in the domain. Deliverability is for the sender's mail program to judge.
Email = _written_as("email", r"[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}")
# As the source writes it: a leading + and digits, with spaces, dots or hyphens as visual separators.
Phone = _written_as("phone", r"\+[0-9][0-9 .\-]{5,}")
# Registration pages are given in full and over https, so that a link never leads to an insecure page.
WebAddress = _written_as("web_address", r"https://[^\s<>\"]+")
Language = Literal["nl", "en", "zh"]


class PersonName(Model):
    given: NonEmpty
    family: NonEmpty
    family_first: bool = False  # a Chinese name: written family name first on the Chinese pages


class Contact(Model):
    id: Id
    organisation: Id
    person: PersonName | None = None
    role: Text
    project: Text | None = None
    email: Email | None = None
    phone: Phone | None = None
    appointed_by: Id | None = None
    provinces: list[Id] = []
    general: bool = False
    languages: list[Language] = []


class ContactsFile(Model):
    contacts: Annotated[list[Contact], Field(min_length=1)]


class Funding(Model):
    amount_eur: Annotated[Decimal, Field(gt=0, decimal_places=2)]


class Term(Model):
    """One concept of the termbase (data/terms.yml): its one name per language and the spellings that must not
    appear in that language."""

    id: Id
    nl: NonEmpty
    en: NonEmpty
    zh: NonEmpty
    avoid: dict[Language, Annotated[list[NonEmpty], Field(min_length=1)]] = {}
    note: NonEmpty | None = None


class TermsFile(Model):
    terms: Annotated[list[Term], Field(min_length=1)]


class FundingFile(Model):
    funding: Funding
