"""The material-change settings: one validated place, every problem reported."""

from __future__ import annotations

import pytest

from noticekit.classify import MaterialConfig
from noticekit.model import Problem


def test_defaults():
    config, problems = MaterialConfig.from_mapping(None, "noticekit.yml")
    assert (config, problems) == (MaterialConfig(), [])
    assert config.notice_period_days == 30
    assert config.extra_terms == {}


def test_valid_mapping():
    config, problems = MaterialConfig.from_mapping(
        {
            "notice_period_days": 14,
            "extra_terms": {"new_purpose": ["lookalike modelling"], "children": "school accounts"},
        },
        "noticekit.yml",
    )
    assert problems == []
    assert config == MaterialConfig(14, {"new_purpose": ("lookalike modelling",), "children": ("school accounts",)})


def test_every_problem_is_reported_with_a_hint():
    _, problems = MaterialConfig.from_mapping(
        {
            "notice_period": 30,
            "notice_period_days": -1,
            "extra_terms": {"new_purposes": ["x"], "children": [1], "new_recipients": ["ok"]},
        },
        "noticekit.yml",
    )
    assert [p.message for p in problems] == [
        "unknown key 'material.notice_period'; did you mean 'notice_period_days'?",
        "'material.notice_period_days' must be a whole number of days, 0 or more, not -1",
        "unknown category 'material.extra_terms.new_purposes'; did you mean 'new_purpose'?",
        "'material.extra_terms.children' must be a list of words or phrases",
    ]
    assert all(p.file == "noticekit.yml" for p in problems)


@pytest.mark.parametrize("value", [True, "30", 2.5, None])
def test_notice_period_must_be_a_whole_number(value):
    config, problems = MaterialConfig.from_mapping({"notice_period_days": value}, "noticekit.yml")
    assert config.notice_period_days == 30
    assert len(problems) == 1 and "whole number of days" in problems[0].message


def test_wrong_shapes():
    assert MaterialConfig.from_mapping(["x"], "n.yml")[1] == [
        Problem("n.yml", 0, "'material' must be a mapping of settings, not a list")
    ]
    assert MaterialConfig.from_mapping({"extra_terms": "ai"}, "n.yml")[1][0].message == (
        "'material.extra_terms' must map categories to lists of words, not the text 'ai'"
    )


def test_constructor_validates():
    with pytest.raises(ValueError, match="must not be negative"):
        MaterialConfig(-1)
    with pytest.raises(ValueError, match="unknown extra_terms category: bogus"):
        MaterialConfig(extra_terms={"bogus": ("x",)})
    assert hash(MaterialConfig(extra_terms={"children": ("a",)})) == hash(
        MaterialConfig(extra_terms={"children": ("a",)})
    )


def test_review_mode_is_read_and_checked():
    config, problems = MaterialConfig.from_mapping({"review": "thorough"}, "noticekit.yml")
    assert (config.review, problems) == ("thorough", [])
    assert MaterialConfig().review == "standard"
    _, problems = MaterialConfig.from_mapping({"review": "thorugh"}, "noticekit.yml")
    assert [p.message for p in problems] == [
        "'material.review' must be 'thorough' or 'standard', not 'thorugh'; did you mean 'thorough'?"
    ]
    with pytest.raises(ValueError):
        MaterialConfig(review="strict")


def test_learned_net_is_on_by_default_and_can_be_turned_off():
    assert MaterialConfig().learned is True
    config, problems = MaterialConfig.from_mapping({"learned": False}, "noticekit.yml")
    assert (config.learned, problems) == (False, [])
    assert config.to_json()["learned"] is False and hash(config) != hash(MaterialConfig())
    _, problems = MaterialConfig.from_mapping({"learned": "no", "lerned": True}, "noticekit.yml")
    assert [p.message for p in problems] == [
        "'material.learned' must be true or false, not 'no'",
        "unknown key 'material.lerned'; did you mean 'learned'?",
    ]
    with pytest.raises(ValueError, match="learned must be true or false"):
        MaterialConfig(learned="yes")  # type: ignore[arg-type]
