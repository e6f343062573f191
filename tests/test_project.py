"""Project hygiene: dependencies in sync, the README's commands are what CI runs."""

import re
import tomllib

import yaml
from conftest import ROOT


def _name_and_spec(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*(.*)$", requirement)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def _requirements() -> list[str]:
    """Every requirement of pyproject.toml: the report run's and each extra's (the test extra's reference to the
    project's own extras aside)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [r for reqs in project["optional-dependencies"].values() for r in reqs]
    return [r for r in project["dependencies"] + extras if not r.startswith(project["name"])]


def test_environment_yml_declares_the_same_packages_as_pyproject():
    pip_side = dict(_name_and_spec(r) for r in _requirements())
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next((d["pip"] for d in env["dependencies"] if isinstance(d, dict)), [])
    conda_side = dict(
        _name_and_spec(d) for d in env["dependencies"] + [p for p in pip_section if p != "-e ."] if isinstance(d, str)
    )
    conda_side.pop("python"), conda_side.pop("pip")
    assert conda_side == pip_side
    assert env["channels"] == ["conda-forge"]


def test_environment_yml_is_valid_for_conda():
    """conda's own packages are a name and version constraints (conda's match specs): no extras such as
    'frictionless[excel]', which only pip reads (they stand in the pip section)."""
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    spec = re.compile(
        r"^[a-z0-9][a-z0-9_.-]*(?:\s*(?:[<>=!]=?|==)\s*[0-9][0-9a-z.*]*(?:,(?:[<>=!]=?)[0-9][0-9a-z.*]*)*)?$"
    )
    assert [d for d in conda if not spec.match(d)] == []
    assert set(env) == {"name", "channels", "dependencies"}


def test_constraints_are_current_with_pyproject_and_satisfy_it():
    """constraints.txt (make lock) pins what a fresh machine installs: made from pyproject.toml's dependencies as
    they are now, and every requirement's pin (for Python 3.11 on Linux) within its floor and ceiling."""
    import subprocess
    import sys

    from packaging.markers import Marker
    from packaging.requirements import Requirement

    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "lock.py"), "--check"], check=False, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    env = {"python_full_version": "3.11.7", "python_version": "3.11", "sys_platform": "linux", "os_name": "posix",
           "platform_system": "Linux", "implementation_name": "cpython", "platform_python_implementation": "CPython"}  # fmt: skip
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9_.-]+)==([^ ;]+)\s*(?:;\s*(.*))?$", line)
        if found and (not found.group(3) or Marker(found.group(3)).evaluate(env)):
            pins[found.group(1).lower().replace("_", "-")] = found.group(2)
    for text in _requirements():
        requirement = Requirement(text)
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not pinned in constraints.txt: run `make lock`"
        assert requirement.specifier.contains(pins[name]), f"{text}: constraints.txt pins {pins[name]}"


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


def test_the_architecture_doc_lists_every_library_module_once():
    """docs/architecture.md's module table and src/analysis/ match one to one: a new or moved module needs its
    line ('data/tidy' for src/analysis/data/tidy.py; a sub-package's own __init__ is not listed)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text[text.index("## The library, floor by floor") :].split("\n\n")[3]
    listed = [m for row in table.splitlines()[2:] for m in re.findall(r"`([\w/]+)`", row.split("|")[1])]
    package = ROOT / "src" / "analysis"
    modules = sorted(
        p.relative_to(package).with_suffix("").as_posix()
        for p in package.rglob("*.py")
        if p.parent == package or p.name != "__init__.py"
    )
    assert sorted(listed) == modules
    assert len(listed) == len(set(listed))


def test_every_file_of_the_library_but_extract_counts_as_a_change_to_the_reports():
    """An edit to any file of the package (code, templates, the words of words.toml) makes the next report run
    execute again: the files the run's record is hashed from are all of them, caches aside, but extract's, which
    no report runs (a word added for extract re-executes nothing)."""
    from analysis import stamps

    package = ROOT / "src" / "analysis"
    every = {p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    extract = {p for p in every if p.relative_to(package).parts[0] == "extract"}
    assert extract and set(stamps.library_files()) == every - extract


def test_a_word_given_in_one_language_only_is_refused_with_its_place(monkeypatch):
    """words.toml holds both languages of every word; one added in Dutch alone is named, not shown half-translated."""
    import pytest

    from analysis import i18n

    monkeypatch.setitem(i18n._WORDS, "text", {**i18n._WORDS["text"], "new_word": {"nl": "nieuw"}})
    with pytest.raises(ValueError, match=r"words.toml \[text\] new_word: needs exactly nl and en, has nl"):
        i18n._by_language("text")
    assert i18n._by_language("changes")["en"]["added"] == "added"  # a complete section reads as before


def test_a_term_of_the_data_dictionary_with_a_misspelt_field_is_refused_with_its_place(monkeypatch):
    import pytest

    from analysis import dictionary

    monkeypatch.setitem(
        dictionary._TERMS, "measures", {"jobs": {"label_nl": "Banen", "label_en": "Jobs", "decimal": 1}}
    )
    with pytest.raises(ValueError, match=r"dictionary.toml \[measures.jobs\]: decimal: a Measure has .*decimals"):
        dictionary._vocabulary("measures", dictionary.Measure)
    monkeypatch.setitem(dictionary._TERMS, "groups", {"x": {"label_nl": "x"}})  # no English label
    with pytest.raises(ValueError, match=r"dictionary.toml \[groups.x\]: label_en"):
        dictionary._vocabulary("groups", dictionary.Term)


def test_the_test_session_imports_the_library_before_its_plugins():
    """`-p analysis` in pyproject.toml: nbval imports nbformat, and so jsonschema, before any test; with the
    library first, jsonschema finds rfc3987_syntax set aside and does not compile its grammars (1.4 s of CPU)."""
    import sys

    assert "rfc3987_syntax" in sys.modules and sys.modules["rfc3987_syntax"] is None
