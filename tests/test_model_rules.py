"""Rules about one file sit beside its fields (post_validation) and report everything in one run."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Severity
from generator.models import Meeting
from generator.validate import load_dataset

from .conftest import MEETING, replace

BASE = {"title": "第1回", "date": "2026-12-10", "start": "13:30", "end": "16:30", "format": "online",
        "description": "案内", "signup": {"url": "https://forms.gle/x", "deadline": "2026-12-03"}}


def test_meeting_rules_are_on_the_model() -> None:
    m = Meeting.model_validate({**BASE, "end": "12:00", "format": "hybrid",
                                "signup": {"url": "https://forms.gle/x", "deadline": "2026-12-11", "opens": "2026-12-12"},
                                "outcome": {"companies": 3, "veterans": 9, "interviews": 9, "second_interviews": 2,
                                            "matches": 4}})
    assert [(p.path, p.code, p.severity) for p in m.post_validation()] == [
        (("end",), "X302", Severity.ERROR), (("format",), "X305", Severity.ERROR),
        (("signup", "deadline"), "X303", Severity.ERROR), (("signup", "opens"), "X304", Severity.ERROR),
        (("outcome", "matches"), "X312", Severity.ERROR), (("outcome", "matches"), "X312", Severity.WARNING),
    ]
    assert Meeting.model_validate(BASE).post_validation() == []


def test_a_meeting_breaking_a_rule_still_exists_for_its_challenges(valid_root: Path) -> None:
    """Its challenge is not told the meeting is missing: the meeting parsed, only its times are wrong."""
    replace(valid_root, MEETING, "end: 16:30", "end: 12:00")
    loaded = load_dataset(valid_root)
    assert [(d.path, d.code) for d in loaded.diagnostics] == [(MEETING, "X302")]
