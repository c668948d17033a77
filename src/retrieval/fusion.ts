/** Reciprocal rank fusion: merge ranked lists without comparing their incompatible scores. */

/**
 * Fuse ranked lists of ids (best first). Each id scores the sum of 1 / (k + rank) over the lists
 * it appears in (rank from 1), times the list's weight (1 unless given); k = 60 is the value from
 * the original paper (Cormack et al. 2009).
 * Returns ids best first with their fused scores; ties keep first-seen order.
 */
export function reciprocalRankFusion(lists: string[][], k = 60, weights: number[] = []): Array<{ id: string; score: number }> {
  if (!(k >= 0)) throw new RangeError('k must be a non-negative number');
  const scores = new Map<string, number>();
  for (const [which, list] of lists.entries()) {
    const weight = weights[which] ?? 1;
    const seen = new Set<string>();
    list.forEach((id, index) => {
      if (seen.has(id)) return; // A duplicate in one list must not count twice.
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1));
    });
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
