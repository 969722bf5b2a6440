"""iCalendar (RFC 5545) files of the mission calendar: one per event and one feed of the whole calendar.

Pure: data, strings and the build instant in, file names and bytes out. The build writes them beside the
calendar page of each language (engine/publishing.py).

- UIDs are the event ids, so a calendar that subscribed to the feed updates an event instead of doubling it.
- DTSTAMP is the build instant, which SOURCE_DATE_EPOCH pins: the same sources give the same bytes.
- Days are all-day dates with an exclusive DTEND (16–22 November is 20191116 to 20191123); times keep the
  time zone they were written in, with a VTIMEZONE for each.
- Events known only to the month, and undated ones, are left out (see data/events.yml).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urljoin

import icalendar

from macros.content import page_paths
from macros.content.calendar_groups import feed_span
from macros.content.events import FEED_ID, Event
from macros.content.site_data import SiteData
from macros.content.strings import Strings


def calendar_files(data: SiteData, strings: Strings, lang: str, stamp: datetime,
                   calendar_page_url: str) -> dict[str, bytes]:
    """Path relative to the language's site root (calendar/<id>.ics, calendar/i2pcc.ics) -> contents."""
    events = [e for e in data.events if e.in_feed]

    def calendar(selection: list[Event]) -> bytes:
        return _calendar(selection, strings, lang, stamp, calendar_page_url, emails).to_ical()

    emails = {c.id: c.email for c in data.contacts if c.email}
    files = {page_paths.calendar_file(e.id): calendar([e]) for e in events}
    files[page_paths.calendar_file(FEED_ID)] = calendar(events)
    return files


def _calendar(events: list[Event], strings: Strings, lang: str, stamp: datetime,
              calendar_page_url: str, emails: dict[str, str]) -> icalendar.Calendar:
    name = strings.get(lang, "calendar.title")
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//I2PCC//Mission calendar//{lang.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_event(event, strings, lang, stamp, urljoin(calendar_page_url, f"#{event.id}"), emails))
    if events:
        first, last = feed_span(events)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def _event(event: Event, strings: Strings, lang: str, stamp: datetime, url: str,
           emails: dict[str, str]) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", f"{event.id}@i2pcc")
    item.add("dtstamp", stamp)
    item.add("summary", event.title[lang])
    item.add("description", _description(event, strings, lang, emails))
    if event.place:
        item.add("location", event.place[lang])
    item.add("categories", [strings.get(lang, f"event.kind.{event.kind}")])
    item.add("url", url)
    end = event.end or event.start
    if event.precision == "time":
        item.add("dtstart", event.start.at(event.zone))
        if event.end:
            item.add("dtend", event.end.at(event.zone))
    else:
        item.add("dtstart", event.start.first_day)
        item.add("dtend", end.first_day + timedelta(days=1))
    return item


def _description(event: Event, strings: Strings, lang: str, emails: dict[str, str]) -> str:
    lines = [event.description[lang]]
    colon = strings.get(lang, "punct.colon")
    if event.registration:
        lines.append(f"{strings.get(lang, 'event.registration')}{colon}{event.registration}")
    addresses = strings.get(lang, "list.separator").join(emails[c] for c in event.contacts if c in emails)
    if addresses:
        lines.append(f"{strings.get(lang, 'event.contact')}{colon}{addresses}")
    return "\n\n".join(lines)
