"""Search as a user meets it: what a query finds, in which order, and what the filters do.

Each test builds a small catalogue and runs the real client (static/js/search.js) in Node
against the index files the build wrote.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from catalogue import search_index, search_postings
from catalogue.cli import main
from catalogue.diagnostics import Report
from catalogue.messages import ui_text
from catalogue.model import Catalogue
from catalogue.pipeline import Options, load_catalogue
from catalogue.search_index import search_files
from catalogue.search_normalise import Variants
from catalogue.search_variants import load_variants
from tests.conftest import Project
from tests.search_node import query

# Where "ドローン" appears decides the order: title, then summary, then tags, then body.
DRONES = {
    "drone-title-closed": ("ドローンで河川を調べたい", "河川の様子を調べます。", "closed", "", "2026-01-10"),
    "drone-title-open": ("ドローンで橋を点検したい", "橋の点検を効率化します。", "open", "", "2026-05-01"),
    "drone-summary": ("インフラを点検したい", "ドローンなどで点検します。", "open", "", "2026-05-02"),
    "drone-tag": ("上空から撮影したい", "空撮の方法を募集します。", "open", "tags: [ドローン]\n", "2026-05-03"),
    "drone-body": ("道路を点検したい", "道路の点検を効率化します。", "open", "", "2026-05-04"),
}


def _challenge(title: str, summary: str, status: str, extra: str, published: str, body: str = "") -> str:
    return (
        f"---\ntitle: {title}\nsummary: {summary}\ndepartment: kankyo\nstatus: {status}\n"
        f"categories: [environment]\npublished: {published}\n{extra}---\n\n{body or '本文です。'}\n"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The sample challenge and case, the drone challenges, a withdrawn one, one about DX, a variant table."""
    project = Project(tmp_path_factory.mktemp("search") / "project")
    for slug, fields in DRONES.items():
        body = "無人航空機を使います。" if slug == "drone-body" else ""
        project.write(f"content/challenges/{slug}.md", _challenge(*fields, body=body))
    project.write(
        "content/challenges/old-hall.md",
        _challenge("旧庁舎の活用", "旧庁舎をごみの保管に使う案は取り下げました。", "withdrawn", "", "2025-01-01"),
    )
    project.write("content/challenges/dx.md", _challenge("DX を進めたい", "窓口の DX です。", "open", "", "2026-05-05"))
    project.write("content/search-variants.yaml", "ドローン: [無人航空機]\n")
    return project


@pytest.fixture(scope="module")
def built(site: Project) -> Project:
    assert main(["build", "--today", "2026-11-29"], project=site.root) == 0
    return site


def find(project: Project, *searches: dict) -> list[dict]:
    return query(project.root / "site", list(searches))


def test_title_beats_summary_beats_tags_beats_body_and_open_beats_closed(built: Project) -> None:
    [found] = find(built, {"q": "ドローン"})
    assert found["urls"] == [
        "challenges/drone-title-open/",
        "challenges/drone-title-closed/",
        "challenges/drone-summary/",
        "challenges/drone-tag/",
        "challenges/drone-body/",
    ]


def test_spelling_variants_find_the_same_pages(built: Project) -> None:
    found = find(built, {"q": "ごみ"}, {"q": "ゴミ"}, {"q": "ｺﾞﾐ"})
    assert found[0]["urls"] == found[1]["urls"] == found[2]["urls"]
    assert "challenges/gomi/" in found[0]["urls"] and "cases/gomi-bags/" in found[0]["urls"]


def test_the_variant_table_works_both_ways(built: Project) -> None:
    by_variant, by_canonical = find(built, {"q": "無人航空機"}, {"q": "ドローン"})
    assert by_variant["urls"] == by_canonical["urls"]
    assert "challenges/drone-body/" in by_variant["urls"]


def test_every_word_of_a_query_must_match(built: Project) -> None:
    [found] = find(built, {"q": "ドローン　河川"})
    assert found["urls"] == ["challenges/drone-title-closed/"]


def test_one_kanji_is_a_query(built: Project) -> None:
    [found] = find(built, {"q": "橋"})
    assert found["urls"] == ["challenges/drone-title-open/"]


def test_letters_match_the_start_of_a_word(built: Project) -> None:
    found = find(built, {"q": "d"}, {"q": "ｄｘ"}, {"q": "x"})
    assert found[0]["urls"] == found[1]["urls"] == ["challenges/dx/"]
    assert found[2]["urls"] == []


def test_a_word_no_page_has_falls_back_to_near_matches(built: Project) -> None:
    [found] = find(built, {"q": "ドローソ"})
    assert found["near"] is True
    assert "challenges/drone-title-open/" in found["urls"]


def test_matches_are_marked_in_the_original_spelling(built: Project) -> None:
    [found] = find(built, {"q": "ｺﾞﾐ"})
    assert found["marks"][found["urls"].index("challenges/gomi/")] == ["ごみ"]


def test_filters_narrow_the_results_and_counts_leave_their_own_group_out(built: Project) -> None:
    everything, open_only, cases = find(
        built,
        {"q": "ドローン"},
        {"q": "ドローン", "filters": {"status": ["open"]}},
        {"q": "ごみ", "filters": {"kind": ["case"]}},
    )
    assert open_only["urls"] == [u for u in everything["urls"] if u != "challenges/drone-title-closed/"]
    assert open_only["counts"]["status"]["closed"] == 1  # what ticking "closed" too would add
    assert everything["counts"]["open"] == {"1": 4}
    assert cases["urls"] == ["cases/gomi-bags/"]


def test_withdrawn_challenges_are_found_only_when_asked_for(built: Project) -> None:
    default, asked = find(built, {"q": "旧庁舎"}, {"q": "旧庁舎", "filters": {"status": ["withdrawn"]}})
    assert default["urls"] == []
    assert asked["urls"] == ["challenges/old-hall/"]


def test_the_challenge_list_leaves_cases_out(built: Project) -> None:
    [found] = find(built, {"q": "ごみ", "filters": {"scope": "challenge"}})
    assert found["urls"] == ["challenges/gomi/"]


def test_an_empty_query_with_a_filter_lists_what_the_filter_allows(built: Project) -> None:
    [found] = find(built, {"q": "", "filters": {"status": ["closed"]}})
    assert found["urls"] == ["challenges/drone-title-closed/"]


def test_the_manifest_carries_the_variants_and_texts_in_the_site_language(built: Project) -> None:
    manifest = json.loads((built.root / "site/search/index.json").read_text(encoding="utf-8"))
    assert manifest["variants"] == [["無人航空機", "どろーん"], ["どろーん", "どろーん"]]
    assert manifest["text"]["search.kind.case"] == "連携事例"
    assert manifest["n"] == len(DRONES) + 4  # and the sample challenge, the withdrawn one, DX and the case


def test_every_page_has_a_search_form_that_leads_to_the_search_page(built: Project) -> None:
    site = built.root / "site"
    for page in ["index.html", "challenges/gomi/index.html", "about/index.html", "404.html"]:
        html = (site / page).read_text(encoding="utf-8")
        assert '<form class="site-search" role="search" action="/search/" method="get"' in html, page
    search = (site / "search/index.html").read_text(encoding="utf-8")
    # Without JavaScript the search page still offers the lists to browse.
    assert 'href="/status/open/"' in search and 'href="/categories/environment/"' in search
    assert "<noscript>" in search


def _catalogue(site: Project) -> tuple[Catalogue, Variants]:
    options = Options(
        project=site.root,
        content=site.content,
        templates=site.root / "templates",
        static=site.root / "static",
        out=site.root / "unused",
        today=datetime.date(2026, 11, 29),
    )
    catalogue = load_catalogue(options, Report())
    assert catalogue is not None
    return catalogue, load_variants(site.content, site.root, Report())


def _t(key: str, **args: object) -> str:
    return ui_text(key, "ja", **args)


def test_the_index_is_the_same_whether_built_in_one_process_or_several(site: Project) -> None:
    catalogue, variants = _catalogue(site)
    alone = list(search_files(catalogue, variants, _t, workers=1))
    assert list(search_files(catalogue, variants, _t, workers=1, block=3)) == alone


def test_terms_in_files_of_their_own_find_the_same(
    built: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index, "COMMON_CHARACTERS", 1)  # nearly every term gets a file of its own
    monkeypatch.setattr(search_index, "LAZY_MASKS", 1)  # and its masks in files of their own,
    monkeypatch.setattr(search_index, "MASK_CHUNK", 3)  # by chunk of three documents
    catalogue, variants = _catalogue(built)
    for path, text in search_files(catalogue, variants, _t):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert len(list((tmp_path / "search/c").glob("*.txt"))) > 20  # fewer than terms: some share one
    assert len(list((tmp_path / "search/c").glob("*/*.txt"))) > 3
    searches = [{"q": q} for q in ("ドローン", "ゴミ", "ドローン 河川", "橋", "ドローソ", "dx")]
    assert query(tmp_path, searches) == query(built.root / "site", searches)


def test_a_memo_rereads_only_the_document_that_changed_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = Project(tmp_path / "project")
    for slug, fields in DRONES.items():
        project.write(f"content/challenges/{slug}.md", _challenge(*fields))
    catalogue, variants = _catalogue(project)
    memo: dict = {}
    assert list(search_files(catalogue, variants, _t, memo=memo)) == list(search_files(catalogue, variants, _t))
    assert len(memo) == len(DRONES) + 2  # and the sample challenge and case

    project.edit("content/challenges/drone-body.md", "道路を点検したい", "橋を点検したい")
    catalogue, variants = _catalogue(project)
    read = []
    original = search_postings.document_terms

    def document_terms(texts: tuple[str, ...], *args: object) -> list[set[str]]:
        read.append(texts)
        return original(texts, *args)

    monkeypatch.setattr(search_postings, "document_terms", document_terms)
    remembered = list(search_files(catalogue, variants, _t, memo=memo))
    assert [texts[0] for texts in read] == ["橋を点検したい"]
    assert remembered == list(search_files(catalogue, variants, _t, workers=0))
    assert len(memo) == len(DRONES) + 2  # the old version of the edited page is forgotten

    # Another variant table changes every document's terms.
    read.clear()
    list(search_files(catalogue, Variants([("ドローン", "無人航空機")]), _t, memo=memo))
    assert len(read) == len(DRONES) + 2
