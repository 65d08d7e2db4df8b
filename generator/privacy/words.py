"""Word classes the name rules share: kana and kanji runs, placeholders, trade words (see proper.py)."""

from __future__ import annotations

import re

from .chars import HIRA, KANJI, KATA
from .language import Token

KATA_WORD = re.compile(f"[{KATA}]{{2,}}")
HIRA_WORD = re.compile(f"[{HIRA}]{{2,}}")
KANJI_WORD = re.compile(f"[{KANJI}]+")
KANA_CHAR = re.compile(f"[{HIRA}{KATA}]")
PLACEHOLDERS = "○◯〇●△▲□■×✕＊*"
JAPANESE_NAME = re.compile(f"[{KANJI}{KATA}{HIRA}()]+")
# Kana words that name a trade or a thing, not a shop: ラーメン屋, パン工房, ガラス工業.
GENERIC_KANA = frozenset("""
    ラーメン パン ケーキ カメラ メガネ ガラス ゴム プラスチック セメント タイル ペット カフェ レストラン コーヒー
    ワイン ビール ジュース チーズ ハム ソーセージ パスタ ピザ クリーニング リフォーム インテリア デザイン システム
    ソフトウェア ネット ウェブ データ ロボット モーター エンジン ポンプ バルブ ネジ ボルト ばね バネ アルミ ステンレス
    プレス メッキ コンクリート ブロック フード フルーツ スイーツ ドリンク アパレル ファッション スポーツ ゲーム
    おもちゃ たばこ せんべい おにぎり うどん そば すし もち あめ くすり ふとん たたみ まんじゅう だんご かまぼこ
    みそ しょうゆ のり こんにゃく とうふ つけもの
""".split())
# Words that describe a trade rather than name a firm, before a suffix: 精密機械工業, 個人商店, 地元の電機.
TRADE_WORDS = frozenset("""
    金属 機械 精密 化学 繊維 食品 電子 電気 自動車 輸送 建設 土木 窯 鉄鋼 石油 重 軽 総合 地場 大手 中小 零細 個人 小売 卸
    地元 老舗 近所 一般 家電 住宅 木材 製紙 印刷 樹脂 塗装 鋳物 鍛造 部品 精工 産業 工業 商業 農業 水産 畜産 林業 窯業 醸造
    酒類 菓子 和菓子 洋菓子 青果 鮮魚 精肉 米穀 雑貨 衣料 呉服 寝具 家具 建材 資材 金物 刃物 陶器 漆器 織物 染色 縫製 製本
    運送 物流 倉庫 設備 電設 空調 配管 板金 溶接 研磨 切削 加工 組立 検査 試作 量産 下請 協力 系列 関連 同業 異業 新興 伝統
    専門 高級 大型 小型 中堅 地方 都市 郊外 駅前 町 村 市 県 国 街 自家 自社 他社 当社 弊社 本社 支社 新 旧 元 前 現 各 全
    医療 介護 福祉 保育 教育 観光 宿泊 飲食 外食 給食 清掃 警備 整備 修理 車両 鉄道 電鉄 交通 航空 海運 物産 商事 ケミカル
    歯科 動物 整骨 接骨 鍼灸 治療 建築 設計 住設 電器 造園 硝子 化工 紙業 工機 技研 興産 町工場 工場 事務所 会社 企業 法人
    地域 地場 基幹 先端 素材 環境 情報 通信 半導体 光学 航空 宇宙 船舶 造船 製薬 医薬 薬品 農産 海産 特産 名産 土産 温泉
    近代 現代 戦後 明治 大正 昭和 日本 海外 国内 県内 市内 北部 南部 東部 西部 沿岸 内陸 臨海 主要 主力 周辺 小規模 中規模
    大規模 家族 同族 家業 名門 有名 人気 一流 在来 手工 家内 近隣 全国 世界 国際 先進 新規 成長 衰退 斜陽
""".split())


def adjacent(a: Token, b: Token) -> bool:
    """Whether b follows a with nothing between them (one word written in parts)."""
    return a.end == b.start
