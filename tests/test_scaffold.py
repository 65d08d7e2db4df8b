"""Templates and `koryukai new`: the files staff start from are valid and in the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.loader import parse
from generator.models import MODELS
from generator.scaffold import TEMPLATE_DIR, template
from generator.validate import load_dataset

from .conftest import REPO


def test_committed_templates_are_current() -> None:
    stale = [k for k in MODELS if (REPO / TEMPLATE_DIR / f"{k}.yml").read_text(encoding="utf-8") != template(k)]
    assert stale == [], "run `koryukai templates` and commit templates/"


@pytest.mark.parametrize("kind", list(MODELS))
def test_template_as_written_passes_its_model(kind: str) -> None:
    loaded, problems = parse(template(kind), f"templates/{kind}.yml")
    assert problems == [] and loaded is not None
    MODELS[kind].model_validate(loaded.data)


def test_template_explains_every_field_in_japanese() -> None:
    text = template("meeting")
    for name, field in MODELS["meeting"].model_fields.items():
        assert f"# {field.title}（" in text, name
        assert f"{name}:" in text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_meeting_lands_in_place_and_asks_for_real_content(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "new", "meeting", "--root", str(valid_root), "--institution", "kanto/minato-shinkin",
                         "--date", "2027-01-20", "--title", "第13回 みなと台新現役交流会", "--no-input")
    assert code == 0, err
    rel = out.strip()
    assert rel == "regions/kanto/institutions/minato-shinkin/meetings/2027-01-20.yml"
    text = (valid_root / rel).read_text(encoding="utf-8")
    assert "title: 第13回 みなと台新現役交流会" in text and "deadline: 2027-01-13" in text
    # Left as generated, every example (venue, organiser, text) and the placeholder form are refused.
    _, found = load_dataset(valid_root)
    assert {d.code for d in found} == {"X330"} and {d.path for d in found} == {rel}
    named = sorted(d.message_ja.split("」", 1)[0].lstrip("「") for d in found if "ひな形の例のままです" in d.message_ja)
    assert named == ["description", "organisers.0.name", "venue.access", "venue.address", "venue.city", "venue.name"]
    assert any("XXXX" in d.message_ja for d in found)
    # Rewriting only the title, the form and the text is not enough: another bank's venue would be published.
    path = valid_root / rel
    path.write_text(text.replace("（例）地域の中小企業5社が課題を発表します。", "新春の交流会です。")
                    .replace("/XXXX/", "/abc123/"), encoding="utf-8")
    _, found = load_dataset(valid_root)
    assert len(found) == 5 and all(d.code == "X330" for d in found)
    line = next(d for d in found if "venue.name" in d.message_ja)
    assert text.splitlines()[line.line - 1].strip().startswith("name: （例）")
    # Once every example is rewritten, the file passes.
    path.write_text(path.read_text(encoding="utf-8").replace("（例）", ""), encoding="utf-8")
    dataset, found = load_dataset(valid_root)
    assert [d.text() for d in found] == [] and dataset is not None


def test_new_challenge_veteran_and_institution(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "new", "challenge", "--root", str(valid_root), "--institution", "kanto/minato-shinkin",
               "--id", "new-challenge", "--meeting", "2026-12-10", "--no-input")[0] == 0
    assert run(capsys, "new", "veteran", "--root", str(valid_root), "--region", "kanto", "--id", "new-veteran", "--no-input")[0] == 0
    assert run(capsys, "new", "institution", "--root", str(valid_root), "--region", "kanto", "--id", "new-bank",
               "--name", "あたらし銀行", "--no-input")[0] == 0
    _dataset, found = load_dataset(valid_root)
    assert sorted({(d.path.rsplit("/", 1)[1], d.code) for d in found}) == [
        ("institution.yml", "X330"), ("new-challenge.yml", "X320"), ("new-challenge.yml", "X330"),
        ("new-veteran.yml", "X320"), ("new-veteran.yml", "X330"),
    ]
    challenge = (valid_root / "regions/kanto/institutions/minato-shinkin/challenges/new-challenge.yml").read_text(encoding="utf-8")
    assert "\nmeeting: 2026-12-10\n" in challenge and "\n# consent_date:" in challenge  # consent never pre-filled


def test_new_refuses_existing_files_and_bad_ids(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new", "meeting", "--root", str(valid_root), "--institution", "kanto/minato-shinkin",
                       "--date", "2026-12-10", "--no-input")
    assert code == 1 and "すでにあります" in err
    code, _, err = run(capsys, "new", "veteran", "--root", str(valid_root), "--region", "kanto", "--id", "Yamada_San", "--no-input")
    assert code == 1 and "半角の小文字英数字とハイフン" in err
    code, _, err = run(capsys, "new", "meeting", "--root", str(valid_root), "--institution", "kanto/nowhere",
                       "--date", "2026-12-10", "--no-input")
    assert code == 1 and "機関「kanto/nowhere」がありません" in err
    code, _, err = run(capsys, "new", "meeting", "--root", str(valid_root), "--institution", "kanto/minato-shinkin",
                       "--date", "2026-02-30", "--no-input")
    assert code == 1 and "開催日は 2026-12-10 の形で" in err
    code, _, err = run(capsys, "new", "meeting", "--root", str(valid_root), "--no-input")
    assert code == 2 and "--institution" in err


def test_new_asks_in_japanese_when_run_in_a_terminal(valid_root: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["kanto", "interactive-vet"])
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    code, out, _ = run(capsys, "new", "veteran", "--root", str(valid_root))
    assert code == 0 and out.strip() == "regions/kanto/veterans/interactive-vet.yml"
    assert asked == ["地域 ID（例: kanto）: ", "新現役 ID（半角英小文字、例: overseas-sales）: "]
