"""plan/urls.py: one URL per page, from ids only."""

from __future__ import annotations

from generator.plan import challenge_url, content_url, list_url, meeting_url, portal_url, veteran_url


def test_urls_are_relative_directories_built_from_ids() -> None:
    assert portal_url("") == "" and portal_url("kanto/minato") == "kanto/minato/"
    assert meeting_url("kanto/minato/2026-12-10") == "kanto/minato/meetings/2026-12-10/"
    assert challenge_url("kanto/minato/parts") == "kanto/minato/challenges/parts/"
    assert veteran_url("kanto/sales") == "kanto/veterans/sales/"
    assert list_url("kanto", "meetings") == "kanto/meetings/"
    assert list_url("kanto", "meetings", 3) == "kanto/meetings/page/3/"
    assert content_url("", "about") == "about/" and content_url("kanto", "index") == "kanto/"
