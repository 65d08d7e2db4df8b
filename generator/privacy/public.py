"""What may stand on a page although it looks like a finding: the public side of the data.

Institutions and regions publish their own contact details (contact:,
website:) on purpose, meetings name their venue and co-hosts, and sign-up
links point at form services. None of that identifies a company or a
新現役, so a finding that *is* one of these is not reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import vocab
from ..dataset import Dataset
from .kinds import Kind
from .patterns import email_key, phone_digits
from .scan import Hit


def url_host(value: str) -> str:
    """Host of a URL or bare domain, lower case, without "www." or a port."""
    text = value.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


@dataclass(frozen=True)
class PublicDetails:
    phones: frozenset[str] = frozenset()  # digits only
    emails: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()  # without "www."
    phrases: tuple[str, ...] = ()  # names and places that may stand as written

    @classmethod
    def from_dataset(cls, ds: Dataset, *, extra_hosts: Iterable[str] = (), extra_phrases: Iterable[str] = ()) -> PublicDetails:
        phones: set[str] = set()
        emails: set[str] = set()
        hosts: set[str] = {url_host(h) for h in (*vocab.DEFAULT_FORM_HOSTS, *extra_hosts) if h}
        phrases: set[str] = set(extra_phrases)
        owners = [rec.model for rec in (*ds.regions.values(), *ds.institutions.values())]
        if ds.national is not None:
            owners.append(ds.national)  # the national desk (regions/national.yml) publishes its contact too
        for model in owners:
            contact = getattr(model, "contact", None)
            if contact is not None:
                if contact.phone:
                    phones.add(phone_digits(contact.phone))
                if contact.email:
                    emails.add(email_key(contact.email))
                if contact.url:
                    hosts.add(url_host(contact.url))
            website = getattr(model, "website", None)
            if website:
                hosts.add(url_host(website))
            hosts.update(url_host(h) for h in getattr(model, "form_hosts", ()))
            for attr in ("name", "short_name", "bureau"):
                value = getattr(model, attr, None)
                if value:
                    phrases.add(value)
        for rec in ds.meetings.values():
            m = rec.model
            phrases.update(o.name for o in m.organisers if o.name)
            if m.venue is not None:
                v = m.venue
                phrases.update(x for x in (v.name, v.access, v.address) if x)
                # 「ホテルニューみなと 2階 鳳凰の間」 is written 「ホテルニューみなとで開催」 in the text
                phrases.update(part for part in v.name.replace("\u3000", " ").split(" ")[:1] if len(part) >= 4)
                if v.address:
                    phrases.update({f"{v.prefecture}{v.city}{v.address}", f"{v.city}{v.address}"})
        hosts.discard("")
        return cls(frozenset(phones), frozenset(emails), frozenset(hosts), tuple(sorted(phrases, key=len, reverse=True)))

    def host_allowed(self, value: str) -> bool:
        return url_host(value) in self.hosts

    def permits(self, hit: Hit, text: str) -> bool:
        """Whether a finding in `text` is one of the public details."""
        if hit.kind is Kind.PHONE:
            return phone_digits(hit.norm) in self.phones
        if hit.kind is Kind.EMAIL:
            return email_key(hit.norm) in self.emails
        if hit.kind is Kind.URL and self.host_allowed(hit.norm):
            return True
        return inside_phrase(hit, text, self.phrases)


def inside_phrase(hit: Hit, text: str, phrases: Iterable[str]) -> bool:
    """Whether the finding lies inside an occurrence of one of the phrases in text."""
    for phrase in phrases:
        if hit.span not in phrase:
            continue
        at = text.find(phrase)
        while at >= 0:
            if at <= hit.start and hit.end <= at + len(phrase):
                return True
            at = text.find(phrase, at + 1)
    return False
