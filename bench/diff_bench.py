"""Benchmark the word diff: candidate algorithms, the whole-notice comparison, and git's word diff.

Run with ``python bench/diff_bench.py`` (``PYTHONPATH=src`` when the package is not installed).
It generates a ~60 KB notice of 12 sections of privacy-notice-like prose (seeded), edits ~2 % of its
words (seeded: replacements, insertions, deletions), writes both versions to a temporary folder and
prints figures only: median times, the ratio to ``git diff --no-index --word-diff`` on the same pair,
and quality counts (change hunks, words marked changed, words split). Nothing is asserted.

The figures are the ones quoted in ``docs/decisions/0002-word-diff-algorithm.md``.
"""

from __future__ import annotations

import argparse
import difflib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from diff_match_patch import diff_match_patch

from noticekit.diff import compare_notices
from noticekit.diff.words import Engine, TokenOps, diff_tokens, dmp_engine, token_boundaries, tokenize
from noticekit.load.loader import load_notice

# --- candidate engines (the one chosen, diff-match-patch over tokens, lives in noticekit.diff.words) ---


def difflib_engine(old: Sequence[str], new: Sequence[str], autojunk: bool = False) -> TokenOps[str]:
    """``difflib.SequenceMatcher`` over tokens."""
    ops: TokenOps[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=autojunk).get_opcodes():
        if tag == "equal":
            ops.append(("equal", list(old[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", list(old[i1:i2])))
        if j2 > j1:
            ops.append(("insert", list(new[j1:j2])))
    return ops


def lines_then_dmp_engine(old: Sequence[str], new: Sequence[str]) -> TokenOps[str]:
    """Lines first (diff-match-patch over whole lines), then tokens inside each replaced run of lines."""

    def lines(tokens: Sequence[str]) -> list[tuple[str, ...]]:
        out, start = [], 0
        for i, token in enumerate(tokens):
            if "\n" in token:
                out.append(tuple(tokens[start : i + 1]))
                start = i + 1
        return [*out, tuple(tokens[start:])] if start < len(tokens) else out

    ops: TokenOps[str] = []
    pending: tuple[list[str], list[str]] = ([], [])
    for op, block in dmp_engine(lines(old), lines(new)):
        flat = [token for line in block for token in line]
        if op != "equal":
            pending[op == "insert"].extend(flat)
            continue
        ops.extend(dmp_engine(*pending))
        pending = ([], [])
        ops.append(("equal", flat))
    ops.extend(dmp_engine(*pending))
    return ops


ENGINES: dict[str, Engine[str]] = {
    "diff-match-patch on tokens": dmp_engine,
    "difflib on tokens": difflib_engine,
    "difflib on tokens, autojunk": lambda a, b: difflib_engine(a, b, autojunk=True),
    "lines, then dmp on tokens": lines_then_dmp_engine,
}

SECTION_NAMES = [
    "who-we-are",
    "information-we-collect",
    "how-we-use-information",
    "legal-bases",
    "sharing",
    "international-transfers",
    "data-retention",
    "security",
    "your-rights",
    "children",
    "cookies",
    "contact-us",
]
SUBJECTS = ["we", "our service providers", "your organisation", "the administrator", "Fernleaf", "our support team"]
VERBS = ["collect", "use", "share", "store", "process", "keep", "disclose", "transfer", "delete", "review", "protect"]
OBJECTS = [
    "your account information",
    "billing details",
    "device and log information",
    "the content of support requests",
    "clock-in locations",
    "usage information",
    "marketing preferences",
    "timesheets and leave requests",
    "crash reports",
    "personal information",
]
PURPOSES = [
    "to provide the service",
    "to keep the service secure",
    "to comply with our legal obligations",
    "to improve our products",
    "to bill our customers",
    "to answer your questions",
    "to prevent fraud",
    "to send service announcements",
]
CONDITIONS = [
    "where the law allows it",
    "unless you object",
    "for as long as your account is open",
    "only on our instructions",
    "in line with our contract with your employer",
    "when you ask us to",
]
FILLER = [
    *("in", "particular", "however", "such", "as", "including", "where", "necessary", "for", "example"),
    *("at", "any", "time", "in", "writing", "within", "thirty", "days", "as", "described", "below"),
    *("appropriate", "safeguards", "reasonable", "steps"),
]


def _sentence(rng: random.Random) -> str:
    parts = [rng.choice(SUBJECTS), rng.choice(["may", "will", "do not", "only"]), rng.choice(VERBS)]
    parts += [rng.choice(OBJECTS), rng.choice(PURPOSES)]
    if rng.random() < 0.5:
        parts.append(rng.choice(CONDITIONS))
    if rng.random() < 0.4:
        parts.insert(3, " ".join(rng.sample(FILLER, 2)))
    text = " ".join(parts)
    if rng.random() < 0.15:
        target = rng.choice(SECTION_NAMES)
        text += f", as explained in [{target.replace('-', ' ')}](#{target})"
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _section_body(rng: random.Random, target_size: int) -> str:
    blocks: list[str] = []
    while sum(len(b) + 2 for b in blocks) < target_size:
        kind = rng.random()
        if kind < 0.15:
            blocks.append("### " + rng.choice(OBJECTS).capitalize())
        elif kind < 0.3:
            items = [f"- **{rng.choice(OBJECTS).capitalize()}**: {_sentence(rng)}" for _ in range(rng.randint(3, 6))]
            blocks.append("\n".join(items))
        elif kind < 0.36:
            rows = ["| Category | Purpose | Retention |", "|---|---|---|"]
            rows += [
                f"| {rng.choice(OBJECTS)} | {rng.choice(PURPOSES)} | {rng.randint(1, 36)} months |"
                for _ in range(rng.randint(3, 6))
            ]
            blocks.append("\n".join(rows))
        else:
            blocks.append(_paragraph(rng, rng.randint(3, 6)))
    return "\n\n".join(blocks) + "\n"


def make_notice(seed: int, size: int = 60_000) -> dict[str, str]:
    """Files of a notice folder (path -> text), about ``size`` bytes in total."""
    rng = random.Random(seed)
    files = {"index.md": "---\ntitle: Fernleaf Privacy Notice\nlast_updated: 2024-01-01\n---\n" + _paragraph(rng, 4)}
    per_section = (size - len(files["index.md"])) // len(SECTION_NAMES)
    for n, name in enumerate(SECTION_NAMES, start=1):
        front = f"---\nid: {name}\ntitle: {name.replace('-', ' ').capitalize()}\nsummary: {_sentence(rng)}\n---\n"
        files[f"sections/{n:02d}-{name}.md"] = front + _section_body(rng, per_section - len(front))
    return files


def edit_words(text: str, rng: random.Random, rate: float) -> tuple[str, int]:
    """Replace, insert or delete about ``rate`` of the words of a body (not its front matter)."""
    head, sep, body = text.partition("\n---\n")
    tokens = tokenize(body)
    words = [i for i, t in enumerate(tokens) if t[0].isalnum()]
    chosen = rng.sample(words, max(1, round(len(words) * rate)))
    vocabulary = [w for phrase in OBJECTS + PURPOSES + CONDITIONS for w in phrase.split()] + FILLER
    for i in chosen:
        roll = rng.random()
        if roll < 0.6:
            tokens[i] = rng.choice(vocabulary)
        elif roll < 0.8:
            tokens[i] = tokens[i] + " " + rng.choice(vocabulary)
        elif i + 1 < len(tokens) and tokens[i + 1] == " ":
            tokens[i] = tokens[i + 1] = ""
    return head + sep + "".join(tokens), len(chosen)


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up (imports, regex compilation, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _quality(ops: list[tuple[str, str]], old: str, new: str) -> tuple[int, int, int]:
    """(hunks, words marked changed, op boundaries that split a token)."""
    hunks = sum(1 for i, (op, _) in enumerate(ops) if op != "equal" and (i == 0 or ops[i - 1][0] == "equal"))
    words = sum(len(text.split()) for op, text in ops if op != "equal")
    old_cuts, new_cuts = token_boundaries(old), token_boundaries(new)
    split = 0
    old_pos = new_pos = 0
    for op, text in ops:
        if op != "insert":
            old_pos += len(text)
            split += old_pos not in old_cuts
        if op != "delete":
            new_pos += len(text)
            split += new_pos not in new_cuts
    return hunks, words, split


def _dmp_characters(old: str, new: str) -> list[tuple[str, str]]:
    """Reference point: diff-match-patch on characters with its own semantic cleanup (splits words)."""
    dmp = diff_match_patch()
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemantic(diffs)
    names = {0: "equal", 1: "insert", -1: "delete"}
    return [(names[code], text) for code, text in diffs]


def _git_word_diff(tmp: Path, runs: int) -> tuple[float, tuple[int, int, int]] | None:
    """Median time of git's word diff of the two folders, with its hunks and changed words."""
    git = shutil.which("git")
    if not git:
        return None
    cmd = [git, "diff", "--no-index", "--no-color", "--word-diff=porcelain", "old", "new"]
    ms = median_ms(lambda: subprocess.run(cmd, cwd=tmp, capture_output=True, check=False), runs)
    out = subprocess.run(cmd, cwd=tmp, capture_output=True, check=False, text=True).stdout.splitlines()
    changed = [line[0] in "+-" and not line.startswith(("+++", "---")) for line in out]
    hunks = sum(1 for i, c in enumerate(changed) if c and (i == 0 or not changed[i - 1]))
    words = sum(len(line[1:].split()) for line, c in zip(out, changed, strict=True) if c)
    return ms, (hunks, words, 0)


def _write(tmp: Path, old_files: dict[str, str], new_files: dict[str, str]) -> None:
    shutil.rmtree(tmp / "old", ignore_errors=True)
    shutil.rmtree(tmp / "new", ignore_errors=True)
    for side, files in (("old", old_files), ("new", new_files)):
        for path, text in files.items():
            (tmp / side / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp / side / path).write_text(text, encoding="utf-8")


def measure(tmp: Path, old_files: dict[str, str], new_files: dict[str, str], runs: int, engines: list[str]) -> None:
    _write(tmp, old_files, new_files)
    old_notice, new_notice = load_notice(tmp / "old"), load_notice(tmp / "new")
    pairs = [(o.body, n.body) for o, n in zip(old_notice.sections, new_notice.sections, strict=True)]
    git = _git_word_diff(tmp, runs)
    git_ms = git[0] if git else None

    def row(name: str, ms: float, quality: tuple[int, int, int] | None) -> None:
        ratio = f"{ms / git_ms:7.2f}x" if git_ms else ""
        q = f"{quality[0]:5d} hunks {quality[1]:6d} words {quality[2]:4d} split" if quality else ""
        print(f"  {name:32s} {ms:8.1f} ms {ratio:>8s}   {q}")

    def total(qualities: list[tuple[int, int, int]]) -> tuple[int, int, int]:
        return (sum(q[0] for q in qualities), sum(q[1] for q in qualities), sum(q[2] for q in qualities))

    print(f"  {'candidate (12 section bodies)':32s} {'median':>11s} {'vs git':>8s}   quality")
    for name in engines:
        engine = ENGINES[name]

        def run(engine: Engine[str] = engine) -> list[list[tuple[str, str]]]:
            return [
                [(op, "".join(t)) for op, t in diff_tokens(tokenize(a), tokenize(b), engine=engine)] for a, b in pairs
            ]

        ms = median_ms(run, runs)
        row(name, ms, total([_quality(ops, a, b) for ops, (a, b) in zip(run(), pairs, strict=True)]))
    ms = median_ms(lambda: [_dmp_characters(a, b) for a, b in pairs], runs)
    row("(dmp on characters, reference)", ms, total([_quality(_dmp_characters(a, b), a, b) for a, b in pairs]))
    ms = median_ms(lambda: compare_notices(old_notice, new_notice, "old", "new"), runs)
    row("compare_notices (whole notice)", ms, None)
    if git:
        row("git diff --no-index --word-diff", git[0], git[1])
        print("  (git: a new process each run; its words are whitespace-separated, punctuation included)")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--size", type=int, default=60_000, help="notice size in bytes")
    parser.add_argument("--rate", type=float, default=0.02, help="share of words edited")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="skip the slow difflib candidate and the stress cases")
    args = parser.parse_args()

    old_files = make_notice(args.seed, args.size)
    size = sum(len(t.encode()) for t in old_files.values())
    words = sum(len(t.split()) for t in old_files.values())
    engines = [name for name in ENGINES if not (args.quick and name == "difflib on tokens")]
    tmp = Path(tempfile.mkdtemp(prefix="noticekit-bench-"))
    try:
        cases = [(f"{args.rate:.0%} of words edited", args.rate)]
        if not args.quick:
            cases += [("10% of words edited", 0.10), ("rewritten (unrelated text, same size)", None)]
        for label, rate in cases:
            rng = random.Random(args.seed + 1)
            if rate is None:
                new_files = make_notice(args.seed + 99, args.size)
                edits = "all"
            else:
                new_files, count = {}, 0
                for path, text in old_files.items():
                    new_files[path], n = edit_words(text, rng, rate) if path != "index.md" else (text, 0)
                    count += n
                edits = str(count)
            print(f"\n{label}: {size / 1024:.1f} KiB, 12 sections, ~{words} words, {edits} edits, ", end="")
            print(f"median of {args.runs} runs")
            measure(tmp, old_files, new_files, args.runs, engines if rate == args.rate else engines[:1] + engines[2:])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
