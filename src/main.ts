/**
 * `npm start`: read the configuration, build Gongyou, listen on PORT, start
 * the configured adapters, and shut down gracefully on SIGTERM/SIGINT.
 */
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { loadConfig, type AppConfig } from './config.js';
import { createGongyou, type Gongyou } from './app/app.js';
import { createLogger, type Logger } from './core/logger.js';
import { GongyouError } from './core/errors.js';
import { startHttpServer } from './http/server.js';
import { createConfiguredAdapters } from './app/adapters.js';
import { startChannels } from './app/channel-starter.js';

/** A running Gongyou and how to stop it. */
export interface RunningGongyou {
  gongyou: Gongyou;
  port: number;
  stop(): Promise<void>;
}

/** Start everything; resolves once the HTTP server listens. */
export async function startGongyou(config: AppConfig, logger: Logger = createLogger({ level: config.env.LOG_LEVEL })): Promise<RunningGongyou> {
  const gongyou = await createGongyou(config, { logger, configuredAdapters: (parts) => createConfiguredAdapters(config, logger, parts) });
  const server = await startHttpServer(gongyou.app, { port: config.port, host: config.host });
  const channels = await startChannels(gongyou.channels, gongyou.bot, { logger }).catch(async (error: unknown) => {
    // A channel the platform refuses stops start-up: release what already runs before saying so.
    await server.close().catch(() => undefined);
    await gongyou.close().catch(() => undefined);
    throw error;
  });
  gongyou.channelStatus = channels.status;
  // Messages a crash left unsent go out now; after that the handoff scheduler retries them every minute.
  await gongyou.delivery.retryUndelivered();
  logger.info({ port: server.port, dataDir: config.dataDir, storage: config.env.STORAGE }, 'Gongyou is listening');
  let stopping: Promise<void> | undefined;
  return {
    gongyou,
    port: server.port,
    stop() {
      stopping ??= (async () => {
        gongyou.ready = false;
        channels.stop();
        await server.close();
        await gongyou.close();
        logger.info('Gongyou stopped');
      })();
      return stopping;
    },
  };
}

/** Entry point of `npm start` and `gongyou start`. */
export async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(78);
  }
  const logger = createLogger({ level: config.env.LOG_LEVEL });
  const running = await startGongyou(config, logger).catch((error: unknown) => {
    logger.fatal({ err: error, code: error instanceof GongyouError ? error.code : undefined }, 'start-up failed');
    process.exit(1);
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Some SDKs (wechaty's puppet service when offline) reject promises nobody awaits; log, never crash.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main();
}
