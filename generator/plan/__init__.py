"""plan: decide the portals, what each shows, every page's URL and what it prints.

Pure data and no I/O, so "what goes where" is tested without building.
URLs are relative to the output root, end with "/" and never start with one.

    urls.py       the URL scheme
    signup.py     the sign-up state rule (once; the page script reads its dates)
    totals.py     outcome figures
    matching.py   veterans ↔ challenges, and which portals list a veteran
    records.py    per-record facts: state, organisers, portals, order
    portals.py    the portals and the records each lists
    pages.py      every page, pagination, standalone pruning
    views.py      what each page kind prints (the contract with the templates)
    present.py    filling the views
    charts.py     the SVG charts of the outcome pages
    picture.py    the national picture: the map of Japan and the per-year trends (from generator/stats.py)
    japan_map.py  the map's SVG (japanmap's prefecture outlines)
    trends.py     the per-year SVG charts with the SKS reference lines
    site.py       SitePlan and build_plan
"""

from .matching import MATCHES_SHOWN, match_score
from .pages import PAGE_SIZE, Page
from .portals import Portal, PortalKind
from .records import ChallengeFacts, MeetingFacts, VeteranFacts
from .signup import CLOSING_DAYS, STATE_LABELS, meeting_state, state_changes
from .site import SitePlan, build_plan
from .totals import Totals
from .urls import challenge_url, content_url, list_url, meeting_url, portal_url, veteran_url

__all__ = [
    "CLOSING_DAYS", "MATCHES_SHOWN", "PAGE_SIZE", "STATE_LABELS", "ChallengeFacts", "MeetingFacts", "Page", "Portal",
    "PortalKind", "SitePlan", "Totals", "VeteranFacts", "build_plan", "challenge_url", "content_url", "list_url",
    "match_score", "meeting_state", "meeting_url", "portal_url", "state_changes", "veteran_url",
]
