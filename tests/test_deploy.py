"""The deploy examples run the README's build command, and they work; builds are reproducible wherever they run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, TODAY, files_of

GITHUB = REPO / ".github/workflows/pages.yml"
GITLAB = REPO / ".gitlab-ci.yml"


def readme_build_command() -> str:
    """The one command in the README's Publishing section's first code block."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    publishing = readme.split("\n## Publishing\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)\n```", publishing, re.DOTALL)
    assert block is not None, "README's Publishing section has no ```sh block"
    return block.group(1).strip()


def _commands(script: str | list[str]) -> list[str]:
    lines = script if isinstance(script, list) else script.splitlines()
    return [line.strip() for line in lines if line.strip()]


def test_readme_build_command_is_strict_and_takes_the_address_from_the_environment() -> None:
    assert readme_build_command() == 'python3 build.py build --strict --base-url "$BASE_URL"'


def test_github_workflow_builds_with_the_readme_command_and_deploys_site_to_pages() -> None:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    runs = [command for step in build if "run" in step for command in _commands(step["run"])]
    assert runs[0] == "python3 -m pip install ."
    assert readme_build_command() in runs
    build_step = next(step for step in build if readme_build_command() in step.get("run", ""))
    assert "steps.pages.outputs.base_url" in build_step["env"]["BASE_URL"]
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["environment"]["name"] == "github-pages"


def test_gitlab_pages_job_builds_with_the_readme_command_and_publishes_public() -> None:
    pages = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["pages"]
    script = _commands(pages["script"])
    assert script[0] == "python3 -m pip install ."
    assert readme_build_command() in script
    assert script[-1] == "mv site public"
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["variables"]["BASE_URL"] == "$CI_PAGES_URL"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A git checkout of the project's files, as CI has it, with one commit of a known date."""
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy2(REPO / "build.py", root)
    for name in ("catalogue", "content", "templates", "static"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-28T12:00:00Z", "GIT_COMMITTER_DATE": "2026-11-28T12:00:00Z"}
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "."],
        ["git", "-c", "user.name=CI", "-c", "user.email=ci@example.jp", "commit", "-q", "-m", "site"],
    ):
        subprocess.run(command, cwd=root, check=True, env=env)
    return root


def _run(script: list[str], cwd: Path, env: dict[str, str]) -> None:
    """Run a CI script's lines in one shell, minus the install step (the package is installed here already)."""
    lines = [line for line in script if "pip install" not in line]
    lines = [line.replace("python3 ", f"{sys.executable} ") for line in lines]
    result = subprocess.run(["bash", "-ec", "\n".join(lines)], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_gitlab_script_publishes_a_working_site_for_the_pages_url(checkout: Path) -> None:
    script = _commands(yaml.safe_load(GITLAB.read_text(encoding="utf-8"))["pages"]["script"])
    env = {
        **os.environ,
        "BASE_URL": "https://wakaba.gitlab.io/kouminrenkei/",  # what GitLab sets from $CI_PAGES_URL
        "CI_COMMIT_TIMESTAMP": "2026-11-28T12:00:00+00:00",
    }
    _run(script, checkout, env)
    public = checkout / "public"
    assert not (checkout / "site").exists()
    assert 'href="/kouminrenkei/challenges/"' in (public / "index.html").read_text(encoding="utf-8")
    assert "Sitemap: https://wakaba.gitlab.io/kouminrenkei/sitemap.xml" in (public / "robots.txt").read_text()


def test_github_build_step_uses_the_last_commit_time(checkout: Path) -> None:
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    step = next(s for s in workflow["jobs"]["build"]["steps"] if readme_build_command() in s.get("run", ""))
    env = {**os.environ, "BASE_URL": "https://wakaba.github.io/desk"}  # configure-pages gives no trailing slash
    _run(_commands(step["run"]), checkout, env)
    site = checkout / "site"
    assert 'href="/desk/cases/"' in (site / "index.html").read_text(encoding="utf-8")
    # The one timestamp content cannot date: a feed with no entries (防災・安全 has no challenge).
    feed = (site / "categories/disaster/feed.xml").read_text(encoding="utf-8")
    assert "<updated>2026-11-28T21:00:00+09:00</updated>" in feed


def test_builds_are_byte_identical_whatever_the_machine_locale_time_zone_and_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for number, env in enumerate(
        [
            {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"},
            {"PYTHONHASHSEED": "2", "TZ": "America/New_York", "LC_ALL": "ja_JP.UTF-8", "LANG": "en_GB.UTF-8"},
        ]
    ):
        out = tmp_path / f"site{number}"
        command = [sys.executable, "build.py", "build", "--today", TODAY, "--out", str(out)]
        environment = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", **env}
        subprocess.run(command, cwd=REPO, env=environment, check=True, capture_output=True)
        outputs.append(files_of(out))
    assert outputs[0].keys() == outputs[1].keys()
    assert {"feed.xml", "sitemap.xml", "robots.txt", "challenges.csv", "cases.json", "stats/index.html"} <= set(
        outputs[0]
    )
    assert [name for name in outputs[0] if outputs[0][name] != outputs[1][name]] == []
