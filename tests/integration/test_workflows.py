"""The GitHub Actions workflows: valid against GitHub's schema (offline), the right triggers, the official
Pages actions, and a pull-request summary that really shows the redline and the findings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.integration.sites import REPO, make_project

WORKFLOWS = REPO / ".github" / "workflows"
FIXTURES = REPO / "tests" / "fixtures"
BIN = Path(sys.executable).parent


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean True.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in steps(workflow) if "uses" in step]


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_workflow_is_valid_against_githubs_schema(name):
    checker = BIN / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOWS / name)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_actions_are_pinned_to_a_major_version_and_python_is_311(name):
    workflow = load(name)
    for action in uses(workflow):
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", action), action
    setup = [s for s in steps(workflow) if s.get("uses", "").startswith("actions/setup-python@")]
    assert [s["with"]["python-version"] for s in setup] == ["3.11"]
    assert "pip install ." in runs(workflow)
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "integrity checks need the whole git history"


def test_check_runs_on_pull_requests_and_fails_on_strict_problems():
    workflow = load("check.yml")
    assert "pull_request" in workflow["on"]
    assert "notice check --strict" in runs(workflow)
    assert "mkdocs build --strict" in runs(workflow)
    assert workflow["permissions"] == {"contents": "read"}


def test_check_summary_uses_the_markdown_redline_and_the_json_findings():
    script = summary_script()
    assert '"diff"' in script and '"--format", "markdown"' in script
    assert '"check", "--strict", "--json"' in script
    assert "GITHUB_STEP_SUMMARY" in script


def test_publish_triggers_on_main_daily_and_by_hand():
    workflow = load("publish.yml")
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    _minute, hour, day, month, weekday = cron.split()
    assert (day, month, weekday) == ("*", "*", "*") and hour.isdigit(), "once a day"


def test_publish_builds_strictly_and_deploys_with_the_official_pages_actions():
    workflow = load("publish.yml")
    assert "mkdocs build --strict" in runs(workflow)
    actions = [a.split("@")[0] for a in uses(workflow)]
    assert actions.index("actions/configure-pages") < actions.index("actions/upload-pages-artifact")
    assert actions[-1] == "actions/deploy-pages"
    deploy = next(
        job for job in workflow["jobs"].values() if any("deploy-pages" in s.get("uses", "") for s in job["steps"])
    )
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["needs"] == "build"
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def summary_script() -> str:
    workflow = load("check.yml")
    (step,) = [s for s in steps(workflow) if s.get("shell") == "python"]
    return step["run"]


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-02-10T09:00:00Z", "GIT_COMMITTER_DATE": "2025-02-10T09:00:00Z"}
    subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, env=env, check=True, capture_output=True,
    )


def notice(project: Path, *args: str) -> None:
    result = subprocess.run([str(BIN / "notice"), *args], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def run_summary(project: Path, tmp_path: Path, as_of: str) -> str:
    script = tmp_path / "summary.py"
    script.write_text(summary_script(), encoding="utf-8")
    out = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(
        NOTICE_AS_OF=as_of, NOTICE_BASE="main", GITHUB_STEP_SUMMARY=str(out),
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    result = subprocess.run([sys.executable, str(script)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture
def pull_request(tmp_path):
    """A repository whose main branch has one version, and a branch that releases a material update."""
    project = make_project(tmp_path / "repo", notice=FIXTURES / "other-notice")
    git(project, "init", "-q", "-b", "main")
    notice(project, "release", "--as-of", "2024-05-20")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "First version")
    git(project, "checkout", "-q", "-b", "update")
    shutil.rmtree(project / "notice")
    shutil.copytree(FIXTURES / "other-notice-v2", project / "notice")
    notice(project, "release", "--as-of", "2025-02-10")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Material update")
    return project


def test_pull_request_summary_shows_the_new_versions_redline_and_findings(pull_request, tmp_path):
    summary = run_summary(pull_request, tmp_path, as_of="2025-02-20")
    assert "`notice check --strict`: passed" in summary
    assert "### New version 2025-02-10 (effective 2025-03-15, upcoming)" in summary
    assert "> From 15 March 2025 we share parts of customers' purchase history" in summary
    assert "**Material-change findings** (material change):" in summary
    findings = re.findall(r"^- \*\*[A-Z][^*]+\*\* in `[a-z-]+`: .+$", summary, re.MULTILINE)
    assert findings, summary
    assert "#### Redline from 2024-05-20" in summary
    assert "7" in summary.split("#### Redline from 2024-05-20", 1)[1]
    assert "Unreleased changes" not in summary


def test_pull_request_summary_shows_unreleased_edits_and_the_strict_failure(pull_request, tmp_path):
    section = pull_request / "notice" / "sections" / "09-storage-periods.md"
    section.write_text(section.read_text(encoding="utf-8") + "\nWe keep invoices for twelve years.\n", encoding="utf-8")
    summary = run_summary(pull_request, tmp_path, as_of="2025-02-20")
    assert "`notice check --strict`: failed" in summary
    assert "not yet released" in summary
    assert "### Unreleased changes since 2025-02-10" in summary
    assert "twelve years" in summary.split("### Unreleased changes", 1)[1]
