"""Dates in a catalog's header (``POT-Creation-Date``, ``PO-Revision-Date``): the gettext
format, and this minute (or ``SOURCE_DATE_EPOCH``) for a template whose release has no date."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from functools import lru_cache

DATE_FORMAT = "%Y-%m-%d %H:%M%z"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_UTC = timedelta(0)


def format_date(value: datetime) -> str:
    """A PO header date, ``2018-07-03 09:29+0000``; naive datetimes are written as UTC."""
    if value.year >= 1000 and (value.tzinfo is None or value.utcoffset() == _UTC):
        # (``strftime``'s text, formatted here at half its cost: a template for each release)
        return (
            f"{value.year}-{value.month:02d}-{value.day:02d} "
            f"{value.hour:02d}:{value.minute:02d}+0000"
        )
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.strftime(DATE_FORMAT)


def parse_date(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip(), DATE_FORMAT)
    except (ValueError, AttributeError):
        return None


def now_stamp() -> str:
    """This minute as a PO header date; ``SOURCE_DATE_EPOCH`` when set (reproducible builds).
    (Asked by every template of a release without a date: the minute is read as a number and
    written once, not made into a ``datetime`` for each.)"""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else int(time.time())
    return _minute_stamp(seconds // 60)


@lru_cache(maxsize=4)
def _minute_stamp(minute: int) -> str:
    """``format_date`` of the UTC minute ``minute`` (since the epoch), remembered: every
    template of a run without release dates asks for the same minute. (Seconds are not written:
    the minute's first is the instant's stamp.)"""
    return format_date(datetime.fromtimestamp(minute * 60, tz=timezone.utc))
