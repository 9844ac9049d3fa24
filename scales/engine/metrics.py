"""Every comparison metric as a plain function of the contingency matrix `n[a, b]` (rows A, columns B).

Definitions follow `METRICS.md` and, for the information-theoretic measures, the R package sabre
(A is sabre's x, B its y; logarithms base 2). `scales.engine.contingency` builds `n` from two layers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scales.problems import Problem, UsageError

WEIGHTS = ("inhabitants", "area", "count")
ENTROPY_FLOOR = 1e-12
"""Entropies below this (bits) are rounding noise of a single-unit layer and count as 0."""
EPSILON = 1e-9
"""Relative weight below which a cell counts as empty (rounding noise of fractional shares)."""


def weights(atoms: pd.DataFrame, kind: str) -> np.ndarray:
    """Weight per atom, in atom order: inhabitants, area in km² or 1 per municipality (missing: NaN)."""
    column = {"inhabitants": "inhabitants", "area": "area_km2"}
    if kind == "count":
        return np.ones(len(atoms))
    if kind not in column:
        raise UsageError(Problem("unknown_choice", {"what": "weight", "value": kind, "known": ", ".join(WEIGHTS)}))
    return atoms[column[kind]].astype("Float64").to_numpy(dtype=float, na_value=np.nan)


# --- readable measures ---------------------------------------------------------------------------


def negligible(n: np.ndarray) -> float:
    """Weight below which a cell or piece counts as empty (`EPSILON` of the table's total)."""
    return EPSILON * max(float(n.sum()), 1.0)


def touched(n: np.ndarray) -> np.ndarray:
    """Boolean matrix: does A-unit a share any (non-negligible) weight with B-unit b?"""
    return n > negligible(n)


def split_counts(n: np.ndarray) -> np.ndarray:
    """Number of B-units each A-unit touches (transpose `n` for B)."""
    return touched(n).sum(axis=1)


def dominant_share(n: np.ndarray) -> np.ndarray:
    """Share of each A-unit's weight in its best-matching B-unit."""
    totals = n.sum(axis=1)
    return np.divide(n.max(axis=1), totals, out=np.zeros_like(totals), where=totals > 0)


def nested(n: np.ndarray) -> np.ndarray:
    """Is each A-unit inside a single B-unit? (METRICS.md "Nested"; UK coterminosity practice.)"""
    return split_counts(n) == 1


def unions(n: np.ndarray) -> np.ndarray:
    """Is each A-unit a union of whole B-units (every B-unit it touches lies entirely inside it)?"""
    contact = touched(n)
    whole = n >= n.sum(axis=0, keepdims=True) * (1 - EPSILON)
    return np.all(~contact | whole, axis=1)


CLASSES = ("coterminous", "nested", "union", "misaligned")


def classes(n: np.ndarray) -> np.ndarray:
    """Four-class coterminosity of each A-unit against B (METRICS.md; UK coterminosity practice)."""
    inside, union = nested(n), unions(n)
    return np.select([inside & union, inside, union], ["coterminous", "nested", "union"], "misaligned")


def nested_share(n: np.ndarray) -> float:
    """Share of A-units inside a single B-unit (METRICS.md, "Nested")."""
    return float(nested(n).mean()) if len(n) else 0.0


def nested_weighted(n: np.ndarray) -> float:
    """Share of the weight in A-units that lie inside a single B-unit."""
    total = n.sum()
    return float(n.sum(axis=1)[nested(n)].sum() / total) if total else 0.0


def split_units(n: np.ndarray) -> int:
    """How many A-units touch more than one B-unit."""
    return int((split_counts(n) > 1).sum())


def coterminous_pairs(n: np.ndarray) -> int:
    """How many A-units coincide exactly with a B-unit."""
    return int((classes(n) == "coterminous").sum())


def alignment_cost(n: np.ndarray) -> float:
    """Weight that must change unit for A to nest in B: `N − Σ_a max_b n[a, b]` (METRICS.md)."""
    return float(n.sum() - n.max(axis=1).sum()) if n.size else 0.0


# --- information-theoretic measures (sabre) ------------------------------------------------------


def _entropy(p: np.ndarray) -> float:
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum()) + 0.0  # + 0.0 turns -0.0 into 0.0


def entropies(n: np.ndarray) -> tuple[float, float, float, float]:
    """H(A), H(B), H(A,B) and the mutual information I, in bits."""
    p = n / n.sum()
    h_a, h_b, h_ab = _entropy(p.sum(axis=1)), _entropy(p.sum(axis=0)), _entropy(p.ravel())
    h_a, h_b = (0.0 if h < ENTROPY_FLOOR else h for h in (h_a, h_b))
    return h_a, h_b, h_ab, max(0.0, h_a + h_b - h_ab)


def homogeneity(n: np.ndarray) -> float:
    """`I / H(A)`: 1 when every B-unit lies in one A-unit. Source: Rosenberg & Hirschberg (2007);
    sabre `vmeasure(x, y)` with A as x (Nowosad & Stepinski 2018)."""
    h_a, _, _, mutual = entropies(n)
    return 1.0 if h_a == 0 else mutual / h_a


def completeness(n: np.ndarray) -> float:
    """`I / H(B)`: 1 when every A-unit lies in one B-unit. Source: Rosenberg & Hirschberg (2007); sabre."""
    _, h_b, _, mutual = entropies(n)
    return 1.0 if h_b == 0 else mutual / h_b


def v_measure(n: np.ndarray, beta: float = 1.0) -> float:
    """Weighted harmonic mean of homogeneity and completeness, `(1+β)hc/(βh+c)`. Source: Rosenberg &
    Hirschberg (2007), EMNLP-CoNLL; sabre `vmeasure`."""
    h, c = homogeneity(n), completeness(n)
    return 0.0 if beta * h + c == 0 else (1 + beta) * h * c / (beta * h + c)


def nmi(n: np.ndarray) -> float:
    """Normalised mutual information, arithmetic normalisation (equals V with β = 1). Source: Vinh,
    Epps & Bailey (2010), JMLR 11; scikit-learn `normalized_mutual_info_score`."""
    return v_measure(n, 1.0)


def variation_of_information(n: np.ndarray) -> float:
    """`H(A|B) + H(B|A)` in bits; 0 for identical layers. Source: Meilă (2007), J. Multivariate
    Analysis 98."""
    h_a, h_b, h_ab, _ = entropies(n)
    return max(0.0, 2 * h_ab - h_a - h_b)


def rih(n: np.ndarray) -> np.ndarray:
    """Per A-unit inhomogeneity `H(B | A=a) / H(B)` (transpose `n` for B-units). Source: Nowosad &
    Stepinski (2018), IJGIS 32(12); sabre `rih`."""
    _, h_b, _, _ = entropies(n)
    totals = n.sum(axis=1, keepdims=True)
    conditional = np.array([_entropy(row) for row in np.divide(n, totals, where=totals > 0, out=np.zeros_like(n))])
    return conditional / h_b if h_b > 0 else np.zeros(len(n))


def mapcurves_fit(n: np.ndarray) -> np.ndarray:
    """Mapcurves goodness of fit of each A-unit: `Σ_b n[a,b]² / (n[a] n[b])`. Source: Hargrove,
    Hoffman & Hessburg (2006), Landscape Ecology 21."""
    outer = np.outer(n.sum(axis=1), n.sum(axis=0))
    z = np.divide(n**2, outer, out=np.zeros_like(n), where=outer > 0)
    return z.sum(axis=1)


def _curve_area(fits: np.ndarray) -> float:
    x = np.concatenate([[0.0], np.sort(fits), [1.0]])
    y = np.concatenate([[1.0], np.linspace(1, 0, len(fits)), [0.0]])
    return float(np.sum(np.diff(x) * (y[:-1] + y[1:])) / 2)


def mapcurves(n: np.ndarray) -> float:
    """Overall Mapcurves GOF: the larger area under the sorted-fit curves of A and of B. Source:
    Hargrove et al. (2006), as sabre `mapcurves` computes it."""
    return max(_curve_area(mapcurves_fit(n)), _curve_area(mapcurves_fit(n.T)))


def adjusted_rand(n: np.ndarray, counts: bool) -> float:
    """Adjusted Rand index: pair-count form for counts, the n → ∞ limit form for continuous weights.
    Source: Hubert & Arabie (1985), J. Classification 2; scikit-learn `adjusted_rand_score`."""
    if counts:
        pairs = lambda x: x * (x - 1) / 2  # noqa: E731
        index, rows, cols = pairs(n).sum(), pairs(n.sum(axis=1)).sum(), pairs(n.sum(axis=0)).sum()
        expected = rows * cols / pairs(n.sum())
        maximum = (rows + cols) / 2
    else:
        p = n / n.sum()
        index, rows, cols = (p**2).sum(), (p.sum(axis=1) ** 2).sum(), (p.sum(axis=0) ** 2).sum()
        expected, maximum = rows * cols, (rows + cols) / 2
    return 1.0 if maximum == expected else float((index - expected) / (maximum - expected))
