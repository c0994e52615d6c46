"""Split a Markdown file into YAML front matter and body, keeping line numbers.

We compose the YAML into nodes instead of loading it, so every key and value keeps the line it was
written on, and so that values are converted by our own typed fields (PyYAML would otherwise turn
``2022-02-30`` into a ValueError traceback and ``no`` into ``False``).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from noticekit.model import Problem

DELIMITER = "---"
# libyaml's loader keeps the same marks (lines) and is several times faster than the pure-Python one.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class RawValue:
    """A front-matter value before typing: the YAML node and where it was written."""

    node: yaml.Node
    key_line: int
    line: int


@dataclass(frozen=True)
class FrontMatter:
    values: dict[str, RawValue]
    body: str
    body_line: int
    """1-based line of the file on which the body starts."""


def split_front_matter(text: str, file: str) -> tuple[FrontMatter | None, list[Problem]]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != DELIMITER:
        return None, [
            Problem(file, 1, "no front matter: the file must start with a '---' line, then YAML keys, then '---'")
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r\n") in (DELIMITER, "...")), None)
    if end is None:
        return None, [Problem(file, 1, "front matter is not closed: add a '---' line after the YAML keys")]

    yaml_text = "".join(lines[1:end])
    try:
        root = yaml.compose(yaml_text, Loader=LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(file, line, f"YAML syntax error in front matter: {reason}")]

    values: dict[str, RawValue] = {}
    problems: list[Problem] = []
    if root is None:
        pass
    elif not isinstance(root, yaml.MappingNode):
        problems.append(Problem(file, 2, "front matter must be a mapping of 'key: value' lines"))
    else:
        for key_node, value_node in root.value:
            key = str(key_node.value)
            key_line = key_node.start_mark.line + 2
            if key in values:
                problems.append(Problem(file, key_line, f"duplicate key '{key}' in front matter"))
                continue
            values[key] = RawValue(value_node, key_line, value_node.start_mark.line + 2)

    body = "".join(lines[end + 1 :])
    return FrontMatter(values, body, end + 2), problems
