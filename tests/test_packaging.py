"""Packaging: pinned dependencies agree between pyproject.toml and environment.yml."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from analysis import config

ROOT = config.PROJECT_ROOT
# conda-forge spells a few packages differently from PyPI
CONDA_NAMES = {"vadersentiment": "vadersentiment"}


def _pyproject_pins() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = data["project"]
    specs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        specs += extra
    pins = {}
    for spec in specs:
        name, _, version = spec.partition("==")
        assert version, f"{spec!r} in pyproject.toml is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def _environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"^\s+-\s+([A-Za-z0-9_.\-]+)=([0-9][^\s#]*)", line)
        if m and m.group(1) != "python":
            pins[m.group(1).lower()] = m.group(2)
    return pins


def test_environment_yml_pins_match_pyproject():
    pyproject = {CONDA_NAMES.get(k, k): v for k, v in _pyproject_pins().items()}
    assert _environment_pins() == pyproject


def test_environment_yml_installs_the_package_itself():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- pip:\s*\n\s+- -e \.\s*$", text, re.M)


def test_installed_versions_are_the_pinned_ones():
    from importlib.metadata import version

    for name, pinned in _pyproject_pins().items():
        assert version(name) == pinned, f"{name} {version(name)} installed, {pinned} pinned: run make install"


def test_cli_help_lists_subcommands_and_exit_codes():
    out = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True).stdout
    assert "build" in out and "report" in out
    assert "3  the build completed but some records were rejected" in out


def test_make_help_lists_the_targets():
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for target in ("report", "test", "install"):
        assert target in out
