/** Starting channels: an unreachable platform is retried in the background, a refusal stops start-up. */
import { describe, expect, it, vi } from 'vitest';
import { startChannels } from '../../src/app/channel-starter.js';
import { networkFailed, platformRefused } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/logger.js';
import type { BotHandler } from '../../src/core/types.js';
import { FakeChannel } from '../fakes/fake-channel.js';

const bot: BotHandler = { handle: async () => [] };
const logger = createLogger({ level: 'silent' });

/** An adapter whose start fails with the given errors first, then succeeds. */
function adapter(name: string, failures: unknown[]): FakeChannel {
  return new FakeChannel(name, { startFailures: failures });
}

describe('startChannels', () => {
  it('starts the others at once and retries an unreachable one with growing pauses until it is up', async () => {
    const web = adapter('telegram', [networkFailed('ECONNREFUSED'), networkFailed('ECONNREFUSED')]);
    const slack = adapter('slack', []);
    const channels = await startChannels([web, slack], bot, { logger, firstDelayMs: 20, maxDelayMs: 40 });
    expect(channels.status()).toEqual({ telegram: 'retrying', slack: 'up' });
    await vi.waitFor(() => expect(channels.status().telegram).toBe('up'), { timeout: 2000 });
    expect(web.starts).toBe(3);
    // each retry first stops what a failed start may have left running
    expect(web.stops).toBe(2);
    channels.stop();
  });

  it('stops start-up when the platform refuses (configuration cannot fix itself)', async () => {
    const refused = adapter('slack', [platformRefused('invalid_auth')]);
    await expect(startChannels([refused], bot, { logger })).rejects.toThrow('invalid_auth');
  });

  it('gives up retrying when a later failure is a refusal, and after stop() tries no more', async () => {
    const later = adapter('wechat', [networkFailed('timeout'), platformRefused('40164 not on the whitelist')]);
    const channels = await startChannels([later], bot, { logger, firstDelayMs: 10 });
    await vi.waitFor(() => expect(channels.status().wechat).toBe('stopped'), { timeout: 2000 });
    const never = adapter('telegram', [networkFailed('down'), networkFailed('down')]);
    const other = await startChannels([never], bot, { logger, firstDelayMs: 30 });
    other.stop();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(never.starts).toBe(1);
  });
});
