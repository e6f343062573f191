"""Project hygiene: dependencies in sync, the README's commands are what CI runs."""

import re
import tomllib

import yaml
from conftest import ROOT


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*(.*)$", requirement)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def test_environment_yml_declares_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pip_side = dict(_name_and_spec(r) for r in project["dependencies"] + project["optional-dependencies"]["test"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next((d["pip"] for d in env["dependencies"] if isinstance(d, dict)), [])
    conda_side = dict(
        _name_and_spec(d) for d in env["dependencies"] + [p for p in pip_section if p != "-e ."] if isinstance(d, str)
    )
    conda_side.pop("python"), conda_side.pop("pip")
    assert conda_side == pip_side
    assert env["channels"] == ["conda-forge"]


def _readme_commands() -> list[str]:
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ")[0]
    return re.findall(r"^\s*(make \S+)\s*$", head, flags=re.MULTILINE)


def test_readme_opens_with_the_two_commands():
    assert _readme_commands()[:2] == ["make report", "make test"]


def test_ci_runs_exactly_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == _readme_commands()[1]
    assert "set -euo pipefail" in commands


def test_the_readme_lists_every_library_module_once():
    """The README's module table and src/analysis/ match one to one: a new or renamed module needs its line."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("### The library, module by module") :].split("\n\n")[1]
    listed = [m for row in table.splitlines()[2:] for m in re.findall(r"`(\w+)`", row.split("|")[1])]
    modules = sorted(p.stem for p in (ROOT / "src" / "analysis").glob("*.py"))
    assert sorted(listed) == modules
    assert len(listed) == len(set(listed))
