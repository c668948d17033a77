import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../src/core/keyed-queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedQueue', () => {
  it('runs tasks of one key in order, one at a time', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const gate = deferred();
    const a = q.run('k', async () => {
      log.push('a:start');
      await gate.promise;
      log.push('a:end');
    });
    const b = q.run('k', async () => void log.push('b'));
    await Promise.resolve();
    expect(log).toEqual(['a:start']);
    gate.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['a:start', 'a:end', 'b']);
  });

  it('runs different keys in parallel', async () => {
    const q = new KeyedQueue();
    const gate = deferred();
    const log: string[] = [];
    const a = q.run('a', async () => {
      await gate.promise;
      log.push('a');
    });
    await q.run('b', async () => void log.push('b'));
    expect(log).toEqual(['b']);
    gate.resolve();
    await a;
    expect(log).toEqual(['b', 'a']);
  });

  it('keeps going after a failing task and reports idle', async () => {
    const q = new KeyedQueue();
    const failed = q.run('k', async () => {
      throw new Error('boom');
    });
    const next = q.run('k', async () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe(42);
    await q.onIdle();
    expect(q.size).toBe(0);
  });
});
