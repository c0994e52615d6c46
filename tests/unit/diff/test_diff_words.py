"""Word diff: the tokenizer, the rebuild guarantees (property-based) and the readability cleanups."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from noticekit.diff import new_text, old_text, tokenize, word_diff
from noticekit.diff.words import _ASCII_TOKEN, _token_pattern, token_boundaries

WORDS = ["we", "share", "your", "data", "with", "partners", "do", "not", "sell", "the", "information", "30", "days"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "\n- ", " **", "** ", " [", "](#x) ", " | "]


@st.composite
def prose(draw: st.DrawFn) -> list[str]:
    """Markdown-ish text as a list of pieces (words and separators), so edits can target words."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
    pieces: list[str] = []
    for word in words:
        pieces += [word, draw(st.sampled_from(SEPARATORS))]
    return pieces


@st.composite
def edited_prose(draw: st.DrawFn) -> tuple[str, str, int]:
    """(old, new, number of word-level edits): replacements, insertions and deletions of whole words."""
    pieces = draw(prose())
    new = list(pieces)
    edits = draw(st.integers(min_value=0, max_value=4))
    for _ in range(edits):
        index = draw(st.integers(min_value=0, max_value=len(new) // 2 - 1)) * 2
        kind = draw(st.sampled_from(["replace", "insert", "delete"]))
        if kind == "replace":
            new[index] = draw(st.sampled_from(["gather", "keep", "sometimes", "user", "5"]))
        elif kind == "insert":
            new[index] = new[index] + " " + draw(st.sampled_from(["also", "never", "only"]))
        elif len(new) > 2:
            del new[index : index + 2]
    return "".join(pieces), "".join(new), edits


def _boundaries(ops: tuple[tuple[str, str], ...]) -> tuple[set[int], set[int]]:
    old_cuts, new_cuts = {0}, {0}
    old_pos = new_pos = 0
    for op, text in ops:
        if op != "insert":
            old_pos += len(text)
            old_cuts.add(old_pos)
        if op != "delete":
            new_pos += len(text)
            new_cuts.add(new_pos)
    return old_cuts, new_cuts


def _assert_well_formed(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert all(text for _, text in ops), "no empty op"
    assert all(a[0] != b[0] for a, b in itertools.pairwise(ops)), "neighbours of one kind are merged"
    assert all(not (a[0] == "insert" and b[0] == "delete") for a, b in itertools.pairwise(ops))
    old_cuts, new_cuts = _boundaries(ops)
    assert old_cuts <= token_boundaries(old), "an op boundary splits a token of the old text"
    assert new_cuts <= token_boundaries(new), "an op boundary splits a token of the new text"


# --- tokenizer -------------------------------------------------------------------------------------


def test_tokens_are_words_punctuation_runs_and_whitespace_runs() -> None:
    assert tokenize("We don't sell data -- ever.\n\n### Your rights") == [
        "We", " ", "don't", " ", "sell", " ", "data", " ", "--", " ", "ever", ".", "\n\n",
        "###", " ", "Your", " ", "rights",
    ]  # fmt: skip


def test_markdown_markers_are_single_tokens() -> None:
    assert tokenize("**bold** | [a](#b)") == ["**", "bold", "**", " ", "|", " ", "[", "a", "]", "(", "#", "b", ")"]


def test_non_latin_words_stay_whole_and_han_characters_are_tokens() -> None:
    assert tokenize("हिन्दी e\u0301t café naïve") == ["हिन्दी", " ", "e\u0301t", " ", "café", " ", "naïve"]
    assert tokenize("个人信息") == ["个", "人", "信", "息"]


@given(st.text())
def test_tokens_rebuild_any_text(text: str) -> None:
    assert "".join(tokenize(text)) == text
    assert all(tokenize(text))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_fast_path_agrees_with_the_full_pattern(text: str) -> None:
    assert _ASCII_TOKEN.findall(text) == _token_pattern().findall(text)


# --- rebuild and token-boundary properties ---------------------------------------------------------


@settings(max_examples=300)
@given(st.text(), st.text())
def test_ops_rebuild_both_sides_of_arbitrary_text(old: str, new: str) -> None:
    _assert_well_formed(old, new)


@settings(max_examples=150)
@given(edited_prose())
def test_ops_rebuild_both_sides_of_word_edits(case: tuple[str, str, int]) -> None:
    old, new, _ = case
    _assert_well_formed(old, new)


@settings(max_examples=100)
@given(edited_prose())
def test_word_edits_give_small_changes(case: tuple[str, str, int]) -> None:
    old, new, edits = case
    ops = word_diff(old, new)
    hunks = sum(1 for i, (op, _) in enumerate(ops) if op != "equal" and (i == 0 or ops[i - 1][0] == "equal"))
    assert hunks <= edits
    changed_words = sum(len(re.findall(r"\w+", text)) for op, text in ops if op != "equal")
    # Each edit touches one or two words; the semantic cleanup may absorb a short word in between.
    assert changed_words <= 6 * edits


@given(st.text())
def test_identical_texts_have_only_an_equality(text: str) -> None:
    assert word_diff(text, text) == ((("equal", text),) if text else ())


# --- readability -----------------------------------------------------------------------------------


def test_one_word_edit_in_a_long_paragraph_is_one_small_change() -> None:
    before = "We keep your account information for as long as your account is open and then for 30 days. " * 5
    after = before.replace("30 days", "90 days", 1)
    assert [op for op in word_diff(before, after) if op[0] != "equal"] == [("delete", "30"), ("insert", "90")]


def test_semantic_cleanup_gives_one_replacement_not_crumbs() -> None:
    assert word_diff("the quick fox", "a slow fox") == (
        ("delete", "the quick"),
        ("insert", "a slow"),
        ("equal", " fox"),
    )


def test_separate_edits_stay_separate() -> None:
    assert word_diff("We share your data with partners.", "We sell your data to partners.") == (
        ("equal", "We "),
        ("delete", "share"),
        ("insert", "sell"),
        ("equal", " your data "),
        ("delete", "with"),
        ("insert", "to"),
        ("equal", " partners."),
    )


def test_deleted_list_item_is_aligned_to_its_line() -> None:
    assert word_diff("- a\n- b\n- c\n", "- a\n- c\n") == (("equal", "- a\n"), ("delete", "- b\n"), ("equal", "- c\n"))


def test_inserted_word_starts_on_the_word() -> None:
    assert word_diff("we sell data", "we never sell data") == (
        ("equal", "we "),
        ("insert", "never "),
        ("equal", "sell data"),
    )


def test_a_removed_negation_is_visible_on_its_own() -> None:
    ops = word_diff("We do not sell personal information.", "We do sell personal information.")
    assert ops == (("equal", "We do "), ("delete", "not "), ("equal", "sell personal information."))


def test_words_are_never_split() -> None:
    ops = word_diff("recieve the card type", "receive the card type")
    assert ops[0] == ("delete", "recieve") and ops[1] == ("insert", "receive")
