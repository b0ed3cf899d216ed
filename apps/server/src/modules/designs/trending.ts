/**
 * Trending is an exponentially decaying sum of likes and views with a one-day half-life. Kept as
 * log(Σ w·e^{λ(t−epoch)}), which orders rows exactly like the decayed sum at any common time and
 * never overflows; adding an interaction is a log-add-exp.
 */
const HALF_LIFE_MS = 24 * 3600 * 1000;
const LAMBDA = Math.LN2 / HALF_LIFE_MS;
const EPOCH = Date.UTC(2026, 0, 1);

export const weights = { like: 3, view: 1, unlike: 0 } as const;

/** The log-space contribution of one interaction of weight w at time t. */
export const contribution = (weight: number, at = Date.now()) => Math.log(weight) + LAMBDA * (at - EPOCH);

/** The SQL expression that adds a contribution to the current score (log-add-exp, stable). */
export const addToScoreSql = (column: string, value: number) =>
  `greatest(${column}, ${value}) + ln(1 + exp(-abs(${column} - ${value})))`;
