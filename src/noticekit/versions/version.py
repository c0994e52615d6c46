"""``Version``: a released, immutable notice as recorded in its ``manifest.json``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(files: Mapping[str, str]) -> str:
    """One digest for a whole version: the SHA-256 of its sorted ``path  digest`` lines."""
    lines = "".join(f"{path}  {digest}\n" for path, digest in sorted(files.items()))
    return sha256(lines.encode("utf-8"))


@dataclass(frozen=True)
class Version:
    """A released version. Validated on construction; serialised with ``to_json``/``from_json``."""

    id: str
    """The working copy's ``last_updated`` date at release, ``YYYY-MM-DD``; also the folder name."""
    title: str
    last_updated: date
    effective: date
    announced: date | None
    files: Mapping[str, str]
    """SHA-256 of every file of the version (manifest excluded), by path relative to its folder."""
    commit: str | None = None
    """The git commit the release was made from (HEAD at release time), when in a git repository."""
    change_summary: str | None = None
    material: bool | None = None
    """Whether this version is a material change; None for the first version (nothing to compare)."""
    material_declared: bool | None = None
    """The editor's own decision from front matter, when given."""
    material_reason: str | None = None
    findings: tuple[Mapping[str, Any], ...] = ()
    """Detected material-change findings against the previous version, as JSON objects."""
    baseline: str | None = None
    """The version this one was compared against at release."""
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if self.id != self.last_updated.isoformat():
            raise ValueError(f"version id {self.id!r} must equal its last_updated date {self.last_updated}")
        if self.effective < self.last_updated:
            raise ValueError(f"version {self.id}: effective {self.effective} is before last_updated")
        if not self.files:
            raise ValueError(f"version {self.id} has no files")
        if not self.sha256:
            object.__setattr__(self, "sha256", fingerprint(self.files))

    def __repr__(self) -> str:
        return f"<Version {self.id} effective={self.effective} material={self.material}>"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MANIFEST_FORMAT,
            "id": self.id,
            "title": self.title,
            "last_updated": self.last_updated.isoformat(),
            "effective": self.effective.isoformat(),
            "announced": self.announced.isoformat() if self.announced else None,
            "change_summary": self.change_summary,
            "material": self.material,
            "material_declared": self.material_declared,
            "material_reason": self.material_reason,
            "baseline": self.baseline,
            "findings": [dict(f) for f in self.findings],
            "commit": self.commit,
            "sha256": self.sha256,
            "files": dict(sorted(self.files.items())),
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Version:
        """Build from a manifest; raises ``ValueError``/``KeyError``/``TypeError`` on a malformed one."""
        if data.get("format") != MANIFEST_FORMAT:
            raise ValueError(f"unknown manifest format {data.get('format')!r}")

        def day(key: str) -> date | None:
            value = data.get(key)
            return date.fromisoformat(value) if value else None

        last_updated = day("last_updated")
        effective = day("effective")
        if last_updated is None or effective is None:
            raise ValueError("manifest lacks last_updated or effective")
        files = data["files"]
        if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
            raise TypeError("'files' must map paths to SHA-256 digests")
        version = cls(
            id=str(data["id"]),
            title=str(data["title"]),
            last_updated=last_updated,
            effective=effective,
            announced=day("announced"),
            files=files,
            commit=data.get("commit"),
            change_summary=data.get("change_summary"),
            material=data.get("material"),
            material_declared=data.get("material_declared"),
            material_reason=data.get("material_reason"),
            findings=tuple(data.get("findings") or ()),
            baseline=data.get("baseline"),
            sha256=str(data.get("sha256") or ""),
        )
        if version.sha256 != fingerprint(version.files):
            raise ValueError("manifest sha256 does not match its file list")
        return version
