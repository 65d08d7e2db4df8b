"""Generate a valid, varied, fictional data root for the benchmark.

    python bench/gen_data.py OUT [--size today|tenth|nation] [--seed 1]

Writes OUT/regions/… in the layout `koryukai validate` reads: the nine usual
regions holding all 47 prefectures once each, every institution kind,
meetings from 2022 to 2027 (cancelled, postponed, past with outcomes,
upcoming with sign-up), challenges (about 2% without consent, so they stay
unpublished) and 新現役 profiles. The same size and seed give the same bytes.

Texts are composed from bench/phrases.py and kept unique per field: Pagefind
folds identical pages, and clones would hide what real data costs. Every
region says `demo: true`, so each page it reaches says the data is fictional.
"""

from __future__ import annotations

import argparse
import random
import shutil
import string
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

try:  # a script run as bench/gen_data.py or imported as bench.gen_data
    from bench import phrases as P
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench import phrases as P

TODAY = date(2026, 11, 26)  # the --today the benchmark builds with: meetings before it are past
FIRST, LAST = date(2022, 1, 11), date(2027, 12, 17)
MARKER = ".koryukai-bench-data"  # written last: a folder without it is an unfinished generation
HEADER = "# 架空のデモデータです（bench/gen_data.py がベンチマーク用に生成。実在の機関・企業・人物とは関係ありません）\n"


@dataclass(frozen=True)
class Size:
    institutions: int
    meetings: int
    challenges: int
    veterans: int


SIZES: dict[str, Size] = {
    "today": Size(institutions=9, meetings=24, challenges=60, veterans=27),  # about the demo data in regions/
    "tenth": Size(institutions=50, meetings=500, challenges=3000, veterans=1000),
    "nation": Size(institutions=500, meetings=5000, challenges=30000, veterans=10000),
}


# --- YAML out ------------------------------------------------------------------

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter when present; never anchors/aliases (the loader refuses them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def write_yaml(path: Path, data: dict[str, Any], schema: str) -> None:
    depth = len(path.parent.parts) - path.parts.index("regions")
    comment = f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}.schema.json\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(comment + HEADER + body, encoding="utf-8")


# --- helpers ---------------------------------------------------------------------

def allocate(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split total by weights (largest remainder), each part at least `minimum`."""
    base = [minimum] * len(weights)
    rest = total - minimum * len(weights)
    if rest < 0:
        raise ValueError(f"cannot give {minimum} to each of {len(weights)} parts out of {total}")
    s = sum(weights)
    exact = [rest * w / s for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (exact[i] - parts[i], -i), reverse=True)
    for i in order[: rest - sum(parts)]:
        parts[i] += 1
    return [b + p for b, p in zip(base, parts, strict=True)]


class Unique:
    """Texts of one field, kept distinct: re-roll a composition until it is new."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, make: Callable[[int], str]) -> str:
        for attempt in range(200):
            text = make(attempt)
            if text not in self.seen:
                self.seen.add(text)
                return text
        raise RuntimeError(f"could not compose a new text after 200 tries (last: {text!r})")


def weekday(d: date, rng: random.Random) -> date:
    """Move to a Tuesday–Friday: meetings are held on working days."""
    while d.weekday() not in (1, 2, 3, 4):
        d += timedelta(days=1)
    return d + timedelta(days=rng.choice((0, 0, 7)) if d + timedelta(days=7) <= LAST else 0)


def token(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(n))


CLOSINGS = ("", "ご迷惑をおかけしますが、ご理解をお願いします。", "お申し込みいただいた方には個別にご連絡します。",
            "ご不明な点は事務局までお問い合わせください。", "次回の交流会へのご参加をお待ちしています。",
            "楽しみにしていただいた皆さまにおわびします。")


def jp_date(d: date) -> str:
    return f"{d.month}月{d.day}日"


# --- the records -------------------------------------------------------------------

@dataclass
class Inst:
    region: str
    id: str
    name: str
    short: str
    head: str  # the fictional place name the institution is named after
    kind: str
    prefecture: str
    meetings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Generator:
    size: Size
    seed: int
    rng: random.Random = field(init=False)
    texts: dict[str, Unique] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def unique(self, key: str, make: Callable[[int], str]) -> str:
        return self.texts.setdefault(key, Unique())(make)

    # regions ------------------------------------------------------------------
    def region(self, rid: str, name: str, prefs: tuple[str, ...], bureau: str) -> dict[str, Any]:
        n = len(prefs)
        scope = f"{n}道府県" if n > 1 else prefs[0]
        return {
            "name": name,
            "prefectures": list(prefs),
            "bureau": bureau,
            "description": (f"{bureau}の管内（{scope}）で、信用金庫・信用組合・地方銀行・支援機関が開く新現役交流会の案内です。\n"
                            f"{name}の中小企業が事前ヒアリングでまとめた課題と、新現役のプロフィールを掲載しています。"),
            "contact": {"department": f"{name}地域 新現役交流会 連絡窓口", "url": f"https://example.jp/{rid}/contact/"},
            "branding": {"primary_color": self.colour()},
            "demo": True,
        }

    def colour(self) -> str:
        # Every channel ≤ 0x5a keeps white text above 4.5:1 (the validator's contrast rule).
        return "#" + "".join(f"{self.rng.randint(0x10, 0x5a):02x}" for _ in range(3))

    # institutions ---------------------------------------------------------------
    def institutions(self) -> list[Inst]:
        rng = self.rng
        counts = allocate(self.size.institutions, [r[4] for r in P.REGIONS], minimum=1)
        kinds = list(P.KINDS)
        # Every kind at least once, the rest by weight.
        chosen = kinds + rng.choices(kinds, weights=[P.KINDS[k][4] for k in kinds], k=self.size.institutions - len(kinds))
        rng.shuffle(chosen)
        names = [(h, t) for h in P.NAME_HEADS for t in P.NAME_TAILS]
        rng.shuffle(names)
        out: list[Inst] = []
        taken: set[str] = set()
        for (rid, _, prefs, _, _), count in zip(P.REGIONS, counts, strict=True):
            for _ in range(count):
                kind = chosen[len(out)]
                (head_ja, head_id), (tail_ja, tail_id) = names.pop()
                suffix, short_suffix, id_suffix, _, _ = P.KINDS[kind]
                head = head_ja + tail_ja
                iid = f"{head_id}{tail_id}-{id_suffix}"
                assert iid not in taken
                taken.add(iid)
                out.append(Inst(rid, iid, head + suffix, head + short_suffix, head, kind, rng.choice(prefs)))
        return out

    def institution(self, inst: Inst, first_year: int, per_year: int) -> dict[str, Any]:
        rng = self.rng
        what = (f"{rng.choice(P.PLACES)}の産業振興を担う自治体です。" if inst.kind == "municipality"
                else f"{rng.choice(P.PLACES)}を地盤とする{P.KIND_LABELS[inst.kind]}です。")
        about = self.unique("about", lambda _: (
            f"{what}\n"
            f"{first_year}年から新現役交流会を年{per_year}回ほど開き、{rng.choice(P.MARKETS)}への展開や"
            f"{rng.choice(list(P.CATEGORY_TEXT))}に悩む中小企業と新現役の出会いの場をつくっています。"
        ))
        data: dict[str, Any] = {"name": inst.name, "short_name": inst.short, "kind": inst.kind,
                                "prefecture": inst.prefecture, "website": f"https://www.example.jp/{inst.id}/",
                                "about": about,
                                "contact": {"department": P.KINDS[inst.kind][3], "url": f"https://www.example.jp/{inst.id}/koryukai/",
                                            "hours": "平日 9:00〜17:00"}}
        if rng.random() < 0.5:
            data["branding"] = {"primary_color": self.colour()}
        return data

    # meetings ---------------------------------------------------------------------
    def meeting_dates(self, count: int) -> list[date]:
        rng = self.rng
        span = (LAST - FIRST).days
        dates: list[date] = []
        for j in range(count):
            d = weekday(FIRST + timedelta(days=int(span * (j + rng.uniform(0.1, 0.8)) / count)), rng)
            while d in dates or d > LAST:
                d -= timedelta(days=7)
            dates.append(d)
        return sorted(dates)

    def meeting(self, inst: Inst, number: int, d: date, bureau: str, neighbours: list[Inst]) -> dict[str, Any]:
        rng = self.rng
        past = d < TODAY
        roll = rng.random()
        status = "cancelled" if roll < 0.05 else "postponed" if roll < 0.09 else "scheduled"
        fmt = rng.choices(("in_person", "hybrid", "online"), weights=(55, 25, 20))[0]
        start = rng.choice(("10:00", "13:00", "13:30", "14:00", "15:00"))
        h, m = map(int, start.split(":"))
        end = f"{h + rng.choice((2, 3)):02d}:{(m + rng.choice((0, 30))) % 60:02d}" if m == 0 else f"{h + 3:02d}:00"
        theme = rng.choice(P.MEETING_THEMES)
        title = f"第{number}回 {inst.head}新現役交流会" + (f"〜{theme}〜" if rng.random() < 0.3 else "")
        data: dict[str, Any] = {"title": title, "date": d, "start": start, "end": end, "format": fmt}
        if fmt != "online":
            city = rng.choice(P.CITIES[inst.prefecture])
            venue = rng.choice(P.VENUES).format(inst=inst.name, head=inst.head, n=rng.randint(2, 9))
            data["venue"] = {"name": venue, "prefecture": inst.prefecture, "city": city}
            if rng.random() < 0.5:
                data["venue"]["access"] = f"最寄り駅から徒歩{rng.randint(2, 15)}分"
        if fmt != "in_person":
            data["online"] = rng.choice(("Zoom（接続先は申込後にお知らせします）", "Microsoft Teams（申込後に案内をお送りします）",
                                         "Zoom（前日までにメールでお知らせします）"))
        organisers: list[dict[str, str]] = []
        if neighbours and rng.random() < 0.25:
            organisers.append({"institution": rng.choice(neighbours).id, "role": "共催"})
        organisers.append({"name": bureau, "role": "後援"})
        if rng.random() < 0.3:
            organisers.append({"name": f"{inst.head}商工会議所", "role": "後援"})
        data["organisers"] = organisers
        if status == "scheduled":
            # Upcoming meetings take sign-ups; a few past ones still wait for their outcome.
            wants_signup = not past or rng.random() < 0.05
        else:
            wants_signup = rng.random() < 0.3
        if wants_signup:
            deadline = d - timedelta(days=rng.randint(5, 14))
            data["signup"] = {"url": self.form_url(), "deadline": deadline,
                              "opens": deadline - timedelta(days=rng.randint(21, 60))}
        data["capacity"] = rng.choice((20, 25, 30, 35, 40, 50))
        data["_status"] = status  # resolved after challenges are assigned
        data["_past"] = past
        data["_theme"] = theme
        return data

    def form_url(self) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            return f"https://docs.google.com/forms/d/e/bench-{token(rng, 24)}/viewform"
        return f"https://forms.office.com/r/bench{token(rng, 10)}"

    def finish_meeting(self, inst: Inst, data: dict[str, Any], challenges: list[dict[str, Any]]) -> None:
        """Status, counts, outcome and the description, once we know who presents."""
        rng = self.rng
        status, past, theme = data.pop("_status"), data.pop("_past"), data.pop("_theme")
        d: date = data["date"]
        k = len(challenges) or rng.randint(3, 6)
        data["companies_planned"] = k
        if status != "scheduled":
            data["status"] = status
            data["status_note"] = rng.choice(P.CANCEL_NOTES if status == "cancelled" else P.POSTPONE_NOTES)
        industries = sorted({c["industry"] for c in challenges}) or ["製造業"]
        shown = "・".join(P.INDUSTRY_SHORT.get(i, i) for i in industries[:3])
        program = rng.choice(P.PROGRAM).format(m=rng.choice((8, 10, 12, 15)))
        season = P.SEASONS[d.month]
        if past and status == "scheduled" and "signup" not in data:
            v = rng.randint(max(8, k * 2), max(12, k * 7))
            interviews = rng.randint(k * 2, k * 6)
            second = rng.randint(max(1, k // 2), max(1, k * 2))
            matches = rng.randint(0, min(k, second))
            data["outcome"] = {"companies": k, "veterans": v, "interviews": interviews,
                               "second_interviews": second, "matches": matches}
            text = lambda _: (  # noqa: E731
                f"{d.year}年{season}の交流会では、{shown}など{k}社が事前ヒアリングでまとめた課題を発表し、新現役{v}名が参加しました。\n"
                f"当日は{interviews}組の面談があり、その後{second}件の二次面談を経て{matches}社で支援の合意に至りました。\n\n"
                f"{program}\n\n{rng.choice(P.MEETING_CLOSINGS)}").strip()
        elif status == "cancelled":
            text = lambda _: (  # noqa: E731
                f"{d.year}年{jp_date(d)}に予定していた交流会（テーマ: {theme}）は中止しました。\n"
                f"発表を予定していた{shown}など{k}社の課題は、次回以降の交流会でご紹介します。"
                f"{rng.choice(CLOSINGS)}")
        elif status == "postponed":
            text = lambda _: (  # noqa: E731
                f"{d.year}年{jp_date(d)}に予定していた「{theme}」をテーマとする交流会は延期します。\n"
                f"{shown}など{k}社が課題を発表する予定です。新しい日程はこのページでお知らせします。"
                f"{rng.choice(CLOSINGS)}")
        else:
            deadline = data["signup"]["deadline"] if "signup" in data else d
            text = lambda _: (  # noqa: E731
                f"{shown}など地域の中小企業{k}社が、事前ヒアリングでまとめた課題を発表します。"
                f"今回のテーマは「{theme}」です。\n\n{program}\n\n"
                f"申込の締切は{jp_date(deadline)}です。{rng.choice(('お早めにお申し込みください。', '初めての方も歓迎します。', '定員になりしだい締め切ります。'))}")
        data["description"] = self.unique("meeting", text)

    # challenges -------------------------------------------------------------------
    def challenge(self, inst: Inst, prefs: tuple[str, ...], meeting: dict[str, Any] | None) -> dict[str, Any]:
        rng = self.rng
        industry = rng.choice(P.CHALLENGE_INDUSTRIES)
        business, product = rng.choice(P.BUSINESSES[industry][1])
        cats = list(P.CATEGORY_TEXT)
        first = rng.choice(cats)
        categories = [first, *rng.sample([c for c in cats if c != first], rng.choice((0, 1, 1, 2)))]
        titles, problems, supports = P.CATEGORY_TEXT[first]
        leads = ("", "", "まずは", "3年かけて", "来年度までに", "社員と一緒に", "小さく始めて", "若手の力で", "外部の知見を借りて",
                 "今のうちに", "いまの強みを生かして", "地域とともに", "無理なく", "着実に", "思い切って")

        def title(attempt: int) -> str:
            market = rng.choice(P.MARKETS)
            # "{business}の…" reads as the company's: 引越しの会社の評価と賃金の仕組み, not 引越しの評価.
            template = rng.choice(titles).replace("{business}の", "{business}の会社の")
            core = template.format(product=product, business=business, market=market)
            lead = rng.choice(leads) + (rng.choice(leads) if attempt > 50 else "")
            return lead + core

        def description(_: int) -> str:
            share, top = rng.randint(2, 7), rng.randint(2, 5)
            parts = [f"{rng.choice(P.PLACES)}で{business}を営む、{rng.choice(P.AGES)}会社です。",
                     rng.choice(P.SITUATIONS).format(share=share, top=top),
                     rng.choice(problems).format(market=rng.choice(P.MARKETS), product=product),
                     rng.choice(P.GOALS).format(share=share)]
            if len(categories) > 1:
                extra = P.CATEGORY_TEXT[categories[1]][1]
                parts.insert(3, "あわせて、" + rng.choice(extra).format(market=rng.choice(P.MARKETS), product=product))
            return "".join(parts)

        def support(_: int) -> str:
            lead = rng.choice(("", "", f"{business}の現場を一度見ていただいたうえで、", f"{product}の特徴を踏まえて、",
                               "社内の若手も同席させたいので、", "経営者と後継の候補の双方に向けて、",
                               f"{rng.choice(P.MARKETS)}の事情も含めて、"))
            period = rng.choice(("", f"期間は{rng.randint(3, 12)}か月ほどを想定しています。",
                                 f"まずは{rng.randint(2, 6)}回ほどの面談から始めたいと考えています。"))
            return (lead + rng.choice(supports).format(market=rng.choice(P.MARKETS)) + rng.choice(P.SUPPORT_TAILS)
                    + period)

        data: dict[str, Any] = {}
        if meeting is not None:
            data["meeting"] = meeting["_id"]
        data.update({
            "title": self.unique("challenge.title", title),
            "industry": industry,
            "categories": categories,
            "prefecture": inst.prefecture if rng.random() < 0.7 else rng.choice(prefs),
            "employees": rng.choices(list(("1-5", "6-20", "21-50", "51-100", "101-300", "301-")),
                                     weights=(15, 35, 25, 13, 9, 3))[0],
            "description": self.unique("challenge.description", description),
            "support_wanted": self.unique("challenge.support", support),
            "engagement": rng.sample(("顧問", "スポット", "兼業・副業", "プロジェクト", "相談して決めたい"), rng.choice((1, 1, 2, 2, 3))),
        })
        held = meeting["date"] if meeting is not None else TODAY - timedelta(days=rng.randint(0, 1400))
        if rng.random() >= 0.02:  # ~2% have no consent yet: validated, warned about, never published
            data["consent_date"] = min(held - timedelta(days=rng.randint(10, 60)), TODAY)
        if meeting is not None and meeting["date"] < TODAY and meeting.get("_status") == "scheduled":
            data["status"] = rng.choices(("open", "matched", "closed"), weights=(35, 45, 20))[0]
        return data

    # veterans ---------------------------------------------------------------------
    def veteran(self, prefs: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
        rng = self.rng
        company, industries, depts = rng.choice(P.CAREERS)
        dept = rng.choice(depts)
        expertise = rng.sample(list(P.CATEGORY_TEXT), rng.randint(1, 4))
        extra_inds = [i for i in P.INDUSTRIES_ALL if i not in industries]
        inds = list(industries) + rng.sample(extra_inds, rng.choice((0, 0, 1, 2)))

        def headline(attempt: int) -> str:
            role = rng.choice(P.ROLES)
            tail = rng.choice(("", "", f"・{expertise[0]}の支援", "・中小企業の顧問", "・兼業で活動中", f"・{rng.choice(expertise)}に強み"))
            if attempt > 20:
                tail += f"（経験{rng.choice(P.YEARS)}年）"
            return f"元 {company} {dept}{role}{tail}"

        def career(_: int) -> str:
            duties = rng.sample(P.DUTIES, 2)
            ach = rng.choice(P.ACHIEVEMENTS).format(n=rng.randint(2, 9), x=rng.randint(2, 5))
            return (f"{company}で{rng.choice(P.YEARS)}年、{dept}を中心に{duties[0]}と{duties[1]}を担当しました。"
                    f"{ach}{rng.choice(P.AFTER)}")

        pref = rng.choice(prefs)
        data: dict[str, Any] = {
            "headline": self.unique("veteran.headline", headline),
            "expertise": expertise,
            "industries": inds,
            "prefecture": pref,
        }
        others = [p for p in prefs if p != pref]
        if others and rng.random() < 0.5:
            data["areas"] = rng.sample(others, min(len(others), rng.randint(1, 3)))
        data["career"] = self.unique("veteran.career", career)
        n = rng.randint(1, 4)
        data["availability"] = rng.choice(P.AVAILABILITY).format(n=n, m=n + 1)
        data["registered"] = rng.random() < 0.85
        if rng.random() >= 0.01:
            data["consent_date"] = TODAY - timedelta(days=rng.randint(5, 1500))
        rng.random()  # was the contact_form draw; kept so the seed gives the same records (the field is retired, X340)
        slug = P.CATEGORY_SLUGS[expertise[0]]
        return slug, data


def generate(out: Path, size: Size, seed: int) -> dict[str, int]:
    """Write the data root; return the number of files of each kind."""
    g = Generator(size, seed)
    rng = g.rng
    regions_dir = out / "regions"
    counts = {"region": 0, "institution": 0, "meeting": 0, "challenge": 0, "veteran": 0}
    insts = g.institutions()
    by_region: dict[str, list[Inst]] = {}
    for inst in insts:
        by_region.setdefault(inst.region, []).append(inst)
    meetings_per = allocate(size.meetings, [rng.uniform(0.5, 1.5) for _ in insts], minimum=1)
    bureau = {r[0]: r[3] for r in P.REGIONS}
    prefs_of = {r[0]: r[2] for r in P.REGIONS}

    # Meetings first (challenges refer to them), in memory; files are written at the end.
    all_meetings: list[tuple[Inst, dict[str, Any]]] = []
    for inst, count in zip(insts, meetings_per, strict=True):
        neighbours = [o for o in by_region[inst.region] if o is not inst]
        first_number = rng.randint(1, 12)
        for j, d in enumerate(g.meeting_dates(count)):
            m = g.meeting(inst, first_number + j, d, bureau[inst.region], neighbours)
            m["_id"] = d.isoformat()
            inst.meetings.append(m)
            all_meetings.append((inst, m))

    # Challenges: ~90% presented at a meeting that was not cancelled, the rest not yet placed.
    linked = [(i, m) for i, m in all_meetings if m["_status"] != "cancelled"] or all_meetings
    n_linked = round(size.challenges * 0.9)
    per_meeting = allocate(n_linked, [rng.uniform(0.5, 1.5) for _ in linked])
    unlinked = allocate(size.challenges - n_linked, [1.0] * len(insts))
    challenges: dict[int, list[dict[str, Any]]] = {id(m): [] for _, m in all_meetings}
    inst_challenges: dict[str, list[dict[str, Any]]] = {i.id: [] for i in insts}
    for (inst, m), count in zip(linked, per_meeting, strict=True):
        for _ in range(count):
            c = g.challenge(inst, prefs_of[inst.region], m)
            challenges[id(m)].append(c)
            inst_challenges[inst.id].append(c)
    for inst, count in zip(insts, unlinked, strict=True):
        for _ in range(count):
            inst_challenges[inst.id].append(g.challenge(inst, prefs_of[inst.region], None))

    for rid, name, prefs, bur, _ in P.REGIONS:
        write_yaml(regions_dir / rid / "region.yml", g.region(rid, name, prefs, bur), "region")
        counts["region"] += 1
    for inst in insts:
        folder = regions_dir / inst.region / "institutions" / inst.id
        first_year = min(m["date"].year for m in inst.meetings)
        write_yaml(folder / "institution.yml", g.institution(inst, first_year, rng.choice((1, 2, 2, 3))), "institution")
        counts["institution"] += 1
        for m in inst.meetings:
            mid = m.pop("_id")
            g.finish_meeting(inst, m, challenges[id(m)])
            write_yaml(folder / "meetings" / f"{mid}.yml", m, "meeting")
            counts["meeting"] += 1
        for n, c in enumerate(inst_challenges[inst.id], 1):
            cid = f"{P.BUSINESSES[c['industry']][0]}-{P.CATEGORY_SLUGS[c['categories'][0]]}-{n:04d}"
            write_yaml(folder / "challenges" / f"{cid}.yml", c, "challenge")
            counts["challenge"] += 1
    vet_counts = allocate(size.veterans, [r[4] for r in P.REGIONS], minimum=1)
    for (rid, _, prefs, _, _), count in zip(P.REGIONS, vet_counts, strict=True):
        for n in range(1, count + 1):
            slug, data = g.veteran(prefs)
            write_yaml(regions_dir / rid / "veterans" / f"{slug}-{n:05d}.yml", data, "veteran")
            counts["veteran"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ベンチマーク用の架空データを生成する (generate benchmark data)")
    parser.add_argument("out", type=Path, help="出力するデータのフォルダ（regions/ を作ります）")
    parser.add_argument("--size", choices=sorted(SIZES), default="today")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out: Path = args.out
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        print(f"{out} は空ではなく、生成したデータでもありません。別のフォルダを指定してください"
              f" ({out} is not empty and was not generated here)", file=sys.stderr)
        return 2
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    counts = generate(out, SIZES[args.size], args.seed)
    (out / MARKER).write_text(f"size={args.size} seed={args.seed}\n", encoding="utf-8")
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"total={sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
