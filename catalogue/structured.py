"""JSON-LD for search engines: breadcrumbs everywhere, and what each challenge and case is."""

from __future__ import annotations

from typing import Any

from catalogue import urls
from catalogue.model import Case, Catalogue, Challenge
from catalogue.pages import PageSpec


def json_ld(spec: PageSpec, catalogue: Catalogue) -> dict[str, Any] | None:
    """The page's structured data, or None for pages that need none."""
    site = catalogue.site
    if spec.path == "404.html":
        return None
    publisher = {"@type": "GovernmentOrganization", "name": site.organization, "url": site.base_url}
    graph: list[dict[str, Any]] = []
    if spec.crumbs:
        graph.append(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": i, "name": label, "item": urls.absolute(site.base_url, path)}
                    for i, (label, path) in enumerate(spec.crumbs, start=1)
                ],
            }
        )
    page: dict[str, Any] = {
        "@type": "WebPage",
        "name": spec.title,
        "description": spec.description,
        "url": urls.absolute(site.base_url, spec.path),
        "inLanguage": site.language,
        "publisher": publisher,
    }
    item = spec.context.get("challenge") or spec.context.get("case")
    if isinstance(item, Challenge | Case):
        page["datePublished"] = item.published.isoformat()
        page["dateModified"] = item.last_modified.isoformat()
        page["about"] = [{"@type": "Thing", "name": c.name} for c in item.categories]
    if isinstance(item, Challenge) and item.deadline:
        page["expires"] = item.deadline.isoformat()
    if isinstance(item, Case):
        page["mentions"] = [
            {"@type": "Organization", "name": p.name, **({"url": p.url} if p.url else {})} for p in item.partners
        ]
    graph.append(page)
    return {"@context": "https://schema.org", "@graph": graph}
