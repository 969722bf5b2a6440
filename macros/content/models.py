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
# A page file relative to a language folder, as links and the menu name it: folders and name in lowercase.
PagePath = _written_as("page_path", r"([a-z0-9]+(-[a-z0-9]+)*/)*[a-z0-9]+(-[a-z0-9]+)*\.md")


def described(default, nl: str, en: str):
    """A field with its meaning in Dutch and English: editors read it in VS Code while typing (schemas/)."""
    return Field(default, description=f"nl: {nl} / en: {en}")


class Model(BaseModel):
    # A misspelt field name must be an error, not a silently ignored value.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A text in every language of the site."""

    nl: NonEmpty = described(..., "de Nederlandse tekst", "the Dutch text")
    en: NonEmpty = described(..., "de Engelse tekst", "the English text")
    zh: NonEmpty = described(..., "de Chinese tekst (vereenvoudigd Chinees)", "the Chinese text (Simplified Chinese)")

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGUAGES:
            raise KeyError(f"unknown language {lang!r}")
        return getattr(self, lang)


_ID_MEANING = ("korte naam voor de computer: kleine letters, cijfers en koppeltekens; nooit meer wijzigen na publicatie",
      "short name for the computer: lowercase letters, digits and hyphens; never change it once published")


class Challenge(Model):
    id: Id = described(..., *_ID_MEANING)
    name: Text = described(..., "korte naam: menu, matrix, regiopagina's", "short name: menu, matrix, region pages")
    description: Text = described(..., "de volledige omschrijving van de uitdaging", "the full wording of the challenge")


class Organisation(Model):
    id: Id = described(..., *_ID_MEANING)
    kind: Literal["province", "development-agency", "sector-organisation", "government-agency",
                  "research-organisation", "consultancy"] = described(..., "het soort organisatie", "the kind of organisation")
    # False for an organisation named only for a contact of a related project: it is no partner of I²PCC.
    partner: bool = described(
        True, "false voor een organisatie die alleen genoemd wordt bij een contact van een verwant project",
        "false for an organisation named only for a contact of a related project")
    name: Text = described(..., "de volledige naam", "the full name")
    # The name on maps and in tight places (e.g. "Antwerpen" for "Provincie Antwerpen"); else `name` is used.
    short_name: Text | None = described(None, "optioneel: de naam op kaarten en in het menu",
                                        "optional: the name on maps and in the menu")
    role: Text = described(..., "wat de organisatie in I²PCC doet", "what the organisation does in I²PCC")
    website: AnyHttpUrl | None = described(None, "optioneel: de website, alleen als een bron ze geeft",
                                           "optional: the website, only when a source gives it")


class Population(Model):
    count: Annotated[int, Field(gt=0)] = described(..., "het aantal inwoners, een geheel getal",
                                                   "the number of inhabitants, a whole number")
    more_than: bool = described(False, "true als de bron \"meer dan\" zegt", "true when the source says \"more than\"")


class Opportunity(Model):
    text: Text = described(..., "de opportuniteit", "the opportunity")
    challenges: Annotated[list[Id], Field(min_length=1)] = described(
        ..., "de id's van de uitdagingen waar ze bij hoort (data/challenges.yml)",
        "the ids of the challenge areas it belongs to (data/challenges.yml)")


class Region(Model):
    id: Id = described(..., *_ID_MEANING)
    name: Text = described(..., "de officiële naam", "the official name")
    short_name: Text = described(..., "de korte naam voor menu en tabellen", "the short name for menu and tables")
    subtitle: Text | None = described(None, "optioneel: een ondertitel", "optional: a subtitle")
    sister_province: Id = described(..., "de Vlaamse partnerprovincie (data/organisations.yml)",
                                    "the Flemish partner province (data/organisations.yml)")
    tie_since: Annotated[int, Field(ge=1900, le=2100)] | None = described(
        None, "optioneel: het jaar waarin de band begon", "optional: the year the tie began")
    tie_note: Text | None = described(None, "optioneel: één zin over de band", "optional: one sentence on the tie")
    capital: Text | None = described(None, "optioneel: de hoofdstad", "optional: the capital")
    population: Population | None = described(None, "optioneel: de bevolking", "optional: the population")
    area_km2: Annotated[int, Field(gt=0)] | None = described(None, "optioneel: de oppervlakte in km²",
                                                             "optional: the area in km²")
    summary: Text = described(..., "de inleiding, twee tot vier zinnen", "the introduction, two to four sentences")
    key_facts: list[Text] = described([], "korte feiten (niet hoofdstad, bevolking of oppervlakte)",
                                      "short facts (not capital, population or area)")
    opportunities: list[Opportunity] = described([], "de cleantech-opportuniteiten", "the cleantech opportunities")

    @property
    def challenge_ids(self) -> list[str]:
        """The challenge areas this region's opportunities belong to, each once, in first-mention order."""
        return list(dict.fromkeys(c for o in self.opportunities for c in o.challenges))


class ChallengesFile(Model):
    challenges: Annotated[list[Challenge], Field(min_length=1)] = described(
        ..., "de uitdagingen, in de volgorde van de site", "the challenge areas, in the order of the site")


class OrganisationsFile(Model):
    organisations: Annotated[list[Organisation], Field(min_length=1)] = described(
        ..., "de organisaties", "the organisations")


class RegionsFile(Model):
    regions: Annotated[list[Region], Field(min_length=1)] = described(
        ..., "de partnerregio's, in de volgorde van de site", "the partner regions, in the order of the site")



# A plain address: one @, no spaces, a dot in the domain. Deliverability is for the sender's mail program to judge.
Email = _written_as("email", r"[^@\s<>\"]+@[^@\s<>\"]+\.[A-Za-z]{2,}")
# As the source writes it: a leading + and digits, with spaces, dots or hyphens as visual separators.
Phone = _written_as("phone", r"\+[0-9][0-9 .\-]{5,}")
# Registration pages are given in full and over https, so that a link never leads to an insecure page.
WebAddress = _written_as("web_address", r"https://[^\s<>\"]+")
Language = Literal["nl", "en", "zh"]


class PersonName(Model):
    given: NonEmpty = described(..., "de voornaam", "the given name")
    family: NonEmpty = described(..., "de familienaam", "the family name")
    # a Chinese name: written family name first on the Chinese pages
    family_first: bool = described(False, "true voor een Chinese naam (familienaam eerst)",
                                   "true for a Chinese name (family name first)")


class Contact(Model):
    id: Id = described(..., "korte naam: kleine letters, cijfers en koppeltekens; ook de naam van het .vcf-bestand",
                       "short name: lowercase letters, digits and hyphens; also the name of the .vcf file")
    organisation: Id = described(..., "de organisatie (data/organisations.yml)", "the organisation (data/organisations.yml)")
    person: PersonName | None = described(None, "optioneel, alleen als de bron de persoon noemt",
                                          "optional, only when a source names the person")
    role: Text = described(..., "wat het contact voor het project doet", "what the contact does for the project")
    project: Text | None = described(None, "optioneel: het verwante project, als het niet I²PCC is",
                                     "optional: the related project, when it is not I²PCC")
    email: Email | None = described(None, "optioneel: het e-mailadres zoals de bron het geeft",
                                    "optional: the e-mail address as the source gives it")
    phone: Phone | None = described(None, "optioneel: het telefoonnummer zoals de bron het schrijft",
                                    "optional: the phone number as the source writes it")
    appointed_by: Id | None = described(None, "optioneel: de organisatie die de persoon aanstelde",
                                        "optional: the organisation that appointed the person")
    provinces: list[Id] = described([], "optioneel: de provincies voor wier partnerregio's dit contact aanspreekpunt is",
                                    "optional: the provinces whose partner regions this contact serves")
    general: bool = described(False, "true voor een algemeen aanspreekpunt van het hele project",
                              "true for a general contact of the whole project")
    languages: list[Language] = described([], "optioneel: de talen waarin de bron het contact toont",
                                          "optional: the languages the source shows the contact using")

    @property
    def reachable(self) -> bool:
        """Whether the sources give a way to reach the contact: only then a contact card (.vcf) is offered."""
        return bool(self.email or self.phone)


class ContactsFile(Model):
    contacts: Annotated[list[Contact], Field(min_length=1)] = described(
        ..., "de contactpersonen en -adressen", "the contacts")


class Funding(Model):
    amount_eur: Annotated[Decimal, Field(gt=0, decimal_places=2)] = described(
        ..., "de EU-steun in euro, als gewoon getal (193198.00)", "the EU contribution in euro, a plain number (193198.00)")


class Term(Model):
    """One concept of the termbase (data/terms.yml): its one name per language and the spellings that must not
    appear in that language."""

    id: Id = described(..., "korte naam: kleine letters, cijfers en koppeltekens",
                       "short name: lowercase letters, digits and hyphens")
    nl: NonEmpty = described(..., "de Nederlandse naam", "the Dutch name")
    en: NonEmpty = described(..., "de Engelse naam", "the English name")
    zh: NonEmpty = described(..., "de Chinese naam", "the Chinese name")
    avoid: dict[Language, Annotated[list[NonEmpty], Field(min_length=1)]] = described(
        {}, "per taal de schrijfwijzen die niet op de site mogen", "per language the spellings the site must not use")
    note: NonEmpty | None = described(None, "optioneel: waarom", "optional: why")


class TermsFile(Model):
    terms: Annotated[list[Term], Field(min_length=1)] = described(
        ..., "de begrippen van de termenlijst", "the concepts of the termbase")


class FundingFile(Model):
    funding: Funding = described(..., "de EU-steun aan I²PCC", "the EU support of I²PCC")
