"""The accessibility page's test results, printed from content/accessibility-results.yml.

The policy text is editorial (content/accessibility.md); where it says ``<!-- kk:test-results -->`` the
plan puts the results table, escaped here, so the page always shows the file the build read.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from ..a11y_results import A11yResults
from ..formatting import jp_date

MARKER = "<!-- kk:test-results -->"

# JIS X 8341-3:2016 対応度: 「準拠」 and 「一部準拠」 need every success criterion tested (people, not only
# tools); these results are from tools only, so the most a page type can be said to have is 「配慮」.
AUTOMATED_ONLY = "配慮"


def results_html(results: A11yResults | None) -> str:
    """The results as an HTML block for the Markdown page (blank lines around it keep it raw HTML)."""
    if results is None:
        return "\n<p>試験結果はまだありません。</p>\n"
    day = jp_date(date.fromisoformat(results.tested_on))
    widths = "・".join(f"{w} px" for w in results.widths)
    rows = []
    for r in results.pages:
        axe = "違反なし" if r.axe_violations == 0 else f"違反 {r.axe_violations} 件"
        html = "誤りなし" if r.html_errors == 0 else f"誤り {r.html_errors} 件"
        rows.append(Markup("<tr><th scope=\"row\" class=\"kk-table__key\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>")
                    .format(r.name, AUTOMATED_ONLY, axe, html))
    passed = sum(1 for r in results.pages if r.axe_violations == 0 and r.html_errors == 0)
    summary = Markup(
        "<ul class=\"kk-test-facts\" data-pagefind-ignore=\"all\"><li>試験日: {}</li><li>試験した画面の幅: {}</li>"
        "<li>道具: axe-core {}（{}）、Nu Html Checker {}</li>"
        "<li>結果: {} 種類のページのうち {} 種類で、自動試験の問題なし</li></ul>"
    ).format(day, widths, results.axe_core, results.browser, results.nu_html_checker, len(results.pages), passed)
    table = Markup(
        "<div class=\"kk-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"ページの種類ごとの試験結果の表（横にスクロールできます）\" data-pagefind-ignore=\"all\">"
        "<table class=\"kk-table kk-table--key\"><caption>ページの種類ごとの試験結果（{}）</caption>"
        "<thead><tr><th scope=\"col\">ページの種類</th><th scope=\"col\">対応度</th><th scope=\"col\">axe-core</th>"
        "<th scope=\"col\">HTML（Nu Html Checker）</th></tr></thead><tbody>{}</tbody></table></div>"
    ).format(day, Markup("").join(rows))
    return f"\n{summary}\n\n{table}\n"


def with_results(markdown: str, results: A11yResults | None) -> str:
    """The page's Markdown with the results where the marker is (appended when the marker is missing)."""
    block = results_html(results)
    return markdown.replace(MARKER, block) if MARKER in markdown else markdown + "\n" + block


__all__ = ["MARKER", "results_html", "with_results"]
