"""Benchmark the material-change detector on a labelled set of edits.

Usage::

    python bench/material_eval.py [eval/material_edits.yaml] [--verbose] [--review thorough|standard] [--rules-only]
    python bench/material_eval.py eval/*_edits.yaml          # one line per set: default, rules only, thorough

Each case (``{id, category, material, note, style, section_title, before, after}``) becomes two
one-section notices compared with ``noticekit.diff.compare_notices``; ``detect`` then says whether the
edit is material (any finding). Printed: precision, recall, false-positive rate and F1 over all cases,
results per category and per style, and the ids of the misclassified cases with what was found.

A benchmark, not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import yaml  # noqa: E402

from noticekit.classify import CATEGORIES, Finding, MaterialConfig, detect  # noqa: E402
from noticekit.classify.labelled import LabelledEdit, edit_diff  # noqa: E402

DEFAULT_PATH = ROOT / "eval" / "material_edits.yaml"


def judge(case: dict[str, Any], config: MaterialConfig) -> list[Finding]:
    return detect(edit_diff(LabelledEdit.from_mapping(case)), config)


def load(path: str) -> list[dict[str, Any]] | None:
    try:
        cases = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        print(f"cannot read {path}: {exc}")
        return None
    if isinstance(cases, dict):
        cases = cases.get("cases") or cases.get("edits") or []
    # The rules' own cases (tests/unit/classify/rule_cases.yaml) mark only the harmless ones `material: false`.
    return [{"material": "category" in case, **case} for case in cases]


def scores(cases: list[dict[str, Any]], config: MaterialConfig) -> tuple[float, float, float]:
    """Precision, recall and false-positive rate of ``detect`` on ``cases``."""
    tp = fp = fn = tn = 0
    for case in cases:
        expected, predicted = bool(case.get("material")), bool(judge(case, config))
        tp += expected and predicted
        fn += expected and not predicted
        fp += predicted and not expected
        tn += not expected and not predicted
    return ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(fp, fp + tn)


def summary(paths: list[str]) -> int:
    """One line per set: precision / recall / false-positive rate of the default detector (rules and the learned
    net), of the rules alone, and of the thorough review."""
    modes = {
        "default P / R / FP": MaterialConfig(),
        "rules only P / R / FP": MaterialConfig(learned=False),
        "thorough P / R / FP": MaterialConfig(review="thorough"),
    }
    print(f"{'set':28} {'cases':>5}   " + "   ".join(f"{name:22}" for name in modes))
    for path in paths:
        cases = load(path)
        if not cases:
            continue
        cells = []
        for config in modes.values():
            p, r, f = scores(cases, config)
            cells.append(f"{p:.3f} / {r:.3f} / {f:.3f}")
        print(f"{Path(path).name:28} {len(cases):5}   " + "   ".join(f"{cell:22}" for cell in cells))
    return 0


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT_PATH)], metavar="path")
    parser.add_argument("--verbose", "-v", action="store_true", help="print the findings of every case")
    parser.add_argument(
        "--review", choices=("standard", "thorough"), default="standard", help="material.review mode to measure"
    )
    parser.add_argument("--rules-only", action="store_true", help="without the learned net (material.learned: false)")
    args = parser.parse_args(argv)
    if len(args.paths) > 1:
        return summary(args.paths)
    args.path = args.paths[0]
    cases = load(args.path)
    if cases is None:
        return 0
    config = MaterialConfig(review=args.review, learned=not args.rules_only)
    print(f"material.review: {args.review}, learned net: {'off' if args.rules_only else 'on'}")
    tp = fp = fn = tn = 0
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # cases, correct, category matched
    by_style: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong: list[str] = []
    started = time.perf_counter()
    for case in cases:
        expected = bool(case.get("material"))
        category = str(case.get("category", "?"))
        try:
            findings = judge(case, config)
        except Exception as exc:  # a benchmark reports crashes as misses and carries on
            findings = []
            wrong.append(f"  {case.get('id')}: CRASH {type(exc).__name__}: {exc}")
        predicted = bool(findings)
        tp += expected and predicted
        fn += expected and not predicted
        fp += predicted and not expected
        tn += not expected and not predicted
        correct = expected == predicted
        stats = by_category[category]
        stats[0] += 1
        stats[1] += correct
        stats[2] += any(f.category == category for f in findings)
        style = by_style[str(case.get("style", "-"))]
        style[0] += 1
        style[1] += correct
        if not correct:
            found = "; ".join(f"{f.rule}: {f.message}" for f in findings) or "nothing detected"
            wrong.append(f"  {case.get('id')} [{category}, material={expected}]: {found}")
        if args.verbose:
            print(f"{case.get('id')} [{category}] -> {[str(f) for f in findings] or 'not material'}")
    elapsed = time.perf_counter() - started

    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    print(f"{len(cases)} cases from {args.path} in {elapsed:.2f}s")
    print(f"  material: {tp + fn}, not material: {fp + tn}")
    print(f"  TP {tp}  FN {fn}  FP {fp}  TN {tn}")
    print(
        f"  precision {precision:.3f}  recall {recall:.3f}  false-positive rate {ratio(fp, fp + tn):.3f}  F1 {f1:.3f}"
    )
    print("  targets: recall >= 0.95, false-positive rate <= 0.10")
    print("\nper category (cases, correct, and for material ones how often a finding named the category):")
    for category, (count, correct, matched) in sorted(by_category.items()):
        named = f"  category named {matched}/{count}" if category in CATEGORIES else ""
        print(f"  {category:22} {correct:3}/{count:<3}{named}")
    if len(by_style) > 1:
        print("\nper style:")
        for style, (count, correct) in sorted(by_style.items()):
            print(f"  {style:22} {correct:3}/{count}")
    print(f"\nmisclassified ({len(wrong)}):")
    print("\n".join(wrong) if wrong else "  none")
    return 0


if __name__ == "__main__":
    try:
        main()
    except Exception as exc:  # never fail a CI job: this is a measurement
        print(f"benchmark error: {type(exc).__name__}: {exc}")
    sys.exit(0)
