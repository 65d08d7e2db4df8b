"""The kinds of identifying text, their diagnostic codes and what a contributor should do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class KindInfo:
    code: str
    corpus: str  # class name in tests/privacy_corpus
    ja: str  # what it is, in a sentence: 「電話番号「…」」
    en: str
    fix_ja: str
    fix_en: str


class Kind(Enum):
    PHONE = KindInfo("P501", "phone", "電話・FAX番号", "phone or fax number",
                     "削除してください（連絡は機関の窓口か申込フォームで受けます）",
                     "delete it (contact goes through the institution or a form)")
    EMAIL = KindInfo("P502", "email", "メールアドレス", "e-mail address",
                     "削除してください（連絡は機関の窓口か申込フォームで受けます）",
                     "delete it (contact goes through the institution or a form)")
    URL = KindInfo("P503", "url", "URL・ドメイン名", "URL or domain name",
                   "会社のサイトがわかると会社が特定されます。削除してください",
                   "a company's site identifies it; delete it")
    POSTAL = KindInfo("P504", "postal", "郵便番号", "postal code",
                      "削除してください（所在地は都道府県・市区町村まで）",
                      "delete it (give the location down to the city at most)")
    ADDRESS = KindInfo("P505", "address", "住所", "street address",
                       "番地を消し、所在地は「横浜市内」「県北部」くらいまでにしてください",
                       "drop the street and number; say no more than 'in Yokohama' or 'northern part of the prefecture'")
    CORPORATE_NUMBER = KindInfo("P506", "corporate_number", "法人番号", "corporate number",
                                "削除してください", "delete it")
    COMPANY = KindInfo("P507", "company_name", "会社・法人の名前", "company name",
                       "「金属加工の会社」のように業種で書いてください",
                       "describe the company by its trade instead")
    PERSON = KindInfo("P508", "person_name", "人名", "personal name",
                      "「社長」「担当者」のように役職だけで書いてください",
                      "write the role only, without the name")
    HANDLE = KindInfo("P509", "handle", "SNS のアカウント名", "social-media handle",
                      "削除してください", "delete it")
    BANK_ACCOUNT = KindInfo("P511", "bank_account", "口座番号", "bank account number",
                            "削除してください（振込先は公開しません）", "delete it (bank details are never published)")
    MY_NUMBER = KindInfo("P512", "my_number", "マイナンバー（個人番号）", "My Number (individual number)",
                         "すぐに削除してください（法律で利用が制限された番号です）",
                         "delete it at once (its use is restricted by law)")
    VEHICLE_PLATE = KindInfo("P513", "vehicle_plate", "車のナンバー", "vehicle licence plate",
                             "削除してください", "delete it")
    BIRTH_DATE = KindInfo("P514", "birth_date", "生年月日", "date of birth",
                          "「60代」「昭和30年代生まれ」のように幅で書いてください",
                          "give an age range instead (e.g. 'in his sixties')")

    @property
    def info(self) -> KindInfo:
        return self.value

    @property
    def code(self) -> str:
        return self.value.code


BY_CORPUS_CLASS = {k.info.corpus: k for k in Kind}

# Codes of the other privacy diagnostics (not text kinds).
PREFILL = "P510"
REIDENT = "P520"
UNIQUE = "P521"  # a distinctive detail in a challenge few others share prefecture, industry and size with
ALLOW_FILE = "P530"
ALLOW_UNUSED = "P531"
