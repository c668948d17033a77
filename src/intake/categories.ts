/** Category names as workers see them, and the words that pick a category from a typed answer. */
import { CATEGORIES, type Category } from '../core/types.js';
import type { BiText } from '../core/i18n.js';

/** Bilingual name of each grievance category. */
export const CATEGORY_LABELS: Record<Category, BiText> = {
  wages: { 'zh-CN': '工资拖欠', en: 'Unpaid wages' },
  injury: { 'zh-CN': '受伤或事故', en: 'Injury or accident' },
  deductions: { 'zh-CN': '罚款、扣钱、封号', en: 'Fines, deductions, account ban' },
  termination: { 'zh-CN': '辞退、合同、谁是老板', en: 'Dismissal, contract, who employs you' },
  social_insurance: { 'zh-CN': '社保没交', en: 'Social insurance not paid' },
  conditions: { 'zh-CN': '工作条件（停车、充电、进小区、休息）', en: 'Working conditions (parking, charging, compound access, rest)' },
  platform_rules: { 'zh-CN': '平台规则（派单、算法、时限）', en: 'Platform rules (dispatch, pricing, time limits)' },
  suggestion: { 'zh-CN': '给工会提建议', en: 'A suggestion for the union' },
  other: { 'zh-CN': '其他问题', en: 'Something else' },
};

/** Words that name a category when a worker types instead of pressing a button. */
const CATEGORY_WORDS: Record<Category, readonly string[]> = {
  wages: ['工资', '欠薪', '欠钱', 'wage', 'pay'],
  injury: ['受伤', '工伤', '事故', '伤', 'injur', 'accident'],
  deductions: ['罚款', '扣钱', '封号', '罚', '扣', 'fine', 'ban'],
  termination: ['辞退', '合同', '开除', '老板是谁', 'dismiss', 'contract'],
  social_insurance: ['社保', '保险', 'insurance'],
  conditions: ['停车', '充电', '小区', '休息', '条件', 'condition', 'parking'],
  platform_rules: ['规则', '派单', '算法', 'rule', 'algorithm'],
  suggestion: ['建议', 'suggest'],
  other: ['其他', '其它', 'other'],
};

/** The category a typed answer names ("工资", "社保"), or undefined. */
export function categoryFromWords(text: string): Category | undefined {
  const lower = text.toLowerCase();
  return CATEGORIES.find((category) => CATEGORY_WORDS[category].some((word) => lower.includes(word)));
}

/** Choice id of a category button. */
export function categoryChoiceId(category: Category): string {
  return `cat:${category}`;
}

/** The category a choice id stands for, or undefined. */
export function categoryOfChoice(choiceId: string): Category | undefined {
  const name = choiceId.startsWith('cat:') ? choiceId.slice(4) : '';
  return (CATEGORIES as readonly string[]).includes(name) ? (name as Category) : undefined;
}
