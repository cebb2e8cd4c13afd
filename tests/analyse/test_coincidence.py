"""Event coincidence analysis: rates and p-values against hand-worked values, edges, and simulated nulls."""
from __future__ import annotations

from math import comb

import numpy as np
import pytest

from muster.analyse import coincidence as ec


def test_coincidence_binomial_tail_by_hand() -> None:
    # P(X >= 3), X ~ Bin(10, 0.2) = 1 - (0.8^10 + 10*0.2*0.8^9 + 45*0.04*0.8^8)
    by_hand = 1 - (0.8 ** 10 + 10 * 0.2 * 0.8 ** 9 + 45 * 0.04 * 0.8 ** 8)
    assert ec.binom_sf(3, 10, 0.2) == pytest.approx(by_hand, abs=1e-12)
    assert ec.binom_sf(0, 10, 0.2) == 1.0 and ec.binom_sf(11, 10, 0.2) == 0.0
    assert ec.binom_sf(2000, 4000, 0.5) == pytest.approx(0.5063, abs=1e-3)  # long series stay finite


def test_coincidence_clopper_pearson_known_values() -> None:
    lo, hi = ec.clopper_pearson(3, 10)
    assert lo == pytest.approx(0.0667, abs=1e-4) and hi == pytest.approx(0.6525, abs=1e-4)
    assert ec.clopper_pearson(0, 10)[0] == 0.0 and ec.clopper_pearson(10, 10)[1] == 1.0


def test_coincidence_chance_coverage_is_hypergeometric() -> None:
    # a 7-day window (window=6) among 100 days holds one of 5 random distinct days
    assert ec.chance_coverage(5, 100, 6) == pytest.approx(1 - comb(93, 5) / comb(100, 5), rel=1e-12)
    assert ec.chance_coverage(0, 100, 6) == 0.0
    assert ec.chance_coverage(95, 100, 6) == 1.0


def test_coincidence_rates_by_hand_with_boundaries() -> None:
    # period 0..29, window 3, lag 0. A: 0, 10, 28; B: 2, 12, 13, 29
    a, b = np.array([0, 10, 28]), np.array([2, 12, 13, 29])
    r = ec.coincidence(a, b, 30, 3, 0, shifts=np.array([], dtype=np.int64))
    # trigger: A at 28 has no full window (28+3 >= 30) -> N=2; both 0 (B at 2) and 10 (B at 12) hit
    assert (r.trigger.k, r.trigger.n) == (2, 2)
    # precursor: B at 2 lacks a full window (2-3 < 0) -> N=3: 12 (A 10) and 13 (A 10) hit, 29 (A 28) hits
    assert (r.precursor.k, r.precursor.n) == (3, 3)


def test_coincidence_ties_and_lag() -> None:
    a, b = np.array([5, 5, 20]), np.array([5, 22])  # two A events on day 5 are one event day
    same_day = ec.coincidence(np.unique(a), b, 40, 0, 0, shifts=np.array([], dtype=np.int64))
    assert (same_day.trigger.k, same_day.trigger.n) == (1, 2)  # lag 0, window 0: only the same day
    lagged = ec.coincidence(np.unique(a), b, 40, 0, 2, shifts=np.array([], dtype=np.int64))
    assert (lagged.trigger.k, lagged.trigger.n) == (1, 2)  # 20 -> 22 exactly two days later
    assert (lagged.precursor.k, lagged.precursor.n) == (1, 2)


def test_coincidence_surrogate_p_counts_all_shifts_by_hand() -> None:
    # period 10, A one day, B one day two days later, window 0, lag 2: only the true shift coincides
    res = ec.test([3], [5], 10, windows=(0,), lag=2, surrogates=None)
    w = res.windows[0]
    assert (w.trigger.k, w.trigger.n) == (1, 1)
    # surrogates: shifts 1..9 of A; none puts A at day 3 again -> b=0 of m=9, p = 1/10
    assert res.surrogates == 9 and w.trigger.p_surrogate == pytest.approx(1 / 10)
    assert w.trigger.chance == pytest.approx(1 / 10)
    assert w.trigger.p_analytic == pytest.approx(1 / 10)


def test_coincidence_min_k_and_expected() -> None:
    # B follows A by three days, A at random days (a periodic A would coincide under every shift)
    a = sorted(np.random.default_rng(5).choice(290, 30, replace=False).tolist())
    res = ec.test(a, [x + 3 for x in a], 300, windows=(5,), surrogates=99)
    w = res.windows[0]
    assert w.precursor.expected_k == pytest.approx(w.precursor.n * w.precursor.chance)
    assert w.precursor.min_k is not None and ec.binom_sf(w.precursor.min_k, w.precursor.n, w.precursor.chance) <= 0.05
    assert ec.binom_sf(w.precursor.min_k - 1, w.precursor.n, w.precursor.chance) > 0.05
    assert w.precursor.rate == 1.0 and w.p_adjusted <= 0.05
    assert "more often than chance" in res.verdict


def test_coincidence_holm_by_hand() -> None:
    assert ec.holm([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.06, 0.06])


def test_coincidence_few_events_say_so_in_words() -> None:
    res = ec.test([1, 40], [3, 42], 100, windows=(7,), surrogates=49)
    assert "cannot tell 'no effect' from 'too few events'" in res.verdict


def test_coincidence_rate_ratio_matches_statsmodels() -> None:
    rates = pytest.importorskip("statsmodels.stats.rates")
    rng = np.random.default_rng(3)
    a = np.unique(rng.choice(365, 25, replace=False))
    b = np.unique(rng.choice(365, 40, replace=False))
    rr = ec.rate_ratio(a, b, 365, 7)
    ref = rates.test_poisson_2indep(rr["responses_inside"], rr["days_inside"], rr["responses_outside"],
                                    rr["days_outside"], method="exact-cond", alternative="larger")
    assert rr["p_exact"] == pytest.approx(ref.pvalue, rel=1e-6)


def _poisson_days(rng: np.random.Generator, days: int, rate: float) -> np.ndarray:
    return np.flatnonzero(rng.random(days) < rate)


def _bursty_days(rng: np.random.Generator, days: int, bursts: int, size: int) -> np.ndarray:
    starts = rng.choice(days - size, bursts, replace=False)
    return np.unique(np.concatenate([s + np.flatnonzero(rng.random(size) < 0.9) for s in starts]))


def test_coincidence_independent_poisson_rejects_at_nominal_rate() -> None:
    rng = np.random.default_rng(7)
    rejections = 0
    reps = 300
    for _ in range(reps):
        a, b = _poisson_days(rng, 365, 0.06), _poisson_days(rng, 365, 0.06)
        r = ec.coincidence(a, b, 365, 7, 0, shifts=np.array([], dtype=np.int64))
        rejections += r.precursor.p_analytic <= 0.05
    assert rejections / reps <= 0.08  # at or below nominal (discrete binomial test is conservative)


def test_coincidence_bursty_series_surrogate_holds_where_analytic_does_not() -> None:
    rng = np.random.default_rng(11)
    reps, analytic, surrogate = 120, 0, 0
    for _ in range(reps):
        a, b = _bursty_days(rng, 365, 2, 15), _bursty_days(rng, 365, 2, 15)
        shifts = rng.choice(np.arange(1, 365), 99, replace=False)
        r = ec.coincidence(a, b, 365, 0, 0, shifts=shifts)
        analytic += r.precursor.p_analytic <= 0.05
        surrogate += r.precursor.p_surrogate <= 0.05
    assert surrogate / reps <= 0.08  # near nominal: the shifts keep the bursts
    assert analytic / reps >= 0.15  # the binomial null assumes scattered days and rejects far too often
