/** Public surface of the Telegram adapter. */
export { createTelegramAdapter, type TelegramAdapter } from './adapter.js';
export type { TelegramAdapterConfig } from './config.js';
export { translateTelegramError } from './errors.js';
