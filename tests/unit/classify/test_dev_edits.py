"""The rules on their own development cases (``dev_edits.yaml``), run the way the benchmark runs edits (without the
learned net, which has its own tests).

Each case is one section before and after one edit, compared as two one-section notices. A material
case must get a finding naming its category (or one listed under ``also``); a non-material one must
get none. A case with ``known_limitation`` documents a mistake the rules still make: the test expects
the wrong answer, so that fixing it is noticed (and the limitation removed from the file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from noticekit.classify import Finding, MaterialConfig, detect
from noticekit.classify.labelled import LabelledEdit, edit_diff

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "dev_edits.yaml").read_text(encoding="utf-8"))


def judge(case: dict[str, Any]) -> list[Finding]:
    return detect(edit_diff(LabelledEdit.from_mapping(case)), MaterialConfig(learned=False))


def _params() -> list[Any]:
    marks = {True: pytest.mark.xfail(strict=True, reason="known limitation")}
    return [pytest.param(case, id=case["id"], marks=marks.get("known_limitation" in case, ())) for case in CASES]


def test_the_cases_are_well_formed():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    assert sum(case["material"] for case in CASES) >= 40
    assert sum(not case["material"] for case in CASES) >= 50
    assert all(case["before"] != case["after"] for case in CASES)


@pytest.mark.parametrize("case", _params())
def test_dev_case(case):
    findings = judge(case)
    found = {f.category for f in findings}
    if case["material"]:
        wanted = {case["category"], *case.get("also", ())}
        assert found & wanted, f"expected {case['category']}, got {found or 'nothing'}"
    else:
        assert findings == [], "\n".join(str(f) for f in findings)
