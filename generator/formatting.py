"""Japanese display formats: dates as 2026年12月10日（木）, times 13:30〜16:30."""

from __future__ import annotations

from datetime import date

WEEKDAYS = "月火水木金土日"


def jp_date(value: date, *, weekday: bool = True) -> str:
    text = f"{value.year}年{value.month}月{value.day}日"
    return f"{text}（{WEEKDAYS[value.weekday()]}）" if weekday else text


def jp_month(value: date) -> str:
    return f"{value.year}年{value.month}月"


def time_range(start: str, end: str) -> str:
    return f"{start}〜{end}"


def percent(numerator: int, denominator: int) -> str:
    if denominator <= 0:
        return "—"
    return f"{round(100 * numerator / denominator)}%"
