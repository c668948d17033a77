/** The Redis connection the shared storage uses for conversation state and dedupe. */
import { createClient, type RedisClientType } from 'redis';
import type { StorageLogger } from '../logger.js';

/**
 * Connect to Redis. Until the first connection succeeds a failure is final (so
 * start-up fails fast with a clear error instead of retrying forever); after
 * that a dropped connection is retried with backoff.
 */
export async function connectRedis(redisUrl: string, logger: StorageLogger): Promise<RedisClientType> {
  let connectedOnce = false;
  const client: RedisClientType = createClient({
    url: redisUrl,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries, cause) => (connectedOnce ? Math.min(100 * 2 ** retries, 5000) : cause),
    },
  });
  // without a listener a dropped connection would crash the process
  client.on('error', (error: unknown) => {
    if (connectedOnce) logger.warn({ err: error }, 'Redis connection problem; reconnecting');
  });
  await client.connect();
  connectedOnce = true;
  return client;
}
