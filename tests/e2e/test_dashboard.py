"""End to end: the real app in Chromium shows polygons, answers a click, draws the matrix, switches language."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

MAP = "iframe[title='streamlit_folium.st_folium']"
"""A map: folium's page in streamlit-folium's frame."""
POLYGONS = "path.leaflet-interactive"
"""Shapes that answer the mouse (municipalities, locations), inside a map's frame."""


STATE_OF_FRAME = """() => ({
    leaflet: typeof window.L, rendered: typeof window.__GLOBAL_DATA__, body: document.body.innerText.slice(0, 200),
    files: performance.getEntriesByType("resource").map(e => `${e.responseStatus} ${e.name.split("/").pop()}`),
})"""
"""What a map's frame got: Leaflet loaded, streamlit-folium's render event received, and every file with its status."""


def map_frame(page, index: int = 0):
    """The frame of the page's `index`-th map, once its Leaflet map exists (`window.map`, streamlit-folium's);
    if it never does, the failure says how far the frame got and what the page showed."""
    frame = page.locator(MAP).nth(index).element_handle(timeout=30000).content_frame()
    try:
        frame.wait_for_function("() => window.map !== undefined", timeout=30000)
    except PlaywrightTimeoutError:
        alerts = page.locator("[data-testid='stAlert'], [data-testid='stCaptionContainer']").all_inner_texts()
        state = frame.evaluate(STATE_OF_FRAME)
        raise AssertionError(f"no map in its frame after 30 s: {state}; the page says {alerts}") from None
    return frame


def test_map_shows_every_municipality_offline(page, app_url: str) -> None:
    started = time.perf_counter()
    page.goto(f"{app_url}/kaart")
    polygons = page.frame_locator(MAP).locator(POLYGONS)
    expect(polygons.first).to_be_visible(timeout=30000)
    print(f"\nmap first paint: {time.perf_counter() - started:.2f} s")
    expect(polygons).to_have_count(304 + 9)  # municipalities + Veilig Huis main locations
    frame = page.frame_locator(MAP)
    for control in (".leaflet-control-zoom-fullscreen", ".leaflet-control-measure", ".leaflet-control-layers"):
        expect(frame.locator(control)).to_be_attached()  # fullscreen, distance measure, layer control


def test_clicking_a_municipality_lists_its_structures(page, app_url: str, atlas) -> None:
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    polygons = page.frame_locator(MAP).locator(POLYGONS)
    expect(polygons.first).to_be_visible(timeout=30000)
    frame = map_frame(page)
    started = time.perf_counter()
    polygons.nth(150).click(force=True)
    heading = page.locator("h3").filter(has_text="zit in:")
    expect(heading).to_be_visible(timeout=15000)
    panel_shown = time.perf_counter() - started
    frame.wait_for_function("() => map.getZoom() >= 10", timeout=15000)
    print(f"\nclick -> panel: {panel_shown:.2f} s; -> map zoomed to it: {time.perf_counter() - started:.2f} s")
    nis = heading.inner_text().split("(")[1].split(")")[0]
    assert f"nis={nis}" in page.url and "layers=judicial_division%2Cpolice_zone%2Cprimary_care_zone" in page.url
    popup = page.frame_locator(MAP).locator(".leaflet-popup-content")
    expect(popup.get_by_role("link", name="Gemeente")).to_have_attribute("href", f"../../gemeente?nis={nis}&lang=nl")
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
    expect(page.get_by_role("link", name="Map", exact=True)).to_be_visible()
    assert "lang=en" in page.url
    page.get_by_role("link", name="Compare", exact=True).click()
    expect(page.locator("h1")).to_have_text("Compare layers", timeout=15000)  # the choice survives page changes


def test_toggling_a_layer_keeps_the_map_and_its_zoom(page, app_url: str) -> None:
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    frame = map_frame(page)
    legend = page.locator("[role='list'] [role='listitem']")
    expect(legend).to_have_text(
        ["Gerechtelijke afdeling", "Politiezone", "Eerstelijnszone", "Veilig Huis (hoofdlocatie)"]
    )
    lines = page.frame_locator(MAP).locator(".leaflet-overlay-pane path:not(.leaflet-interactive)")
    expect(lines).to_have_count(3)  # one multi-line path per border layer
    names = page.frame_locator(MAP).locator(".scales-label")
    expect(names).to_have_count(0)  # zoomed out: no unit names (none built)
    frame.evaluate("() => { map.setZoom(10); window.kept = true; }")
    expect(names.filter(has_text="PZ Hekla")).to_have_count(1)  # zoomed in: every unit named
    written = names.count()
    page.wait_for_timeout(600)
    page.get_by_role("button", name="Remove Eerstelijnszone").click()
    wait_for_app(page)
    expect(legend).to_have_text(["Gerechtelijke afdeling", "Politiezone", "Veilig Huis (hoofdlocatie)"])
    expect(lines).to_have_count(2)  # the layer went, the others stayed
    expect(names.filter(has_text="RupeLaar")).to_have_count(0)  # its names went with it, the others stayed
    assert 0 < names.count() < written
    assert frame.evaluate("() => window.kept === true")  # the same map: not remounted
    assert frame.evaluate("() => map.getZoom()") == 10  # the reader's zoom kept
    assert page.url.endswith("layers=judicial_division%2Cpolice_zone")  # the address follows, the map stays


def _on_top(page, selector: str) -> str:
    """The tag of what is drawn at the centre of the element `selector` (the element itself, or what covers it)."""
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2).tagName; }"
    )


def test_a_map_that_cannot_load_says_so(page, app_url: str) -> None:
    message = "[data-testid='stCaptionContainer']:has-text('De kaart wordt geladen')"
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    map_frame(page)
    assert _on_top(page, message) == "IFRAME"  # loaded: the map covers the message
    page.route("**/*.js", lambda route: route.abort() if "/app/static/" in route.request.url else route.continue_())
    page.goto(f"{app_url}/kaart")  # e.g. a proxy that blocks the map's scripts
    wait_for_app(page)
    page.wait_for_timeout(3000)
    expect(page.locator(message)).to_contain_text("Blijft dit staan, dan kon de kaart niet laden")
    assert _on_top(page, message) != "IFRAME"  # not covered: the reader is told
    expect(page.get_by_text("Klik op een gemeente")).to_be_visible()  # the rest of the page still works


def test_the_map_downloads_as_one_html_file_that_opens_offline(page, browser, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/kaart")
    wait_for_app(page)
    with page.expect_download(timeout=60000) as download:
        page.get_by_role("button", name="Download deze kaart (HTML)").click()
    saved = tmp_path / "kaart.html"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "<script src=" not in text and 'rel="stylesheet" href=' not in text  # every asset inside the file
    context = browser.new_context()
    offline = context.new_page()
    offline.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    offline.goto(saved.as_uri())
    expect(offline.locator(POLYGONS)).to_have_count(304 + 9, timeout=30000)
    expect(offline.locator(".leaflet-overlay-pane path:not(.leaflet-interactive)")).to_have_count(3)
    expect(offline.locator(".leaflet-control-layers")).to_contain_text("Politiezone")
    expect(offline.get_by_text("Referentiedatum", exact=False).first).to_be_visible()
    expect(offline.get_by_text("OpenStreetMap", exact=False).first).to_be_attached()
    context.close()


def test_a_fresh_server_behind_a_base_path_opens_deep_links_and_draws_maps(browser, atlas, mirror: Path) -> None:
    from tests.e2e.conftest import _serve, _stop

    process, url = _serve("app.py", {**os.environ, "SCALES_MIRROR": str(mirror)}, base_path="scales")
    try:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
        page.goto(f"{url}/scenarios")  # the first visit after the start is a deep link
        wait_for_app(page)
        expect(page.locator("h1")).to_have_text("Scenario's: probeer een afstemming en bewaar ze", timeout=30000)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        # the frame's navigation, not file names
        expect(page.get_by_role("link", name="Kaart", exact=True)).to_be_visible()
        page.goto(f"{url}/kaart")
        expect(page.frame_locator(MAP).locator(POLYGONS)).to_have_count(304 + 9, timeout=60000)
        context.close()
    finally:
        _stop(process)


def test_a_damaged_store_is_said_in_the_sidebar_of_every_page(browser, atlas, mirror: Path, tmp_path: Path) -> None:
    """What AppTest cannot show (the sidebar of a page that stops early): in the browser every page says it."""
    from scales.data.store import STORE_FILE
    from tests.e2e.conftest import _serve, _stop

    (tmp_path / STORE_FILE).write_bytes(b"this is not a database" * 100)
    env = {**os.environ, "SCALES_MIRROR": str(mirror), "SCALES_STORE": str(tmp_path)}
    process, url = _serve("app.py", env)
    try:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
        for path in ("overzicht", "kaart", "vergelijk", "gemeente", "bereik", "capaciteit", "scenarios", "een-kaart",
                     "rapport", "bronnen"):  # fmt: skip
            page.goto(f"{url}/{path}")
            wait_for_app(page)
            sidebar = page.locator("[data-testid='stSidebar'] [data-testid='stAlert']")
            expect(sidebar).to_contain_text("is beschadigd (file is not a database)", timeout=30000)
            expect(sidebar).to_contain_text("Zet een back-up van het bestand terug")
            expect(page.locator("h1")).to_have_count(1)
            expect(page.locator("[data-testid='stException']")).to_have_count(0)
        context.close()
    finally:
        _stop(process)
    assert (tmp_path / STORE_FILE).read_bytes() == b"this is not a database" * 100  # left as it was found


def _tabs_to(page, label: str) -> int:
    """Tab presses from where the focus is until the control named `label` has it."""
    for count in range(1, 200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.innerText || ''").strip() == label:
            return count
    return 200


@pytest.mark.parametrize("path", ["kaart", "bereik"])
def test_the_map_is_one_tab_stop_and_can_be_skipped(page, app_url: str, path: str) -> None:
    page.goto(f"{app_url}/{path}")
    wait_for_app(page)
    map_frame(page)
    below = "Download deze kaart (HTML)"  # the first control below the map
    stops = _tabs_to(page, below)
    print(f"\n{path}: {stops} Tab stops to the first control below the map")
    assert stops <= 40  # not one per municipality
    page.goto(f"{app_url}/{path}")
    wait_for_app(page)
    map_frame(page)
    page.get_by_role("link", name="Sla de kaart over").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.endsWith('-after')")  # moved past the map
    page.wait_for_timeout(800)  # Streamlit scrolls to the anchor first (a person's next key comes later anyway)
    assert _tabs_to(page, below) <= 2  # past the map's eight stops


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
    expect(page.frame_locator(MAP).first.locator(POLYGONS).first).to_be_attached(timeout=30000)
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
    first_path = lambda p: p.frame_locator(MAP).locator(POLYGONS).first  # noqa: E731
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


def test_a_governor_narrows_the_suggestion_to_a_province_and_adds_its_sites(page, app_url: str, atlas) -> None:
    """Bereik: choose Provincie Limburg, ask for two sites, add them in one click; the what-if holds two
    Limburg municipalities and the headline figure moves (the click-to-figures time is printed for the notes)."""
    from scales.analysis.coverage import province_of

    page.goto(f"{app_url}/bereik")
    wait_for_app(page)
    headline = page.locator("[data-testid='stMetric']").first
    expect(headline).to_be_visible(timeout=30000)
    expect(page.locator(MAP)).to_have_count(2, timeout=30000)  # distances, and the floating catchment's below
    for index in (0, 1):  # both drawn (0.6 s after the figures), as a person sees the page, before the list opens:
        map_frame(page, index)  # opened while they loaded, it once showed no options
    page.locator(".st-key-coverage_region").click()
    page.get_by_role("option", name="Provincie: Limburg").click()
    wait_for_app(page)
    k = page.locator(".st-key-suggest_k input")
    k.fill("2")
    k.press("Enter")
    wait_for_app(page)
    page.locator(".st-key-suggest_run button").click()
    add = page.locator(".st-key-suggest_add button")
    expect(add).to_contain_text("Voeg deze 2 plekken toe", timeout=60000)
    expect(headline.locator("[data-testid='stMetricDelta']")).to_have_count(0)
    started = time.perf_counter()
    add.click()
    expect(headline.locator("[data-testid='stMetricDelta']")).to_be_visible(timeout=30000)
    print(f"add suggested sites → updated figures: {time.perf_counter() - started:.2f} s")
    chips = page.locator(".st-key-coverage_add span[data-tag] span[title]").all_inner_texts()
    by_name = {name: nis for nis, name in atlas.names.items()}
    provinces = {province_of(atlas)[by_name[chip.strip()]] for chip in chips}
    assert len(chips) == 2 and provinces == {"Limburg"}, (chips, provinces)
