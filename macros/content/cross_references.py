"""What one file alone cannot tell: ids used twice, and references to regions, challenge areas, provinces,
organisations and contacts that do not exist."""

from __future__ import annotations

from typing import Any

from macros.content.events import event_problems
from macros.content.models import Contact
from macros.content.problems import Problem, not_in_file
from macros.content.yaml_source import Position, YamlDocument
from macros.messages import message


def cross_reference_problems(documents: dict[str, YamlDocument], models: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for name, list_key in (("challenges.yml", "challenges"), ("organisations.yml", "organisations"),
                           ("regions.yml", "regions"), ("events.yml", "events"), ("contacts.yml", "contacts")):
        seen: dict[str, int] = {}
        for index, item in enumerate(getattr(models[name], list_key)):
            if item.id in seen:
                problems.append(Problem(
                    f"data/{name}", documents[name].position((list_key, index, "id")),
                    message("id_twice", id=item.id, number=seen[item.id] + 1),
                    item.id, "id"))
            seen.setdefault(item.id, index)

    challenge_ids = [c.id for c in models["challenges.yml"].challenges]
    provinces = [o.id for o in models["organisations.yml"].organisations if o.kind == "province"]
    regions_doc = documents["regions.yml"]
    for r_index, region in enumerate(models["regions.yml"].regions):
        if region.sister_province not in provinces:
            problems.append(Problem(
                "data/regions.yml", regions_doc.position(("regions", r_index, "sister_province")),
                not_in_file(region.sister_province, "kind_province", "data/organisations.yml", provinces),
                region.id, "sister_province"))
        for o_index, opportunity in enumerate(region.opportunities):
            for c_index, challenge_id in enumerate(opportunity.challenges):
                if challenge_id not in challenge_ids:
                    problems.append(Problem(
                        "data/regions.yml",
                        regions_doc.position(("regions", r_index, "opportunities", o_index, "challenges", c_index)),
                        not_in_file(challenge_id, "kind_challenge", "data/challenges.yml", challenge_ids),
                        region.id, f"opportunities.{o_index}.challenges"))
    region_ids = [r.id for r in models["regions.yml"].regions]
    for loc, entry, field, words in event_problems(models["events.yml"].events, region_ids, challenge_ids,
                                                     [c.id for c in models["contacts.yml"].contacts], provinces):
        problems.append(Problem("data/events.yml", documents["events.yml"].position(loc), words, entry, field))
    problems.extend(_contact_problems(documents, models, provinces))
    return problems


def _contact_problems(documents: dict[str, YamlDocument], models: dict[str, Any], provinces: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    organisations = [o.id for o in models["organisations.yml"].organisations]
    contacts = models["contacts.yml"].contacts
    document = documents["contacts.yml"]

    def problem(loc: tuple, contact: Contact, field: str, words: str) -> None:
        problems.append(Problem("data/contacts.yml", document.position(("contacts", *loc)), words, contact.id, field))

    for index, contact in enumerate(contacts):
        for field in ("organisation", "appointed_by"):
            value = getattr(contact, field)
            if value is not None and value not in organisations:
                problem((index, field), contact, field,
                        not_in_file(value, "kind_organisation", "data/organisations.yml", organisations))
        for p_index, province in enumerate(contact.provinces):
            if province not in provinces:
                problem((index, "provinces", p_index), contact, "provinces",
                        not_in_file(province, "kind_province", "data/organisations.yml", provinces))
        if contact.general and not contact.email:
            problem((index, "general"), contact, "general", message("general_contact_without_email"))
    if not any(c.general and c.email for c in contacts):
        problems.append(Problem(
            "data/contacts.yml", Position(1, 1), message("no_general_contact")))
    return problems
