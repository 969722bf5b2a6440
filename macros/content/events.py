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

from macros.content.models import Id, Model, Text, WebAddress
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
    id: Id
    kind: Literal["outgoing-mission", "incoming-delegation", "seminar"]
    start: MomentField | None = None
    end: MomentField | None = None
    timezone: str | None = None
    place: Text | None = None
    regions: list[Id] = []
    challenges: list[Id] = []
    title: Text
    description: Text
    registration: WebAddress | None = None
    contacts: list[Id] = []

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
    events: Annotated[list[Event], Field(min_length=1)]


def event_problems(events: list[Event], region_ids: list[str], challenge_ids: list[str], contact_ids: list[str]):
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
