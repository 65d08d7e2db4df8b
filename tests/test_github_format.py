"""`validate --format github`: annotations a contributor's text can never forge."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.models import Meeting

from .conftest import CHALLENGE, MEETING, replace


def test_exact_annotations_for_hostile_text(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace(valid_root, MEETING, "capacity: 30", 'capacity: 30\n"x%0A\\n::error file=evil.yml::forged": 1')
    replace(valid_root, CHALLENGE, "employees: 21-50", "employees: 30")
    assert main(["validate", str(valid_root), "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    annotations = [line for line in out if line.startswith("::")]
    fields = ", ".join(Meeting.model_fields)  # the message lists the model's fields, in order
    assert annotations == [
        "::error file=regions/kanto/institutions/minato-shinkin/challenges/precision-parts.yml,line=6,col=12,title=S109::"
        "「従業員規模（employees）」 は正確な人数ではなく幅で書きます。30名なら「21-50」です（選べる値: 1-5、6-20、21-50、51-100、101-300、301-）"
        " ('employees' takes a band, not a count; for 30 write '21-50')",
        "::error file=regions/kanto/institutions/minato-shinkin/meetings/2026-12-10.yml,line=17,col=1,title=S103::"
        f"「x%250A%0A::error file=evil.yml::forged」という項目はありません。使える項目: {fields}"
        f" (unknown field 'x%250A%0A::error file=evil.yml::forged'; allowed: {fields})",
    ]
    # The plain list follows for the log (Actions shows only 10 annotations per step); none of it is a command.
    plain = [line for line in out if not line.startswith("::")]
    assert len(plain) == 2 and all(line.startswith("regions/") for line in plain)
    assert "\\n::error file=evil.yml::forged" in plain[1]


def test_properties_are_escaped() -> None:
    from generator.diagnostics import Diagnostic, format_github

    line = format_github([Diagnostic("regions/a,b:c.yml", 1, 2, "X1", "日本語", "en")]).splitlines()[0]
    assert line == "::error file=regions/a%2Cb%3Ac.yml,line=1,col=2,title=X1::日本語 (en)"


def test_annotations_only_on_touched_files_with_a_summary() -> None:
    from generator.diagnostics import Diagnostic, format_github

    own = Diagnostic("regions/a/meetings/x.yml", 3, 1, "Y022", "字下げ", "indent")
    follow = Diagnostic("regions/a/challenges/y.yml", 1, 10, "X313", "先に x を直す", "fix x first",
                        cause="regions/a/meetings/x.yml")
    out = format_github([own, follow], frozenset({"regions/a/meetings/x.yml"})).splitlines()
    annotations = [line for line in out if line.startswith("::")]
    assert annotations[0].startswith("::error file=regions/a/meetings/x.yml,line=3,col=1,title=Y022::")
    assert len(annotations) == 2 and annotations[1].startswith("::notice title=ほかのファイル::")
    assert "変更していないファイル 1 件にも 1 件の指摘があります" in annotations[1]
    assert any(line.startswith("regions/a/challenges/y.yml:1:10") for line in out)  # still in the log
