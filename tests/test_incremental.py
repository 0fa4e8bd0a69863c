"""Builds that reuse the build cache or spread over processes write exactly what a fresh, serial build writes.

Each scenario edits the sample content (or a template, a data file, a
stylesheet) the way an editor would, builds with the cache, and compares the
whole output with a build from scratch in one process. Unchanged pages must
be kept from the previous output (the same file, hard-linked), not rendered
again.
"""

from __future__ import annotations

import datetime
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, TODAY, Project, Result, files_of

from catalogue import bodies
from catalogue import cache as build_cache
from catalogue.diagnostics import Report
from catalogue.pipeline import Options
from catalogue.serve import PreviewBuilds

SITE = Path("site")
WATCH = "content/challenges/elderly-watching.md"  # has a case
PARENTING = "content/challenges/parenting-info-delivery.md"  # has none


@pytest.fixture
def sample(project: Project) -> Project:
    shutil.rmtree(project.content)
    shutil.copytree(REPO / "content", project.content)
    return project


def build(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    result = project.run(capsys, "build", *args)
    assert result.code == 0, result.err
    return result


def fresh(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict[str, bytes]:
    """The output of a build from scratch, in one process, into a folder of its own."""
    out = tmp_path / "fresh"
    shutil.rmtree(out, ignore_errors=True)
    build(project, capsys, "--no-cache", "--jobs", "1", "--out", str(out))
    return files_of(out)


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*.html")}


def rebuilt(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """The pages written anew rather than kept."""
    return {path for path, inode in after.items() if before.get(path) != inode}


def test_parallel_build_writes_what_a_serial_build_writes(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys, "--no-cache", "--jobs", "1", "--out", str(tmp_path / "serial"))
    build(sample, capsys, "--no-cache", "--jobs", "2", "--out", str(tmp_path / "parallel"))
    assert files_of(tmp_path / "parallel") == files_of(tmp_path / "serial")


def test_parallel_build_reports_what_a_serial_build_reports(sample: Project, capsys) -> None:
    sample.edit(WATCH, "status: realized", "status: realised")
    sample.edit(PARENTING, "\n## ", "\n[壊れたリンク](javascript:alert(1))\n\n## ")
    sample.edit("content/cases/plastic-bag-recycling.md", "challenge: plastic-waste-reduction", "challenge: nothing")
    serial = sample.run(capsys, "build", "--no-cache", "--jobs", "1")
    parallel = sample.run(capsys, "build", "--no-cache", "--jobs", "2")
    assert serial.code == parallel.code == 1
    assert serial.err.count("error:") >= 3
    assert parallel.err == serial.err


def test_warm_rebuild_keeps_every_page(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys)
    before = inodes(sample.root / SITE)
    build(sample, capsys)
    assert rebuilt(before, inodes(sample.root / SITE)) == set()
    assert files_of(sample.root / SITE) == fresh(sample, capsys, tmp_path)


def _edit_body(p: Project) -> None:
    p.edit(WATCH, "\n## ", "\n見守りの新しい段落です。\n\n## ")


def _retitle(p: Project) -> None:
    p.edit(WATCH, "title: 一人暮らしの高齢者の異変に", "title: 【更新】一人暮らしの高齢者の異変に")


def _add(p: Project) -> None:
    text = (p.root / PARENTING).read_text(encoding="utf-8").replace("title: ", "title: 新しい課題 ", 1)
    (p.root / "content/challenges/new-challenge.md").write_text(text, encoding="utf-8")


def _rename(p: Project) -> None:
    (p.root / "content/challenges/new-challenge.md").rename(p.root / "content/challenges/renamed-challenge.md")


def _delete(p: Project) -> None:
    (p.root / "content/challenges/renamed-challenge.md").unlink()


def _category(p: Project) -> None:
    text = (p.content / "categories.yaml").read_text(encoding="utf-8")
    (p.content / "categories.yaml").write_text(text.replace("name: ", "name: 新", 1), encoding="utf-8")


def _site_title(p: Project) -> None:
    text = (p.content / "site.yaml").read_text(encoding="utf-8")
    (p.content / "site.yaml").write_text(text.replace("title: ", "title: 新 ", 1), encoding="utf-8")


def _base_url(p: Project) -> None:
    """Changes the Markdown settings (the about page's link to the proposal form is now on the site's own host):
    every body is rendered again, its document taken from the cache."""
    p.edit("content/site.yaml", "https://www.city.wakaba", "https://apply.city.wakaba")


def _template(p: Project) -> None:
    path = p.root / "templates/partials/footer.html"
    path.write_text(path.read_text(encoding="utf-8").replace("</footer>", "<!-- edited --></footer>"), "utf-8")


def _stylesheet(p: Project) -> None:
    path = p.root / "static/css/site.css"
    path.write_text(path.read_text(encoding="utf-8") + "\n.edited { color: inherit; }\n", encoding="utf-8")


def _variants(p: Project) -> None:
    path = p.content / "search-variants.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "見守り: [みまもり]\n", encoding="utf-8")


def _page(p: Project) -> None:
    p.edit("content/pages/about.md", "\n## ", "\n新しい説明です。\n\n## ")


def _drafts(p: Project) -> None:
    p.edit(PARENTING, "status: ", "draft: true\nstatus: ")


@pytest.mark.parametrize(
    "steps",
    [
        pytest.param([_edit_body, _retitle, _add, _rename, _delete], id="challenges"),
        pytest.param([_category, _site_title, _base_url, _page, _drafts], id="data-files"),
        pytest.param([_template, _stylesheet, _variants], id="templates-and-static"),
    ],
)
def test_cached_builds_follow_a_series_of_edits(
    sample: Project, capsys, tmp_path: Path, steps: list[Callable[[Project], None]]
) -> None:
    build(sample, capsys)
    for step in steps:
        step(sample)
        build(sample, capsys)
        assert files_of(sample.root / SITE) == fresh(sample, capsys, tmp_path), step.__name__


def test_one_edited_body_rebuilds_only_the_pages_that_show_it(sample: Project, capsys) -> None:
    build(sample, capsys)
    before = inodes(sample.root / SITE)
    _edit_body(sample)
    build(sample, capsys)
    changed = rebuilt(before, inodes(sample.root / SITE))
    assert "challenges/elderly-watching/index.html" in changed
    assert "cases/elderly-iot-watch-pilot/index.html" in changed  # its case shows the challenge
    assert "challenges/parenting-info-delivery/index.html" not in changed
    assert "about/index.html" not in changed
    assert len(changed) < len(before) // 2


def test_failed_build_then_fix_matches_a_fresh_build(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys)
    sample.edit(WATCH, "status: realized", "status: realised")
    assert sample.run(capsys, "build").code == 1
    sample.edit(WATCH, "status: realised", "status: realized")
    _edit_body(sample)
    build(sample, capsys)
    assert files_of(sample.root / SITE) == fresh(sample, capsys, tmp_path)


def test_hand_edited_output_is_written_again(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys)
    page = sample.root / SITE / "about/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", "手で書き足した</main>"), "utf-8")
    (sample.root / SITE / "stray/folder").mkdir(parents=True)
    (sample.root / SITE / "stray/folder/notes.txt").write_text("手で置いたファイル", "utf-8")
    build(sample, capsys)
    assert files_of(sample.root / SITE) == fresh(sample, capsys, tmp_path)


def test_new_generator_version_rebuilds_everything(sample: Project, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    build(sample, capsys)
    before = inodes(sample.root / SITE)
    monkeypatch.setattr(build_cache, "generator_version", lambda: "another version")
    build(sample, capsys)
    assert rebuilt(before, inodes(sample.root / SITE)) == set(before)


def test_every_document_and_body_stored_in_batches_is_found_next_time(
    sample: Project, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bodies, "_BATCH", 3)  # many batches, the last one part-filled
    build(sample, capsys, "--jobs", "1")
    for path in sample.content.rglob("*.md"):
        os.utime(path)  # the same bytes, a new time: the build cannot skip loading

    def made_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("loaded or rendered again instead of taken from the cache")

    monkeypatch.setattr(bodies, "load_document", made_again)
    monkeypatch.setattr(bodies.MarkdownRenderer, "render", made_again)
    build(sample, capsys, "--jobs", "1")


def test_damaged_cache_is_started_again(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys)
    cache_file = sample.root / ".cache/build" / build_cache.FILE
    for stale in cache_file.parent.glob(build_cache.FILE + "-*"):
        stale.unlink()
    cache_file.write_bytes(b"not a database" * 100)
    _edit_body(sample)
    build(sample, capsys)
    assert files_of(sample.root / SITE) == fresh(sample, capsys, tmp_path)
    build(sample, capsys)  # and the new cache works
    assert os.path.getsize(cache_file) > 0


def _preview_options(root: Path) -> Options:
    """What the preview builds with: the project's folders, into a folder of its own, with the build cache."""
    return Options(
        root,
        root / "content",
        root / "templates",
        root / "static",
        root / "preview",
        today=datetime.date.fromisoformat(TODAY),
        cache=root / ".cache/build",
    )


def test_preview_rebuilds_keep_search_terms_and_match_fresh_builds(sample: Project, capsys, tmp_path: Path) -> None:
    """The preview's rebuilds (one process, a session kept in memory) write what a fresh build writes."""
    root = sample.root
    options = _preview_options(root)
    builds = PreviewBuilds()
    for step in (lambda p: None, _edit_body, _retitle, _variants, _add, _rename, _delete):
        step(sample)
        report = Report()
        assert builds(options, report, [], None)[1] is not None, report.sorted()
        assert not builds.pending or builds.catch_up(options, report) is not None
        assert files_of(root / "preview") == fresh(sample, capsys, tmp_path)
    assert builds.session.search_memo


def test_preview_shows_changed_pages_first_and_the_search_index_after(sample: Project, capsys, tmp_path: Path) -> None:
    root = sample.root
    options = _preview_options(root)
    builds = PreviewBuilds()
    assert builds(options, Report(), [], None)[1] is not None
    assert not builds.pending  # nothing to keep the first time
    before = files_of(root / "preview")
    _retitle(sample)
    assert builds(options, Report(), [], None)[1] is not None
    assert builds.pending
    after = files_of(root / "preview")
    page = "challenges/elderly-watching/index.html"
    assert "【更新】" in after[page].decode() and "【更新】" not in before[page].decode()
    search_files = {p for p in after if p.startswith("search/")}
    assert {p: after[p] for p in search_files} == {p: before[p] for p in search_files}  # kept until catch_up
    assert builds.catch_up(options, Report()) is not None
    assert not builds.pending
    assert files_of(root / "preview") == fresh(sample, capsys, tmp_path)


def test_build_with_nothing_changed_repeats_the_last_builds_warnings(sample: Project, capsys) -> None:
    sample.edit(PARENTING, "updated: 2026-02-16", "updated: 2025-01-01")  # before it was published: a warning
    first = build(sample, capsys, "--timings", "--lang", "en")
    second = build(sample, capsys, "--timings", "--lang", "en")
    warnings = [line for line in first.err.splitlines() if ": warning: " in line]
    assert warnings == [f"{PARENTING}:15: warning: updated 2025-01-01 is before published 2025-10-15"]
    assert [line for line in second.err.splitlines() if ": warning: " in line] == warnings
    assert "  load and validate: 0.000 s" in second.err  # nothing was read again
    assert first.out.split("(")[0] == second.out.split("(")[0]  # the same pages and files


def test_a_touched_file_is_checked_again_and_its_unchanged_pages_kept(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys)
    before = inodes(sample.root / SITE)
    os.utime(sample.root / WATCH)  # saved again without a change
    result = build(sample, capsys, "--timings", "--lang", "en")
    assert "  load and validate: 0.000 s" not in result.err
    assert rebuilt(before, inodes(sample.root / SITE)) == set()
    assert files_of(sample.root / SITE) == fresh(sample, capsys, tmp_path)


def test_copied_files_already_in_place_are_not_copied_again(sample: Project, capsys, tmp_path: Path) -> None:
    build(sample, capsys)
    site = sample.root / SITE
    assets = {p: p.stat().st_ino for p in (site / "assets").rglob("*") if p.is_file()}
    assert assets
    os.utime(sample.root / WATCH)  # a rebuild that keeps most files
    build(sample, capsys)
    assert {p: p.stat().st_ino for p in (site / "assets").rglob("*") if p.is_file()} == assets
    _stylesheet(sample)  # a changed stylesheet is a new file under a new name, the old one goes
    build(sample, capsys)
    assert files_of(site) == fresh(sample, capsys, tmp_path)
