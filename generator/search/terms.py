"""The words a visitor may type for a record, as canonical terms and search tokens.

Pure: text in, terms out (SudachiPy reads the text; no files are written).

Why tokens: Pagefind's indexer (charabia) and the browser (`Intl.Segmenter`) cut
Japanese differently, and kanji-only blocks are cut per character, so a compound
typed by a visitor (人手不足, 製造業) often misses the page that holds it. Instead of
hoping the two segmenters agree, every record carries, in a hidden block, one
opaque ASCII token per term it contains (``kk`` + 7 letters, a hash of the term).
The search page maps what the visitor typed to terms through a dictionary built
from the same terms (``dictionary.py``) and asks Pagefind for the tokens: an
ASCII word is indexed and looked up whole by both sides.

A term is the folded form (NFKC, lower case, katakana as hiragana) of a word as
SudachiPy cuts it in both its short (A) and long (C) units, so 製造業 gives
製造業, 製造 and 業; verbs and adjectives count by their dictionary form.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..cores import no_collector
from ..sudachi import pos_of, tokenizer

TOKEN_PREFIX = "kk"
TOKEN_LETTERS = 7
TOKEN_RE = re.compile(r"\bkk[a-z]{7}\b")
MENTION = "^"  # a term a record only mentions (a meeting's challenges' categories): found, ranked after the rest
PLACE = "@"  # a place term's token is token("@" + term): place words match where a record *is*, not a passing mention
FIELD = "="  # a field label's token is token("=" + label): only records labelled with the field (the meaning layer)
PORTAL = "%"  # token("%" + portal id): every record a portal lists carries it; a portal's search asks for it with each word

# Parts of speech that carry meaning for search; particles, auxiliaries and symbols do not.
NOUNS = ("名詞", "接尾辞", "形状詞", "代名詞")
PREDICATES = ("動詞", "形容詞")
# Verbs so common they only say "there is / do / become": never a search word on their own.
FUNCTION_VERBS = frozenset({"する", "いる", "ある", "なる", "できる", "れる", "られる", "おる", "くる", "いく",
                            "いう", "もらう", "くれる", "しまう", "おく", "みる", "ない", "よい", "いい", "思う"})
CITY = re.compile(r"^.+?[市郡]")
LABEL_SPLIT = re.compile(r"[，,・、／/（）()\s]+")
# Letters and digits written together (5S, ISO9001, B2B, 3PL, CO2): SudachiPy cuts them apart
# and drops the number, so they are also kept whole, as people type them.
ALNUM = re.compile(r"[0-9a-z]+(?:[&+][0-9a-z]+)*")


_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヶ") + 1)}
_HIRAGANA_TO_KATAKANA = {hira: kata for kata, hira in _KATAKANA_TO_HIRAGANA.items()}


def katakana(text: str) -> str:
    """Hiragana back as katakana (a folded term read again by SudachiPy, which knows loanwords in katakana)."""
    return text.translate(_HIRAGANA_TO_KATAKANA)


def fold(text: str) -> str:
    """NFKC, lower case, katakana → hiragana: the form every key and query is compared in."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_KATAKANA_TO_HIRAGANA)


# A word's pieces (surfaces, readings, forms) repeat across records: at nation size analyse() folds millions of
# them, mostly the same few hundred thousand strings.
_fold_piece = lru_cache(maxsize=300_000)(fold)


@lru_cache(maxsize=200_000)
def token(term: str) -> str:
    """The ASCII word that stands for a term in the index: fixed length, so no token is a prefix of another."""
    n = int.from_bytes(hashlib.sha1(term.encode("utf-8")).digest()[:8], "big")
    letters = []
    for _ in range(TOKEN_LETTERS):
        n, r = divmod(n, 26)
        letters.append(chr(97 + r))
    return TOKEN_PREFIX + "".join(letters)


def is_kana(text: str) -> bool:
    return bool(text) and all("ぁ" <= ch <= "ゖ" or ch == "ー" for ch in text)


def is_kanji(text: str) -> bool:
    return bool(text) and all("一" <= ch <= "鿿" or ch == "々" for ch in text)


@dataclass(frozen=True)
class Word:
    term: str  # folded surface or dictionary form
    reading: str  # folded reading (hiragana), "" when the same as the term
    kind: str  # "n" noun-like, "v" verb or adjective
    stem: str = ""  # a predicate's form without its trailing kana (売る → 売), for typed inflections


_tokenizer = tokenizer  # the process's one analyser (generator/sudachi.py); modes are passed per call


def _modes() -> tuple[Any, Any]:
    from sudachipy import tokenizer

    return tokenizer.Tokenizer.SplitMode.A, tokenizer.Tokenizer.SplitMode.C


def stem_of(form: str) -> str:
    i = len(form)
    while i > 0 and is_kana(form[i - 1]):
        i -= 1
    return form[:i]


# Analyses worked out ahead by prime(), in worker processes; analyse() looks here first.
_PRIMED: dict[str, tuple[Word, ...]] = {}
_TODO: list[str] = []  # the texts prime() hands to its workers (inherited by fork, not sent)
PRIME_MIN = 5_000  # texts: fewer are analysed faster here than a pool of processes starts


def analyse(text: str) -> tuple[Word, ...]:
    """Every meaningful word of a text, in short and long units, once each."""
    primed = _PRIMED.get(text)
    return primed if primed is not None else _analyse(text)


def prime(texts: Iterable[str], workers: int, minimum: int = PRIME_MIN) -> None:
    """Analyse many texts at once in `workers` forked processes, for analyse() to return until unprime().

    The plan analyses every record's texts (nation: ~180,000) for the search tokens, in one process, while the
    other cores wait: about half the plan stage. The workers give back plain tuples; each distinct Word is
    made once here and shared, as analyse()'s own results would be."""
    global _TODO
    todo = [t for t in dict.fromkeys(texts) if t and t not in _PRIMED]
    if workers < 2 or len(todo) < minimum:
        return
    import multiprocessing

    _TODO = todo
    step = max(500, len(todo) // (workers * 8))
    starts = range(0, len(todo), step)
    made: dict[tuple[str, str, str, str], Word] = {}
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=no_collector) as pool:
            for start, rows in zip(starts, pool.imap(_analyse_range, [(a, a + step) for a in starts]), strict=True):
                for text, row in zip(todo[start:start + step], rows, strict=True):
                    _PRIMED[text] = tuple(made.get(w) or made.setdefault(w, Word(*w)) for w in row)
    except OSError:  # no processes to be had: analyse() works each text out when asked, as without prime()
        pass
    finally:
        _TODO = []


def unprime() -> None:
    _PRIMED.clear()


def _analyse_range(span: tuple[int, int]) -> list[list[tuple[str, str, str, str]]]:
    return [[(w.term, w.reading, w.kind, w.stem) for w in _analyse(t)] for t in _TODO[span[0]:span[1]]]


@lru_cache(maxsize=20_000)
def _analyse(text: str) -> tuple[Word, ...]:
    text = unicodedata.normalize("NFKC", text)
    words: dict[tuple[str, str], Word] = {}
    tok = _tokenizer()
    short, long = _modes()
    fold_piece = _fold_piece
    for mode in (short, long):
        morphs = list(tok.tokenize(text, mode))
        if mode == long:
            _compounds(morphs, words)
        for i, m in enumerate(morphs):
            pos = pos_of(m)
            surface = fold_piece(m.surface())
            if not surface.strip():
                continue
            if pos[1] == "数詞" and i + 1 < len(morphs):
                after = morphs[i + 1]
                if after.surface() == "月":
                    words[("n", surface + "月")] = Word(surface + "月", "", "n")  # 1月, 12月: months people type
                    continue
                counted = _counted(surface, after)
                if counted:  # 7階, 40名, 73.3%: a floor, a capacity, a rate staff and promoters type whole
                    words.setdefault(("n", counted), Word(counted, "", "n"))
                continue
            if pos[0] in NOUNS:
                if pos[1] == "数詞":
                    continue
                if ("n", surface) not in words:
                    reading = fold_piece(m.reading_form())
                    words[("n", surface)] = Word(surface, reading if reading != surface else "", "n")
                norm = fold_piece(m.normalized_form())
                if norm != surface and not is_kana(norm):  # 引越し → 引っ越し; not 林檎 for りんご
                    words.setdefault(("n", norm), Word(norm, "", "n"))
            elif pos[0] in PREDICATES:
                lemma = fold_piece(m.dictionary_form())
                if lemma in FUNCTION_VERBS or is_kana(lemma):
                    continue
                words.setdefault(("v", lemma), Word(lemma, "", "v", stem_of(lemma)))
    for run in ALNUM.findall(fold(text)):
        if re.search(r"[a-z]", run) and re.search(r"[0-9&+]", run):
            words.setdefault(("n", run), Word(run, "", "n"))
    return tuple(words.values())


# Counters of what staff and promoters type with a number: a venue's floor, a head count, a company count, a rate,
# a price. Not dates and times (a meeting's day is a term of its own: records.meeting_labels), nor 回 (第10回 is a
# label too): every such term lengthens its page's index entry and shifts the ranking of the words it shares.
COUNTERS = frozenset(("階", "名", "人", "社", "%", "円"))


def _counted(number: str, after: Any) -> str:
    """A number with the counter after it as one term (7 + 階 → 7階, 1,000 + 円 → 1000円), or ""."""
    counter = _fold_piece(after.surface())
    if counter not in COUNTERS:
        return ""
    digits = number.replace(",", "")
    return digits + counter if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", digits) else ""


def _compounds(morphs: list[Any], words: dict[tuple[str, str], Word]) -> None:
    """Adjacent nouns joined (事業+承継 → 事業承継, 倉庫+管理 → 倉庫管理): the compounds people type whole."""
    run: list[Any] = []
    for m in [*morphs, None]:
        pos = pos_of(m) if m is not None else ("",)
        if m is not None and pos[0] in ("名詞", "接尾辞") and pos[1] != "数詞" and not is_kana(_fold_piece(m.surface())):
            run.append(m)
            continue
        for size in (2, 3):
            for k in range(len(run) - size + 1):
                part = run[k:k + size]
                term = _fold_piece("".join(x.surface() for x in part))
                if ("n", term) not in words:
                    reading = _fold_piece("".join(x.reading_form() for x in part))
                    words[("n", term)] = Word(term, reading if is_kana(reading) else "", "n")
        run = []


@lru_cache(maxsize=100_000)
def parts_of(term: str) -> tuple[str, ...]:
    """The short-unit nouns of a compound (金属加工 → 金属, 加工); () unless it has two or more, none a single
    character (製造業 is not 製造 + 業: the 業 matters)."""
    from sudachipy import tokenizer as modes

    morphs = _tokenizer().tokenize(unicodedata.normalize("NFKC", term), modes.Tokenizer.SplitMode.A)
    parts = [fold(m.surface()) for m in morphs if m.part_of_speech()[0] in NOUNS and m.part_of_speech()[1] != "数詞"]
    kept = tuple(p for p in parts if len(p) >= 2)
    return kept if len(kept) >= 2 and len(kept) == len(parts) else ()


def label_terms(label: str) -> list[str]:
    """A controlled-vocabulary label as terms: the whole label and each of its parts (DX・IT化 → dx・it化, dx, it化)."""
    whole = fold(label)
    parts = [p for p in LABEL_SPLIT.split(whole) if p]
    return list(dict.fromkeys([whole, *parts]))


@lru_cache(maxsize=100_000)
def reading_of(term: str) -> str:
    """The folded reading of a term read as a whole (事業承継 → じぎょうしょうけい), "" when unknown."""
    morphs = list(_tokenizer().tokenize(unicodedata.normalize("NFKC", term), _modes()[1]))
    reading = fold("".join(m.reading_form() for m in morphs))
    return reading if is_kana(reading) and reading != term else ""


def place_terms(places: Iterable[str]) -> list[str]:
    """Place labels as terms: 神奈川県 → 神奈川県, 神奈川; 横浜市中区 → 横浜市中区, 横浜, 中区 …"""
    out: list[str] = []
    for place in places:
        if not place:
            continue
        out.append(fold(place))
        city = CITY.match(place)
        if city and city.group(0) != place:
            out.append(fold(city.group(0)))  # 横浜市中区 → 横浜市
        out.extend(w.term for w in analyse(place) if w.kind == "n" and len(w.term) >= 2)
    return list(dict.fromkeys(out))


def record_terms(texts: Iterable[str], labels: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(terms of the record's own labels, every other term), each sorted and distinct.

    Labels (region, prefecture, industry, categories, organisers, format, month) are
    kept apart so the page can repeat their tokens: a record *about* 製造業 should rank
    above one that mentions it once.
    """
    own: set[str] = set()
    for label in labels:
        if label:
            own.update(label_terms(label))
            own.update(w.term for w in analyse(label))
    rest: set[str] = set()
    for text in texts:
        if text:
            rest.update(w.term for w in analyse(text))
    return tuple(sorted(own)), tuple(sorted(rest - own))


def words_of(texts: Iterable[str], labels: Iterable[str]) -> list[Word]:
    """Every Word of a record (labels included), for the dictionary."""
    out: list[Word] = []
    for label in labels:
        if label:
            out.extend(Word(t, reading_of(t), "n") for t in label_terms(label))
            out.extend(analyse(label))
    for text in texts:
        if text:
            out.extend(analyse(text))
    return out
