/** Platform workers (riders and drivers who take work through an app), for whom 工伤 is not the only route after an injury. */
import { categoryFromText } from './topics.js';

const PLATFORM = /众包|专送|骑手|外卖|跑单|送单|接单|网约车|滴滴|货拉拉|闪送|代驾|跑腿|美团|饿了么|顺丰同城|快狗|高德|花小猪|曹操|T3|平台|\b(rider|platform|ride-hailing|delivery app|courier app)\b/i;
const INJURY = /伤|撞|摔|骨折|车祸|事故|被咬|出事|工伤|injur|accident|hurt/i;

/** The question comes from someone who works through a platform. */
export function isPlatformWorker(text: string): boolean {
  return PLATFORM.test(text);
}

/** A platform worker asks about an injury at work: the answer must name 职业伤害保障 and how to claim it. */
export function isPlatformInjury(text: string): boolean {
  return isPlatformWorker(text) && (INJURY.test(text) || categoryFromText(text) === 'injury');
}
