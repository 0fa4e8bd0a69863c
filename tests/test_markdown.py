"""Markdown as Japanese editors write it."""

from __future__ import annotations

import pytest

from catalogue.markup import MarkdownRenderer


@pytest.fixture(scope="module")
def render():
    renderer = MarkdownRenderer(
        base_path="/desk/", host="www.city.example.jp", allow_html=False, external_label="（外部サイト）"
    )
    return lambda body: renderer.render(body, 10)


def test_list_right_after_a_paragraph_line_is_a_list(render) -> None:
    html = render("募集する内容:\n- 回収の仕組み\n- 再生材の活用\n").html
    assert html == "<p>募集する内容:</p>\n<ul>\n<li>回収の仕組み</li>\n<li>再生材の活用</li>\n</ul>"


def test_two_space_nesting_makes_a_nested_list(render) -> None:
    html = render("- 環境\n  - ごみ\n  - 水\n- 福祉\n").html
    assert html.count("<ul>") == 2
    assert "<li>環境<ul>\n<li>ごみ</li>\n<li>水</li>\n</ul>\n</li>" in html


def test_numbered_lists_keep_their_start(render) -> None:
    assert '<ol start="3">' in render("3. 三番目\n4. 四番目\n").html


def test_line_break_between_japanese_characters_adds_no_space(render) -> None:
    assert render("市内のごみは\n増えています。\nThe city\nis growing.").html == (
        "<p>市内のごみは増えています。\nThe city\nis growing.</p>"
    )


def test_headings_start_at_h2_never_skip_and_get_ids(render) -> None:
    html = render("# 背景\n\n#### 詳細\n\n## 求める提案\n").html
    assert html == '<h2 id="背景">背景</h2>\n<h3 id="詳細">詳細</h3>\n<h2 id="求める提案">求める提案</h2>'


def test_tables(render) -> None:
    html = render("| 時期 | 内容 |\n|---|---|\n| 4月 | 公開 |\n").html
    assert "<table>" in html and "<th>時期</th>" in html and "<td>公開</td>" in html


def test_external_links_are_marked_for_every_reader(render) -> None:
    html = render("[国の制度](https://www.example.go.jp/seido)と[市のページ](https://www.city.example.jp/a)").html
    assert (
        '<a class="external" href="https://www.example.go.jp/seido" rel="external noopener">'
        '国の制度<span class="visually-hidden">（外部サイト）</span></a>'
    ) in html
    assert '<a href="https://www.city.example.jp/a">市のページ</a>' in html


def test_root_relative_links_get_the_base_path(render) -> None:
    assert '<a href="/desk/cases/">事例</a>' in render("[事例](/cases/)").html


@pytest.mark.parametrize(
    ("body", "line", "scheme"),
    [
        ("本文\n\n[x](javascript:alert(1))", 12, "javascript"),
        ("[x](  JAVASCRIPT:alert(1))", 10, "javascript"),
        ("[x][ref]\n\n[ref]: vbscript:msgbox", 12, "vbscript"),
        ("![x](data:image/svg+xml;base64,PHN2Zz4=)", 10, "data"),
    ],
)
def test_dangerous_links_are_reported_at_their_line_and_neutralised(render, body, line, scheme) -> None:
    rendered = render(body)
    assert [(p.code, p.line, p.args["scheme"]) for p in rendered.problems] == [("link_scheme", line, scheme)]
    assert scheme not in rendered.html.lower()


def test_code_blocks_keep_their_line_breaks(render) -> None:
    assert render("```\n設定\n値\n```").html == "<pre><code>設定\n値\n</code></pre>"
