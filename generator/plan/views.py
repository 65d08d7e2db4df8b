"""What each page prints: one frozen view per page kind, the contract with the templates.

A template receives its page's view, the shell view (header, menu, footer)
and a `link` helper that turns a combined-tree URL into a relative link (or
None when the target is not part of the build). Every value a template
prints is here already formatted: dates, labels, hosts, joined lists,
percentages, safe HTML from Markdown, charts. Templates only print and
branch, so any Jinja-like renderer (MiniJinja in Zensical) can run them.

URLs in views are combined-tree URLs (see urls.py); `link` makes them relative.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

Html = Markup  # an HTML fragment already escaped or sanitised (markup.py, charts.py)


# --- parts shared by several pages ---------------------------------------------

@dataclass(frozen=True)
class Badge:
    """A meeting's sign-up state as built, and the later changes the page script applies."""

    state: str
    label: str
    changes: str  # JSON [[ISO date, state, label], …] for data-kk-next ("" when the state is final)


@dataclass(frozen=True)
class MeetingCard:
    url: str
    date_iso: str
    date_text: str  # 2026年12月10日（木）
    time_text: str  # 13:30〜16:30
    title: str
    place: str  # 神奈川県横浜市中区 / オンライン / …＋オンライン
    host: str
    badge: Badge
    deadline_text: str | None  # shown while sign-up is (or will be) open
    outcome_text: str | None  # マッチング 4社／5社（80%）, once held


@dataclass(frozen=True)
class FacetLink:
    """A chip or label linking to a list filtered by its value (plan/filters.py)."""

    label: str
    url: str  # the list's combined-tree URL (its first page); `link` makes it relative
    query: str  # ?category=%E7%94%9F…, printed after the link


@dataclass(frozen=True)
class ChallengeCard:
    url: str
    title: str
    industry: str
    prefecture: str
    employees: str  # label of the band
    categories: tuple[str, ...]
    status: str
    status_label: str | None  # None while open (cards show only other states)
    # Filtered lists of the portal the card is shown in (or the nearest one up that lists the record).
    category_links: tuple[FacetLink, ...] = ()
    industry_link: FacetLink | None = None
    prefecture_link: FacetLink | None = None


@dataclass(frozen=True)
class VeteranCard:
    url: str
    headline: str
    prefecture: str
    registered: bool
    expertise: tuple[str, ...]
    expertise_links: tuple[FacetLink, ...] = ()
    prefecture_link: FacetLink | None = None


# --- list filters (plan/filters.py) ----------------------------------------------

@dataclass(frozen=True)
class FilterOption:
    value: str  # also its label: the vocabulary's Japanese word


@dataclass(frozen=True)
class FilterField:
    name: str  # the address parameter: category
    label: str  # 課題の分類
    filter: str  # the Pagefind filter it asks: kk-cat
    options: tuple[FilterOption, ...]  # only values some record of this list has


@dataclass(frozen=True)
class ListFilters:
    """The filter form of a list page; the page script asks the one index with these filters."""

    kind: str  # 交流会 / 企業の課題 / 新現役: which card the script draws
    word: str  # the hidden word of this portal's list (plan/filters.py list_word): what the script asks the index
    action: str  # the list's first page (combined-tree URL)
    ui_url: str  # the build root's folder: the bundle (pagefind/) and the scripts
    fields: tuple[FilterField, ...]
    noun: str  # 件 / 人
    built: str  # the build day (ISO): states in the index are that day's; the script brings them to the visitor's


@dataclass(frozen=True)
class ListFacets:
    """A detail page's hidden lines for the list filters: facet values, list order and its card."""

    words: str  # the list words of every portal whose list shows the record (indexed, hidden)
    filters: tuple[tuple[str, str], ...]  # (Pagefind filter name, value)
    order: str  # zero-padded rank in the static lists
    card: str  # the card's printed values, ASCII JSON


@dataclass(frozen=True)
class SearchMeta:
    """Pagefind filters of a detail page (no date sort: the pages sort by date themselves, and at nation size a
    sort over every page cost ~100 kB of every visitor's first search)."""

    kind: str
    region: str
    prefectures: tuple[str, ...]
    industries: tuple[str, ...]
    categories: tuple[str, ...]
    months: tuple[str, ...]
    title: str


@dataclass(frozen=True)
class SearchTerms:
    """What the search page's query pipeline finds a detail page by (generator/search/records.py)."""

    tokens: str  # opaque ASCII tokens, one per term of the record (hidden; never record text)
    portals: tuple[str, ...]  # ids of the portals that list the record: the one index's portal filter
    meta: tuple[tuple[str, str], ...]  # shown on the result: kind, date, place, sign-up dates


@dataclass(frozen=True)
class Figures:
    """Outcome figures as printed."""

    meetings: int
    companies: int
    veterans: int
    interviews: int
    second_interviews: int
    matches: int
    rate_text: str  # 80% or —


@dataclass(frozen=True)
class LinkItem:
    label: str
    url: str


@dataclass(frozen=True)
class Pager:
    page_no: int
    pages: int
    prev: str | None
    next: str | None


# --- reach: share meta, calendar and share links, the A4 flyer (issue 13) ------------

@dataclass(frozen=True)
class PageMeta:
    """What every page's <head> and footer say about it beyond the page (plan/meta.py)."""

    document_title: str  # <title>: page title｜portal title
    description: str  # page-specific, ≤120 characters
    site_name: str
    og_type: str  # website | article
    canonical: str | None  # absolute, only with --site-url
    image: str | None  # absolute share image URL, only with --site-url
    twitter_card: str  # summary_large_image | summary
    favicon: str  # links to the icons at the build root, relative to the page
    favicon_png: str
    touch_icon: str
    feed: str | None  # the portal's Atom feed
    feed_title: str
    calendar: str | None  # the portal's .ics
    data: tuple[LinkItem, ...]  # the portal's open data files
    opendata_page: str | None  # the 「オープンデータ」 page


@dataclass(frozen=True)
class CalendarMenu:
    ics: str  # link to this meeting's .ics
    google: str  # Google Calendar "add event" URL
    portal_ics: str  # link to the portal's calendar file
    webcal: str | None  # webcal:// subscription URL (only with --site-url)


@dataclass(frozen=True)
class ShareLinks:
    line: str
    x: str


@dataclass(frozen=True)
class MeetingReach:
    """A meeting page's JSON-LD, 「カレンダーに追加」, share links and flyer link."""

    jsonld: Html  # schema.org Event, already JSON- and </script>-safe
    calendar_menu: CalendarMenu
    share: ShareLinks
    flyer: str  # link to the meeting's A4 flyer
    site_name: str


@dataclass(frozen=True)
class FlyerChallenge:
    title: str
    prefecture: str
    industry: str
    categories: str  # joined


@dataclass(frozen=True)
class FlyerOrganiser:
    role: str
    name: str


@dataclass(frozen=True)
class FlyerView:
    """The A4 flyer of a meeting: a standalone page (no shell), filled by outputs/flyer.py."""

    title: str
    document_title: str
    when: str
    format: str
    status: str | None  # 中止 / 延期 when not scheduled
    status_note: str | None
    venue_name: str | None
    venue_address: str | None
    venue_access: str | None
    online: str | None
    organisers: tuple[FlyerOrganiser, ...]
    capacity: int | None
    companies_planned: int | None
    fee: str
    description: str
    challenges: tuple[FlyerChallenge, ...]
    signup_host: str | None
    opens: str | None
    deadline: str | None
    contact: str
    page_link: str
    page_address: str | None  # printed under the QR code when the site URL is known
    qr: Html | None
    css: str
    favicon: str
    demo: bool


# --- the shell: header, menu, breadcrumbs, footer -----------------------------

@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class ContactView:
    name: str  # the portal's name before the department, or "" when the department already starts with it
    department: str
    phone: str | None
    tel: str | None  # digits for the tel: link
    hours: str | None
    email: str | None
    url: str | None


@dataclass(frozen=True)
class ShellView:
    title: str  # header title and description
    portal_name: str
    colour: str
    demo: bool
    home_url: str
    search_url: str
    nav: tuple[NavItem, ...]
    crumbs: tuple[LinkItem, ...]
    show_crumbs: bool
    contact: ContactView | None
    footer_links: tuple[LinkItem, ...]
    national_url: str | None  # the national portal, linked from every other portal
    logo: str | None = None  # relative link to the copied logo, filled in by the renderer
    colour_css: str | None = None  # relative link to the portal's colour stylesheet, filled in by the renderer
    meta: PageMeta | None = None  # this page's share meta and footer links (per page, plan/meta.py)


# --- the national picture: map of Japan and per-year trends ---------------------

@dataclass(frozen=True)
class LegendEntry:
    label: str  # 0回 / 1回 / 2〜3回
    colour: str
    shade: int  # its class in the stylesheet (kk-swatch--N): the CSP allows no inline style


@dataclass(frozen=True)
class ShadedPrefecture:
    name: str
    held: int
    upcoming: int
    colour: str  # its shade on the map, repeated as a swatch beside the text
    shade: int  # index into SHADES, for the swatch's class (kk-swatch--N)


@dataclass(frozen=True)
class RegionOnMap:
    url: str  # the region's portal
    name: str
    held: int
    upcoming: int
    prefectures: tuple[ShadedPrefecture, ...]  # only those with a meeting, JIS order


@dataclass(frozen=True)
class MapShape:
    """One region's part of the map, which the template wraps in a link to its portal."""

    url: str
    label: str  # spoken name of the link: 関東のポータル（開催済み3回・予定1回）
    svg: Html


@dataclass(frozen=True)
class PrefectureRow:
    name: str
    region_name: str  # — when no region portal covers it
    held: int
    upcoming: int


@dataclass(frozen=True)
class MapView:
    svg_start: Html  # <svg>, title, the prefectures outside every region
    shapes: tuple[MapShape, ...]
    svg_end: Html  # upcoming marks and </svg>
    legend: tuple[LegendEntry, ...]
    regions: tuple[RegionOnMap, ...]
    others: tuple[ShadedPrefecture, ...]  # prefectures with meetings outside every region portal
    listed: tuple[ShadedPrefecture, ...]  # every prefecture with a meeting: the regions' first, then the others
    table: tuple[PrefectureRow, ...]  # all 47, JIS order
    held: int
    upcoming: int
    prefectures_with_meetings: int
    summary_url: str  # the printable one-page summary


@dataclass(frozen=True)
class TrendChart:
    title: str  # マッチング率
    svg: Html


@dataclass(frozen=True)
class TrendRow:
    year: int
    figures: Figures


@dataclass(frozen=True)
class RegionTrend:
    url: str
    name: str
    rows: tuple[TrendRow, ...]
    span: int  # rows the region's name cell spans


@dataclass(frozen=True)
class TrendView:
    scope: str  # 全国 / 関東
    rows: tuple[TrendRow, ...]
    rate_chart: TrendChart  # with the SKS reference lines
    count_charts: tuple[TrendChart, ...]  # one unit each
    regions: tuple[RegionTrend, ...]  # per-region series (national scope only)
    reference_mean: str  # SKS平均 73.3%
    reference_old: str  # 従来の一対一型 ≒10%以下
    source: str


@dataclass(frozen=True)
class Picture:
    demo: bool
    map: MapView | None  # national portal only
    trends: TrendView
    figures: Figures  # held meetings (meetings = how many were held)


# --- pages -----------------------------------------------------------------------

@dataclass(frozen=True)
class RegionCard:
    url: str
    name: str
    prefectures: str  # 東京都・神奈川県
    upcoming: int
    institutions: int
    challenges: int


@dataclass(frozen=True)
class InstitutionItem:
    url: str
    name: str
    kind_label: str
    upcoming: int


@dataclass(frozen=True)
class HomeView:
    kind: str  # national | region | institution
    title: str
    meta: str | None  # 信用金庫／関東 (institution portals)
    description_html: Html | None
    meetings_url: str
    upcoming: tuple[MeetingCard, ...]
    all_meetings: LinkItem | None
    regions: tuple[RegionCard, ...]
    institutions: tuple[InstitutionItem, ...]
    challenges: tuple[ChallengeCard, ...]
    all_challenges: LinkItem
    recent: tuple[MeetingCard, ...]
    figures: Figures | None  # None before any meeting was held
    outcomes_link: LinkItem
    veterans: tuple[VeteranCard, ...]
    all_veterans: LinkItem
    join_url: str
    start_url: str
    about_url: str
    website: str | None
    name: str
    picture: Picture | None = None  # national home: the map


@dataclass(frozen=True)
class MeetingListView:
    heading: str
    upcoming: tuple[MeetingCard, ...]
    past: tuple[MeetingCard, ...]
    first_page: bool
    pager: Pager
    filters: ListFilters | None = None


@dataclass(frozen=True)
class ChallengeListView:
    heading: str
    total: int
    cards: tuple[ChallengeCard, ...]
    pager: Pager
    filters: ListFilters | None = None


@dataclass(frozen=True)
class VeteranListView:
    heading: str
    total: int
    cards: tuple[VeteranCard, ...]
    pager: Pager
    filters: ListFilters | None = None
    # An institution lists the veterans who fit its challenges and points to its region's full list.
    scope: str | None = None
    region_list: LinkItem | None = None


@dataclass(frozen=True)
class RateRow:
    name: str
    figures: Figures


@dataclass(frozen=True)
class MeetingOutcomeRow:
    url: str
    date_text: str
    title: str
    figures: Figures


@dataclass(frozen=True)
class ReferenceFigure:
    """A real figure printed beside the portal's own (which may be demo data), with its source."""

    value: str  # 73.3%
    label: str
    source: str


@dataclass(frozen=True)
class OutcomesView:
    heading: str
    national: bool
    figures: Figures | None
    chart: Html
    by_child_word: str | None  # 地域 / 機関 when the portal has children with figures
    rate_chart: Html
    rates: tuple[RateRow, ...]
    meetings: tuple[MeetingOutcomeRow, ...]
    picture: Picture | None = None  # national: trends and map; region: trends
    demo: bool = False  # the portal's figures come from fictional demo data: said beside each figure and table
    reference: ReferenceFigure | None = None  # SKS's real average, beside the portal's own rate
    meetings_shown: int = 0  # rows in the per-meeting table (the newest OUTCOME_ROWS held meetings)
    meetings_note: str | None = None  # said when older held meetings are left out of that table


@dataclass(frozen=True)
class SummaryView:
    """The national portal's printable A4 page for an institution thinking of starting."""

    picture: Picture
    as_of: str  # 2026年11月26日: the build date the figures are from
    start_url: str


@dataclass(frozen=True)
class SearchView:
    heading: str
    scope_name: str
    wider: tuple[LinkItem, ...]
    portal: str  # this portal's id: the one index's portal filter ("" = national, no filter)
    portal_word: str  # the hidden word its records carry (search/records.portal_word); "" = national
    national: bool  # the national search also covers the editorial pages
    ui_url: str  # the build root's folder: the one bundle (pagefind/) and the scripts
    meetings_url: str


@dataclass(frozen=True)
class Organiser:
    role: str
    name: str
    url: str | None  # the organiser's portal, when it has one


@dataclass(frozen=True)
class VenueView:
    name: str
    place: str  # 神奈川県横浜市中区本町1-2-3
    access: str | None
    map_url: str  # a map search of the place (a plain link, no embedded third-party map)


@dataclass(frozen=True)
class SignupView:
    url: str
    host: str  # shown beside the button: the visitor sees where the form lives
    deadline_text: str
    opens_text: str | None


@dataclass(frozen=True)
class MeetingPageView:
    search: SearchMeta
    title: str
    date_iso: str
    date_text: str
    time_text: str
    badge: Badge
    state: str
    status_note: str | None
    signup: SignupView | None
    where: str  # 神奈川県横浜市中区で / …で会場とオンラインで / オンラインで
    categories_text: str | None  # 販路開拓、事業承継
    format_label: str
    venue: VenueView | None
    online: str | None
    organisers: tuple[Organiser, ...]
    capacity: int | None
    companies_planned: int | None
    fee: str  # 無料 unless the meeting names a fee
    description_html: Html
    outcome: Figures | None  # shown once held
    challenges: tuple[ChallengeCard, ...]
    about_url: str
    next_meeting: MeetingLink | None = None  # the host's next meeting taking sign-ups, once this one no longer is
    reach: MeetingReach | None = None  # calendar, share and flyer links, JSON-LD (plan/meta.py)
    search_terms: SearchTerms | None = None  # None only for a record the search does not know
    list_facets: ListFacets | None = None


@dataclass(frozen=True)
class MeetingLink:
    url: str
    title: str
    date_text: str
    badge: Badge
    taking_signups: bool  # open, closing or not yet open


@dataclass(frozen=True)
class ChallengePageView:
    search: SearchMeta
    title: str
    status: str
    status_label: str
    prefecture: str
    industry: str
    employees: str
    categories: tuple[str, ...]
    categories_text: str
    engagement_text: str
    meeting: MeetingLink | None
    description_html: Html
    support_html: Html
    open: bool
    portal_name: str
    veterans: tuple[VeteranCard, ...]
    search_terms: SearchTerms | None = None
    list_facets: ListFacets | None = None
    category_links: tuple[FacetLink, ...] = ()
    industry_link: FacetLink | None = None
    prefecture_link: FacetLink | None = None


@dataclass(frozen=True)
class VeteranPageView:
    search: SearchMeta
    headline: str
    registered: bool
    expertise: tuple[str, ...]
    expertise_text: str
    industries_text: str  # 製造業、卸売業，小売業 (sentence)
    industries_list: str  # 製造業・卸売業，小売業 (facts)
    prefecture: str
    areas_text: str | None
    availability: str
    career_html: Html
    profile_id: str  # quoted to the institution's desk: contact goes through the institution (三者対等)
    challenges: tuple[ChallengeCard, ...]
    search_terms: SearchTerms | None = None
    list_facets: ListFacets | None = None
    expertise_links: tuple[FacetLink, ...] = ()
    industry_links: tuple[FacetLink, ...] = ()
    prefecture_link: FacetLink | None = None


@dataclass(frozen=True)
class NotFoundView:
    home_url: str
    portal_title: str


@dataclass(frozen=True)
class ContentView:
    """An editorial page: its Markdown goes through the site generator's own Markdown."""

    markdown: str
    source: str  # content/about.md


PageView = (HomeView | MeetingListView | ChallengeListView | VeteranListView | OutcomesView | SummaryView | SearchView
            | MeetingPageView | ChallengePageView | VeteranPageView | NotFoundView | ContentView)
