"""From membership tables to the contingency table `n[a, b] = Σ weight × share_A × share_B`, fast.

Layers are encoded once as integer arrays over a shared atom index, so crossing two layers is a few
numpy operations (no pandas merge), for 304 municipalities or 100,000 synthetic atoms alike.

Coupling of split atoms: when both layers split the same atom, the shares are assumed independent
(the product), except when both splits have the same shares — then they are taken to be the same
split, and pieces are matched by how much weight their units share elsewhere, so a layer compared
with itself (or a relabelled copy) is a perfect match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Encoded:
    """A membership table as integer arrays sorted by atom (`atom` indexes the shared atom index)."""

    atom: np.ndarray
    unit: np.ndarray
    share: np.ndarray
    labels: np.ndarray
    n_atoms: int

    @property
    def start(self) -> np.ndarray:
        """Index of each atom's first row (rows of atom t are start[t] : start[t] + count[t])."""
        return np.searchsorted(self.atom, np.arange(self.n_atoms))

    @property
    def count(self) -> np.ndarray:
        """Number of rows (units) per atom: 0 not covered, 1 whole, >1 split."""
        return np.bincount(self.atom, minlength=self.n_atoms)


def encode(membership: pd.DataFrame, atom_index: pd.Index) -> Encoded:
    """Encode `nis, unit_id, share` rows against an atom index (rows for unknown atoms are dropped)."""
    atom = atom_index.get_indexer(membership["nis"])
    keep = atom >= 0
    unit, labels = pd.factorize(membership["unit_id"].to_numpy()[keep], sort=True)
    order = np.lexsort((unit, atom[keep]))
    return Encoded(
        atom[keep][order],
        unit[order],
        membership["share"].to_numpy(dtype=float)[keep][order],
        np.asarray(labels),
        len(atom_index),
    )


@dataclass(frozen=True)
class Joint:
    """Every (atom, A-unit, B-unit) piece with its weight; summing it gives the contingency table."""

    atom: np.ndarray
    a: np.ndarray
    b: np.ndarray
    weight: np.ndarray

    def table(self, size_a: int, size_b: int) -> np.ndarray:
        cells = np.bincount(self.a * size_b + self.b, weights=self.weight, minlength=size_a * size_b)
        return cells.reshape(size_a, size_b)


def _equal_splits(a: Encoded, b: Encoded, atoms: np.ndarray) -> np.ndarray:
    """Of the atoms split in both layers, those whose sorted shares are the same."""
    equal = []
    for atom in atoms:
        left = np.sort(a.share[a.atom == atom])
        right = np.sort(b.share[b.atom == atom])
        if len(left) == len(right) and np.allclose(left, right, rtol=0, atol=1e-12):
            equal.append(atom)
    return np.asarray(equal, dtype=int)


def _couple(a: Encoded, b: Encoded, atom: int, agreement: np.ndarray) -> list[tuple[int, int, float]]:
    """Match the pieces of an equally split atom: greedily by how much weight the units share elsewhere."""
    rows_a, rows_b = np.flatnonzero(a.atom == atom), np.flatnonzero(b.atom == atom)
    left = dict(zip(rows_a, a.share[rows_a], strict=True))
    right = dict(zip(rows_b, b.share[rows_b], strict=True))
    candidates = sorted(
        ((agreement[a.unit[i], b.unit[j]], -abs(left[i] - right[j]), i, j) for i in rows_a for j in rows_b),
        reverse=True,
    )
    pairs = []
    for _, _, i, j in candidates:
        amount = min(left[i], right[j])
        if amount > 1e-12:
            pairs.append((i, j, amount))
            left[i] -= amount
            right[j] -= amount
    return pairs


def joint(a: Encoded, b: Encoded, weight: np.ndarray) -> Joint:
    """Cross two encoded layers under a weight per atom (NaN weight: the atom is left out)."""
    count_b, start_b = b.count, b.start
    repeat = count_b[a.atom]
    rows_a = np.repeat(np.arange(len(a.atom)), repeat)
    offset = np.arange(len(rows_a)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    rows_b = start_b[a.atom[rows_a]] + offset
    share = a.share[rows_a] * b.share[rows_b]
    equal = _equal_splits(a, b, np.flatnonzero((a.count > 1) & (count_b > 1)))
    if equal.size:
        keep = ~np.isin(a.atom[rows_a], equal)
        rows_a, rows_b, share = rows_a[keep], rows_b[keep], share[keep]
        agreement = np.zeros((len(a.labels), len(b.labels)))
        np.add.at(agreement, (a.unit[rows_a], b.unit[rows_b]), share * np.nan_to_num(weight[a.atom[rows_a]]))
        coupled = np.array([pair for atom in equal for pair in _couple(a, b, atom, agreement)])
        rows_a = np.concatenate([rows_a, coupled[:, 0].astype(int)])
        rows_b = np.concatenate([rows_b, coupled[:, 1].astype(int)])
        share = np.concatenate([share, coupled[:, 2]])
    atom = a.atom[rows_a]
    w = weight[atom] * share
    valid = ~np.isnan(w)
    return Joint(atom[valid], a.unit[rows_a][valid], b.unit[rows_b][valid], w[valid])


def border_difference(layer: Encoded, border_a: np.ndarray, border_b: np.ndarray) -> np.ndarray:
    """For each border between atoms `border_a[i]` and `border_b[i]`: the probability that the two lie
    in different units (1 − Σ_u s_a(u)·s_b(u)); NaN where the layer does not cover one of them."""
    count = layer.count
    covered = (count[border_a] > 0) & (count[border_b] > 0)
    same = np.zeros(len(border_a))
    whole = covered & (count[border_a] == 1) & (count[border_b] == 1)
    start = layer.start
    same[whole] = (layer.unit[start[border_a[whole]]] == layer.unit[start[border_b[whole]]]).astype(float)
    for i in np.flatnonzero(covered & ~whole):
        rows_i = slice(start[border_a[i]], start[border_a[i]] + count[border_a[i]])
        rows_j = slice(start[border_b[i]], start[border_b[i]] + count[border_b[i]])
        shares_j = dict(zip(layer.unit[rows_j], layer.share[rows_j], strict=True))
        same[i] = sum(s * shares_j.get(u, 0.0) for u, s in zip(layer.unit[rows_i], layer.share[rows_i], strict=True))
    difference = 1.0 - same
    difference[~covered] = np.nan
    return difference


def coincidence(diff_a: np.ndarray, diff_b: np.ndarray, length: np.ndarray) -> tuple[float, float]:
    """Share of A's border length that is also a B border, and the reverse (borders both layers see)."""
    used = ~np.isnan(diff_a) & ~np.isnan(diff_b)
    length_a = (length[used] * diff_a[used]).sum()
    length_b = (length[used] * diff_b[used]).sum()
    shared = (length[used] * diff_a[used] * diff_b[used]).sum()
    return (1.0 if length_a == 0 else shared / length_a), (1.0 if length_b == 0 else shared / length_b)
