"""The package as a wheel in a bare virtual environment: it installs with its own dependencies, carries its
data, pages and Leaflet, runs every CLI command and every page, and serves the dashboard.

The wheel is run by the environment's own interpreter in isolated mode (`python -I`: no PYTHONPATH, no
user site, no current folder on the path) from another working folder, so nothing of the checkout (its
editable install included) can stand in for a file the wheel lacks."""

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
pytestmark = pytest.mark.slow


def test_the_checkout_config_matches_what_scales_dashboard_passes() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    flat = {
        f"{section}.{key}": str(value).lower() for section, values in config.items() for key, value in values.items()
    }
    assert flat == SETTINGS


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment holding the built wheel and the dependencies its metadata names (from the
    package index, or pip's cache): nothing else."""
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "-q", "wheel", "--no-deps", "-w", str(folder / "dist"), str(ROOT)],
                   check=True)  # fmt: skip
    wheel = next((folder / "dist").glob("scales-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
    python = folder / "venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "-q", "install", str(wheel)], check=True, timeout=900)
    return folder


def _run(venv: Path, mirror: Path, *argv: str, timeout: float = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCALES_MIRROR": str(mirror), "SCALES_CACHE": str(venv / "cache"),
           "SCALES_STORE": str(venv / "store")}  # fmt: skip
    work = venv / "work"
    work.mkdir(exist_ok=True)
    return subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True, timeout=timeout)


def test_the_wheel_carries_its_files(venv: Path) -> None:
    site = next((venv / "venv" / "lib").glob("python3*/site-packages/scales"))
    assert (site / "facts" / "datapackage.json").is_file() and (site / "static" / "leaflet" / "leaflet.js").is_file()
    assert (site / "pages" / "map.py").is_file() and (site / "app.py").is_file()
    for plugin in ("jquery/jquery.min.js", "fullscreen/Control.FullScreen.js", "measure/leaflet-measure.min.js"):
        assert (site / "static" / plugin).is_file()  # folium's scripts, served locally
    found = {p.parent.relative_to(site.parent).as_posix().replace("/", ".") for p in site.rglob("__init__.py")}
    expected = {p.parent.relative_to(ROOT).as_posix().replace("/", ".") for p in (ROOT / "scales").rglob("__init__.py")}
    assert expected <= found, f"subpackages missing from the wheel: {expected - found}"


def test_every_command_and_page_runs_from_the_wheel_alone(venv: Path, mirror: Path) -> None:
    python = venv / "venv" / "bin" / "python"
    (venv / "scratch").mkdir(exist_ok=True)
    run = _run(venv, mirror, str(python), "-I", str(ROOT / "tests" / "wheel_check.py"), str(venv / "scratch"))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    checks = [line for line in run.stdout.splitlines() if line.startswith("ok ")]
    assert len(checks) == 15 + 10 + 1, run.stdout  # 15 commands, 10 pages, the module origin check
    entry = _run(venv, mirror, str(venv / "venv" / "bin" / "scales"), "layers", "-q")  # the console script
    assert entry.returncode == 0 and "police_zone" in entry.stdout, entry.stderr


def test_the_wheel_serves_the_dashboard(venv: Path, mirror: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "SCALES_MIRROR": str(mirror), "SCALES_CACHE": str(venv / "cache")}
    process = subprocess.Popen(
        [str(venv / "venv" / "bin" / "scales"), "dashboard", "--port", str(port), "-q"], cwd=venv, env=env,
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, process)
        leaflet = urllib.request.urlopen(f"{base}/app/static/leaflet/leaflet.js", timeout=5)
        assert leaflet.status == 200 and b"Leaflet" in leaflet.read()[:2000]
        ran = urllib.request.urlopen(f"{base}/_stcore/script-health-check", timeout=120)
        assert ran.status == 200 and ran.read() == b"ok"  # the frame and home page run from the wheel (the wake)
    finally:
        os.killpg(process.pid, 15)
        process.wait(10)
