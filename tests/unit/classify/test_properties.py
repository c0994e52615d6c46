"""Invariants: cosmetic edits and reorders are never material; detection never fails and is stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.classify.helpers import findings_for

SENTENCES = [
    "We collect your name, email address and the pages you view.",
    "We do not sell personal information.",
    "We keep support tickets for 2 years after the ticket is closed.",
    "You can ask us to delete your data at any time.",
    "We share data with our payment provider and our auditors.",
    "Transfers to the United States rely on the Standard Contractual Clauses.",
    "Our service is not directed to children under 16.",
    "Acme Ltd is the controller of your personal data.",
    "We use usage data to fix bugs and plan capacity.",
    "Email privacy@acme.example or call +44 20 7946 0000.",
]

FAST = settings(max_examples=40, deadline=None)

texts = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6, unique=True)


def as_markdown(sentences: list[str], style: int) -> str:
    if style == 0:
        return " ".join(sentences) + "\n"
    if style == 1:
        return "".join(f"- {s}\n" for s in sentences)
    return "\n\n".join(sentences) + "\n"


@FAST
@given(texts, st.integers(0, 2), st.data())
def test_reflow_case_and_punctuation_edits_are_never_material(sentences, style, data):
    old = as_markdown(sentences, style)
    new = old
    if data.draw(st.booleans()):
        new = new.replace(" the ", "\nthe ")
    if data.draw(st.booleans()):
        new = new.replace("We ", "WE ").replace("data", "Data")
    if data.draw(st.booleans()):
        new = new.replace(", ", " ").replace(". ", "; ").replace(".\n", "!\n")
    assert findings_for(old, new, title="Privacy", sensitivity="high") == []


@FAST
@given(texts, st.integers(1, 2), st.randoms(use_true_random=False))
def test_reordering_is_never_material(sentences, style, random):
    shuffled = list(sentences)
    random.shuffle(shuffled)
    assert findings_for(as_markdown(sentences, style), as_markdown(shuffled, style), sensitivity="high") == []


@FAST
@given(st.text(alphabet="ab .,\n-|#*0123456789", max_size=80), st.text(alphabet="ab .,\n-|#*0123456789", max_size=80))
def test_detection_never_fails_on_arbitrary_markdown(old, new):
    assert findings_for(old, new) == findings_for(old, new)


@FAST
@given(texts, texts)
def test_detection_is_deterministic(old, new):
    a, b = as_markdown(old, 1), as_markdown(new, 0)
    assert findings_for(a, b, title="Privacy") == findings_for(a, b, title="Privacy")
