"""The sign-up state rule, defined once.

The build decides each meeting's state for `--today`; the page script
(themes/assets/koryukai.js) does not know the rule: it reads the dates on
which the state will change, computed here by asking the same rule, so the
thresholds and labels exist only in this module.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..models import Meeting

CLOSING_DAYS = 7

STATE_LABELS = {
    "open": "受付中",
    "closing": "締切間近",
    "not_open": "受付前",
    "closed": "受付終了",
    "cancelled": "中止",
    "postponed": "延期",
    "held": "開催済み",
}


def meeting_state(m: Meeting, today: date) -> tuple[str, int | None]:
    """The sign-up state a visitor sees on `today`, and days to the deadline."""
    days_to_meeting = (m.date - today).days
    if m.status == "cancelled":
        return "cancelled", days_to_meeting
    if m.status == "postponed":
        return "postponed", None
    if days_to_meeting < 0:
        return "held", None
    if m.signup is None:
        return "closed", None
    days_left = (m.signup.deadline - today).days
    if m.signup.opens is not None and today < m.signup.opens:
        return "not_open", days_left
    if days_left < 0:
        return "closed", days_left
    if days_left <= CLOSING_DAYS:
        return "closing", days_left
    return "open", days_left


def state_changes(m: Meeting, today: date) -> tuple[tuple[str, str, str], ...]:
    """Later days on which the state a visitor sees changes: (ISO date, state, label).

    The rule is piecewise constant between a few dates (the day sign-up opens,
    the first "closing" day, the day after the deadline, the day after the
    meeting); asking `meeting_state` on each of them gives every change without
    restating the rule. The list only moves forward in time, so a script that
    applies the entries up to the visitor's day can never reopen what the
    build closed.
    """
    candidates = {m.date + timedelta(days=1)}
    if m.signup is not None:
        candidates |= {m.signup.deadline - timedelta(days=CLOSING_DAYS), m.signup.deadline + timedelta(days=1)}
        if m.signup.opens is not None:
            candidates.add(m.signup.opens)
    current = meeting_state(m, today)[0]
    changes = []
    for day in sorted(d for d in candidates if d > today):
        state = meeting_state(m, day)[0]
        if state != current:
            changes.append((day.isoformat(), state, STATE_LABELS[state]))
            current = state
    return tuple(changes)
