/** Public surface of the Slack adapter. */
export { createSlackAdapter, type SlackAdapter } from './adapter.js';
export type { SlackAdapterConfig } from './config.js';
export { translateSlackError } from './errors.js';
export { FetchRequestReceiver } from './receiver.js';
export type { SlackMediatorConsoleOptions } from './mediator/console.js';
