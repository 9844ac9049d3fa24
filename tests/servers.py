"""Starting the dashboard for tests: wait until Streamlit answers its health check."""

from __future__ import annotations

import subprocess
import time
import urllib.request

import pytest


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    """Return once `url/_stcore/health` says ok; fail if the server exits or takes longer than `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail("streamlit exited during start-up")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not become healthy in {seconds:.0f} s")
