#!/usr/bin/env node
// Compiles src/ and adapters/ to plain JavaScript under dist/ (one file per source, same layout)
// so `npm start` runs on plain Node without the TypeScript loader (faster start, ~30 MB less memory).
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every folder named `public` (static files a module serves from beside itself). */
function publicDirs(dir) {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (!statSync(path.join(root, rel)).isDirectory()) return [];
    return name === 'public' ? [rel] : publicDirs(rel);
  });
}

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [...sources(path.join(root, 'src')), ...sources(path.join(root, 'adapters'))],
  outdir: out,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// Files the code reads next to itself at run time.
for (const asset of [...publicDirs('src'), ...publicDirs('adapters'), 'content', 'prompts']) {
  const from = path.join(root, asset);
  try {
    cpSync(from, path.join(out, asset), { recursive: true });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}
