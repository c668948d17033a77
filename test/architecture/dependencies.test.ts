/**
 * The dependency rule of docs/architecture.md, checked with dependency-cruiser over the real tree (type
 * imports included), and shown to catch a back edge in a small tree made for the purpose.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, folders: string[]): Promise<string[]> {
  const result = await cruise(folders, { ...rules.options, ruleSet: { forbidden: rules.forbidden }, baseDir, validate: true, tsConfig: undefined });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('imports point one way', () => {
  it('the source tree has no dependency violations', async () => {
    expect(await violations(root, ['src', 'adapters'])).toEqual([]);
  }, 60_000);

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gongyou-deps-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('a back edge (core importing a feature, a type import included) is reported', async () => {
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      writeFileSync(path.join(scratch, file), text);
    };
    write('src/dialog/route.ts', "import type { Turn } from '../core/turn.js';\nexport const route = (t: Turn) => t;\n");
    write('src/core/turn.ts', "import type { route } from '../dialog/route.js';\nexport interface Turn { next?: typeof route }\n");
    write('adapters/telegram/adapter.ts', "import { route } from '../../src/dialog/route.js';\nexport const a = route;\n");
    const found = await violations(scratch, ['src', 'adapters']);
    expect(found).toContain('layer-core: src/core/turn.ts → src/dialog/route.ts');
    expect(found).toContain('adapters-import-only-core: adapters/telegram/adapter.ts → src/dialog/route.ts');
    expect(found).not.toContain('layer-dialog: src/dialog/route.ts → src/core/turn.ts');
  }, 60_000);
});
