/** What a question is about, beyond its words: which grievance it is and whether it needs a person. */
import { CATEGORIES, type Category } from '../core/types.js';
import { classifyGrievance } from '../text/category.js';
import { findPlatforms } from '../text/platform.js';

/** Why a topic needs a person rather than an answer alone. */
export type HumanTopic = 'labour_relation' | 'serious_injury' | 'death' | 'violence';

/** Whether a labour relation exists at all (not ending one: "终止劳动关系是否违法" is about the ending). */
const LABOUR_RELATION =
  /(是|算|有|存在|建立|成立|确认|认定|证明|属于|什么|啥)[^，。？?！!\s]{0,6}劳动关系|劳动关系(吗|嘛|么|呢)|劳动关系[^，。？?！!\s]{0,10}(认定|区分|判断|区别)|算(不算)?(是)?(你们的|公司的|平台的)?(员工|职工|劳动者|雇员)|是不是(你们的|公司的|平台的)?(员工|职工|劳动者|雇员)|合作关系|合作协议|众包|个体工商户|承揽|谁是我(的)?(老板|雇主|单位)|到底(是)?谁(雇|管)的我|\b(employment relationship|am i an employee|contractor|employee status)\b/i;
const ILLNESS = /生病|病了|发烧|感冒|病假|看病|sick|ill\b/i;
const INJURY = /伤|撞|摔|骨折|车祸|事故|被咬|出事|翻车|车翻了|翻了|缝了|缝针|几针|流血|骨裂|扭了|崴了|烫了|砸了|injur|accident|fractur|hurt|stitches/i;
const HOSPITAL = /住院|医院|手术|骨折|缝针|急诊|ICU|重伤|伤残|截肢|昏迷|\b(hospital|surgery|fracture|stitches|disabled)\b/i;
/** A worker died: the family needs a person with them through the claim, not an answer alone. */
const DEATH = /猝死|去世|身亡|过世|人没了|死了|\b(died|passed away)\b/i;
const THREAT = /威胁|恐吓|骚扰|性骚扰|跟踪|堵我|报复|\b(threaten|harass|stalk)/i;
const GIG_WORK = /骑手|外卖|跑单|送单|接单|众包|专送|快递|网约车|滴滴|美团|饿了么|闪送|货拉拉|平台|站点|站长|司机|\b(rider|courier|delivery|driver|platform|gig)\b/i;

/** The topic needs a person when the answer depends on facts only a mediator can weigh. */
export function humanNeededTopic(text: string): HumanTopic | undefined {
  if (THREAT.test(text)) return 'violence';
  if (DEATH.test(text)) return 'death';
  if (INJURY.test(text) && HOSPITAL.test(text)) return 'serious_injury';
  if (LABOUR_RELATION.test(text)) return 'labour_relation';
  return undefined;
}

/** The message is about platform or gig work, where a labour relation cannot be assumed. */
export function isGigWorkContext(text: string): boolean {
  return GIG_WORK.test(text);
}

/** The grievance category a message is about, from the one category lexicon (text/category.ts), if any. */
export function categoryFromText(text: string): Category | undefined {
  const { category } = classifyGrievance(text);
  return category === 'other' ? undefined : category;
}

/** A guide card's category when it is a grievance category. */
export function asCategory(value: string | undefined): Category | undefined {
  return (CATEGORIES as readonly string[]).includes(value ?? '') ? (value as Category) : undefined;
}

/** Words of work taken through an app (the platforms themselves are in text/platform.ts). */
const PLATFORM_WORK = /众包|专送|骑手|外卖|跑单|送单|接单|网约车|代驾|跑腿|顺丰同城|平台|\b(rider|platform|ride-hailing|delivery app)\b/i;

/** The question comes from someone who works through a platform (众包, 网约车, 货拉拉 …). */
export function isPlatformWorker(text: string): boolean {
  return PLATFORM_WORK.test(text) || findPlatforms(text).length > 0;
}

/** A platform worker asks about an injury at work: the answer must name 职业伤害保障 and how to claim it. */
export function isPlatformInjury(text: string): boolean {
  if (!isPlatformWorker(text)) return false;
  if (INJURY.test(text)) return true;
  // an illness is not a work injury: a sick rider asks about sick leave, not 职业伤害保障
  return !ILLNESS.test(text) && categoryFromText(text) === 'injury';
}
