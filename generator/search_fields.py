"""Field words for search: the words of each 課題分類 (= 得意分野) of the controlled vocabulary (vocab.py).

The meaning layer of the search (generator/search/fields.py) lets a career or trade word
find the records labelled with the field it belongs to: a visitor typing 段取り, QC or
HACCP also finds the records labelled 生産管理 or 品質管理, ranked below the records that
contain the word itself, and the page says which field it searched.

Kept beside the vocabularies like the concept synonyms (search_synonyms.py): one entry per
category, the words a practitioner of that field uses for its work (tasks, methods,
abbreviations, job titles). Not kinds of business, processes or machines (保育園, 溶接, 旋盤):
mapped to a whole industry they would answer a question the data cannot (a search for 保育園
showing every 医療，福祉 record); industries are tied to words by the data only (fields.py). Readings and spellings come from SudachiPy and the data, not
from here. Keep every word specific to its field: a word that names the field only
loosely (改善, 管理, 開発) would pull whole fields into unrelated queries. Words the data
already holds are fine too: the data also ties words to fields by itself (the categories of
the records a rare word occurs in), and this list adds what the data does not say.
"""

from __future__ import annotations

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "販路開拓": ("営業", "新規開拓", "顧客開拓", "取引先開拓", "商談", "商談会", "展示会", "見本市", "百貨店",
               "バイヤー", "量販店", "問屋", "卸先", "代理店", "販売代理店", "btob", "b2b", "法人営業",
               "ルート営業", "テレアポ", "販売先", "売り先"),
    "新商品開発": ("商品開発", "製品開発", "商品企画", "製品企画", "試作", "試作品", "新製品", "新商品", "新メニュー",
                "レシピ開発", "6次産業化", "六次産業化", "加工品", "用途開発", "oem"),
    "事業承継": ("後継者", "後継者不足", "後継者難", "世代交代", "代替わり", "親族内承継", "事業譲渡", "m&a",
              "引退", "廃業", "二代目", "三代目", "跡取り"),
    "人材育成": ("研修", "社員教育", "社内研修", "ojt", "新人教育", "若手育成", "幹部育成", "管理職研修",
              "リーダー育成", "技能伝承", "技術継承", "多能工", "教育訓練", "マニュアル", "人づくり"),
    "DX・IT化": ("デジタル化", "ペーパーレス", "クラウド", "業務効率化", "rpa", "ai", "生成ai", "iot", "erp",
               "基幹システム", "販売管理システム", "勤怠管理", "電子化", "kintone", "キントーン", "エクセル",
               "excel", "セキュリティ", "情報システム", "社内se", "システム導入", "キャッシュレス"),
    "海外展開": ("輸出", "輸入", "貿易", "海外進出", "海外販路", "海外営業", "越境ec", "通関", "インボイス", "信用状",
             "英語", "英文", "中国語", "多言語", "商社", "ジェトロ", "jetro", "アジア", "東南アジア", "中国",
             "台湾", "香港", "韓国", "ベトナム", "タイ", "シンガポール", "アメリカ", "米国", "欧州",
             "ヨーロッパ", "海外見本市"),
    "生産管理": ("段取り", "段取り替え", "段取り改善", "工程管理", "生産計画", "生産性向上", "リードタイム", "納期管理",
             "多品種少量", "5s", "整理整頓", "カイゼン", "現場改善", "トヨタ生産方式", "見える化",
             "工場長", "製造部長", "生産技術", "設備保全", "稼働率", "歩留まり", "工場運営"),
    "品質管理": ("qc", "qcサークル", "tqc", "tqm", "iso", "iso9001", "haccp", "品質保証", "検査", "検品", "不良率",
             "不良品", "クレーム", "トレーサビリティ", "衛生管理", "食品衛生", "品質改善", "なぜなぜ分析", "是正処置",
             "iatf16949"),
    "財務・資金繰り": ("資金繰り表", "資金調達", "融資", "借入", "借り入れ", "返済", "リスケ", "補助金", "助成金",
                 "キャッシュフロー", "決算書", "財務諸表", "経理", "銀行交渉", "金融機関", "設備投資", "資金計画",
                 "事業計画", "経営計画", "税務", "原価計算", "資金"),
    "知的財産": ("知財", "特許", "実用新案", "商標", "意匠", "著作権", "ライセンス", "模倣品", "弁理士", "ノウハウ"),
    "組織・人事": ("採用", "求人", "人事制度", "評価制度", "賃金制度", "就業規則", "労務", "労務管理", "働き方改革",
               "離職", "定着", "人手不足", "人事", "組織づくり", "組織改革", "管理職", "社員"),
    "マーケティング": ("市場調査", "顧客分析", "ターゲット", "販促", "販売促進", "集客", "広告", "チラシ", "ペルソナ",
                 "価格設定", "ネット広告", "seo", "リピーター", "顧客管理", "crm", "口コミ"),
    "ブランディング": ("ブランド", "ブランド化", "自社ブランド", "ブランド戦略", "ロゴ", "パッケージ", "パッケージデザイン",
                 "デザイン", "ネーミング", "地域ブランド", "付加価値"),
    "EC・通販": ("ネット通販", "ネットショップ", "通販サイト", "ecサイト", "オンラインショップ", "楽天", "アマゾン",
               "amazon", "shopify", "ショッピングモール", "カタログ通販", "定期便", "越境ec"),
    "経営戦略": ("事業計画", "経営計画", "中期経営計画", "経営改善", "新規事業", "事業転換", "事業再構築", "多角化",
             "経営判断", "収益改善"),
    "法務・契約": ("契約書", "契約", "取引契約", "利用規約", "下請法", "コンプライアンス", "弁護士", "法務",
               "個人情報"),
    "環境・省エネ": ("省エネ", "脱炭素", "カーボンニュートラル", "co2", "太陽光", "再生可能エネルギー", "再エネ",
                "電気代", "光熱費", "廃棄物", "リサイクル", "sdgs", "iso14001", "環境対応"),
    "物流": ("配送", "運送", "輸送", "倉庫", "在庫", "在庫管理", "出荷", "配車", "物流コスト", "ドライバー",
           "トラック", "運賃", "3pl", "wms", "ピッキング"),
    "広報・PR": ("広報", "pr", "プレスリリース", "sns", "インスタ", "インスタグラム", "instagram", "facebook",
               "フェイスブック", "youtube", "ユーチューブ", "ホームページ", "ウェブサイト", "webサイト", "hp",
               "情報発信", "発信", "メディア", "取材", "動画"),
}
