"""From membership tables to the contingency table `n[a, b] = Σ weight × share_A × share_B`, fast.

Layers are encoded once as integer arrays over a shared atom index, so crossing two layers is a few
numpy operations (no pandas merge), for 304 municipalities or 100,000 synthetic atoms alike.

Coupling of split atoms: when both layers split the same atom, a unit of A and a unit of B that
cover exactly the same territory (the same atoms with the same shares, whatever their labels) are
taken to be the same piece, and so are two parts with the same share when no other part of the atom
has that share on either side (an edited or aligned layer that follows the other's split); the rest of
the atom is crossed assuming independence (the product of shares). So a layer compared with itself,
or with a relabelled copy, is a perfect match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

SAME_SHARE = 1e-9
"""Two parts of one split atom whose shares differ by less than this are taken to be the same part."""


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


def encode(membership: pd.DataFrame, atom_index: pd.Index, share: str = "share") -> Encoded:
    """Encode `nis, unit_id` rows and one share column against an atom index (unknown atoms dropped)."""
    atom = atom_index.get_indexer(membership["nis"])
    keep = atom >= 0
    unit, labels = pd.factorize(membership["unit_id"].to_numpy()[keep], sort=True)
    order = np.lexsort((unit, atom[keep]))
    return Encoded(
        atom[keep][order],
        unit[order],
        membership[share].to_numpy(dtype=float)[keep][order],
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


def _signatures(layer: Encoded) -> np.ndarray:
    """A hashable description of each unit's territory (its atoms and shares), independent of its label."""
    rows = pd.DataFrame({"unit": layer.unit, "atom": layer.atom, "share": np.round(layer.share, 12)})
    grouped = rows.sort_values(["unit", "atom"]).groupby("unit")[["atom", "share"]]
    signature = grouped.apply(lambda g: hash(tuple(zip(g["atom"], g["share"], strict=True))))
    return signature.reindex(range(len(layer.labels))).to_numpy()


def _twins(sig_a: np.ndarray, sig_b: np.ndarray) -> set[tuple[int, int]]:
    """One-to-one pairs of A- and B-units with the same territory. Units sharing one territory within a
    layer are interchangeable, so pairing them in any order gives the same contingency table."""
    by_signature: dict[int, list[int]] = {}
    for unit, signature in enumerate(sig_b):
        by_signature.setdefault(signature, []).append(unit)
    pairs = set()
    for unit, signature in enumerate(sig_a):
        candidates = by_signature.get(signature)
        if candidates:
            pairs.add((unit, candidates.pop(0)))
    return pairs


def _split_pairs(a: Encoded, b: Encoded, atom: int, twins: set[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """Pieces of an atom split in both layers: twin units (same territory) match exactly, the rest
    are crossed independently within what remains of the atom."""
    rows_a, rows_b = np.flatnonzero(a.atom == atom), np.flatnonzero(b.atom == atom)
    pairs = [(i, j, a.share[i]) for i in rows_a for j in rows_b if (a.unit[i], b.unit[j]) in twins]
    left = [i for i in rows_a if i not in {p[0] for p in pairs}]
    right = [j for j in rows_b if j not in {p[1] for p in pairs}]
    for i in list(left):  # a part with the same share on both sides, and no other part of that share, is one part
        same_a = [k for k in left if abs(a.share[k] - a.share[i]) <= SAME_SHARE]
        same_b = [j for j in right if abs(b.share[j] - a.share[i]) <= SAME_SHARE]
        if len(same_a) == 1 and len(same_b) == 1:
            pairs.append((i, same_b[0], a.share[i]))
            left.remove(i)
            right.remove(same_b[0])
    rest = a.share[left].sum()
    if rest > 0:
        pairs += [(i, j, a.share[i] * b.share[j] / rest) for i in left for j in right]
    return pairs


def joint(a: Encoded, b: Encoded, weight: np.ndarray) -> Joint:
    """Cross two encoded layers under a weight per atom (NaN weight: the atom is left out)."""
    count_b, start_b = b.count, b.start
    repeat = count_b[a.atom]
    rows_a = np.repeat(np.arange(len(a.atom)), repeat)
    offset = np.arange(len(rows_a)) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    rows_b = start_b[a.atom[rows_a]] + offset
    share = a.share[rows_a] * b.share[rows_b]
    both_split = np.flatnonzero((a.count > 1) & (count_b > 1))
    if both_split.size:
        sig_a, sig_b = _signatures(a), _signatures(b)
        twins = _twins(sig_a, sig_b)
        keep = ~np.isin(a.atom[rows_a], both_split)
        pairs = np.array([p for atom in both_split for p in _split_pairs(a, b, atom, twins)]).reshape(-1, 3)
        rows_a = np.concatenate([rows_a[keep], pairs[:, 0].astype(int)])
        rows_b = np.concatenate([rows_b[keep], pairs[:, 1].astype(int)])
        share = np.concatenate([share[keep], pairs[:, 2]])
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
