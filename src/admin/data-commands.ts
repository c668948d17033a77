/**
 * `gongyou data rotate-key --new-key <base64>`: re-wrap every sealed record's data key (and every
 * evidence file's) under a new master key. The ciphertext is not rewritten, so it is quick. Stop the
 * service first (an instance still running with the old key would keep writing under it), then set
 * GONGYOU_DATA_KEY to the new key and start again.
 */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { GongyouError } from '../core/errors.js';
import { DataSealer, parseDataKey } from '../core/sealing.js';
import { openStorage } from '../app/app.js';

/** Rotate the data key of the configured storage; returns how many items were re-wrapped. */
export async function rotateDataKey(env: Record<string, string | undefined>, newKey: string): Promise<number> {
  const config = loadConfig(env);
  const old = config.env.GONGYOU_DATA_KEY;
  if (!old) throw new GongyouError('config_invalid', 'GONGYOU_DATA_KEY is not set: there is no key to rotate from (set it to the current key)');
  const next = parseDataKey(newKey);
  const sealer = new DataSealer(next, [parseDataKey(old)]);
  // The storage opened with the new key (and the old one to open what is not yet re-wrapped).
  const storage = await openStorage(config);
  try {
    if (!storage.maintenance) throw new GongyouError('config_invalid', 'this storage cannot rotate keys');
    return await storage.maintenance.rewrap(sealer);
  } finally {
    await storage.close();
  }
}

/** Register `data rotate-key`. */
export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('workers’ personal data at rest / 个人数据');
  data
    .command('rotate-key')
    .description('re-wrap all personal data under a new GONGYOU_DATA_KEY (stop the service first) / 更换数据密钥')
    .requiredOption('--new-key <base64>', 'the new key, from `openssl rand -base64 32`')
    .action(async (opts: { newKey: string }) => {
      const count = await rotateDataKey(process.env, opts.newKey);
      process.stdout.write(`re-wrapped ${count} records and files under the new key.\nNow set GONGYOU_DATA_KEY to the new key and start Gongyou again; keep the old key until you have checked it.\n`);
    });
}
