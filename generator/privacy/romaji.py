"""Whether a Latin word reads as romanised Japanese (Tanaka, Kenji, Shoten), not English (Smith, Design).

Used for romanised names (Kenji Tanaka, TANAKA Kenji) and brands (KATO FOODS):
a capitalised pair of English words is a title or a subject far more often
than a person, while a pair of romaji words is nearly always a name.
"""

from __future__ import annotations

import re

# Hepburn syllables (with the Kunrei and wāpuro spellings staff use), a doubled
# consonant, a long vowel written "h" or doubled, and the moraic n.
_ROMAJI = re.compile(
    r"(?:(?:kk|ss|tt|pp|cch|tch)?(?:ky|gy|sh|sy|ch|ty|zy|jy|ny|hy|by|py|my|ry|ts|[kgsztdnhbpmyrwfjv])?[aiueo]h?|n(?![aiueoy]))+",
    re.I,
)
# English words that happen to be spelt in Japanese syllables.
_ENGLISH = frozenset("""
    hire sake made name same game home hope note more make take some come tone bone zone wine mine fine line nine time
    rose wise side wide ride hide tide ten men hen pen den many money honey tree free sea see bee tea pie tie die
    into unto mono piano radio video data media area idea opera sofa pizza manga anime karate tofu sushi judo
    open omen amen token women human woman japan tokyo osaka kyoto kobe nagoya yokohama sapporo fukuoka
    avenue size rise base case care cure pure sure rare fare ware gate kite mute cute tube cube dune tune june wake bake
    cake lake rake tape cape shape shine shade nose rope hose pose dose mode code
""".split())


def romaji_word(word: str) -> bool:
    """A word of at least 4 letters made only of Japanese syllables (Kato counts: 4 letters)."""
    return len(word) >= 4 and word.lower() not in _ENGLISH and _ROMAJI.fullmatch(word) is not None
