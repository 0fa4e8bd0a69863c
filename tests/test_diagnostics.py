"""Every diagnostic, as the editor sees it: the exact stderr line and the exit code."""

from __future__ import annotations

import pytest

from catalogue.messages import DIAGNOSTICS
from tests.conftest import Project
from tests.diagnostic_cases import CASE, CH, SCENARIOS, Scenario, _challenge


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.code)
def test_diagnostic_reports_file_line_and_message(project: Project, capsys, scenario: Scenario) -> None:
    scenario.setup(project)
    result = project.run(capsys, scenario.command)
    assert result.lines == [scenario.expected]
    assert result.code == (1 if ": error: " in scenario.expected else 0)


def test_every_diagnostic_code_has_a_scenario() -> None:
    assert sorted({s.code for s in SCENARIOS}) == sorted(DIAGNOSTICS)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "status: no",
            "content/challenges/gomi.md:5: error: 「status」には文字列を書いてください（実際は真偽値 no）。"
            'そのままの文字として扱うなら引用符で囲んでください: "no"',
        ),
        (
            "title: 2026-01-01",
            "content/challenges/gomi.md:2: error: 「title」には文字列を書いてください（実際は日付 2026-01-01）。"
            'そのままの文字として扱うなら引用符で囲んでください: "2026-01-01"',
        ),
        (
            "title: 1:30",
            "content/challenges/gomi.md:2: error: 「title」には文字列を書いてください（実際は数値 1:30）。"
            'そのままの文字として扱うなら引用符で囲んでください: "1:30"',
        ),
    ],
    ids=["no-is-false", "date-title", "sexagesimal"],
)
def test_yaml_1_1_surprises_are_type_errors_with_a_quoting_hint(project: Project, capsys, line: str, expected: str):
    field, value = line.split(": ", 1)
    _challenge(**{field: value})(project)
    result = project.run(capsys, "check")
    assert result.lines == [expected]
    assert result.code == 1


def test_unquoted_municipality_code_with_leading_zero_is_caught(project: Project, capsys) -> None:
    project.edit("content/site.yaml", 'municipality_code: "142077"', "municipality_code: 011002")
    result = project.run(capsys, "check")
    assert result.lines == [
        "content/site.yaml:5: error: 「municipality_code」には文字列を書いてください（実際は数値 011002）。"
        'そのままの文字として扱うなら引用符で囲んでください: "011002"'
    ]


def test_japanese_field_name_suggests_the_schema_name(project: Project, capsys) -> None:
    _challenge(extra="募集締切: 2026-12-01\n")(project)
    result = project.run(capsys, "check")
    assert result.lines == [
        "content/challenges/gomi.md:9: error: 「募集締切」という項目はありません。「deadline」の誤りではありませんか"
    ]


def test_japanese_dates_are_accepted(project: Project, capsys) -> None:
    _challenge(published="令和8年4月1日", extra="deadline: 2026年12月31日\n")(project)
    result = project.run(capsys, "build")
    assert result.code == 0, result.err
    html = (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-12-31">2026年12月31日</time>' in html


def test_all_problems_of_a_run_are_reported_together_in_file_order(project: Project, capsys) -> None:
    _challenge(status="opne", department="kankyou")(project)
    project.edit(CASE, "started: 2025-12-10", "started: 2026-13-01")
    result = project.run(capsys, "check")
    assert [line.split(": error: ")[0] for line in result.lines] == [
        "content/cases/gomi-bags.md:11",
        "content/challenges/gomi.md:4",
        "content/challenges/gomi.md:5",
    ]
    assert result.code == 1


def test_strict_turns_warnings_into_errors(project: Project, capsys) -> None:
    _challenge(extra="updated: 2026-03-01\n")(project)
    relaxed = project.run(capsys, "check")
    strict = project.run(capsys, "check", "--strict")
    assert relaxed.code == 0
    assert relaxed.lines == ["content/challenges/gomi.md:9: warning: 更新日 2026-03-01 が公開日 2026-04-01 より前です"]
    assert strict.code == 1
    assert strict.lines == ["content/challenges/gomi.md:9: error: 更新日 2026-03-01 が公開日 2026-04-01 より前です"]


def test_messages_follow_lang_option(project: Project, capsys) -> None:
    _challenge(status="opne")(project)
    result = project.run(capsys, "check", "--lang", "en")
    assert result.lines == [
        "content/challenges/gomi.md:5: error: 'status' cannot be 'opne'; did you mean 'open'? "
        "(expected one of: upcoming, open, in_discussion, in_progress, realized, closed, withdrawn)"
    ]


def test_messages_follow_site_language(project: Project, capsys) -> None:
    project.edit("content/site.yaml", "organization:", "language: en\norganization:")
    _challenge(department="kankyou")(project)
    result = project.run(capsys, "check")
    assert result.lines == [
        "content/challenges/gomi.md:4: error: "
        "'department': 'kankyou' is not in departments.yaml; did you mean 'kankyo'?"
    ]


def test_github_actions_gets_workflow_annotations(project: Project, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _challenge(status="opne")(project)
    result = project.run(capsys, "check")
    assert result.lines[0].startswith("content/challenges/gomi.md:5: error: ")
    annotation = "::error file=content/challenges/gomi.md,line=5::「status」に「opne」は使えません"
    assert result.lines[1].startswith(annotation)


def test_bom_at_start_of_file_is_accepted(project: Project, capsys) -> None:
    path = project.root / CH
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = project.run(capsys, "build")
    assert result.code == 0, result.err
    assert "ごみを減らしたい" in (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")


def test_windows_line_endings_keep_line_numbers(project: Project, capsys) -> None:
    _challenge(status="opne")(project)
    path = project.root / CH
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = project.run(capsys, "check")
    assert result.lines[0].startswith("content/challenges/gomi.md:5: error: ")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("<<: 3\n", "content/challenges/gomi.md:9: error: YAML の書き方に誤りがあります: expected a mapping"),
        ("deadline: !!timestamp soon\n", "content/challenges/gomi.md:9: error: soon は存在しない日付です。"),
    ],
    ids=["merge-of-a-scalar", "tagged-date"],
)
def test_values_pyyaml_cannot_construct_are_diagnostics(project: Project, capsys, extra: str, expected: str) -> None:
    _challenge(extra=extra)(project)
    result = project.run(capsys, "check")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert result.lines[0].startswith(expected), result.err
