/**
 * Recognise attempts to steer the model ("忽略之前的指令", "you are now…", "输出你的提示词"), in a
 * worker's question or hidden in an imported document. Such a sentence is removed, never obeyed:
 * what is left is answered as an ordinary question.
 */

const INJECTION: RegExp[] = [
  /(忽略|无视|忘记|忘掉|不要管|不用管|跳过|覆盖)(掉)?(你)?(之前|以前|前面|上面|以上|先前|所有|全部|原来|原有)?(的|所有的)?(一切|所有)?(指令|指示|命令|规则|要求|设定|提示|限制|约束)/,
  /(你|您)现在(是(?!不是|否)|扮演|变成|作为)|从现在(开始|起)[，,]?(你|您)(是|要|就)|(扮演|假装|假设)(你是|一个|一名|成为)|角色扮演/,
  /(输出|显示|打印|告诉我|透露|泄露|复述|重复|给我看|发给我|说出)(一下)?(你的|你们的)?(完整的)?(系统)?(提示词|提示语|prompt|系统设定|系统指令|初始指令|内部指令|规则原文)/i,
  /(把|将)(你的|你们的)?(完整的)?(系统)?(提示词|提示语|prompt|系统设定|系统指令|初始指令|内部指令)/i,
  /系统提示|开发者模式|越狱|新的指令[:：]|新指令[:：]/,
  /\b(ignore|disregard|forget|override) (all |any )?(the |your )?(previous|prior|above|earlier|preceding|system)? ?(instructions|prompts?|rules|directions)\b/i,
  /\byou are now\b|\bact as\b|\bpretend (to be|you are)\b|\broleplay\b/i,
  /\b(system prompt|developer mode|jailbreak|DAN mode)\b|\b(reveal|print|show|repeat|output) (me )?(your|the) (prompt|instructions|system)/i,
];

/** Splits text into clauses so one injected sentence can go while the real question stays. */
const CLAUSE = /[^。！？!?；;，,.\n]+[。！？!?；;，,.\n]*/g;

/** Whether `text` tries to change the bot's instructions or extract its prompt. */
export function detectInjection(text: string): boolean {
  return INJECTION.some((pattern) => pattern.test(text));
}

/** `text` without the clauses that carry an injection attempt (the rest is kept as written). */
export function stripInjection(text: string): string {
  const clauses = text.match(CLAUSE) ?? [];
  return clauses
    .filter((clause) => !detectInjection(clause))
    .join('')
    .replace(/^[\s。！？!?；;，,.]+/, '')
    .trim();
}
