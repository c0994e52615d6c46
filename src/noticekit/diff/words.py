"""Word-level diff of Markdown source: tokenizer, diff engine and the cleanups that make it readable.

The text is cut into *tokens*: words (contractions such as "don't" and words with combining marks kept
whole; each Han or kana character on its own), runs of Markdown marker characters (``**``, ``###``,
``---``, ``...``), any other punctuation character, runs of spaces and runs of newlines. Every op
boundary falls on a token boundary, so a word is never split, and ``equal`` + ``delete`` rebuild the
old text and ``equal`` + ``insert`` the new one exactly.

The token diff itself is diff-match-patch's Myers diff run over tokens (each distinct token mapped to
one character, its "line mode" trick). It was chosen by measurement over ``difflib.SequenceMatcher``
and a lines-then-tokens hybrid; see ``docs/decisions/0002-word-diff-algorithm.md`` and
``bench/diff_bench.py``. The cleanups after it are ours and work on tokens (diff-match-patch's own
work on characters and would split words):

1. *merge*: join neighbouring ops of one kind, put a deletion before its insertion, and move a common
   token prefix/suffix of a replacement out into the equalities;
2. *semantic*: an equality no longer than the edits on both sides of it becomes part of them, so
   "the quick fox" -> "a slow fox" is one replacement, not ``[-the-]{+a+} [-quick-]{+slow+}``; an
   equality holding a line break is kept (a line is a block in Markdown);
3. *alignment*: slide a lone insertion or deletion along repeated tokens to the nicest boundary
   (a line start, then a word start), so a deleted list item is ``- b\\n`` rather than ``b\\n- ``.

The engine-level functions are generic over the token type (the HTML redline diffs Markdown *atoms*,
e.g. a whole link or code span, with the same machinery).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from diff_match_patch import diff_match_patch

from noticekit.diff.model import Op, WordOps

T = TypeVar("T", bound=Hashable)
TokenOps = list[tuple[Op, list[T]]]
"""Ops over tokens: like ``WordOps`` but each text is still a list of tokens."""
Engine = Callable[[Sequence[T], Sequence[T]], list[tuple[Op, list[T]]]]

DMP_TIMEOUT = 0.1
"""Seconds diff-match-patch may spend on one pair before it settles for a coarser (still exact) diff.

Reached only by text rewritten wholesale (which then shows as one deletion and one insertion, the
best rendering anyway); a section with a few percent of its words edited takes 1-5 ms."""

# Han and kana are written without spaces: each character is a token, or a one-character edit in
# Chinese or Japanese would replace a whole sentence.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"


# Markdown markers that come in runs (``**``, ``###``, ``---``, ``___``, ``===``, ``~~``, ``...``,
# code fences) are one token each; any other punctuation or symbol is a token of its own.
_PUNCTUATION = r"|\n+|[^\S\n]+|\*+|#+|-+|_+|=+|~+|\.+|`+|[^\w\s]"
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*" + _PUNCTUATION)
"""The same tokens as ``_token_pattern()`` for ASCII text, twice as fast (most notices are ASCII)."""


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    # Combining marks (accents written as separate code points, Indic vowel signs, …) are not ``\w``
    # for ``re``; without them a word such as "हिन्दी" would fall apart into several tokens.
    category = unicodedata.category
    marks = [cp for cp in (*range(0x20000), *range(0xE0000, 0xE1000)) if category(chr(cp))[0] == "M"]
    ranges: list[str] = []
    start = previous = marks[0]
    for cp in [*marks[1:], -1]:
        if cp != previous + 1:
            ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
            start = cp
        previous = cp
    mark = "".join(ranges)
    # Runs of letters between the marks, not one character per repetition: several times faster.
    word = rf"[^\W_{_CJK}]+(?:[{mark}]+[^\W_{_CJK}]*)*"
    return re.compile(
        rf"{word}(?:['’]{word})*"  # a word, with contractions ("don't") kept whole
        rf"|[{_CJK}]" + _PUNCTUATION  # one Han or kana character
    )


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into tokens; ``"".join(tokenize(text)) == text``."""
    pattern = _ASCII_TOKEN if text.isascii() else _token_pattern()
    return pattern.findall(text)


def word_diff(old: str, new: str) -> WordOps:
    """Word diff of two texts as ``(op, text)`` pairs; see the module docstring for the guarantees."""
    if old == new:
        return (("equal", old),) if old else ()
    ops = diff_tokens(tokenize(old), tokenize(new))
    return tuple((op, "".join(tokens)) for op, tokens in ops)


def diff_tokens(
    old: Sequence[T],
    new: Sequence[T],
    *,
    text: Callable[[T], str] = str,
    engine: Engine[T] | None = None,
) -> TokenOps[T]:
    """Diff two token sequences and clean the result up; ``text`` gives a token's source text."""
    engine = engine or dmp_engine
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old[prefix:], new[prefix:])
    ops: TokenOps[T] = []
    if prefix:
        ops.append(("equal", list(old[:prefix])))
    ops.extend(engine(old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]))
    if suffix:
        ops.append(("equal", list(old[len(old) - suffix :])))
    ops = _merge(ops)
    ops = _cleanup_semantic(ops, text)
    return _align(ops, text)


# --- engines ---------------------------------------------------------------------------------------


def dmp_engine(old: Sequence[T], new: Sequence[T]) -> TokenOps[T]:
    """diff-match-patch (Myers, with its half-match speed-up) over tokens mapped to characters."""
    if not old or not new:
        return _trivial(old, new)
    tokens = list(dict.fromkeys([*old, *new]))
    if len(tokens) > 0x10FFFF:  # pragma: no cover - more distinct tokens than there are code points
        return _trivial(old, new)
    codes = {token: chr(i) for i, token in enumerate(tokens)}
    a = "".join([codes[t] for t in old])
    b = "".join([codes[t] for t in new])
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DMP_TIMEOUT
    names: dict[int, Op] = {dmp.DIFF_EQUAL: "equal", dmp.DIFF_INSERT: "insert", dmp.DIFF_DELETE: "delete"}
    return [(names[code], [tokens[ord(c)] for c in chars]) for code, chars in dmp.diff_main(a, b, False)]


def _trivial(old: Sequence[T], new: Sequence[T]) -> TokenOps[T]:
    ops: TokenOps[T] = []
    if old:
        ops.append(("delete", list(old)))
    if new:
        ops.append(("insert", list(new)))
    return ops


def _common_prefix(a: Sequence[T], b: Sequence[T]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: Sequence[T], b: Sequence[T]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[len(a) - 1 - i] == b[len(b) - 1 - i]:
        i += 1
    return i


# --- cleanups --------------------------------------------------------------------------------------


def _merge(ops: TokenOps[T]) -> TokenOps[T]:
    """Join neighbours of one kind, order each replacement delete-then-insert, factor common ends out."""
    out: TokenOps[T] = []
    deleted: list[T] = []
    inserted: list[T] = []

    def equal(tokens: list[T]) -> None:
        if not tokens:
            return
        if out and out[-1][0] == "equal":
            out[-1] = ("equal", out[-1][1] + tokens)
        else:
            out.append(("equal", list(tokens)))

    for op, tokens in [*ops, ("equal", [])]:
        if op == "delete":
            deleted.extend(tokens)
            continue
        if op == "insert":
            inserted.extend(tokens)
            continue
        suffix: list[T] = []
        if deleted and inserted:
            n = _common_prefix(deleted, inserted)
            if n:
                equal(inserted[:n])
                deleted, inserted = deleted[n:], inserted[n:]
            n = _common_suffix(deleted, inserted)
            if n:
                suffix = inserted[len(inserted) - n :]
                deleted, inserted = deleted[: len(deleted) - n], inserted[: len(inserted) - n]
        if deleted:
            out.append(("delete", deleted))
        if inserted:
            out.append(("insert", inserted))
        deleted, inserted = [], []
        equal(suffix + list(tokens))
    return out


def _cleanup_semantic(ops: TokenOps[T], text: Callable[[T], str]) -> TokenOps[T]:
    """diff-match-patch's ``diff_cleanupSemantic`` elimination, over tokens, weighed in characters.

    One change for Markdown, where a line is a block (list item, table row, heading): an equality
    that holds a line break is never eliminated, and only the edits on the equality's own line count
    against it, so rewriting two list items gives two redlined items, not one merged blob.
    """
    ops = list(ops)
    # Per op: (characters before its first line break, after its last one, whether it has one).
    shapes = [_shape([text(t) for t in tokens]) for _, tokens in ops]
    changed = False
    equalities: list[int] = []
    last_equality: int | None = None
    before = {"insert": 0, "delete": 0}  # edits on the equality's line, just before it
    after = {"insert": 0, "delete": 0}  # edits on the equality's line, just after it
    tail = {"insert": 0, "delete": 0}  # edits after the last line break of the current run
    closed = {"insert": False, "delete": False}  # the current run has reached another line
    pointer = 0
    while pointer < len(ops):
        op, _ = ops[pointer]
        head_weight, tail_weight, has_break = shapes[pointer]
        if op == "equal":
            equalities.append(pointer)
            before = dict(tail)
            after = {"insert": 0, "delete": 0}
            tail = {"insert": 0, "delete": 0}
            closed = {"insert": False, "delete": False}
            last_equality = None if has_break else pointer
        else:
            if not closed[op]:
                after[op] += head_weight
            tail[op] = tail_weight if has_break else tail[op] + tail_weight
            closed[op] = closed[op] or has_break
            if last_equality is not None:
                size = shapes[last_equality][0]
                if size <= max(before.values()) and size <= max(after.values()):
                    index = equalities.pop()
                    ops[index : index + 1] = [("delete", ops[index][1]), ("insert", list(ops[index][1]))]
                    shapes[index : index + 1] = [shapes[index], shapes[index]]
                    if equalities:
                        equalities.pop()
                    pointer = equalities[-1] if equalities else -1
                    before = {"insert": 0, "delete": 0}
                    after = {"insert": 0, "delete": 0}
                    tail = {"insert": 0, "delete": 0}
                    closed = {"insert": False, "delete": False}
                    last_equality = None
                    changed = True
        pointer += 1
    return _merge(ops) if changed else ops


def _shape(texts: list[str]) -> tuple[int, int, bool]:
    breaks = [i for i, t in enumerate(texts) if "\n" in t]
    if not breaks:
        total = sum(map(len, texts))
        return total, total, False
    return sum(map(len, texts[: breaks[0]])), sum(map(len, texts[breaks[-1] + 1 :])), True


def _boundary_score(left: str | None, right: str | None) -> int:
    """How good a place the gap between two tokens is for an edit to start or end."""
    if left is None or right is None:
        return 6
    if left.startswith("\n\n") or right.startswith("\n\n"):
        return 5
    if left[0] == "\n" or right[0] == "\n":
        return 4
    if left.isspace() or right.isspace():
        return 2
    if not (left[-1].isalnum() and right[0].isalnum()):
        return 1
    return 0


def _align(ops: TokenOps[T], text: Callable[[T], str]) -> TokenOps[T]:
    """Slide each lone edit between two equalities to the best-scoring boundary (lossless)."""
    ops = list(ops)
    changed = False
    i = 1
    while i < len(ops) - 1:
        (before, left), (op, edit), (after, right) = ops[i - 1], ops[i], ops[i + 1]
        if before != "equal" or after != "equal" or op == "equal":
            i += 1
            continue
        n = len(edit)
        if not (left[-1] == edit[-1] or right[0] == edit[0]):
            i += 1
            continue
        seq = [*left, *edit, *right]
        start = len(left)
        while start > 0 and seq[start - 1] == seq[start + n - 1]:
            start -= 1
        best, best_score = start, -1
        pos = start
        while True:
            score = (
                _boundary_score(text(seq[pos - 1]) if pos else None, text(seq[pos])) * 2
                + _boundary_score(text(seq[pos + n - 1]), text(seq[pos + n]) if pos + n < len(seq) else None) * 2
                + (0 if text(seq[pos]).isspace() else 1)  # tie: start the edit on a word, not a space
            )
            if score > best_score:
                best, best_score = pos, score
            if pos + n < len(seq) and seq[pos] == seq[pos + n]:
                pos += 1
            else:
                break
        if best != len(left):
            replacement: TokenOps[T] = []
            if best:
                replacement.append(("equal", seq[:best]))
            replacement.append((op, seq[best : best + n]))
            if best + n < len(seq):
                replacement.append(("equal", seq[best + n :]))
            ops[i - 1 : i + 2] = replacement
            changed = True
        i += 1
    return _merge(ops) if changed else ops


def token_boundaries(text: str) -> set[int]:
    """Offsets in ``text`` where one token ends and the next begins (0 and ``len(text)`` included)."""
    offsets = {0}
    position = 0
    for token in tokenize(text):
        position += len(token)
        offsets.add(position)
    return offsets
