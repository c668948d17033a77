/** Kinds of evidence workers mention, so a mediator sees at a glance what a case can prove. */
import type { BiText } from '../../core/i18n.js';
import type { Locale } from '../../core/types.js';

interface EvidenceKind {
  id: string;
  label: BiText;
  words: readonly string[];
}

const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  { id: 'pay_records', label: { 'zh-CN': '工资或转账记录', en: 'pay or transfer records' }, words: ['工资条', '转账', '流水', '收入', '账单', '银行', '收款'] },
  { id: 'chat', label: { 'zh-CN': '聊天记录', en: 'chat records' }, words: ['聊天', '微信', '截图', '短信', '群里'] },
  { id: 'contract', label: { 'zh-CN': '合同或协议', en: 'contract or agreement' }, words: ['合同', '协议'] },
  { id: 'work_records', label: { 'zh-CN': '接单、考勤记录', en: 'order or attendance records' }, words: ['考勤', '打卡', '排班', '接单记录', '订单', '后台'] },
  { id: 'medical', label: { 'zh-CN': '病历和医疗票据', en: 'medical records and bills' }, words: ['病历', '诊断', '发票', '医院', '片子', '收据'] },
  { id: 'police', label: { 'zh-CN': '报警或事故认定', en: 'police or accident report' }, words: ['交警', '事故认定', '报警', '责任认定', '认定书'] },
  { id: 'photos', label: { 'zh-CN': '照片或视频', en: 'photos or video' }, words: ['照片', '拍了', '视频', '录像', '图片'] },
  { id: 'recording', label: { 'zh-CN': '录音', en: 'audio recording' }, words: ['录音'] },
  { id: 'witness', label: { 'zh-CN': '证人', en: 'witnesses' }, words: ['证人', '同事', '作证', '工友'] },
  { id: 'notice', label: { 'zh-CN': '处罚通知', en: 'penalty notice' }, words: ['罚单', '通知', '处罚'] },
];

/** Evidence kind ids a text mentions. */
export function evidenceKindsIn(text: string): string[] {
  return EVIDENCE_KINDS.filter((kind) => kind.words.some((w) => text.includes(w))).map((kind) => kind.id);
}

/** A kind id as a worker reads it. */
export function evidenceKindLabel(id: string, locale: Locale): string {
  const kind = EVIDENCE_KINDS.find((k) => k.id === id);
  return kind ? kind.label[locale] : id;
}
