"""The content schema: every field of every file type, declared once.

Validation, the editing guide and the JSON Schema are all derived from these
declarations, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "url", "email", "date", "int", "bool", "enum", "key", "list", "record", "keyed"]

SLUG_PATTERN = r"[a-z0-9][a-z0-9-]*"

STATUSES = ("upcoming", "open", "in_discussion", "in_progress", "realized", "closed", "withdrawn")
PROPOSAL_TYPES = ("theme", "free")
COST_MODELS = ("city_budget", "subsidy", "proposer", "negotiable")
CASE_FORMS = ("agreement", "collaboration", "donation", "pilot", "contract")
LANGUAGES = ("ja", "en")
SDG_GOALS = tuple(range(1, 18))

# Collections a `key` field can refer to.
Ref = Literal["departments", "categories", "channels", "challenges"]


@dataclass(frozen=True)
class Field:
    """One field of a file type. `item` describes list items; `fields` a record's fields."""

    name: str
    label: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: Ref | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int = 0
    item: Field | None = None
    fields: tuple[Field, ...] = ()
    default: object = None


def text(name: str, label: str, **kw: object) -> Field:
    return Field(name, label, "text", **kw)  # type: ignore[arg-type]


def strings(name: str, label: str, **kw: object) -> Field:
    return Field(name, label, "list", item=Field(name, label, "text"), **kw)  # type: ignore[arg-type]


def keys(name: str, label: str, ref: Ref, **kw: object) -> Field:
    return Field(name, label, "list", item=Field(name, label, "key", ref=ref), **kw)  # type: ignore[arg-type]


def count(name: str, label: str) -> Field:
    return Field(name, label, "int", minimum=0)


CONTACT_FIELDS = (
    text("name", "名称"),
    Field("email", "メール", "email"),
    text("phone", "電話"),
    Field("url", "ウェブサイト", "url"),
)

SDGS = Field("sdgs", "SDGs目標", "list", item=Field("sdgs", "SDGs目標", "int", minimum=1, maximum=17))
TITLE = text("title", "課題名", required=True)
SUMMARY = text("summary", "概要", required=True, max_length=200)
PUBLISHED = Field("published", "公開日", "date", required=True)
UPDATED = Field("updated", "更新日", "date")
IMAGE = Field(
    "image",
    "画像",
    "record",
    fields=(text("path", "ファイル", required=True), text("alt", "代替テキスト", required=True)),
)
TAGS = strings("tags", "キーワード")
DRAFT = Field("draft", "下書き", "bool", default=False)

CHALLENGE = (
    TITLE,
    SUMMARY,
    Field("department", "担当課", "key", required=True, ref="departments"),
    Field("status", "状態", "enum", required=True, choices=STATUSES),
    keys("categories", "分野", "categories", required=True, min_items=1),
    SDGS,
    PUBLISHED,
    Field("deadline", "募集締切", "date"),
    UPDATED,
    Field("proposal_type", "提案の型", "enum", choices=PROPOSAL_TYPES, default="theme"),
    strings("partner_types", "想定する連携先"),
    strings("city_offers", "市が提供できること"),
    Field("cost_model", "費用負担", "enum", choices=COST_MODELS),
    Field("budget_yen", "予算額", "int", minimum=0),
    count("proposals", "提案数"),
    count("meetings", "面談数"),
    Field(
        "history",
        "経過",
        "list",
        item=Field(
            "history",
            "経過",
            "record",
            fields=(
                Field("date", "日付", "date", required=True),
                Field("status", "状態", "enum", required=True, choices=STATUSES),
                text("note", "メモ"),
            ),
        ),
    ),
    keys("channels", "募集経路", "channels"),
    Field("contact", "問い合わせ先", "record", fields=CONTACT_FIELDS),
    IMAGE,
    Field(
        "attachments",
        "添付資料",
        "list",
        item=Field(
            "attachments",
            "添付資料",
            "record",
            fields=(text("title", "資料名", required=True), text("path", "ファイル", required=True)),
        ),
    ),
    TAGS,
    DRAFT,
)

CASE = (
    text("title", "事例名", required=True),
    SUMMARY,
    Field("challenge", "元の課題", "key", ref="challenges"),
    Field(
        "partners",
        "連携先",
        "list",
        required=True,
        min_items=1,
        item=Field(
            "partners",
            "連携先",
            "record",
            fields=(text("name", "名称", required=True), Field("url", "ウェブサイト", "url"), text("type", "種別")),
        ),
    ),
    Field("department", "担当課", "key", required=True, ref="departments"),
    Field("form", "連携形態", "enum", choices=CASE_FORMS),
    Field(
        "agreement",
        "協定",
        "record",
        fields=(Field("date", "締結日", "date", required=True), text("title", "協定名", required=True)),
    ),
    Field("started", "マッチング日", "date"),
    Field("realized", "実現日", "date", required=True),
    text("outcome", "成果"),
    keys("categories", "分野", "categories"),
    SDGS,
    PUBLISHED,
    UPDATED,
    IMAGE,
    TAGS,
    DRAFT,
)

PAGE = (
    text("title", "タイトル", required=True),
    text("description", "説明", max_length=200),
    Field("nav_order", "メニューの順番", "int", minimum=0),
    DRAFT,
)

SITE = (
    text("title", "サイト名", required=True),
    text("description", "説明", required=True, max_length=200),
    Field("base_url", "公開URL", "url", required=True),
    Field("language", "言語", "enum", choices=LANGUAGES, default="ja"),
    text("timezone", "タイムゾーン", default="Asia/Tokyo"),
    text("organization", "団体名", required=True),
    text("municipality_code", "全国地方公共団体コード"),
    text("prefecture", "都道府県名"),
    text("license", "ライセンス"),
    Field(
        "desk",
        "窓口",
        "record",
        required=True,
        fields=(
            text("name", "窓口名", required=True),
            text("department", "所属"),
            Field("email", "メール", "email"),
            text("phone", "電話"),
            Field("proposal_url", "提案フォーム", "url"),
        ),
    ),
    Field(
        "channels",
        "募集経路",
        "keyed",
        item=Field(
            "channels", "募集経路", "record", fields=(text("name", "名称", required=True), Field("url", "URL", "url"))
        ),
    ),
    Field("allow_html", "HTMLを許可", "bool", default=False),
)

DEPARTMENT = (
    text("name", "課名", required=True),
    text("division", "部局"),
    Field("email", "メール", "email"),
    text("phone", "電話"),
    Field("url", "ウェブサイト", "url"),
)

CATEGORY = (text("name", "分野名", required=True), text("description", "説明"))


# Japanese labels an editor might type as a key, for "did you mean" hints.
def label_aliases(fields: tuple[Field, ...]) -> dict[str, str]:
    return {f.label: f.name for f in fields}
