/**
 * Long consultation posts tell a story over several sentences and ask their question at the end. The
 * question sentence says what the answer must be about, so its words weigh more in search; a short
 * question is searched as it is.
 */
const LONG_POST = 40;
const ASKING = /[吗嘛么呢？?]|怎么|咋|如何|能不能|可不可以|可以|是否|是不是|算不算|多少|几|谁|哪|什么/;

/** The sentence that asks: the last whole sentence with a question mark, else the last clause that asks something, else the last clause. */
export function questionSentence(text: string): string | undefined {
  // A whole sentence that ends with a question mark is the question ("公司这样断缴，我可以去哪个部门投诉，
  // 能让它补上吗？"); a later story sentence may hold asking words without asking anything of us.
  const whole = split(text, /(?<=[。！？!?；;\n])/);
  const asked = [...whole].reverse().find((s) => /[？?]$/.test(s));
  if (asked && whole.length >= 2) return asked;
  const clauses = split(text, /(?<=[。！？!?；;，,\n])/);
  if (clauses.length < 2) return undefined;
  return [...clauses].reverse().find((s) => ASKING.test(s)) ?? clauses.at(-1);
}

function split(text: string, at: RegExp): string[] {
  return text
    .split(at)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
}

/** The question sentence of a long post, whose words search weighs more; undefined for a short question. */
export function questionFocus(text: string): string | undefined {
  return text.length < LONG_POST ? undefined : questionSentence(text);
}

/**
 * The question asked before the last one in a long post ("辞职能一次结清工资吗？还能要补偿金吗？"): a whole
 * sentence ending with a question mark. Undefined when the post asks once.
 */
export function earlierQuestion(text: string): string | undefined {
  if (text.length < LONG_POST) return undefined;
  const asked = split(text, /(?<=[。！？!?；;\n])/).filter((s) => /[？?]$/.test(s));
  return asked.length >= 2 ? asked.at(-2) : undefined;
}
