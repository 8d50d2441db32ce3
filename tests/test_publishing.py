"""Issue 16, item 17: the Pages workflow publishes only what passed the test command."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def _steps(job: dict) -> list[str]:
    """Each step as one string: its ``uses`` or its ``run`` command."""
    return [step.get("uses") or step.get("run", "") for step in job["steps"]]


def test_the_build_job_runs_the_tests_before_it_builds_and_uploads() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    steps = _steps(build)
    tests = next(i for i, step in enumerate(steps) if step.strip() == "bash .ci/run")
    site = next(i for i, step in enumerate(steps) if "mkdocs build --strict" in step)
    upload = next(i for i, step in enumerate(steps) if step.startswith("actions/upload-pages-artifact"))
    assert steps[0].startswith("actions/checkout") and 0 < tests < site < upload
    # A failing step fails the job: nothing may let the test step pass regardless.
    assert not any(step.get("continue-on-error") for step in build["steps"])
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    # The machine CI describes: Debian with Python 3.11 (.ci/run installs Debian's chromium).
    assert build["container"].startswith("python:3.11-") and "bookworm" in build["container"]


def test_ci_run_runs_the_readme_test_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "<!-- test-command -->" in readme and "<!-- test-command -->" in script
    assert 'bash -c "$test_command"' in script
