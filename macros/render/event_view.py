"""What the calendar templates show of an event, in the language of the page: dates, times, links, JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from macros.content import page_paths
from macros.content.calendar_groups import date_expected
from macros.content.events import FEED_ID, Event
from macros.content.moments import BRUSSELS, CHINA
from macros.languages import language
from macros.render import event_dates

# BCP 47 tags for schema.org's inLanguage, matching the site's hreflang codes.

# Characters that could end the <script> element or start HTML inside it, written as JSON escapes instead.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class EventView:
    """`ctx` is the render.PageContext of the page (language, strings, the page the links start from)."""

    ctx: object

    def contact_emails(self, event: Event) -> list[str]:
        return [self.ctx.data.contact(c).email for c in event.contacts if self.ctx.data.contact(c).email]

    def dates(self, event: Event) -> str:
        """The dates as the language writes them; for an undated event, whether a date is still to be announced
        or, its neighbours all past by the build date, none was announced."""
        written = event_dates.event_dates(event, self.ctx.lang)
        if written:
            return written
        today = self.ctx.today
        if today is not None and not date_expected(self.ctx.data.events, event, today):
            return self.ctx.t("event.date_not_announced")
        return self.ctx.t("event.date_tba")

    def datetime_attr(self, event: Event) -> str | None:
        """The machine-readable start for <time datetime>, at the precision known."""
        if event.start is None:
            return None
        return event_dates.iso(event.start, event.zone if event.timezone else None)

    def times(self, event: Event) -> list[tuple[str, str]]:
        """(label, text) in Brussels time and in China time, for an event with times."""
        if event.precision != "time":
            return []
        return [(self.ctx.t("event.time_brussels"), event_dates.event_times(event, BRUSSELS, self.ctx.lang)),
                (self.ctx.t("event.time_china"), event_dates.event_times(event, CHINA, self.ctx.lang))]

    def kind(self, event: Event) -> str:
        return self.ctx.t(f"event.kind.{event.kind}")

    def anchor(self, event: Event) -> Markup:
        # attr_list gives the heading the event id, so links to calendar.md#<id> stay stable across languages.
        return Markup(f"{{: #{event.id} }}")

    def ics_href(self, event: Event) -> str | None:
        if not event.in_feed:
            return None
        return page_paths.file_href(self.ctx.here, page_paths.calendar_file(event.id))

    def feed_href(self) -> str:
        return page_paths.file_href(self.ctx.here, page_paths.calendar_file(FEED_ID))

    def calendar_link_target(self, event: Event) -> str:
        return f"{page_paths.CALENDAR}#{event.id}"

    def jsonld(self, event: Event) -> Markup:
        """A schema.org Event, safe to place inside <script type="application/ld+json">."""
        lang = self.ctx.lang
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title[lang],
            "description": event.description[lang],
            "inLanguage": language(lang).tag,
        }
        if event.start:
            zone = event.zone if event.timezone else None
            item["startDate"] = event_dates.iso(event.start, zone)
            if event.end:
                item["endDate"] = event_dates.iso(event.end, zone)
        if event.place:
            item["location"] = {"@type": "Place", "name": event.place[lang]}
        return Markup(json.dumps(item, ensure_ascii=False).translate(_SCRIPT_SAFE))
