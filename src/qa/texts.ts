/** Every sentence the answer service shows a worker, in Chinese first with English. */
import type { BiText } from '../core/i18n.js';
import type { HumanTopic } from './topics.js';

/** Ends every legal answer. */
export const LEGAL_NOTICE: BiText = {
  'zh-CN': '以上是法律信息，不是律师意见。',
  en: 'This is legal information, not a lawyer’s opinion.',
};

/** Opens an answer the bot is not sure of. */
export const UNSURE_PREFIX: BiText = {
  'zh-CN': '这个问题我不太有把握，下面的内容仅供参考。可以换个说法再问，或者找工会调解员帮你看看。',
  en: 'I am not sure about this one, so take the following only as a pointer. You can ask in other words or talk to a union mediator.',
};

/** When nothing relevant was found at all. */
export const NOTHING_FOUND: BiText = {
  'zh-CN': '这个问题我没找到可靠的依据，不想乱说。可以换个说法再问（比如说说发生了什么、哪个平台、什么时候），或者找工会调解员帮你看看。',
  en: 'I found nothing reliable on this and do not want to guess. You can ask again in other words (what happened, which platform, when), or talk to a union mediator.',
};

/** When a message was only an attempt to change the bot's instructions. */
export const INSTRUCTIONS_DECLINED: BiText = {
  'zh-CN': '我只能按工会的规则回答劳动权益方面的问题，比如工资、工伤、社保、合同、罚款扣款。请直接说说你遇到的事。',
  en: 'I can only answer labour-rights questions under the union’s rules, such as pay, injuries, social insurance, contracts and fines. Please tell me what happened to you.',
};

/** Reminds gig workers that some rights depend on a labour relation. */
export const GIG_STATUS_CAVEAT: BiText = {
  'zh-CN': '提醒：骑手、司机和平台或站点之间不一定是劳动关系，有些权利只有劳动关系才有。你的情况算不算，可以请工会调解员帮你判断。',
  en: 'Note: riders and drivers are not always in a labour relation with the platform or station, and some rights exist only in one. A union mediator can help you find out where you stand.',
};

/** The first line of an answer to someone whose family member or co-worker died. */
export const CONDOLENCE: BiText = { 'zh-CN': '请节哀。', en: 'We are very sorry for your loss.' };

/** Said when the topic needs a person to look at it. */
export const NEEDS_PERSON: Record<HumanTopic, BiText> = {
  labour_relation: {
    'zh-CN': '你和平台、站点或外包公司算不算劳动关系，要看具体怎么派活、怎么结钱、怎么管理，最好请工会调解员帮你一起判断。',
    en: 'Whether you are in a labour relation with the platform, station or agency depends on how work is assigned, paid and managed; a union mediator should help you work this out.',
  },
  serious_injury: {
    'zh-CN': '受伤去了医院的，先保管好病历、票据和事故证明。这种情况建议让工会调解员尽快跟进。',
    en: 'If you were treated in hospital, keep the medical records, receipts and accident report. A union mediator should follow this up soon.',
  },
  death: {
    'zh-CN': '工会调解员会尽快联系你，陪你们办后面的事：算不算工伤（上班时突发疾病 48 小时内去世的也算），抚恤金和赔偿怎么要。先保管好抢救记录、死亡证明和当时的工作或接单记录。',
    en: 'A union mediator will contact you soon and help your family with what follows: whether it counts as a work injury (a sudden illness at work that kills within 48 hours does), and how to claim survivors\' benefits and compensation. Keep the emergency records, the death certificate and the work or order records from that time.',
  },
  violence: {
    'zh-CN': '遇到威胁或骚扰，先顾好自己的安全，保留聊天记录和证据。建议让工会调解员跟进。',
    en: 'If you are threatened or harassed, stay safe first and keep messages and other evidence. A union mediator should follow this up.',
  },
};

/** Headings of the extractive answer. */
export const HEADINGS = {
  nextSteps: { 'zh-CN': '可以这样做：', en: 'What you can do: ' },
  evidence: { 'zh-CN': '记得保留：', en: 'Keep as evidence: ' },
  whereToGo: { 'zh-CN': '可以求助：', en: 'Where to get help: ' },
  quotes: { 'zh-CN': '相关法条（节选）：', en: 'Related articles (excerpt, Chinese original):' },
} satisfies Record<string, BiText>;

/** Labels of the choices an answer can offer. */
export const CHOICE_LABELS = {
  handoff: { 'zh-CN': '找调解员', en: 'Talk to a mediator' },
  rephrase: { 'zh-CN': '换个说法', en: 'Ask in other words' },
  start_intake: { 'zh-CN': '登记诉求', en: 'Register a complaint' },
} satisfies Record<string, BiText>;

/** After a quoted local rule: where it applies, so a worker elsewhere does not rely on it. */
export const LOCAL_RULE_NOTE: BiText = {
  'zh-CN': '（{place}的地方规定，只在当地适用）',
  en: ' (a local rule of {place}: it applies there only)',
};

/** Told to every platform rider or driver who asks about an injury at work. */
export const PLATFORM_INJURY_LINE: BiText = {
  'zh-CN': '通过平台接单受伤的，可以走职业伤害保障：不要求劳动关系，平台按单缴费。受伤后马上在平台App里报案，保留订单记录和病历。',
  en: 'If you take orders through a platform, you also have occupational-injury protection: no labour relation is needed and the platform pays for it per order. Report the injury in the platform app at once and keep the order record and medical records.',
};

/** Asked instead of a long answer when the question is unclear: the likely topics follow as buttons. */
export const WHICH_TOPIC: BiText = {
  'zh-CN': '这个问题我不太有把握，怕说错。你问的是下面哪方面？点一下，或者换个说法再问。',
  en: 'I am not sure I understood, and I do not want to guess. Which of these is it about? Tap one, or ask in other words.',
};

/** Before the 工伤 answer for a platform worker: that route needs a labour relation. */
export const WITH_LABOUR_RELATION: BiText = { 'zh-CN': '有劳动关系的，还可以走工伤：', en: 'With a labour relation, work-injury insurance applies too: ' };
/** For a rider who says they signed a labour contract: 工伤 first, and where 职业伤害保障 fits. */
export const CONTRACTED_INJURY: BiText = { 'zh-CN': '你签了劳动合同，按工伤处理：', en: 'You signed a labour contract, so this is a work injury: ' };
export const PLATFORM_INJURY_FOR_OTHERS: BiText = {
  'zh-CN': '职业伤害保障是给和平台没有劳动关系的骑手、司机的；合同要是签给了外包或劳务公司，工伤找签合同的那家。',
  en: 'Occupational-injury protection is for riders and drivers without a labour relation; if your contract is with an outsourcing or labour company, claim the work injury from that company.',
};
