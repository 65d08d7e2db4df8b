"""Names with no fixed shape, found with the language layer (language.py) and rules around it.

Trade names without a legal form (company, P507):

* a proper noun, an unknown word, or a kana word that is no trade (ヤマセ, かもめ,
  かねまつ) right before a trade suffix: 佐藤工務店, ヤマセ製作所, 山田屋, かもめ荘;
  also a proper noun the dictionary holds whole (加藤製作所, 木村屋). A kanji
  common noun counts before 堂/荘/亭/庵/館 (松風堂), whose common compounds (食堂,
  別荘) the dictionary holds as one word, as a 屋号 (丸八電機), or as a two-kanji
  word that describes no trade before a company suffix (北星電機; not 地域交通,
  温泉旅館, 近代工業); before 屋 it is the trade (金物屋, 信州そば屋);
* a facility word and a name: ホテル潮風, 旅館みやび, カフェ・ド・ミモザ, 菓子処甘泉;
* a name in 「」 after 屋号/ブランド/商品名/銘柄/店名/旅館 … (or before という屋号),
  a 「」 name that ends like a firm (「よしだ整骨院」, not 「町の電器屋」), and the
  name set beside "our company" (当社（山岸製作所）, うちの会社、北星電機では).

Named customers (company): a proper noun before 病院/高校/百貨店/ホテル …
(佐藤病院, 県立横浜高校, 丸越百貨店) in a sentence about 納品/取引/納める, and an
organisation's proper name next to 向け/に納品/取引先は … .

Personal names (person, P508), beyond person.py's honorifics and roles:

* a surname and a given name together (山田太郎が, 父・鈴木一郎と, 私、田中次郎は);
* a foreign name of two parts (ジョン・スミス), or one part with an honorific (マリアさん);
* a given name or a surname with さん/くん/君/ちゃん (美咲さん, 健太くん, 陳さん);
* a Chinese or Korean name: one listed surname character and a one- or two-kanji
  given name before a particle or an honorific (陳建国が, 王偉さん);
* a name followed by its reading (鷲尾(わしお));
* a romanised name of two romaji words or common foreign names (Kenji Tanaka, TANAKA Kenji,
  Maria Santos), or with Mr./Ms.;
* a name after a kin word or a role (息子の翔太, 娘婿の岡本が, 担当は中村);
* a listed surname alone as the subject of a sentence (鈴木が担当しています; not 千葉は関東の県).

A famous person cited for a work (ドラッカーの本, 二宮金次郎の像) is not someone in the company.

The rules live in trade_names.py, customers.py and names.py; words.py holds the word classes they share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .customers import customers, named_companies
from .kinds import Kind
from .language import analyse
from .names import chinese_names, full_names, reading_names, romanised_names
from .trade_names import facility_names, quoted_names, trade_names

Found = tuple[Kind, int, int]


def proper(text: str) -> Iterator[Found]:
    """Trade names, named customers and personal names in normalised text (see the module docstring)."""
    yield from quoted_names(text)
    if re.search("[A-Z]", text):
        yield from romanised_names(text)
    tokens = analyse(text)
    if not tokens:
        return
    yield from customers(text, tokens)
    yield from named_companies(text, tokens)
    yield from trade_names(text, tokens)
    yield from facility_names(text, tokens)
    yield from full_names(tokens, text)
    yield from reading_names(text, tokens)
    yield from chinese_names(text, tokens)
