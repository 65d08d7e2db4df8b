"""守秘義務: the confidentiality check on contributor text and on built pages.

Two lines of defence:

* check.py — first line, run by ``koryukai validate``: every free-text field of
  challenges, veterans, meetings and the institutions' and regions' own
  introductions, plus form URLs (P510) and re-identification warnings (P520);
* built.py — second line, run by ``koryukai build`` after rendering: the HTML
  (and any JSON export) a visitor and the search index would get. A finding
  here stops publishing, so a template or a hole in the first line cannot leak.

The pieces: normalise.py (NFKC + dashes, with a map back to what was typed),
patterns.py (the detectors), person.py (personal names), chars.py,
surnames.py (data), scan.py (text → findings), numbers.py (labelled numbers:
accounts, マイナンバー, plates, birth dates), language.py (the Japanese
analyser, SudachiPy), proper.py with trade_names.py, customers.py, names.py
and words.py (names with no fixed shape), romaji.py, uniqueness.py (P521,
k-anonymity across the dataset),
kinds.py (codes and messages), public.py (what may stand: the institutions'
own contact details, venues, co-hosts), allow.py (reviewed exceptions in
regions/privacy-allow.yml), locate.py (line and column inside a value),
prefill.py, reident.py, html_text.py, and measure.py
(``python -m generator.privacy.measure``: recall and false positives on
tests/privacy_corpus).
"""
