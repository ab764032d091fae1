import { mulberry32 } from './random.ts';

/**
 * The source actors (pivots) of a sampled betweenness: `k` distinct actors out of n, drawn
 * uniformly without replacement by a seeded partial Fisher–Yates shuffle, so a run can be
 * repeated (Brandes & Pich 2007, "Centrality estimation in large networks").
 */
export function samplePivots(n: number, k: number, seed: number): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const random = mulberry32(seed);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.slice(0, take);
}

/**
 * How far a sampled normalised betweenness can be from the exact one. Each source adds
 * δ_s(v)/(n − 2) ∈ [0, 1] to an actor's normalised score, so by Hoeffding's inequality (which
 * also holds when sampling without replacement, Hoeffding 1963) and a union bound over the n
 * actors, every normalised score is within ε = n/(n − 1) · √(ln(2n/δ) / (2k)) of the exact value,
 * simultaneously, with probability 1 − δ (δ = 1 − confidence). 0 when nothing is sampled.
 */
export function betweennessErrorBound(n: number, samples: number, confidence: number): number {
  if (n < 3 || samples >= n) return 0;
  return (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / (1 - confidence)) / (2 * samples));
}
