"""Names, numbers and dates in each language, through Babel (CLDR data)."""
from __future__ import annotations

import datetime
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def country_name(code: str, lang: str) -> str:
    return _locale(lang).territories.get(code, code)


def long_date(iso: str, lang: str) -> str:
    return format_date(datetime.date.fromisoformat(iso), format="long", locale=lang)


def number(value: float, lang: str) -> str:
    return format_decimal(value, locale=lang)


def join_list(items: list[str], lang: str) -> str:
    """'a, b and c' in the language's own way."""
    from babel.lists import format_list

    return format_list(items, locale=lang) if items else ""
