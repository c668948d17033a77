/**
 * Rule-and-keyword grievance classifier for colloquial Chinese, the embedded default
 * until an LLM is configured. Keywords are matched longest first and a matched span is
 * not counted again, so "扣工资" counts as a deduction and not also as wages.
 */
import type { Category } from '../core/types.js';
import { normalizeAnswer } from '../text/normalize.js';

/** What the classifier decided and why. */
export interface GrievanceClassification {
  category: Category;
  /** 0..1; below CONFIDENT_CLASSIFICATION intake asks the worker to pick a category. */
  confidence: number;
  /** Keywords that decided it, for logs and tests. */
  matched: string[];
}

/** Confidence from which intake proposes the category instead of listing all of them. */
export const CONFIDENT_CLASSIFICATION = 0.4;

type Weighted = ReadonlyArray<readonly [string, number]>;

const KEYWORDS: Record<Exclude<Category, 'other'>, Weighted> = {
  injury: [
    ['工伤', 4], ['受伤', 4], ['撞', 3], ['摔', 3], ['骨折', 4], ['车祸', 4], ['事故', 3], ['住院', 3], ['医院', 2],
    ['流血', 3], ['缝针', 3], ['伤', 2], ['被狗咬', 4], ['咬伤', 4], ['烫伤', 4], ['中暑', 3], ['追尾', 3], ['刮蹭', 2],
    ['手术', 3], ['医药费', 3], ['医疗费', 3], ['摔倒', 4], ['职业伤害', 3], ['骨头', 2], ['扭伤', 4],
    // English, for workers who switched the bot to English
    ['injured', 4], ['injury', 4], ['accident', 4], ['hit by', 3], ['crashed', 3], ['hospital', 2], ['broke my', 3],
  ],
  wages: [
    ['工资', 3], ['工钱', 3], ['薪水', 3], ['薪资', 3], ['欠薪', 4], ['拖欠', 3], ['结工资', 4], ['结钱', 3], ['结账', 2],
    ['没结', 2], ['不结', 2], ['不给钱', 3], ['没给钱', 3], ['没发钱', 3], ['不发钱', 3], ['欠钱', 2], ['欠我', 2],
    ['压工资', 4], ['押工资', 4], ['跑路', 2], ['老板跑了', 3], ['失联', 2], ['提成', 2], ['加班费', 3], ['血汗钱', 3],
    ['讨薪', 4], ['要工资', 4], ['结算', 2], ['佣金', 1],
    ['not paid', 4], ['unpaid', 4], ['paid me', 3], ['pay me', 3], ['wages', 3], ['salary', 3], ['owes me', 3],
  ],
  deductions: [
    ['罚', 3], ['罚款', 4], ['罚了', 4], ['扣钱', 4], ['扣款', 4], ['扣了', 3], ['扣工资', 4], ['扣我', 3], ['封号', 5],
    ['封了', 3], ['账号被封', 5], ['号被封', 5], ['停号', 4], ['冻结', 3], ['拉黑', 2], ['押金', 3], ['保证金', 3],
    ['补贴', 2], ['奖励', 2], ['奖金', 2], ['冲单奖', 3], ['扣分', 2], ['违规', 2],
    ['fined', 4], ['a fine', 4], ['deducted', 4], ['account banned', 5], ['banned', 4], ['suspended', 4], ['deposit', 3],
  ],
  termination: [
    ['开除', 4], ['辞退', 4], ['被辞', 4], ['解雇', 4], ['炒鱿鱼', 4], ['不让干了', 3], ['不让我干', 3], ['不要我了', 3],
    ['劝退', 4], ['劳动合同', 4], ['合同', 3], ['没签合同', 5], ['外包', 3], ['劳务派遣', 4], ['派遣', 3], ['合作关系', 4],
    ['个体工商户', 4], ['用工关系', 4], ['劳动关系', 4], ['离职证明', 3], ['经济补偿', 4], ['赔偿金', 3], ['裁员', 4],
    ['谁是老板', 4],
    ['fired', 4], ['dismissed', 4], ['sacked', 4], ['laid off', 4], ['no contract', 5], ['contract', 3],
  ],
  social_insurance: [
    ['社保', 5], ['五险', 5], ['养老保险', 4], ['医保', 4], ['医疗保险', 3], ['公积金', 4], ['断缴', 4], ['失业保险', 4],
    ['保险没交', 4], ['不给交保险', 4], ['没交保险', 4], ['不交保险', 4], ['生育保险', 4],
    ['social insurance', 5], ['pension', 3],
  ],
  conditions: [
    ['停车', 4], ['车被拖', 4], ['拖走', 4], ['拖车', 3], ['被锁', 3], ['锁车', 4], ['车被锁', 4], ['充电', 4], ['换电', 3], ['进小区', 4],
    ['小区不让', 4], ['不让进', 4], ['门卫', 3], ['保安', 2], ['物业', 2], ['休息', 3], ['歇脚', 4], ['没地方', 2],
    ['驿站', 3], ['厕所', 4], ['卫生间', 4], ['喝水', 3], ['高温', 3], ['太热', 3], ['太冷', 3], ['下雨', 2], ['电梯', 3],
    ['不让骑', 3],
    ['parking', 4], ['towed', 4], ['charging', 4], ['toilet', 4], ['rest area', 4], ['not allowed into', 4],
  ],
  platform_rules: [
    ['派单不公', 5], ['派单', 4], ['算法', 4], ['抢单', 3], ['接单', 2], ['单价', 3], ['配送费', 3], ['运费', 2],
    ['定价', 3], ['抽成', 4], ['时限', 3], ['超时', 3], ['送达时间', 3], ['配送时间', 3], ['导航', 2], ['系统', 2],
    ['规则', 3], ['申诉', 2], ['评分', 3], ['降级', 3], ['等级', 2], ['不公平', 3], ['压价', 3], ['困在系统', 4],
    ['algorithm', 4], ['dispatch', 4], ['rating', 3], ['delivery time', 3],
  ],
  suggestion: [
    ['建议', 5], ['希望', 3], ['能不能建', 5], ['能不能设', 4], ['可不可以建', 5], ['最好能', 3], ['提个意见', 4],
    ['意见', 2], ['建个', 4], ['建一个', 4], ['设个', 3], ['多建', 4], ['多设', 4], ['应该建', 4], ['增设', 4],
    ['搞个', 3], ['提议', 4],
    ['suggest', 5], ['it would be good', 4],
  ],
};

/** Tie-break order: the more urgent matter first. */
const PRIORITY: ReadonlyArray<Exclude<Category, 'other'>> = [
  'injury', 'wages', 'deductions', 'termination', 'social_insurance', 'conditions', 'platform_rules', 'suggestion',
];

interface KeywordEntry {
  keyword: string;
  weight: number;
  category: Exclude<Category, 'other'>;
}

const ENTRIES: KeywordEntry[] = PRIORITY.flatMap((category) =>
  KEYWORDS[category].map(([keyword, weight]) => ({ keyword, weight, category })),
).sort((a, b) => b.keyword.length - a.keyword.length);

const COMPLAINT_WORDS = /投诉|举报|维权|欺负|坑人|被骗|骗了|诉求|不公|黑心|压榨|不合理|太过分|没人管/;
const INFO_QUESTION = /(吗|么|嘛)\s*[?？。!！.]*$|算不算|是不是|是否|能不能|可不可以|可以.{0,12}吗|多久|多长时间|多少钱?|什么|如何|哪些|哪里|怎样|怎么算|怎么申请|怎么认定|为什么|[?？]\s*$/;
const ASKS_FOR_HELP = /怎么办|咋办|帮帮我|帮我|求助|救救|有人管吗|谁管|找谁/;
const NARRATIVE = /我|俺|咱|被|给我|不给|没给|站长|老板|了/;

/** Scores per category for a text; spans already counted by a longer keyword are not counted again. */
function score(text: string): { scores: Map<Category, number>; matched: Map<Category, string[]> } {
  const covered = new Uint8Array(text.length);
  const scores = new Map<Category, number>();
  const matched = new Map<Category, string[]>();
  for (const entry of ENTRIES) {
    let from = 0;
    for (let at = text.indexOf(entry.keyword, from); at !== -1; at = text.indexOf(entry.keyword, from)) {
      from = at + entry.keyword.length;
      let free = true;
      for (let i = at; i < from; i++) if (covered[i]) free = false;
      if (!free) continue;
      covered.fill(1, at, from);
      scores.set(entry.category, (scores.get(entry.category) ?? 0) + entry.weight);
      const list = matched.get(entry.category) ?? [];
      if (!list.includes(entry.keyword)) list.push(entry.keyword);
      matched.set(entry.category, list);
    }
  }
  return { scores, matched };
}

/** The grievance category a free description most likely belongs to. */
export function classifyGrievance(text: string): GrievanceClassification {
  const t = normalizeAnswer(text).toLowerCase();
  const { scores, matched } = score(t);
  let best: Exclude<Category, 'other'> | undefined;
  let top = 0;
  let second = 0;
  for (const category of PRIORITY) {
    const s = scores.get(category) ?? 0;
    if (s > top) {
      second = top;
      top = s;
      best = category;
    } else if (s > second) {
      second = s;
    }
  }
  if (!best) return { category: 'other', confidence: 0, matched: [] };
  const confidence = (top / (top + second)) * Math.min(1, top / 4);
  return { category: best, confidence: Math.round(confidence * 100) / 100, matched: matched.get(best) ?? [] };
}

/**
 * Whether a text reads like a worker reporting their own problem (start intake) rather
 * than a general legal question ("没签合同能要双倍工资吗") or small talk ("你好").
 */
export function looksLikeGrievance(text: string): boolean {
  const t = normalizeAnswer(text).toLowerCase();
  if (t.length < 2) return false;
  const classification = classifyGrievance(t);
  const complaint = COMPLAINT_WORDS.test(t);
  if (classification.confidence === 0 && !complaint) return false;
  if (classification.category === 'suggestion') return true;
  const narrative = NARRATIVE.test(t);
  if (ASKS_FOR_HELP.test(t) && narrative) return true;
  if (INFO_QUESTION.test(t)) return false;
  return narrative || complaint || classification.confidence >= CONFIDENT_CLASSIFICATION;
}
