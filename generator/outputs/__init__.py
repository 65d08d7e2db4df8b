"""outputs: files that carry meetings beyond the pages — calendars, feeds, open data, share images,
icons, flyers, robots.txt. A stage of its own after render: it writes into the staging site before
index and scan (so the privacy scan reads the open data JSON and the flyers too).

It reads the plan only (portals, views, and the per-record exports of plan/exports.py), never the
dataset, a record or a model, and knows nothing of the page renderer. The values the pages print about these
files (share meta, calendar menu, JSON-LD) are in the views already (plan/meta.py).

Each module is a pure function from the plan to bytes; this one only decides paths and writes.
"""

from __future__ import annotations

from pathlib import Path

from ..plan import SitePlan
from ..plan.meta import FAVICON, FAVICON_PNG, TOUCH_ICON
from . import calendar, feed, flyer, opendata, robots, share_image
from .common import (
    CALENDAR_FILE,
    DATA_DIR,
    FEED_FILE,
    FLYER_DIR,
    MEETING_ICS,
    SHARE_IMAGE,
    built_portals,
    meeting_page,
)

SCHEMA_DIR = "data/schema/"
SHARE_TAGLINE = "中小企業の課題と経験豊かな新現役が出会う交流会の案内です"


def output_files(plan: SitePlan, themes: Path) -> tuple[dict[str, bytes], list[str]]:
    """Output path (relative to the site root) -> bytes, and notices for the build to show."""
    site_url = plan.site_url  # the same address the pages' share meta was made with
    files: dict[str, bytes] = {}
    notices: list[str] = []
    if share_image.font_path() is None:
        notices.append(share_image.MISSING_FONT)
    demo_note = "架空のデモデータ"
    for portal, folder in built_portals(plan):
        files[folder + CALENDAR_FILE] = calendar.portal_calendar(plan, portal, folder, site_url)
        files[folder + FEED_FILE] = feed.portal_feed(plan, portal, folder, site_url)
        files[folder + SHARE_IMAGE] = share_image.share_card(portal, SHARE_TAGLINE, demo_note if portal.demo else None)
        for name, data in opendata.portal_files(plan, portal, site_url).items():
            files[folder + DATA_DIR + name] = data
    for name, data in opendata.schema_files().items():
        files[SCHEMA_DIR + name] = data
    for key, meeting in sorted(plan.exports.meetings.items()):
        page = meeting_page(plan, key)
        if page is None:
            continue
        files[page + MEETING_ICS] = calendar.meeting_calendar(plan, meeting, site_url)
        files[page + FLYER_DIR + "index.html"] = flyer.render_flyer(themes, flyer.flyer_view(plan, meeting, page, site_url))
    files[FAVICON] = share_image.favicon_ico()
    files[FAVICON_PNG] = share_image.favicon_png()
    files[TOUCH_ICON] = share_image.touch_icon()
    files["robots.txt"] = robots.robots_txt(plan, site_url)
    return files, notices


def write_outputs(plan: SitePlan, site: Path, themes: Path) -> list[str]:
    files, notices = output_files(plan, themes)
    for rel, data in files.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return notices
