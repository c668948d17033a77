import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from '../../src/retrieval/fusion.js';

describe('reciprocalRankFusion', () => {
  it('sums 1/(k+rank) over the lists', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['b', 'a', 'd']], 60);
    const score = Object.fromEntries(fused.map(({ id, score }) => [id, score]));
    expect(score.a).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(score.b).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(score.c).toBeCloseTo(1 / 63, 12);
    expect(score.d).toBeCloseTo(1 / 63, 12);
    expect(fused.slice(2).map((f) => f.id)).toEqual(['c', 'd']);
  });

  it('puts an item both lists agree on above items only one list ranks first', () => {
    const fused = reciprocalRankFusion([['x', 'shared'], ['y', 'shared']]);
    expect(fused[0].id).toBe('shared');
  });

  it('with a small k trusts top ranks more', () => {
    const lists = [['a', 'b', 'c', 'd'], ['d', 'c', 'b', 'a']];
    expect(reciprocalRankFusion(lists, 0)[0].id).toMatch(/[ad]/);
    expect(() => reciprocalRankFusion(lists, -1)).toThrow(RangeError);
  });

  it('counts a duplicate within one list once', () => {
    expect(reciprocalRankFusion([['a', 'a']], 60)).toEqual([{ id: 'a', score: 1 / 61 }]);
  });

  it('handles empty input', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([[], []])).toEqual([]);
  });

  it('is sorted, covers every id, and one list keeps its order', () => {
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 12 }), { maxLength: 4 }), (lists) => {
        const fused = reciprocalRankFusion(lists);
        for (let i = 1; i < fused.length; i += 1) expect(fused[i - 1].score).toBeGreaterThanOrEqual(fused[i].score);
        expect(new Set(fused.map((f) => f.id))).toEqual(new Set(lists.flat()));
        if (lists.length === 1) expect(fused.map((f) => f.id)).toEqual(lists[0]);
      }),
    );
  });
  it('weights lists: a list weighted 0 changes nothing, a heavier list wins a tie of ranks', () => {
    expect(reciprocalRankFusion([['a', 'b'], ['b', 'a']], 60, [1, 0]).map((f) => f.id)).toEqual(['a', 'b']);
    expect(reciprocalRankFusion([['a', 'b'], ['b', 'a']], 60, [1, 2]).map((f) => f.id)).toEqual(['b', 'a']);
    const [only] = reciprocalRankFusion([['x']], 60, [0.5]);
    expect(only.score).toBeCloseTo(0.5 / 61, 12);
  });
});
