/** Bolt's Logger interface on top of our structured logger, so Bolt never writes to the console by itself. */
import { LogLevel, type Logger } from '@slack/bolt';
import type { AdapterLogger } from '../shared/logger.js';

/** Wrap an AdapterLogger for Bolt and its Web API client. */
export function toBoltLogger(logger: AdapterLogger): Logger {
  let level = LogLevel.INFO;
  let name = 'slack';
  const forward = (method: keyof AdapterLogger) => (...parts: unknown[]) =>
    logger[method]({ source: name, detail: parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ') }, 'bolt');
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    setLevel: (next) => void (level = next),
    getLevel: () => level,
    setName: (next) => void (name = next),
  };
}
