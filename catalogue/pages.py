"""The page plan: every page the site has, with its template and context.

Lists and taxonomy pages are built from indexes computed once, so the plan
is linear in the size of the catalogue.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from catalogue import feeds, opendata, progress, stats, urls
from catalogue.model import Case, Catalogue, Challenge
from catalogue.schema import SDG_GOALS, STATUSES
from catalogue.search_filters import search_filters

# Order of statuses in lists: what a company can act on first.
_STATUS_ORDER = {
    s: i for i, s in enumerate(("open", "upcoming", "in_discussion", "in_progress", "realized", "closed", "withdrawn"))
}


@dataclass
class PageSpec:
    """One page to render. `crumbs` are (label key or text, path) pairs, the page itself last."""

    path: str
    template: str
    title: str
    description: str
    crumbs: list[tuple[str, str]]
    context: dict[str, Any] = field(default_factory=dict)
    og_type: str = "website"


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    base: str

    def url(self, number: int) -> str:
        return urls.paged(self.base, number)

    @property
    def previous(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.total else None


def list_order(challenge: Challenge) -> tuple[int, int, int, str]:
    """Open challenges first, soonest deadline first; then by status; newest first."""
    deadline = challenge.deadline.toordinal() if challenge.deadline and challenge.is_open else 10**7
    return (_STATUS_ORDER[challenge.effective_status], deadline, -challenge.published.toordinal(), challenge.slug)


def plan(catalogue: Catalogue, t: Any) -> Iterator[PageSpec]:
    """Every page of the site. `t` translates UI keys for titles."""
    listed = sorted(catalogue.listed_challenges, key=list_order)
    home_crumb = (t("nav.home"), urls.home())
    yield PageSpec(
        urls.home(),
        "home.html",
        catalogue.site.title,
        catalogue.site.description,
        [home_crumb],
        {
            "open_challenges": [c for c in listed if c.is_open][:6],
            "latest_cases": catalogue.cases[:3],
            "figures": stats.funnel(catalogue),
        },
    )
    yield from _paged(
        "challenge_list.html",
        urls.challenges(),
        t("nav.challenges"),
        t("challenges.description"),
        [home_crumb],
        listed,
        {"filters": _filters(catalogue, listed), "search_filters": search_filters(catalogue, t, challenges_only=True)},
    )
    for challenge in catalogue.challenges:
        yield PageSpec(
            urls.challenge(challenge.slug),
            "challenge.html",
            challenge.title,
            challenge.summary,
            [home_crumb, (t("nav.challenges"), urls.challenges()), (challenge.title, urls.challenge(challenge.slug))],
            {"challenge": challenge, "steps": progress.challenge_steps(challenge)},
            og_type="article",
        )
    yield from _paged(
        "case_list.html",
        urls.cases(),
        t("nav.cases"),
        t("cases.description"),
        [home_crumb],
        catalogue.cases,
        {},
    )
    for case in catalogue.cases:
        yield PageSpec(
            urls.case(case.slug),
            "case.html",
            case.title,
            case.summary,
            [home_crumb, (t("nav.cases"), urls.cases()), (case.title, urls.case(case.slug))],
            {"case": case, "steps": progress.case_steps(case)},
            og_type="article",
        )
    yield from _taxonomies(catalogue, listed, t, home_crumb)
    for page in catalogue.pages:
        yield PageSpec(
            urls.page(page.slug),
            "page.html",
            page.title,
            page.description or catalogue.site.description,
            [home_crumb, (page.title, urls.page(page.slug))],
            {"page": page},
        )
    yield PageSpec(
        stats.PAGE_PATH,
        "stats.html",
        t("stats.title"),
        t("stats.description"),
        [home_crumb, (t("stats.title"), stats.PAGE_PATH)],
        {"stats": stats.compute(catalogue, t)},
    )
    yield PageSpec(
        opendata.PAGE_PATH,
        "opendata.html",
        t("opendata.title"),
        t("opendata.description"),
        [home_crumb, (t("opendata.title"), opendata.PAGE_PATH)],
        {"datasets": opendata.datasets(catalogue)},
    )
    yield PageSpec(
        urls.search(),
        "search.html",
        t("search.title"),
        t("search.description"),
        [home_crumb, (t("search.title"), urls.search())],
        {"filters": _filters(catalogue, listed), "search_filters": search_filters(catalogue, t, challenges_only=False)},
    )
    yield PageSpec(
        "404.html",
        "404.html",
        t("notfound.title"),
        catalogue.site.description,
        [home_crumb, (t("notfound.title"), "404.html")],
        {},
    )


def _filters(catalogue: Catalogue, listed: list[Challenge]) -> dict[str, list[tuple[str, str, int]]]:
    """Links to the static filter pages, with counts: (label, path, count)."""
    by_status, by_category, by_department, by_goal = _indexes(listed)
    return {
        "status": [(f"status.{s}", urls.status(s), len(by_status[s])) for s in STATUSES if by_status[s]],
        "category": [
            (c.name, urls.category(k), len(by_category[k])) for k, c in catalogue.categories.items() if by_category[k]
        ],
        "department": [
            (d.name, urls.department(k), len(by_department[k]))
            for k, d in catalogue.departments.items()
            if by_department[k]
        ],
        "sdgs": [(str(g), urls.sdg(g), len(by_goal[g])) for g in SDG_GOALS if by_goal[g]],
    }


def _indexes(challenges: list[Challenge]) -> tuple[dict[str, list[Challenge]], ...]:
    by_status: dict[str, list[Challenge]] = defaultdict(list)
    by_category: dict[str, list[Challenge]] = defaultdict(list)
    by_department: dict[str, list[Challenge]] = defaultdict(list)
    by_goal: dict[int, list[Challenge]] = defaultdict(list)
    for challenge in challenges:
        by_status[challenge.effective_status].append(challenge)
        by_department[challenge.department.key].append(challenge)
        for category in challenge.categories:
            by_category[category.key].append(challenge)
        for goal in challenge.sdgs:
            by_goal[goal].append(challenge)
    return by_status, by_category, by_department, by_goal


def _case_indexes(cases: list[Case]) -> tuple[dict[str, list[Case]], ...]:
    by_category: dict[str, list[Case]] = defaultdict(list)
    by_department: dict[str, list[Case]] = defaultdict(list)
    by_goal: dict[int, list[Case]] = defaultdict(list)
    for case in cases:
        by_department[case.department.key].append(case)
        for category in case.categories:
            by_category[category.key].append(case)
        for goal in case.sdgs:
            by_goal[goal].append(case)
    return by_category, by_department, by_goal


def _taxonomies(catalogue: Catalogue, listed: list[Challenge], t: Any, home: tuple[str, str]) -> Iterator[PageSpec]:
    everything = sorted(catalogue.challenges, key=list_order)
    by_status = _indexes(everything)[0]
    _, by_category, by_department, by_goal = _indexes(listed)
    case_category, case_department, case_goal = _case_indexes(catalogue.cases)
    groups = [
        (
            "categories",
            urls.categories(),
            [
                (c.name, c.description, urls.category(k), by_category[k], case_category[k])
                for k, c in catalogue.categories.items()
            ],
        ),
        (
            "departments",
            urls.departments(),
            [
                (d.name, d.division, urls.department(k), by_department[k], case_department[k])
                for k, d in catalogue.departments.items()
            ],
        ),
        (
            "status",
            urls.statuses(),
            [(t(f"status.{s}"), t(f"status.{s}.description"), urls.status(s), by_status[s], []) for s in STATUSES],
        ),
        (
            "sdgs",
            urls.sdgs(),
            [
                (t("sdgs.goal_title", number=g, name=t(f"sdgs.{g}")), None, urls.sdg(g), by_goal[g], case_goal[g])
                for g in SDG_GOALS
            ],
        ),
    ]
    for group, index_path, terms in groups:
        title = t(f"taxonomy.{group}")
        crumb = (title, index_path)
        yield PageSpec(
            index_path,
            "taxonomy_index.html",
            title,
            t(f"taxonomy.{group}.description"),
            [home, crumb],
            {"group": group, "terms": [(name, path, len(items), len(cases)) for name, _, path, items, cases in terms]},
        )
        for name, note, path, items, cases in terms:
            yield from _paged(
                "term.html",
                path,
                name,
                note or t("term.description", name=name),
                [home, crumb],
                items,
                {
                    "group": group,
                    "note": note,
                    "feed": (path + feeds.FEED_PATH, name) if group == "categories" else None,
                },
                first={"cases": cases},
            )


def _paged(
    template: str,
    base: str,
    title: str,
    description: str,
    crumbs: list[tuple[str, str]],
    items: list[Any],
    context: dict[str, Any],
    first: dict[str, Any] | None = None,
) -> Iterator[PageSpec]:
    """`items` spread over pages of `urls.PAGE_SIZE`, each with `context`.

    `first` holds lists only the first page shows (a term's cases); the other pages have them empty, so that
    they neither carry nor depend on them (a term on 600 pages would otherwise fingerprint its cases 600 times).
    """
    later = dict.fromkeys(first or {}, ())
    total = max(1, -(-len(items) // urls.PAGE_SIZE))
    for number in range(1, total + 1):
        pager = Pager(number, total, base)
        path = urls.paged(base, number)
        own = [(title, base)] if number == 1 else [(title, base), (f"{number} / {total}", path)]
        page_items = items[(number - 1) * urls.PAGE_SIZE : number * urls.PAGE_SIZE]
        yield PageSpec(
            path,
            template,
            title if number == 1 else f"{title} ({number}/{total})",
            description,
            crumbs + own,
            {
                **context,
                **((first or {}) if number == 1 else later),
                "items": page_items,
                "pager": pager,
                "total": len(items),
            },
        )
