/** The web chat adapter: the page, its API and event stream, served through the adapter's routes. */
export { createWebAdapter, WEB_CAPABILITIES, type WebAdapter } from './adapter.js';
export type { WebAdapterConfig } from './config.js';
