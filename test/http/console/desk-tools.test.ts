/**
 * The mediator console's working tools in headless Chromium against a real HTTP server: canned replies
 * (kept by an admin in the page, picked into the reply box, edited, never sent by the pick), the language
 * switch (the whole chrome in English, remembered), and reassigning a case by a colleague's name.
 * Each page is also checked at 390 px without horizontal scroll; screenshots go to $GONGYOU_SCREENSHOTS when set.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addStaff } from '../../handoff/harness.js';
import { newPage } from '../../adapters/web/browser.js';
import { consoleWorld } from './console-world.js';

const cw = consoleWorld();
const SHOTS = process.env.GONGYOU_SCREENSHOTS;
const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A worker asks for a person; returns the new case's id. */
async function caseOf(userId: string, text: string): Promise<string> {
  await cw.worker(userId, text);
  return (await cw.world.storage.cases.listCases()).find((c) => c.userKey === `web:${userId}`)!.id;
}

async function login(page: Page, token: string): Promise<void> {
  await page.goto(`${cw.base}/console`);
  await page.fill('#token', token);
  await page.click('#login button[type=submit]');
  await expect.poll(() => page.textContent('#queue-total')).toMatch(/\d/);
}

async function openCase(page: Page, id: string): Promise<void> {
  await page.locator(`#queue li[data-case-id="${id}"]`).click();
  await page.locator('#case-title', { hasText: id }).waitFor();
}

/** A screenshot of the whole page, or of the screen with `at` scrolled into view (a phone's page is long). */
async function shot(page: Page, name: string, at?: string): Promise<void> {
  if (!SHOTS) return;
  if (at) await page.locator(at).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: !at });
}

async function noSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

describe('canned replies in the console', () => {
  it('start empty with a hint; an admin adds and edits them in the page; a mediator picks one into the box, edits it and sends only that', async () => {
    const caseId = await caseOf('rider-canned', '转人工，站长扣了我三百块');
    const admin = await addStaff(cw.world, { name: '管理员', role: 'admin' });
    const med = await addStaff(cw.world, { name: '王调解员', publicName: '调解员 6号' });

    // nothing kept yet: the mediator sees a hint where the picker would be
    const m = await newPage(cw.browser, { viewport: DESKTOP });
    await login(m.page, med.token);
    await openCase(m.page, caseId);
    await m.page.locator('#canned-empty', { hasText: '还没有常用回复，请管理员添加' }).waitFor();
    expect(await m.page.isHidden('#canned-pick')).toBe(true);
    expect(await m.page.isHidden('#canned-admin')).toBe(true);

    // the admin keeps two in the page, then corrects one
    const a = await newPage(cw.browser, { viewport: DESKTOP });
    await login(a.page, admin.token);
    await a.page.locator('#canned-admin').waitFor();
    await openCase(a.page, caseId);
    expect(await a.page.textContent('#canned-empty')).toContain('常用回复管理');
    await a.page.fill('#canned-title', '请发扣款截图');
    await a.page.fill('#canned-text', '请把扣款记录截图发给我，写上扣款日期。');
    await a.page.click('#canned-form button[type=submit]');
    await a.page.locator('#status', { hasText: '常用回复已保存' }).waitFor();
    await a.page.fill('#canned-title', 'Screenshot of the fine');
    await a.page.selectOption('#canned-locale', 'en');
    await a.page.fill('#canned-text', 'Please send a screenshot of the deduction.');
    await a.page.click('#canned-form button[type=submit]');
    await a.page.locator('#canned-list li', { hasText: 'Screenshot of the fine' }).waitFor();
    await a.page.locator('#canned-list li', { hasText: '请发扣款截图' }).getByRole('button', { name: '编辑' }).click();
    expect(await a.page.inputValue('#canned-title')).toBe('请发扣款截图');
    await a.page.fill('#canned-text', '请把扣款记录截图发给我，写上扣款日期和站点。');
    await a.page.click('#canned-form button[type=submit]');
    await a.page.locator('#canned-list li', { hasText: '写上扣款日期和站点' }).waitFor();
    expect(await a.page.locator('#canned-list li').count()).toBe(2);
    await shot(a.page, 'canned-admin-1280.png');
    const stored = await cw.world.storage.cannedReplies.list();
    expect(stored.map((r) => [r.title, r.locale])).toEqual([['请发扣款截图', 'zh-CN'], ['Screenshot of the fine', 'en']]);

    // the mediator's next case view offers them, the worker's language (Chinese) first
    await m.page.locator('#queue li').first().click();
    await m.page.click('#claim');
    await m.page.locator('#status', { hasText: '已接手' }).waitFor();
    await expect.poll(() => m.page.locator('#canned-pick optgroup').count()).toBe(2);
    expect(await m.page.locator('#canned-pick optgroup').first().getAttribute('label')).toBe('中文');
    const before = await cw.inbox('rider-canned');

    // picking fills the box and sends nothing; the mediator edits, then sends
    await m.page.fill('#reply-text', '您好。');
    await m.page.selectOption('#canned-pick', { label: '请发扣款截图' });
    expect(await m.page.inputValue('#reply-text')).toBe('您好。\n请把扣款记录截图发给我，写上扣款日期和站点。');
    expect(await m.page.inputValue('#canned-pick')).toBe('');
    await m.page.locator('#status', { hasText: '已放入回复框' }).waitFor();
    expect(await cw.inbox('rider-canned')).toEqual(before);
    await m.page.fill('#reply-text', (await m.page.inputValue('#reply-text')) + '今天之内发就行。');
    await shot(m.page, 'canned-pick-1280.png');
    await m.page.click('#reply button[type=submit]');
    await m.page.locator('#status', { hasText: '已发送' }).waitFor();
    const after = await cw.inbox('rider-canned');
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ text: '您好。\n请把扣款记录截图发给我，写上扣款日期和站点。今天之内发就行。', meta: { intent: 'mediator_message' } });

    // deleting takes two clicks
    const remove = a.page.locator('#canned-list li', { hasText: 'Screenshot of the fine' }).getByRole('button', { name: '删除' });
    await remove.click();
    expect(await cw.world.storage.cannedReplies.list()).toHaveLength(2);
    await a.page.locator('#canned-list li', { hasText: 'Screenshot of the fine' }).getByRole('button', { name: '再点一次删除' }).click();
    await a.page.locator('#status', { hasText: '常用回复已删除' }).waitFor();
    expect((await cw.world.storage.cannedReplies.list()).map((r) => r.title)).toEqual(['请发扣款截图']);

    // on a phone the picker and the admin panel fit
    const phone = await newPage(cw.browser, { viewport: PHONE });
    await login(phone.page, admin.token);
    await phone.page.locator('.tab[data-status=active]').click();
    await openCase(phone.page, caseId);
    await phone.page.locator('#canned-pick optgroup').first().waitFor({ state: 'attached' });
    await noSideScroll(phone.page);
    await shot(phone.page, 'canned-390.png', '#reply');
    await shot(phone.page, 'canned-admin-390.png', '#canned-form');
    expect([...m.errors, ...a.errors, ...phone.errors]).toEqual([]);
  }, 90_000);
});

describe('the console in English', () => {
  it('switches the whole chrome to English and back, remembers it across a reload, and shows codes in English words', async () => {
    const caseId = await caseOf('rider-en', '转人工，工资被拖欠两个月');
    const med = await addStaff(cw.world, { name: '陈调解员', publicName: '陈老师' });
    const { page, errors } = await newPage(cw.browser, { viewport: DESKTOP });
    await page.goto(`${cw.base}/console`);
    expect(await page.textContent('#lang')).toBe('English');
    await page.click('#lang');
    // before login: the login form and the header are English, and nothing of the desk shows
    expect(await page.textContent('#login label')).toBe('Access token');
    expect(await page.textContent('#login button')).toBe('Log in');
    expect(await page.textContent('#lang')).toBe('中文');
    expect(await page.title()).toBe('Gongyou · Mediator console');
    expect(await page.isHidden('#collective-link')).toBe(true);
    await page.fill('#token', 'wrong-token');
    await page.click('#login button[type=submit]');
    await expect.poll(() => page.textContent('#status')).toContain('The token is wrong');

    await page.fill('#token', med.token);
    await page.click('#login button[type=submit]');
    await page.locator('#queue li').first().waitFor();
    await page.reload();
    await page.locator('#queue li').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await openCase(page, caseId);
    expect(await page.textContent('.tabs')).toContain('Waiting');
    expect(await page.textContent('#case-title')).toContain(`Case ${caseId}`);
    expect(await page.textContent(`#queue li[data-case-id="${caseId}"]`)).toContain('Feedback in 3 days');
    expect(await page.textContent('#who')).toBe('陈老师 (Mediator)');
    expect(await page.textContent('#queue-total')).toMatch(/^(1 case|\d+ cases)$/);
    expect(await page.getAttribute('#reply-text', 'placeholder')).toBe('Take the case over before replying');
    expect(await page.textContent('#history')).toContain('Reason: The worker asked for a person');

    // every fixed word and every code shown in words is English: no Chinese character left in the chrome
    const chrome = await page.evaluate(() => {
      const texts: string[] = [];
      // the switch itself offers Chinese, in Chinese
      for (const node of document.querySelectorAll<HTMLElement>('[data-t]:not(#lang), [data-w]')) texts.push(node.textContent ?? '');
      for (const node of document.querySelectorAll<HTMLInputElement>('[data-t-placeholder]')) texts.push(node.placeholder);
      for (const node of document.querySelectorAll('[data-t-label]')) texts.push(node.getAttribute('aria-label') ?? '');
      for (const sel of ['#queue li .badge', '#queue li .muted', '#queue li .meta', '#f-category option', '#case-title', '#case-contact', '#satisfaction', '#canned-empty']) {
        for (const node of document.querySelectorAll(sel)) texts.push(node.textContent ?? '');
      }
      return texts.filter((t) => t.trim());
    });
    expect(chrome.length).toBeGreaterThan(60);
    expect(chrome.filter((t) => /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/.test(t))).toEqual([]);
    expect(CJK.test(await page.textContent('#case-meta') ?? '')).toBe(false);
    await shot(page, 'english-1280.png');

    const phone = await newPage(cw.browser, { viewport: PHONE });
    await phone.page.goto(`${cw.base}/console`);
    await phone.page.click('#lang');
    await noSideScroll(phone.page);
    await shot(phone.page, 'login-en-390.png');
    await login(phone.page, med.token);
    await openCase(phone.page, caseId);
    await noSideScroll(phone.page);
    await shot(phone.page, 'english-390.png', '#case-title');

    // and back to Chinese
    await page.click('#lang');
    await page.locator('.tabs', { hasText: '待接手' }).waitFor();
    await page.locator('#case-title', { hasText: `案件 ${caseId}` }).waitFor();
    expect(await page.textContent('#lang')).toBe('English');
    expect(await page.evaluate(() => localStorage.getItem('gongyou.console.lang'))).toBe('zh-CN');
    expect([...errors, ...phone.errors]).toEqual([]);
  }, 90_000);
});

describe('reassigning from the console', () => {
  it('offers the colleagues whose scope includes the case by name, and gives the case to the one chosen', async () => {
    const caseId = await caseOf('rider-move', '转人工，老板不给结工资');
    const record = (await cw.world.storage.cases.getCase(caseId))!;
    const sup = await addStaff(cw.world, { name: '周负责人', role: 'supervisor' });
    const first = await addStaff(cw.world, { name: '钱调解员', publicName: '调解员 8号' });
    const next = await addStaff(cw.world, { name: '孙调解员', publicName: '孙老师' });
    const elsewhere = await addStaff(cw.world, { name: '吴调解员', publicName: '吴老师', skills: [record.category === 'injury' ? 'wages' : 'injury'] });
    await fetch(`${cw.base}/api/mediator/cases/${caseId}/claim`, { method: 'POST', headers: first.auth });

    // a mediator has no reassign control
    const m = await newPage(cw.browser, { viewport: DESKTOP });
    await m.page.goto(`${cw.base}/console`);
    await m.page.fill('#token', first.token);
    await m.page.click('#login button[type=submit]');
    await m.page.locator('.tab[data-status=active]').click();
    await openCase(m.page, caseId);
    expect(await m.page.isHidden('#reassign-box')).toBe(true);

    const { page, errors } = await newPage(cw.browser, { viewport: DESKTOP });
    await login(page, sup.token);
    await page.locator('.tab[data-status=active]').click();
    await openCase(page, caseId);
    const select = page.locator('#reassign-to');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(2);
    const options = await select.locator('option').allTextContents();
    expect(options).toContain('孙老师（孙调解员） · 调解员');
    expect(options).toContain('调解员 8号（钱调解员） · 调解员（现在负责）');
    expect(options.join('\n')).not.toContain('吴老师');
    expect(options.join('\n')).not.toContain(next.user.id);
    expect(await page.locator('#reassign-box input').count()).toBe(0);
    expect(await select.locator('option[disabled]').textContent()).toContain('现在负责');
    await shot(page, 'reassign-1280.png');

    await page.click('#reassign');
    await page.locator('#status', { hasText: '请先选择改派给谁' }).waitFor();
    await select.selectOption({ label: '孙老师（孙调解员） · 调解员' });
    await page.click('#reassign');
    await page.locator('#status', { hasText: '已改派给 孙老师（孙调解员）' }).waitFor();
    expect((await cw.world.storage.cases.getCase(caseId))?.owner).toBe(next.user.id);
    expect((await cw.inbox('rider-move')).at(-1)?.text).toContain('孙老师');
    await page.locator('#case-meta', { hasText: '负责人 孙老师' }).waitFor();
    expect(elsewhere.user.id).not.toBe(next.user.id);

    const phone = await newPage(cw.browser, { viewport: PHONE });
    await login(phone.page, sup.token);
    await phone.page.locator('.tab[data-status=active]').click();
    await openCase(phone.page, caseId);
    await phone.page.locator('#reassign-to option', { hasText: '调解员 8号' }).waitFor({ state: 'attached' });
    await noSideScroll(phone.page);
    await shot(phone.page, 'reassign-390.png', '#reassign-box');
    expect([...errors, ...m.errors, ...phone.errors]).toEqual([]);
  }, 90_000);
});

describe('a case the worker reopens', () => {
  it('tells the mediator who closed it, by name of the case, while any other mediator sees a new case', async () => {
    const caseId = await caseOf('rider-back', '转人工，站长两个月没给我结工资');
    const closer = await addStaff(cw.world, { name: '郑调解员', publicName: '郑老师' });
    const other = await addStaff(cw.world, { name: '冯调解员', publicName: '冯老师' });
    await fetch(`${cw.base}/api/mediator/cases/${caseId}/claim`, { method: 'POST', headers: closer.auth });
    const closed = await fetch(`${cw.base}/api/mediator/cases/${caseId}/close`, {
      method: 'POST',
      headers: { ...closer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'resolved' }),
    });
    expect(closed.status).toBeLessThan(300);
    const mine = await newPage(cw.browser, { viewport: PHONE });
    const theirs = await newPage(cw.browser, { viewport: DESKTOP });
    // both consoles must be listening before the worker reopens it: wait for their event streams to open
    const streams = [mine.page, theirs.page].map((p) => p.waitForResponse((r) => r.url().endsWith('/api/mediator/events') && r.ok()));
    await login(mine.page, closer.token);
    await login(theirs.page, other.token);
    await Promise.all(streams);
    // the worker reopens it from the chat (the dialog's reopen goes through the same two calls)
    const record = (await cw.world.storage.cases.getCase(caseId))!;
    await cw.world.storage.cases.updateCase(caseId, { status: 'open', owner: undefined, outcome: undefined }, record.userKey, 'reopened_by_worker', cw.world.clock.now());
    await cw.world.handoff.request({ userKey: record.userKey, channel: 'web', conversationKey: record.conversationKey, locale: 'zh-CN', reason: 'reopened', caseId });
    await mine.page.locator('#status', { hasText: `你结案的 ${caseId} 被工人重新打开了` }).waitFor();
    await theirs.page.locator('#status', { hasText: `新案件 ${caseId}` }).waitFor();
    // and it is back in the waiting list, for anyone to take
    await mine.page.locator(`#queue li[data-case-id="${caseId}"]`).waitFor();
    await noSideScroll(mine.page);
    await shot(mine.page, 'reopened-390.png');
    expect([...mine.errors, ...theirs.errors]).toEqual([]);
  }, 90_000);
});
