/**
 * A worker's right to see and delete their data (个人信息保护法): "我的数据"
 * lists what the union keeps about them; "删除我的数据" clears this chat's
 * saved state at once and records a deletion request on each of their cases
 * for staff to act on (case records are evidence in a dispute, so a person decides).
 */
import { tr, type BiText } from '../core/i18n.js';
import { emptyConversationState } from '../core/conversation-state.js';
import type { DataSubject, DialogContext } from './services.js';

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

/** The worker's identities and their private conversations (never a group's). */
async function subjectOf(ctx: DialogContext): Promise<DataSubject> {
  const userKeys = await ctx.services.identities.linkedUserKeys(ctx.message.userKey);
  const cases = await ctx.services.cases.listCasesByUser(userKeys);
  const conversations = new Set([...userKeys, ...cases.map((c) => c.conversationKey)]);
  if (!ctx.message.isGroup) conversations.add(ctx.message.conversationKey);
  return { userKeys, conversationKeys: [...conversations].filter((k) => !k.includes(':room:') && !k.includes(':group:')) };
}

const CONFIRM: BiText = {
  'zh-CN':
    '确定要删除吗？将删除：您留下的电话和姓名、案件摘要和细节、聊天记录、证据文件、登记草稿和设置。工会只保留一条不含个人信息的案件记录（编号、类别、状态和日期），用于统计。删除后无法恢复。\n确认请回复“确认删除”，回复其他任何内容取消。',
  en:
    'Are you sure? This deletes your phone and name, case summaries and details, chat history, evidence files, drafts and settings. The union keeps only an anonymised case record (number, category, status and dates) for statistics. This cannot be undone.\nReply "确认删除" to confirm; anything else cancels.',
};
/** Said when the worker answers the confirmation with something else. */
export const ERASE_CANCELLED: BiText = { 'zh-CN': '好的，没有删除任何数据。', en: 'OK, nothing was deleted.' };
const ERASED: BiText = {
  'zh-CN':
    '已删除您的个人数据：{messages} 条聊天记录、{evidence} 个证据文件、联系方式、案件摘要和细节、登记草稿和设置。\n保留的只有：{kept}（编号、类别、状态和日期，不含任何个人信息）。',
  en:
    'Your personal data is deleted: {messages} messages, {evidence} evidence files, contact details, case summaries and details, drafts and settings.\nAll that is kept: {kept} (number, category, status and dates, nothing personal).',
};
const KEPT_NONE: BiText = { 'zh-CN': '无', en: 'nothing' };
const EXPORTED: BiText = {
  'zh-CN': '这是我们为您保存的全部数据（JSON 格式，可复制保存为文件）：',
  en: 'Here is all the data we keep about you (JSON; copy it into a file to keep it):',
};

/** "删除我的数据": ask to confirm first; without the erasure service, clear this chat and ask staff. */
export async function deleteMyData(ctx: DialogContext): Promise<void> {
  if (ctx.services.personalData) {
    ctx.state.confirmErase = ctx.clock.now().toISOString();
    return void ctx.reply({ text: tr(ctx.locale, CONFIRM), meta: { intent: 'privacy_delete_confirm' } });
  }
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

/** "确认删除" after "删除我的数据": erase everywhere, and say exactly what was kept. */
export async function eraseMyData(ctx: DialogContext): Promise<void> {
  const service = ctx.services.personalData!;
  const report = await service.erase(await subjectOf(ctx), `worker:${ctx.message.userKey}`);
  // This chat starts afresh; only the language choice stays (it is not personal data).
  ctx.state = { ...emptyConversationState(), locale: ctx.state.locale, localeFromText: ctx.state.localeFromText };
  ctx.reply({
    text: tr(ctx.locale, ERASED, {
      messages: report.messagesDeleted,
      evidence: report.evidenceDeleted,
      kept: report.casesAnonymised.length ? report.casesAnonymised.join('、') : tr(ctx.locale, KEPT_NONE),
    }),
    meta: { intent: 'privacy_delete' },
  });
}

/** "导出我的数据": the worker's data as a JSON document in the reply. */
export async function exportMyData(ctx: DialogContext): Promise<void> {
  const service = ctx.services.personalData;
  if (!service) return showMyData(ctx);
  const data = await service.export(await subjectOf(ctx));
  ctx.reply({ text: `${tr(ctx.locale, EXPORTED)}\n${JSON.stringify(data, null, 1)}`, meta: { intent: 'privacy_export' } });
}
