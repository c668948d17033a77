/** The chat page in headless Chromium at 360×740 against a real server with a scripted bot. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/core/types.js';
import { startHttpServer, type RunningHttpServer } from '../../../src/http/server.js';
import { SCRIPTED_CASE_ID, SCRIPTED_INTAKE, type BotScript } from '../../fakes/scripted-bot.js';
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
  options: { beforeLoad?: (page: Page) => Promise<unknown>; expectStream?: boolean; script?: BotScript; viewport?: { width: number; height: number } } = {},
): Promise<{ h: WebHarness; bus: CountingBus; server: RunningHttpServer; page: Page; errors: string[] }> {
  const bus = new CountingBus();
  const h = await createWebHarness({ deps: { bus }, botPublishesReplies: true, script: options.script });
  const server = await startHttpServer(h.app, { port: 0, host: '127.0.0.1' });
  cleanups.push(() => server.close());
  const { page, errors } = await newPage(browser, { viewport: options.viewport });
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
    await page.getByText('OK, I will speak English').waitFor();
    expect(await page.getByLabel('Type a message').getAttribute('placeholder')).toBe('Tell us what happened…');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByLabel('Type a message').fill('hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: '工资被拖欠' }).waitFor();
    await page.reload();
    // the same userId comes back, history is shown once, and the language choice stays
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await expect.poll(() => page.locator('article.msg.bot').count()).toBe(2);
    expect(h.bot.received).toHaveLength(2);
    const storedUser = await page.evaluate(() => localStorage.getItem('gongyou.userId'));
    expect(h.bot.received[0].conversationKey).toBe(`web:${encodeURIComponent(storedUser!)}`);
    expect(errors).toEqual([]);
  });
});

/** A legal answer long enough to fill more than the phone's screen, with citations and a button after it. */
const LEGAL_TEXT = [
  '可以要。公司拖欠工资，您可以要求公司立即支付，并且可以要求加付赔偿金。',
  '依据：用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。',
  ...Array.from({ length: 14 }, (_, i) => `第${i + 1}步：保留工资条、转账记录、考勤截图和聊天记录，写清楚每个月应发多少、实发多少。`),
  '最后：这是法律信息，不是法律意见。',
].join('\n');
const LEGAL_SCRIPT: BotScript = (message, turn) => {
  if (/工资.*怎么办/.test(message.text)) {
    return [
      {
        text: LEGAL_TEXT,
        choices: [{ id: 'start_intake', label: '帮我登记' }, { id: 'not_now', label: '我就问问' }],
        meta: { intent: 'legal_answer', confidence: 0.8, citations: [{ law: '劳动合同法', article: 30 }, { law: '工资支付暂行规定', article: 18 }] },
      },
    ];
  }
  return SCRIPTED_INTAKE(message, turn);
};

const PHONE_390 = { width: 390, height: 844 };
/** Set GONGYOU_SCREENSHOTS=dir to keep PNGs of the page at 390 px for a look. */
const SHOTS = process.env.GONGYOU_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && document.body.scrollWidth <= window.innerWidth);

describe('chat page continuity at 390 px', () => {
  it('shows the whole conversation after a reload, the worker\'s own messages included, with old buttons disabled', async () => {
    const { page, errors } = await openChat({ viewport: PHONE_390 });
    const say = async (text: string) => {
      await page.getByLabel('输入消息').fill(text);
      await page.getByRole('button', { name: '发送' }).click();
    };
    await say('你好');
    await page.locator('.choices').first().waitFor();
    await say('还想问一下');
    await expect.poll(() => page.locator('.choices').count()).toBe(2);
    // typing past the buttons retires them; the latest stay usable
    expect(await page.locator('.choices').first().getByRole('button', { name: '工资被拖欠' }).isDisabled()).toBe(true);
    expect(await page.locator('.choices').last().getByRole('button', { name: '工资被拖欠' }).isEnabled()).toBe(true);
    await page.locator('.choices').last().getByRole('button', { name: '工资被拖欠' }).click();
    await page.getByText('一共欠了多少钱').waitFor();

    await page.reload();
    await expect.poll(() => page.locator('.msg').count()).toBe(6);
    const shown = await page.locator('.msg').evaluateAll((els) => els.map((el) => `${el.classList.contains('me') ? 'me' : 'bot'}:${el.querySelector('.text')?.textContent}`));
    expect(shown).toEqual([
      'me:你好',
      'bot:您遇到的是哪类问题？',
      'me:还想问一下',
      'bot:您遇到的是哪类问题？',
      'me:工资被拖欠',
      'bot:一共欠了多少钱？例如：3500',
    ]);
    // no button of an earlier message works after the reload
    const enabled = await page.locator('.choices button:enabled').count();
    expect(enabled).toBe(0);
    expect(await page.locator('.choices button').count()).toBe(4);
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('labels a mediator\'s message with the public name and styles it apart from the bot, live and after a reload', async () => {
    const { h, bus, page, errors } = await openChat({ viewport: PHONE_390, script: LEGAL_SCRIPT });
    await page.getByLabel('输入消息').fill('公司拖欠工资怎么办');
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('.sources-toggle').waitFor();
    const key = h.bot.received[0].conversationKey;
    const message: OutgoingMessage = { id: 'med-1', text: '您好，我是工会的调解员，已经看了您的情况，明天上午给您打电话。', meta: { intent: 'mediator_message', caseId: SCRIPTED_CASE_ID, authorName: '调解员 8号' } };
    await h.messages.append({ conversationKey: key, direction: 'out', author: 'mediator:m1', message, at: new Date(0).toISOString(), delivered: true });
    bus.publish(key, message);
    const mediator = page.locator('[data-id="med-1"]');
    await mediator.waitFor();
    expect(await mediator.locator('.author').textContent()).toBe('调解员 8号');
    // the bot's buttons before a mediator's message are old ones
    expect(await page.getByRole('button', { name: '帮我登记' }).isDisabled()).toBe(true);
    const background = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background('[data-id="med-1"]')).not.toBe(await background('article.msg.bot:not(.mediator)'));
    await shot(page, 'mediator');

    await page.reload();
    await page.locator('[data-id="med-1"] .author').waitFor();
    expect(await page.locator('[data-id="med-1"] .author').textContent()).toBe('调解员 8号');
    expect(await page.locator('.msg.mediator').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('puts the citations of a legal answer behind a closed 依据 toggle and shows the start of a long answer', async () => {
    const { page, errors } = await openChat({ viewport: PHONE_390, script: LEGAL_SCRIPT });
    await page.getByLabel('输入消息').fill('公司拖欠工资怎么办');
    await page.getByRole('button', { name: '发送' }).click();
    const toggle = page.locator('.sources-toggle');
    await toggle.waitFor();
    expect(await toggle.textContent()).toBe('依据 (2) · 展开');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.citations').isHidden()).toBe(true);
    // the visible reply is the text, and its first line is on screen (not the buttons at its end)
    const answer = page.locator('article.msg.bot').last();
    const logBox = (await page.locator('#log').boundingBox())!;
    const answerBox = (await answer.boundingBox())!;
    expect(answerBox.height).toBeGreaterThan(logBox.height);
    expect(answerBox.y).toBeGreaterThanOrEqual(logBox.y - 1);
    expect(answerBox.y).toBeLessThan(logBox.y + 40);
    await shot(page, 'legal-closed');

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.textContent()).toBe('依据 (2) · 收起');
    expect(await page.locator('.citations .chip').allTextContents()).toEqual(['《劳动合同法》第30条', '《工资支付暂行规定》第18条']);
    expect(await page.locator('.citations').isVisible()).toBe(true);
    await toggle.scrollIntoViewIfNeeded();
    await shot(page, 'legal-open');
    await toggle.click();
    expect(await page.locator('.citations').isHidden()).toBe(true);
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('switches page and bot together: /lang en typed in the chat switches the chrome, the page\'s button tells the bot', async () => {
    const { h, page, errors } = await openChat({ viewport: PHONE_390, script: LEGAL_SCRIPT });
    await page.getByLabel('输入消息').fill('公司拖欠工资怎么办');
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('.sources-toggle').waitFor();

    await page.getByLabel('输入消息').fill('/lang en');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('button', { name: 'Send' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByLabel('Type a message').getAttribute('placeholder')).toBe('Tell us what happened…');
    // citation labels follow the page's language
    const toggle = page.locator('.sources-toggle');
    expect(await toggle.textContent()).toBe('Sources (2) · Show');
    await toggle.click();
    expect(await page.locator('.citations .chip').allTextContents()).toEqual(['《劳动合同法》 Art. 30', '《工资支付暂行规定》 Art. 18']);
    await page.getByText('OK, I will speak English').scrollIntoViewIfNeeded();
    await shot(page, 'english');

    // the page's button (now 中文) switches the chrome and tells the bot
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '发送' }).waitFor();
    await page.getByText('好的，以后用中文和您说').waitFor();
    expect(h.bot.received.at(-1)).toMatchObject({ choiceId: 'lang:zh-CN' });
    expect(await toggle.textContent()).toBe('依据 (2) · 收起');
    expect(await noSideScroll(page)).toBe(true);
    expect(errors).toEqual([]);
  });
});
