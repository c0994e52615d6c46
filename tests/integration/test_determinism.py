"""Reproducible output: the same repository built twice for the same as-of date gives the same bytes.

The two builds run from two copies of the project at different paths, with different hash seeds, so
neither a path, a set's iteration order nor the wall clock can leak into the site unnoticed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.integration.sites import REPO, build, make_project, notice_cli

FIXTURES = REPO / "tests" / "fixtures"


def release(project: Path, notice: Path, as_of: str) -> None:
    shutil.rmtree(project / "notice")
    shutil.copytree(notice, project / "notice")
    result = notice_cli(project, "release", "--as-of", as_of)
    assert result.returncode == 0, result.stdout + result.stderr


def digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module", params=["example", "fixtures"])
def two_builds(request, tmp_path_factory):
    """The example project, and a fixture notice released twice, each built from two checkouts."""
    tmp = tmp_path_factory.mktemp("determinism")
    if request.param == "example":
        project = make_project(tmp / "a" / "project")
    else:
        project = make_project(tmp / "a" / "project", notice=FIXTURES / "other-notice")
        release(project, FIXTURES / "other-notice", "2024-05-20")
        release(project, FIXTURES / "other-notice-v2", "2025-02-10")
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("\nsite_url: https://privacy.example.org/\n")  # so the sitemap lists the pages
    copy = tmp / "elsewhere" / "checkout"
    shutil.copytree(project, copy)
    first = build(project, as_of="2026-11-29", site=tmp / "site-1", PYTHONHASHSEED="1")
    second = build(copy, as_of="2026-11-29", site=tmp / "site-2", PYTHONHASHSEED="2")
    assert first.returncode == 0, first.output
    assert second.returncode == 0, second.output
    return first.site, second.site


def test_two_builds_are_byte_identical(two_builds):
    first, second = two_builds
    one, two = digests(first), digests(second)
    assert sorted(one) == sorted(two), "the same files"
    assert [path for path in one if one[path] != two[path]] == []


def test_the_comparison_covers_sitemaps_search_index_and_every_page(two_builds):
    first, _ = two_builds
    files = digests(first)
    versions = json.loads((first / "versions.json").read_text(encoding="utf-8"))["versions"]
    assert len(versions) >= 2
    pages = [v["url"] for v in versions] + [v["changes_url"] for v in versions if v["changes_url"]]
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "versions.json", "index.html",
                 "versions/index.html", *(f"{page}index.html" for page in pages)):
        assert name in files, name


def test_dates_in_the_output_come_from_the_as_of_date(two_builds):
    first, _ = two_builds
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://privacy.example.org/versions/</loc>" in sitemap
    assert sitemap.count("<lastmod>2026-11-29</lastmod>") == sitemap.count("<loc>") > 3
    with gzip.open(first / "sitemap.xml.gz") as unzipped:
        assert unzipped.read().decode("utf-8") == sitemap
    header_mtime = int.from_bytes((first / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert header_mtime == 1795910400  # 2026-11-29T00:00:00Z
