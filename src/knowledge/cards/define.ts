/** A compact way to write guide cards, and the places to go that many cards share. */
import type { Citation } from '../../core/types.js';
import type { GuideCard } from '../../retrieval/types.js';

/** A bilingual line: Chinese first, then English. */
export type Line = readonly [zh: string, en: string];

/** The parts of a card as we write them. */
export interface CardDraft {
  id: string;
  category: string;
  title: Line;
  explanation: Line;
  next: Line[];
  evidence: Line[];
  where: Line[];
  /** Articles as `law:1,2; other law:3`, checked against the corpus by test/kb/cards.test.ts. */
  relies: string;
  /** Colloquial words, space separated. */
  keywords: string;
  /** Words, space separated, that mean another card fits instead (see GuideCard.unless). */
  unless?: string;
}

/** Parse `劳动合同法:10,82; 劳动合同法实施条例:6` into citations. */
export function parseRelies(relies: string): Citation[] {
  return relies
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const [law, numbers] = part.split(':');
      if (!law || !numbers) throw new Error(`bad citation list: ${part}`);
      return numbers.split(',').map((n) => ({ law: law.trim(), article: Number(n.trim()) }));
    });
}

/** Turn a draft into a GuideCard. */
export function defineCard(draft: CardDraft): GuideCard {
  const split = (lines: Line[]): { 'zh-CN': string[]; en: string[] } => ({ 'zh-CN': lines.map((l) => l[0]), en: lines.map((l) => l[1]) });
  return {
    id: draft.id,
    category: draft.category,
    title: { 'zh-CN': draft.title[0], en: draft.title[1] },
    explanation: { 'zh-CN': draft.explanation[0], en: draft.explanation[1] },
    nextSteps: split(draft.next),
    evidence: split(draft.evidence),
    whereToGo: split(draft.where),
    relies: parseRelies(draft.relies),
    keywords: draft.keywords.split(/\s+/).filter(Boolean),
    ...(draft.unless ? { unless: draft.unless.split(/\s+/).filter(Boolean) } : {}),
  };
}

/** Places to go, shared by many cards. */
export const WHERE = {
  union: ['工会服务热线 12351，或就近的工会驿站、区县总工会', 'Union service hotline 12351, or the nearest union station or district union'] as Line,
  hrss: ['人社服务热线 12333（问政策、查社保）', 'HR and social security hotline 12333 (policy and social insurance questions)'] as Line,
  inspection: ['当地劳动保障监察大队：投诉欠薪、不签合同、扣证件等', 'Local labour inspection: complain about unpaid wages, no contract, withheld documents'] as Line,
  arbitration: ['劳动人事争议仲裁委员会：申请仲裁不收费', 'Labour dispute arbitration committee: applying costs nothing'] as Line,
  socialInsurance: ['当地社保经办机构或社会保险行政部门（人社局）', 'Local social insurance agency or the HR and social security bureau'] as Line,
  legalAid: ['法律援助中心 12348：请不起律师可以申请', 'Legal aid hotline 12348, if you cannot pay a lawyer'] as Line,
  health: ['职业病诊断机构、当地卫生健康部门', 'Occupational disease clinics and the local health authority'] as Line,
};

/** Evidence lines that fit most disputes. */
export const EVIDENCE = {
  pay: ['工资流水、转账记录、App 收入截图', 'Bank records, transfers, screenshots of in-app income'] as Line,
  chats: ['和站长、老板、客服的聊天记录和通话录音', 'Chats and call recordings with the station manager, boss or support'] as Line,
  work: ['工牌、工服、排班表、考勤打卡记录、接单记录', 'Badge, uniform, rosters, clock-in and order records'] as Line,
  contract: ['劳动合同、协议、入职登记表（有就拍照留底）', 'Contract, agreements, sign-up forms (photograph them)'] as Line,
  witnesses: ['同事或一起跑单的工友的联系方式，愿意作证的更好', 'Contacts of co-workers who can confirm what happened'] as Line,
};
