/**
 * The mediator console with a seeded 50-case queue in headless Chromium: crisis first,
 * search, a filter, an evidence thumbnail, a private note that never reaches the worker, and a
 * 390 px phone screen without horizontal scroll. Screenshots go to $GONGYOU_SCREENSHOTS when set.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDraft } from '../../../src/cases/model.js';
import { addStaff } from '../../handoff/harness.js';
import { newPage } from '../../adapters/web/browser.js';
import { consoleWorld } from './console-world.js';

const cw = consoleWorld();
let token: string;
let crisisId: string;
let photoCaseId: string;
const SHOTS = process.env.GONGYOU_SCREENSHOTS;

// a 2×2 red PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

async function seed(): Promise<void> {
  const now = cw.world.clock.now();
  const platforms = ['美团', '饿了么', '滴滴', '闪送', '货拉拉'];
  const categories: CaseDraft['category'][] = ['wages', 'deductions', 'termination', 'conditions', 'platform_rules'];
  for (let i = 0; i < 48; i++) {
    const draft: CaseDraft = {
      userKey: `web:seed-${i}`, channel: i % 3 === 0 ? 'telegram' : 'web', conversationKey: `web:seed-${i}`, category: categories[i % 5],
      facts: { platform: platforms[i % 5], city: i % 2 ? '北京市' : '深圳市', amountOwed: { amount: 1000 + i * 100, currency: 'CNY' } },
      summary: `第${i}号工人：${platforms[i % 5]}站点的问题，已经等了一阵`, anonymous: false,
      contact: { phone: `1380000${String(1000 + i)}`, name: `工人${i}` }, tier: 'three_days',
      dueAt: new Date(now.getTime() + (i + 1) * 3600_000).toISOString(), warnings: [], locale: 'zh-CN', evidence: [], status: 'waiting',
    };
    const record = await cw.world.storage.cases.createCase(draft, 'test', now);
    if (i === 7) {
      photoCaseId = record.id;
      const sha256 = await cw.world.storage.blobs.put(PNG);
      await cw.world.storage.cases.addEvidence(record.id, { sha256, name: '罚款截图.png', mimeType: 'image/png', size: PNG.length, receivedAt: now.toISOString() }, 'test', now);
    }
  }
  await cw.worker('chat-1', '你好');
  await cw.worker('chat-1', '跑单太累了 活着没意思 不想活了');
  crisisId = (await cw.world.storage.cases.listCases({ status: 'waiting' })).find((c) => c.origin === 'crisis')!.id;
  await cw.worker('talk-1', '转人工');
}

async function login(page: Page): Promise<void> {
  await page.goto(`${cw.base}/console`);
  await page.fill('#token', token);
  await page.click('#login button[type=submit]');
  await page.locator('#queue li').first().waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
}

beforeAll(async () => {
  token = (await addStaff(cw.world, { name: '李四', publicName: '李老师' })).token;
  await seed();
}, 60_000);

describe('mediator console with a full queue', () => {
  it('puts the crisis case first, searches, filters, shows an evidence thumbnail and keeps private notes from the worker', async () => {
    const { page, errors } = await newPage(cw.browser, { viewport: { width: 1280, height: 900 } });
    await login(page);
    const first = page.locator('#queue li').first();
    expect(await first.getAttribute('data-case-id')).toBe(crisisId);
    expect(await first.textContent()).toContain('危机');
    expect(await first.textContent()).toContain('不想活了');
    expect(await page.textContent('#queue-total')).toContain('共 50 件');
    expect(await page.isVisible('#login')).toBe(false);
    await shot(page, 'queue-1280.png');

    // search by phone ending
    await page.fill('#q', '1012');
    await page.click('#search button[type=submit]');
    await expect.poll(() => page.locator('#queue li').count()).toBe(1);
    expect(await page.textContent('#queue li')).toContain('第12号工人');
    await page.fill('#q', '');

    // a filter: crisis only
    await page.selectOption('#f-priority', 'crisis');
    await expect.poll(() => page.locator('#queue li').count()).toBe(1);
    await page.selectOption('#f-priority', '');
    await expect.poll(() => page.locator('#queue li').count()).toBe(50);

    // evidence thumbnail through the bearer-token fetch
    await page.locator(`#queue li[data-case-id="${photoCaseId}"]`).click();
    await page.locator('#case-title', { hasText: photoCaseId }).waitFor();
    const img = page.locator('#evidence img');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(2);
    expect(await page.textContent('#facts')).toContain('被欠金额');
    expect(await page.textContent('#case-contact')).toContain('13800001007');

    // reply before claiming: kept, with what to do
    await page.fill('#reply-text', '您好');
    await page.click('#reply button[type=submit]');
    await page.locator('#status', { hasText: '请先接手' }).waitFor();
    expect(await page.inputValue('#reply-text')).toBe('您好');

    // the crisis case: private note never reaches the worker
    await page.locator(`#queue li[data-case-id="${crisisId}"]`).click();
    await page.locator('#case-title', { hasText: crisisId }).waitFor();
    expect(await page.textContent('#summary')).toBe('跑单太累了 活着没意思 不想活了');
    expect(await page.inputValue('#reply-text')).toBe('');
    await page.fill('#private-note-text', '内部：已电话联系家属');
    await page.click('#private-note button[type=submit]');
    await page.locator('#private-notes', { hasText: '已电话联系家属' }).waitFor();
    await shot(page, 'case-1280.png');
    expect(JSON.stringify(await cw.inbox('chat-1'))).not.toContain('已电话联系家属');
    expect(errors).toEqual([]);
  }, 60_000);

  it('fits a 390 px phone without horizontal scroll', async () => {
    const { page, errors } = await newPage(cw.browser, { viewport: { width: 390, height: 844 } });
    await login(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'queue-390.png');
    await page.locator(`#queue li[data-case-id="${photoCaseId}"]`).click();
    await page.locator('#evidence img').waitFor();
    // The tapped case comes into view by itself (it sits below the queue on a phone).
    const caseTop = await page.evaluate(() => document.getElementById('case')!.getBoundingClientRect().top);
    expect(caseTop).toBeGreaterThanOrEqual(0);
    expect(caseTop).toBeLessThan(200);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'case-390.png');
    expect(errors).toEqual([]);
  }, 60_000);
});
