/** The chat page's three files (index.html, chat.js, chat.css) served at `/`. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { mountStaticFiles, type StaticFile } from '../../src/core/http/static-files.js';

/** Folder holding index.html, chat.js and chat.css. */
export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

const CHAT_PAGE_FILES: StaticFile[] = [
  { routes: ['/', '/index.html'], file: 'index.html', type: 'text/html; charset=utf-8' },
  { routes: ['/chat.js'], file: 'chat.js', type: 'text/javascript; charset=utf-8' },
  { routes: ['/chat.css'], file: 'chat.css', type: 'text/css; charset=utf-8' },
];

/** Mount the chat page on the app. */
export function mountChatPage(app: Hono, publicDir: string = PUBLIC_DIR): void {
  mountStaticFiles(app, publicDir, CHAT_PAGE_FILES);
}
