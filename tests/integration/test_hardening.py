"""Every page of a built site carries the Content-Security-Policy with the hashes of its own inline
scripts, and every link that leaves the site has rel="noopener noreferrer" (the theme's footer too)."""

from __future__ import annotations

import base64
import hashlib
import shutil

import pytest

from noticekit.render.hardening import inline_scripts
from tests.integration.sites import REPO, build, make_project, notice_cli

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hardening")
    notice = tmp / "notice"
    shutil.copytree(FIXTURES / "other-notice", notice)
    section = notice / "sections" / "09-data-subject-rights.md"
    section.write_text(
        section.read_text(encoding="utf-8")
        + "\nYou may also complain to [the regulator](https://www.example.org/complaints?lang=en&x=1).\n",
        encoding="utf-8",
    )
    project = make_project(tmp / "project", notice=notice)
    released = notice_cli(project, "release", "--as-of", "2024-05-20")
    assert released.returncode == 0, released.stdout + released.stderr
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def pages(site):  # type: ignore[no-untyped-def]
    # 404.html is rendered by MkDocs as a theme template, not a page: it has no on_post_page event.
    return [p for p in sorted(site.site.rglob("*.html")) if p.name != "404.html"]


def policy(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    (meta,) = page.select('meta[http-equiv="Content-Security-Policy"]')
    return {d.split()[0]: d.split()[1:] for d in meta["content"].split(";") if d.strip()}


def test_every_page_has_the_policy_before_anything_loads(site):
    assert len(pages(site)) >= 3
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        head = text[: text.index("</head>")]
        at = head.index('http-equiv="Content-Security-Policy"')
        assert head.index("<meta charset") < at
        assert at < min(head.index(tag) for tag in ("<link", "<script") if tag in head), path


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_else_inline(site):
    for path in pages(site):
        text = path.read_text(encoding="utf-8")
        script_src = policy(site.page(path.relative_to(site.site).as_posix()))["script-src"]
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        scripts = inline_scripts(text)
        assert scripts, "Material's inline scripts"
        expected = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
        assert set(script_src) == {"'self'", *expected}, path


def test_policy_forbids_other_hosts(site):
    directives = policy(site.page(""))
    assert directives["default-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    for name in ("font-src", "connect-src", "worker-src", "base-uri", "form-action"):
        assert directives[name] == ["'self'"]
    assert not any(v.startswith(("http", "*")) for values in directives.values() for v in values)


def test_external_links_have_noopener_noreferrer(site):
    page = site.page("")
    regulator = page.find("a", string="the regulator")
    assert regulator["href"] == "https://www.example.org/complaints?lang=en&x=1"
    assert regulator["rel"] == ["noopener", "noreferrer"]
    for path in pages(site):
        soup = site.page(path.relative_to(site.site).as_posix())
        external = soup.select('a[href^="http"], a[href^="//"]')
        assert external, "Material's footer link at least"
        for link in external:
            assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), (path, link)
