"""The learned net: its features, its model, its training, the shipped weights and how the detector uses it."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from noticekit.classify import MaterialConfig
from noticekit.classify.labelled import digest, edit_diff, load_edits
from noticekit.classify.learned import (
    RULES_FIRED,
    Example,
    Model,
    change_features,
    likely_category,
    shipped_model,
    stem,
    train,
)
from noticekit.classify.sentences import normalise
from tests.unit.classify.helpers import findings_for

ROOT = Path(__file__).resolve().parents[3]
detect_module = importlib.import_module("noticekit.classify.detect")

USES = "We use your answers to recommend courses."
DECIDING = f"{USES} The same answers decide, without anyone checking, which tutor you get."


def features(old: str, new: str, reviewed: bool = False) -> dict[str, float]:
    return change_features(normalise(old), normalise(new), reviewed)


def test_stem_folds_common_endings_but_leaves_short_words():
    assert {stem("shares"), stem("shared"), stem("sharing")} == {"shar"}
    assert stem("uses") == "uses" and stem("data") == "data" and stem("only") == "only"


def test_features_name_what_went_in_and_out_and_what_stayed():
    f = features("We keep your data for two years.", "We keep your data for five years and share it.")
    assert {"+five", "+and", "+share", "+five_and", "+and_share", "-two"} <= f.keys()
    assert "+two" not in f and "-five" not in f
    assert f["c:keep"] == pytest.approx(0.3) and f["+share"] == 1.0  # context weighs less than the edit
    assert f["nins:3"] == 1.0 and f["ndel:1"] == 1.0  # four words in, one out
    assert "t:review" not in f
    assert features("a", "a b", reviewed=True)["t:review"] == 1.0


def test_score_is_a_probability_that_rises_with_the_weights():
    model = Model(bias=-1.0, weights={"+score": 3.0, "+encrypt": -2.0}, threshold=0.5)
    assert model.score({}) == pytest.approx(0.2689, abs=1e-4)
    assert model.score({"+score": 1.0}) > 0.5 > model.score({"+encrypt": 1.0})
    assert 0.0 < model.score({"+score": 1e6}) <= 1.0 and 0.0 <= model.score({"+encrypt": 1e6}) < 1.0


def test_reasons_are_content_words_that_pushed_the_score_up():
    model = Model(0.0, {"+score": 3.0, "+with": 4.0, "-never": 2.0, "+encrypt": -1.0, "+score_how": 5.0}, 0.5)
    f = {"+score": 1.0, "+with": 1.0, "-never": 1.0, "+encrypt": 1.0, "+score_how": 1.0, "c:score": 0.3}
    assert model.reasons(f) == ["+score", "-never"]


def test_model_round_trips_through_json():
    model = Model(-1.5, {"+sell": 2.0, "-not": 1.25}, 0.2, {"edits": 3})
    assert Model.from_json(json.loads(json.dumps(model.to_json()))) == model


def _toy(material_word: str, harmless_word: str, copies: int = 6) -> list[Example]:
    return [Example({f"+{material_word}": 1.0, "nins:1": 1.0}, True) for _ in range(copies)] + [
        Example({f"+{harmless_word}": 1.0, "nins:1": 1.0}, False) for _ in range(copies)
    ]


def test_training_learns_both_directions_and_is_deterministic():
    examples = [*_toy("sell", "encrypt"), Example({"+once": 1.0}, True)]
    model = train(examples)
    assert model.weights["+sell"] > 0 > model.weights["+encrypt"]
    assert model.score({"+sell": 1.0, "nins:1": 1.0}) > 0.5 > model.score({"+encrypt": 1.0, "nins:1": 1.0})
    assert "+once" not in model.weights  # seen in one edit only: says nothing about the next author
    assert train(examples) == model
    assert train(_toy("encrypt", "sell")).weights["+sell"] < 0  # labels flipped, weights flipped


def test_likely_category_prefers_the_review_then_the_sentence_then_the_section():
    assert likely_category(frozenset({"data"}), frozenset(), "negation_removed") == "negation_removed"
    assert likely_category(frozenset({"data", "children"}), frozenset({"rights"}), "new_purpose") == "children"
    assert likely_category(frozenset(), frozenset({"retention"})) == "longer_retention"
    assert likely_category(frozenset(), frozenset()) == "new_purpose"


@pytest.fixture
def toy_model(monkeypatch):
    """A model that flags exactly the changes adding "decide", in place of the shipped one."""
    model = Model(bias=-3.0, weights={"+decide": 6.0}, threshold=0.5)
    monkeypatch.setattr(detect_module, "shipped_model", lambda: model)
    return model


def test_the_net_flags_a_change_no_rule_explained(toy_model):
    assert findings_for(USES, DECIDING, MaterialConfig(learned=False)) == []
    (finding,) = findings_for(USES, DECIDING, MaterialConfig())
    assert finding.rule == "learned"
    assert finding.category in {"new_purpose", "new_data_category"}
    assert finding.message.startswith("Worth a review: ")
    assert "score 0.9" in finding.message and "which tutor you get" in finding.after
    assert findings_for(USES, DECIDING.replace("decide", "settle"), MaterialConfig()) == []


def test_the_net_never_speaks_where_a_rule_did(toy_model):
    old = "We do not sell your data."
    new = "We may sell your data, and the same answers decide which tutor you get."
    ruled = findings_for(old, new, MaterialConfig(learned=False))
    assert ruled and "learned" not in {f.rule for f in ruled}
    assert findings_for(old, new, MaterialConfig()) == ruled


def test_cosmetic_changes_never_reach_the_net(toy_model):
    assert findings_for("Answers never decide.", "Answers **never** decide.\n", MaterialConfig()) == []
    assert findings_for("Answers never decdie.", "Answers never decide.", MaterialConfig()) == []


def test_learned_false_turns_the_net_off(toy_model):
    assert findings_for(USES, DECIDING, MaterialConfig(learned=False)) == []


def test_shipped_model_is_loaded_and_knows_what_it_was_trained_on():
    model = shipped_model()
    assert model is not None and 0.0 < model.threshold < 1.0 and len(model.weights) > 1000
    trained_on = model.about["trained_on"]
    sets = {path.name.removesuffix("_edits.yaml"): path for path in (ROOT / "eval").glob("*_edits.yaml")}
    # Every set is either trained on (and unchanged since: retrain after editing one) or declared held out.
    assert set(trained_on) | set(model.about["held_out"]) == set(sets)
    stale = [name for name, sha in trained_on.items() if digest(sets[name]) != sha]
    assert stale == [], f"retrain with scripts/train_material_model.py: {stale} changed since training"
    figures = model.about["cross_validated"]
    assert figures["rules_and_net"]["recall"] >= figures["rules_alone"]["recall"]


def _write_set(path: Path, prefix: str) -> None:
    cases = []
    for n in range(8):
        word = ("sell", "rent", "license", "swap")[n % 4]
        cases.append(
            {
                "id": f"{prefix}-m{n}",
                "category": "new_recipients",
                "material": True,
                "section_title": "Sharing",
                "before": f"We give your details to our couriers. Case {n}.",
                "after": f"We give your details to our couriers, and we {word} them to brokers. Case {n}.",
            }
        )
        cases.append(
            {
                "id": f"{prefix}-h{n}",
                "category": "stronger_protection",
                "material": False,
                "section_title": "Sharing",
                "before": f"We give your details to our couriers. Case {n}.",
                "after": f"We give your details to our couriers over an encrypted link. Case {n}.",
            }
        )
    path.write_text(yaml.safe_dump(cases), encoding="utf-8")


def test_training_script_writes_a_reproducible_model_with_provenance(tmp_path):
    for name in ("one", "two", "three"):
        _write_set(tmp_path / f"{name}_edits.yaml", name)
    out = tmp_path / "model.json"
    script = ROOT / "scripts" / "train_material_model.py"
    command = [sys.executable, str(script), "--eval-dir", str(tmp_path), "--output", str(out), "--exclude", "three"]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "leave-one-set-out cross-validation" in first.stdout and "<- chosen" in first.stdout
    written = out.read_bytes()
    subprocess.run(command, capture_output=True, text=True, check=True)
    assert out.read_bytes() == written
    model = Model.from_json(json.loads(written))
    assert model.about["held_out"] == ["three"]
    assert model.about["trained_on"] == {n: digest(tmp_path / f"{n}_edits.yaml") for n in ("one", "two")}
    assert model.weights[RULES_FIRED] > 0
    edit = load_edits(tmp_path / "three_edits.yaml")[0]
    assert edit.material and model.score(detect_module.edit_features(edit_diff(edit))) > model.threshold
    check = subprocess.run([*command, "--check"], capture_output=True, text=True, check=True)
    assert "wrote" not in check.stdout and out.read_bytes() == written


def test_training_script_needs_two_sets(tmp_path):
    _write_set(tmp_path / "one_edits.yaml", "one")
    script = ROOT / "scripts" / "train_material_model.py"
    result = subprocess.run([sys.executable, str(script), "--eval-dir", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 2 and "need at least two sets" in result.stdout
    assert "Traceback" not in result.stderr
