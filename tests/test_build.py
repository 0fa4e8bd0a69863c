"""The command as CI and editors use it: exit codes, atomic output, determinism, refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Project, files_of, squashed_text
from tests.diagnostic_cases import CASE, CH, _challenge


def test_sample_site_builds_cleanly_with_the_readme_command(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "build.py", "--out", str(out)], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith(f"{out} に ")
    pages = {p.relative_to(out).as_posix() for p in out.rglob("index.html")}
    assert {
        "index.html",
        "challenges/index.html",
        "challenges/plastic-waste-reduction/index.html",
        "cases/plastic-bag-recycling/index.html",
        "about/index.html",
        "accessibility/index.html",
        "categories/environment/index.html",
        "departments/shigen-junkan/index.html",
        "status/realized/index.html",
        "sdgs/12/index.html",
    } <= pages
    assert (out / "404.html").is_file()


def test_sample_home_page_shows_the_reference_figures(tmp_path: Path) -> None:
    out = tmp_path / "site"
    subprocess.run([sys.executable, "build.py", "--out", str(out)], cwd=REPO, check=True, capture_output=True)
    home = (out / "index.html").read_text(encoding="utf-8")
    text = squashed_text(home)
    for figure in ("公開中の課題4件", "いただいた提案19件", "面談した事業者10件", "実現した連携2件"):
        assert figure in text


def test_two_builds_are_byte_identical(project: Project, capsys, tmp_path: Path) -> None:
    project.run(capsys, "build", "--out", str(tmp_path / "a"))
    project.run(capsys, "build", "--out", str(tmp_path / "b"))
    first, second = files_of(tmp_path / "a"), files_of(tmp_path / "b")
    assert first.keys() == second.keys()
    assert first == second


def test_failed_build_keeps_previous_site_and_leaves_no_temporary_folders(project: Project, capsys) -> None:
    assert project.run(capsys, "build").code == 0
    before = files_of(project.root / "site")
    _challenge(status="opne")(project)
    result = project.run(capsys, "build")
    assert result.code == 1
    assert files_of(project.root / "site") == before
    assert sorted(p.name for p in project.root.iterdir()) == [".cache", "content", "site", "static", "templates"]
    assert [p.name for p in (project.root / ".cache").iterdir()] == ["build"]


def test_template_error_keeps_previous_site(project: Project, capsys) -> None:
    assert project.run(capsys, "build").code == 0
    before = files_of(project.root / "site")
    project.edit("templates/challenge.html", "{{ c.title }}", "{{ c.title.missing_attribute }}")
    result = project.run(capsys, "build")
    assert result.code == 1
    assert len(result.lines) == 1
    assert result.lines[0].startswith("templates/challenge.html:")
    assert "missing_attribute" in result.lines[0]
    assert files_of(project.root / "site") == before


def test_successful_build_replaces_stale_files(project: Project, capsys) -> None:
    assert project.run(capsys, "build").code == 0
    (project.root / "content/pages/about.md").unlink()
    assert project.run(capsys, "build").code == 0
    assert not (project.root / "site/about").exists()


def test_check_writes_nothing(project: Project, capsys) -> None:
    result = project.run(capsys, "check")
    assert result.code == 0
    assert result.out.startswith("検査を終えました")
    assert sorted(p.name for p in project.root.iterdir()) == ["content", "static", "templates"]


@pytest.mark.parametrize("target", [".", "content", "templates", "content/challenges", "/", "~"])
def test_dangerous_output_folders_are_refused(project: Project, capsys, target: str) -> None:
    out = Path(target).expanduser() if target.startswith(("/", "~")) else project.root / target
    before = files_of(project.root / "content")
    result = project.run(capsys, "build", "--out", str(out))
    assert result.code == 2
    assert result.lines == [
        f"error: 出力先 {out} には書き出せません。"
        "プロジェクト、content、templates、ホームフォルダ、/ を含まない専用のフォルダを指定してください"
    ]
    assert files_of(project.root / "content") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "--today", "2026-02-30"], "argument --today: YYYY-MM-DD の形の日付を書いてください（2026-02-30）"),
        (["build", "--base-url", "desk.example.jp"], "--base-url は http:// か https:// で始まる URL にしてください"),
        (["check", "--content", "nowhere"], "content フォルダ"),
        (["publish"], "unrecognized arguments: publish"),
    ],
)
def test_usage_errors_exit_2(project: Project, capsys, args: list[str], message: str) -> None:
    result = project.run(capsys, *args)
    assert result.code == 2
    assert message in result.err


def test_drafts_are_left_out_unless_asked_for(project: Project, capsys) -> None:
    project.write(
        "content/challenges/draft-one.md",
        (project.root / CH).read_text().replace("published:", "draft: true\npublished:"),
    )
    assert project.run(capsys, "build").code == 0
    assert not (project.root / "site/challenges/draft-one").exists()
    assert project.run(capsys, "build", "--drafts").code == 0
    html = (project.root / "site/challenges/draft-one/index.html").read_text(encoding="utf-8")
    assert '<span class="badge badge--draft">下書き</span>' in html


def test_open_challenge_past_deadline_reads_as_closed(project: Project, capsys) -> None:
    _challenge(extra="deadline: 2026-06-30\n")(project)
    result = project.run(capsys, "build")
    assert result.code == 0
    html = (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")
    assert '<span class="badge badge--closed">募集終了</span>' in html
    assert (project.root / "site/status/closed/index.html").read_text(encoding="utf-8").count("ごみを減らしたい") == 1


def test_deadline_within_two_weeks_is_closing_soon(project: Project, capsys) -> None:
    _challenge(extra="deadline: 2026-12-10\n")(project)
    assert project.run(capsys, "build").code == 0
    html = (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")
    assert '<span class="badge badge--soon">締切間近</span>' in html
    assert "あと11日" in html
    assert project.run(capsys, "build", "--today", "2026-11-20").code == 0
    later = (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")
    assert "締切間近" not in later


def test_withdrawn_challenge_keeps_its_page_but_leaves_the_lists(project: Project, capsys) -> None:
    _challenge(status="withdrawn")(project)
    project.edit(CASE, "challenge: gomi\n", "")
    assert project.run(capsys, "build").code == 0
    site = project.root / "site"
    assert (site / "challenges/gomi/index.html").is_file()
    assert "ごみを減らしたい" not in (site / "challenges/index.html").read_text(encoding="utf-8")
    assert "ごみを減らしたい" not in (site / "categories/environment/index.html").read_text(encoding="utf-8")
    assert "ごみを減らしたい" in (site / "status/withdrawn/index.html").read_text(encoding="utf-8")


def test_case_and_challenge_link_each_other(project: Project, capsys) -> None:
    assert project.run(capsys, "build").code == 0
    challenge = (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")
    case = (project.root / "site/cases/gomi-bags/index.html").read_text(encoding="utf-8")
    assert 'href="/cases/gomi-bags/"' in challenge
    assert 'href="/challenges/gomi/"' in case
    assert "約4.1か月" in case  # 126 days


def test_images_and_attachments_are_copied_beside_the_page(project: Project, capsys) -> None:
    (project.root / "content/challenges/gomi-photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    (project.root / "content/challenges/gomi-plan.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 3000)
    _challenge(
        extra="image:\n  path: gomi-photo.png\n  alt: ごみ集積所の様子\n"
        "attachments:\n  - title: 実施計画\n    path: gomi-plan.pdf\n"
    )(project)
    assert project.run(capsys, "build").code == 0
    folder = project.root / "site/challenges/gomi"
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert (folder / "gomi-photo.png").is_file() and (folder / "gomi-plan.pdf").is_file()
    assert '<img src="/challenges/gomi/gomi-photo.png" alt="ごみ集積所の様子">' in html
    assert "実施計画</a>" in html and "PDF、3 KB" in html


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("{{ c.title }}", "{{ t('no.such.text') }}", "no UI text 'no.such.text'"),
        ("{{ c.title }}", "{{ asset('css/missing.css') }}", "no file static/css/missing.css"),
        ("{{ c.title }}", "{{ c.published + 1 }}", "unsupported operand type"),
    ],
    ids=["unknown-text", "missing-asset", "python-error"],
)
def test_template_mistakes_are_reported_at_their_line(project: Project, capsys, old: str, new: str, problem: str):
    project.edit("templates/challenge.html", old, new)
    line = next(
        n
        for n, text in enumerate((project.root / "templates/challenge.html").read_text().splitlines(), 1)
        if new in text
    )
    result = project.run(capsys, "build")
    assert result.code == 1
    assert len(result.lines) == 1
    assert result.lines[0].startswith(f"templates/challenge.html:{line}: error: テンプレートの誤り: ")
    assert problem in result.lines[0]


def test_a_terms_cases_are_on_its_first_page_only(project: Project, capsys) -> None:
    """A term with more challenges than a page holds lists its cases once, on page 1; the later pages
    neither show them nor take their dates as the date they last changed (sitemap)."""
    text = (project.root / CH).read_text(encoding="utf-8")
    for number in range(60):
        project.write(f"content/challenges/gomi-{number}.md", text)
    assert project.run(capsys, "build").code == 0
    site = project.root / "site/categories/environment"
    first = (site / "index.html").read_text(encoding="utf-8")
    second = (site / "page/2/index.html").read_text(encoding="utf-8")
    assert 'id="term-cases"' in first and "ごみ袋の再生" in first
    assert 'id="term-cases"' not in second and "ごみ袋の再生" not in second
    sitemap = (project.root / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "/categories/environment/</loc><lastmod>2026-04-20</lastmod>" in sitemap  # the case's date
    assert "/categories/environment/page/2/</loc><lastmod>2026-04-01</lastmod>" in sitemap


def test_interrupted_build_says_so_and_keeps_previous_site(
    project: Project, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert project.run(capsys, "build").code == 0
    before = files_of(project.root / "site")
    _challenge(status="closed")(project)

    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("catalogue.pipeline.write_pages", ctrl_c)
    result = project.run(capsys, "build")
    assert result.code == 130
    assert result.err.strip() == "中断しました。出力フォルダーは前のままです"
    assert "Traceback" not in result.err
    assert files_of(project.root / "site") == before
    assert sorted(p.name for p in project.root.iterdir()) == [".cache", "content", "site", "static", "templates"]


def test_interrupted_check_says_so(project: Project, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    def ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("catalogue.pipeline.assemble", ctrl_c)
    result = project.run(capsys, "check")
    assert (result.code, result.err.strip()) == (130, "中断しました")
