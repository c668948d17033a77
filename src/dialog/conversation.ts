/** Small talk in a line, and one clarifying question for a vague opening (with topic buttons). */
import { tr, type BiText } from '../core/i18n.js';
import type { Category, Choice, Locale, ReplyDraft } from '../core/types.js';
import type { DialogTurn } from './services.js';
import type { SmallTalk, VagueTopic } from './understand.js';

const SMALL_TALK: Record<SmallTalk, BiText> = {
  greeting: { 'zh-CN': '你好，我是工会的“工友”助手。遇到工资、工伤、社保、罚款这些事，直接说就行。', en: 'Hello, I am Gongyou, the union helper. Tell me about pay, injuries, insurance or fines.' },
  thanks: { 'zh-CN': '不客气！还有问题随时问我。', en: 'You are welcome! Ask me any time.' },
  bot_identity: {
    'zh-CN': '我是工会的自动助手“工友”，不是真人。我能解答劳动问题、帮你登记诉求；需要真人可以说“转人工”。',
    en: 'I am Gongyou, the union’s automatic helper, not a person. I answer work questions and register problems; say "转人工" for a person.',
  },
  capabilities: {
    'zh-CN': '我能：1. 解答工资、工伤、社保、合同、罚款等问题；2. 帮你登记诉求，给案件编号；3. 帮你联系工会调解员。',
    en: 'I can: 1. answer questions on pay, injuries, insurance, contracts and fines; 2. register your problem with a case number; 3. put you in touch with a union mediator.',
  },
  human: { 'zh-CN': '有的，工会调解员是真人。要我现在帮你找调解员吗？', en: 'Yes, the union mediators are people. Shall I get you one now?' },
  bye: { 'zh-CN': '好的，有事随时找我。', en: 'OK, I am here whenever you need me.' },
};
const PERSON_CHOICE: BiText = { 'zh-CN': '找调解员', en: 'Talk to a mediator' };
const NOT_NOW: BiText = { 'zh-CN': '先不用', en: 'Not now' };

/** A reply of a line or two to small talk; "有真人吗" offers a person with a button. */
export function smallTalkReply(kind: SmallTalk, locale: Locale): ReplyDraft {
  const text = tr(locale, SMALL_TALK[kind]);
  if (kind !== 'human') return { text, meta: { intent: 'smalltalk' } };
  const choices: Choice[] = [
    { id: 'handoff', label: tr(locale, PERSON_CHOICE) },
    { id: 'not_now', label: tr(locale, NOT_NOW) },
  ];
  return { text, choices, meta: { intent: 'smalltalk' } };
}

interface VagueOption {
  id: string;
  label: BiText;
  /** The question this button stands for, answered when pressed. */
  question: string;
  category: Category;
}

const VAGUE: Record<VagueTopic, { ask: BiText; options: VagueOption[] }> = {
  leaving: {
    ask: { 'zh-CN': '是哪种情况？', en: 'Which is it?' },
    options: [
      { id: 'vague:dismissed', label: { 'zh-CN': '被辞退了', en: 'I was dismissed' }, question: '公司辞退我，能拿多少补偿', category: 'termination' },
      { id: 'vague:contract_end', label: { 'zh-CN': '合同到期不续了', en: 'Contract not renewed' }, question: '合同到期公司不续签，有没有补偿', category: 'termination' },
      { id: 'vague:quit', label: { 'zh-CN': '我自己想走', en: 'I want to quit' }, question: '我想辞职，要提前多久说，工资怎么结', category: 'termination' },
      { id: 'vague:no_work', label: { 'zh-CN': '不给活干了', en: 'No more work given' }, question: '公司不给我派活也不说辞退，怎么办', category: 'termination' },
    ],
  },
  general: {
    ask: { 'zh-CN': '遇到什么事了？选一个最接近的，或者直接说说经过。', en: 'What happened? Pick the closest, or tell me in your words.' },
    options: [
      { id: 'vague:wages', label: { 'zh-CN': '工资没拿到', en: 'Not paid' }, question: '工资被拖欠不给怎么办', category: 'wages' },
      { id: 'vague:injury', label: { 'zh-CN': '干活受伤了', en: 'Hurt at work' }, question: '干活的时候受伤了，算工伤吗', category: 'injury' },
      { id: 'vague:fines', label: { 'zh-CN': '被罚款扣钱封号', en: 'Fined or banned' }, question: '平台罚款扣钱封号，怎么申诉', category: 'deductions' },
      { id: 'vague:dismissed', label: { 'zh-CN': '被辞退了', en: 'Dismissed' }, question: '公司辞退我，能拿多少补偿', category: 'termination' },
    ],
  },
};
const ALL_OPTIONS = new Map<string, VagueOption>(Object.values(VAGUE).flatMap((v) => v.options.map((o) => [o.id, o] as const)));

/** One question back with topic buttons, instead of a guess. */
export function clarifyVague(ctx: DialogTurn, topic: VagueTopic): void {
  const vague = VAGUE[topic];
  const choices = vague.options.map((o) => ({ id: o.id, label: tr(ctx.locale, o.label) }));
  ctx.reply({ text: tr(ctx.locale, vague.ask), choices, meta: { intent: 'clarify' } });
  ctx.state.lastChoices = choices;
}

/** The question a topic button of a clarifying question stands for. */
export function vagueChoiceQuestion(choiceId: string | undefined, _locale: Locale): { question: string; category: Category } | undefined {
  const option = choiceId ? ALL_OPTIONS.get(choiceId) : undefined;
  return option ? { question: option.question, category: option.category } : undefined;
}
