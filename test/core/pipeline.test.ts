import { describe, expect, it } from 'vitest';
import { compose, type Middleware } from '../../src/core/pipeline.js';

describe('compose', () => {
  it('runs middleware in order and lets one stop the chain', async () => {
    const seen: string[] = [];
    const mw: Middleware[] = [
      async (_ctx, next) => {
        seen.push('1');
        await next();
        seen.push('1 after');
      },
      async () => void seen.push('2 stops'),
      async () => void seen.push('never'),
    ];
    await compose(mw)({} as never);
    expect(seen).toEqual(['1', '2 stops', '1 after']);
  });

  it('refuses next() called twice', async () => {
    const mw: Middleware[] = [
      async (_c, next) => {
        await next();
        await next();
      },
    ];
    await expect(compose(mw)({} as never)).rejects.toThrow(/more than once/);
  });
});
