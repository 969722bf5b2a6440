"""The mission calendar as a timeline: one bar per dated event over the months it spans, as inline SVG.

The calendar's text (every event with its dates) stays on the page below the picture; the picture adds the
overview. Undated events have no place on a time axis and are left out of it (the page lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from babel.dates import format_date
from markupsafe import Markup

from macros.languages import language
from macros.pictures.maps import render_svg
from macros.render import event_dates

WIDTH = 720
MARGIN = 12
AXIS = 52  # space above the first row for the years and months
ROW = 56
# The months on the axis are CLDR's abbreviations for the language, made by Babel. British English (en_GB) alone
# abbreviates September to "Sept", four letters among three-letter months; the site's English writes "Sep", the form
# of CLDR's base English, whose other abbreviations are the same as British English's.
_MONTH_LABEL_LOCALE = {"en_GB": "en"}


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    title: str
    dates: str
    href: str
    x: float
    width: float
    y: float
    upcoming: bool
    # Title and dates start at the bar, or end at it when the bar lies far to the right.
    anchor: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str | None
    year: bool


def _axis(first: date, last: date):
    start, end = date(first.year, 1, 1), date(last.year + 1, 1, 1)
    span = (end - start).days

    def x(day: date) -> float:
        return MARGIN + (day - start).days / span * (WIDTH - 2 * MARGIN)

    return start, end, x


def _month_label_locale(lang: str) -> str:
    babel_locale = language(lang).babel_locale
    return _MONTH_LABEL_LOCALE.get(babel_locale, babel_locale)


def _ticks(start: date, end: date, x, lang: str) -> list[Tick]:
    ticks, day = [], start
    label_months = end.year - start.year <= 2
    while day < end:
        label = format_date(day, "LLL", locale=_month_label_locale(lang)) if label_months else None
        ticks.append(Tick(x(day), label, day.month == 1))
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return ticks


def timeline(ctx, events, today: date, event_href) -> Markup | None:
    """`events` in any order; `event_href(event)` is where a bar links to (the event's entry on the page)."""
    dated = sorted((e for e in events if e.start), key=lambda e: (e.start.first_day, e.last_day))
    if not dated:
        return None
    start, end, x = _axis(dated[0].start.first_day, max(e.last_day for e in dated))
    rows = []
    for i, event in enumerate(dated):
        left, right = x(event.start.first_day), x(event.last_day + timedelta(days=1))
        rows.append(Row(event.id, event.kind, ctx.tr(event.title), event_dates.event_dates(event, ctx.lang),
                        event_href(event), left, max(right - left, 4), AXIS + i * ROW + 18,
                        event.last_day >= today, "start" if left < WIDTH * 0.45 else "end"))
    years = [Tick(x(date(year, 7, 1)), str(year), True) for year in range(start.year, end.year)]
    height = AXIS + len(rows) * ROW + 4
    now = x(today) if start <= today < end else None
    return render_svg("timeline.svg.j2", uid="i2-timeline", width=WIDTH, height=height, rows=rows,
                      ticks=_ticks(start, end, x, ctx.lang), years=years, now=now, axis=AXIS,
                      title=ctx.t("timeline.title"), alt=ctx.t("timeline.alt"), t=ctx.t,
                      gap=language(ctx.lang).space)  # "2019年2月至3月·赴华代表团": no spaces around · in Chinese
