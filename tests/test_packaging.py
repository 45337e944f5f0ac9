"""A plain (non-editable) install works: the wheel holds the catalogue, and gpguide answers from any directory.

Offline: the wheel is built with this environment's setuptools (no build isolation) and installed without an
index or dependencies into a fresh venv, which sees this environment's packages through a .pth file."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import CATALOG, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("gpguide", "catalog"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index", "--no-build-isolation",
                    "--wheel-dir", str(dist), str(source)], check=True, capture_output=True, timeout=300)
    (built,) = dist.glob("gpguide-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory):
    target = tmp_path_factory.mktemp("venv")
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    Path(site, "_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    return target


def run(installed, *args, cwd):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GPGUIDE_CATALOG", "GPGUIDE_NO_CACHE")}
    env.update(XDG_CACHE_HOME=str(cwd / "cache"), XDG_CONFIG_HOME=str(cwd / "config"))
    return subprocess.run([str(installed / "bin" / args[0]), *args[1:]], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_the_wheel_holds_the_catalogue(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n.removeprefix("gpguide/_catalog/") for n in names if n.startswith("gpguide/_catalog/"))
    assert shipped == sorted(p.relative_to(CATALOG).as_posix() for p in CATALOG.rglob("*.yaml"))
    assert "gpguide/schema/service.schema.json" in names and "gpguide/tui/app.tcss" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith(("catalog/", "tests/"))]


def test_an_installed_gpguide_answers_from_anywhere(installed, tmp_path):
    done = run(installed, "python", "-c", "import gpguide.catalogue as c; print(c.default_catalog_dir())", cwd=tmp_path)
    assert done.stdout.strip().startswith(str(installed)) and done.stdout.strip().endswith("gpguide/_catalog")
    for attempt in ("cold", "cached"):
        done = run(installed, "gpguide", "ask", "--json", "--kommune", "sandnes", "kvinne 34 år, angst og søvnvansker",
                   cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        assert answer["kommune"] == "sandnes" and answer["results"], attempt
    assert run(installed, "gpguide", "check", "--errors-only", cwd=tmp_path).returncode == 0
