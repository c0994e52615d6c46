"""Material-change classification: rules over the diff data, and the release decision.

``detect(diff, config)`` reads a ``NoticeDiff`` (never rendered HTML) and returns ``Finding``s, each
naming its rule, category, section, reason and before/after excerpts. ``decide(meta, findings,
config)`` combines them with the editor's ``material:`` declaration; ``notice_period_problems``
checks the announced/effective dates of a material version.
"""

from noticekit.classify.config import MaterialConfig
from noticekit.classify.decision import Decision, decide, notice_period_problems, yearly_review_warning
from noticekit.classify.detect import INTRO_ID, detect, section_changes
from noticekit.classify.findings import CATEGORIES, CATEGORY_LABELS, Finding

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "INTRO_ID",
    "Decision",
    "Finding",
    "MaterialConfig",
    "decide",
    "detect",
    "notice_period_problems",
    "section_changes",
    "yearly_review_warning",
]
