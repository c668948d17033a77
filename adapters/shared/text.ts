/** Splitting long texts for platforms with a per-message limit, preferring paragraph and line breaks. */

/** Split `text` into pieces of at most `maxLength` characters, cutting at blank lines, then lines, then anywhere. */
export function splitText(text: string, maxLength: number): string[] {
  if (maxLength < 1) throw new Error('maxLength must be positive');
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > maxLength) {
    const window = rest.slice(0, maxLength);
    let cut = window.lastIndexOf('\n\n');
    if (cut < maxLength / 2) cut = window.lastIndexOf('\n');
    if (cut < maxLength / 2) cut = maxLength;
    // never split an emoji (a UTF-16 surrogate pair) in half
    const before = rest.charCodeAt(cut - 1);
    if (cut === maxLength && cut > 1 && before >= 0xd800 && before <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  pieces.push(rest);
  return pieces;
}
