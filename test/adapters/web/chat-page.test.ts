/** The chat page in headless Chromium at 360×740 against a real server with a scripted bot. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/core/types.js';
import { startHttpServer, type RunningHttpServer } from '../../../src/http/server.js';
import { SCRIPTED_CASE_ID } from '../../fakes/scripted-bot.js';
import { close, launch, newPage, PHONE_VIEWPORT } from './browser.js';
import { CountingBus, createWebHarness, type WebHarness } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await close(browser);
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/**
 * A fresh server and page for one test, closed after it. Replies reach the page twice (POST
 * response and SSE), so the page has to dedupe. `beforeLoad` may intercept the page's requests.
 */
async function openChat(
  options: { beforeLoad?: (page: Page) => Promise<unknown>; expectStream?: boolean } = {},
): Promise<{ h: WebHarness; bus: CountingBus; server: RunningHttpServer; page: Page; errors: string[] }> {
  const bus = new CountingBus();
  const h = await createWebHarness({ deps: { bus }, botPublishesReplies: true });
  const server = await startHttpServer(h.app, { port: 0, host: '127.0.0.1' });
  cleanups.push(() => server.close());
  const { page, errors } = await newPage(browser);
  cleanups.push(() => page.context().close());
  await options.beforeLoad?.(page);
  await page.goto(`http://127.0.0.1:${server.port}/`);
  // the page opens its event stream once history is loaded
  if (options.expectStream !== false) await expect.poll(() => bus.active).toBe(1);
  return { h, bus, server, page, errors };
}

describe('chat page', () => {
  it('runs an intake by clicking and typing, uploads a photo, and shows a later message once', async () => {
    const { h, bus, page, errors } = await openChat();
    await page.getByLabel('输入消息').fill('站长两个月没给我结工资');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('button', { name: '工资被拖欠' }).click();
    await page.getByText('一共欠了多少钱').waitFor();
    expect(h.bot.received[1]).toMatchObject({ choiceId: 'wages', text: '工资被拖欠' });

    await page.getByLabel('输入消息').fill('3500');
    await page.getByLabel('输入消息').press('Enter');
    await expect.poll(() => page.locator('mark.case-id').textContent()).toBe(SCRIPTED_CASE_ID);
    expect(await page.locator('.chip').allTextContents()).toEqual(['《劳动争议调解仲裁法》第27条']);
    expect(await page.getByLabel('输入消息').inputValue()).toBe('');

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await page.locator('#upload').setInputFiles({ name: '工资条.png', mimeType: 'image/png', buffer: png });
    await page.getByText('收到文件：工资条.png').waitFor();
    const upload = h.bot.received.at(-1)!;
    expect(upload.attachments[0]).toMatchObject({ kind: 'image', name: '工资条.png', mimeType: 'image/png' });
    expect(upload.attachments[0].data?.equals(png)).toBe(true);

    // every message the page sent carried its own id
    const ids = h.bot.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('m-'))).toBe(true);

    // a mediator's message reaches the open page through SSE only (it is not in the log), once
    const userKey = h.bot.received[0].conversationKey;
    const later: OutgoingMessage = { id: 'mediator-1', text: '我是调解员小李，已接手您的案件。', meta: { intent: 'mediator_message', caseId: SCRIPTED_CASE_ID } };
    bus.publish(userKey, later);
    bus.publish(userKey, later);
    await page.getByText('我是调解员小李').waitFor();
    expect(await page.locator('[data-id="mediator-1"]').count()).toBe(1);
    const shownIds = await page.locator('article.msg.bot').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));
    expect(shownIds).toHaveLength(5);
    expect(new Set(shownIds).size).toBe(5);

    // usable at 360 px: nothing wider than the screen, the input stays on screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    const composer = await page.locator('#composer').boundingBox();
    expect(composer!.y + composer!.height).toBeLessThanOrEqual(PHONE_VIEWPORT.height + 1);
    const sendBox = await page.getByRole('button', { name: '发送' }).boundingBox();
    expect(sendBox!.height).toBeGreaterThanOrEqual(44);
    expect(errors).toEqual([]);
  });

  it('keeps the text after a failed send, and a retry reuses the same messageId', async () => {
    const { h, page, errors } = await openChat();
    h.bot.failWith = new Error('boom');
    await page.getByLabel('输入消息').fill('你好');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('alert').getByText('12351').waitFor();
    expect(await page.getByLabel('输入消息').inputValue()).toBe('你好');

    h.bot.failWith = undefined;
    await page.getByRole('button', { name: '重新发送' }).click();
    await page.getByRole('button', { name: '工资被拖欠' }).waitFor();
    expect(await page.getByLabel('输入消息').inputValue()).toBe('');
    expect(await page.getByRole('alert').isHidden()).toBe(true);
    const [first, retry] = h.bot.received;
    expect(retry.messageId).toBe(first.messageId);
    expect(errors).toEqual([]);
  });

  it('falls back to polling when the event stream is refused', async () => {
    let streamAsked = 0;
    const { h, page, errors } = await openChat({
    expectStream: false,
    beforeLoad: (page) =>
      page.route('**/api/web/events**', (route) => {
        streamAsked++;
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{}' });
      }),
    });
    await expect.poll(() => streamAsked).toBe(1);
    const userId = await page.evaluate(() => localStorage.getItem('gongyou.userId'));
    const later: OutgoingMessage = { id: 'mediator-2', text: '调解员：明天上午给您回电话。', meta: { intent: 'mediator_message' } };
    await h.messages.append({ conversationKey: `web:${encodeURIComponent(userId!)}`, direction: 'out', author: 'mediator:m1', message: later, at: new Date(0).toISOString(), delivered: true });
    await page.getByText('明天上午给您回电话').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-id="mediator-2"]').count()).toBe(1);
    expect(streamAsked).toBe(1);
    expect(errors.filter((e) => !/EventSource/.test(e))).toEqual([]);
  });

  it('switches the page chrome to English and remembers the user after a reload', async () => {
    const { h, page, errors } = await openChat();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Send' }).waitFor();
    expect(await page.getByLabel('Type a message').getAttribute('placeholder')).toBe('Tell us what happened…');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByLabel('Type a message').fill('hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: '工资被拖欠' }).waitFor();
    await page.reload();
    // the same userId comes back, history is shown once, and the language choice stays
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await expect.poll(() => page.locator('article.msg.bot').count()).toBe(1);
    expect(h.bot.received).toHaveLength(1);
    const storedUser = await page.evaluate(() => localStorage.getItem('gongyou.userId'));
    expect(h.bot.received[0].conversationKey).toBe(`web:${encodeURIComponent(storedUser!)}`);
    expect(errors).toEqual([]);
  });
});
