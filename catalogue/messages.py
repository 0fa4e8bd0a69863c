"""Every user-facing text, in Japanese and English, keyed by code.

DIAGNOSTICS holds the content diagnostics (code → text with `{named}`
arguments); UI holds the words of the site and the command. An argument
whose value starts with `@` names a UI entry and is translated too.
"""

from __future__ import annotations

LANGUAGES = ("ja", "en")

DIAGNOSTICS: dict[str, dict[str, str]] = {
    # Files and front matter
    "data_file_missing": {
        "ja": "データファイル {file} がありません。content/ に作成してください",
        "en": "data file {file} is missing; create it in content/",
    },
    "data_not_mapping": {
        "ja": "このファイルは「キー: 値」の対応（マッピング）で書いてください（実際は{kind}）",
        "en": "expected a mapping of keys to values, found {kind}",
    },
    "data_empty": {
        "ja": "項目が一つもありません。少なくとも一つ定義してください",
        "en": "no entries; define at least one",
    },
    "file_too_large": {
        "ja": "ファイルが大きすぎます（{size} バイト、上限 {limit} バイト）",
        "en": "file too large ({size} bytes, the limit is {limit})",
    },
    "file_encoding": {
        "ja": "UTF-8 として読めない文字があります。ファイルを UTF-8 で保存し直してください",
        "en": "this line is not valid UTF-8; save the file as UTF-8",
    },
    "frontmatter_missing": {
        "ja": "フロントマターがありません。1行目を --- で始め、項目を書いたあと --- で閉じてください",
        "en": "no front matter: start the file with a --- line, then the fields, then another --- line",
    },
    "frontmatter_unclosed": {
        "ja": "フロントマターが閉じられていません。項目のあとに --- の行を入れてください",
        "en": "the front matter is not closed: add a --- line after the fields",
    },
    "frontmatter_not_mapping": {
        "ja": "フロントマターは「項目名: 値」の形で書いてください（実際は{kind}）",
        "en": "front matter must be `field: value` lines, found {kind}",
    },
    "document_not_mapping": {
        "ja": "「項目名: 値」の形で書いてください（実際は{kind} {found}）",
        "en": "expected `field: value` entries, found {kind} {found}",
    },
    "slug_invalid": {
        "ja": "ファイル名「{slug}」は URL に使えません。半角英小文字・数字・ハイフンだけにしてください（{pattern}）",
        "en": "file name '{slug}' cannot be a URL; use lowercase letters, digits and hyphens ({pattern})",
    },
    "symlink_outside": {
        "ja": "content/ の外を指すシンボリックリンクは使えません（{target}）",
        "en": "symbolic link points outside content/ ({target})",
    },
    # YAML
    "yaml_syntax": {
        "ja": "YAML の書き方に誤りがあります: {problem}。字下げと「:」のあとの空白を確認してください",
        "en": "YAML syntax error: {problem}; check the indentation and the space after ':'",
    },
    "yaml_tag": {
        "ja": "YAML のタグ {tag} は使えません。値だけを書いてください",
        "en": "YAML tag {tag} is not allowed; write plain values",
    },
    "yaml_tag_value": {
        "ja": "{value} は {tag} の値として読めません。タグを外して値だけを書いてください",
        "en": "{value} cannot be read as {tag}; remove the tag and write a plain value",
    },
    "yaml_key_type": {
        "ja": '項目名 {key} は文字列ではありません。引用符で囲んでください（"{key}"）',
        "en": 'key {key} is not text; put it in quotes ("{key}")',
    },
    "yaml_duplicate_key": {
        "ja": "項目「{key}」が二回書かれています（最初は {first} 行目）。一つにまとめてください",
        "en": "'{key}' is given twice (first on line {first}); keep one",
    },
    "yaml_too_deep": {
        "ja": "入れ子が深すぎて読み込めません（{limit} 段まで）",
        "en": "nested too deeply to load (at most {limit} levels)",
    },
    "yaml_too_large": {
        "ja": "値が多すぎます（エイリアスの展開を含め {limit} 個まで）",
        "en": "too many values (at most {limit}, alias expansion included)",
    },
    # Fields
    "field_required": {
        "ja": "必須の項目「{field}」（{label}）がありません",
        "en": "required field '{field}' is missing",
    },
    "field_unknown": {
        "ja": "「{field}」という項目はありません。使える項目: {allowed}",
        "en": "unknown field '{field}'; expected one of: {allowed}",
    },
    "field_unknown_suggest": {
        "ja": "「{field}」という項目はありません。「{suggestion}」の誤りではありませんか",
        "en": "unknown field '{field}'; did you mean '{suggestion}'?",
    },
    "type_text": {
        "ja": '「{field}」には文字列を書いてください（実際は{kind} {found}）。そのままの文字として扱うなら引用符で囲んでください: "{found}"',
        "en": "'{field}' expects text, found {kind} {found}; if you meant the text, put it in quotes: \"{found}\"",
    },
    "type_int": {
        "ja": "「{field}」には整数を書いてください（実際は{kind} {found}）。桁区切りのカンマは使えません",
        "en": "'{field}' expects a whole number, found {kind} {found}; do not use thousands separators",
    },
    "type_bool": {
        "ja": "「{field}」には true か false を書いてください（実際は{kind} {found}）",
        "en": "'{field}' expects true or false, found {kind} {found}",
    },
    "type_date": {
        "ja": "「{field}」の日付が読めません（{found}）。YYYY-MM-DD の形で書いてください（例: 2026-03-31）",
        "en": "'{field}' expects a date in the form YYYY-MM-DD (e.g. 2026-03-31), found {found}",
    },
    "date_invalid": {
        "ja": "{value} は存在しない日付です。YYYY-MM-DD の形で実在する日付を書いてください",
        "en": "{value} is not a real calendar date; write an existing date as YYYY-MM-DD",
    },
    "type_list": {
        "ja": "「{field}」は「- 」で始まる行の並び（リスト）で書いてください（実際は{kind} {found}）",
        "en": "'{field}' expects a list of '- ' lines, found {kind} {found}",
    },
    "type_record": {
        "ja": "「{field}」は字下げした「項目名: 値」の形で書いてください（実際は{kind} {found}）",
        "en": "'{field}' expects indented `name: value` fields, found {kind} {found}",
    },
    "text_empty": {
        "ja": "「{field}」が空です",
        "en": "'{field}' is empty",
    },
    "text_too_long": {
        "ja": "「{field}」が長すぎます（{length} 文字、上限 {limit} 文字）",
        "en": "'{field}' is too long ({length} characters, at most {limit})",
    },
    "item_empty": {
        "ja": "「{field}」に空の行があります",
        "en": "'{field}' has an empty item",
    },
    "list_too_short": {
        "ja": "「{field}」には少なくとも {minimum} 個書いてください",
        "en": "'{field}' needs at least {minimum} item(s)",
    },
    "key_format": {
        "ja": "「{field}」のキー「{value}」は半角英小文字・数字・ハイフンで書いてください",
        "en": "key '{value}' in '{field}' must be lowercase letters, digits and hyphens",
    },
    "url_invalid": {
        "ja": "「{field}」の URL「{value}」は http:// か https:// で始まる完全な URL にしてください",
        "en": "'{field}' URL '{value}' must be a full http:// or https:// address",
    },
    "email_invalid": {
        "ja": "「{field}」のメールアドレス「{value}」の形が正しくありません",
        "en": "'{field}' email address '{value}' is not valid",
    },
    "enum_invalid": {
        "ja": "「{field}」に「{value}」は使えません。次のいずれかを書いてください: {choices}",
        "en": "'{field}' cannot be '{value}'; expected one of: {choices}",
    },
    "enum_invalid_suggest": {
        "ja": "「{field}」に「{value}」は使えません。「{suggestion}」の誤りではありませんか（使える値: {choices}）",
        "en": "'{field}' cannot be '{value}'; did you mean '{suggestion}'? (expected one of: {choices})",
    },
    "int_range": {
        "ja": "「{field}」は {minimum} から {maximum} までの整数にしてください（実際は {value}）",
        "en": "'{field}' must be from {minimum} to {maximum}, found {value}",
    },
    "int_minimum": {
        "ja": "「{field}」は {minimum} 以上の整数にしてください（実際は {value}）",
        "en": "'{field}' must be at least {minimum}, found {value}",
    },
    # References and site settings
    "ref_unknown": {
        "ja": "「{field}」の「{value}」は {where} にありません。使えるキー: {choices}",
        "en": "'{field}': '{value}' is not in {where}; known keys: {choices}",
    },
    "ref_unknown_suggest": {
        "ja": "「{field}」の「{value}」は {where} にありません。「{suggestion}」の誤りではありませんか",
        "en": "'{field}': '{value}' is not in {where}; did you mean '{suggestion}'?",
    },
    "ref_draft": {
        "ja": "元の課題「{value}」は下書きです。課題を公開するか、challenge を外してください",
        "en": "challenge '{value}' is a draft; publish it or remove the reference",
    },
    "timezone_unknown": {
        "ja": "タイムゾーン「{value}」が分かりません（例: Asia/Tokyo）",
        "en": "unknown time zone '{value}' (e.g. Asia/Tokyo)",
    },
    "municipality_code_invalid": {
        "ja": '全国地方公共団体コード「{value}」が正しくありません。検査数字を含む6桁で、引用符で囲んでください（例: "142077"）',
        "en": "municipality code '{value}' is not valid: six digits including the check digit, in quotes (e.g. \"142077\")",
    },
    "file_missing": {
        "ja": "ファイル「{value}」が見つかりません。この Markdown ファイルからの相対パスで書いてください",
        "en": "file '{value}' not found; give its path relative to this Markdown file",
    },
    "path_outside": {
        "ja": "「{value}」は content/ の外を指しています。content/ の中のファイルを指定してください",
        "en": "'{value}' points outside content/; use a file inside content/",
    },
    "file_name_clash": {
        "ja": "ファイル名「{value}」は、このページの他のファイルか index.html と重なります。別の名前にしてください",
        "en": "file name '{value}' clashes with another file of this page or with index.html; rename it",
    },
    "page_slug_reserved": {
        "ja": "ページ名「{slug}」はサイトの決まったURLと重なります。別のファイル名にしてください",
        "en": "page name '{slug}' clashes with a URL the site uses; rename the file",
    },
    # Rules between fields
    "history_order": {
        "ja": "経過（history）は日付順に並べてください: {date} が前の {previous} より前です",
        "en": "history must be in date order: {date} comes before the previous entry's {previous}",
    },
    "history_last_status": {
        "ja": "経過（history）の最後の状態「{last}」が status「{status}」と一致しません",
        "en": "the last history entry's status '{last}' differs from status '{status}'",
    },
    "upcoming_not_future": {
        "ja": "状態が募集予定（upcoming）ですが、公開日 {published} は今日（{today}）以前です。状態を更新してください",
        "en": "status is upcoming but published {published} is not after today ({today}); update the status",
    },
    "open_past_deadline": {
        "ja": "募集締切 {deadline} を過ぎています（今日 {today}）。サイトでは「募集終了」と表示します。status を更新してください",
        "en": "the deadline {deadline} has passed (today {today}); shown as closed. Update the status",
    },
    "deadline_before_published": {
        "ja": "募集締切 {deadline} が公開日 {published} より前です",
        "en": "deadline {deadline} is before published {published}",
    },
    "updated_before_published": {
        "ja": "更新日 {updated} が公開日 {published} より前です",
        "en": "updated {updated} is before published {published}",
    },
    "realized_before_started": {
        "ja": "実現日 {realized} がマッチング日 {started} より前です",
        "en": "realized {realized} is before started {started}",
    },
    "realized_without_case": {
        "ja": "状態が実現（realized）ですが、この課題を challenge: {slug} として挙げる連携事例がありません",
        "en": "status is realized but no case names it (challenge: {slug})",
    },
    # Markdown and templates
    "link_scheme": {
        "ja": "{scheme}: のリンクは安全のため使えません（{url}）",
        "en": "{scheme}: links are not allowed ({url})",
    },
    "markdown_too_deep": {
        "ja": "本文の入れ子（引用・リスト・角かっこ）が深すぎて変換できません（{limit} 段まで）",
        "en": "the body nests quotes, lists or brackets too deeply to convert (at most {limit} levels)",
    },
    "template_error": {
        "ja": "テンプレートの誤り: {problem}",
        "en": "template error: {problem}",
    },
    # Search
    "search_variants_type": {
        "ja": "「{key}」のほかの書き方は、文字列か文字列のリストで書いてください（実際は{kind}）",
        "en": "give the other spellings of '{key}' as text or a list of texts, found {kind}",
    },
    "search_variant_twice": {
        "ja": "「{variant}」が「{first}」と「{second}」の両方のほかの書き方になっています。どちらか一方にしてください",
        "en": "'{variant}' is given as another spelling of both '{first}' and '{second}'; keep it under one",
    },
    # Publishing: link checking
    "link_broken": {
        "ja": "リンク先「{url}」はこのサイトにありません。リンク先のページのアドレス（ファイル名）を確かめてください",
        "en": "link target '{url}' does not exist on this site; check the address (file name) of the page it points to",
    },
    "link_anchor": {
        "ja": "リンク先「{url}」のページに id「{fragment}」の箇所がありません。「#」のあとを見出しの id に合わせてください",
        "en": "the page '{url}' points to has no element with id '{fragment}'; make the part after '#' match a heading's id",
    },
    "link_broken_template": {
        "ja": "テンプレートのリンク先「{url}」はこのサイトにありません（{page} ほか）",
        "en": "template link target '{url}' does not exist on this site (on {page} and possibly others)",
    },
    "link_anchor_template": {
        "ja": "テンプレートのリンク先「{url}」のページに id「{fragment}」の箇所がありません（{page} ほか）",
        "en": "template link '{url}' points to no element with id '{fragment}' (on {page} and possibly others)",
    },
}

UI: dict[str, dict[str, str]] = {
    "kind.null": {"ja": "空の値", "en": "an empty value"},
    "kind.bool": {"ja": "真偽値", "en": "a boolean"},
    "kind.number": {"ja": "数値", "en": "a number"},
    "kind.date": {"ja": "日付", "en": "a date"},
    "kind.list": {"ja": "リスト", "en": "a list"},
    "kind.mapping": {"ja": "項目の集まり", "en": "a mapping"},
    "kind.text": {"ja": "文字列", "en": "text"},
    "external_link": {"ja": "（外部サイト）", "en": " (external site)"},
    # The command
    "summary.build": {
        "ja": "{out} に {pages} ページ（ファイル {files} 個）を書き出しました（警告 {warnings} 件、{seconds} 秒）",
        "en": "wrote {pages} pages ({files} files) to {out} ({warnings} warnings, {seconds} s)",
    },
    "summary.check": {
        "ja": "検査を終えました。誤りはありません（警告 {warnings} 件、{seconds} 秒）",
        "en": "check finished with no errors ({warnings} warnings, {seconds} s)",
    },
    "usage.content_missing": {
        "ja": "content フォルダ {path} がありません",
        "en": "content folder {path} does not exist",
    },
    "usage.templates_missing": {
        "ja": "templates フォルダ {path} がありません",
        "en": "templates folder {path} does not exist",
    },
    "usage.base_url": {
        "ja": "--base-url は http:// か https:// で始まる URL にしてください（{value}）",
        "en": "--base-url must start with http:// or https:// ({value})",
    },
    "out_unsafe": {
        "ja": "出力先 {path} には書き出せません。プロジェクト、content、templates、ホームフォルダ、/ を含まない専用のフォルダを指定してください",
        "en": "refusing to write to {path}: it is or contains the project, content, templates, a home folder or /; choose a folder of its own",
    },
    "out_not_folder": {"ja": "出力先 {path} はフォルダではありません", "en": "output {path} is not a folder"},
    # Layout
    "og.locale": {"ja": "ja_JP", "en": "en_GB"},
    "skip_to_content": {"ja": "本文へ移動", "en": "Skip to main content"},
    "breadcrumbs": {"ja": "現在位置", "en": "You are here"},
    "nav.label": {"ja": "メインメニュー", "en": "Main menu"},
    "nav.footer": {"ja": "サイト情報", "en": "About this site"},
    "nav.home": {"ja": "ホーム", "en": "Home"},
    "nav.challenges": {"ja": "課題一覧", "en": "Challenges"},
    "nav.cases": {"ja": "連携事例", "en": "Partnerships"},
    "nav.explore": {"ja": "分野・担当課から探す", "en": "Browse"},
    "footer.license": {"ja": "掲載情報は {license} で利用できます", "en": "content available under {license}"},
    "back_to": {"ja": "{name}に戻る", "en": "Back to {name}"},
    "notfound.title": {"ja": "ページが見つかりません", "en": "Page not found"},
    "notfound.text": {
        "ja": "お探しのページは移動または削除された可能性があります。URL をご確認のうえ、次のページからお探しください。",
        "en": "The page may have moved or been removed. Check the address, or start from one of these pages.",
    },
    # Home
    "home.find_challenges": {"ja": "募集中の課題を探す", "en": "Find a challenge"},
    "home.propose": {"ja": "提案・相談する", "en": "Make a proposal"},
    "home.figures": {"ja": "これまでの歩み", "en": "So far"},
    "home.flow": {"ja": "提案から連携までの流れ", "en": "From proposal to partnership"},
    "home.open_challenges": {"ja": "募集中の課題", "en": "Open challenges"},
    "home.no_open": {"ja": "現在募集中の課題はありません。", "en": "No challenge is open right now."},
    "home.all_challenges": {"ja": "すべての課題を見る", "en": "All challenges"},
    "home.latest_cases": {"ja": "最新の連携事例", "en": "Latest partnerships"},
    "home.all_cases": {"ja": "すべての連携事例を見る", "en": "All partnerships"},
    "home.explore": {"ja": "分野から探す", "en": "Browse by field"},
    "figures.challenges": {"ja": "公開中の課題", "en": "Challenges"},
    "figures.proposals": {"ja": "いただいた提案", "en": "Proposals received"},
    "figures.meetings": {"ja": "面談した事業者", "en": "Meetings held"},
    "figures.realized": {"ja": "実現した連携", "en": "Partnerships realised"},
    "unit.items": {"ja": "件", "en": ""},
    "flow.1.title": {"ja": "課題を知る", "en": "Read the challenges"},
    "flow.1.text": {
        "ja": "各課が解決したい地域の課題を、背景や市が提供できることとあわせて公開しています。",
        "en": "Departments publish the problems they want solved, with background and what the city can offer.",
    },
    "flow.2.title": {"ja": "相談・提案", "en": "Ask or propose"},
    "flow.2.text": {
        "ja": "アイデアの段階でも構いません。公民連携デスクまたは担当課にご相談ください。",
        "en": "An idea is enough to start: contact the desk or the department.",
    },
    "flow.3.title": {"ja": "対話", "en": "Dialogue"},
    "flow.3.text": {
        "ja": "担当課と面談し、課題の詳細と提案の実現可能性を一緒に確かめます。",
        "en": "Meet the department to explore the problem and whether the proposal can work.",
    },
    "flow.4.title": {"ja": "実現に向けた調整", "en": "Preparation"},
    "flow.4.text": {
        "ja": "役割分担、費用、スケジュール、必要に応じて協定の内容を調整します。",
        "en": "Agree roles, costs, schedule and, where needed, a partnership agreement.",
    },
    "flow.5.title": {"ja": "連携開始", "en": "Launch"},
    "flow.5.text": {
        "ja": "連携を開始し、成果を連携事例として公開します。",
        "en": "The partnership starts, and its results are published as a case.",
    },
    # Lists and filters
    "challenges.description": {
        "ja": "市の各課が企業・団体の皆さまと一緒に解決したい課題の一覧です。",
        "en": "Problems the city's departments want to solve with companies and organisations.",
    },
    "cases.description": {
        "ja": "提案から実現した公民連携の事例です。",
        "en": "Partnerships that grew out of proposals.",
    },
    "filters.title": {"ja": "絞り込み", "en": "Filter"},
    "filters.status": {"ja": "状態", "en": "Status"},
    "filters.category": {"ja": "分野", "en": "Field"},
    "filters.department": {"ja": "担当課", "en": "Department"},
    "filters.sdgs": {"ja": "SDGs目標", "en": "SDGs goal"},
    "count": {"ja": "{count}件", "en": "{count}"},
    "count.challenges": {"ja": "課題 {count}件", "en": "{count} challenges"},
    "count.cases": {"ja": "事例 {count}件", "en": "{count} cases"},
    "results.count": {"ja": "課題 {count}件", "en": "{count} challenges"},
    "results.cases": {"ja": "連携事例 {count}件", "en": "{count} partnerships"},
    "results.none": {"ja": "該当する課題はありません。", "en": "No challenges here."},
    "results.no_cases": {"ja": "連携事例はまだありません。", "en": "No partnerships yet."},
    "pagination.label": {"ja": "ページ送り", "en": "Pages"},
    "pagination.previous": {"ja": "前へ", "en": "Previous"},
    "pagination.next": {"ja": "次へ", "en": "Next"},
    "pagination.page": {"ja": "{number}ページ", "en": "Page {number}"},
    "taxonomy.categories": {"ja": "分野別", "en": "By field"},
    "taxonomy.categories.description": {
        "ja": "課題と連携事例を分野別に探せます。",
        "en": "Challenges and partnerships by field.",
    },
    "taxonomy.departments": {"ja": "担当課別", "en": "By department"},
    "taxonomy.departments.description": {
        "ja": "課題と連携事例を担当課別に探せます。",
        "en": "Challenges and partnerships by department.",
    },
    "taxonomy.status": {"ja": "状態別", "en": "By status"},
    "taxonomy.status.description": {
        "ja": "課題を募集・協議・実現などの状態別に探せます。",
        "en": "Challenges by status.",
    },
    "taxonomy.sdgs": {"ja": "SDGs目標別", "en": "By SDGs goal"},
    "taxonomy.sdgs.description": {
        "ja": "課題と連携事例を SDGs の17の目標別に探せます。",
        "en": "Challenges and partnerships by Sustainable Development Goal.",
    },
    "term.description": {"ja": "「{name}」の課題と連携事例の一覧です。", "en": "Challenges and partnerships: {name}."},
    # Challenge and case pages
    "challenge.facts": {"ja": "課題の概要", "en": "At a glance"},
    "challenge.cases": {"ja": "この課題から生まれた連携事例", "en": "Partnerships from this challenge"},
    "case.facts": {"ja": "連携の概要", "en": "At a glance"},
    "case.badge": {"ja": "連携事例", "en": "Partnership"},
    "case.contact": {"ja": "この事例についてのお問い合わせ", "en": "Questions about this partnership"},
    "case.contact_text": {
        "ja": "同様の連携をご検討の方は、担当課または公民連携デスクまでお気軽にご相談ください。",
        "en": "Considering a similar partnership? Contact the department or the desk.",
    },
    "propose.title": {"ja": "提案・お問い合わせ", "en": "How to propose"},
    "propose.open": {
        "ja": "この課題への提案を受け付けています。アイデアの段階でも構いませんので、担当課または公民連携デスクにご相談ください。",
        "en": "Proposals are welcome, even at the idea stage: contact the department or the desk.",
    },
    "propose.closed": {
        "ja": "この課題の募集は行っていませんが、関連するご提案やご質問は公民連携デスクで承ります。",
        "en": "This challenge is not taking proposals, but the desk welcomes related ideas and questions.",
    },
    "propose.button": {"ja": "提案フォームへ進む", "en": "Go to the proposal form"},
    "propose.department": {"ja": "担当課", "en": "Department"},
    "propose.desk": {"ja": "公民連携デスク（総合窓口）", "en": "Partnership desk"},
    "contact.phone": {"ja": "電話", "en": "Phone"},
    "contact.email": {"ja": "メール", "en": "Email"},
    "contact.web": {"ja": "ウェブ", "en": "Web"},
    "closing_soon": {"ja": "締切間近", "en": "Closing soon"},
    "draft": {"ja": "下書き", "en": "Draft"},
    "rolling": {"ja": "随時募集", "en": "Rolling"},
    "days_left": {"ja": "あと{days}日", "en": "{days} days left"},
    "due_today": {"ja": "本日締切", "en": "Closes today"},
    "months": {"ja": "約{months}か月", "en": "about {months} months"},
    "yen": {"ja": "{amount}円", "en": "¥{amount}"},
    "field.status": {"ja": "状態", "en": "Status"},
    "field.department": {"ja": "担当課", "en": "Department"},
    "field.deadline": {"ja": "募集締切", "en": "Deadline"},
    "field.categories": {"ja": "分野", "en": "Fields"},
    "field.sdgs": {"ja": "SDGs目標", "en": "SDGs goals"},
    "field.proposal_type": {"ja": "提案の型", "en": "Proposal type"},
    "field.cost_model": {"ja": "費用負担", "en": "Costs"},
    "field.budget_yen": {"ja": "予算額", "en": "Budget"},
    "field.partner_types": {"ja": "想定する連携先", "en": "Partners sought"},
    "field.city_offers": {"ja": "市が提供できること", "en": "What the city offers"},
    "field.channels": {"ja": "募集経路", "en": "Announced through"},
    "field.proposals": {"ja": "これまでの提案数", "en": "Proposals so far"},
    "field.meetings": {"ja": "これまでの面談数", "en": "Meetings so far"},
    "field.published": {"ja": "公開日", "en": "Published"},
    "field.updated": {"ja": "更新日", "en": "updated"},
    "field.attachments": {"ja": "添付資料", "en": "Documents"},
    "field.history": {"ja": "これまでの経過", "en": "Progress"},
    "field.partners": {"ja": "連携先", "en": "Partners"},
    "field.challenge": {"ja": "元の課題", "en": "From the challenge"},
    "field.started": {"ja": "マッチング日", "en": "First contact"},
    "field.realized": {"ja": "実現日", "en": "Launched"},
    "field.lead_time": {"ja": "実現までの期間", "en": "Lead time"},
    "field.agreement": {"ja": "協定", "en": "Agreement"},
    "field.outcome": {"ja": "成果", "en": "Outcome"},
    "status.upcoming": {"ja": "募集予定", "en": "Upcoming"},
    "status.open": {"ja": "募集中", "en": "Open"},
    "status.in_discussion": {"ja": "協議中", "en": "In discussion"},
    "status.in_progress": {"ja": "実施中", "en": "In progress"},
    "status.realized": {"ja": "実現", "en": "Realised"},
    "status.closed": {"ja": "募集終了", "en": "Closed"},
    "status.withdrawn": {"ja": "取下げ", "en": "Withdrawn"},
    "status.upcoming.description": {"ja": "これから募集を始める課題です。", "en": "Challenges about to open."},
    "status.open.description": {"ja": "現在、提案を募集している課題です。", "en": "Challenges taking proposals now."},
    "status.in_discussion.description": {
        "ja": "提案者と実現に向けて協議している課題です。",
        "en": "Challenges in talks with proposers.",
    },
    "status.in_progress.description": {
        "ja": "連携による取組を実施している課題です。",
        "en": "Challenges being worked on with partners.",
    },
    "status.realized.description": {"ja": "連携が実現した課題です。", "en": "Challenges that led to a partnership."},
    "status.closed.description": {"ja": "募集を終了した課題です。", "en": "Challenges no longer taking proposals."},
    "status.withdrawn.description": {
        "ja": "取り下げた課題です。記録として掲載しています。",
        "en": "Challenges withdrawn, kept for the record.",
    },
    "proposal_type.theme": {"ja": "テーマ型（市が示す課題への提案）", "en": "Theme (answers the city's problem)"},
    "proposal_type.free": {"ja": "フリー型（自由な提案）", "en": "Open (any idea)"},
    "cost_model.city_budget": {"ja": "市予算あり", "en": "City budget"},
    "cost_model.subsidy": {"ja": "補助金あり", "en": "Subsidy available"},
    "cost_model.proposer": {"ja": "提案者負担", "en": "Borne by the proposer"},
    "cost_model.negotiable": {"ja": "要相談", "en": "To be agreed"},
    "form.agreement": {"ja": "協定締結", "en": "Agreement"},
    "form.collaboration": {"ja": "協働", "en": "Collaboration"},
    "form.donation": {"ja": "寄附・物品提供", "en": "Donation"},
    "form.pilot": {"ja": "実証実験", "en": "Pilot"},
    "form.contract": {"ja": "委託", "en": "Contract"},
    "sdgs.goal": {"ja": "目標{number}", "en": "Goal {number}"},
    "sdgs.goal_title": {"ja": "目標{number} {name}", "en": "Goal {number}: {name}"},
    "sdgs.1": {"ja": "貧困をなくそう", "en": "No poverty"},
    "sdgs.2": {"ja": "飢餓をゼロに", "en": "Zero hunger"},
    "sdgs.3": {"ja": "すべての人に健康と福祉を", "en": "Good health and well-being"},
    "sdgs.4": {"ja": "質の高い教育をみんなに", "en": "Quality education"},
    "sdgs.5": {"ja": "ジェンダー平等を実現しよう", "en": "Gender equality"},
    "sdgs.6": {"ja": "安全な水とトイレを世界中に", "en": "Clean water and sanitation"},
    "sdgs.7": {"ja": "エネルギーをみんなに そしてクリーンに", "en": "Affordable and clean energy"},
    "sdgs.8": {"ja": "働きがいも経済成長も", "en": "Decent work and economic growth"},
    "sdgs.9": {"ja": "産業と技術革新の基盤をつくろう", "en": "Industry, innovation and infrastructure"},
    "sdgs.10": {"ja": "人や国の不平等をなくそう", "en": "Reduced inequalities"},
    "sdgs.11": {"ja": "住み続けられるまちづくりを", "en": "Sustainable cities and communities"},
    "sdgs.12": {"ja": "つくる責任 つかう責任", "en": "Responsible consumption and production"},
    "sdgs.13": {"ja": "気候変動に具体的な対策を", "en": "Climate action"},
    "sdgs.14": {"ja": "海の豊かさを守ろう", "en": "Life below water"},
    "sdgs.15": {"ja": "陸の豊かさも守ろう", "en": "Life on land"},
    "sdgs.16": {"ja": "平和と公正をすべての人に", "en": "Peace, justice and strong institutions"},
    "sdgs.17": {"ja": "パートナーシップで目標を達成しよう", "en": "Partnerships for the goals"},
    # Command and editing
    "cli.description": {
        "ja": "公民連携の課題カタログのサイトを作ります。",
        "en": "Build the partnership catalogue site.",
    },
    "cli.build": {"ja": "サイトを --out に書き出す（既定の動作）", "en": "build the site into --out (the default)"},
    "cli.interrupted": {"ja": "中断しました", "en": "interrupted"},
    "cli.interrupted_build": {
        "ja": "中断しました。出力フォルダーは前のままです",
        "en": "interrupted; the output folder is as it was",
    },
    "cli.check": {"ja": "内容を検査するだけで、何も書き出さない", "en": "validate the content, write nothing"},
    "cli.serve": {
        "ja": "編集しながらブラウザで確認する（保存すると自動で再読み込み）",
        "en": "preview in the browser while editing (reloads on every save)",
    },
    "cli.new": {
        "ja": "新しい課題・連携事例・ページのファイルを作る",
        "en": "create a new challenge, case or page file",
    },
    "cli.content": {"ja": "content フォルダ（既定: content）", "en": "content folder (default: content)"},
    "cli.templates": {"ja": "templates フォルダ（既定: templates）", "en": "templates folder (default: templates)"},
    "cli.out": {"ja": "出力先のフォルダ（既定: site）", "en": "output folder (default: site)"},
    "cli.base_url": {
        "ja": "公開するアドレス（site.yaml の base_url より優先）",
        "en": "absolute URL the site is published at (overrides site.yaml)",
    },
    "cli.strict": {"ja": "警告もエラーとして扱う", "en": "treat warnings as errors"},
    "cli.timings": {"ja": "段階ごとの所要時間を表示する", "en": "print the time each stage took"},
    "timings.line": {"ja": "  {stage}: {seconds} 秒", "en": "  {stage}: {seconds} s"},
    "timings.load": {"ja": "読み込みと検証", "en": "load and validate"},
    "timings.markdown": {"ja": "Markdown の変換", "en": "Markdown"},
    "timings.model": {"ja": "つながりの確認", "en": "model"},
    "timings.plan": {"ja": "ページの一覧", "en": "page plan"},
    "timings.fingerprints": {"ja": "変更の判定", "en": "change detection"},
    "timings.data": {"ja": "フィードとオープンデータ", "en": "feeds and open data"},
    "timings.search": {"ja": "検索インデックス", "en": "search index"},
    "timings.pages": {"ja": "ページの書き出し", "en": "pages (templates and writing)"},
    "timings.links": {"ja": "リンクの確認", "en": "link check"},
    "timings.files": {"ja": "画像・添付・CSS の複写", "en": "images, attachments, assets"},
    "timings.commit": {"ja": "出力の入れ替え", "en": "swap in the output"},
    "cli.jobs": {
        "ja": "並行して処理するプロセスの数（既定: 大きなサイトではCPUの数）",
        "en": "worker processes (default: one per CPU for big sites)",
    },
    "cli.no_cache": {
        "ja": "ビルドキャッシュ（.cache/build）を使わず、すべて作り直す",
        "en": "build everything afresh, without the build cache (.cache/build)",
    },
    "cli.drafts": {"ja": "下書き（draft: true）も含める", "en": "include drafts (draft: true)"},
    "cli.today": {
        "ja": "この日付で作る YYYY-MM-DD（既定: サイトのタイムゾーンでの今日）",
        "en": "the date to build for, YYYY-MM-DD (default: today in the site's time zone)",
    },
    "cli.lang": {
        "ja": "メッセージの言語（既定: 環境変数 LANG、なければ site.yaml の language）",
        "en": "language of messages (default: the LANG environment variable, else site.yaml language)",
    },
    "cli.host": {"ja": "待ち受けるホスト（既定: 127.0.0.1）", "en": "host to listen on (default: 127.0.0.1)"},
    "cli.port": {"ja": "待ち受けるポート番号（既定: 8000）", "en": "port to listen on (default: 8000)"},
    "cli.kind": {"ja": "作るファイルの種類", "en": "kind of file to create"},
    "cli.slug": {
        "ja": "ファイル名（.md を除く）。ページのアドレスになります。半角英小文字・数字・ハイフン",
        "en": "file name without .md, which becomes the page address: lowercase letters, digits, hyphens",
    },
    "cli.title": {"ja": "タイトル（あとから変えられます）", "en": "title (you can change it later)"},
    "cli.bad_date": {
        "ja": "YYYY-MM-DD の形の日付を書いてください（{value}）",
        "en": "expected a date as YYYY-MM-DD, got {value}",
    },
    "cli.bad_jobs": {
        "ja": "1 から 256 までの整数を書いてください（{value}）",
        "en": "expected a whole number from 1 to 256, got {value}",
    },
    "cli.bad_port": {
        "ja": "0 から 65535 までの整数を書いてください（{value}）",
        "en": "expected a whole number from 0 to 65535, got {value}",
    },
    "summary.build_failed": {
        "ja": "エラー {errors} 件のため書き出しませんでした。{out} は前のままです（警告 {warnings} 件、{seconds} 秒）",
        "en": "wrote nothing because of {errors} errors; {out} is unchanged ({warnings} warnings, {seconds} s)",
    },
    "summary.check_failed": {
        "ja": "検査を終えました。エラー {errors} 件（警告 {warnings} 件、{seconds} 秒）",
        "en": "check finished with {errors} errors ({warnings} warnings, {seconds} s)",
    },
    "progress.pages": {"ja": "ページを書き出しています… {done}/{total}", "en": "writing pages… {done}/{total}"},
    "serve.url": {
        "ja": "プレビュー: {url}\ncontent・templates・static のファイルを保存すると、自動で作り直して再読み込みします。終了するには Ctrl+C を押してください。",
        "en": "Preview: {url}\nSaving a file in content, templates or static rebuilds the site and reloads the page. Press Ctrl+C to stop.",
    },
    "serve.changed": {"ja": "変更: {path}", "en": "changed: {path}"},
    "serve.rebuilt": {
        "ja": "作り直しました: {pages} ページ（ファイル {files} 個、警告 {warnings} 件、{seconds} 秒）",
        "en": "rebuilt {pages} pages ({files} files, {warnings} warnings, {seconds} s)",
    },
    "serve.failed": {
        "ja": "エラー {count} 件。ブラウザに表示しています。直して保存すると作り直します（{seconds} 秒）",
        "en": "{count} errors, shown in the browser; fix and save to rebuild ({seconds} s)",
    },
    "serve.crashed": {
        "ja": "作り直しの途中で予期しない問題が起きました（{problem}）。ファイルを保存し直すともう一度試します",
        "en": "the rebuild failed unexpectedly ({problem}); saving a file tries again",
    },
    "serve.stopped": {"ja": "プレビューを終了しました", "en": "preview stopped"},
    "serve.unavailable": {
        "ja": "{host}:{port} で待ち受けできません（{problem}）。--port で別の番号を指定してください",
        "en": "cannot listen on {host}:{port} ({problem}); choose another port with --port",
    },
    "serve.no_site.title": {"ja": "まだ表示できるページがありません", "en": "No pages to show yet"},
    "serve.no_site.text": {
        "ja": "サイトを一度も作れていません。表示されているエラーを直して保存すると、ここにページが表示されます。",
        "en": "The site has not been built yet. Fix the errors shown and save; the pages will appear here.",
    },
    "overlay.title": {"ja": "エラーが {count} 件あります", "en": "{count} build errors"},
    "overlay.intro": {
        "ja": "下のページは、最後にエラーなく作れたときのものです。ファイルを直して保存すると自動で作り直し、この表示は消えます。",
        "en": "The page behind is from the last build without errors. Fix the files and save: the site is rebuilt and this message goes away.",
    },
    "overlay.close": {"ja": "閉じる", "en": "Close"},
    "overlay.reopen": {"ja": "エラー {count} 件を表示", "en": "Show {count} errors"},
    "overlay.error": {"ja": "エラー", "en": "Error"},
    "overlay.warning": {"ja": "警告", "en": "Warning"},
    "new.bad_slug": {
        "ja": "「{slug}」はファイル名に使えません。半角英小文字・数字・ハイフンで、英小文字か数字から始めてください（{pattern}）",
        "en": "'{slug}' cannot be a file name: use lowercase letters, digits and hyphens, starting with a letter or digit ({pattern})",
    },
    "new.reserved": {
        "ja": "「{slug}」はサイトが使うアドレスと重なるため、ページの名前にできません。別の名前にしてください",
        "en": "'{slug}' is an address the site uses itself; choose another name for the page",
    },
    "new.exists": {
        "ja": "{path} はすでにあります。そのファイルを編集するか、別の名前にしてください",
        "en": "{path} already exists; edit it, or choose another name",
    },
    "new.created": {"ja": "{path} を作りました。", "en": "created {path}"},
    "new.preview": {
        "ja": "下書き（draft: true）として作りました。確認するには python build.py serve --drafts を実行し、表示されるアドレスを開いてください。公開するときは draft: true の行を消します。",
        "en": "It is a draft (draft: true). To see it, run python build.py serve --drafts and open the address it shows. To publish it, delete the draft: true line.",
    },
    "new.header.challenge": {
        "ja": "課題のファイルです。項目の説明は docs/editing-guide.md にあります。",
        "en": "A challenge. Every field is explained in docs/editing-guide.md.",
    },
    "new.header.case": {
        "ja": "連携事例のファイルです。項目の説明は docs/editing-guide.md にあります。",
        "en": "A partnership case. Every field is explained in docs/editing-guide.md.",
    },
    "new.header.page": {
        "ja": "ページのファイルです。項目の説明は docs/editing-guide.md にあります。",
        "en": "A free page. Every field is explained in docs/editing-guide.md.",
    },
    "new.header.optional": {
        "ja": "「# 」で始まる項目は省略できます。使うときは行の先頭の「# 」を消してください。",
        "en": "Fields starting with '# ' are optional: to use one, delete the '# ' at the start of its lines.",
    },
    "new.field": {"ja": "{name}（{label}）: {text}", "en": "{name} ({label}): {text}"},
    "new.draft": {
        "ja": "true の間はサイトに載りません。公開するときはこの行を消してください",
        "en": "while true, the file is left out of the site; delete this line to publish it",
    },
    "new.keys": {"ja": "使えるキー: {keys}", "en": "keys: {keys}"},
    "new.change_key": {
        "ja": "{file} の最初のキーを仮に入れています。正しいキーに変えてください",
        "en": "the first key of {file} is filled in for now; change it to the right one",
    },
    "new.title.challenge": {
        "ja": "ここに課題名を書きます（「〜したい」の形が読みやすくなります）",
        "en": "The challenge's title: what the city wants to achieve",
    },
    "new.title.case": {"ja": "ここに連携事例の名前を書きます", "en": "The partnership's name"},
    "new.title.page": {"ja": "ここにページのタイトルを書きます", "en": "The page's title"},
    "new.example.summary": {
        "ja": "ここに200文字以内で概要を書きます。一覧、検索結果、ページの説明に使われます。",
        "en": "A summary of at most 200 characters, shown in lists, search results and the page description.",
    },
    "new.example.description": {
        "ja": "このページの説明を200文字以内で書きます。",
        "en": "What this page is about, in at most 200 characters.",
    },
    "new.example.partner_types": {"ja": "企業", "en": "Companies"},
    "new.example.city_offers": {"ja": "実証フィールド", "en": "A place to run a pilot"},
    "new.example.history.note": {"ja": "課題を公開しました。", "en": "Challenge published."},
    "new.example.contact.name": {"ja": "問い合わせ先の名前", "en": "Contact name"},
    "new.example.contact.phone": {"ja": "0000-00-0000", "en": "0000-00-0000"},
    "new.example.image.path": {"ja": "images/photo.jpg", "en": "images/photo.jpg"},
    "new.example.image.alt": {"ja": "画像の内容を説明する文", "en": "What the picture shows"},
    "new.example.attachments.title": {"ja": "資料の名前", "en": "Document title"},
    "new.example.attachments.path": {"ja": "files/document.pdf", "en": "files/document.pdf"},
    "new.example.tags": {"ja": "キーワード", "en": "Keyword"},
    "new.example.partners.name": {"ja": "連携先の名前", "en": "Partner's name"},
    "new.example.partners.type": {"ja": "企業", "en": "Company"},
    "new.example.agreement.title": {"ja": "協定の名前", "en": "Title of the agreement"},
    "new.example.outcome": {
        "ja": "連携の成果を一つの段落で書きます。",
        "en": "What the partnership achieved, in one paragraph.",
    },
    "new.section.background": {"ja": "背景", "en": "Background"},
    "new.hint.background": {
        "ja": "どのような課題があり、なぜ解決したいのかを書きます。",
        "en": "What the problem is and why the city wants to solve it.",
    },
    "new.section.efforts": {"ja": "これまでの取組", "en": "What we have tried"},
    "new.hint.efforts": {
        "ja": "市がこれまでに行ってきたことと、その結果を書きます。",
        "en": "What the city has done so far, and how it went.",
    },
    "new.section.proposals": {"ja": "求める提案", "en": "Proposals we seek"},
    "new.hint.proposals": {
        "ja": "どのような提案を求めているかを、具体的に書きます。",
        "en": "The kind of proposals the city is looking for, as concretely as possible.",
    },
    "new.section.offers": {"ja": "市が提供できること", "en": "What the city can offer"},
    "new.hint.offers": {
        "ja": "実証フィールド、データ、広報協力など、市が提供できることを書きます。",
        "en": "Places to run pilots, data, publicity, staff time: what the city can offer.",
    },
    "new.section.schedule": {"ja": "スケジュール", "en": "Schedule"},
    "new.hint.schedule": {
        "ja": "募集から選定、実施までの予定を書きます。",
        "en": "The timetable from the call for proposals to the start of the work.",
    },
    "new.section.summary": {"ja": "連携の内容", "en": "What the partnership does"},
    "new.hint.summary": {
        "ja": "誰が何を担い、どのような取組をしているのかを書きます。",
        "en": "Who does what, and what the partnership does.",
    },
    "new.section.history": {"ja": "経緯", "en": "How it came about"},
    "new.hint.history": {
        "ja": "課題の公開や面談から、連携が始まるまでの経緯を書きます。",
        "en": "How it went from the first contact to the launch.",
    },
    "new.section.outlook": {"ja": "今後の展開", "en": "What comes next"},
    "new.hint.outlook": {
        "ja": "今後の予定や、検証の方法を書きます。",
        "en": "What happens next, and how the results will be assessed.",
    },
    "new.section.overview": {"ja": "概要", "en": "Overview"},
    "new.hint.overview": {"ja": "ここに本文を書きます。", "en": "The text of the page goes here."},
    "describe.required": {"ja": "必須", "en": "required"},
    "describe.separator": {"ja": "。", "en": "; "},
    "describe.max_length": {"ja": "{limit}文字以内", "en": "at most {limit} characters"},
    "describe.min_items": {"ja": "{minimum}個以上", "en": "at least {minimum}"},
    "describe.default": {"ja": "省略すると {value}", "en": "default {value}"},
    "describe.choice": {"ja": "{value}（{label}）", "en": "{value} ({label})"},
    "describe.enum": {"ja": "次のいずれか: {choices}", "en": "one of: {choices}"},
    "describe.ref.departments": {"ja": "departments.yaml のキー", "en": "a key of departments.yaml"},
    "describe.ref.categories": {"ja": "categories.yaml のキー", "en": "a key of categories.yaml"},
    "describe.ref.channels": {"ja": "site.yaml の channels のキー", "en": "a key of channels in site.yaml"},
    "describe.ref.challenges": {
        "ja": "課題のファイル名（.md を除く）",
        "en": "the file name of a challenge, without .md",
    },
    "describe.int_range": {"ja": "{minimum}〜{maximum} の整数", "en": "a whole number from {minimum} to {maximum}"},
    "describe.int_minimum": {"ja": "{minimum} 以上の整数", "en": "a whole number, at least {minimum}"},
    "describe.list": {"ja": "「- 」で始まる行の並び（各行: {item}）", "en": "a list of '- ' lines, each {item}"},
    "describe.list_of_records": {
        "ja": "「- 」で始まる項目の並び。各項目に {fields}",
        "en": "a list of '- ' entries, each with {fields}",
    },
    "describe.record": {"ja": "字下げした項目 {fields}", "en": "indented fields {fields}"},
    "describe.kind.text": {"ja": "文字列", "en": "text"},
    "describe.kind.url": {"ja": "http:// か https:// で始まる URL", "en": "an http:// or https:// address"},
    "describe.kind.email": {"ja": "メールアドレス", "en": "an email address"},
    "describe.kind.date": {
        "ja": "日付 YYYY-MM-DD（2026年3月31日・令和8年3月31日の形も可）",
        "en": "a date, YYYY-MM-DD (2026年3月31日 and 令和8年3月31日 work too)",
    },
    "describe.kind.int": {"ja": "整数", "en": "a whole number"},
    "describe.kind.bool": {"ja": "true か false", "en": "true or false"},
    "describe.kind.keyed": {"ja": "キーごとの項目", "en": "entries by key"},
    "schema.title.challenge": {
        "ja": "課題（content/challenges/*.md のフロントマター）",
        "en": "Challenge (front matter of content/challenges/*.md)",
    },
    "schema.text.challenge": {
        "ja": "市の各課が企業・団体と一緒に解決したい課題の項目です。",
        "en": "The fields of a problem a department wants to solve with companies and organisations.",
    },
    "schema.title.case": {
        "ja": "連携事例（content/cases/*.md のフロントマター）",
        "en": "Partnership case (front matter of content/cases/*.md)",
    },
    "schema.text.case": {"ja": "実現した公民連携の項目です。", "en": "The fields of a realised partnership."},
    "schema.title.page": {
        "ja": "ページ（content/pages/*.md のフロントマター）",
        "en": "Page (front matter of content/pages/*.md)",
    },
    "schema.text.page": {"ja": "デスクの紹介など、自由なページの項目です。", "en": "The fields of a free page."},
    "schema.title.site": {"ja": "サイトの設定（content/site.yaml）", "en": "Site settings (content/site.yaml)"},
    "schema.text.site": {
        "ja": "サイト名、公開アドレス、窓口の連絡先、募集経路などの設定です。",
        "en": "Site name, public address, the desk's contacts, recruitment channels.",
    },
    "schema.title.departments": {
        "ja": "担当課（content/departments.yaml）",
        "en": "Departments (content/departments.yaml)",
    },
    "schema.text.departments": {
        "ja": "キー（半角英小文字・数字・ハイフン）ごとに、課の名前と連絡先を書きます。",
        "en": "For each key (lowercase letters, digits, hyphens), a department's name and contacts.",
    },
    "schema.title.categories": {"ja": "分野（content/categories.yaml）", "en": "Fields (content/categories.yaml)"},
    "schema.text.categories": {
        "ja": "キー（半角英小文字・数字・ハイフン）ごとに、分野の名前と説明を書きます。",
        "en": "For each key (lowercase letters, digits, hyphens), a field's name and description.",
    },
    # Search
    "search.title": {"ja": "課題・事例を探す", "en": "Search"},
    "search.description": {
        "ja": "キーワードや分野・担当課・状態から、市の課題と連携事例を探せます。",
        "en": "Find the city's challenges and partnerships by keyword, field, department or status.",
    },
    "search.header_label": {"ja": "サイト内検索", "en": "Site search"},
    "search.label": {"ja": "キーワード", "en": "Keywords"},
    "search.list_label": {"ja": "この一覧をキーワードで絞り込む", "en": "Filter this list by keyword"},
    "search.submit": {"ja": "検索", "en": "Search"},
    "search.hint": {
        "ja": "例：ごみ　高齢者 見守り　DX（空白で区切ると、すべてを含むものを探します）",
        "en": "For example: waste, elderly care, DX (words separated by spaces must all appear)",
    },
    "search.results": {"ja": "検索結果", "en": "Results"},
    "search.filter.kind": {"ja": "種類", "en": "Type"},
    "search.filter.proposals": {"ja": "募集", "en": "Proposals"},
    "search.open_only": {"ja": "募集中のみ", "en": "Open only"},
    "search.closing_soon": {"ja": "締切間近のみ", "en": "Closing soon only"},
    "search.clear": {"ja": "条件をすべて外す", "en": "Clear all filters"},
    "search.noscript": {
        "ja": "キーワード検索には JavaScript を使います。JavaScript を有効にするか、下の一覧から探してください。",
        "en": "Keyword search needs JavaScript. Turn it on, or browse the lists below.",
    },
    "search.browse": {"ja": "一覧から探す", "en": "Browse the lists"},
    "search.all_challenges": {"ja": "すべての課題", "en": "All challenges"},
    "search.all_cases": {"ja": "すべての連携事例", "en": "All partnerships"},
    "search.status.results": {"ja": "「{query}」の検索結果：{count}件", "en": "{count} results for “{query}”"},
    "search.status.filtered": {"ja": "条件に合う課題・事例：{count}件", "en": "{count} match the filters"},
    "search.status.near": {
        "ja": "「{query}」を含むものは見つかりませんでした。近いものを{count}件表示しています。",
        "en": "Nothing contains “{query}”; showing {count} near matches.",
    },
    "search.status.none": {
        "ja": "「{query}」に一致する課題・事例は見つかりませんでした。短い言葉や別の言い方で探すか、絞り込みの条件を外してください。",
        "en": "Nothing matches “{query}”. Try a shorter or different word, or clear the filters.",
    },
    "search.status.prompt": {
        "ja": "キーワードを入力するか、絞り込みの条件を選んでください。",
        "en": "Type a keyword or choose a filter.",
    },
    "search.status.failed": {
        "ja": "検索用のデータを読み込めませんでした。時間をおいて試すか、一覧から探してください。",
        "en": "The search data could not be loaded. Try again later, or browse the lists.",
    },
    "search.more": {"ja": "さらに{count}件表示", "en": "Show {count} more"},
    "search.in_body": {"ja": "本文：", "en": "In the text: "},
    "search.kind.challenge": {"ja": "課題", "en": "Challenge"},
    "search.kind.case": {"ja": "連携事例", "en": "Partnership"},
    # Publishing: feeds, open data, statistics
    "feed.link": {"ja": "新着情報（Atom フィード）", "en": "What's new (Atom feed)"},
    "feed.category_link": {"ja": "「{name}」の新着情報（Atom フィード）", "en": "What's new in {name} (Atom feed)"},
    "feed.category_title": {"ja": "{site}：{name}", "en": "{site}: {name}"},
    "feed.new_challenge": {"ja": "新しい課題：{title}", "en": "New challenge: {title}"},
    "feed.new_case": {"ja": "新しい連携事例：{title}", "en": "New partnership: {title}"},
    "feed.status_change": {"ja": "「{status}」になりました：{title}", "en": "Now {status}: {title}"},
    "feed.status_summary": {"ja": "{status}：{note}", "en": "{status}: {note}"},
    "og.image_alt": {"ja": "公民連携 課題カタログ", "en": "Public–private partnership challenges"},
    "nav.stats": {"ja": "数字で見る公民連携", "en": "Statistics"},
    "nav.opendata": {"ja": "オープンデータ", "en": "Open data"},
    "timeline.current": {"ja": "現在", "en": "Now"},
    "timeline.after_days": {"ja": "{days}日後", "en": "{days} days later"},
    "timeline.after_months": {"ja": "約{months}か月後", "en": "about {months} months later"},
    "timeline.challenge_published": {"ja": "課題の公開", "en": "Challenge published"},
    "timeline.started": {"ja": "マッチング（最初の面談）", "en": "First contact"},
    "timeline.agreement": {"ja": "協定の締結", "en": "Agreement signed"},
    "timeline.realized": {"ja": "連携の開始", "en": "Partnership launched"},
    "case.timeline": {"ja": "実現までの経過", "en": "From first contact to launch"},
    "case.lead_time": {
        "ja": "マッチングから連携の開始まで約{months}か月でした。",
        "en": "It took about {months} months from first contact to launch.",
    },
    "stats.title": {"ja": "数字で見る公民連携", "en": "Partnerships in figures"},
    "stats.description": {
        "ja": "課題の公開から提案、面談、連携の実現までの件数と、実現までにかかった期間をまとめています。",
        "en": "How many challenges, proposals, meetings and partnerships there have been, and how long partnerships took.",
    },
    "stats.note": {
        "ja": "提案数と面談数は、各課題のページに記載している件数の合計です。取り下げた課題は含みません。実現した連携は連携事例の件数です。",
        "en": "Proposals and meetings add up the figures on each challenge's page; withdrawn challenges are left out. Partnerships realised counts the published partnerships.",
    },
    "stats.funnel": {"ja": "提案から実現まで", "en": "From challenge to partnership"},
    "stats.by_status": {"ja": "状態別の課題数", "en": "Challenges by status"},
    "stats.by_category": {"ja": "分野別の課題数と連携事例数", "en": "Challenges and partnerships by field"},
    "stats.by_year": {
        "ja": "年度別の課題数（公開日）と連携事例数（実現日）",
        "en": "Challenges (by publication) and partnerships (by launch) per fiscal year",
    },
    "stats.lead_time": {"ja": "マッチングから実現までの期間", "en": "Time from first contact to launch"},
    "stats.median": {
        "ja": "中央値は約{months}か月です（期間が分かる連携事例 {count}件）。",
        "en": "The median is about {months} months ({count} partnerships with both dates).",
    },
    "stats.no_lead_time": {
        "ja": "マッチング日と実現日の両方が分かる連携事例はまだありません。",
        "en": "No partnership has both a first-contact and a launch date yet.",
    },
    "stats.table": {"ja": "{title}（表）", "en": "{title} (table)"},
    "stats.stage": {"ja": "段階", "en": "Stage"},
    "stats.count": {"ja": "件数", "en": "Count"},
    "stats.challenges": {"ja": "課題", "en": "Challenges"},
    "stats.cases": {"ja": "連携事例", "en": "Partnerships"},
    "stats.year": {"ja": "年度", "en": "Fiscal year"},
    "stats.fiscal_year": {"ja": "{year}年度", "en": "FY{year}"},
    "stats.period": {"ja": "期間", "en": "Time taken"},
    "stats.lead.0": {"ja": "3か月未満", "en": "Under 3 months"},
    "stats.lead.1": {"ja": "3か月以上6か月未満", "en": "3 to 6 months"},
    "stats.lead.2": {"ja": "6か月以上1年未満", "en": "6 to 12 months"},
    "stats.lead.3": {"ja": "1年以上", "en": "A year or more"},
    "opendata.title": {"ja": "オープンデータ", "en": "Open data"},
    "opendata.description": {
        "ja": "課題と連携事例の一覧を、CSV と JSON の形式で自由にダウンロードして利用できます。",
        "en": "Download the challenges and partnerships as CSV and JSON, free to reuse.",
    },
    "opendata.license": {"ja": "利用条件", "en": "Licence"},
    "opendata.license_text": {
        "ja": "このデータは {license} の条件で利用できます。利用の際は出典として「{organization}」と記載してください。",
        "en": "This data is available under {license}. Credit {organization} as the source.",
    },
    "opendata.no_license": {
        "ja": "利用条件は公民連携デスクにお問い合わせください。",
        "en": "Ask the partnership desk about the terms of use.",
    },
    "opendata.format_note": {
        "ja": "CSV は文字コード UTF-8（BOM 付き）で、1行目が項目名です。日付は YYYY-MM-DD、複数の値は「;」で区切っています。先頭が = + - @ の値には、表計算ソフトが数式として扱わないよう「'」を付けています。列の先頭4項目は自治体標準オープンデータセットにならっています。",
        "en": "The CSV is UTF-8 with a byte-order mark and one header row. Dates are YYYY-MM-DD; multiple values are separated by ';'. Values starting with = + - @ get a leading ' so that spreadsheets do not read them as formulas. The first four columns follow the Japanese standard open data sets for local governments.",
    },
    "opendata.downloads": {"ja": "ダウンロード", "en": "Downloads"},
    "opendata.challenges": {"ja": "課題一覧", "en": "Challenges"},
    "opendata.cases": {"ja": "連携事例一覧", "en": "Partnerships"},
    "opendata.rows": {"ja": "{count}件", "en": "{count} rows"},
    "opendata.file.csv": {"ja": "CSV（表計算ソフト向け）", "en": "CSV (for spreadsheets)"},
    "opendata.file.json": {"ja": "JSON（プログラム向け）", "en": "JSON (for programs)"},
    "opendata.file.schema": {"ja": "JSON Schema（JSON の構造の定義）", "en": "JSON Schema (the structure of the JSON)"},
    "opendata.columns": {"ja": "{name}の項目定義書", "en": "Columns of {name}"},
    "opendata.columns_table": {"ja": "{name}の{count}項目（表）", "en": "The {count} columns of {name} (table)"},
    "opendata.column_no": {"ja": "No", "en": "No"},
    "opendata.column_label": {"ja": "項目名（CSV）", "en": "Column (CSV)"},
    "opendata.column_key": {"ja": "項目名（JSON）", "en": "Key (JSON)"},
    "opendata.column_type": {"ja": "型", "en": "Type"},
    "opendata.column_required": {"ja": "必須", "en": "Always set"},
    "opendata.column_note": {"ja": "説明", "en": "Description"},
    "opendata.required": {"ja": "○", "en": "Yes"},
    "opendata.values": {"ja": "値：", "en": "Values: "},
    "opendata.type.text": {"ja": "文字列", "en": "Text"},
    "opendata.type.integer": {"ja": "整数", "en": "Whole number"},
    "opendata.type.number": {"ja": "数値", "en": "Number"},
    "opendata.type.date": {"ja": "日付（YYYY-MM-DD）", "en": "Date (YYYY-MM-DD)"},
    "opendata.type.url": {"ja": "URL", "en": "URL"},
    "opendata.type.list": {"ja": "文字列の並び（; 区切り）", "en": "List (';'-separated)"},
    "opendata.column.municipality_code": {
        "ja": "全国地方公共団体コード（6桁、検査数字を含む）",
        "en": "Six-digit local government code, check digit included",
    },
    "opendata.column.no": {"ja": "行の通し番号（公開日の古い順）", "en": "Row number, oldest first"},
    "opendata.column.prefecture": {"ja": "都道府県名", "en": "Prefecture"},
    "opendata.column.municipality": {"ja": "市区町村名", "en": "Municipality"},
    "opendata.column.id": {
        "ja": "サイト内の ID（URL の一部、半角英小文字・数字・ハイフン）",
        "en": "Identifier on the site (part of the URL: lowercase letters, digits, hyphens)",
    },
    "opendata.column.title": {"ja": "課題名（市が解決したいこと）", "en": "What the city wants to solve"},
    "opendata.column.case_title": {"ja": "連携事例の名称", "en": "Name of the partnership"},
    "opendata.column.summary": {"ja": "200文字以内の概要", "en": "Summary, at most 200 characters"},
    "opendata.column.department": {"ja": "担当課の名称", "en": "Responsible department"},
    "opendata.column.status": {
        "ja": "課題の状態（締切を過ぎた募集中の課題は「募集終了」）",
        "en": "Status (an open challenge past its deadline reads as closed)",
    },
    "opendata.column.categories": {"ja": "分野の名称", "en": "Fields"},
    "opendata.column.sdgs": {"ja": "関係する SDGs の目標番号（1〜17）", "en": "Sustainable Development Goals (1–17)"},
    "opendata.column.published": {"ja": "サイトでの公開日", "en": "Date published on the site"},
    "opendata.column.deadline": {
        "ja": "提案の募集締切（空欄は随時募集）",
        "en": "Deadline for proposals (empty: rolling)",
    },
    "opendata.column.updated": {"ja": "最終更新日", "en": "Date last updated"},
    "opendata.column.proposal_type": {"ja": "提案の型", "en": "Kind of proposal sought"},
    "opendata.column.partner_types": {"ja": "想定する連携先の種類", "en": "Kinds of partner sought"},
    "opendata.column.city_offers": {"ja": "市が提供できること", "en": "What the city can offer"},
    "opendata.column.cost_model": {"ja": "費用の負担", "en": "Who bears the costs"},
    "opendata.column.budget_yen": {"ja": "市の予算額（円）", "en": "City budget (yen)"},
    "opendata.column.proposals": {"ja": "これまでに受けた提案の数", "en": "Proposals received so far"},
    "opendata.column.meetings": {"ja": "これまでに提案者と面談した数", "en": "Meetings held with proposers so far"},
    "opendata.column.channels": {"ja": "課題を公開・募集している経路", "en": "Where the challenge is announced"},
    "opendata.column.contact_name": {"ja": "問い合わせ先の名称", "en": "Contact: name"},
    "opendata.column.contact_email": {"ja": "問い合わせ先のメールアドレス", "en": "Contact: email address"},
    "opendata.column.contact_phone": {"ja": "問い合わせ先の電話番号", "en": "Contact: phone number"},
    "opendata.column.contact_url": {"ja": "問い合わせ先のウェブサイト", "en": "Contact: website"},
    "opendata.column.tags": {"ja": "キーワード", "en": "Keywords"},
    "opendata.column.url": {"ja": "サイトのページの URL", "en": "Address of the page on the site"},
    "opendata.column.case_challenge": {
        "ja": "もとになった課題の ID（課題一覧の ID。空欄は課題によらない連携）",
        "en": "ID of the challenge it grew out of (empty: it did not come from a challenge)",
    },
    "opendata.column.partners_name": {"ja": "連携先の名称", "en": "Partners' names"},
    "opendata.column.partners_url": {
        "ja": "連携先のウェブサイト（連携先と同じ順、ない場合は空）",
        "en": "Partners' websites, in the same order (empty where there is none)",
    },
    "opendata.column.partners_type": {
        "ja": "連携先の種別（連携先と同じ順、ない場合は空）",
        "en": "Kinds of partner, in the same order (empty where not given)",
    },
    "opendata.column.form": {"ja": "連携の形態", "en": "Form of the partnership"},
    "opendata.column.agreement_date": {"ja": "協定を締結した日", "en": "Date the agreement was signed"},
    "opendata.column.agreement_title": {"ja": "協定の名称", "en": "Title of the agreement"},
    "opendata.column.started": {"ja": "マッチング（最初の面談）の日", "en": "Date of first contact"},
    "opendata.column.realized": {"ja": "連携を開始した日", "en": "Date the partnership went live"},
    "opendata.column.lead_months": {
        "ja": "マッチング日から実現日までの月数（小数第1位まで）",
        "en": "Months from first contact to launch, to one decimal place",
    },
    "opendata.column.outcome": {"ja": "連携の成果", "en": "Outcome"},
}


def ui_text(key: str, lang: str, **args: object) -> str:
    """A UI string, formatted with `args`; unknown keys are a bug, so they raise KeyError."""
    entry = UI[key]
    text = entry.get(lang) or entry["ja"]
    return text.format(**args) if args else text


def diagnostic_text(code: str, lang: str, args: dict[str, str]) -> str:
    """The message for a diagnostic code, with `@key` arguments translated."""
    entry = DIAGNOSTICS[code]
    template = entry.get(lang) or entry["ja"]
    values = {k: ui_text(v[1:], lang) if v.startswith("@") else v for k, v in args.items()}
    return template.format_map(values)
