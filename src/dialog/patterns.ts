/** Recognisers for the few commands a worker can type anywhere (compiled once). */

const HANDOFF = /(转人工|找人工|人工客服|人工服务|找调解员|要调解员|找工作人员|找真人|真人客服|talk to a (person|human)|human agent|real person|\bmediator\b)/i;
const PROGRESS = /^(\/status|查进度|查询进度|看进度|进度|我的案件|案件进度|查案件|status|progress)(\s|$)|进度\s*GY-\d{4}-\d{6}|^GY-\d{4}-\d{6}$/i;
const CASE_ID = /GY-\d{4}-\d{6}/i;
const HELP = /^(\/help|帮助|help|怎么用|菜单|menu|\?|？)$/i;
const START = /^\/start(?:\s+(\S+))?$/;
const LANG = /^(\/lang|语言|language)(?:\s+(\S+))?$/i;
const CANCEL = /^(\/cancel|算了|取消|不弄了|不登记了|不填了|cancel|stop)$/i;
const REJECT = /^(还是|都|也|完全|根本)?(没用|没有用|不对|答非所问|看不懂|说的不对|没帮助|没帮上|不是这个意思|不是我问的)(啊|呀|的)?[!！。.]*$|^(useless|wrong|not helpful|still not helpful)[!.]*$/i;
const YES = /^(好|好的|可以|行|要|需要|是|是的|对|嗯|嗯嗯|ok|okay|yes|y|1)[!！。.]*$/i;
const DELETE_DATA = /^(删除我的数据|删除我的信息|删掉我的信息|delete my data)$/i;
const EXPORT_DATA = /^(导出我的数据|导出我的信息|下载我的数据|export my data)$/i;
const CONFIRM_ERASE = /^(确认删除|确定删除|confirm delete|yes,? delete)$/i;
const MY_DATA = /^(我的数据|我的信息|你们存了我什么|my data)$/i;
const LINK = /^(\/link|绑定|关联账号|绑定账号|link)(?:\s*([0-9A-Za-z]{4}[\s-]?[0-9A-Za-z]{4}|\d{6}))?$/i;
const UNLINK = /^(\/unlink|解除绑定|取消绑定|解绑|unlink)$/i;
const GREETING = /^(你好|您好|你好呀|hi|hello|hey|在吗|在不在|嗨|哈喽|早上好|晚上好|有人吗)[!！。.~～?？]*$/i;
const QUESTION = /[?？]|找谁|谁(来)?(出|赔|管|给|付|负责|买单)|(能|可以)?(拿|赔|补|要|领)(回)?多少|(吗|么|呢|怎么办|咋办|咋整|怎么弄|怎么处理|如何处理|怎么算|算不算|合不合法|合法不|能不能要|能要回来不|行不行)[。!！]?$|^(请问|怎么|怎样|如何|能不能|可不可以|可以|是否|算不算|算|有没有|哪里|什么|为什么|多少|几天|要不要|合法|违法)/;

/** The worker asks for a person. */
export const isHandoffRequest = (text: string) => HANDOFF.test(text);
/** The worker asks for case progress; returns the case id if one was named. */
export function progressQuery(text: string): { caseId?: string } | undefined {
  if (!PROGRESS.test(text.trim())) return undefined;
  const id = CASE_ID.exec(text)?.[0]?.toUpperCase();
  return id ? { caseId: id } : {};
}
/** Help request. */
export const isHelp = (text: string) => HELP.test(text.trim());
/** /start with an optional deep-link payload. */
export function startCommand(text: string): { payload?: string } | undefined {
  const m = START.exec(text.trim());
  return m ? { payload: m[1] } : undefined;
}
/** Language switch: 'zh-CN', 'en', or 'ask' when no language was named. */
export function langCommand(text: string): 'zh-CN' | 'en' | 'ask' | undefined {
  const t = text.trim();
  if (/^(english|英文)$/i.test(t)) return 'en';
  if (/^(中文|chinese)$/i.test(t)) return 'zh-CN';
  const m = LANG.exec(t);
  if (!m) return undefined;
  const arg = (m[2] ?? '').toLowerCase();
  if (!arg) return 'ask';
  if (arg.startsWith('en') || arg === '英文') return 'en';
  if (arg.startsWith('zh') || arg === '中文' || arg === 'cn') return 'zh-CN';
  return 'ask';
}
/** Cancel the current flow. */
export const isCancel = (text: string) => CANCEL.test(text.trim());
/** The worker says the last answer did not help. */
export const isRejection = (text: string) => REJECT.test(text.trim());
/** A plain yes. */
export const isYes = (text: string) => YES.test(text.trim());
/** The worker asks what is kept about them. */
export const isMyData = (text: string) => MY_DATA.test(text.trim());
/** The worker asks to delete their data. */
export const isDeleteData = (text: string) => DELETE_DATA.test(text.trim());
/** The worker asks for a copy of their data. */
export const isExportData = (text: string) => EXPORT_DATA.test(text.trim());
/** The worker confirms the erasure they asked for. */
export const isConfirmErase = (text: string) => CONFIRM_ERASE.test(text.trim());
/** Looks like a question rather than an answer. */
export const looksLikeQuestion = (text: string) => text.trim().length >= 5 && QUESTION.test(text.trim());
/** Link identities: `{}` to get a code, `{ code }` to redeem one. */
export function linkCommand(text: string): { code?: string } | undefined {
  const m = LINK.exec(text.trim());
  return m ? (m[2] ? { code: m[2] } : {}) : undefined;
}
/** Undo the links of this identity. */
export const isUnlink = (text: string) => UNLINK.test(text.trim());
/** A bare greeting. */
export const isGreeting = (text: string) => GREETING.test(text.trim());
