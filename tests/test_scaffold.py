"""`python build.py new challenge|case|page SLUG`: a file with every field that checks clean at once."""

from __future__ import annotations

import datetime
import html
import re
import zoneinfo

import pytest

from catalogue import schema
from catalogue.messages import ui_text
from tests.conftest import Project, squashed_text

TODAY = "2026-11-29"
FIELDS = {"challenge": schema.CHALLENGE, "case": schema.CASE, "page": schema.PAGE}
FOLDERS = {"challenge": "challenges", "case": "cases", "page": "pages"}
# A commented-out field or item: `# name: value`, `#   - value`, `#     name: value`.
COMMENTED_YAML = re.compile(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?|\s*- .*)$")


def _new(project: Project, capsys, *args: str):
    return project.run(capsys, "new", *args, "--today", TODAY)


@pytest.mark.parametrize("kind", FIELDS)
def test_new_file_lists_every_field_of_its_type_and_checks_clean(project: Project, capsys, kind: str) -> None:
    result = _new(project, capsys, kind, "fresh")
    assert result.code == 0, result.err
    text = (project.content / FOLDERS[kind] / "fresh.md").read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    for field in FIELDS[kind]:
        assert re.search(rf"^(# )?{field.name}:", front, re.M), f"{field.name} missing from the new {kind}"
        live = re.search(rf"^{field.name}:", front, re.M) is not None
        assert live == (field.required or field.name == "draft"), f"{field.name}: only required fields are live"
    for drafts in ([], ["--drafts"]):
        check = project.run(capsys, "check", *drafts)
        assert (check.code, check.err) == (0, ""), check.err


def test_new_challenge_has_the_conventional_sections_today_and_a_valid_first_key(project: Project, capsys) -> None:
    _new(project, capsys, "challenge", "fresh", "--title", "川をきれいにしたい")
    text = (project.content / "challenges/fresh.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", text, re.M) == [
        "背景",
        "これまでの取組",
        "求める提案",
        "市が提供できること",
        "スケジュール",
    ]
    assert "\npublished: 2026-11-29\n" in text
    assert "\ndepartment: kankyo\n" in text and "\n  - environment\n" in text  # the first keys of the data files
    assert "# 使えるキー: kankyo, fukushi\n" in text
    assert "\ndraft: true\n" in text
    result = project.run(capsys, "build", "--drafts")
    assert result.code == 0, result.err
    page = (project.root / "site/challenges/fresh/index.html").read_text(encoding="utf-8")
    assert "川をきれいにしたい" in squashed_text(page)


@pytest.mark.parametrize("kind", ["challenge", "case"])
def test_every_commented_example_is_valid_once_uncommented(project: Project, capsys, kind: str) -> None:
    _new(project, capsys, kind, "fresh")
    path = project.content / FOLDERS[kind] / "fresh.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(COMMENTED_YAML.sub(r"\1\2", line) for line in lines) + "\n", encoding="utf-8")
    project.write(f"content/{FOLDERS[kind]}/images/photo.jpg", "jpeg")
    project.write(f"content/{FOLDERS[kind]}/files/document.pdf", "pdf")
    text = path.read_text(encoding="utf-8")
    assert [f.name for f in FIELDS[kind] if not re.search(rf"^{f.name}:", text, re.M)] == []
    result = project.run(capsys, "check", "--drafts")
    assert (result.code, result.err) == (0, "")


def test_new_prints_the_path_and_how_to_preview(project: Project, capsys) -> None:
    result = _new(project, capsys, "case", "bags")
    assert result.out.splitlines() == [
        ui_text("new.created", "ja", path="content/cases/bags.md"),
        ui_text("new.preview", "ja"),
    ]
    assert "python build.py serve --drafts" in result.out


def test_title_with_yaml_syntax_survives_as_text(project: Project, capsys) -> None:
    title = 'ごみ: "ゼロ" へ #1 [試行]'
    _new(project, capsys, "page", "zero", "--title", title)
    result = project.run(capsys, "build", "--drafts")
    assert result.code == 0, result.err
    page = (project.root / "site/zero/index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading is not None and html.unescape(heading.group(1)).strip() == title


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["challenge", "Gomi_2"],
            "error: 「Gomi_2」はファイル名に使えません。"
            "半角英小文字・数字・ハイフンで、英小文字か数字から始めてください（[a-z0-9][a-z0-9-]*）",
        ),
        (
            ["challenge", "gomi"],
            "error: {root}/content/challenges/gomi.md はすでにあります。"
            "そのファイルを編集するか、別の名前にしてください",
        ),
        (
            ["page", "search"],
            "error: 「search」はサイトが使うアドレスと重なるため、ページの名前にできません。別の名前にしてください",
        ),
    ],
    ids=["bad-slug", "existing", "reserved-page"],
)
def test_new_refuses_with_exit_2_and_writes_nothing(project: Project, capsys, args: list[str], message: str) -> None:
    before = sorted(project.content.rglob("*"))
    result = _new(project, capsys, *args)
    assert result.code == 2
    assert result.lines == [message.format(root=project.root)]
    assert sorted(project.content.rglob("*")) == before


def test_new_dates_the_file_today_in_the_site_time_zone(project: Project, capsys) -> None:
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Tokyo")).date().isoformat()
    project.run(capsys, "new", "case", "dated")
    text = (project.content / "cases/dated.md").read_text(encoding="utf-8")
    assert f"\nrealized: {today}\n" in text and f"\npublished: {today}\n" in text


def test_new_writes_its_comments_and_sections_in_english_when_asked(project: Project, capsys) -> None:
    result = _new(project, capsys, "challenge", "fresh", "--lang", "en")
    assert result.out.startswith("created content/challenges/fresh.md")
    text = (project.content / "challenges/fresh.md").read_text(encoding="utf-8")
    assert "# status (状態): required; one of: upcoming (Upcoming), open (Open)" in text
    assert re.findall(r"^## (.+)$", text, re.M)[0] == "Background"
    assert project.run(capsys, "check", "--drafts").code == 0
