"""A4 flyer per meeting: one printable sheet for the branch counter, with a QR code to the page.

A standalone page (no portal shell: nothing on it is for the screen) from themes/templates/flyer.html,
which prints a FlyerView (plan/views.py) and nothing else, like every other template; its styles
are assets/koryukai/flyer.css and the QR code an inline SVG made by segno.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from ..formatting import jp_date, time_range
from ..plan import SitePlan
from ..plan.exports import MeetingExport
from ..plan.views import ContactView, FlyerChallenge, FlyerOrganiser, FlyerView
from .common import FLYER_DIR, absolute, plain_text, relative_file


def qr_svg(data: str) -> Markup:
    """The QR code as inline SVG (error correction M: survives a photocopy or a smudge)."""
    qr = segno.make(data, error="m", micro=False)
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, title="交流会ページへのQRコード",
            nl=False, omitsize=True, svgclass="kk-flyer__qr-svg")
    return Markup(out.getvalue().decode("utf-8"))


def contact_line(name: str, contact: ContactView | None) -> str:
    """「お問い合わせ」 as one printed line: department, phone and hours, e-mail, page."""
    if contact is None:
        return name
    parts = [f"{name} {contact.department}"]
    if contact.phone:
        parts.append(f"電話 {contact.phone}" + (f"（{contact.hours}）" if contact.hours else ""))
    if contact.email:
        parts.append(f"メール {contact.email}")
    if contact.url:
        parts.append(contact.url)
    return "　".join(parts)


def flyer_view(plan: SitePlan, m: MeetingExport, page_url: str, site_url: str | None) -> FlyerView:
    here = page_url + FLYER_DIR
    target = absolute(site_url, page_url)
    challenges = [plan.exports.challenges[k] for k in m.challenges]
    return FlyerView(
        title=m.title,
        document_title=f"{m.title}（印刷用チラシ）",
        when=f"{jp_date(m.date)} {time_range(m.start, m.end)}",
        format=m.format_label,
        status=m.status_label if m.status != "scheduled" else None,
        status_note=m.status_note,
        venue_name=m.venue.name if m.venue else None,
        venue_address=m.venue.full_address if m.venue else None,
        venue_access=m.venue.access if m.venue else None,
        online=m.online,
        organisers=tuple(FlyerOrganiser(role, name) for role, name in m.organisers),
        capacity=m.capacity,
        companies_planned=m.companies_planned,
        fee=m.fee or "無料",
        description=plain_text(m.description),
        challenges=tuple(FlyerChallenge(c.title, c.prefecture, c.industry, "、".join(c.categories)) for c in challenges),
        signup_host=urlsplit(m.signup_url).netloc if m.signup_url else None,
        opens=jp_date(m.signup_opens) if m.signup_opens else None,
        deadline=jp_date(m.signup_deadline) if m.signup_deadline else None,
        contact=contact_line(m.host_name, m.host_contact),
        page_link=relative_file(here, page_url),
        page_address=target,
        qr=qr_svg(target) if target else None,
        css=relative_file(here, "assets/koryukai/flyer.css"),
        favicon=relative_file(here, "favicon.ico"),
        demo=m.demo,
    )


@lru_cache(maxsize=4)
def _template(themes: Path) -> Template:
    env = Environment(loader=FileSystemLoader(themes / "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("flyer.html")


def render_flyer(themes: Path, view: FlyerView) -> bytes:
    """The flyer template gets `view` only, like the page templates (tests/test_templates.py)."""
    return _template(themes).render(view=view).encode("utf-8")
