#!/usr/bin/env python3
"""Check eval/material_edits.yaml against its schema and print counts per category.

Usage: python3 eval/validate.py [path/to/material_edits.yaml]
Exits non-zero on any problem. Needs PyYAML.
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

MATERIAL = [
    "new_purpose", "new_data_category", "new_recipients", "longer_retention",
    "rights_reduced", "transfer_mechanism", "controller_identity", "children",
    "negation_removed", "section_removed",
]
NON_MATERIAL = [
    "typo", "capitalisation", "punctuation", "formatting", "reflow", "clarification",
    "contact_details", "link_target", "shorter_retention", "rights_added",
    "stronger_protection", "reorder",
]
FIELDS = ["id", "category", "material", "note", "style", "section_title", "before", "after"]
MIN_MATERIAL_PER_CAT = 3
MIN_NON_MATERIAL_PER_CAT = 2
MIN_CASES = 60
MIN_STYLES = 4
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TOP_HEADING = re.compile(r"^#{1,2}\s", re.M)
SUB_HEADING = re.compile(r"^###\s+(.+)$", re.M)


def words(text):
    return len(re.findall(r"[A-Za-z0-9£$€][\w'’.-]*", text))


def validate(path):
    errors = []
    cases = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        return ["top level is not a list"], Counter(), set()
    ids = Counter()
    counts = Counter()
    styles = set()
    for i, c in enumerate(cases):
        where = f"case #{i} ({c.get('id', '?') if isinstance(c, dict) else '?'})"
        if not isinstance(c, dict):
            errors.append(f"{where}: not a mapping")
            continue
        missing = [f for f in FIELDS if f not in c]
        extra = [f for f in c if f not in FIELDS]
        if missing:
            errors.append(f"{where}: missing fields {missing}")
        if extra:
            errors.append(f"{where}: unknown fields {extra}")
        for f in FIELDS:
            if f != "material" and f in c and not (isinstance(c[f], str) and c[f].strip()):
                errors.append(f"{where}: {f} must be a non-empty string")
        cid, cat = c.get("id"), c.get("category")
        ids[cid] += 1
        if isinstance(cid, str) and not SLUG.match(cid):
            errors.append(f"{where}: id is not a lower-case slug")
        if cat in MATERIAL:
            want = True
        elif cat in NON_MATERIAL:
            want = False
        else:
            errors.append(f"{where}: unknown category {cat!r}")
            want = None
        if not isinstance(c.get("material"), bool):
            errors.append(f"{where}: material must be true or false")
        elif want is not None and c["material"] is not want:
            errors.append(f"{where}: material={c['material']} but category {cat} implies {want}")
        counts[cat] += 1
        if isinstance(c.get("style"), str):
            styles.add(c["style"])
        before, after = c.get("before"), c.get("after")
        if isinstance(before, str) and isinstance(after, str):
            if before == after:
                errors.append(f"{where}: before == after")
            for name, text in (("before", before), ("after", after)):
                if TOP_HEADING.search(text):
                    errors.append(f"{where}: {name} contains a # or ## heading")
                n = words(text)
                if not 25 <= n <= 220:
                    errors.append(f"{where}: {name} has {n} words (expected roughly 40-200)")
            if cat == "section_removed":
                gone = set(SUB_HEADING.findall(before)) - set(SUB_HEADING.findall(after))
                if not gone:
                    errors.append(f"{where}: section_removed but no ### sub-heading disappears")
    for cid, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {cid!r} ({n} times)")
    for cat in MATERIAL:
        if counts[cat] < MIN_MATERIAL_PER_CAT:
            errors.append(f"category {cat}: {counts[cat]} cases, need >= {MIN_MATERIAL_PER_CAT}")
    for cat in NON_MATERIAL:
        if counts[cat] < MIN_NON_MATERIAL_PER_CAT:
            errors.append(f"category {cat}: {counts[cat]} cases, need >= {MIN_NON_MATERIAL_PER_CAT}")
    if len(cases) < MIN_CASES:
        errors.append(f"only {len(cases)} cases, need >= {MIN_CASES}")
    if len(styles) < MIN_STYLES:
        errors.append(f"only {len(styles)} styles, need >= {MIN_STYLES}")
    return errors, counts, styles


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("material_edits.yaml")
    errors, counts, styles = validate(path)
    mat = sum(counts[c] for c in MATERIAL)
    non = sum(counts[c] for c in NON_MATERIAL)
    print("material (label true):")
    for cat in MATERIAL:
        print(f"  {cat:22} {counts[cat]}")
    print("non-material (label false):")
    for cat in NON_MATERIAL:
        print(f"  {cat:22} {counts[cat]}")
    print(f"total {mat + non}: {mat} material, {non} non-material; styles: {', '.join(sorted(styles))}")
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
