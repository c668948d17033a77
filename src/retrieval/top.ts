/** Selecting the best few of many scores without sorting them all. */

/**
 * Positions of the `count` highest scores above `above`, best first, in one pass (ties keep the
 * earlier position). Bank votes pass 0 (only positive matches count); classifier logits pass -Infinity.
 */
export function topPositions(scores: ArrayLike<number>, count: number, above = 0): number[] {
  const best: number[] = [];
  if (count <= 0) return best;
  let floor = above;
  for (let position = 0; position < scores.length; position += 1) {
    const score = scores[position];
    if (score <= floor) continue;
    let at = best.length;
    while (at > 0 && scores[best[at - 1]] < score) at -= 1;
    best.splice(at, 0, position);
    if (best.length > count) best.pop();
    if (best.length === count) floor = scores[best[count - 1]];
  }
  return best;
}
