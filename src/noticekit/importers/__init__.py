"""Importers: bring an existing notice into Noticekit.

``import_document`` reads one published notice (an HTML page or a Markdown document) into the working
copy; ``import_git`` releases one version per commit that changed a notice in a git repository.
The converters return plain ``Draft`` data, which ``writer`` turns into a notice folder.
"""

from noticekit.importers.document import ImportResult, import_document
from noticekit.importers.git_history import HistoryImport, SkippedCommit, import_git

__all__ = ["HistoryImport", "ImportResult", "SkippedCommit", "import_document", "import_git"]
