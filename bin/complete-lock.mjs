#!/usr/bin/env node
// The registry this project installs from lacks some other platforms' builds of native packages
// (e.g. @node-rs/jieba for macOS), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock. This adds the missing optional platform entries (os/cpu only,
// never installed on another platform). Run it after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = /-(android|darwin|freebsd|linux|win32|openbsd|sunos|aix)-(arm64|arm|x64|ia32|ppc64|s390x|riscv64|loong64|universal)(?:-(gnu|musl|gnueabihf|eabi|msvc))?$/;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const added = [];
for (const meta of Object.values(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key]) continue;
    const m = PLATFORM.exec(dep.split('/').pop());
    if (!m) continue;
    const [, os, cpu, libc] = m;
    const entry = { version, optional: true, os: [os], cpu: [cpu] };
    if (os === 'linux' && libc) entry.libc = [libc === 'musl' ? 'musl' : 'glibc'];
    packages[key] = entry;
    added.push(dep);
  }
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.length} platform entries: ${added.join(', ')}` : 'lock already complete');
