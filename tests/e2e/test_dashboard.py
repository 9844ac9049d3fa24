"""End to end: the real app in Chromium shows polygons, answers a click, draws the matrix, switches language."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

POLYGONS = ".scales-map path.leaflet-interactive"
"""Clickable shapes on the maps (drawn in the page itself: no frame to enter)."""


def test_map_shows_every_municipality_offline(page, app_url: str) -> None:
    started = time.perf_counter()
    page.goto(f"{app_url}/kaart")
    polygons = page.locator(POLYGONS)
    expect(polygons.first).to_be_visible(timeout=30000)
    print(f"\nmap first paint: {time.perf_counter() - started:.2f} s")
    expect(polygons).to_have_count(304 + 9)  # municipalities + Veilig Huis main locations


def test_clicking_a_municipality_lists_its_structures(page, app_url: str, atlas) -> None:
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    polygons = page.locator(POLYGONS)
    expect(polygons.first).to_be_visible(timeout=30000)
    started = time.perf_counter()
    polygons.nth(150).click(force=True)
    heading = page.locator("h3").filter(has_text="zit in:")
    expect(heading).to_be_visible(timeout=15000)
    panel_shown = time.perf_counter() - started
    holder = page.locator(".st-key-map .scales-map")
    page.wait_for_function("element => element.leafletMap.getZoom() >= 10", arg=holder.element_handle(), timeout=15000)
    print(f"\nclick -> panel: {panel_shown:.2f} s; -> map zoomed to it: {time.perf_counter() - started:.2f} s")
    nis = heading.inner_text().split("(")[1].split(")")[0]
    assert f"nis={nis}" in page.url and "layers=judicial_division%2Cpolice_zone%2Cprimary_care_zone" in page.url
    panel = page.locator("[data-testid='stTable']")
    for layer_id in ("police_zone", "primary_care_zone", "judicial_division"):
        layer = atlas.layer(layer_id)
        for unit in layer.membership.loc[layer.membership["nis"] == nis, "unit_id"]:
            expect(panel).to_contain_text(layer.unit_names()[unit])


def test_compare_page_shows_the_matrix(page, app_url: str) -> None:
    page.goto(f"{app_url}/vergelijk")
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Vergelijk lagen")
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible(timeout=30000)
    expect(page.get_by_text("Politiezone tegenover Eerstelijnszone")).to_be_visible()


def test_switching_language_changes_the_titles(page, app_url: str) -> None:
    page.goto(f"{app_url}/bronnen")
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Lagen en bronnen")
    page.get_by_text("English", exact=True).click()
    expect(page.locator("h1")).to_have_text("Layers and sources", timeout=15000)
    expect(page.get_by_role("link", name="Map")).to_be_visible()
    assert "lang=en" in page.url
    page.get_by_role("link", name="Compare").click()
    expect(page.locator("h1")).to_have_text("Compare layers", timeout=15000)  # the choice survives page changes


def test_toggling_a_layer_keeps_the_map_and_its_zoom(page, app_url: str) -> None:
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    expect(page.locator(POLYGONS).first).to_be_visible(timeout=30000)
    holder = page.locator(".st-key-map .scales-map")
    on_map = holder.locator(".scales-legend [role='listitem']")
    expect(on_map).to_have_text(
        ["Gerechtelijke afdeling", "Politiezone", "Eerstelijnszone", "Veilig Huis (hoofdlocatie)"]
    )
    lines = holder.locator(".leaflet-overlay-pane path:not(.leaflet-interactive)")
    drawn = lines.count()
    holder.evaluate("element => { element.leafletMap.setZoom(10); element.kept = true; }")
    page.wait_for_timeout(600)
    page.get_by_role("button", name="Remove Eerstelijnszone").click()
    wait_for_app(page)
    expect(on_map).to_have_text(
        ["Gerechtelijke afdeling", "Politiezone", "Veilig Huis (hoofdlocatie)"]
    )  # the legend follows
    assert holder.evaluate("element => element.kept === true")  # the same map: not remounted
    assert holder.evaluate("element => element.leafletMap.getZoom()") == 10
    assert lines.count() == drawn - 1  # one border layer (one multi-line path) less, the others kept
    assert page.url.endswith("layers=judicial_division%2Cpolice_zone")  # the address follows, the map stays


def test_a_map_that_cannot_load_says_so(page, app_url: str) -> None:
    page.route("**/leaflet/leaflet.js", lambda route: route.abort())  # e.g. a proxy that blocks scripts
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    expect(page.get_by_role("alert").filter(has_text="De kaart kon niet laden")).to_be_visible(timeout=30000)
    expect(page.get_by_text("Klik op een gemeente")).to_be_visible()  # the rest of the page still works


def test_matrix_downloads_as_belgian_csv(page, app_url: str) -> None:
    page.goto(f"{app_url}/vergelijk")
    wait_for_app(page)
    with page.expect_download(timeout=30000) as download:
        page.locator(".st-key-csv-matrix-v_measure-inhabitants button").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    about = [line for line in lines if line.startswith("# ")]
    text = lines[len(about) :]
    assert download.value.suggested_filename == "matrix-v_measure-inhabitants.csv"
    assert any(line.startswith("# Referentiedatum: ") for line in about)
    assert any(line.startswith("# Inwoners: op 1 januari ") for line in about)
    assert any(line.startswith("# Gewicht: inwoners") for line in about)
    assert any("Politiezone (police_zone)" in line for line in about)  # every layer with its source
    assert any(line.startswith("# Gemaakt met: scales ") for line in about)
    assert text[0].startswith("Laag;Gewest;Provincie") and len(text) == 14  # header + 13 layers, in Dutch
    assert text[1].startswith("Gewest;1,0")  # decimal comma (made only when clicked)


def test_coverage_and_capacity_pages_render_and_download(page, app_url: str) -> None:
    page.goto(f"{app_url}/bereik")
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Hoe ver wonen inwoners van hulp?", timeout=30000)
    expect(page.locator(POLYGONS).first).to_be_attached(timeout=30000)
    with page.expect_download(timeout=30000) as download:
        page.locator(".st-key-csv-bereik-veilig_huis-15km button").click()
    lines = [x for x in Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines() if x[:2] != "# "]
    assert lines[0].startswith("Code eenheid;Eenheid;Inwoners") and len(lines) == 10  # header + 9 Veilige Huizen
    page.goto(f"{app_url}/capaciteit?lang=en")
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("How thinly staffed are the ARIEC teams?", timeout=30000)
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible(timeout=30000)
    with page.expect_download(timeout=30000) as download:
        page.locator(".st-key-csv-ariec-capaciteit button").click()
    lines = [x for x in Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines() if x[:2] != "# "]
    assert lines[0].startswith("Unit code,Unit,Staff") and len(lines) == 8  # English CSV dialect, 7 areas


def test_a_saved_scenario_is_offered_in_the_browser(page, app_url: str, atlas) -> None:
    from scales.analysis.scenarios import align
    from scales.data.store import Store
    from scales.engine.compare import Comparator

    proposal = align(
        Comparator(atlas.atoms, atlas.borders), atlas.layer("police_zone"), atlas.layer("reference_region")
    )
    Store().save_layer(proposal.layer, "Politie in referentieregio", replace=True)  # the server shares this store
    page.goto(f"{app_url}/vergelijk?a=scenario:Politie in referentieregio&b=reference_region")
    wait_for_app(page)
    expect(page.get_by_text("Politie in referentieregio tegenover Referentieregio")).to_be_visible(timeout=30000)
    nested = page.locator("[data-testid='stMetric']").filter(has_text="Binnen één eenheid van B")
    expect(nested).to_contain_text("100")
    page.goto(f"{app_url}/scenarios")
    wait_for_app(page)
    page.get_by_role("button", name="Begin (opnieuw) vanaf deze laag").click()
    wait_for_app(page)
    expect(page.get_by_text("Gemeenten verplaatsen")).to_be_visible(timeout=30000)
    expect(page.locator("[data-testid='stDataFrame']").first).to_be_visible(timeout=30000)


def _first_paint(page, url: str, ready) -> float:
    started = time.perf_counter()
    page.goto(url)
    expect(ready(page)).to_be_visible(timeout=30000)
    return time.perf_counter() - started


def test_first_paint_of_the_map_page_against_a_bare_page(page, browser, app_url: str, bare_url: str) -> None:
    """Measured in one run, warm servers, three times each (median): printed, not asserted (README, Speed)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1100})
    yardstick = context.new_page()
    yardstick.route("**/*", lambda r: r.continue_() if r.request.url.startswith(bare_url) else r.abort())
    bare = sorted(_first_paint(yardstick, bare_url, lambda p: p.locator("h1")) for _ in range(3))[1]
    context.close()
    first_path = lambda p: p.locator(POLYGONS).first  # noqa: E731
    kaart = sorted(_first_paint(page, f"{app_url}/kaart", first_path) for _ in range(3))[1]
    print(f"\nfirst paint: bare page {bare:.2f} s, map page {kaart:.2f} s, ratio {kaart / bare:.2f}")
    assert bare > 0 and kaart > 0


def test_the_reference_date_commits_on_enter_and_stays_in_the_link(page, app_url: str) -> None:
    page.goto(f"{app_url}/bronnen")
    wait_for_app(page)
    field = page.get_by_label("Referentiedatum", exact=True)
    field.fill("2026-01-01")
    field.press("Enter")
    wait_for_app(page)
    expect(page.get_by_text("Politiezone: 6 gemeenten gaan naar PZ Noord-Limburg", exact=False)).to_be_visible()
    assert "date=2026-01-01" in page.url
    page.reload()  # a reload (or a shared link) keeps the date
    wait_for_app(page)
    expect(page.get_by_label("Referentiedatum", exact=True)).to_have_value("2026-01-01", timeout=30000)
