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
    # Publishing: link checking
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
        "ja": "{out} に {files} 個のファイルを書き出しました（警告 {warnings} 件、{seconds} 秒）",
        "en": "wrote {files} files to {out} ({warnings} warnings, {seconds} s)",
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
    # Search
    # Publishing: feeds, open data, statistics
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
