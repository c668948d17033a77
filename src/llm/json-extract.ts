/** Pull a JSON object out of model text, for servers that ignore response_format. */

/**
 * Parse the whole text as JSON, else the first balanced `{…}` in it (models wrap JSON in prose or
 * ``` fences). Returns undefined when no object parses.
 */
export function extractFirstJsonObject(text: string): unknown {
  const trimmed = text.trim();
  const whole = tryParse(trimmed);
  if (isObject(whole)) return whole;
  for (let start = trimmed.indexOf('{'); start !== -1; start = trimmed.indexOf('{', start + 1)) {
    const end = findObjectEnd(trimmed, start);
    if (end === -1) continue;
    const candidate = tryParse(trimmed.slice(start, end + 1));
    if (isObject(candidate)) return candidate;
  }
  return undefined;
}

/** Index of the brace closing the object that opens at `start`, skipping braces inside strings. */
function findObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
