"""From a word diff to *changes*: the old and the new sentences that each edit touches.

A change groups every edit that touches the same sentences, so "2 years" -> "3 years" and a comma
fixed two words later are one change. Sentences that still exist word for word elsewhere in the
new notice (moved, reordered) are dropped from a change: a reorder leaves nothing to compare.
Each change is then given a *kind*: ``cosmetic`` (same normalised text), ``typo`` (only spelling
fixes), ``heading`` (only sub-headings), ``contact`` (only contact details) or ``substantive``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from noticekit.classify.sentences import Unit, mask_contacts
from noticekit.diff.model import WordOps, new_text, old_text
from noticekit.diff.words import word_diff

ChangeKind = Literal["cosmetic", "typo", "heading", "contact", "substantive"]

_PLAIN_TOKEN = re.compile(r"[\w@.+-]*\w")

# Words whose spelling may not be "fixed": a one-letter change flips the meaning.
# fmt: off
_MEANINGFUL = frozenset({
    "not", "now", "no", "nor", "never", "may", "must", "can", "will", "shall", "should", "would", "could", "only",
    "all", "any", "none", "some", "more", "less", "longer", "shorter", "sell", "tell", "sold", "told", "share",
    "store", "shore", "use", "used", "user",
})
# fmt: on
_CONTACT_ANCHOR = re.compile(
    r"\b(contact|write|writing|address|office|e ?mail|call|phone|telephone|post|postal|mail|reach|"
    r"registered|headquarter\w*|dpo|officer|representative|hotline|helpline|fax|zzurl|zzemail|zzphone)\b"
)
# fmt: off
_ADDRESS_WORDS = frozenset({
    "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "floor", "fl", "suite", "ste", "unit", "building",
    "bldg", "house", "court", "quay", "square", "place", "way", "drive", "dr", "boulevard", "blvd", "po", "box",
    "city", "park", "centre", "center", "plaza", "tower", "row", "terrace", "close", "at", "the", "of", "and", "in",
    "on", "to", "a", "an", "c", "o", "attn", "attention", "zzurl", "zzemail", "zzphone",
})
# fmt: on


@dataclass(frozen=True)
class Change:
    """The sentences one group of edits touched, on each side (either side may be empty)."""

    old: tuple[Unit, ...]
    new: tuple[Unit, ...]
    kind: ChangeKind = field(default="substantive", compare=False)

    @cached_property
    def old_norm(self) -> str:
        return " ".join(unit.norm for unit in self.old)

    @cached_property
    def new_norm(self) -> str:
        return " ".join(unit.norm for unit in self.new)

    @cached_property
    def old_plain(self) -> str:
        return " ".join(unit.plain for unit in self.old)

    @cached_property
    def new_plain(self) -> str:
        return " ".join(unit.plain for unit in self.new)

    @cached_property
    def pairs(self) -> tuple[tuple[Unit | None, Unit | None], ...]:
        """Old and new units matched by similarity; unmatched units are paired with None."""
        return pair_units(self.old, self.new)


def ensure_ops(ops: WordOps, old_body: str, new_body: str) -> WordOps:
    """Return ``ops`` if they rebuild both bodies, else the word diff of the two bodies."""
    if ops and old_text(ops) == old_body and new_text(ops) == new_body:
        return ops
    return word_diff(old_body, new_body)


def find_changes(
    ops: WordOps,
    old_units: Sequence[Unit],
    new_units: Sequence[Unit],
    *,
    still_there: Callable[[Unit], bool] = lambda unit: False,
    was_there: Callable[[Unit], bool] = lambda unit: False,
) -> list[Change]:
    """Group the edits in ``ops`` by the units they touch.

    ``still_there(unit)`` says an old sentence survives unchanged somewhere in the new notice (or no
    longer matters), ``was_there(unit)`` that a new sentence already existed in the old one; such
    units are dropped.
    """
    groups: list[tuple[set[int], set[int]]] = []
    for old_spans, new_spans, old_points, new_points in _hunks(ops):
        old_set = _touched(old_units, old_spans, old_points)
        new_set = _touched(new_units, new_spans, new_points)
        if not old_set and not new_set:
            continue
        merged_old, merged_new = set(old_set), set(new_set)
        kept = []
        for group in groups:
            if group[0] & merged_old or group[1] & merged_new:
                merged_old |= group[0]
                merged_new |= group[1]
            else:
                kept.append(group)
        groups = [*kept, (merged_old, merged_new)]
    changes = []
    for old_set, new_set in groups:
        old = tuple(old_units[i] for i in sorted(old_set) if old_units[i].norm and not still_there(old_units[i]))
        new = tuple(new_units[i] for i in sorted(new_set) if new_units[i].norm and not was_there(new_units[i]))
        if old or new:
            kind = classify_change(Change(old, new))
            if kind == "substantive" and _relisted(old_units, new_units, old_set, new_set):
                kind = "cosmetic"
            changes.append(Change(old, new, kind))
    changes.sort(key=lambda c: (c.new[0].start if c.new else -1, c.old[0].start if c.old else -1))
    return changes


def _relisted(old_units: Sequence[Unit], new_units: Sequence[Unit], old_set: set[int], new_set: set[int]) -> bool:
    """A sentence set out as a list under its own first words ("We use it to: - A; - B"), or back.

    The lead-in ("We use it to:") and an unchanged last item are left untouched by the word diff, so
    they sit next to the change on one side; with them, both sides say the same words but for the
    joining "and"/"or".
    """
    if not old_set or not new_set:
        return False
    return _covers(old_units, old_set, new_units, new_set) or _covers(new_units, new_set, old_units, old_set)


def _covers(one: Sequence[Unit], one_set: set[int], other: Sequence[Unit], other_set: set[int]) -> bool:
    """The touched units of ``one`` say what a run of ``other`` around its touched units says."""
    words = [w for i in sorted(one_set) for w in _content_sequence(one[i].norm)]
    for first in (min(other_set) - 1, min(other_set)):
        if first < 0:
            continue
        run: list[str] = []
        for index in range(first, len(other)):
            run.extend(_content_sequence(other[index].norm))
            if len(run) >= len(words):
                if run == words and index >= max(other_set):
                    return True
                break
    return False


def _hunks(ops: WordOps) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[int]]]:
    hunks = []
    current: tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[int]] | None = None
    old_pos = new_pos = 0
    for op, text in ops:
        size = len(text)
        if op == "equal":
            if current is not None and text.strip():
                hunks.append(current)
                current = None
            old_pos += size
            new_pos += size
            continue
        if not text.strip():
            # A whitespace-only edit (a reflowed line) changes no sentence.
            if op == "delete":
                old_pos += size
            else:
                new_pos += size
            continue
        if current is None:
            current = ([], [], [], [])
        if op == "delete":
            current[0].append((old_pos, old_pos + size))
            current[3].append(new_pos)
            old_pos += size
        else:
            current[1].append((new_pos, new_pos + size))
            current[2].append(old_pos)
            new_pos += size
    if current is not None:
        hunks.append(current)
    return hunks


def _touched(units: Sequence[Unit], spans: list[tuple[int, int]], points: list[int]) -> set[int]:
    touched = set()
    for index, unit in enumerate(units):
        for start, end in spans:
            low, high = max(start, unit.start), min(end, unit.end)
            if low < high and unit.raw[low - unit.start : high - unit.start].strip():
                touched.add(index)
                break
        else:
            if any(unit.start < point < unit.end for point in points):
                touched.add(index)
    return touched


def pair_units(old: Sequence[Unit], new: Sequence[Unit]) -> tuple[tuple[Unit | None, Unit | None], ...]:
    """Match old and new units that are rewordings of each other (word-overlap ratio >= 0.4)."""
    scores = []
    new_words = [b.norm.split() for b in new]
    for i, a in enumerate(old):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(a.norm.split())
        for j, words in enumerate(new_words):
            matcher.set_seq1(words)
            if matcher.real_quick_ratio() >= 0.4 and matcher.quick_ratio() >= 0.4:
                ratio = matcher.ratio()
                if ratio >= 0.4:
                    scores.append((-ratio, i, j))
    scores.sort()
    used_old: dict[int, int] = {}
    used_new: set[int] = set()
    for _, i, j in scores:
        if i not in used_old and j not in used_new:
            used_old[i] = j
            used_new.add(j)
    pairs: list[tuple[Unit | None, Unit | None]] = []
    by_new = {j: i for i, j in used_old.items()}
    for j, b in enumerate(new):
        pairs.append((old[by_new[j]] if j in by_new else None, b))
    for i, a in enumerate(old):
        if i not in used_old:
            pairs.append((a, None))
    return tuple(pairs)


def classify_change(change: Change) -> ChangeKind:
    """Say whether a change is cosmetic, a spelling fix, heading-only, contact-only or substantive."""
    old_norm, new_norm = change.old_norm, change.new_norm
    if old_norm == new_norm or old_norm.replace(" ", "") == new_norm.replace(" ", ""):
        return "cosmetic"
    if _glue_free(old_norm) == _glue_free(new_norm):
        return "cosmetic"  # "A, B and C" set out as a list "- A; - B; - C": only the joining words differ
    if _content_sequence(old_norm) == _content_sequence(new_norm):
        return (
            "cosmetic"  # the same content words in order: "your name, date of birth" -> "- your name and date of birth"
        )
    if typo_only(old_norm.split(), new_norm.split()):
        return "typo"
    if all(unit.kind == "heading" for unit in (*change.old, *change.new)):
        return "heading"
    if _contact_only(change):
        return "contact"
    return "substantive"


_GLUE = frozenset({"and", "or"})


_LIST_FILLER = frozenset(
    {"and", "or", "the", "a", "an", "your", "our", "their", "its", "his", "her", "of", "also", "plus"}
)


_REPEATED = frozenset({"to", "for", "with", "by", "from", "in", "on", "at"})
"""Prepositions a list repeats or drops per item ("go to A, to B and to C" -> "go to: - A; - B; - C")."""


def same_words(old_units: Sequence[Unit], new_units: Sequence[Unit]) -> bool:
    """Both bodies say the same words in the same order, but for list joiners, articles and possessives:
    a sentence set out as bullets, a table made a list, punctuation or emphasis changed."""
    old = [w for u in old_units if u.kind != "heading" for w in _content_sequence(u.norm) if w not in _REPEATED]
    new = [w for u in new_units if u.kind != "heading" for w in _content_sequence(u.norm) if w not in _REPEATED]
    return old == new


_LAYOUT_FILLER = frozenset(
    {"provid", "need", "why", "what", "who", "it", "them", "they", "these", "those", "is", "are", "be", "was", "were",
     "may", "can", "will", "we", "you"}
)  # fmt: skip
"""Words a table's column labels turn into when its rows become sentences ("Provided by you. We need it to ...")."""


def same_vocabulary(old_units: Sequence[Unit], new_units: Sequence[Unit]) -> bool:
    """A list made a table, a table made a labelled list, prose made bullets: the layout changed, and the
    same content words (column labels aside) and the same negations and figures are there in any order."""
    if {u.kind for u in old_units if u.kind != "heading"} == {u.kind for u in new_units if u.kind != "heading"}:
        return False  # the layout did not change: order matters, and ``same_words`` judges
    old, old_labels = _vocabulary(old_units)
    new, new_labels = _vocabulary(new_units)
    if _negations(old_units) != _negations(new_units):
        return False
    added, dropped = new - old - old_labels - _LAYOUT_FILLER, old - new - new_labels - _LAYOUT_FILLER
    # A long section set out as a table may turn one verb into a column label ("receive" -> "What is
    # disclosed"): one word each way is allowed there, never a whole new phrase.
    slack = 1 if len(old) >= 30 else 0
    return len(added) <= slack and len(dropped) <= slack


def _vocabulary(units: Sequence[Unit]) -> tuple[set[str], set[str]]:
    words: set[str] = set()
    labels: set[str] = set()
    for unit in units:
        if unit.kind == "heading":
            continue
        target = labels if unit.kind == "row" and unit.lead.endswith(unit.plain) else words
        target.update(
            _layout_stem(w) for w in unit.norm.split() if w not in _LIST_FILLER and w not in _REPEATED and len(w) > 1
        )
    return words, labels


def _layout_stem(word: str) -> str:
    """ "stores"/"stored"/"storing" -> "stor": enough to see the same word in another grammatical form."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _negations(units: Sequence[Unit]) -> Counter[str]:
    return Counter(w for u in units for w in u.norm.split() if w in {"not", "no", "never", "only", "none", "nor"})


def _content_sequence(norm: str) -> list[str]:
    """The words of a region of text without joining words, articles and possessives, in reading order.

    Splitting a sentence into bullets ("we collect: - your name and date of birth; - your email ...")
    repeats or drops only these; any other word, including "not" and numbers, is kept.
    """
    return [word for word in norm.split() if word not in _LIST_FILLER]


def _glue_free(norm: str) -> list[str]:
    """The words of a sentence without the conjunctions that join the items of a list."""
    return [word for word in norm.split() if word not in _GLUE]


def typo_only(old: list[str], new: list[str]) -> bool:
    """True if ``new`` differs from ``old`` only by misspellings fixed (or introduced) and split words."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = old[i1:i2], new[j1:j2]
        if a and b and "".join(a) == "".join(b):
            continue
        if tag == "replace" and len(a) == len(b) and all(_misspelling(x, y) for x, y in zip(a, b, strict=True)):
            continue
        return False
    return True


def _misspelling(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0] or a in _MEANINGFUL or b in _MEANINGFUL:
        return False
    if any(ch.isdigit() for ch in a + b):
        return False
    distance = _damerau(a, b)
    if distance == 1 or (distance == 2 and min(len(a), len(b)) >= 7):
        return True
    # A shorter word with two slips at its end ("partys" -> "parties", "adress" -> "address" is one):
    # the stem is kept, so it is the same word misspelt, not another word ("shared" -> "stored").
    return distance == 2 and min(len(a), len(b)) >= 5 and _common_prefix(a, b) >= 4


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _damerau(a: str, b: str) -> int:
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def _contact_only(change: Change) -> bool:
    """Only names, numbers and address words changed, in sentences about contacting someone."""
    if not (_CONTACT_ANCHOR.search(change.old_norm) or _CONTACT_ANCHOR.search(change.new_norm)):
        return False
    if not change.old or not change.new:
        return False
    old_tokens = _masked_tokens(change.old_plain)
    new_tokens = _masked_tokens(change.new_plain)
    diff = (Counter(old_tokens) - Counter(new_tokens)) + (Counter(new_tokens) - Counter(old_tokens))
    return all(_contact_token(token) for token in diff)


def _masked_tokens(plain: str) -> list[str]:
    return _PLAIN_TOKEN.findall(mask_contacts(plain))


def _contact_token(token: str) -> bool:
    lowered = token.lower()
    return lowered in _ADDRESS_WORDS or any(ch.isdigit() for ch in token) or token[:1].isupper() or len(token) <= 2
