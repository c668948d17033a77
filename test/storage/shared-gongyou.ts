/** Whole Gongyou instances (each with its own data folder) sharing one PostgreSQL schema and Redis prefix, as several servers would. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGongyou, type Gongyou } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/types.js';
import { openSharedStorage } from '../../src/storage/shared.js';
import { dropIsolated, isolatedNames, TEST_DATABASE_URL, TEST_REDIS_URL } from './shared-env.js';

/** What a test may set for every instance of the deployment: environment variables and a clock. */
export interface SharedDeploymentOptions {
  env?: Record<string, string>;
  clock?: Clock;
}

/** Instances of one shared deployment; `remove()` closes them and drops their data. */
export function sharedDeployment(label: string, options: SharedDeploymentOptions = {}): { start(): Promise<Gongyou>; remove(): Promise<void> } {
  const names = isolatedNames(label);
  const dirs: string[] = [];
  const started: Gongyou[] = [];
  return {
    async start() {
      const dir = mkdtempSync(path.join(os.tmpdir(), `gongyou-${label}-`));
      dirs.push(dir);
      const storage = await openSharedStorage({ databaseUrl: TEST_DATABASE_URL, redisUrl: TEST_REDIS_URL, ...names });
      const config = loadConfig({ GONGYOU_DATA_DIR: dir, LOG_LEVEL: 'silent', ...options.env });
      const gongyou = await createGongyou(config, { storage, clock: options.clock ?? { now: () => new Date() } });
      started.push(gongyou);
      return gongyou;
    },
    async remove() {
      for (const gongyou of started) await gongyou.close();
      await dropIsolated(names);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
