"""Command messages: the language they come in, the options' help, the closing summary and the progress line."""

from __future__ import annotations

import argparse
import contextlib
import io
import re

import pytest

from catalogue.cli import main, parser
from catalogue.console import Progress
from catalogue.messages import LANGUAGES, UI, diagnostic_text
from tests.conftest import Project, files_of

CH = "content/challenges/gomi.md"
CHOICES = "upcoming, open, in_discussion, in_progress, realized, closed, withdrawn"


def _typo(lang: str) -> str:
    args = {"field": "status", "value": "opne", "suggestion": "open", "choices": CHOICES}
    return f"{CH}:5: error: {diagnostic_text('enum_invalid_suggest', lang, args)}"


@pytest.mark.parametrize(
    ("site", "env", "option", "expected"),
    [
        ("ja", None, None, "ja"),
        ("en", None, None, "en"),
        ("ja", "en_US.UTF-8", None, "en"),
        ("en", "ja_JP.UTF-8", None, "ja"),
        ("ja", "en_GB.UTF-8", "ja", "ja"),
        ("en", "ja_JP.UTF-8", "en", "en"),
        ("ja", "C.UTF-8", None, "ja"),
        ("en", "fr_FR.UTF-8", None, "en"),
    ],
    ids=["site-ja", "site-en", "lang-en", "lang-ja", "option-over-lang", "option-en", "lang-c", "lang-fr"],
)
def test_messages_follow_option_then_lang_then_site(
    project: Project,
    capsys,
    monkeypatch: pytest.MonkeyPatch,
    site: str,
    env: str | None,
    option: str | None,
    expected: str,
) -> None:
    project.edit("content/site.yaml", "organization:", f"language: {site}\norganization:")
    project.edit(CH, "status: open", "status: opne")
    if env is not None:
        monkeypatch.setenv("LANG", env)
    result = project.run(capsys, "check", *(["--lang", option] if option else []))
    assert result.lines == [_typo(expected)]


def test_usage_errors_and_help_follow_the_same_language(project: Project, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = project.run(capsys, "check", "--content", "nowhere")
    assert result.code == 2
    assert re.fullmatch(r"error: content folder .*/nowhere does not exist", result.err.strip())
    capsys.readouterr()
    assert main(["new", "--help"], project=project.root) == 0
    assert "create a new challenge, case or page file" in capsys.readouterr().out
    assert main(["build", "--lang", "ja", "--help"], project=project.root) == 0
    assert "警告もエラーとして扱う" in capsys.readouterr().out


def _subparsers(main_parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in main_parser._actions if isinstance(a, argparse._SubParsersAction)).choices


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_command_and_option_is_described_from_the_catalogue(lang: str) -> None:
    texts = {entry[lang] for entry in UI.values()}
    main_parser = parser(lang)
    assert main_parser.description in texts
    undescribed = [
        f"{name} {action.dest}"
        for name, sub in _subparsers(main_parser).items()
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and action.help not in texts
    ]
    assert undescribed == []
    assert {sub.description for sub in _subparsers(main_parser).values()} <= texts


def test_every_build_ends_with_one_summary_line(project: Project, capsys) -> None:
    built = project.run(capsys, "build")
    assert built.err == ""
    assert re.fullmatch(
        r"site/ に \d+ ページ（ファイル \d+ 個）を書き出しました（警告 0 件、\d+\.\d\d 秒）\n", built.out
    )
    project.edit(CH, "status: open", "status: opne")
    failed = project.run(capsys, "build")
    assert failed.lines == [_typo("ja")]
    assert re.fullmatch(
        r"エラー 1 件のため書き出しませんでした。site/ は前のままです（警告 0 件、\d+\.\d\d 秒）\n", failed.out
    )
    checked = project.run(capsys, "check", "--lang", "en")
    assert re.fullmatch(r"check finished with 1 errors \(0 warnings, \d+\.\d\d s\)\n", checked.out)


class Terminal(io.StringIO):
    """Captured output that claims to be a terminal."""

    def isatty(self) -> bool:
        return True


def test_progress_is_one_updating_line_on_a_terminal_and_is_cleared(monkeypatch) -> None:
    monkeypatch.setattr(Progress, "DELAY", 0)
    monkeypatch.setattr(Progress, "EVERY", 0)
    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    progress = Progress("ja", terminal)
    for done in (1, 2, 3):
        progress(done, 3)
    progress.clear()
    assert (
        terminal.getvalue() == "".join(f"\r\033[Kページを書き出しています… {done}/3" for done in (1, 2, 3)) + "\r\033[K"
    )
    assert progress.pages == 3


@pytest.mark.parametrize("stream", [io.StringIO(), Terminal()], ids=["not-a-terminal", "ci"])
def test_progress_stays_quiet_in_logs_and_ci(monkeypatch, stream: io.StringIO) -> None:
    monkeypatch.setattr(Progress, "DELAY", 0)
    monkeypatch.setenv("CI", "true")
    if not stream.isatty():
        monkeypatch.delenv("CI")
    progress = Progress("ja", stream)
    progress(1, 1)
    progress.clear()
    assert stream.getvalue() == ""
    assert progress.pages == 1


def test_progress_changes_neither_the_output_nor_the_diagnostics(project: Project, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(Progress, "DELAY", 0)
    monkeypatch.delenv("CI", raising=False)
    project.edit(CH, "published: 2026-04-01", "published: 2026-04-01\ndeadline: 2026-10-01")  # a warning
    runs = {}
    for name, stream in (("log", io.StringIO()), ("terminal", Terminal())):
        out = tmp_path / name
        with contextlib.redirect_stderr(stream), contextlib.redirect_stdout(io.StringIO()):
            code = main(["build", "--today", "2026-11-29", "--out", str(out)], project=project.root)
        assert code == 0
        runs[name] = (files_of(out), stream.getvalue())
    (log_files, log_err), (tty_files, tty_err) = runs["log"], runs["terminal"]
    assert tty_files == log_files
    assert "ページを書き出しています…" in tty_err
    assert re.sub(r"\r\033\[K(ページを書き出しています… \d+/\d+)?", "", tty_err) == log_err
    assert log_err.startswith(f"{CH}:9: warning: ")
