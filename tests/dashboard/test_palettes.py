"""Colours every reader can tell apart: a colour-vision simulation (colorspacious, Machado et al. 2009 at full
severity) and WCAG contrast for heat-map labels."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from colorspacious import cspace_convert, deltaE

from scales.dashboard import maps

VISIONS = ("normal", "deuteranomaly", "protanomaly", "tritanomaly")
APART = 20.0
"""Smallest CAM02-UCS colour difference between fills that must read as different classes."""
LINES_APART = 10.0
"""Smallest difference between two border colours that share a dash pattern."""


def _seen(colour: str, vision: str) -> np.ndarray:
    rgb = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    if vision == "normal":
        return rgb
    cvd = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
    return np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)


def _difference(first: str, second: str) -> float:
    """The smallest difference of two colours over normal vision and the three colour-vision deficiencies."""
    return min(deltaE(_seen(first, v), _seen(second, v), input_space="sRGB1") for v in VISIONS)


def test_the_four_alignment_classes_stay_apart_for_every_colour_vision() -> None:
    for first, second in itertools.combinations(maps.CLASS_COLOURS.values(), 2):
        assert _difference(first, second) >= APART, (first, second)


def test_the_old_red_green_classes_would_have_failed() -> None:
    old = ["#1a9850", "#91cf60", "#fee08b", "#d73027"]  # the palette before: red and green merge for deutans
    assert min(_difference(a, b) for a, b in itertools.combinations(old, 2)) < APART


def test_highlighted_municipalities_stand_out_from_every_fill() -> None:
    for colour in [*maps.CLASS_COLOURS.values(), *maps.SEQUENTIAL[2:]]:
        assert _difference(maps.HIGHLIGHT_FILL, colour) >= LINES_APART, colour


def test_border_lines_differ_in_colour_or_in_dash_pattern() -> None:
    for (c1, _, d1), (c2, _, d2) in itertools.combinations(maps.OUTLINE_STYLES, 2):
        assert d1 != d2 or _difference(c1, c2) >= LINES_APART, (c1, c2)


def test_each_border_is_narrower_than_the_one_under_it() -> None:
    """Where borders coincide, every lower line shows as a band either side of the one drawn over it."""
    weights = [weight for _, weight, _ in maps.OUTLINE_STYLES]
    assert all(lower > upper for lower, upper in itertools.pairwise(weights))


def test_sequential_bands_grow_darker_for_every_colour_vision() -> None:
    for vision in VISIONS:
        lightness = [cspace_convert(_seen(c, vision), "sRGB1", "CAM02-UCS")[0] for c in maps.SEQUENTIAL]
        assert all(a > b for a, b in itertools.pairwise(lightness)), vision


def test_heat_map_labels_meet_wcag_contrast_on_every_cell() -> None:
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    values = pd.Series(np.linspace(0, 1, 101))
    inks = maps.label_inks(values)
    cells = [to_hex(colormaps["viridis"](v)) for v in values]
    ratios = [maps.contrast_ratio(cell, ink) for cell, ink in zip(cells, inks, strict=True)]
    assert min(ratios) >= 4.5  # WCAG 2.1 AA for text
    assert inks.iloc[0] == "#ffffff" and inks.iloc[-1] == "#000000"  # white on dark purple, black on yellow


@pytest.mark.parametrize(("a", "b", "ratio"), [("#000000", "#ffffff", 21.0), ("#777777", "#ffffff", 4.48)])
def test_contrast_ratio_matches_wcag_examples(a: str, b: str, ratio: float) -> None:
    assert maps.contrast_ratio(a, b) == pytest.approx(ratio, abs=0.01)
