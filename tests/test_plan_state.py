"""The sign-up state a visitor sees, at every boundary, without building a site.

Meeting on 2027-01-20; sign-up opens 2026-12-01 and closes 2027-01-10 (a Sunday, end of day).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from generator.loader import load_file
from generator.models import Meeting
from generator.plan import CLOSING_DAYS, STATE_LABELS, meeting_state

from .conftest import FIXTURES, MEETING

MEETING_DAY = date(2027, 1, 20)
OPENS = date(2026, 12, 1)
DEADLINE = date(2027, 1, 10)
DAY = timedelta(days=1)


def meeting(**changes: Any) -> Meeting:
    loaded, _ = load_file(FIXTURES / "valid" / MEETING, MEETING)
    assert loaded is not None
    data = dict(loaded.data)
    data.update(date=MEETING_DAY, signup={"url": data["signup"]["url"], "deadline": DEADLINE, "opens": OPENS})
    data.update(changes)
    return Meeting.model_validate(data)


@pytest.mark.parametrize(("today", "state", "days_left"), [
    (OPENS - DAY, "not_open", 41),
    (OPENS, "open", 40),
    (DEADLINE - 8 * DAY, "open", 8),
    (DEADLINE - 7 * DAY, "closing", 7),
    (DEADLINE - DAY, "closing", 1),
    (DEADLINE, "closing", 0),
    (DEADLINE + DAY, "closed", -1),
    (MEETING_DAY - DAY, "closed", -9),
    (MEETING_DAY, "closed", -10),
    (MEETING_DAY + DAY, "held", None),
    (MEETING_DAY + 400 * DAY, "held", None),
], ids=["opens-1", "opens", "deadline-8", "deadline-7", "deadline-1", "deadline", "deadline+1",
        "day-before", "meeting-day", "day-after", "year-after"])
def test_state_at_each_boundary(today: date, state: str, days_left: int | None) -> None:
    assert meeting_state(meeting(), today) == (state, days_left)


def test_closing_window_is_a_week() -> None:
    assert CLOSING_DAYS == 7


@pytest.mark.parametrize("today", [OPENS - DAY, OPENS, DEADLINE, DEADLINE + DAY, MEETING_DAY, MEETING_DAY + DAY])
def test_cancelled_is_cancelled_whatever_the_day(today: date) -> None:
    state, _ = meeting_state(meeting(status="cancelled"), today)
    assert state == "cancelled"


@pytest.mark.parametrize("today", [OPENS - DAY, OPENS, DEADLINE, DEADLINE + DAY, MEETING_DAY, MEETING_DAY + DAY])
def test_postponed_is_postponed_whatever_the_day(today: date) -> None:
    assert meeting_state(meeting(status="postponed"), today) == ("postponed", None)


def test_without_opening_date_sign_up_is_open_until_the_deadline() -> None:
    m = meeting(signup={"url": "https://docs.google.com/forms/d/e/demo/viewform", "deadline": DEADLINE})
    assert meeting_state(m, date(2026, 1, 1))[0] == "open"
    assert meeting_state(m, DEADLINE + DAY)[0] == "closed"


def test_without_sign_up_a_future_meeting_is_closed_and_a_past_one_held() -> None:
    m = meeting(signup=None)
    assert meeting_state(m, OPENS) == ("closed", None)
    assert meeting_state(m, MEETING_DAY + DAY) == ("held", None)


def test_every_state_has_a_japanese_label() -> None:
    assert STATE_LABELS == {
        "open": "受付中", "closing": "締切間近", "not_open": "受付前", "closed": "受付終了",
        "cancelled": "中止", "postponed": "延期", "held": "開催済み",
    }
