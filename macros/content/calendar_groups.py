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
