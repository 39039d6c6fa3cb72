"""Names, numbers and dates in each language, through Babel (CLDR data), by CLDR locale (e.g. en_GB)."""
from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, get_date_format
from babel.lists import format_list
from babel.numbers import format_decimal


@lru_cache(maxsize=None)
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def country_name(code: str, locale: str) -> str:
    return _locale(locale).territories.get(code, code)


def long_date(iso: str, locale: str, first_day: str = "1") -> str:
    """A date written out in the locale's long form; the first of a month as `first_day` says (French
    writes "1er décembre", which CLDR's patterns cannot express)."""
    day = datetime.date.fromisoformat(iso)
    pattern = get_date_format("long", locale=locale).pattern
    if day.day == 1 and pattern.startswith("d") and not pattern.startswith("dd"):
        pattern = "'" + first_day.replace("'", "''") + "'" + pattern[1:]
    return format_date(day, format=pattern, locale=locale)


def number(value: float, locale: str) -> str:
    return format_decimal(value, locale=locale)


def join_list(items: list[str], locale: str) -> str:
    """'a, b and c' in the language's own way."""
    return format_list(items, locale=locale) if items else ""
