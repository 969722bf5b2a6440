"""Event dates and times written the way each language writes them, from Babel's CLDR data.

"16–22 november 2019", "16–22 November 2019", "2019年11月16日至22日"; months as "februari–maart 2019".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_datetime_format, parse_pattern

from macros.content.events import Event
from macros.content.moments import Moment
from macros.languages import language

# Flemish Dutch and British English (day before month); Chinese as written in mainland China.

# CLDR has day-range patterns only with abbreviated months ("16–22 nov 2019"); ICU widens the month field when
# asked for full month names, and so do we.
_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def _locale(lang: str) -> Locale:
    return Locale.parse(language(lang).babel_locale)


def month_name(day: date, lang: str) -> str:
    """'november 2019', 'November 2019', '2019年11月'."""
    return format_skeleton("yMMMM", day, locale=_locale(lang))


def day_range(first: date, last: date, lang: str) -> str:
    locale = _locale(lang)
    if first == last:
        return format_date(first, "long", locale=locale)
    field = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    parts = locale.interval_formats["yMMMd"][field]
    return "".join(parse_pattern(_ABBREVIATED_MONTH.sub("MMMM", part)).apply(day, locale)
                   for part, day in zip(parts, (first, last)))


def event_dates(event: Event, lang: str) -> str | None:
    """The dates of an event at the precision known, or None when it is undated."""
    if event.start is None:
        return None
    end = event.end or event.start
    if event.precision == "month":
        if (end.year, end.month) == (event.start.year, event.start.month):
            return month_name(event.start.first_day, lang)
        # CLDR spaces the dash in English ("February – March 2019"); the site closes it up, as in "16–22 November".
        return format_interval(event.start.first_day, end.first_day, "yMMMM", locale=_locale(lang)).replace(
            "\u2009–\u2009", "–").replace(" – ", "–")
    return day_range(event.start.first_day, end.first_day, lang)


def event_times(event: Event, zone: ZoneInfo, lang: str) -> str:
    """The date and times of a timed event as seen in `zone`, e.g. '6 mei 2030, 09:00–17:00'."""
    locale = _locale(lang)
    start = event.start.at(event.zone).astimezone(zone)
    end = event.end.at(event.zone).astimezone(zone) if event.end else None
    if end is None:
        return _date_time(start, locale)
    if start.date() == end.date():
        times = format_interval(start.time(), end.time(), "Hm", locale=locale)
        return _join_date_time(format_date(start, "long", locale=locale), times, locale)
    return locale.interval_formats[None].format(_date_time(start, locale), _date_time(end, locale))


def _date_time(moment: datetime, locale: Locale) -> str:
    return _join_date_time(format_date(moment, "long", locale=locale),
                           format_skeleton("Hm", moment, locale=locale), locale)


def _join_date_time(day: str, time: str, locale: Locale) -> str:
    return get_datetime_format("medium", locale=locale).replace("{1}", day).replace("{0}", time)


def iso(moment: Moment, zone: ZoneInfo | None = None) -> str:
    """ISO 8601 at the precision known: 2019-02, 2019-11-16 or 2019-11-16T09:00:00+01:00."""
    if moment.precision == "time":
        return moment.at(zone).isoformat()
    return str(moment)
