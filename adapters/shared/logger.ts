/** The logging surface adapters need; pino's Logger fits it as is. */

/** Log function in pino's order: details object first, then the message. */
export type LogFn = (details: object, message?: string) => void;

/** A structured logger (pino-compatible). Never log message text or names of workers. */
export interface AdapterLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const ignore: LogFn = () => {};

/** Default when no logger is injected: adapters stay quiet rather than writing to the console. */
export const silentLogger: AdapterLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
