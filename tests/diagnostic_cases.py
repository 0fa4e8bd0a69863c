"""One small broken site per diagnostic code: how to break it, and the exact line the command prints."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from tests.conftest import CHALLENGE, Project

CH = "content/challenges/gomi.md"
CASE = "content/cases/gomi-bags.md"
SITE = "content/site.yaml"


@dataclass(frozen=True)
class Scenario:
    code: str
    setup: Callable[[Project], None]
    expected: str
    command: str = "check"


def _challenge(extra: str = "", **replace: str) -> Callable[[Project], None]:
    """Rewrite the challenge: replace `field: value` lines and insert `extra` lines before the closing ---."""

    def setup(project: Project) -> None:
        text = CHALLENGE
        for field, value in replace.items():
            lines = text.splitlines()
            index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
            while lines[index + 1].startswith("  "):  # the old value's list items
                del lines[index + 1]
            lines[index] = f"{field}: {value}" if value is not None else ""
            text = "\n".join(lines) + "\n"
        if extra:
            head, _, body = text.partition("---\n\n")
            text = head + extra + "---\n\n" + body
        project.write(CH, text)

    return setup


def _write(relative: str, text: str) -> Callable[[Project], None]:
    return lambda project: project.write(relative, text)


def _edit(relative: str, old: str, new: str) -> Callable[[Project], None]:
    return lambda project: project.edit(relative, old, new)


def _raw(relative: str, data: bytes) -> Callable[[Project], None]:
    def setup(project: Project) -> None:
        (project.root / relative).write_bytes(data)

    return setup


def _remove(relative: str) -> Callable[[Project], None]:
    return lambda project: (project.root / relative).unlink()


def _symlink(relative: str, target: str) -> Callable[[Project], None]:
    return lambda project: os.symlink(target, project.root / relative)


def _both(*steps: Callable[[Project], None]) -> Callable[[Project], None]:
    def setup(project: Project) -> None:
        for step in steps:
            step(project)

    return setup


def _alias_bomb() -> str:
    lines = ["---", 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, 7):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n---\n"


SCENARIOS = [
    Scenario(
        "data_file_missing",
        _remove("content/categories.yaml"),
        "content/categories.yaml:1: error: データファイル categories.yaml がありません。content/ に作成してください",
    ),
    Scenario(
        "data_not_mapping",
        _write("content/departments.yaml", "- kankyo\n- fukushi\n"),
        "content/departments.yaml:1: error: このファイルは「キー: 値」の対応（マッピング）で書いてください（実際はリスト）",
    ),
    Scenario(
        "data_empty",
        _write("content/categories.yaml", "{}\n"),
        "content/categories.yaml:1: error: 項目が一つもありません。少なくとも一つ定義してください",
    ),
    Scenario(
        "file_too_large",
        _write(CH, CHALLENGE + "あ" * 800_000),
        "content/challenges/gomi.md:1: error: ファイルが大きすぎます（2400235 バイト、上限 2097152 バイト）",
    ),
    Scenario(
        "file_encoding",
        _raw(CH, CHALLENGE.encode().replace("ごみを減らしたい".encode(), b"\x82\xb2\x82\xdd")),
        "content/challenges/gomi.md:2: error: UTF-8 として読めない文字があります。ファイルを UTF-8 で保存し直してください",
    ),
    Scenario(
        "frontmatter_missing",
        _write(CH, "# ごみを減らしたい\n\n本文だけです。\n"),
        "content/challenges/gomi.md:1: error: フロントマターがありません。1行目を --- で始め、項目を書いたあと --- で閉じてください",
    ),
    Scenario(
        "frontmatter_unclosed",
        _write(CH, "---\ntitle: ごみを減らしたい\n\n本文\n"),
        "content/challenges/gomi.md:1: error: フロントマターが閉じられていません。項目のあとに --- の行を入れてください",
    ),
    Scenario(
        "frontmatter_not_mapping",
        _write(CH, "---\n- ごみを減らしたい\n---\n本文\n"),
        "content/challenges/gomi.md:2: error: フロントマターは「項目名: 値」の形で書いてください（実際はリスト）",
    ),
    Scenario(
        "document_not_mapping",
        _edit("content/departments.yaml", "fukushi:\n  name: 福祉課\n", "fukushi: 福祉課\n"),
        "content/departments.yaml:5: error: 「項目名: 値」の形で書いてください（実際は文字列 福祉課）",
    ),
    Scenario(
        "slug_invalid",
        _write("content/challenges/Gomi_2026.md", CHALLENGE),
        "content/challenges/Gomi_2026.md:1: error: ファイル名「Gomi_2026」は URL に使えません。半角英小文字・数字・ハイフンだけにしてください（[a-z0-9][a-z0-9-]*）",
    ),
    Scenario(
        "symlink_outside",
        _symlink("content/challenges/passwd.md", "/etc/passwd"),
        "content/challenges/passwd.md:1: error: content/ の外を指すシンボリックリンクは使えません（/etc/passwd）",
    ),
    Scenario(
        "yaml_syntax",
        _challenge(title="[ごみを減らしたい"),
        "content/challenges/gomi.md:3: error: YAML の書き方に誤りがあります: did not find expected ',' or ']'。字下げと「:」のあとの空白を確認してください",
    ),
    Scenario(
        "yaml_tag",
        _challenge(title="!!python/object/apply:os.system [echo]"),
        "content/challenges/gomi.md:2: error: YAML のタグ !!python/object/apply:os.system は使えません。値だけを書いてください",
    ),
    Scenario(
        "yaml_tag_value",
        _challenge(extra="draft: !!bool maybe\n"),
        "content/challenges/gomi.md:9: error: maybe は !!bool の値として読めません。タグを外して値だけを書いてください",
    ),
    Scenario(
        "yaml_key_type",
        _challenge(extra="yes: 1\n"),
        'content/challenges/gomi.md:9: error: 項目名 yes は文字列ではありません。引用符で囲んでください（"yes"）',
    ),
    Scenario(
        "yaml_duplicate_key",
        _challenge(extra="title: もう一つの題名\n"),
        "content/challenges/gomi.md:9: error: 項目「title」が二回書かれています（最初は 2 行目）。一つにまとめてください",
    ),
    Scenario(
        "yaml_too_deep",
        _challenge(extra="tags: " + "[" * 5000 + "]" * 5000 + "\n"),
        "content/challenges/gomi.md:9: error: 入れ子が深すぎて読み込めません（50 段まで）",
    ),
    Scenario(
        "yaml_too_large",
        _write(CH, _alias_bomb() + "本文\n"),
        "content/challenges/gomi.md:2: error: 値が多すぎます（エイリアスの展開を含め 200000 個まで）",
    ),
    Scenario(
        "date_invalid",
        _challenge(published="2026-02-30"),
        "content/challenges/gomi.md:8: error: 2026-02-30 は存在しない日付です。YYYY-MM-DD の形で実在する日付を書いてください",
    ),
    Scenario(
        "field_required",
        _challenge(summary=None),
        "content/challenges/gomi.md:2: error: 必須の項目「summary」（概要）がありません",
    ),
    Scenario(
        "field_unknown",
        _challenge(extra="colour: 緑\n"),
        "content/challenges/gomi.md:9: error: 「colour」という項目はありません。使える項目: title, summary, department, status, categories, sdgs, published, deadline, updated, proposal_type, partner_types, city_offers, cost_model, budget_yen, proposals, meetings, history, channels, contact, image, attachments, tags, draft",
    ),
    Scenario(
        "field_unknown_suggest",
        _challenge(extra="deadlin: 2026-12-01\n"),
        "content/challenges/gomi.md:9: error: 「deadlin」という項目はありません。「deadline」の誤りではありませんか",
    ),
    Scenario(
        "type_text",
        _challenge(title="2026-01-01"),
        'content/challenges/gomi.md:2: error: 「title」には文字列を書いてください（実際は日付 2026-01-01）。そのままの文字として扱うなら引用符で囲んでください: "2026-01-01"',
    ),
    Scenario(
        "type_int",
        _challenge(extra="proposals: 3件\n"),
        "content/challenges/gomi.md:9: error: 「proposals」には整数を書いてください（実際は文字列 3件）。桁区切りのカンマは使えません",
    ),
    Scenario(
        "type_bool",
        _challenge(extra="draft: はい\n"),
        "content/challenges/gomi.md:9: error: 「draft」には true か false を書いてください（実際は文字列 はい）",
    ),
    Scenario(
        "type_date",
        _challenge(published="2026/04/01"),
        "content/challenges/gomi.md:8: error: 「published」の日付が読めません（2026/04/01）。YYYY-MM-DD の形で書いてください（例: 2026-03-31）",
    ),
    Scenario(
        "type_list",
        _challenge(categories="environment"),
        "content/challenges/gomi.md:6: error: 「categories」は「- 」で始まる行の並び（リスト）で書いてください（実際は文字列 environment）",
    ),
    Scenario(
        "type_record",
        _challenge(extra="contact: kankyo@example.jp\n"),
        "content/challenges/gomi.md:9: error: 「contact」は字下げした「項目名: 値」の形で書いてください（実際は文字列 kankyo@example.jp）",
    ),
    Scenario(
        "text_empty",
        _challenge(title='""'),
        "content/challenges/gomi.md:2: error: 「title」が空です",
    ),
    Scenario(
        "text_too_long",
        _challenge(summary="あ" * 201),
        "content/challenges/gomi.md:3: error: 「summary」が長すぎます（201 文字、上限 200 文字）",
    ),
    Scenario(
        "item_empty",
        _challenge(extra="tags:\n  - ごみ\n  -\n"),
        "content/challenges/gomi.md:11: error: 「tags」に空の行があります",
    ),
    Scenario(
        "list_too_short",
        _challenge(categories="[]"),
        "content/challenges/gomi.md:6: error: 「categories」には少なくとも 1 個書いてください",
    ),
    Scenario(
        "key_format",
        _challenge(department="Kankyo"),
        "content/challenges/gomi.md:4: error: 「department」のキー「Kankyo」は半角英小文字・数字・ハイフンで書いてください",
    ),
    Scenario(
        "url_invalid",
        _edit(CASE, "https://company.example.com/", "ftp://company.example.com/"),
        "content/cases/gomi-bags.md:7: error: 「partners[0].url」の URL「ftp://company.example.com/」は http:// か https:// で始まる完全な URL にしてください",
    ),
    Scenario(
        "email_invalid",
        _challenge(extra="contact:\n  email: kankyo.example.jp\n"),
        "content/challenges/gomi.md:10: error: 「contact.email」のメールアドレス「kankyo.example.jp」の形が正しくありません",
    ),
    Scenario(
        "enum_invalid",
        _challenge(status="募集中"),
        "content/challenges/gomi.md:5: error: 「status」に「募集中」は使えません。次のいずれかを書いてください: upcoming, open, in_discussion, in_progress, realized, closed, withdrawn",
    ),
    Scenario(
        "enum_invalid_suggest",
        _challenge(status="opne"),
        "content/challenges/gomi.md:5: error: 「status」に「opne」は使えません。「open」の誤りではありませんか（使える値: upcoming, open, in_discussion, in_progress, realized, closed, withdrawn）",
    ),
    Scenario(
        "int_range",
        _challenge(extra="sdgs:\n  - 18\n"),
        "content/challenges/gomi.md:10: error: 「sdgs[0]」は 1 から 17 までの整数にしてください（実際は 18）",
    ),
    Scenario(
        "int_minimum",
        _challenge(extra="proposals: -1\n"),
        "content/challenges/gomi.md:9: error: 「proposals」は 0 以上の整数にしてください（実際は -1）",
    ),
    Scenario(
        "ref_unknown",
        _challenge(categories="[sports]"),
        "content/challenges/gomi.md:6: error: 「categories[0]」の「sports」は categories.yaml にありません。使えるキー: environment, welfare",
    ),
    Scenario(
        "ref_unknown_suggest",
        _challenge(department="kankyou"),
        "content/challenges/gomi.md:4: error: 「department」の「kankyou」は departments.yaml にありません。「kankyo」の誤りではありませんか",
    ),
    Scenario(
        "ref_draft",
        _challenge(extra="draft: true\n"),
        "content/cases/gomi-bags.md:4: error: 元の課題「gomi」は下書きです。課題を公開するか、challenge を外してください",
    ),
    Scenario(
        "timezone_unknown",
        _edit(SITE, "organization:", "timezone: Asia/Tokio\norganization:"),
        "content/site.yaml:4: error: タイムゾーン「Asia/Tokio」が分かりません（例: Asia/Tokyo）",
    ),
    Scenario(
        "municipality_code_invalid",
        _edit(SITE, '"142077"', '"142078"'),
        'content/site.yaml:5: error: 全国地方公共団体コード「142078」が正しくありません。検査数字を含む6桁で、引用符で囲んでください（例: "142077"）',
    ),
    Scenario(
        "file_missing",
        _challenge(extra="image:\n  path: photo.jpg\n  alt: 集積所の写真\n"),
        "content/challenges/gomi.md:10: error: ファイル「photo.jpg」が見つかりません。この Markdown ファイルからの相対パスで書いてください",
    ),
    Scenario(
        "path_outside",
        _challenge(extra="attachments:\n  - title: 資料\n    path: ../../../secret.pdf\n"),
        "content/challenges/gomi.md:11: error: 「../../../secret.pdf」は content/ の外を指しています。content/ の中のファイルを指定してください",
    ),
    Scenario(
        "file_name_clash",
        _both(
            _write("content/challenges/a/plan.pdf", "%PDF"),
            _write("content/challenges/b/plan.pdf", "%PDF"),
            _challenge(
                extra="attachments:\n  - title: 計画\n    path: a/plan.pdf\n  - title: 別の計画\n    path: b/plan.pdf\n"
            ),
        ),
        "content/challenges/gomi.md:13: error: ファイル名「plan.pdf」は、このページの他のファイルか index.html と重なります。別の名前にしてください",
    ),
    Scenario(
        "page_slug_reserved",
        _write("content/pages/challenges.md", "---\ntitle: 課題\n---\n本文\n"),
        "content/pages/challenges.md:1: error: ページ名「challenges」はサイトの決まったURLと重なります。別のファイル名にしてください",
    ),
    Scenario(
        "history_order",
        _challenge(extra="history:\n  - date: 2026-05-01\n    status: open\n  - date: 2026-04-01\n    status: open\n"),
        "content/challenges/gomi.md:12: error: 経過（history）は日付順に並べてください: 2026-04-01 が前の 2026-05-01 より前です",
    ),
    Scenario(
        "history_last_status",
        _challenge(extra="history:\n  - date: 2026-04-01\n    status: upcoming\n"),
        "content/challenges/gomi.md:11: error: 経過（history）の最後の状態「upcoming」が status「open」と一致しません",
    ),
    Scenario(
        "upcoming_not_future",
        _challenge(status="upcoming"),
        "content/challenges/gomi.md:5: warning: 状態が募集予定（upcoming）ですが、公開日 2026-04-01 は今日（2026-11-29）以前です。状態を更新してください",
    ),
    Scenario(
        "open_past_deadline",
        _challenge(extra="deadline: 2026-06-30\n"),
        "content/challenges/gomi.md:9: warning: 募集締切 2026-06-30 を過ぎています（今日 2026-11-29）。サイトでは「募集終了」と表示します。status を更新してください",
    ),
    Scenario(
        "deadline_before_published",
        _challenge(extra="deadline: 2026-03-31\n", status="closed"),
        "content/challenges/gomi.md:9: warning: 募集締切 2026-03-31 が公開日 2026-04-01 より前です",
    ),
    Scenario(
        "updated_before_published",
        _challenge(extra="updated: 2026-03-01\n"),
        "content/challenges/gomi.md:9: warning: 更新日 2026-03-01 が公開日 2026-04-01 より前です",
    ),
    Scenario(
        "realized_before_started",
        _edit(CASE, "started: 2025-12-10", "started: 2026-05-10"),
        "content/cases/gomi-bags.md:12: error: 実現日 2026-04-15 がマッチング日 2026-05-10 より前です",
    ),
    Scenario(
        "realized_without_case",
        _both(_challenge(status="realized"), _remove(CASE)),
        "content/challenges/gomi.md:5: warning: 状態が実現（realized）ですが、この課題を challenge: gomi として挙げる連携事例がありません",
    ),
    Scenario(
        "link_scheme",
        _write(CH, CHALLENGE + "\n[資料](javascript:alert(1))\n"),
        "content/challenges/gomi.md:15: error: javascript: のリンクは安全のため使えません（javascript:alert(1)）",
    ),
    Scenario(
        "markdown_too_deep",
        _write(CH, CHALLENGE + "\n" + ">" * 3000 + " 引用\n"),
        "content/challenges/gomi.md:15: error: 本文の入れ子（引用・リスト・角かっこ）が深すぎて変換できません（32 段まで）",
    ),
    Scenario(
        "template_error",
        _edit("templates/page.html", "{{ page.title }}", "{{ page.title }"),
        "templates/page.html:4: error: テンプレートの誤り: unexpected '}'",
        command="build",
    ),
    Scenario(
        "search_variants_type",
        _write("content/search-variants.yaml", "ごみ: [塵]\nプラスチック:\n  plastic: プラ\n"),
        "content/search-variants.yaml:2: error: 「プラスチック」のほかの書き方は、文字列か文字列のリストで書いてください（実際は項目の集まり）",
    ),
    Scenario(
        "search_variant_twice",
        _write("content/search-variants.yaml", "ごみ: [塵, ゴミ袋]\nほこり:\n  - 埃\n  - 塵\n"),
        "content/search-variants.yaml:4: error: 「塵」が「ごみ」と「ほこり」の両方のほかの書き方になっています。どちらか一方にしてください",
    ),
    Scenario(
        "link_broken",
        _write(CH, CHALLENGE + "\n詳しくは[資料](/no-such-page/)をご覧ください。\n"),
        "content/challenges/gomi.md:15: error: リンク先「/no-such-page/」はこのサイトにありません。リンク先のページのアドレス（ファイル名）を確かめてください",
        command="build",
    ),
    Scenario(
        "link_anchor",
        _write(CH, CHALLENGE + "\n[デスクの連絡先](/about/#contact)\n"),
        "content/challenges/gomi.md:15: error: リンク先「/about/#contact」のページに id「contact」の箇所がありません。「#」のあとを見出しの id に合わせてください",
        command="build",
    ),
    Scenario(
        "link_broken_template",
        _edit("templates/page.html", "</h1>", "</h1>\n  <p><a href=\"{{ url('nowhere/') }}\">一覧</a></p>"),
        "templates/page.html:5: error: テンプレートのリンク先「/nowhere/」はこのサイトにありません（/about/ ほか）",
        command="build",
    ),
    Scenario(
        "link_anchor_template",
        _edit("templates/page.html", "</h1>", '</h1>\n  <p><a href="#nowhere">本文へ</a></p>'),
        "templates/page.html:5: error: テンプレートのリンク先「#nowhere」のページに id「nowhere」の箇所がありません（/about/ ほか）",
        command="build",
    ),
]
