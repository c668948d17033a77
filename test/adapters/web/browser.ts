/** Headless Chromium helpers for page tests (reused by the lead's end-to-end test). */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; override with GONGYOU_CHROMIUM. Never downloaded. */
export const CHROMIUM_PATH = process.env.GONGYOU_CHROMIUM ?? '/usr/bin/chromium';

/** The phone screen the chat page must work on. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };

/** Start headless Chromium with the flags that keep it quiet and offline. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A page in a fresh context, shaped like a phone by default, that records its own errors. */
export async function newPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? PHONE_VIEWPORT,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'zh-CN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // a refused request is logged by the browser itself; CSP violations and script errors are what count
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return { page, errors };
}

/** Close the browser and every context in it. */
export async function close(browser: Browser | undefined): Promise<void> {
  await browser?.close();
}
