"""Packages are found, not listed: every `scales.*` subpackage goes into the wheel, plus the three
top-level folders of the repository (data/, pages/, static/), installed inside the package.

pyproject.toml holds everything else; setuptools' static config cannot add mapped folders to a
`packages.find` result, which is the one thing this file does.
"""

from setuptools import find_packages, setup

SHIPPED = {"scales.facts": "data", "scales.pages": "pages", "scales.static": "static"}

setup(
    packages=[*find_packages(include=["scales", "scales.*"]), *SHIPPED],
    package_dir={"scales": "scales", **SHIPPED},
)
