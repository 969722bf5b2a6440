"""Texts that follow the calendar: what the home, about and province pages say about activities is written from
data/events.yml and the build date, so a past event is never announced and an unscheduled one never promised."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from macros.content import page_paths
from macros.content.calendar_groups import Outlook, date_expected, outlook
from macros.content.events import Event
from macros.render.event_view import EventView
from macros.render.pages import PageContext, _render


@dataclass(frozen=True)
class Timing:
    """Where an event stands on the build date, in words of the page's language."""

    ctx: PageContext  # with the build date (ctx.today)

    @property
    def today(self) -> date:
        return self.ctx.today

    def state(self, event: Event) -> str:
        """upcoming, past (the sources say it took place), past_planned (the sources only announced it), undated
        (a date may still be announced) or unscheduled (undated, its neighbours all past: it stands among the past
        events)."""
        if event.start is None:
            return "undated" if date_expected(self.ctx.data.events, event, self.today) else "unscheduled"
        if event.last_day >= self.today:
            return "upcoming"
        return "past" if event.took_place else "past_planned"

    def is_past(self, event: Event) -> bool:
        return self.state(event) in ("past", "past_planned", "unscheduled")

    def sentence(self, event: Event) -> str:
        return self.ctx.t(f"activity.{self.state(event)}", dates=EventView(self.ctx).dates(event))

    def calendar_href(self, event: Event) -> Markup:
        return Markup(f"{self.ctx.href(page_paths.CALENDAR)}#{event.id}")

    @property
    def outlook(self) -> Outlook:
        return outlook(self.ctx.data.events, self.today)


def activities(ctx: PageContext, today: date) -> str:
    """Every activity of the calendar with where it stands: the list of the about page."""
    ctx = dataclasses.replace(ctx, today=today)
    return _render("activity_list.md.j2", ctx, timing=Timing(ctx), events=ctx.data.events)


def take_part(ctx: PageContext, today: date) -> str:
    """The activities a company can still join, or that none is planned."""
    ctx = dataclasses.replace(ctx, today=today)
    upcoming = [ctx.t("activity.named", title=ctx.tr(e.title), dates=EventView(ctx).dates(e))
                for e in outlook(ctx.data.events, today).upcoming]
    return _render("take_part.md.j2", ctx, upcoming=ctx.strings.join(ctx.lang, upcoming) if upcoming else None)
