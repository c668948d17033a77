/** Serving a fixed list of static files; no path from the request is ever joined to a folder. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';

/** One file and the routes that answer with it. */
export interface StaticFile {
  routes: string[];
  file: string;
  /** Full Content-Type, with charset for text. */
  type: string;
}

/** Mount the files on the app; they are read once, at start-up, so a missing file fails early. */
export function mountStaticFiles(app: Hono, dir: string, files: StaticFile[]): void {
  for (const { routes, file, type } of files) {
    const body = readFileSync(path.join(dir, file), 'utf8');
    for (const route of routes) {
      app.get(route, (c) => {
        c.header('Content-Type', type);
        // the files are tiny; always revalidating means a deploy reaches every phone at once
        c.header('Cache-Control', 'no-cache');
        return c.body(body);
      });
    }
  }
}
