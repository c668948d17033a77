/**
 * The chat page with the real bot, in headless Chromium at a phone's size:
 * a worker completes a wage intake by clicking and typing and sees the case number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startHttpServer, type RunningHttpServer } from '../../src/http/server.js';
import { launch, newPage, close } from '../adapters/web/browser.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let server: RunningHttpServer;
let browser: Browser;

beforeAll(async () => {
  h = await startHarness();
  server = await startHttpServer(h.g.app, { port: 0, host: '127.0.0.1' });
  browser = await launch();
});
afterAll(async () => {
  await close(browser);
  await server.close();
  await h.close();
});

describe('chat page with the real bot', () => {
  it('completes a wage intake by clicking and typing and shows the case number', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const input = page.getByLabel('输入消息');
    const send = async (text: string) => {
      await input.fill(text);
      await page.getByRole('button', { name: '发送' }).click();
    };
    await send('站长两个月没给我结工资了');
    await page.getByRole('button', { name: '对', exact: true }).click();
    await page.getByText('您是给哪个平台或公司干活的').waitFor();
    await send('美团 朝阳站');
    await page.getByText('您在哪个城市').waitFor();
    await send('北京朝阳');
    await page.getByText('一共被欠了多少钱').waitFor();
    await send('三千五');
    await page.getByText('有几个人遇到同样的事').waitFor();
    await send('就我一个');
    await page.getByRole('button', { name: '是', exact: true }).click();
    await page.getByText('您手上有哪些证据').waitFor();
    await send('有聊天记录和转账截图');
    await page.getByRole('button', { name: /不留/ }).click();
    await page.getByRole('button', { name: /确认/ }).click();
    await expect.poll(() => page.locator('mark.case-id').first().textContent(), { timeout: 10_000 }).toMatch(/^GY-2026-\d{6}$/);
    const shown = await page.locator('mark.case-id').first().textContent();
    const cases = await h.g.storage.cases.listCases();
    expect(cases.map((c) => c.id)).toContain(shown);
    expect(errors).toEqual([]);
  });
});
