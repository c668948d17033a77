/**
 * Spot self-harm, violence and emergencies in colloquial Chinese and English, so the bot answers with
 * hotlines at once whatever else is going on. Tuned against ordinary complaints: a past accident asked
 * about as 工伤 is not an emergency, 救命钱 is not a cry for help, 打卡/打电话 is not a blow.
 */
import { tr, type BiText } from '../core/i18n.js';
import type { Locale } from '../core/types.js';

/** What kind of danger a message signals. */
export type CrisisKind = 'self_harm' | 'violence' | 'emergency';

const SELF_HARM: RegExp[] = [
  /不想活|活着没(有)?意思|活着太累|想死|去死吧?我|我(也)?去死|自杀|轻生|寻死|结束(自己的)?生命|了结自己|一了百了/,
  /(跳楼|跳河|跳桥|跳江|割腕|上吊|喝农药|吃安眠药)(?!价|机|大甩卖)/,
  /\b(kill(ing)? myself|suicid|end (my|it all)|want to die|don'?t want to live|no reason to live|hurt myself)/i,
];
/** Said in despair, but also a common figure of speech about money; only counted without money words. */
const SELF_HARM_WEAK = /活不下去|撑不下去|不如死了/;
const MONEY_CONTEXT = /工资|钱|房租|欠薪|结账|提成|罚款/;
const SELF_HARM_NEGATED = /(不会|没有|没想|不要)(去)?(自杀|轻生|寻死|想死)/;

const VIOLENCE: RegExp[] = [
  /(他|她|他们|老板|站长|店主|保安|顾客|客户|商家|有人|那人)(一直|刚才|刚刚|又|还|正)?(在)?(打|揍|踢|踹|殴打|砍|捅)(了)?(我|人)(?!电话|手机|卡|款|工|车|折|分)/,
  /被(人|他|她|他们|老板|站长|保安|商家|顾客|客户)?(殴打|打伤|打了|揍了|暴打|打得|砍伤|捅伤|踢伤)(?!折|卡|款|电话|分|个)|被(人)?打(?=$|[，,。!！])/,
  /挨(了)?(打|揍)|殴打|家暴/,
  /(要|想|准备)(去)?(砍|杀|捅|弄死|打死)(人|他|她|他们|老板|站长)|同归于尽|拿(着)?刀|动刀/,
  /\b(hit|beat(ing)?|punch(ed)?|attack(ed)?|stab(bed)?) me\b|\b(kill|stab|hurt) (him|her|them|my boss)\b|\bknife\b/i,
];

/** A call for help now: an emergency whatever else the message says. */
const EMERGENCY_NOW: RegExp[] = [
  /救命(?!钱)|快叫救护车|叫(个)?救护车|打120|着火了|起火了|被困/,
  /\b(help me|call an ambulance|on fire|trapped)\b/i,
];
/** Someone unconscious or collapsing: an emergency unless asked about afterwards. */
const EMERGENCY_STATE = /昏迷|晕过去|不省人事|没(有)?(了)?呼吸|没(有)?意识|叫不醒|\b(unconscious|not breathing)\b/i;
/** Someone collapsing now: an emergency unless asked about afterwards, like bleeding. */
const COLLAPSED = /晕倒|倒地不起|突然倒下|\bcollapsed\b/i;
const BLEEDING = /流(了)?(好多|很多|一地|满地)?的?血|血流不止|流血不止|大出血|止不住血|血止不住|\bbleeding\b/i;
/**
 * A harm told as past and asked about ("被顾客打了，这个算工伤不", "上个月晕倒了谁赔") is a question for
 * an answer, not an emergency; unless the message also says it is still going on.
 */
const PAST_OR_CLAIM =
  /上(个)?(月|周|星期)|去年|前几天|前天|昨天|之前|以前|当时|那次|那天|算(不算)?工伤|工伤(吗|不|么|认定)|算不算|谁(来)?(赔|负责|出|管)|赔(偿)?(多少|吗|不)|能(不能)?(要|索)?赔|索赔|报销|医药费|医疗费|维权|怎么(赔|算|处理)|\b(last (week|month|year)|claim|compensation|who pays)\b/i;
const STILL_NOW = /正在|现在(还)?在|还在(打|追|堵|威胁)|一直在|快来|马上|他要|要打|堵着|追着|拿(着)?刀|\b(right now|still)\b/i;

/** A harm (blow, fall, collapse, bleeding) that happened and is asked about afterwards, not one going on now. */
export function isPastHarm(text: string): boolean {
  const normalized = text.replace(/\s+/g, ' ');
  const harm = VIOLENCE.some((p) => p.test(normalized)) || BLEEDING.test(normalized) || COLLAPSED.test(normalized) || EMERGENCY_STATE.test(normalized) || /摔|撞|骨折|受伤|\b(fell|injured)\b/i.test(normalized);
  return harm && PAST_OR_CLAIM.test(normalized) && !STILL_NOW.test(normalized);
}

/** Whether `text` signals self-harm, violence or an emergency going on now (null for an ordinary message). */
export function detectCrisis(text: string): { kind: CrisisKind } | null {
  const normalized = text.replace(/\s+/g, ' ');
  if (!SELF_HARM_NEGATED.test(normalized)) {
    if (SELF_HARM.some((pattern) => pattern.test(normalized))) return { kind: 'self_harm' };
    if (SELF_HARM_WEAK.test(normalized) && !MONEY_CONTEXT.test(normalized)) return { kind: 'self_harm' };
  }
  if (EMERGENCY_NOW.some((pattern) => pattern.test(normalized))) return { kind: 'emergency' };
  const askedAfterwards = PAST_OR_CLAIM.test(normalized) && !STILL_NOW.test(normalized);
  if (askedAfterwards) return null;
  if (EMERGENCY_STATE.test(normalized) || BLEEDING.test(normalized) || COLLAPSED.test(normalized)) return { kind: 'emergency' };
  if (VIOLENCE.some((pattern) => pattern.test(normalized))) return { kind: 'violence' };
  return null;
}

const SAFETY_LINE: BiText = {
  'zh-CN': '先顾好自己的安全和身体：伤要及时看医生、留好病历；再有人动手或威胁你，马上打 110。',
  en: 'Look after your safety and health first: see a doctor and keep the records; if anyone hits or threatens you again, call 110 at once.',
};
/** After an accident (a fall, a crash), where nobody was hit or threatened. */
const HEALTH_LINE: BiText = {
  'zh-CN': '先顾好身体：伤要及时看医生，留好病历和票据。',
  en: 'Look after your health first: see a doctor and keep the records and receipts.',
};
/** Someone hit, attacked or threatened the worker. */
const ASSAULT = /打|殴|动手|砍|捅|踢|推搡|威胁|恐吓|\b(hit|beat|attack|assault|threat)/i;

/** One line put before an answer about a past harm: about safety after an assault, about health after an accident. */
export function safetyLine(locale: Locale, text = ''): string {
  return tr(locale, ASSAULT.test(text) ? SAFETY_LINE : HEALTH_LINE);
}

const FIRST_LINE: Record<CrisisKind, BiText> = {
  self_harm: {
    'zh-CN': '你的安全最重要。如果你有伤害自己的念头，请马上拨打心理援助热线 12356，它会有人接听。',
    en: 'Your safety matters most. If you are thinking of hurting yourself, please call the mental health helpline 12356 now; someone will answer.',
  },
  violence: {
    'zh-CN': '你的安全最重要。如果有人正在打你或威胁你，请先离开危险的地方，马上拨打 110 报警。',
    en: 'Your safety matters most. If someone is hitting or threatening you, get away from danger and call the police on 110 now.',
  },
  emergency: {
    'zh-CN': '请马上拨打 120 叫救护车；有交通事故或危险请同时拨打 110。',
    en: 'Call 120 for an ambulance now; for a traffic accident or danger also call the police on 110.',
  },
};

const HOTLINES: BiText = {
  'zh-CN': '紧急电话：110 报警，120 急救，12356 心理援助。我们已经请工会工作人员尽快联系你。',
  en: 'Emergency numbers: 110 police, 120 ambulance, 12356 mental health helpline. We have asked a union staff member to contact you soon.',
};

/** The immediate reply to a crisis: the most relevant number first, then 110/120/12356. */
export function crisisReply(kind: CrisisKind, locale: Locale): string {
  return `${tr(locale, FIRST_LINE[kind])}\n${tr(locale, HOTLINES)}`;
}
