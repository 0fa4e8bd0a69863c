"""The filters the search form offers: for each facet, the values some page has, with their labels.

The keys are those of the URL (`?status=open&category=waste`) and of search/facets.json.
"""

from __future__ import annotations

from collections.abc import Callable

from catalogue.model import Catalogue
from catalogue.schema import SDG_GOALS, STATUSES

Option = tuple[str, str]  # (key, label)


def search_filters(catalogue: Catalogue, t: Callable[..., str], *, challenges_only: bool) -> dict[str, list[Option]]:
    """Filter options by facet, in display order; `kind` only when cases are searched too."""
    challenges = catalogue.challenges if not challenges_only else catalogue.listed_challenges
    items = [*challenges, *([] if challenges_only else catalogue.cases)]
    statuses = {c.effective_status for c in challenges}
    categories = {c.key for item in items for c in item.categories}
    departments = {item.department.key for item in items}
    goals = {g for item in items for g in item.sdgs}
    filters = {
        "status": [(s, t(f"status.{s}")) for s in STATUSES if s in statuses],
        "category": [(k, c.name) for k, c in catalogue.categories.items() if k in categories],
        "department": [(k, d.name) for k, d in catalogue.departments.items() if k in departments],
        "sdgs": [(str(g), t("sdgs.goal_title", number=g, name=t(f"sdgs.{g}"))) for g in SDG_GOALS if g in goals],
    }
    if not challenges_only:
        filters = {"kind": [("challenge", t("search.kind.challenge")), ("case", t("search.kind.case"))], **filters}
    return filters
