/**
 * The one understanding step of a turn: it reads the worker's message (and what the conversation is
 * waiting for) once and decides what it is. The middleware routes on the result; nothing downstream
 * reads the text again to decide the same thing.
 */
import type { Category } from '../core/types.js';
import type { ConversationState } from '../core/conversation-state.js';
import { detectCrisis, isPastHarm, outsideDomain, classifyScope, type CrisisKind, type OutsideDomain } from '../safety/index.js';
import { awaitsFreeText, classifyGrievance, loadIntakeState, looksLikeGrievance } from '../intake/index.js';
import * as P from './patterns.js';

/** What a message is. */
export type UnderstandingKind =
  | 'crisis'
  | 'command'
  | 'progress'
  | 'smalltalk'
  | 'question'
  | 'grievance'
  | 'answer'
  | 'out_of_scope'
  | 'vague';

/** A command the worker typed. */
export type DialogCommand =
  | { name: 'start' }
  | { name: 'help' }
  | { name: 'lang'; lang: 'zh-CN' | 'en' | 'ask' }
  | { name: 'link'; code?: string }
  | { name: 'unlink' }
  | { name: 'delete_data' }
  | { name: 'confirm_erase' }
  | { name: 'export_data' }
  | { name: 'my_data' }
  | { name: 'handoff' }
  | { name: 'cancel' };

/** Small talk the bot answers in a line. */
export type SmallTalk = 'greeting' | 'thanks' | 'bot_identity' | 'capabilities' | 'human' | 'bye';

/** A vague opening: which clarifying question to ask. */
export type VagueTopic = 'leaving' | 'general';

/** A short reaction to what the bot just said. */
export type Reaction = 'yes' | 'rejection' | 'just_asking';

/** The result of the understanding step. */
export interface Understanding {
  kind: UnderstandingKind;
  /** The grievance category the message is about, from the one lexicon. */
  category?: Category;
  /** 0..1: how sure the step is of `kind` (and of the category when there is one). */
  confidence: number;
  crisis?: CrisisKind;
  command?: DialogCommand;
  /** A case number named in a progress request. */
  caseId?: string;
  smalltalk?: SmallTalk;
  outside?: OutsideDomain | 'off_topic';
  vague?: VagueTopic;
  reaction?: Reaction;
  /** The message tells of a harm that happened (a blow, a fall, a collapse) and asks about it. */
  pastHarm: boolean;
  /** About the worker's own (or family's, colleague's) situation, not a definition. */
  personal: boolean;
  /** The message asks something (a whole question, or a question inside an answer). */
  asks: boolean;
  /** In an intake: the part that answers the pending question (without the question inside it). */
  answerPart?: string;
  /** In an intake: the question asked inside the answer. */
  questionPart?: string;
  /** In an intake: the worker corrects an answer already given ("不对，…", "金额是四千不是三千"). */
  correction: boolean;
}

const CASE_ID = /GY-\d{4}-\d{6}/i;
const PROGRESS_OWN_WORDS =
  /(案子|案件|诉求|投诉|登记的事|那个事|那件事|我的事|申请).{0,8}(咋样|怎么样|怎样|如何了|到哪|进展|进度|有人管|有人处理|处理了没|处理得|有消息|有回复|有结果|结果呢|还没处理|没动静)|有人管(没|吗|了没|不)|有人跟进(没|吗)|处理到哪/;
const THANKS = /^(谢谢|多谢|感谢|谢了|谢啦|太感谢|非常感谢|thx|thanks|thank you)(你|您|了|啦|哈|呀|啊|工友|你们)*[!！。.~～]*$/i;
const BOT_IDENTITY = /你是(不是)?(机器人|人工智能|ai|真人|人|谁|什么)|是不是机器人|是机器人吗|are you (a )?(bot|robot|human|real)/i;
const CAPABILITIES = /你(能|会|可以)(干|做|帮)?(我)?(干|做)?(啥|什么|些什么)|能帮(我)?(干|做)?(啥|什么)|有什么用|你是干(啥|什么)的|what can you do/i;
const HUMAN = /有(没有)?(真人|活人|人工)(吗|没|不)?|是真人吗|能(跟|和)真人|\b(is there a|any) (human|person)\b/i;
const BYE = /^(拜拜|再见|88|bye|好的?谢谢|ok谢谢)[!！。.~～]*$/i;
const VAGUE_LEAVING = /^(公司|老板|站长|领导|平台)?(让|叫|要)我(走人|走|滚|别干了|不用来了|不要来了|回家)[了吧啊呀!！。]*$/;
const VAGUE_GENERAL =
  /^(我)?(被坑了|被人坑了|被骗了|被欺负了|出事了|遇到(点|个|了)?(事|麻烦|问题)(了)?|有个(事|问题)|想问(个|一下|点)?(问题|事)?|想咨询(一下)?|咨询(一下)?|求助|帮帮(我|忙)|怎么办(啊|呀)?|我该怎么办)[了吧啊呀!！。?？]*$/;
const JUST_ASKING = /^(我)?(就|只是|只)(是)?(问问|问一下|咨询一下|了解一下|随便问问)|先不(用)?登记|不用登记|不登记|just asking/i;
const CORRECTION = /^(不对|不是的|不是|错了|说错了|搞错了|写错了|更正|纠正)[，,。!！\s]|(是|应该是).{1,12}不是.{1,12}$|^(不对|错了|说错了)$/;
/** A clause that asks: it ends as a question or opens with a question word. */
const QUESTION_CLAUSE =
  /([?？]|吗|么|嘛|呢|多久|多长时间|多少(钱|天)?|几天|几个月|怎么办|咋办|咋整|怎么弄|怎么算|怎么赔|怎么维权|可以怎么.{0,6}|该怎么.{0,6}|找谁|谁(来)?(赔|管|负责|出|给|付).{0,6}|算工伤不|(给|赔|补|要|算|行|能|可以|合法|违法|有)不|有没有.{0,8}|是不是.{0,8}|算不算.{0,8}|能不能.{0,8}|可不可以.{0,8}|要不要.{0,8})[啊呀吧哈啦]*[。!！?？.~～]*$|^(请问|怎么|如何|为什么|为啥|能不能|可不可以|是不是|有没有|算不算|要不要)|^(what|how|why|can|is|are|do|does|who)\b/i;
/**
 * The other side's word on a point of law ("站长说跑单受伤不算工伤", "说要我自己证明"): the worker
 * wants to know whether it is so, so it is answered like a question (the offer to register follows).
 */
const REPORTED_CLAIM =
  /((公司|老板|站长|平台|单位|厂里|厂家|领导|经理|主管|人事|hr|客服|队长|加盟商|他们|对方)[^，,。]{0,6}|[，,]\s*(还|又|就|却)?)(说|讲|告诉我|跟我说|称|回复|表示)[^。？?]{0,20}(不算|不用|不给|不赔|不交|不管|不退|没有|没得|违法|合法|不违法|要我|让我|得我|我自己|自己证明|自己负责|自己承担|自己出|只能)/i;
/** First person or family: the worker's own situation. */
const PERSONAL = /我|俺|咱|家里|老公|老婆|丈夫|妻子|爸|妈|儿子|女儿|兄弟|同事|工友|\b(i|my|me)\b/i;
/** A story of something that happened ("被车撞了骨折住院"): the teller's own situation too. */
const TOLD_EVENT = /(被|把).{0,8}了|[了过](，|,|。|\s)|住院|骨折了|受伤了/;
const CLAUSES = /[^。！？!?；;，,\n\u2063]+[。！？!?；;，,\n\u2063]*/g;

function command(text: string, choiceId: string | undefined): DialogCommand | undefined {
  const lang = choiceId?.startsWith('lang:') ? (choiceId.slice(5) === 'en' ? 'en' : 'zh-CN') : P.langCommand(text);
  if (lang) return { name: 'lang', lang };
  if (P.startCommand(text)) return { name: 'start' };
  if (P.isHelp(text)) return { name: 'help' };
  if (P.isUnlink(text)) return { name: 'unlink' };
  const link = P.linkCommand(text);
  if (link) return { name: 'link', ...link };
  if (P.isConfirmErase(text)) return { name: 'confirm_erase' };
  if (P.isDeleteData(text)) return { name: 'delete_data' };
  if (P.isExportData(text)) return { name: 'export_data' };
  if (P.isMyData(text)) return { name: 'my_data' };
  if (P.isHandoffRequest(text) || choiceId === 'handoff') return { name: 'handoff' };
  if (P.isCancel(text)) return { name: 'cancel' };
  return undefined;
}

function smallTalk(text: string): SmallTalk | undefined {
  if (text.length > 16) return undefined;
  if (P.isGreeting(text)) return 'greeting';
  if (THANKS.test(text)) return 'thanks';
  if (HUMAN.test(text)) return 'human';
  if (BOT_IDENTITY.test(text)) return 'bot_identity';
  if (CAPABILITIES.test(text)) return 'capabilities';
  if (BYE.test(text)) return 'bye';
  return undefined;
}

/** Whether a sentence asks something. */
export function asksSomething(text: string): boolean {
  const t = spacesAsBreaks(text.trim());
  if (t.length < 3) return false;
  const clauses = t.match(CLAUSES) ?? [t];
  return /[?？]/.test(t) || clauses.some((c) => isQuestionClause(c));
}

/** On a phone a space often ends a clause ("能把记录给我吗 我要打官司用"): between Chinese words it breaks clauses. */
const SPACE_BREAK = '\u2063';
function spacesAsBreaks(text: string): string {
  return text.replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, SPACE_BREAK);
}

/** "V不V" (打不打算, 给不给, 行不行) asks, wherever it stands in the clause. */
const A_NOT_A = /(\p{Script=Han})不\1/u;
/** "…能要个说法不", "可以退钱不": a clause with a modal that ends in 不 asks yes or no. */
const MODAL_THEN_NOT = /(能|可以|会|算|要|该|得|行|有).{0,12}[^不没]不[啊呀吧哈]*[。!！?？.~～]*$/;

/** Names that end like a question ("饿了么") are not one. */
const NAMES_LIKE_QUESTIONS = /饿了么|什么值得买/g;

function isQuestionClause(clause: string): boolean {
  const c = clause.replace(NAMES_LIKE_QUESTIONS, '平台').replace(/[，,；;\n\s\u2063]+$/u, '').trim();
  return c.length >= 3 && (QUESTION_CLAUSE.test(c) || A_NOT_A.test(c) || MODAL_THEN_NOT.test(c));
}

/** Split an answer into what answers the pending question and a question asked inside it. */
function splitAnswer(text: string): { answerPart: string; questionPart?: string } {
  const clauses = (spacesAsBreaks(text).match(CLAUSES) ?? [text]).map((c) => c.replaceAll(SPACE_BREAK, ' '));
  // "？？" alone asks nothing Gongyou could answer: it is an unclear answer, not a question
  const questions = clauses.filter((c) => isQuestionClause(c) || (/[?？]/.test(c) && /[\p{L}\p{N}]/u.test(c)));
  if (!questions.length) return { answerPart: text };
  const answerPart = clauses
    .filter((c) => !questions.includes(c))
    .join('')
    .replace(/[，,；;\s]+$/, '')
    .trim();
  return { answerPart, questionPart: questions.join('').trim() };
}

/** Read one message in its conversation. */
export function understand(text: string, conversation: ConversationState, options: { choiceId?: string } = {}): Understanding {
  const t = text.trim();
  const base = { confidence: 1, pastHarm: false, personal: PERSONAL.test(t) || TOLD_EVENT.test(t), asks: asksSomething(t), correction: false };
  const crisis = t ? detectCrisis(t) : null;
  if (crisis) return { ...base, kind: 'crisis', crisis: crisis.kind };
  const cmd = command(t, options.choiceId);
  if (cmd) return { ...base, kind: 'command', command: cmd };
  if (options.choiceId) return { ...base, kind: 'answer', answerPart: t };
  const caseId = CASE_ID.exec(t)?.[0]?.toUpperCase();
  const progress = P.progressQuery(t) !== undefined || (caseId !== undefined && t.length <= 30) || PROGRESS_OWN_WORDS.test(t);
  if (progress) return { ...base, kind: 'progress', ...(caseId ? { caseId } : {}) };
  const chat = smallTalk(t);
  if (chat) return { ...base, kind: 'smalltalk', smalltalk: chat };
  const classified = classifyGrievance(t);
  const category = classified.confidence > 0 ? classified.category : undefined;
  const pastHarm = isPastHarm(t);
  const inIntake = loadIntakeState(conversation.intake);
  if (JUST_ASKING.test(t)) {
    const rest = t.replace(JUST_ASKING, '').replace(/^[，,。\s]+/, '');
    return { ...base, kind: rest && asksSomething(rest) ? 'question' : 'smalltalk', reaction: 'just_asking', category, pastHarm, answerPart: rest || undefined, questionPart: rest || undefined };
  }
  if (inIntake) {
    const correction = CORRECTION.test(t);
    // a free-text step (a story, evidence) takes the whole message unless a clause asks something
    const split = correction ? { answerPart: t } : splitAnswer(t);
    const asks = split.questionPart !== undefined;
    const outside = outsideDomain(t);
    if (outside && !category && !awaitsFreeText(inIntake)) return { ...base, kind: 'out_of_scope', outside, confidence: 0.7 };
    return {
      ...base,
      kind: 'answer',
      category,
      pastHarm,
      asks,
      correction,
      answerPart: split.answerPart,
      ...(split.questionPart ? { questionPart: split.questionPart } : {}),
      confidence: asks && !split.answerPart ? 0.6 : 0.9,
    };
  }
  if (P.isRejection(t)) return { ...base, kind: 'smalltalk', reaction: 'rejection' };
  if (P.isYes(t)) return { ...base, kind: 'smalltalk', reaction: 'yes' };
  const outside = outsideDomain(t);
  if (outside) return { ...base, kind: 'out_of_scope', outside, confidence: 0.8 };
  if (VAGUE_LEAVING.test(t)) return { ...base, kind: 'vague', vague: 'leaving', category: 'termination', confidence: 0.6 };
  if (VAGUE_GENERAL.test(t) && classified.confidence < 0.4) return { ...base, kind: 'vague', vague: 'general', confidence: 0.5 };
  if (!category && classifyScope(t) === 'out_of_scope') return { ...base, kind: 'out_of_scope', outside: 'off_topic', confidence: 0.8 };
  // A story that asks ("摔了一跤手骨折了 算工伤不") is answered first; the offer to register follows.
  if (base.asks || REPORTED_CLAIM.test(t)) return { ...base, kind: 'question', category, pastHarm, confidence: category ? 0.8 : 0.6 };
  if (looksLikeGrievance(t)) return { ...base, kind: 'grievance', category, pastHarm, confidence: Math.max(0.5, classified.confidence) };
  return { ...base, kind: 'question', category, pastHarm, confidence: category ? 0.6 : 0.3 };
}
