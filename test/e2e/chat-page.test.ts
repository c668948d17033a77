/**
 * The chat page with the real bot, in headless Chromium at a phone's size:
 * a worker completes a wage intake by clicking and typing and sees the case number.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHttpServer, type RunningHttpServer } from '../../src/http/server.js';
import { launch, newPage, close } from '../adapters/web/browser.js';
import { startHarness, type Harness } from './harness.js';

/** Set GONGYOU_SCREENSHOTS=dir to keep PNGs of the page for a look. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.GONGYOU_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

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

  it('on a phone, more of the story typed at "对吗" is taken: the next question is the one not yet answered', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const send = async (text: string) => {
      await page.getByRole('textbox').fill(text);
      await page.getByRole('button', { name: '发送', exact: true }).click();
    };
    await send('站长欠我工资两个月了');
    await page.getByRole('button', { name: '对', exact: true }).waitFor();
    await send('美团众包 北京朝阳望京站');
    await page.getByText('一共被欠了多少钱').waitFor();
    expect(await page.getByText('您是给哪个平台或公司干活的').count()).toBe(0);
    expect(await page.getByText('您在哪个城市').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, 'story-at-confirm-390');
    expect(errors).toEqual([]);
  });

  it('keeps the whole conversation across a reload: a legal answer with its sources folded, /lang en for page and bot, a named mediator', async () => {
    const { page, errors } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const send = async (text: string, button = '发送') => {
      await page.getByRole('textbox').fill(text);
      await page.getByRole('button', { name: button, exact: true }).click();
    };
    await send('公司不签劳动合同怎么办');
    const toggle = page.locator('.sources-toggle').first();
    await toggle.waitFor();
    expect(await toggle.textContent()).toMatch(/^依据 \(\d+\) · 展开$/);
    expect(await page.locator('.citations').first().isHidden()).toBe(true);
    await shot(page, 'real-legal-closed');
    await toggle.click();
    await toggle.scrollIntoViewIfNeeded();
    await shot(page, 'real-legal-open');
    expect(await page.locator('.citations .chip').first().textContent()).toMatch(/^《.+》第\d+条$/);

    // typed in the chat, /lang en switches the bot and the page's chrome
    await send('/lang en');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(await toggle.textContent()).toMatch(/^Sources \(\d+\) · Hide$/);
    expect(await page.locator('.citations .chip').first().textContent()).toMatch(/^《.+》 Art\. \d+$/);

    // a mediator takes the case and writes: labelled with their public name
    await send('转人工', 'Send');
    const userId = await page.evaluate(() => localStorage.getItem('gongyou.userId'));
    const theirCase = async () => (await h.g.storage.cases.listCases()).find((c) => c.conversationKey === `web:${encodeURIComponent(userId!)}`);
    await expect.poll(theirCase, { timeout: 10_000 }).toBeDefined();
    const caseId = (await theirCase())!.id;
    const { token } = await h.g.storage.staff.addUser({ name: '王五', role: 'mediator', publicName: '调解员 8号' }, h.clock.now());
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await h.g.app.request(`/api/mediator/cases/${caseId}/claim`, { method: 'POST', headers: auth })).status).toBe(200);
    const wrote = await h.g.app.request(`/api/mediator/cases/${caseId}/messages`, { method: 'POST', headers: auth, body: JSON.stringify({ text: '您好，我是工会调解员，明天上午给您打电话。' }) });
    expect(wrote.status).toBe(201);
    await page.getByText('明天上午给您打电话').waitFor({ timeout: 10_000 });
    expect(await page.locator('.msg.mediator').last().locator('.author').textContent()).toBe('调解员 8号');
    await shot(page, 'real-mediator-english');

    await page.reload();
    await page.getByText('明天上午给您打电话').waitFor();
    const own = await page.locator('.msg.me .text').allTextContents();
    expect(own).toEqual(['公司不签劳动合同怎么办', '/lang en', '转人工']);
    expect(await page.locator('.msg.mediator').last().locator('.author').textContent()).toBe('调解员 8号');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    // every button of the answer before the mediator's message is an old one
    expect(await page.locator('.msg.mediator').last().evaluate((el) => Array.from(document.querySelectorAll('.choices button')).filter((b) => !(b as HTMLButtonElement).disabled && el.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING).length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
