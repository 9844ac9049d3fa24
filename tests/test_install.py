"""The package as a wheel: it carries its data, pages and Leaflet, and runs the CLI and the dashboard."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

from scales.app import SETTINGS
from tests.servers import wait_healthy

ROOT = Path(__file__).resolve().parent.parent


def test_the_checkout_config_matches_what_scales_dashboard_passes() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {
        f"{section}.{key}": str(value).lower() for section, values in config.items() for key, value in values.items()
    }
    assert flat == SETTINGS


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as a wheel and installed (without its dependencies, which this environment has)
    into a bare folder: no editable link to the checkout."""
    folder = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(folder / "dist"), str(ROOT)], check=True)
    wheel = next((folder / "dist").glob("scales-*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--target", str(folder / "site"), str(wheel)], check=True)
    return folder


def _env(installed: Path, mirror: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(installed / "site"), "SCALES_MIRROR": str(mirror),
            "SCALES_CACHE": str(installed / "cache")}  # fmt: skip


def test_the_wheel_carries_its_files_and_validates(installed: Path, mirror: Path) -> None:
    site = installed / "site" / "scales"
    assert (site / "facts" / "datapackage.json").is_file() and (site / "static" / "leaflet" / "leaflet.js").is_file()
    assert (site / "pages" / "map.py").is_file() and (site / "app.py").is_file()
    assert (site / "dashboard" / "leaflet_map.js").is_file()  # the map component's script
    run = subprocess.run(
        [sys.executable, "-c", "import scales, sys; print(scales.__file__); from scales.cli import main; "
         "sys.exit(main(['validate', '-q']))"],
        cwd=installed, env=_env(installed, mirror), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines()[0].startswith(str(site))  # the installed copy, not the checkout
    assert "0 problem(s) in the fact tables" in run.stdout and "13 of 13 layers valid" in run.stdout


def test_the_wheel_serves_the_dashboard(installed: Path, mirror: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = f"import sys; from scales.cli import main; sys.exit(main(['dashboard', '--port', '{port}', '-q']))"
    process = subprocess.Popen(
        [sys.executable, "-c", code], cwd=installed, env=_env(installed, mirror), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, process)
        leaflet = urllib.request.urlopen(f"{base}/app/static/leaflet/leaflet.js", timeout=5)
        assert leaflet.status == 200 and b"Leaflet" in leaflet.read()[:2000]
    finally:
        os.killpg(process.pid, 15)
        process.wait(10)
