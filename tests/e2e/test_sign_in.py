"""Sign-in for real: the dashboard with Streamlit's OpenID Connect login against a local test provider
(`oidc-provider-mock`, started here), two users, private and shared work, a forbidden delete."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scales.data.custom import read_custom_layer
from scales.data.store import Store
from tests.e2e.conftest import ROOT, _free_port, _stop, wait_for_app
from tests.servers import wait_healthy

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def signed_app(atlas, mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    """The dashboard on a free port with an `[auth]` secrets file pointing at a local OpenID provider that
    knows Ann and Ben; Ann has saved one private and one shared scenario."""
    import subprocess

    from oidc_provider_mock import User, run_server_in_thread

    folder = tmp_path_factory.mktemp("signed")
    store = Store(folder / "store")
    layer = read_custom_layer(b"nis,unit_id\n11001,a\n", set(atlas.atoms["nis"]))
    store.save_layer(layer, "anns-eigen", owner="ann@example.org", visibility="private")
    store.save_layer(layer, "anns-gedeeld", owner="ann@example.org", visibility="shared")
    users = [User(sub=name, claims={"email": f"{name}@example.org"}) for name in ("ann", "ben")]
    with run_server_in_thread(user_claims=users) as provider:
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        secrets = folder / "secrets.toml"
        secrets.write_text(
            f'[auth]\nredirect_uri = "{url}/oauth2callback"\ncookie_secret = "{"s" * 40}"\nclient_id = "scales"\n'
            f'client_secret = "secret"\nserver_metadata_url = '
            f'"http://127.0.0.1:{provider.server_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        env = {**os.environ, "SCALES_MIRROR": str(mirror), "SCALES_STORE": str(folder / "store")}
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}",
             "--server.address=127.0.0.1", "--browser.gatherUsageStats=false", f"--secrets.files={secrets}"],
            cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_healthy(url, process)
            yield url, store
        finally:
            _stop(process)


def _sign_in(browser, url: str, who: str):
    """A fresh browser signs in as `who` through the provider's form; returns the page, back on Scenario's."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    page = context.new_page()
    page.goto(url)  # the home page first: Streamlit's first-run quirk with a pages/ folder (docs/dashboard.md)
    wait_for_app(page)
    page.goto(f"{url}/scenarios")
    wait_for_app(page)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_selector("input[name=sub]", timeout=30000)  # the provider's authorisation form
    page.fill("input[name=sub]", who)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{url}/**", timeout=30000)
    page.goto(f"{url}/scenarios")
    wait_for_app(page)
    return page


def test_two_users_see_their_own_and_shared_work_and_cannot_delete_each_others(browser, signed_app) -> None:
    url, store = signed_app
    ben = _sign_in(browser, url, "ben")
    ben.get_by_text("Aangemeld als ben@example.org").wait_for(timeout=30000)
    ben.get_by_text("Ja, verplaats scenario:anns-gedeeld naar de prullenbak").wait_for(timeout=30000)
    text = ben.inner_text("body")
    assert "scenario:anns-gedeeld" in text and "anns-eigen" not in text  # her private work stays hers
    ben.get_by_text("Ja, verplaats scenario:anns-gedeeld naar de prullenbak").click()
    ben.get_by_role("button", name="Verwijder").click()
    ben.get_by_text("is van iemand anders").wait_for(timeout=30000)
    ann = _sign_in(browser, url, "ann")
    ann.get_by_text("Aangemeld als ann@example.org").wait_for(timeout=30000)
    ann.get_by_text("Ja, verplaats scenario:anns-eigen naar de prullenbak").wait_for(timeout=30000)
    for page in (ben, ann):
        page.context.close()
    assert store.names() == ["anns-eigen", "anns-gedeeld"]  # Ben's delete changed nothing
