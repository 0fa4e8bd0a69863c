"""`python build.py serve`: the preview's HTTP side, rebuilds on change, and errors that never stop it.

Each test runs the real command in a child process on a throwaway project (serve_support.py);
what the browser does with it is in test_serve_browser.py.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from catalogue.cli import main
from catalogue.messages import diagnostic_text, ui_text
from catalogue.pipeline import Options
from catalogue.serve import Preview
from tests.conftest import Project, files_of
from tests.serve_support import replace_in, save, serving, wait_for

CH = "content/challenges/gomi.md"


@pytest.fixture
def sub_path_project(project: Project) -> Project:
    """The test project, published under https://example.jp/kouminrenkei/."""
    project.edit("content/site.yaml", "base_url: https://example.jp/", "base_url: https://example.jp/kouminrenkei/")
    return project


def test_serves_the_site_under_its_published_base_path(sub_path_project: Project) -> None:
    with serving(sub_path_project.root) as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/kouminrenkei/", server.url)
        root = server.get("/")
        assert (root.status, root.headers["location"]) == (302, "/kouminrenkei/")
        assert server.get("/kouminrenkei").headers["location"] == "/kouminrenkei/"
        page = server.page("challenges/gomi/")
        assert page.status == 200
        assert 'href="/kouminrenkei/challenges/"' in page.text
        assert f'href="{server.url}challenges/gomi/"' in page.text  # canonical URL: the preview's own address
        assert server.page("challenges/gomi").headers["location"] == "/kouminrenkei/challenges/gomi/"
        missing = server.page("no/such/page/")
        assert missing.status == 404 and "ページが見つかりません" in missing.text
        assert server.get("/challenges/gomi/").status == 404  # outside the base path
        assert server.get("/kouminrenkei/../../../etc/passwd").status == 404
    assert ui_text("serve.url", "ja", url=server.url).splitlines()[0] in server.out


def test_only_preview_responses_carry_the_overlay_never_the_built_files(project: Project) -> None:
    published = project.write("site/index.html", "published")
    with serving(project.root) as server:
        html = server.page("").text
        assert '<script type="module" src="/__catalogue__/overlay.js"></script></head>' in html
        assert '<link rel="stylesheet" href="/__catalogue__/overlay.css">' in html
        assert server.get("/__catalogue__/overlay.js").status == 200
        assert server.get("/__catalogue__/overlay.css").status == 200
    built = files_of(project.root / ".cache/serve/site")
    assert "index.html" in built
    assert [name for name, data in built.items() if b"__catalogue__" in data] == []
    assert files_of(published.parent) == {"index.html": b"published"}  # the preview never touches site/


def test_a_save_rebuilds_and_a_broken_date_is_reported_until_fixed(project: Project) -> None:
    challenge = project.root / CH
    with serving(project.root) as server:
        state = server.state()
        assert state["problems"] == []
        replace_in(challenge, "title: ごみを減らしたい", "title: ごみをもっと減らしたい")
        state = server.wait_for_state(lambda s: not s["problems"], after=state["build"])
        assert "ごみをもっと減らしたい" in server.page("challenges/gomi/").text

        replace_in(challenge, "published: 2026-04-01", "published: 2026-13-01")
        state = server.wait_for_state(lambda s: s["problems"], after=state["build"])
        assert state["problems"] == [
            {
                "path": CH,
                "line": 8,
                "level": "error",
                "levelText": "エラー",
                "message": diagnostic_text("date_invalid", "ja", {"value": "2026-13-01"}),
                "source": "published: 2026-13-01",
            }
        ]
        assert state["texts"]["title"] == "エラーが 1 件あります"
        assert "ごみをもっと減らしたい" in server.page("challenges/gomi/").text  # the last good page stays

        replace_in(challenge, "published: 2026-13-01", "published: 2026-04-01")
        server.wait_for_state(lambda s: not s["problems"], after=state["build"])
    expected = f"{CH}:8: error: {diagnostic_text('date_invalid', 'ja', {'value': '2026-13-01'})}"
    assert expected in server.err


def test_the_search_index_follows_an_edit_just_after_the_pages(project: Project) -> None:
    index = project.root / ".cache/serve/site/search"

    def indexed(text: str) -> bool:
        return any(text in path.read_text(encoding="utf-8") for path in index.rglob("*.json"))

    with serving(project.root) as server:
        state = server.state()
        assert indexed("ごみを減らしたい")
        replace_in(project.root / CH, "title: ごみを減らしたい", "title: ごみをもっと減らしたい")
        server.wait_for_state(lambda s: not s["problems"], after=state["build"])
        wait_for(lambda: indexed("ごみをもっと減らしたい"), "the search index to follow the edit")


def test_static_and_template_changes_are_rebuilt_too(project: Project) -> None:
    with serving(project.root) as server:
        state = server.state()
        stylesheet = re.compile(r"/assets/css/site\.[0-9a-f]{10}\.css")
        before = stylesheet.findall(server.page("").text)
        css = project.root / "static/css/site.css"
        save(css, css.read_text(encoding="utf-8") + "\n/* edited */\n")
        changed = lambda s: stylesheet.findall(server.page("").text) != before  # noqa: E731
        state = server.wait_for_state(changed, after=state["build"])
        replace_in(project.root / "templates/base.html", "</body>", "<p>preview-marker</p></body>")
        server.wait_for_state(lambda s: "preview-marker" in server.page("").text, after=state["build"])


def _half_saved(project: Project) -> None:
    (project.root / CH).write_text("---\ntitle: ご", encoding="utf-8")


def _not_utf8(project: Project) -> None:
    (project.root / CH).write_bytes("---\ntitle: ごみ\n".encode("shift_jis"))


def _renamed(project: Project) -> None:
    (project.root / CH).rename(project.root / "content/challenges/gomi-renamed.md")


def _deleted(project: Project) -> None:
    (project.root / CH).unlink()


def _template_syntax(project: Project) -> None:
    replace_in(project.root / "templates/base.html", "</body>", "{% if %}</body>")


def _data_file_deleted(project: Project) -> None:
    (project.root / "content/departments.yaml").unlink()


def _templates_deleted(project: Project) -> None:
    shutil.rmtree(project.root / "templates")


# How an editor can break the project mid-session, and where the first problem is reported.
BREAKAGES: list[tuple[Callable[[Project], None], str]] = [
    (_half_saved, f"{CH}:1"),
    (_not_utf8, f"{CH}:2"),
    (_renamed, "content/cases/gomi-bags.md:4"),
    (_deleted, "content/cases/gomi-bags.md:4"),
    (_template_syntax, "templates/base.html:"),
    (_data_file_deleted, "content/departments.yaml:1"),
    (_templates_deleted, "templates/"),
]


def test_the_preview_survives_whatever_an_editor_does_and_recovers(project: Project, tmp_path: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(project.root, good)
    with serving(project.root) as server:
        state = server.state()
        for breakage, where in BREAKAGES:
            breakage(project)
            state = server.wait_for_state(lambda s: s["problems"], after=state["build"])
            first = state["problems"][0]
            assert f"{first['path']}:{first['line']}".startswith(where), (breakage.__name__, state["problems"])
            assert server.page("challenges/gomi/").status == 200, breakage.__name__  # the last good site
            _restore(project.root, good)
            state = server.wait_for_state(lambda s: not s["problems"], after=state["build"])
        assert server.process.poll() is None
    assert "Traceback" not in "\n".join(server.err)


def _restore(root: Path, good: Path) -> None:
    """Undo a breakage file by file, touching only what differs, so no half-restored state looks clean."""
    for folder in ("content", "templates"):
        wanted = files_of(good / folder)
        present = files_of(root / folder) if (root / folder).is_dir() else {}
        for name in present.keys() - wanted.keys():
            (root / folder / name).unlink()
        for name, data in wanted.items():
            if present.get(name) != data:
                (root / folder / name).parent.mkdir(parents=True, exist_ok=True)
                (root / folder / name).write_bytes(data)


def test_before_the_first_good_build_every_page_explains_and_shows_the_errors(project: Project) -> None:
    replace_in(project.root / CH, "status: open", "status: opne")
    with serving(project.root, "--lang", "en") as server:
        page = server.page("challenges/gomi/")
        assert page.status == 503
        assert "No pages to show yet" in page.text and "/__catalogue__/overlay.js" in page.text
        state = server.state()
        assert [p["message"] for p in state["problems"]] == [
            diagnostic_text(
                "enum_invalid_suggest",
                "en",
                {
                    "field": "status",
                    "value": "opne",
                    "suggestion": "open",
                    "choices": "upcoming, open, in_discussion, in_progress, realized, closed, withdrawn",
                },
            )
        ]
        assert state["texts"]["close"] == "Close"
        replace_in(project.root / CH, "status: opne", "status: open")
        server.wait_for_state(lambda s: not s["problems"], after=state["build"])
        assert server.page("challenges/gomi/").status == 200


def test_a_failure_inside_the_generator_is_shown_not_fatal(project: Project, capsys) -> None:
    def broken(*args: object) -> tuple[None, None]:
        raise RuntimeError("boom")

    root = project.root
    options = Options(root, root / "content", root / "templates", root / "static", root / ".cache/serve/site")
    preview = Preview(options, "127.0.0.1", 0, "en", rebuild=broken)
    try:
        preview.rebuild()
    finally:
        preview.socket.close()
    message = ui_text("serve.crashed", "en", problem="RuntimeError: boom")
    assert [p["message"] for p in preview.state.problems] == [message]
    assert message in capsys.readouterr().err


def test_a_busy_port_is_a_usage_error(project: Project, capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["serve", "--port", str(port)], project=project.root)
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"error: 127.0.0.1:{port} で待ち受けできません（")


def test_rebuilds_keep_the_options_but_follow_the_base_path(sub_path_project: Project) -> None:
    root = sub_path_project.root
    options = Options(root, root / "content", root / "templates", root / "static", root / ".cache/serve/site")
    seen: list[Options] = []

    def record(options: Options, *args: object) -> tuple[None, int]:
        seen.append(options)
        return None, 0

    preview = Preview(dataclasses.replace(options, drafts=True), "127.0.0.1", 0, None, rebuild=record)
    try:
        preview.rebuild()
    finally:
        preview.socket.close()
    assert seen[0].drafts is True
    assert seen[0].base_url == f"http://127.0.0.1:{preview.port}/kouminrenkei/"


def test_a_burst_of_saves_is_one_rebuild(project: Project) -> None:
    """Saves in quick succession (an editor saving as one types, a replace-all, a checkout) are built once,
    when the files have settled, so the open pages reload once, with the last text."""
    challenge = project.root / CH
    with serving(project.root) as server:
        before = server.state()["build"]
        text = challenge.read_text(encoding="utf-8")
        for number in range(12):  # 12 saves over more than half a second: the watcher looks every 0.4 s
            save(challenge, text.replace("title: ごみを", f"title: {number}回目 ごみを"))
            time.sleep(0.05)
        state = server.wait_for_state(lambda s: not s["problems"], after=before)
        assert "11回目" in server.page("challenges/gomi/").text
        time.sleep(1.5)  # time for a second rebuild, if there were one
        assert server.state()["build"] == state["build"] == before + 1
