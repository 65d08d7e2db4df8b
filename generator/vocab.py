"""Controlled vocabularies shared by the models, the schemas and the pages.

Values that staff type are Japanese where a Japanese word is the natural
answer (都道府県, 業種, 課題分類); codes are ASCII where they end up in
URLs or other tools (institution kinds, formats, statuses).
"""

from __future__ import annotations

PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
    "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
    "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
    "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
    "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
    "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
    "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)

# 金融機関などの種別: ASCII code -> Japanese label.
INSTITUTION_KINDS: dict[str, str] = {
    "shinkin": "信用金庫",
    "shinkumi": "信用組合",
    "regional_bank": "地方銀行",
    "second_regional_bank": "第二地方銀行",
    "government": "政府系金融機関",
    "municipality": "自治体",
    "support_org": "支援機関",
    "other": "その他",
}

# 日本標準産業分類（JSIC）の大分類。
INDUSTRIES: tuple[str, ...] = (
    "農業，林業", "漁業", "鉱業，採石業，砂利採取業", "建設業", "製造業",
    "電気・ガス・熱供給・水道業", "情報通信業", "運輸業，郵便業", "卸売業，小売業",
    "金融業，保険業", "不動産業，物品賃貸業", "学術研究，専門・技術サービス業",
    "宿泊業，飲食サービス業", "生活関連サービス業，娯楽業", "教育，学習支援業",
    "医療，福祉", "複合サービス事業", "サービス業（他に分類されないもの）",
    "公務（他に分類されるものを除く）", "分類不能の産業",
)

# 課題分類 = 新現役の得意分野（同じ語彙で突き合わせる）。
CATEGORIES: tuple[str, ...] = (
    "販路開拓", "新商品開発", "事業承継", "人材育成", "DX・IT化", "海外展開",
    "生産管理", "品質管理", "財務・資金繰り", "知的財産", "組織・人事",
    "マーケティング", "ブランディング", "EC・通販", "経営戦略", "法務・契約",
    "環境・省エネ", "物流", "広報・PR", "その他",
)

# 従業員規模: 正確な人数は書かない（特定につながるため）。
EMPLOYEE_BANDS: dict[str, str] = {
    "1-5": "5名以下",
    "6-20": "6〜20名",
    "21-50": "21〜50名",
    "51-100": "51〜100名",
    "101-300": "101〜300名",
    "301-": "301名以上",
}

ENGAGEMENTS: tuple[str, ...] = (
    "顧問", "スポット", "兼業・副業", "プロジェクト", "相談して決めたい",
)

MEETING_FORMATS: dict[str, str] = {
    "in_person": "会場開催",
    "online": "オンライン開催",
    "hybrid": "会場＋オンライン",
}

MEETING_STATUSES: dict[str, str] = {
    "scheduled": "開催予定",
    "cancelled": "中止",
    "postponed": "延期",
}

CHALLENGE_STATUSES: dict[str, str] = {
    "open": "募集中",
    "matched": "マッチング済み",
    "closed": "募集終了",
}

ORGANISER_ROLES: tuple[str, ...] = ("主催", "共催", "後援")

# 受付フォームとして認める既定のホスト（institution.yml の form_hosts で変更可）。
DEFAULT_FORM_HOSTS: tuple[str, ...] = (
    "docs.google.com",
    "forms.gle",
    "forms.office.com",
    "forms.microsoft.com",
)
