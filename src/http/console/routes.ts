/** Serves the mediator console's static files under /console; a fixed list, so no path can escape the folder. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { limitBody, SMALL_BODY_BYTES } from '../../core/http/body-limit.js';
import { mountStaticFiles, type StaticFile } from '../../core/http/static-files.js';

/** Folder holding the console's index.html, its scripts (console*.js) and console.css. */
export const CONSOLE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

const FILES: StaticFile[] = [
  { routes: ['/', '/index.html'], file: 'index.html', type: 'text/html; charset=utf-8' },
  { routes: ['/console.js'], file: 'console.js', type: 'text/javascript; charset=utf-8' },
  { routes: ['/console-text.js'], file: 'console-text.js', type: 'text/javascript; charset=utf-8' },
  { routes: ['/console-base.js'], file: 'console-base.js', type: 'text/javascript; charset=utf-8' },
  { routes: ['/console-case.js'], file: 'console-case.js', type: 'text/javascript; charset=utf-8' },
  { routes: ['/console-canned.js'], file: 'console-canned.js', type: 'text/javascript; charset=utf-8' },
  { routes: ['/console.css'], file: 'console.css', type: 'text/css; charset=utf-8' },
];

/** The console as a sub-app to mount at `/console`. */
export function createConsoleApp(dir: string = CONSOLE_DIR): Hono {
  const app = new Hono();
  // the console's pages read no body
  app.use('*', limitBody(SMALL_BODY_BYTES));
  mountStaticFiles(app, dir, FILES);
  return app;
}
