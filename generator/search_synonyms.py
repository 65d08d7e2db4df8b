"""Concept synonyms for search, kept beside the controlled vocabularies (vocab.py).

Readings, spelling variants and typos come from the data and SudachiPy
(generator/search/dictionary.py); this list is only for *concepts* that people
name with different words: a visitor typing any member of a group also finds
records holding any other member. Keep groups small and about one concept;
a member the data never uses costs nothing.

GENERIC holds words that add no topic to a compound (対策, 削減 …): when a typed
compound holds one the data lacks, it is skipped instead of making the whole
query unanswerable (模倣品対策 searches 模倣品, 元製造部長 searches 製造; 宇宙開発 still finds nothing).
"""

from __future__ import annotations

SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("インバウンド", "訪日", "訪日客", "訪日外国人", "外国人観光客", "訪日旅行", "観光客"),
    ("ものづくり", "製造業", "製造"),
    ("人手不足", "人材不足", "人材確保", "担い手不足", "採用", "定着", "離職", "人が足りない"),
    ("離職", "辞める", "退職", "定着"),
    ("社員", "従業員", "職員", "スタッフ"),
    ("原価管理", "原価", "コスト", "コスト削減", "採算", "経費削減"),
    ("跡継ぎ", "後継ぎ", "後継者"),
    ("デジタル化", "dx", "it化", "デジタル"),
    ("知財", "知的財産", "特許", "商標", "意匠"),
    ("模倣品", "模倣", "コピー品", "意匠", "商標"),
    ("外食", "飲食店", "居酒屋", "レストラン", "外食チェーン", "飲食チェーン"),
    ("販路拡大", "販路開拓", "販路の拡大"),
    ("関西", "近畿"),
    ("ネット", "ネット通販", "通販", "ec", "ネットショップ", "オンラインショップ"),
    ("省エネ", "光熱費", "電気代", "エネルギー"),
    ("残業", "時間外労働", "長時間労働", "働き方改革"),
    ("海外", "輸出", "海外展開", "海外販路"),
    ("技能伝承", "技術継承", "技能継承", "技術伝承", "熟練"),
    ("在庫", "在庫管理", "倉庫管理"),
    ("不良", "不良品", "品質管理"),
    ("お菓子", "菓子", "洋菓子", "和菓子", "米菓", "スイーツ"),
    ("運送", "運送業", "運輸", "トラック", "物流"),
    ("介護", "デイサービス", "介護施設", "高齢者施設"),
    ("伝統工芸", "伝統産業", "工芸", "伝統的工芸品", "地場産業", "伝統技術"),
    ("it企業", "情報通信業", "ソフトウェア", "システム開発", "it業界"),
    ("プロジェクトマネージャー", "pm", "プロジェクト管理"),
    ("オンライン開催", "オンライン", "会場+オンライン", "ウェブ会議"),
    ("育成", "人材育成", "若手育成"),
    ("宿泊", "宿泊業", "旅館", "ホテル"),
    ("中止", "キャンセル", "取りやめ", "開催中止"),
    ("病院", "クリニック", "診療所", "医院", "医療機関"),
    ("老朽化", "設備更新", "更新", "買い替え"),
)

# One-way: a colloquial word also finds the formal concept, but the formal word stays exact
# (後継者 does not pull in every 事業承継 meeting).
BROADER: dict[str, tuple[str, ...]] = {
    "跡継ぎ": ("事業承継",),
    "後継ぎ": ("事業承継",),
    "事業継承": ("事業承継",),
    "育": ("育成", "人材育成"),  # the stem of 育つ/育てる as typed (人が育たない); not 育てる itself (果樹を育てる)
}

GENERIC: tuple[str, ...] = (
    "対策", "削減", "強化", "改善", "向上", "推進", "支援", "活用", "導入", "解消", "問題", "課題",
    "方法", "相談", "化", "関連", "全般",
    # A role or trade around the topic, as people describe themselves or a business (元製造部長, 経理担当,
    # 元信金マン, 弁当屋): the topic is what is searched.
    "元", "部長", "課長", "係長", "主任", "担当", "担当者", "責任者", "出身", "経験者", "マン", "屋",
)
