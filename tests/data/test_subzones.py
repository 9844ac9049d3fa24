"""The Antwerp sub-zone rule on small tables with hand-computed answers."""

from __future__ import annotations

import pandas as pd
import pytest

from scales.data.subzones import sector_parts, subzone_inhabitants
from scales.problems import DataError

SECTORS = pd.DataFrame(
    {
        "statsec": [f"s{i}" for i in range(8)],
        "deelgemeente": ["D1", "D1", "D2", "D2", "D2", "D3", "D3", "D1"],
        "gemeente": ["11002"] * 7 + ["11001"],
        "ELZantw": ["1", "2", "2", "2", "3", "3", None, "1"],
    }
)


def test_parts_count_sectors_per_subzone_and_district() -> None:
    parts = sector_parts(SECTORS)
    assert parts.to_dict() == {("1", "D1"): 1, ("2", "D1"): 1, ("2", "D2"): 2, ("3", "D2"): 1, ("3", "D3"): 1}


def test_sourced_parts_keep_their_figure_and_the_rest_goes_by_sector_count() -> None:
    facts = pd.DataFrame({"subzone": ["1"], "districts": ["D1"], "inhabitants": ["400"]})
    table = subzone_inhabitants(sector_parts(SECTORS), facts, total=1000)
    # 600 left over 4 unsourced sectors: (2,D1) 1, (2,D2) 2, (3,D2) 1, (3,D3) 1 -> 5 sectors, 120 each.
    assert table["inhabitants"].to_dict() == pytest.approx({"1": 400, "2": 360, "3": 240})
    assert table["sourced"].to_dict() == pytest.approx({"1": 400, "2": 0, "3": 0})


def test_sourced_figures_above_the_total_are_scaled_down() -> None:
    facts = pd.DataFrame({"subzone": ["1", "2"], "districts": ["D1", "D1;D2"], "inhabitants": ["600", "900"]})
    table = subzone_inhabitants(sector_parts(SECTORS), facts, total=1000)
    assert table["inhabitants"].to_dict() == pytest.approx({"1": 400, "2": 600, "3": 0})


@pytest.mark.parametrize(
    ("subzone", "districts", "message"),
    [("1", "D9", "no sectors in district D9"), ("2", "D2;D2", "already in row 2")],
)
def test_a_part_that_does_not_exist_or_is_counted_twice_is_refused(subzone, districts, message) -> None:
    facts = pd.DataFrame({"subzone": [subzone], "districts": [districts], "inhabitants": ["1"]})
    with pytest.raises(DataError, match=message):
        subzone_inhabitants(sector_parts(SECTORS), facts, total=10)
