/** .env.example documents every setting the configuration accepts, and nothing it does not. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config.js';

const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));

describe('.env.example', () => {
  it('lists every variable of the configuration schema', () => {
    expect(Object.keys(envSchema.shape).filter((name) => !documented.has(name))).toEqual([]);
  });

  it('lists no variable the configuration does not read', () => {
    expect([...documented].filter((name) => !(name in envSchema.shape))).toEqual([]);
  });
});
