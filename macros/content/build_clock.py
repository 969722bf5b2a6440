"""The moment the site is built, which decides what is upcoming and dates the calendar files."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

from macros.content.moments import BRUSSELS


def build_instant(environ=os.environ) -> datetime:
    """The moment the site is built: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def build_day(environ=os.environ) -> date:
    return build_instant(environ).astimezone(BRUSSELS).date()
