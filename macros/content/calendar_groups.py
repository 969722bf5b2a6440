"""The events as the calendar shows them: upcoming, undated and past by month, and the span a feed covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from macros.content.events import Event


@dataclass(frozen=True)
class CalendarGroups:
    upcoming: list[Event]
    undated: list[Event]
    past_by_month: list[tuple[date, list[Event]]]


def calendar_groups(events, today: date) -> CalendarGroups:
    """Upcoming events soonest first; past ones newest first, grouped by the month they began in."""
    dated = sorted((e for e in events if e.start), key=lambda e: (e.start.first_day, e.last_day))
    upcoming = [e for e in dated if e.last_day >= today]
    past = [e for e in reversed(dated) if e.last_day < today]
    months: dict[date, list[Event]] = {}
    for event in past:
        months.setdefault(event.start.first_day.replace(day=1), []).append(event)
    return CalendarGroups(upcoming, [e for e in events if not e.start], list(months.items()))


def feed_span(events) -> tuple[date, date]:
    """Dates before and after every event of a feed, for the time zone rules the feed must carry."""
    days = [d for e in events for d in (e.start.first_day, e.last_day)]
    return min(days) - timedelta(days=366), max(days) + timedelta(days=366)


@dataclass(frozen=True)
class Outlook:
    """What is next, for the texts that follow the calendar (home and about pages): the upcoming events soonest
    first, the most recent past ones newest first, and the undated ones, each with whether a date is still
    expected."""

    upcoming: list[Event]
    recent: list[Event]
    undated: list[tuple[Event, bool]]


def outlook(events, today: date, recent: int = 3) -> Outlook:
    groups = calendar_groups(events, today)
    past = [e for _, month in groups.past_by_month for e in month]
    return Outlook(groups.upcoming, past[:recent], [(e, date_expected(events, e, today)) for e in groups.undated])


def date_expected(events, event: Event, today: date) -> bool:
    """Whether an undated event may still get a date: the data lists it among the events it belongs with (the
    closing seminar after the mission), so it is still to come only while a dated event beside it in the list is.
    An undated event whose dated neighbours are all past has not been scheduled, and promises no date."""
    events = list(events)
    index = events.index(event)
    before = next((e for e in reversed(events[:index]) if e.start), None)
    after = next((e for e in events[index + 1:] if e.start), None)
    neighbours = [e for e in (before, after) if e]
    return not neighbours or any(e.last_day >= today for e in neighbours)
