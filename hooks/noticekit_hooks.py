"""MkDocs hooks: adapt the Noticekit engine to MkDocs events. No logic lives here.

The engine plans every page (notice, versions, changes) as HTML; these hooks swap MkDocs' own files
for that plan, hand MkDocs each page's HTML and outline, and watch the notice folders when serving.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from noticekit.errors import NoticeError
from noticekit.publish import plan_site
from noticekit.render.assets import STYLESHEET, stylesheet
from noticekit.render.hardening import harden_page
from noticekit.render.head import add_feed_links
from noticekit.render.site import SitePlan
from noticekit.versions.status import as_of_date

log = logging.getLogger("mkdocs.hooks.noticekit")
_state: dict[str, object] = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        as_of = as_of_date()
    except NoticeError as exc:
        raise PluginError(str(exc)) from None
    # Reproducible output (sitemap dates, gzip headers) for a given as-of date.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(datetime.combine(as_of, time(), UTC).timestamp())))
    draft = _state["command"] == "serve" or os.environ.get("NOTICEKIT_DRAFT") == "1"
    try:
        plan, warnings = plan_site(root, as_of, draft=draft, site_url=config.site_url or "")
    except NoticeError as exc:
        raise PluginError(f"the notice is not valid:\n{exc}") from None
    for warning in warnings:
        # INFO, not WARNING: `strict: true` would turn a draft's notes into a failed preview.
        log.info(f"noticekit warning: {warning}")
    _state["plan"] = plan
    _state["root"] = root
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan: SitePlan = _state["plan"]  # type: ignore[assignment]
    # The notice folder is the docs_dir: its Markdown files are sections, not pages of their own.
    kept = Files([f for f in files if not f.is_documentation_page()])
    for page in plan.pages:
        kept.append(File.generated(config, page.src, content=f"# {page.title}\n"))
    for path, data in plan.files.items():
        kept.append(File.generated(config, path, content=data))
    kept.append(File.generated(config, STYLESHEET, content=stylesheet()))
    return kept


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan: SitePlan = _state["plan"]  # type: ignore[assignment]
    planned = plan.page(page.file.src_uri)
    if planned is None:
        return html
    page.title = planned.title  # type: ignore[assignment]
    page.toc = get_toc(_toc_tokens(planned.toc))
    return planned.html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # CSP (not when serving: live reload adds an inline script per request) and safe rel on external links.
    serving = _state["command"] == "serve"
    return harden_page(add_feed_links(output, page.url, f"{config.site_name}: versions"), with_policy=not serving)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html is a theme template, not a page: it needs the same policy.
    return harden_page(output_content) if template_name == "404.html" else output_content


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:  # type: ignore[no-untyped-def]
    root: Path = _state["root"]  # type: ignore[assignment]
    for name in ("versions", "noticekit.yml", "templates"):
        if (root / name).exists():
            server.watch(str(root / name))
    return server


def _toc_tokens(headings) -> list[dict]:  # type: ignore[no-untyped-def]
    tokens: list[dict] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.text, "children": []}
        # The sidebar lists the sections only: sub-headings would make it as long as the notice.
        if heading.level <= 2:
            tokens.append(token)
    return tokens
