/**
 * A worker's right to see and delete their data (个人信息保护法): "我的数据"
 * lists what the union keeps about them; "删除我的数据" clears this chat's
 * saved state at once and records a deletion request on each of their cases
 * for staff to act on (case records are evidence in a dispute, so a person decides).
 */
import { tr, type BiText } from '../core/i18n.js';
import { emptyConversationState } from '../core/conversation-state.js';
import type { DialogContext } from './services.js';

const SUMMARY: BiText = {
  'zh-CN':
    '我们为您保存的信息：\n· 案件：{cases}\n· 留下的联系方式：{contact}\n· 证据文件：{evidence} 个\n· 绑定的渠道：{channels}\n· 这个对话的登记草稿和设置\n这些信息只用于处理您的诉求。想删除请发送“删除我的数据”。',
  en:
    'What we keep about you:\n· Cases: {cases}\n· Contact details you gave: {contact}\n· Evidence files: {evidence}\n· Linked channels: {channels}\n· This chat’s draft and settings\nThey are used only to handle your problems. To delete them, send "删除我的数据".',
};
const NONE: BiText = { 'zh-CN': '无', en: 'none' };
const DELETED: BiText = {
  'zh-CN':
    '已删除这个对话里保存的登记草稿和设置。{cases}',
  en: 'The draft and settings kept for this chat are deleted. {cases}',
};
const CASES_PENDING: BiText = {
  'zh-CN': '您的案件（{ids}）是处理纠纷的记录，已通知工作人员核实后删除其中的个人信息。',
  en: 'Your cases ({ids}) are dispute records; staff have been asked to check them and delete the personal details in them.',
};

/** Mask all but the last four digits of a phone number. */
function maskPhone(phone: string): string {
  return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}

/** "我的数据": what is kept about this worker. */
export async function showMyData(ctx: DialogContext): Promise<void> {
  const keys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  const cases = await ctx.services.cases.listCasesByUser(keys);
  const contacts = cases.flatMap((c) => (c.contact?.phone ? [maskPhone(c.contact.phone)] : []));
  let evidence = 0;
  for (const c of cases) evidence += (await ctx.services.cases.listEvidence(c.id)).length;
  const none = tr(ctx.locale, NONE);
  ctx.reply({
    text: tr(ctx.locale, SUMMARY, {
      cases: cases.length ? cases.map((c) => c.id).join('、') : none,
      contact: contacts.length ? [...new Set(contacts)].join('、') : none,
      evidence,
      channels: keys.map((k) => k.split(':')[0]).join('、'),
    }),
    meta: { intent: 'privacy_view' },
  });
}

/** "删除我的数据": clear this chat's state now; ask staff to delete personal details on the cases. */
export async function deleteMyData(ctx: DialogContext): Promise<void> {
  const keys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  const cases = await ctx.services.cases.listCasesByUser(keys);
  for (const c of cases) {
    await ctx.services.cases.updateCase(c.id, {}, `worker:${ctx.message.userKey}`, 'data_deletion_requested', ctx.clock.now());
  }
  ctx.state = { ...emptyConversationState(), mode: ctx.state.mode, locale: ctx.state.locale, localeFromText: ctx.state.localeFromText, activeCaseId: ctx.state.activeCaseId };
  ctx.reply({
    text: tr(ctx.locale, DELETED, { cases: cases.length ? tr(ctx.locale, CASES_PENDING, { ids: cases.map((c) => c.id).join('、') }) : '' }).trim(),
    meta: { intent: 'privacy_delete' },
  });
}
