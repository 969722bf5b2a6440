"""The events as the calendar shows them: upcoming, undated and past by month, and the span a feed covers.

An undated event is placed by its neighbours in data/events.yml (the closing seminar after the mission): while a
dated event beside it is still to come, its date may still be announced and it stands apart, "date to be
announced"; once its dated neighbours are all past, it was never given a date and it stands among the past
events, where its neighbours are, worded as planned without a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from macros.content.events import Event


@dataclass(frozen=True)
class CalendarGroups:
    upcoming: list[Event]
    # Undated events that may still get a date.
    undated: list[Event]
    # Past events newest first, grouped by the month they began in; a group whose month is None holds undated
    # events whose neighbours are all past, placed just after (newer than) the dated event before them.
    past_by_month: list[tuple[date | None, list[Event]]]

    @property
    def past(self) -> list[Event]:
        """Every past event, newest first, the unannounced undated ones in their places."""
        return [e for _, month in self.past_by_month for e in month]


def calendar_groups(events, today: date) -> CalendarGroups:
    """Upcoming events soonest first; past ones newest first, grouped by the month they began in."""
    events = list(events)
    dated = sorted((e for e in events if e.start), key=lambda e: (e.start.first_day, e.last_day))
    upcoming = [e for e in dated if e.last_day >= today]
    past: list[Event] = [e for e in reversed(dated) if e.last_day < today]
    undated = [e for e in events if not e.start]
    # Newer undated events first: each one goes just before (newer than) the dated event before it in the data,
    # so inserting them from the last to the first keeps their order in the data, newest first.
    for event in reversed([e for e in undated if not date_expected(events, e, today)]):
        before = _dated_neighbours(events, event)[0]
        past.insert(past.index(before) if before in past else len(past), event)
    groups: list[tuple[date | None, list[Event]]] = []
    for event in past:
        month = event.start.first_day.replace(day=1) if event.start else None
        if month is not None and any(m == month for m, _ in groups):
            next(items for m, items in groups if m == month).append(event)
        elif groups and month is None and groups[-1][0] is None:
            groups[-1][1].append(event)
        else:
            groups.append((month, [event]))
    return CalendarGroups(upcoming, [e for e in undated if date_expected(events, e, today)], groups)


def feed_span(events) -> tuple[date, date]:
    """Dates before and after every event of a feed, for the time zone rules the feed must carry."""
    days = [d for e in events for d in (e.start.first_day, e.last_day)]
    return min(days) - timedelta(days=366), max(days) + timedelta(days=366)


@dataclass(frozen=True)
class Outlook:
    """What is next, for the texts that follow the calendar (home and about pages): the upcoming events soonest
    first; the most recent past ones newest first, with the undated ones among them that were never given a date;
    and the undated ones whose date may still be announced."""

    upcoming: list[Event]
    recent: list[Event]
    undated: list[Event]


def outlook(events, today: date, recent: int = 3) -> Outlook:
    """`recent` counts the dated past events shown; the unannounced ones between them come along."""
    groups = calendar_groups(events, today)
    shown: list[Event] = []
    for event in groups.past:
        if sum(1 for e in shown if e.start) == recent:
            break
        shown.append(event)
    return Outlook(groups.upcoming, shown, groups.undated)


def date_expected(events, event: Event, today: date) -> bool:
    """Whether an undated event may still get a date: the data lists it among the events it belongs with (the
    closing seminar after the mission), so it is still to come only while a dated event beside it in the list is.
    An undated event whose dated neighbours are all past has not been scheduled, and promises no date."""
    neighbours = [e for e in _dated_neighbours(list(events), event) if e]
    return not neighbours or any(e.last_day >= today for e in neighbours)


def _dated_neighbours(events: list[Event], event: Event) -> tuple[Event | None, Event | None]:
    """The nearest dated events before and after an event in the order of data/events.yml."""
    index = events.index(event)
    before = next((e for e in reversed(events[:index]) if e.start), None)
    after = next((e for e in events[index + 1:] if e.start), None)
    return before, after
