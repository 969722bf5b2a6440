"""Events of the mission calendar (data/events.yml): the model and the checks between its fields.

An event is dated only as precisely as its source: a month range stays a month range ("2019-02" to "2019-03"),
a day range a day range, and times need the time zone they were written in. An event without `start` is
undated (the page says the date is to be announced).
"""

from __future__ import annotations

from datetime import date, timezone
from functools import lru_cache
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, available_timezones

from pydantic import Field, field_validator

from macros.content.models import Id, Model, Text, WebAddress, described
from macros.content.moments import Moment, MomentField
from macros.content.problems import editor_error, not_in_file
from macros.content.yaml_source import visible
from macros.messages import message

# The name of the whole-calendar feed beside the per-event files (<event id>.ics); no event may take it.
FEED_ID = "i2pcc"


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


class Event(Model):
    id: Id = described(..., "korte naam: kleine letters, cijfers en koppeltekens; nooit meer wijzigen, hij staat in "
                            "de naam van het agendabestand",
                       "short name: lowercase letters, digits and hyphens; never change it, it names the .ics file")
    kind: Literal["outgoing-mission", "incoming-delegation", "seminar"] = described(
        ..., "missie naar China, bezoek van een Chinese delegatie of seminarie",
        "mission to China, visit of a Chinese delegation or seminar")
    start: MomentField | None = described(
        None, "zo precies als de bron: een maand (2019-04), een dag (2019-11-16) of een dag met uur (2019-11-16 09:00)",
        "as precise as the source: a month (2019-04), a day (2019-11-16) or a day with a time (2019-11-16 09:00)")
    end: MomentField | None = described(None, "de laatste dag zelf, even precies als start",
                                        "the last day itself, as precise as start")
    timezone: str | None = described(None, "alleen bij uren: de tijdzone van de uren (Europe/Brussels, Asia/Shanghai)",
                                     "with times only: the time zone of the times (Europe/Brussels, Asia/Shanghai)")
    # A past event is worded as planned ("Gepland voor …") unless the sources say it took place: a 2019 text that
    # announces a mission does not tell that the mission happened.
    took_place: bool = described(
        False, "true alleen als een bron zegt dat de activiteit heeft plaatsgevonden; anders heet een voorbije "
               "activiteit 'gepland voor'",
        "true only when a source says the event took place; otherwise a past event is called 'planned for'")
    place: Text | None = described(None, "optioneel: waar het plaatsvindt", "optional: where it takes place")
    regions: list[Id] = described([], "optioneel: de betrokken partnerregio's (data/regions.yml)",
                                  "optional: the partner regions it concerns (data/regions.yml)")
    provinces: list[Id] = described([], "optioneel: de betrokken Vlaamse provincies (data/organisations.yml)",
                                    "optional: the Flemish provinces it concerns (data/organisations.yml)")
    challenges: list[Id] = described([], "optioneel: de betrokken uitdagingen (data/challenges.yml)",
                                     "optional: the challenge areas it concerns (data/challenges.yml)")
    title: Text = described(..., "de titel", "the title")
    description: Text = described(..., "een korte beschrijving", "a short description")
    registration: WebAddress | None = described(None, "optioneel: de inschrijvingspagina (https://…)",
                                                "optional: the registration page (https://…)")
    contacts: list[Id] = described([], "optioneel: de contactpersonen (data/contacts.yml)",
                                   "optional: whom to contact about it (data/contacts.yml)")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None and value not in _zone_names():
            raise editor_error("timezone_unknown", value=visible(value))
        return value

    @property
    def precision(self) -> Literal["month", "day", "time"] | None:
        return self.start.precision if self.start else None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def last_day(self) -> date:
        """The last calendar day the event touches, in the zone its times were written in."""
        return (self.end or self.start).last_day

    @property
    def in_feed(self) -> bool:
        # A month range has no days to put in a calendar; inventing them would be wrong (see data/events.yml).
        return self.precision in ("day", "time")


class EventsFile(Model):
    events: Annotated[list[Event], Field(min_length=1)] = described(
        ..., "de activiteiten van de missiekalender", "the events of the mission calendar")


def event_problems(events: list[Event], region_ids: list[str], challenge_ids: list[str], contact_ids: list[str],
                   province_ids: list[str]):
    """(position loc, event id, field, message) for what one field alone cannot tell: order, precision, references."""
    for index, event in enumerate(events):
        def problem(field, words, *more):
            return ("events", index, field, *more), event.id, field, words

        if event.id == FEED_ID:
            yield problem("id", message("feed_id_reserved", id=FEED_ID))
        if event.end and not event.start:
            yield problem("end", message("end_without_start"))
        if event.start and event.end:
            if event.start.precision != event.end.precision:
                yield problem("end", message("end_precision", end=event.end, start=event.start))
            elif event.end < event.start:
                yield problem("end", message("end_before_start", end=event.end, start=event.start))
        if event.precision == "time" and not event.timezone:
            yield problem("timezone", message("timezone_needed"))
        if event.timezone and event.precision == "time":
            for field in ("start", "end"):
                moment = getattr(event, field)
                trouble = moment and _clock_change(moment, event.zone)
                if trouble:
                    yield problem(field, message(trouble, moment=moment, zone=event.timezone))
        if event.timezone and event.precision != "time":
            yield problem("timezone", message("timezone_without_time"))
        for field, kind, known, file in (("regions", "kind_region", region_ids, "data/regions.yml"),
                                         ("provinces", "kind_province", province_ids, "data/organisations.yml"),
                                         ("challenges", "kind_challenge", challenge_ids, "data/challenges.yml"),
                                         ("contacts", "kind_contact", contact_ids, "data/contacts.yml")):
            for index_in_list, item_id in enumerate(getattr(event, field)):
                if item_id not in known:
                    yield problem(field, not_in_file(item_id, kind, file, known), index_in_list)


def _clock_change(moment: Moment, zone: ZoneInfo) -> str | None:
    """The message that says why a wall-clock time cannot be placed in a zone (the hour the clocks skip or repeat),
    or None."""
    wall = moment.at(zone)
    if wall.utcoffset() == wall.replace(fold=1).utcoffset():
        return None
    back = wall.astimezone(timezone.utc).astimezone(zone)
    if back.replace(tzinfo=None) != wall.replace(tzinfo=None):
        return "time_skipped"
    return "time_twice"
