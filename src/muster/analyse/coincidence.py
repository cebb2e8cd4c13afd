"""Event coincidence analysis (Donges et al. 2016) on day-resolved series, with exact and surrogate tests.

Two series of event days over one observation period [0, T): the *trigger* series A (the claimed
cause) and the *response* series B. With a window of `window` days and a lag `lag`, an A event at day
a and a B event at day b coincide when lag <= b - a <= lag + window.

- trigger coincidence rate: the share of A events followed by at least one B event in their window;
- precursor coincidence rate: the share of B events preceded by at least one A event in their window.

Boundary rule: an event counts only when its whole window lies inside the period (an A event in the
last lag + window days cannot be followed by anything we could see; a B event in the first ones cannot
be preceded), so the rates are never biased down by the edges. Several events on one day count once
(days are the unit: two reports of one day's shelling are one event day).

Chance coverage (the analytic null): with the other series' n event days placed at random among the
T days, the probability that a given window of w = window + 1 days holds at least one of them is
1 - C(T - w, n) / C(T, n) (hypergeometric, exact for distinct days). K of N coincidences is then
compared with Binomial(N, p): that is the analytic p. The surrogate p keeps each series' own clustering
(bursts stay bursts): the trigger series is shifted circularly by every offset (or `m` random ones), and
p = (b + 1) / (m + 1) with b the shifts whose K is at least the observed one.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from math import exp, lgamma, log, log1p
from typing import Any, Sequence

import numpy as np

ALPHA = 0.05
FEW_EVENTS = 10


def binom_sf(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), exact."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    lp, lq, ln = log(p), log1p(-p), lgamma(n + 1)
    return float(min(1.0, sum(exp(ln - lgamma(i + 1) - lgamma(n - i + 1) + i * lp + (n - i) * lq)
                              for i in range(k, n + 1))))


def binom_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p), exact."""
    return 1.0 - binom_sf(k + 1, n, p)


def clopper_pearson(k: int, n: int, alpha: float = ALPHA) -> tuple[float, float]:
    """Exact (Clopper-Pearson) two-sided confidence interval of a proportion k/n, by bisection."""
    if n == 0:
        return 0.0, 1.0

    def solve(f, target: float) -> float:
        lo, hi = 0.0, 1.0
        for _ in range(60):
            mid = (lo + hi) / 2
            if f(mid) < target:
                lo = mid
            else:
                hi = mid
        return (lo + hi) / 2

    lower = 0.0 if k == 0 else solve(lambda q: binom_sf(k, n, q), alpha / 2)
    upper = 1.0 if k == n else solve(lambda q: 1.0 - binom_cdf(k, n, q), 1.0 - alpha / 2)
    return lower, upper


def chance_coverage(n_other: int, days: int, window: int) -> float:
    """Probability that a window of window+1 days holds at least one of n_other random distinct days."""
    w = window + 1
    if n_other <= 0:
        return 0.0
    if w >= days or n_other > days - w:
        return 1.0
    # C(T - w, n) / C(T, n) = prod_{i<n} (T - w - i) / (T - i), in floats to stay finite for long periods
    return 1.0 - float(np.prod((days - w - np.arange(n_other)) / (days - np.arange(n_other))))


def min_significant_k(n: int, p: float, alpha: float = ALPHA) -> int | None:
    """The smallest K of N whose analytic p would fall at or below alpha (None: no K would)."""
    for k in range(n + 1):
        if binom_sf(k, n, p) <= alpha:
            return k
    return None


def _days(series: Sequence[int], days: int) -> np.ndarray:
    arr = np.unique(np.asarray(list(series), dtype=np.int64))
    if arr.size and (arr[0] < 0 or arr[-1] >= days):
        raise ValueError(f"event days must lie in [0, {days})")
    return arr


def _counts(a: np.ndarray, b: np.ndarray, days: int, window: int, lag: int) -> tuple[int, int, int, int]:
    """(K_trigger, N_trigger, K_precursor, N_precursor) under the boundary rule."""
    span = lag + window
    marks = np.zeros(days + 1, dtype=np.int64)  # prefix sums of B days
    marks[b + 1] = 1
    csum_b = np.cumsum(marks)
    a_ok = a[a + span < days]
    k_t = int(np.count_nonzero(csum_b[a_ok + span + 1] - csum_b[a_ok + lag] > 0)) if a_ok.size else 0
    marks = np.zeros(days + 1, dtype=np.int64)
    marks[a + 1] = 1
    csum_a = np.cumsum(marks)
    b_ok = b[b - span >= 0]
    k_p = int(np.count_nonzero(csum_a[b_ok - lag + 1] - csum_a[b_ok - span] > 0)) if b_ok.size else 0
    return k_t, int(a_ok.size), k_p, int(b_ok.size)


@dataclass
class Rate:
    """One coincidence rate with its tests."""

    k: int
    n: int
    rate: float | None
    chance: float  # probability of a coincidence by chance for one event
    expected_k: float
    p_analytic: float
    p_surrogate: float
    ci: tuple[float, float]
    min_k: int | None  # smallest K significant at this N
    power_2x: float | None  # chance of reaching min_k if the true coincidence rate were twice chance

    def fraction(self) -> str:
        return f"{self.k}/{self.n}"


@dataclass
class WindowResult:
    window: int
    lag: int
    trigger: Rate  # A events followed by B
    precursor: Rate  # B events preceded by A
    p_adjusted: float | None = None  # precursor surrogate p, Holm-corrected over the window grid


@dataclass
class PatternResult:
    days: int
    n_trigger_days: int
    n_response_days: int
    windows: list[WindowResult]
    reverse: list[WindowResult]  # placebo: the response series as trigger
    rate_ratio: dict[str, Any] = field(default_factory=dict)
    surrogates: int = 0
    verdict: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("windows", "reverse"):
            for w, obj in zip(d[key], getattr(self, key)):
                w["trigger"]["fraction"] = obj.trigger.fraction()
                w["precursor"]["fraction"] = obj.precursor.fraction()
        return d


def _shifts(days: int, m: int | None, seed: int) -> np.ndarray:
    if m is None or m >= days - 1:
        return np.arange(1, days, dtype=np.int64)
    return np.random.default_rng(seed).choice(np.arange(1, days, dtype=np.int64), size=m, replace=False)


def _rate(k: int, n: int, p_chance: float, null_ks: np.ndarray, alpha: float) -> Rate:
    b = int(np.count_nonzero(null_ks >= k)) if n else len(null_ks)
    return Rate(k=k, n=n, rate=(k / n if n else None), chance=p_chance, expected_k=n * p_chance,
                p_analytic=binom_sf(k, n, p_chance) if n else 1.0,
                p_surrogate=(b + 1) / (len(null_ks) + 1), ci=clopper_pearson(k, n, alpha),
                min_k=(mk := min_significant_k(n, p_chance, alpha) if n else None),
                power_2x=binom_sf(mk, n, min(1.0, 2 * p_chance)) if mk is not None else None)


def coincidence(a: np.ndarray, b: np.ndarray, days: int, window: int, lag: int = 0,
                shifts: np.ndarray | None = None, alpha: float = ALPHA) -> WindowResult:
    """Rates and tests for one window; the surrogates shift A circularly by each offset in `shifts`."""
    k_t, n_t, k_p, n_p = _counts(a, b, days, window, lag)
    shifts = shifts if shifts is not None else _shifts(days, None, 0)
    null = np.array([_counts(np.sort((a + s) % days), b, days, window, lag) for s in shifts], dtype=np.int64) \
        if shifts.size else np.zeros((0, 4), dtype=np.int64)
    null_t = null[:, 0] if null.size else np.zeros(0, dtype=np.int64)
    null_p = null[:, 2] if null.size else np.zeros(0, dtype=np.int64)
    return WindowResult(window=window, lag=lag,
                        trigger=_rate(k_t, n_t, chance_coverage(len(b), days, window), null_t, alpha),
                        precursor=_rate(k_p, n_p, chance_coverage(len(a), days, window), null_p, alpha))


def holm(pvalues: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the input order."""
    order = sorted(range(len(pvalues)), key=lambda i: pvalues[i])
    out = [0.0] * len(pvalues)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(pvalues) - rank) * pvalues[i]))
        out[i] = running
    return out


def rate_ratio(a: np.ndarray, b: np.ndarray, days: int, window: int, lag: int = 0) -> dict[str, Any]:
    """Exact conditional test (Poisson rates): are response days more frequent inside the windows after
    trigger days than outside them? Given the n response days, the count inside ~ Binomial(n, exposure share)."""
    exposed = np.zeros(days, dtype=bool)
    for x in a:
        exposed[x + lag: min(days, x + lag + window + 1)] = True
    t_in, t_out = int(exposed.sum()), int(days - exposed.sum())
    n_in = int(exposed[b].sum()) if b.size else 0
    n_out = int(b.size - n_in)
    share = t_in / days if days else 0.0
    ratio = (n_in / t_in) / (n_out / t_out) if t_in and t_out and n_out else None
    return {"window": window, "lag": lag, "responses_inside": n_in, "days_inside": t_in,
            "responses_outside": n_out, "days_outside": t_out, "rate_ratio": ratio,
            "p_exact": binom_sf(n_in, n_in + n_out, share) if t_in and t_out else 1.0}


def test(trigger_days: Sequence[int], response_days: Sequence[int], days: int,
         windows: Sequence[int] = (7, 14, 30, 60), lag: int = 0, surrogates: int | None = 999,
         seed: int = 0, alpha: float = ALPHA) -> PatternResult:
    """The whole pattern test: every window, both directions, Holm over the grid, a rate-ratio test."""
    a, b = _days(trigger_days, days), _days(response_days, days)
    shifts = _shifts(days, surrogates, seed)
    fwd = [coincidence(a, b, days, w, lag, shifts, alpha) for w in windows]
    rev = [coincidence(b, a, days, w, lag, shifts, alpha) for w in windows]
    for group in (fwd, rev):
        for r, p in zip(group, holm([r.precursor.p_surrogate for r in group])):
            r.p_adjusted = p
    main = windows[len(windows) // 2] if windows else 30
    res = PatternResult(days=days, n_trigger_days=int(a.size), n_response_days=int(b.size), windows=fwd,
                        reverse=rev, rate_ratio=rate_ratio(a, b, days, main, lag), surrogates=len(shifts))
    res.verdict = verdict(res, alpha)
    return res


def _days_word(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def verdict(res: PatternResult, alpha: float = ALPHA) -> str:
    """The result in words a reader outside statistics understands."""
    n_a, n_b = res.n_trigger_days, res.n_response_days
    head = (f"Over {_days_word(res.days)} there were {_days_word(n_a)} with trigger events and "
            f"{_days_word(n_b)} with response events.")
    best = min(res.windows, key=lambda r: r.p_adjusted if r.p_adjusted is not None else 1.0)
    pre = best.precursor
    power = ""
    if pre.power_2x is not None:
        power = (f" Had responses truly come after triggers twice as often as chance, a test of this size would have "
                 f"shown it {pre.power_2x:.0%} of the time ({best.window}-day window).")
    if min(n_a, n_b) < FEW_EVENTS:
        return (head + f" With fewer than {FEW_EVENTS} event days in a series this test cannot tell 'no effect' "
                "from 'too few events': whatever the figures below say, they are not evidence either way." + power)
    placebo = min((r.p_adjusted or 1.0) for r in res.reverse) if res.reverse else 1.0
    share = f"{pre.k} of {pre.n} response days ({(pre.rate or 0):.0%})"
    chance = f"{pre.expected_k:.1f} expected by chance ({pre.chance:.0%} each)"
    if best.p_adjusted is not None and best.p_adjusted <= alpha:
        txt = (f" Responses followed triggers more often than chance: {share} came within {best.window} days "
               f"after a trigger, against {chance}; this holds after allowing for each series' own bursts and "
               f"for trying {len(res.windows)} windows (adjusted p = {best.p_adjusted:.3f}).")
        if placebo <= alpha:
            txt += (" But the reverse order is also significant (adjusted p = "
                    f"{placebo:.3f}): the two series rise and fall together, which says little about which leads.")
        return head + txt
    need = (f" At this N, {pre.min_k} coincidences would have been needed." if pre.min_k is not None else "") + power
    return (head + f" No pattern beyond chance: at best {share} came within {best.window} days after a trigger, "
            f"against {chance} (adjusted p = {(best.p_adjusted or 1.0):.3f}).{need} This is absence of evidence, "
            "not evidence of absence.")
