/** The mediator console in headless Chromium against a real HTTP server: login, queue, claim, reply, release, close. */
import { describe, expect, it } from 'vitest';
import { addStaff } from '../../handoff/harness.js';
import { newPage } from '../../adapters/web/browser.js';
import { consoleWorld } from './console-world.js';

const cw = consoleWorld({ storage: 'embedded' });

describe('mediator console', () => {
  it('runs a whole handoff from the browser with live updates', async () => {
    const { token } = await addStaff(cw.world, { name: '王调解员', publicName: '调解员 6号' });
    await cw.worker('rider-web', '转人工，工资被扣了一半');
    const [record] = await cw.world.storage.cases.listCases({ status: 'waiting' });

    const { page, errors } = await newPage(cw.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${cw.base}/console`);
    // nothing of the desk shows before login, not even the link to the collective issues
    expect(await page.isHidden('#collective-link')).toBe(true);
    await page.fill('#token', 'wrong-token');
    await page.click('#login button[type=submit]');
    await expect.poll(() => page.textContent('#status')).toContain('令牌');
    expect(await page.isHidden('#collective-link')).toBe(true);
    await page.fill('#token', token);
    await page.click('#login button[type=submit]');
    const row = page.locator(`#queue li[data-case-id="${record.id}"]`);
    await row.waitFor();
    expect(await page.isVisible('#collective-link')).toBe(true);
    expect(await row.textContent()).toContain("三日内反馈");

    await row.click();
    await page.locator('#case-title', { hasText: record.id }).waitFor();
    expect(await page.textContent('#transcript')).toContain('转人工，工资被扣了一半');
    await page.click('#claim');
    await page.locator('#status', { hasText: '已接手' }).waitFor();
    expect((await cw.inbox('rider-web')).at(-1)?.text).toContain('调解员 6号');

    // live: the worker writes, the open case view updates over the event stream
    await cw.worker('rider-web', '扣款说是超时罚款');
    await page.locator('#transcript', { hasText: '扣款说是超时罚款' }).waitFor();

    await page.fill('#reply-text', '请截图罚款记录发给我');
    await page.click('#reply button[type=submit]');
    await page.locator('#status', { hasText: '已发送' }).waitFor();
    expect((await cw.inbox('rider-web')).at(-1)).toMatchObject({ text: '请截图罚款记录发给我', meta: { intent: 'mediator_message' } });

    await page.click('#release');
    await page.locator('#status', { hasText: '已交还' }).waitFor();
    expect((await cw.inbox('rider-web')).at(-1)?.meta.intent).toBe('mediator_left');

    await page.selectOption('#outcome', 'referred_inspection');
    await page.click('#close');
    await page.locator('#status', { hasText: '已结案' }).waitFor();
    expect(await cw.world.storage.cases.getCase(record.id)).toMatchObject({ status: 'closed', outcome: 'referred_inspection' });
    expect((await cw.inbox('rider-web')).at(-1)?.meta.intent).toBe('case_closed');
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows admins the audit log of staff reads and actions, and hides it from mediators', async () => {
    const admin = await addStaff(cw.world, { name: '管理员', role: 'admin' });
    const mediator = await addStaff(cw.world, { name: '调解员乙', role: 'mediator' });
    // a mediator reads the queue: that read is audited
    await fetch(`${cw.base}/api/mediator/cases?status=waiting`, { headers: { authorization: `Bearer ${mediator.token}` } });

    const { page, errors } = await newPage(cw.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${cw.base}/console`);
    await page.fill('#token', admin.token);
    await page.click('#login button[type=submit]');
    await page.locator('#audit-panel').waitFor();
    await page.locator('#audit', { hasText: mediator.user.id }).waitFor();

    const other = await newPage(cw.browser, { viewport: { width: 1280, height: 900 } });
    await other.page.goto(`${cw.base}/console`);
    await other.page.fill('#token', mediator.token);
    await other.page.click('#login button[type=submit]');
    await other.page.locator('#who', { hasText: '调解员乙' }).waitFor();
    expect(await other.page.isHidden('#audit-panel')).toBe(true);
    expect([...errors, ...other.errors]).toEqual([]);
  }, 60_000);
});
