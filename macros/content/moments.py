"""Points in the calendar at the precision a source gives them: a month, a day, or a day and a time.

A month stays a month ("2019-02"), a day a day; times are written in the time zone of their event. Dates stay text
in the YAML (see yaml_source.py) and are read here, so that a day that does not exist is reported on its line.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import PlainValidator, WithJsonSchema

from macros.content.problems import editor_error
from macros.content.yaml_source import visible

# Where the calendar pages show times, whatever zone an event's times were written in.
BRUSSELS = ZoneInfo("Europe/Brussels")
CHINA = ZoneInfo("Asia/Shanghai")

_MOMENT = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2})(?:[ T](\d{2}):(\d{2})(?::00)?)?)?$")


@dataclass(frozen=True, order=True)
class Moment:
    """A point in the calendar at the precision a source gives: a month, a day, or a day and a time."""

    year: int
    month: int
    day: int | None = None
    hour: int | None = None
    minute: int | None = None

    @property
    def precision(self) -> Literal["month", "day", "time"]:
        if self.day is None:
            return "month"
        return "day" if self.hour is None else "time"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, self.day or 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    def at(self, zone: ZoneInfo) -> datetime:
        return datetime(self.year, self.month, self.day, self.hour, self.minute, tzinfo=zone)

    def __str__(self) -> str:
        text = f"{self.year:04d}-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f" {self.hour:02d}:{self.minute:02d}"
        return text


def parse_moment(value) -> Moment:
    # YAML reads 2019-11-16 as a date and a full timestamp as a datetime; a month or "2019-11-16 09:00" stays text.
    if isinstance(value, datetime):
        if value.second or value.tzinfo:
            raise editor_error("date_with_seconds")
        return Moment(value.year, value.month, value.day, value.hour, value.minute)
    if isinstance(value, date):
        return Moment(value.year, value.month, value.day)
    match = _MOMENT.match(str(value).strip())
    if not match:
        raise editor_error("date_format", value=visible(str(value)))
    year, month, day, hour, minute = (int(part) if part else None for part in match.groups())
    try:
        date(year, month, day or 1)
        if hour is not None and not (hour < 24 and minute < 60):
            raise ValueError
    except ValueError:
        raise editor_error("date_not_real", value=visible(str(value))) from None
    return Moment(year, month, day, hour, minute)


# The schema's pattern lets an editor's YAML extension flag a malformed date while typing; whether the day exists
# is for parse_moment to say.
_MOMENT_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])([ T]([01]\d|2[0-3]):[0-5]\d(:00)?)?)?$"
MomentField = Annotated[Moment, PlainValidator(parse_moment),
                        WithJsonSchema({"type": "string", "pattern": _MOMENT_PATTERN})]
