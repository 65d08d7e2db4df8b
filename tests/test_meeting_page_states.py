"""Meeting pages say what a visitor can still do in each state (issue 18, screenshots): a held, cancelled or
postponed meeting offers no calendar entry or flyer for itself."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = {
    "closing": "kanto/minatodai-shinkin/meetings/2026-12-10/",
    "open": "kanto/hikarizaka-support/meetings/2026-12-17-online/",
    "held": "kanto/hikarizaka-support/meetings/2026-03-05/",
    "cancelled": "tohoku/koganehara-bank/meetings/2026-12-03/",
    "postponed": "kanto/hikarizaka-support/meetings/2027-01-21/",
}


def _html(site: Path, state: str) -> str:
    return (site / PAGES[state] / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("state", list(PAGES))
def test_calendar_and_flyer_only_for_a_meeting_ahead(demo_site: Path, state: str) -> None:
    html = _html(demo_site, state)
    ahead = state in ("closing", "open")
    assert ("Google カレンダーに追加" in html) is ahead
    assert ('href="flyer/">印刷用チラシ（A4）' in html) is ahead
    assert ("カレンダー用ファイル（.ics）" in html) is ahead
    assert "予定をまとめて（.ics）" in html  # the portal's coming meetings, in every state
    if not ahead:
        assert "受付開始日と申込締切も" not in html

