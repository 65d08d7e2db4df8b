"""render/pages.py: relative links between planned URLs, computed without the file system."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from generator.render.pages import relative

segment = st.sampled_from(["kanto", "kinki", "minatodai-shinkin", "meetings", "2026-12-10", "veterans", "2", "a"])
url = st.lists(segment, max_size=5).map(lambda parts: "".join(p + "/" for p in parts))


@given(url, url)
def test_relative_link_is_what_the_path_arithmetic_gives(here: str, there: str) -> None:
    rel = posixpath.relpath(there.rstrip("/") or ".", here.rstrip("/") or ".")
    assert relative(here, there) == ("./" if rel == "." else rel + "/")
    # Followed from `here`, the link lands on `there`.
    assert posixpath.normpath(posixpath.join("/" + here, relative(here, there))) == posixpath.normpath("/" + there)


def test_examples() -> None:
    assert relative("", "") == "./"
    assert relative("kanto/", "") == "../"
    assert relative("kanto/minatodai-shinkin/meetings/2026-12-10/", "kanto/veterans/") == "../../../veterans/"
    assert relative("", "kanto/veterans/2/") == "kanto/veterans/2/"
