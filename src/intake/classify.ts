/** Whether a message reports the worker's own grievance, on top of the category classifier (text/category.ts). */
import { normalizeAnswer } from '../text/normalize.js';
import { classifyGrievance, CONFIDENT_CLASSIFICATION } from '../text/category.js';

const COMPLAINT_WORDS = /投诉|举报|维权|欺负|坑人|被骗|骗了|诉求|不公|黑心|压榨|不合理|太过分|没人管/;
const INFO_QUESTION = /(吗|么|嘛)\s*[?？。!！.]*$|算不算|是不是|是否|能不能|可不可以|可以.{0,12}吗|多久|多长时间|多少钱?|什么|如何|哪些|哪里|怎样|怎么算|怎么申请|怎么认定|为什么|[?？]\s*$/;
const ASKS_FOR_HELP = /怎么办|咋办|帮帮我|帮我|求助|救救|有人管吗|谁管|找谁/;
const NARRATIVE = /我|俺|咱|被|给我|不给|没给|站长|老板|了/;

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
