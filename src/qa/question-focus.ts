/**
 * Long consultation posts tell a story over several sentences and ask their question at the end. The
 * question sentence says what the answer must be about, so its words weigh more in search; a short
 * question is searched as it is.
 */
const LONG_POST = 40;
const ASKING = /[吗嘛么呢？?]|怎么|咋|如何|能不能|可不可以|可以|是否|是不是|算不算|多少|几|谁|哪|什么/;

/** The sentence that asks the question: the last one that asks something, else the last one. */
export function questionSentence(text: string): string | undefined {
  const sentences = text
    .split(/(?<=[。！？!?；;，,\n])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
  if (sentences.length < 2) return undefined;
  return [...sentences].reverse().find((s) => ASKING.test(s)) ?? sentences.at(-1);
}

/** The question sentence of a long post, whose words search weighs more; undefined for a short question. */
export function questionFocus(text: string): string | undefined {
  return text.length < LONG_POST ? undefined : questionSentence(text);
}
