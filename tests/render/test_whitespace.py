"""render/whitespace.py: pages lose their templates' indentation, never a word boundary or a <pre>'s text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.privacy.html_text import extract
from generator.render.whitespace import compact

piece = st.sampled_from(["<p>", "</p>", "<a href='x'>", "</a>", "語", "word", " ", "\n", "  ", "\t", "\n\n    ", "<br>"])


@given(st.lists(piece, max_size=30).map("".join))
def test_the_text_a_reader_sees_is_unchanged(html: str) -> None:
    # Browsers collapse every run of spaces, tabs and line breaks to one space: compare what they show.
    shown = re.sub(r"\s+", " ", html)
    assert re.sub(r"\s+", " ", compact(html)) == shown


def test_pre_textarea_script_and_style_keep_their_whitespace() -> None:
    html = ("<div>\n    <pre>\n  a\n\n    b</pre>\n  <textarea>\n x\n</textarea>\n"
            "  <script>\n  var s = 1;\n</script>\n  <STYLE>\n a { }\n</STYLE>\n\n  <p>\n   end</p>")
    out = compact(html)
    for kept in ("<pre>\n  a\n\n    b</pre>", "<textarea>\n x\n</textarea>", "<script>\n  var s = 1;\n</script>",
                 "<STYLE>\n a { }\n</STYLE>"):
        assert kept in out
    assert "<p>\nend</p>" in out and "\n\n  <p>" not in out


def test_built_pages_carry_no_indentation_and_read_the_same(demo_site: Path) -> None:
    page = (demo_site / "kanto" / "minatodai-shinkin" / "index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|script|style|textarea)\b.*?</\1>", "X", page, flags=re.S)
    assert not re.search(r"\n[ \t]", outside) and "\n\n" not in outside
    assert "みなと台信用金庫" in " ".join(extract(page).lines)
