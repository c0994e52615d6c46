"""The learned net: a small linear model over the words a change brings and takes away.

Why it exists: the hand-written rules (``rules``) say *what* changed, but only in words they know. On
fresh text by other authors they found about 87% of the material edits (``docs/decisions/0003``), and
each round of new rules moved that less than the spread from one set to the next. A logistic model
trained on every labelled edit in ``eval/`` (2,000+ edits, 25 authors, 300 fictional organisations)
learns which added and removed words go with material edits without anyone writing them down, and on
sets it was not trained on it found most of what the rules missed at no extra false positives.

It runs only on a substantive change that no rule explained, so it can add findings but never remove
one, and its finding names the words that weighed most, so the editor can see why and overrule it
with ``material: false`` and a ``material_reason``. ``material.learned: false`` turns it off.

Everything here is plain Python and reads one JSON file (``material_model.json``), written by
``scripts/train_material_model.py``; the engine needs no machine-learning library.
"""

from __future__ import annotations

import difflib
import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from noticekit.classify.practices import FUNCTION_WORDS

MODEL_FILE = "material_model.json"
Features = dict[str, float]

_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
_CONTEXT_WEIGHT = 0.3
"""Words of the changed sentence that did not change say what it is about, and weigh less than the edit."""
RULES_FIRED = "r:fired"
"""Training feature: the hand-written rules flagged the edit. Never set in use (the net runs only when they did not)."""
_TOPIC_CATEGORIES = (
    ("children", "children"),
    ("transfer", "transfer_mechanism"),
    ("controller", "controller_identity"),
    ("recipients", "new_recipients"),
    ("retention", "longer_retention"),
    ("rights", "rights_reduced"),
    ("data", "new_data_category"),
    ("purpose", "new_purpose"),
)
"""What a flagged change probably is, from what its sentence is about (most specific topic first)."""


def stem(word: str) -> str:
    """A crude suffix strip, enough to make "shares", "shared" and "sharing" one feature."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def change_features(old_norm: str, new_norm: str, reviewed: bool = False) -> Features:
    """Features of one change, from the normalised old and new sentences it touched.

    ``+w``/``-w``: a word stem inserted or deleted; ``+w_v``: two inserted stems in a row; ``c:w``: a
    stem of the new sentences (context); ``nins:``/``ndel:``: how many words went in or out; and
    ``t:review`` when the thorough review found the change not recognisably safe.
    """
    old, new = _WORD.findall(old_norm), _WORD.findall(new_norm)
    inserted: list[str] = []
    deleted: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert"):
            inserted += new[j1:j2]
        if op in ("replace", "delete"):
            deleted += old[i1:i2]
    features: Features = {f"c:{stem(w)}": _CONTEXT_WEIGHT for w in new}
    features.update({f"+{stem(w)}": 1.0 for w in inserted})
    features.update({f"-{stem(w)}": 1.0 for w in deleted})
    features.update({f"+{stem(a)}_{stem(b)}": 1.0 for a, b in pairwise(inserted)})
    features[f"nins:{_bucket(len(inserted))}"] = 1.0
    features[f"ndel:{_bucket(len(deleted))}"] = 1.0
    if reviewed:
        features["t:review"] = 1.0
    return features


def merge(features: Iterable[Features]) -> Features:
    """The features of several changes of one edit (the largest value of each)."""
    merged: Features = {}
    for one in features:
        for key, value in one.items():
            merged[key] = max(value, merged.get(key, 0.0))
    return merged


def _bucket(count: int) -> str:
    return "0" if count == 0 else "1" if count < 3 else "3" if count < 6 else "6" if count < 11 else "11"


@dataclass(frozen=True)
class Model:
    """A logistic model: bias, weights and the score from which a change is flagged."""

    bias: float
    weights: dict[str, float]
    threshold: float
    about: dict[str, Any] = field(default_factory=dict)
    """Provenance: the sets trained on and their digests, the settings, the cross-validated figures."""

    def score(self, features: Features) -> float:
        """Probability that the change is material."""
        z = self.bias + sum(self.weights.get(key, 0.0) * value for key, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def reasons(self, features: Features, limit: int = 3) -> list[str]:
        """The inserted or deleted words (not "a", "with", ...) that pushed the score up most, strongest first."""
        scored = [
            (self.weights.get(key, 0.0) * value, key)
            for key, value in features.items()
            if key[:1] in "+-" and "_" not in key and key[1:] not in FUNCTION_WORDS
        ]
        return [key for weight, key in sorted(scored, reverse=True)[:limit] if weight > 0]

    def to_json(self) -> dict[str, Any]:
        return {
            "about": self.about,
            "threshold": self.threshold,
            "bias": round(self.bias, 5),
            "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        return cls(
            float(data["bias"]),
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["threshold"]),
            dict(data.get("about") or {}),
        )


def likely_category(sentence_topics: frozenset[str], section_topics: frozenset[str], hint: str | None = None) -> str:
    """The category to file a net finding under: the thorough review's, unless it only saw "new words"; else
    the first topic of the changed sentences, then of the section; else a new purpose."""
    if hint and hint != "new_purpose":
        return hint
    for topics in (sentence_topics, section_topics):
        for topic, category in _TOPIC_CATEGORIES:
            if topic in topics:
                return category
    return "new_purpose"


@cache
def shipped_model() -> Model | None:
    """The model shipped with the package, or None when the file is missing (the rules still run)."""
    try:
        text = resources.files("noticekit.classify").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return Model.from_json(json.loads(text))


@dataclass(frozen=True)
class Example:
    """One labelled edit for training: its features and whether it is material."""

    features: Features
    material: bool


def train(
    examples: Sequence[Example],
    *,
    epochs: int = 30,
    strength: float = 1.0,
    min_count: int = 2,
    seed: int = 0,
) -> Model:
    """Fit the logistic model by averaged stochastic gradient descent with L2 regularisation.

    The objective is the usual one (log loss plus ``||w||² / (2·strength·n)`` per edit); averaging the
    weights over the last half of the steps gives a stable fit without a line search. Features seen in
    fewer than ``min_count`` edits are dropped: a word one author used once says nothing about the next
    author. Deterministic for a seed. The threshold is left at 0.5; the training script sets it from
    cross-validation.
    """
    seen = Counter(key for example in examples for key in example.features)
    kept = {key for key, count in seen.items() if count >= min_count}
    rows = [({k: v for k, v in e.features.items() if k in kept}, 1.0 if e.material else 0.0) for e in examples]
    alpha = 1.0 / (strength * max(1, len(rows)))
    # w = scale * v, so that the L2 shrinkage of every weight is one multiplication per step.
    v: dict[str, float] = dict.fromkeys(sorted(kept), 0.0)
    scale, bias = 1.0, 0.0
    total: dict[str, float] = dict.fromkeys(v, 0.0)
    total_bias, averaged = 0.0, 0
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle
    step = 0
    for epoch in range(epochs):
        shuffle(order)
        for index in order:
            features, label = rows[index]
            rate = 0.5 / (1.0 + 0.5 * alpha * step)
            step += 1
            z = bias + scale * sum(v[k] * x for k, x in features.items())
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - label
            scale *= 1.0 - rate * alpha
            for key, value in features.items():
                v[key] -= rate * error * value / scale
            bias -= rate * error * 0.1
            if scale < 1e-6:
                v = {k: w * scale for k, w in v.items()}
                scale = 1.0
        if epoch >= epochs // 2:
            for key, w in v.items():
                total[key] += w * scale
            total_bias += bias
            averaged += 1
    weights = {k: w / averaged for k, w in total.items() if abs(w / averaged) >= 1e-4}
    return Model(total_bias / averaged, weights, 0.5)
