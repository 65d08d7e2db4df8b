"""plan/signup.py: the one sign-up state rule, and the dates on which a page's state changes."""

from __future__ import annotations

from datetime import date

import pytest

from generator.models import Meeting
from generator.plan import CLOSING_DAYS, meeting_state, state_changes


def meeting(**extra: object) -> Meeting:
    data = {"title": "第1回", "date": "2026-12-10", "start": "13:30", "end": "16:30", "format": "online",
            "description": "案内", "signup": {"url": "https://forms.gle/x", "deadline": "2026-12-03", "opens": "2026-11-01"}}
    data.update(extra)
    return Meeting.model_validate(data)


@pytest.mark.parametrize(("today", "state"), [
    ("2026-10-31", "not_open"), ("2026-11-01", "open"), ("2026-11-25", "open"), ("2026-11-26", "closing"),
    ("2026-12-03", "closing"), ("2026-12-04", "closed"), ("2026-12-10", "closed"), ("2026-12-11", "held"),
])
def test_state_by_day(today: str, state: str) -> None:
    assert meeting_state(meeting(), date.fromisoformat(today))[0] == state
    assert CLOSING_DAYS == 7


def test_changes_list_every_later_change_in_order() -> None:
    assert state_changes(meeting(), date(2026, 10, 1)) == (
        ("2026-11-01", "open", "受付中"), ("2026-11-26", "closing", "締切間近"),
        ("2026-12-04", "closed", "受付終了"), ("2026-12-11", "held", "開催済み"),
    )
    # Built after the deadline: the only change left is to 開催済み the day after the meeting.
    assert state_changes(meeting(), date(2026, 12, 5)) == (("2026-12-11", "held", "開催済み"),)


def test_changes_agree_with_the_rule_on_every_day() -> None:
    m = meeting()
    built = date(2026, 10, 20)
    changes = state_changes(m, built)
    for ordinal in range(built.toordinal(), date(2026, 12, 20).toordinal()):
        day = date.fromordinal(ordinal)
        applied = [state for when, state, _ in changes if when <= day.isoformat()]
        assert (applied[-1] if applied else meeting_state(m, built)[0]) == meeting_state(m, day)[0], day


def test_cancelled_and_postponed_never_change() -> None:
    assert state_changes(meeting(status="cancelled"), date(2026, 10, 1)) == ()
    assert state_changes(meeting(status="postponed"), date(2026, 10, 1)) == ()
