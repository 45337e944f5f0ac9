"""What pyproject.toml cannot say: catalog/ stays at the top of the repository, where service owners edit it, and
ships inside the package as gpguide._catalog (see default_catalog_dir in gpguide/catalogue/load.py)."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["gpguide", "gpguide.*"], exclude=["*.__pycache__"]), "gpguide._catalog"],
    package_dir={"gpguide._catalog": "catalog"},
)
