"""Every page through Streamlit's AppTest in both languages: runs, shows its key elements, matches the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from scales.dashboard import webmap
from scales.engine.compare import Comparator
from scales.i18n import TEXTS, number

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = {
    "pages/home.py": "home_title",
    "pages/map.py": "map_title",
    "pages/compare.py": "compare_title",
    "pages/municipality.py": "municipality_title",
    "pages/sources.py": "sources_title",
    "pages/coverage.py": "coverage_title",
    "pages/capacity.py": "capacity_title",
    "pages/report.py": "page_report",
    "pages/scenarios.py": "scenarios_title",
    "pages/consensus.py": "consensus_title",
}


def start(lang: str) -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params["lang"] = lang
    return app.run()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_runs_translated(atlas, lang: str) -> None:
    app = start(lang)
    for page, title in PAGES.items():
        app.switch_page(page).run()
        assert not app.exception, (page, app.exception)
        assert app.title[0].value == TEXTS[title][lang]
    assert app.query_params["lang"] == lang


@pytest.mark.parametrize("page", ["pages/map.py", "pages/compare.py", "pages/coverage.py"])
def test_a_page_run_after_loading_draws_no_loading_bars(atlas, page: str) -> None:
    """Streamlit replays what a cached function drew on each later call: the atlas' loading bar, once drawn
    and removed inside a cached function, came back 42 times per Kaart run (94 on Vergelijk)."""
    start("nl").switch_page(page).run()  # the atlas is loaded by now
    app = start("nl").switch_page(page).run()
    leftovers = [e for e in app.main if getattr(e, "type", "") in ("empty", "progress")]
    assert not app.exception and leftovers == []


def test_home_findings_are_the_engines_numbers(atlas) -> None:
    app = start("nl")
    summary = (
        Comparator(atlas.atoms, atlas.borders)
        .compare(atlas.layer("police_zone"), atlas.layer("primary_care_zone"), "inhabitants")
        .summary()
    )
    text = " ".join(m.value for m in app.markdown)
    assert f"{summary['split_units_a']} van de {summary['units_a']} politiezones" in text
    assert number(summary["alignment_cost_a_into_b"], "nl") in text
    assert "Druivenstreek" in text and "Tervuren" in text
    # what SBV 2025 says: the Veilige Huizen and ARIECs follow the judicial map (not "each their own map")
    assert "§4.2.4" in text and "§4.3.4" in text and "eigen kaart" not in text


def test_a_click_on_the_map_opens_the_panel(atlas, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(webmap, "show_map", lambda layers, **kwargs: calls.append({"layers": layers, **kwargs}))
    app = start("nl").switch_page("pages/map.py").run()
    assert not app.exception
    ids = [layer["id"] for layer in calls[0]["layers"]]
    assert ids[:4] == [
        "municipalities",
        "outline:judicial_division",
        "outline:police_zone",
        "outline:primary_care_zone",
    ]
    assert ids[4:] == ["points:veilig_huis_locations"]  # borders in the catalogue's order, then the locations
    assert [label for _, label in calls[0]["legend"].items][:3] == [
        "Gerechtelijke afdeling",
        "Politiezone",
        "Eerstelijnszone",
    ]
    assert calls[0]["view"] is None  # nothing chosen: the map keeps the reader's view
    with monkeypatch.context() as browser:  # the component runs the click handler before the rerun it starts
        browser.setattr(st, "session_state", app.session_state)
        calls[-1]["on_click"]("44021")
    app.run()  # the rerun after the click: its own units filled, it outlined, the map zoomed to it
    ids = [layer["id"] for layer in calls[-1]["layers"]]
    assert ids[1:4] == ["own:judicial_division", "own:police_zone", "own:primary_care_zone"] and ids[-1] == "selected"
    assert calls[-1]["view"]["zoom"] >= 10 and calls[-1]["view"]["center"][0] == pytest.approx(51.07, abs=0.1)
    assert calls[-1]["layers"][0]["key"] == calls[0]["layers"][0]["key"]  # the municipalities are kept, not re-sent
    assert app.selectbox(key="search_nis").value == "44021"  # the search box follows the click
    link = next(m.value for m in app.markdown if TEXTS["share_link"]["nl"] in m.value)
    assert "layers=judicial_division%2Cpolice_zone%2Cprimary_care_zone&nis=44021" in link  # fixed order
    again = AppTest.from_file(str(APP), default_timeout=60)
    again.query_params.update({"lang": "nl", "layers": "police_zone,veilig_huis", "nis": "44021", "date": "2026-01-01"})
    again.run().switch_page("pages/map.py").run()  # opening the link reproduces the view
    assert again.multiselect(key="map_layers").value == ["police_zone", "veilig_huis"]
    assert "Gent (44021)" in again.subheader[0].value
    assert str(again.session_state["reference_date"]) == again.query_params["date"] == "2026-01-01"
    opened = {layer["id"]: layer for layer in calls[-1]["layers"]}  # 1 Jan 2026: the merger's municipalities filled
    assert opened["fill:changes"]["url"] == opened["municipalities"]["url"]  # from the file the map already has
    assert len(opened["fill:changes"]["fill"]) == 6
    assert "Gent (44021)" in app.subheader[0].value
    table = app.table[0].value
    police = atlas.layer("police_zone").membership.set_index("nis").loc["44021", "unit_id"]
    assert atlas.layer("police_zone").unit_names()[police] in table.iloc[:, 1].tolist()


def test_compare_page_figures_equal_the_engine(atlas) -> None:
    app = start("en").switch_page("pages/compare.py").run()
    summary = (
        Comparator(atlas.atoms, atlas.borders)
        .compare(atlas.layer("police_zone"), atlas.layer("primary_care_zone"), "inhabitants")
        .summary()
    )
    values = {m.label: m.value for m in app.metric}
    assert values["Agreement (V-measure)"] == number(summary["v_measure"], "en", 2)
    assert values["To move (inhabitants)"] == number(summary["alignment_cost_a_into_b"], "en")  # not "cost"
    texts = [m.value.replace("\\", "") for m in app.markdown]  # shown escaped: names are the user's text
    sentence = next(text for text in texts if text.startswith(number(summary["v_measure"], "en", 2) + ":"))
    assert (
        f"{summary['split_units_a']} of the {summary['units_a']} units of Police zone cross a border of "
        "Primary-care zone" in sentence
    )  # the figures read out in one plain sentence
    assert len(app.dataframe) == 3  # straddles, moves, units


def test_municipality_page_partner_count(atlas) -> None:
    app = start("nl")
    app.query_params["nis"] = "23027"  # Halle
    app.switch_page("pages/municipality.py").run()
    assert not app.exception
    assert app.selectbox[0].value == "23027"
    values = {m.label: m.value for m in app.metric}
    # Halle's eerstelijnszone (Pajottenland-Zennevallei area) spans three police zones; its police zone one zone
    assert values["Uw eerstelijnszone ligt over zoveel politiezones"] == "3"
    assert values["Uw politiezone ligt over zoveel eerstelijnszones"] == "1"
    assert "Mediaan Vlaamse gemeenten: 3" in " ".join(c.value for c in app.caption)
    grid = app.dataframe[1].value.set_index("")
    assert grid.loc["Eerstelijnszone", "Politiezone"] == "3 (3)" and grid.loc["Politiezone", "Politiezone"] == "—"
    unknown = start("nl")
    unknown.query_params["nis"] = "99999"
    unknown.switch_page("pages/municipality.py").run()
    assert "99999" in unknown.warning[0].value
    empty = start("nl").switch_page("pages/municipality.py").run()  # opens on an empty search, no Gent
    assert empty.selectbox(key="profile_nis").value is None and not empty.dataframe and not empty.metric
    home = start("nl")
    home.selectbox(key="home_nis").set_value("23027").run()  # the home page's search opens Gemeente on Halle
    assert not home.exception and home.selectbox(key="profile_nis").value == "23027"
    region = home.dataframe[0].value.set_index("Laag").loc["Gewest"]
    assert region["Gedeeld met"].startswith("alle 284 andere gemeenten")  # summarised, not 284 names
    assert region["Deel van de gemeente"] == "100 %"


def test_compare_page_takes_a_custom_layer_and_refuses_a_bad_one(atlas) -> None:
    app = start("en").switch_page("pages/compare.py").run()
    bad = b"nis;unit_id\n99999;x\n"
    app.file_uploader[0].set_value(("bad zones.csv", bad, "text/csv")).run()
    assert not app.exception
    assert "99999" in app.error[0].value and "cannot be used" in app.error[0].value
    dutch = start("nl").switch_page("pages/compare.py").run()
    dutch.file_uploader[0].set_value(("leeg.csv", b"", "text/csv")).run()
    assert "leeg\\.csv is leeg" in dutch.error[0].value  # the whole message in Dutch, file name escaped
    police = atlas.layer("police_zone").membership[["nis", "unit_id"]].to_csv(index=False, sep=";").encode()
    generated = Path(__file__).resolve().parent.parent / "static" / "generated"
    published = set(generated.glob("*")) if generated.exists() else set()
    app.file_uploader[0].set_value(("my zones.csv", police, "text/csv")).run()
    assert "105 units, 304 of 304" in app.success[0].value
    other = start("en").switch_page("pages/compare.py").run()  # another browser session
    assert "my_zones" not in other.selectbox(key="pair_a").options
    assert "my_zones" in app.selectbox(key="pair_a").options
    app.selectbox(key="pair_a").set_value("custom:my_zones").run()
    assert not app.exception and "my\\_zones" in app.subheader[0].value  # escaped Markdown
    assert (set(generated.glob("*")) if generated.exists() else set()) == published  # nothing public written
    values = {m.label: m.value for m in app.metric}
    assert values["Agreement (V-measure)"] == "0.86"  # the custom copy of the police zones against the eerstelijnszones


def test_a_link_cannot_put_markdown_in_the_page(atlas) -> None:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params["nis"] = "[klik](https://evil.example) ![x](https://evil.example/x.png) **OPGELET**"
    app.run()
    app.switch_page("pages/municipality.py").run()
    shown = app.warning[0].value
    assert "\\[klik\\]\\(https\\:" in shown  # escaped: shown as the literal text, never a link
    assert "](" not in shown and "**" not in shown


def test_a_future_reference_date_is_explained_in_the_sidebar(atlas) -> None:
    app = start("nl")
    assert not app.sidebar.warning
    app.text_input(key="date_text").set_value("2030-01-01").run()
    assert "2030-01-01 ligt in de toekomst" in app.sidebar.warning[0].value.replace("\\", "")
    assert app.query_params["date"] == "2030-01-01"  # the link carries the date
    app.text_input(key="date_text").set_value("1-1-2026").run()  # refused, and said why; the date stays
    assert "1\\-1\\-2026 is geen datum" in app.sidebar.error[0].value and app.query_params["date"] == "2030-01-01"


def test_the_date_changes_list_names_the_2026_police_merger(atlas) -> None:
    app = start("nl")
    app.text_input(key="date_text").set_value("2026-01-01").run()
    text = " ".join(m.value for m in app.sidebar.markdown).replace("\\", "")
    assert "Politiezone: 6 gemeenten gaan naar PZ Noord-Limburg" in text and "Lommel" in text


def test_the_governor_gets_one_recommended_answer_and_adds_it_in_one_click(atlas) -> None:
    from scales.analysis import coverage as cv

    app = start("nl").switch_page("pages/coverage.py").run()
    assert app.multiselect(key="coverage_kinds").value == ["veilig_huis_locations"]  # no empty layer preselected
    assert not any("data/antenna_points.csv" in c.value for c in app.caption)  # no project files to edit
    app.number_input(key="suggest_k").set_value(2).run()
    app.button(key="suggest_run").click().run()
    assert not app.exception
    shown = next(m.value for m in app.markdown if "Aanbevolen" in m.value)
    assert "exacte optimum" in shown
    table = next(d.value for d in app.dataframe if "Beste andere plek" in d.value.columns)
    assert table["Gemeente"].tolist() == ["Denderleeuw", "Waasmunster"]
    assert table.set_index("Gemeente").loc["Denderleeuw", "Beste andere plek"] == "Haaltert"
    assert table.set_index("Gemeente").loc["Denderleeuw", "Inwoners minder met die plek"] == "1.297"
    fallback = " ".join(c.value for c in app.caption)
    assert "9,3 %" in fallback and "1,6 %" in fallback  # greedy's gap on the people added, and on all
    app.button(key="suggest_add").click().run()
    assert app.multiselect(key="coverage_add").value == ["41011", "42023"]  # added to the what-if locations
    places = cv.locations(atlas, ("veilig_huis_locations",))
    for nis in ("41011", "42023"):
        places = cv.add_location(places, atlas, nis, nis)
    within = cv.totals(cv.coverage(atlas, places, 15))["inhabitants_within"]
    label = TEXTS["within_label"]["nl"].format(km=15)
    assert next(m.value for m in app.metric if m.label == label).startswith(number(within, "nl"))
    app.selectbox(key="coverage_region").set_value("veilig_huis=vh-limburg").run()
    zones = next(e for e in app.expander if e.label.startswith("Politiezones zonder locatie"))
    limburg = cv.region_municipalities(atlas, "veilig_huis", "vh-limburg")
    police = atlas.layer("police_zone").membership
    assert f"({police.loc[police['nis'].isin(limburg), 'unit_id'].nunique() - 1})" in zones.label  # Hasselt's has one


def test_coverage_page_shows_the_engines_figures_and_a_what_if(atlas) -> None:
    from scales.analysis import coverage as cv

    app = start("en").switch_page("pages/coverage.py").run()
    assert not app.exception
    totals = cv.totals(cv.coverage(atlas, cv.locations(atlas), 15))
    values = {m.label: m.value for m in app.metric}
    own, anywhere = "Within 15 km of a location of their own Veilig Huis", "Within 15 km of any location"
    assert list(values)[0] == own  # the default reading comes first
    assert values[own] == f"{number(totals['inhabitants_within_own'], 'en')} (49 %)"  # 3,236,722: 48.8 %
    assert values[anywhere] == f"{number(totals['inhabitants_within'], 'en')} (55 %)"  # 3,647,491: 55.0 %
    assert "1,483,277 inhabitants live closer to another Veilig Huis" in " ".join(c.value for c in app.caption)
    assert any("(69; 1,483,277 inhabitants)" in e.label for e in app.expander)
    app.multiselect(key="coverage_add").set_value(["72018"]).run()  # an antenna point in Kinrooi
    assert not app.exception and app.metric[0].delta and not app.metric[0].delta.startswith("-")
    app.button(key="suggest_run").click().run()
    assert not app.exception and any("Use the optimum" in c.value for c in app.caption)
    dutch = start("nl").switch_page("pages/coverage.py").run()
    assert not dutch.exception and dutch.title[0].value == TEXTS["coverage_title"]["nl"]


def test_capacity_page_lists_every_area_with_its_missing_roles(atlas) -> None:
    app = start("nl").switch_page("pages/capacity.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == 7 and "Ontbrekende rollen" in table.columns
    leuven = table[table["Gebied"] == "ARIEC Leuven"].iloc[0]
    assert leuven["Personeel"] == "1" and "criminoloog" in leuven["Ontbrekende rollen"]


def test_coverage_page_uses_valid_uploaded_locations_and_names_bad_rows(atlas) -> None:
    app = start("nl").switch_page("pages/coverage.py").run()
    before = app.metric[0].value
    rows = b"name,nis\nAntenne Kinrooi,72018\nKapot,99999\n"
    app.file_uploader(key="locations_upload").set_value(("eigen.csv", rows, "text/csv")).run()
    assert not app.exception
    assert "1 eigen locaties" in app.success[0].value
    assert "regel 3" in app.warning[0].value and "99999" in app.warning[0].value
    assert app.metric[0].value != before  # Kinrooi's inhabitants are now within reach
    after = app.metric[0].value
    app.text_input(key="coverage_set_name").set_value("Kinrooi proef")
    next(b for b in app.button if b.label == TEXTS["scenario_save_button"]["nl"]).click().run()
    assert "1 locaties bewaard" in app.success[-1].value
    later = start("nl").switch_page("pages/coverage.py").run()  # after a restart: another session, same store
    assert later.metric[0].value == before
    later.selectbox(key="coverage_saved_set").set_value("Kinrooi proef").run()
    assert not later.exception and later.metric[0].value == after


def test_coverage_page_maps_the_zones_without_a_location(atlas) -> None:
    app = start("en").switch_page("pages/coverage.py").run()
    assert not any("Police zones without a location" in m.value for m in app.markdown)
    app.radio(key="coverage_gap_layer").set_value("police_zone").run()
    assert not app.exception
    assert any("Police zones without a location" in m.value for m in app.markdown)  # named in the legend


def test_report_page_makes_a_pdf_and_the_compare_page_a_workbook(atlas) -> None:
    app = start("nl").switch_page("pages/report.py").run()
    app.selectbox(key="report_region").set_value("judicial_arrondissement:leuven").run()
    app.button(key="report_make").click().run()
    assert not app.exception
    assert [b.proto.label for b in app.get("download_button")] == ["Download PDF"]
    compare = start("en").switch_page("pages/compare.py").run()
    workbook = next(b for b in compare.button if b.label == "Workbook of this pair (Excel)")
    workbook.click().run()
    assert not compare.exception
    assert "Download XLSX" in [b.proto.label for b in compare.get("download_button")]


def test_each_finding_opens_its_own_pair_and_the_pair_is_in_the_url(atlas) -> None:
    home = start("nl")
    pairs = [(link.proto.query_string, link.proto.page) for link in home.get("page_link")]
    assert any("a=primary_care_zone" in q and "b=prosecution_area" in q for q, _ in pairs), pairs
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update({"a": "reference_region", "b": "judicial_arrondissement"})
    app.run()
    app.switch_page("pages/compare.py").run()
    assert (app.selectbox(key="pair_a").value, app.selectbox(key="pair_b").value) == (
        "reference_region",
        "judicial_arrondissement",
    )
    app.selectbox(key="pair_b").set_value("police_zone").run()
    assert app.query_params["b"] == "police_zone"


def test_a_scenario_is_edited_saved_and_then_offered_on_every_page(atlas) -> None:
    app = start("nl").switch_page("pages/scenarios.py").run()
    assert not app.exception and app.info[0].value == TEXTS["scenario_none"]["nl"]
    app.selectbox(key="scenario_base").set_value("police_zone")
    app.button[0].click().run()  # the start form's submit button
    assert not app.exception
    assert TEXTS["scenario_no_change"]["nl"] in [i.value for i in app.info]  # no table of zeros before an edit
    move = app.multiselect[0]
    move.set_value(["31033"])  # Torhout, from PZ Kouter (ipz59) to PZ Het Houtsche (ipz55)
    app.selectbox[1].set_value("ipz55")
    next(b for b in app.button if b.label == TEXTS["scenario_move_button"]["nl"]).click().run()
    assert not app.exception
    assert "1 gemeente(n) naar PZ Het Houtsche" in " ".join(m.value for m in app.markdown).replace("\\", "")
    shown = app.dataframe[0].value
    reference = shown[(shown["Laag"] == "Referentieregio") & (shown["Maat"].str.startswith("Te verschuiven"))]
    assert len(reference) == 1 and reference["Beter afgestemd?"].iloc[0] == "ja"
    assert not shown["Verschil"].str.fullmatch(r"-?0(,0+)?").any()  # only rows that change
    moved = app.dataframe[1].value  # the moves by name, not by code
    assert moved.values.tolist() == [["Torhout", "PZ Kouter", "PZ Het Houtsche"]]
    next(b for b in app.button if b.label == TEXTS["align_button"]["nl"]).click().run()  # police → reference regions
    costs = {m.label: m.value for m in app.metric}
    assert costs[TEXTS["align_cost_inhabitants"]["nl"]] == "108.274"  # 128.741 before moving Torhout by hand
    assert costs[TEXTS["align_cost_municipalities"]["nl"]] == "9"
    aligned = app.dataframe[2].value
    assert "Ankereenheid" in aligned.columns and not aligned.map(lambda v: str(v).startswith("ipz")).any().any()
    app.text_input(key="scenario_name").set_value("Torhout bij Het Houtsche")
    next(b for b in app.button if b.label == TEXTS["scenario_save_button"]["nl"]).click().run()
    assert not app.exception and "scenario:Torhout bij Het Houtsche" in app.success[0].value.replace("\\", "")
    compare = start("nl").switch_page("pages/compare.py").run()  # another session sees the saved scenario
    assert "Torhout bij Het Houtsche" in compare.selectbox(key="pair_a").options  # labelled by its name
    compare.selectbox(key="pair_a").set_value("scenario:Torhout bij Het Houtsche").run()
    assert not compare.exception
    profile = start("nl")
    profile.query_params["nis"] = "31033"
    profile.switch_page("pages/municipality.py").run()
    assert "Torhout bij Het Houtsche" in set(profile.dataframe[0].value["Laag"])
    kaart = start("nl").switch_page("pages/map.py").run()
    kaart.multiselect(key="map_layers").set_value(["scenario:Torhout bij Het Houtsche"]).run()
    assert not kaart.exception


def test_dutch_pages_show_no_english_code_names_in_their_tables(atlas) -> None:
    from scales.output.tables import HEADERS

    codes = set(HEADERS) | {"id", "kind", "nis"}
    values = {"coterminous", "nested", "union", "misaligned", "published", "derived", "inferred", "yes", "no"}
    app = start("nl")
    for page in PAGES:
        app.switch_page(page).run()
        assert not app.exception, page
        for frame in app.dataframe:
            table = frame.value
            assert not codes & {str(c) for c in table.columns}, (page, list(table.columns))
            shown = {str(v) for column in table.columns for v in table[column].head(50)}
            assert not values & shown, (page, values & shown)


def test_the_coverage_page_without_locations_says_what_to_do(atlas) -> None:
    app = start("nl").switch_page("pages/coverage.py").run()
    app.multiselect(key="coverage_kinds").set_value([]).run()
    assert not app.exception and "Geen enkele locatie gekozen" in app.error[0].value and not app.metric


def test_saved_work_goes_to_the_bin_and_comes_back_from_the_pages(atlas) -> None:
    import pandas as pd

    from scales.data.store import Store

    Store().save_locations("pagina-set", pd.DataFrame({"name": ["Kinrooi"], "nis": ["72018"]}), replace=True)
    app = start("nl").switch_page("pages/coverage.py").run()
    app.selectbox(key="coverage_saved_set").set_value("pagina-set").run()
    app.checkbox(key="coverage_set_delete_sure").check()
    app.button[[b.label for b in app.button].index(TEXTS["locations_delete"]["nl"])].click().run()
    assert not app.exception and "pagina-set" not in Store().location_sets()["name"].tolist()
    assert any("prullenbak" in s.value for s in app.success)
    scenarios = start("nl").switch_page("pages/scenarios.py").run()
    bin_id = next(b for b in Store().bin()["bin_id"] if b.startswith("pagina-set~"))
    scenarios.selectbox(key="bin_pick").set_value(bin_id)
    scenarios.button[[b.label for b in scenarios.button].index(TEXTS["bin_restore"]["nl"])].click().run()
    assert not scenarios.exception and "pagina-set" in Store().location_sets()["name"].tolist()


def test_signed_in_users_see_their_own_and_shared_work_only(atlas, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sign-in configured (Streamlit's OpenID Connect, simulated here by the user it reports): Ben sees his own
    and Ann's shared scenario, not her private one, and cannot delete hers; a visitor cannot save."""
    from scales.dashboard import ui
    from scales.data.custom import read_custom_layer
    from scales.data.store import Store

    layer = read_custom_layer(b"nis,unit_id\n11001,a\n", set(atlas.atoms["nis"]))
    store = Store()
    store.save_layer(layer, "anns-eigen", replace=True, owner="ann@example.org", visibility="private")
    store.save_layer(layer, "anns-gedeeld", replace=True, owner="ann@example.org", visibility="shared")
    monkeypatch.setattr(ui, "sign_in_configured", lambda: True)
    monkeypatch.setattr(ui, "user", lambda: "ben@example.org")
    app = start("nl")
    assert any("Aangemeld als ben@example" in c.value for c in app.caption)
    app.switch_page("pages/scenarios.py").run()
    listed = set(app.selectbox(key="scenario_pick").options)
    assert "scenario:anns-gedeeld" in listed and "scenario:anns-eigen" not in listed
    app.selectbox(key="scenario_pick").set_value("scenario:anns-gedeeld").run()
    app.checkbox(key=app.checkbox[0].key).check()  # the delete confirmation
    app.button[[b.label for b in app.button].index(TEXTS["scenario_delete"]["nl"])].click().run()
    assert any("is van iemand anders" in e.value for e in app.error) and "anns-gedeeld" in store.names()
    monkeypatch.setattr(ui, "user", lambda: None)  # a visitor who has not signed in
    visitor = start("nl").switch_page("pages/coverage.py").run()
    assert not visitor.exception and any(b.label == TEXTS["sign_in"]["nl"] for b in visitor.button)
    for name in ("anns-eigen", "anns-gedeeld"):
        store.delete_layer(name)


def test_een_kaart_finds_a_grid_and_refuses_an_impossible_floor(atlas) -> None:
    """Eén kaart: the page says the objective the engine finds (same inputs), keeps a refresh free, and an
    impossible floor is a message naming the largest possible floor, the choices kept."""
    from scales.analysis import consensus

    app = start("nl").switch_page("pages/consensus.py").run()
    assert "Zoek de best passende kaart" in app.info[0].value
    app.number_input(key="consensus_k").set_value(6)
    app.button[0].click().run(timeout=120)
    assert not app.exception
    problem = consensus.setup(atlas, [atlas.layer(k) for k in consensus.DEFAULT_LAYERS])
    expected = consensus.best_grid(problem, 6, 150_000)
    summary = next(m.value for m in app.markdown if "De best gevonden indeling in 6 regio's" in m.value)
    assert f"**{number(expected.objective, 'nl')} inwoners**" in summary
    assert any("Voeren grenst aan geen andere gemeente" in c.value for c in app.caption)
    app.number_input(key="consensus_floor").set_value(3_000_000)
    app.number_input(key="consensus_k").set_value(5)
    app.button[0].click().run(timeout=60)
    assert not app.exception
    total = problem.inhabitants.sum()
    assert str(int(total // 5)) in app.error[0].value and app.number_input(key="consensus_k").value == 5
