"""A Noticekit project on disk: its settings, working copy and archive of versions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from noticekit.config import Settings, load_settings
from noticekit.versions.archive import Archive


@dataclass
class Project:
    root: Path
    settings: Settings

    @classmethod
    def load(cls, root: Path) -> Project:
        """Read ``noticekit.yml`` (optional) under ``root``; raises ``ValidationError`` if it is invalid."""
        return cls(root, load_settings(root))

    @property
    def notice_dir(self) -> Path:
        return self.root / self.settings.notice_dir

    @property
    def versions_dir(self) -> Path:
        return self.root / self.settings.versions_dir

    @cached_property
    def archive(self) -> Archive:
        return Archive(self.versions_dir, display=self.settings.versions_dir)

    def material_config(self):  # type: ignore[no-untyped-def]
        """The validated ``material:`` settings (see ``noticekit.classify.MaterialConfig``)."""
        from noticekit.classify import MaterialConfig
        from noticekit.errors import ValidationError

        config, problems = MaterialConfig.from_mapping(self.settings.material, "noticekit.yml")
        if problems:
            raise ValidationError(problems)
        return config
