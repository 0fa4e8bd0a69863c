"""Generate a synthetic content folder for benchmarking the build.

    python benchmarks/generate_corpus.py OUT_DIR --challenges N [--cases M] [--seed S]

The same seed gives the same files. Every date is consistent with
``--today 2026-11-29``, so a build on that day reports no warnings.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import corpus_vocab as vocab

TODAY = date(2026, 11, 29)
FIRST_DAY = date(2019, 4, 1)
SUMMARY_LIMIT = 200
CASES_WITHOUT_CHALLENGE = 0.2
REALIZED_SHARE = 0.12

# Share of the challenges that are not realised (realised ones are planned from the cases).
STATUS_WEIGHTS: dict[str, int] = {
    "open": 30,
    "upcoming": 5,
    "in_discussion": 15,
    "in_progress": 13,
    "closed": 15,
    "withdrawn": 5,
}
# Status sequences a challenge may have gone through, ending in its current status.
PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "open": (("open",), ("open",), ("upcoming", "open")),
    "in_discussion": (("open", "in_discussion"),),
    "in_progress": (("open", "in_discussion", "in_progress"), ("open", "in_progress")),
    "realized": (("open", "in_discussion", "in_progress", "realized"), ("open", "in_discussion", "realized")),
    "closed": (("open", "closed"), ("open", "in_discussion", "closed")),
    "withdrawn": (("open", "withdrawn"), ("upcoming", "withdrawn")),
}
NOTES: dict[str, tuple[str, ...]] = {
    "upcoming": ("募集予定として公開しました。", "募集の準備を始めました。"),
    "open": ("提案の募集を開始しました。", "募集を開始しました。マッチングイベントでも紹介します。"),
    "in_discussion": (
        "{n}件の提案をいただき、事業者との協議を始めました。",
        "提案事業者との面談を行い、実現に向けて協議しています。",
    ),
    "in_progress": ("実証実験を開始しました。", "事業者と連携した取組を開始しました。"),
    "realized": ("連携事業が実現しました。", "協定を締結し、取組が本格的に始まりました。"),
    "closed": ("募集を終了しました。", "提案の受付を終了しました。ご提案ありがとうございました。"),
    "withdrawn": ("事業の見直しにより、課題の掲載を取り下げました。", "市の方針変更に伴い、募集を取り下げました。"),
}
COST_MODELS = ("city_budget", "subsidy", "proposer", "negotiable")
SUMMARY_ASKS = (
    "{subject}について、民間の皆さまからの提案を募集します。",
    "{subject}に役立つ技術やアイデアをお持ちの{ptype}の皆さまからの提案をお待ちしています。",
    "{place}をフィールドに、{subject}を一緒に進めるパートナーを探しています。",
)
_TOKEN = re.compile(r"〈([^〉]+)〉")


@dataclass(frozen=True)
class Challenge:
    slug: str
    topic: vocab.Topic
    front: dict[str, object]
    body: str


# ---------------------------------------------------------------- text helpers


def say(rng: random.Random, template: str, **slots: object) -> str:
    """Fill a template, then pick a surface form for each 〈variant〉 token."""
    text = template.format(**slots) if slots else template
    return _TOKEN.sub(lambda m: rng.choice(vocab.VARIANTS[m[1]]), text)


def ja_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def fit(sentences: list[str], limit: int = SUMMARY_LIMIT) -> str:
    """Join sentences, dropping trailing ones until the text fits in `limit` characters."""
    while len("".join(sentences)) > limit and len(sentences) > 1:
        sentences = sentences[:-1]
    return "".join(sentences)[:limit]


def unique(title: str, seen: dict[str, int]) -> str:
    """Number repeated titles the way an editor would: 〜したい（その2）."""
    seen[title] = number = seen.get(title, 0) + 1
    return title if number == 1 else f"{title}（その{number}）"


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


# ---------------------------------------------------------------- YAML writing

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`\d+.=<~][^:#,\[\]{}\n]*(?<! )")
_URL = re.compile(r"https?://[\w.\-/]+")
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})


def scalar(value: object, flow: bool = False) -> str:
    """A YAML scalar: plain where that reads back as the same string, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | date):
        return str(value)
    text = str(value)
    plain = _PLAIN.fullmatch(text) or (not flow and _URL.fullmatch(text))
    if plain and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def to_yaml(mapping: dict[str, object], indent: int = 0) -> str:
    """Block-style YAML the way staff write it; short scalar lists in flow style."""
    pad = "  " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:", to_yaml(value, indent + 1)]
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            lines.append(f"{pad}{key}:")
            for item in value:
                lines.append(f"{pad}  - {to_yaml(item, indent + 2)[len(pad) + 4 :]}")
        elif isinstance(value, list):
            flow = "[" + ", ".join(scalar(item, flow=True) for item in value) + "]"
            if len(flow) <= 40:
                lines.append(f"{pad}{key}: {flow}")
            else:
                lines.append(f"{pad}{key}:")
                lines += [f"{pad}  - {scalar(item)}" for item in value]
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return "\n".join(lines)


def write_document(path: Path, front: dict[str, object], body: str) -> None:
    path.write_text(f"---\n{to_yaml(front)}\n---\n\n{body}\n", encoding="utf-8")


# ---------------------------------------------------------------- data files


def site_data() -> dict[str, object]:
    return {
        "title": "公民連携デスク",
        "description": "若葉市の各部署が抱える課題を公開し、企業・団体の皆さまからの提案を"
        "募集しています。（ベンチマーク用に自動生成した架空のデータです）",
        "base_url": "https://desk.example.jp/",
        "language": "ja",
        "timezone": "Asia/Tokyo",
        "organization": "若葉市",
        "municipality_code": "142077",
        "prefecture": "神奈川県",
        "license": "CC BY 4.0",
        "desk": {
            "name": "公民連携デスク",
            "department": "企画部企画政策課",
            "email": "desk@city.example.jp",
            "phone": "0467-82-1111",
            "proposal_url": "https://www.city.example.jp/form/proposal/",
        },
        "channels": {
            "sdgs-platform": {
                "name": "地方創生SDGs官民連携プラットフォーム",
                "url": "https://www.sdgs-platform.example.jp/",
            },
            "matching-event": {"name": "公民連携マッチングイベント"},
        },
        "allow_html": False,
    }


def departments_data() -> dict[str, object]:
    return {
        dept.key: {
            "name": dept.name,
            "division": dept.division,
            "email": f"{dept.key}@city.example.jp",
            "phone": f"0467-8{index % 10}-{2000 + 37 * index}",
            "url": f"https://www.city.example.jp/soshiki/{dept.key}/",
        }
        for index, dept in enumerate(vocab.DEPARTMENTS)
    }


def categories_data() -> dict[str, object]:
    return {key: {"name": name, "description": text} for key, name, text in vocab.CATEGORIES}


ABOUT = """## 公民連携デスクとは

市の各部署が抱える課題を公開し、企業・大学・NPOなど民間の皆さまから解決策の提案を
募集する窓口です。提案は課題ごとの担当課と公民連携デスクが一緒に受け付けます。

## 提案の流れ

1. 課題一覧から関心のある課題を探します。
2. 提案フォームまたはメールで提案をお送りください。
3. 担当課との面談で、実現の方法や役割分担を話し合います。
4. 合意に至った取組は、連携事例として公開します。
"""


def write_data_files(out: Path) -> None:
    for name, data in (("site", site_data()), ("departments", departments_data()), ("categories", categories_data())):
        (out / f"{name}.yaml").write_text(to_yaml(data) + "\n", encoding="utf-8")
    write_document(out / "pages" / "about.md", {"title": "公民連携デスクについて", "nav_order": 1}, ABOUT.rstrip())


# ---------------------------------------------------------------- challenges


def plan_statuses(rng: random.Random, count: int, realized: int) -> list[str]:
    others = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()), k=count - realized)
    statuses = ["realized"] * realized + others
    rng.shuffle(statuses)
    return statuses


def plan_history(rng: random.Random, status: str) -> list[tuple[date, str]]:
    """Dated status changes ending in `status`, weeks to months apart, the last by TODAY."""
    path = rng.choice(PATHS[status])
    gaps = [rng.randint(14, 240) for _ in path[1:]]
    oldest = 400 if status == "open" else (TODAY - FIRST_DAY).days
    published = TODAY - timedelta(days=sum(gaps) + rng.randint(0, oldest - sum(gaps)))
    days = [published]
    for gap in gaps:
        days.append(days[-1] + timedelta(days=gap))
    return list(zip(days, path, strict=True))


def plan_deadline(rng: random.Random, status: str, history: list[tuple[date, str]]) -> date | None:
    """Open calls close today or later (some within 14 days); others closed in the past."""
    if status == "open":
        roll = rng.random()
        if roll < 0.25:
            return None
        return TODAY + timedelta(days=rng.randint(0, 14) if roll < 0.5 else rng.randint(15, 120))
    steps = [step for _, step in history]
    if "open" not in steps or rng.random() < 0.3:
        return None
    opened = steps.index("open")
    return random_day(rng, history[opened][0], history[opened + 1][0])


def schedule_rows(
    status: str, published: date, deadline: date | None, history: list[dict[str, object]]
) -> list[tuple[str, str]]:
    if status == "upcoming":
        return [
            (ja_date(published), "募集開始（予定）"),
            ("募集開始後1か月程度", "提案受付"),
            ("受付後順次", "担当課との面談・協議"),
        ]
    if status == "open":
        end = (ja_date(deadline), "提案締切") if deadline else ("随時", "提案受付（締切なし）")
        return [
            (ja_date(published), "募集開始"),
            end,
            ("締切後1か月程度", "書類確認・面談"),
            (f"{published.year + 1}年度", "実証・事業開始（予定）"),
        ]
    return [(ja_date(entry["date"]), str(entry["note"])) for entry in history]


def render_schedule(rng: random.Random, rows: list[tuple[str, str]]) -> str:
    if rng.random() < 0.25:
        table = ["| 時期 | 内容 |", "|---|---|"] + [f"| {when} | {what} |" for when, what in rows]
        return "\n".join(table)
    return bullets([f"{when}：{what}" for when, what in rows])


def challenge_body(rng: random.Random, topic: vocab.Topic, place: str, front: dict[str, object]) -> str:
    """About 2.3 KB of Markdown in the five conventional sections."""
    published, offers, history = front["published"], front["city_offers"], front.get("history", [])
    assert isinstance(published, date) and isinstance(offers, list) and isinstance(history, list)
    slots = {
        "subject": topic.subject,
        "place": place,
        "year": published.year - rng.randint(1, 3),
        "pct": rng.randint(12, 78),
    }

    def fill(templates: list[str] | tuple[str, ...]) -> list[str]:
        return [say(rng, template, **slots) for template in templates]

    background = fill(rng.sample(topic.facts, k=min(len(topic.facts), rng.randint(1, 2))))
    if rng.random() < 0.3:
        name, url = rng.choice(vocab.PLAN_LINKS)
        background.append(say(rng, f"詳しくは[{name}]({url})をご覧ください。"))
    limit, more_limit = fill(rng.sample(vocab.PAST_EFFORT_LIMITS, k=2))
    closing, more_closing = fill(rng.sample(vocab.ASK_CLOSINGS, k=2))
    limits, closings = [limit], [closing]
    padding = [(background, s) for s in fill(rng.sample(vocab.BACKGROUND_EXTRAS, k=5))]
    padding += [(limits, more_limit), (closings, more_closing)]
    rng.shuffle(padding)
    efforts = fill(rng.sample(vocab.PAST_EFFORTS, k=rng.randint(2, 3)))
    asks = fill([*topic.asks, *rng.sample(vocab.ASK_EXTRAS, k=rng.randint(1, 2))])
    rows = schedule_rows(str(front["status"]), published, front.get("deadline"), history)
    fixed = [
        "## 背景",
        background,
        "## これまでの取組",
        say(rng, rng.choice(vocab.PAST_EFFORT_INTROS)),
        bullets(efforts),
        limits,
        "## 求める提案",
        say(rng, rng.choice(vocab.ASK_INTROS), **slots),
        bullets(asks),
        closings,
        "## 市が提供できること",
        "提案の実現に向けて、市は次のような協力ができます。",
        bullets([str(offer) for offer in offers]),
        say(rng, rng.choice(vocab.OFFER_CLOSINGS)),
        "## スケジュール",
        render_schedule(rng, rows),
        "スケジュールは提案の内容に応じて調整します。",
    ]

    def render() -> str:
        return "\n\n".join(part if isinstance(part, str) else "".join(part) for part in fixed)

    size, target = len(render().encode()), rng.randint(2200, 2800)
    for paragraph, sentence in padding:
        if size >= target:
            break
        paragraph.append(sentence)
        size += len(sentence.encode())
    return render()


def pick_categories(rng: random.Random, topic: vocab.Topic) -> list[str]:
    keys = list(topic.categories)
    if len(keys) < 3 and rng.random() < 0.3:
        extra = rng.choice(vocab.CATEGORIES)[0]
        keys += [] if extra in keys else [extra]
    return keys


def pick_sdgs(rng: random.Random, topic: vocab.Topic) -> list[int]:
    pool = sorted({*topic.sdgs, 17})
    return sorted(rng.sample(pool, k=min(len(pool), rng.choice((0, 1, 2, 2, 3, 3)))))


def pick_department(rng: random.Random, topic: vocab.Topic) -> str:
    if rng.random() < 0.1:
        return rng.choice(vocab.DEPARTMENTS).key
    return rng.choice(topic.departments)


def pick_tags(rng: random.Random, topic: vocab.Topic) -> list[str]:
    tags = [say(rng, t) for t in rng.sample(topic.tags, k=rng.randint(2, min(4, len(topic.tags))))]
    return list(dict.fromkeys(tags))


def counts(rng: random.Random, status: str, steps: list[str]) -> tuple[int, int]:
    """Proposals received and meetings held; a challenge that reached talks has both."""
    if {"in_discussion", "in_progress", "realized"} & set(steps):
        proposals = rng.randint(1, 20)
        return proposals, rng.randint(1, proposals)
    proposals = rng.randint(0, {"upcoming": 0, "open": 8, "closed": 6, "withdrawn": 3}[status])
    return proposals, rng.randint(0, proposals)


def make_challenge(rng: random.Random, index: int, status: str, titles: dict[str, int]) -> Challenge:
    topic = rng.choice(vocab.TOPICS)
    place = rng.choice(vocab.PLACES)
    if status == "upcoming":
        history: list[tuple[date, str]] = []
        published, deadline, updated = TODAY + timedelta(days=rng.randint(1, 60)), None, None
    else:
        history = plan_history(rng, status)
        published = history[0][0]
        deadline = plan_deadline(rng, status, history)
        updated = history[-1][0] if len(history) > 1 else None
    proposals, meetings = counts(rng, status, [step for _, step in history])
    cost_model = rng.choice(COST_MODELS)
    ptypes = [say(rng, t) for t in rng.sample(vocab.PARTNER_TYPES, k=rng.randint(1, 3))]
    front: dict[str, object] = {
        "title": unique(say(rng, rng.choice(topic.wishes)), titles),
        "summary": fit(
            [
                say(rng, rng.choice(topic.facts)),
                say(rng, rng.choice(SUMMARY_ASKS), subject=topic.subject, place=place, ptype=ptypes[0]),
            ]
        ),
        "department": pick_department(rng, topic),
        "status": status,
        "categories": pick_categories(rng, topic),
        "sdgs": pick_sdgs(rng, topic),
        "published": published,
        "deadline": deadline,
        "updated": updated,
        "proposal_type": rng.choice(("theme", "theme", "theme", "free")),
        "partner_types": ptypes,
        "city_offers": [say(rng, o) for o in rng.sample(vocab.CITY_OFFERS, k=rng.randint(2, 4))],
        "cost_model": cost_model,
        "budget_yen": rng.randint(5, 300) * 100_000 if cost_model in COST_MODELS[:2] else None,
        "proposals": proposals,
        "meetings": meetings,
        "history": [
            {"date": day, "status": step, "note": say(rng, rng.choice(NOTES[step]), n=proposals)}
            for day, step in history
        ]
        or None,
        "channels": sorted(rng.sample(["sdgs-platform", "matching-event"], k=rng.randint(0, 2))),
        "tags": pick_tags(rng, topic),
    }
    front = {key: value for key, value in front.items() if value is not None}
    body = challenge_body(rng, topic, place, front)
    return Challenge(f"c{index:05d}-{topic.slug}", topic, front, body)


# ---------------------------------------------------------------- cases


def make_partners(rng: random.Random) -> list[dict[str, object]]:
    partners: dict[str, dict[str, object]] = {}
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        kind, name, domain = rng.choice(vocab.PARTNER_FORMS)
        head, head_en = rng.choice(vocab.NAME_HEADS)
        tail, tail_en = rng.choice(vocab.COMPANY_TAILS)
        full = say(rng, name.format(head=head, tail=tail))
        host = domain.format(head=head_en, tail=tail_en)
        partners[full] = {"name": full, "url": f"https://www.{host}.example.jp/", "type": say(rng, kind)}
    return list(partners.values())


def case_dates(rng: random.Random, challenge: Challenge | None) -> tuple[date, date]:
    """(started, realized): realized after started; both on or before TODAY."""
    if challenge is None:
        started = random_day(rng, FIRST_DAY, TODAY - timedelta(days=30))
        return started, min(TODAY, started + timedelta(days=rng.randint(30, 400)))
    history = challenge.front["history"]
    assert isinstance(history, list)
    changed = {entry["status"]: entry["date"] for entry in history}
    went_live = changed["realized"]
    realized = random_day(rng, went_live, min(TODAY, went_live + timedelta(days=30)))
    # every realised path passes in_discussion, strictly before it went live
    started = max(changed["in_discussion"], realized - timedelta(days=rng.randint(60, 365)))
    return started, realized


def case_body(
    rng: random.Random,
    topic: vocab.Topic,
    challenge: Challenge | None,
    partners: str,
    outcome: str,
    slots: dict[str, object],
) -> str:
    origin = [say(rng, rng.choice(vocab.CASE_INTROS), **slots)]
    if challenge is not None:
        origin.append(f"市が公開した課題「{challenge.front['title']}」に寄せられた提案から生まれた取組です。")
    steps = [say(rng, s, **slots) for s in rng.sample(vocab.CASE_STEPS, k=rng.randint(2, 4))]
    return "\n\n".join(
        [
            "## 連携の経緯",
            "".join(origin),
            "## 取組内容",
            f"{partners}と市が役割を分担し、{say(rng, topic.result)}に取り組みました。",
            bullets(steps),
            "## 成果",
            outcome,
            "## 今後の展開",
            say(rng, rng.choice(vocab.CASE_NEXT)),
        ]
    )


def make_case(
    rng: random.Random, index: int, challenge: Challenge | None, titles: dict[str, int]
) -> tuple[str, dict[str, object], str]:
    topic = challenge.topic if challenge else rng.choice(vocab.TOPICS)
    partners = make_partners(rng)
    started, realized = case_dates(rng, challenge)
    form = rng.choice(vocab.CASE_FORMS)
    names = "、".join(str(p["name"]) for p in partners)
    slots = {
        "place": rng.choice(vocab.PLACES),
        "year": started.year,
        "pct": rng.randint(10, 60),
        "hours": rng.randint(50, 900),
        "subject": topic.subject,
    }
    result = say(rng, topic.result)
    outcome = "".join(say(rng, s, **slots) for s in rng.sample(vocab.RESULT_PHRASES, k=2))
    agreement = None
    if form == "agreement" or rng.random() < 0.15:
        agreement = {
            "date": random_day(rng, started, realized),
            "title": say(rng, "{subject}に関する連携協定", subject=topic.subject),
        }
    if challenge:
        department, categories, sdgs = (challenge.front[key] for key in ("department", "categories", "sdgs"))
    else:
        department = pick_department(rng, topic)
        categories, sdgs = pick_categories(rng, topic), pick_sdgs(rng, topic)
    front: dict[str, object] = {
        "title": unique(rng.choice((result, f"{partners[0]['name']}と連携した{result}")), titles),
        "summary": fit([f"{names}と市が連携し、{result}を実現しました。", outcome]),
        "challenge": challenge.slug if challenge else None,
        "partners": partners,
        "department": department,
        "form": form,
        "agreement": agreement,
        "started": started,
        "realized": realized,
        "outcome": outcome,
        "categories": categories,
        "sdgs": sdgs,
        "published": min(TODAY, realized + timedelta(days=rng.randint(0, 45))),
        "tags": pick_tags(rng, topic),
    }
    front = {key: value for key, value in front.items() if value is not None}
    body = case_body(rng, topic, challenge, names, outcome, slots)
    return f"k{index:05d}-{topic.slug}", front, body


def plan_links(rng: random.Random, realized: list[Challenge], linkable: int, cases: int) -> list[Challenge | None]:
    """Which challenge each case came from: every realised one at least once, the rest none."""
    links: list[Challenge | None] = []
    if realized:
        links += [*realized, *rng.choices(realized, k=linkable - len(realized))]
    links += [None] * (cases - len(links))
    rng.shuffle(links)
    return links


# ---------------------------------------------------------------- driver


def generate_corpus(out: Path, challenges: int, cases: int, seed: int = 1) -> None:
    """Write a complete content folder into `out`, which must be missing or empty."""
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"error: {out} is not empty; give a new folder")
    for sub in ("challenges", "cases", "pages"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    write_data_files(out)
    linkable = cases - round(cases * CASES_WITHOUT_CHALLENGE)
    statuses = plan_statuses(rng, challenges, min(round(challenges * REALIZED_SHARE), linkable))
    titles: dict[str, int] = {}
    realized: list[Challenge] = []
    for index, status in enumerate(statuses, start=1):
        challenge = make_challenge(rng, index, status, titles)
        write_document(out / "challenges" / f"{challenge.slug}.md", challenge.front, challenge.body)
        if status == "realized":
            realized.append(challenge)
    titles.clear()
    for index, source in enumerate(plan_links(rng, realized, linkable, cases), start=1):
        slug, front, body = make_case(rng, index, source, titles)
        write_document(out / "cases" / f"{slug}.md", front, body)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR", help="new or empty folder")
    parser.add_argument("--challenges", type=int, required=True, metavar="N")
    parser.add_argument("--cases", type=int, metavar="M", help="default: N // 5")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    args = parser.parse_args(argv)
    if args.challenges < 0 or (args.cases or 0) < 0:
        parser.error("counts must not be negative")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    cases = args.challenges // 5 if args.cases is None else args.cases
    start = time.perf_counter()
    generate_corpus(args.out, args.challenges, cases, args.seed)
    print(
        f"{args.out}: {args.challenges} challenges, {cases} cases, seed {args.seed} "
        f"({time.perf_counter() - start:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
