/** Prompts live as files under prompts/ so they are reviewed like code; this fills their {{variables}}. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GongyouError } from '../core/errors.js';

/** The prompts folder of this checkout (src/llm → ../../prompts). */
export const DEFAULT_PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prompts');

const NAME = /^[a-z][a-z0-9-]*$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** Renders named prompt templates from one folder. */
export interface PromptLoader {
  /** Fill `{{name}}` placeholders of prompts/<name>.md; a missing variable throws. */
  render(name: string, vars?: Record<string, string | number>): string;
  /** The template text itself (for leak checks). */
  template(name: string): string;
}

/** A loader over `dir`, caching each file after its first read. */
export function createPromptLoader(dir: string = DEFAULT_PROMPTS_DIR): PromptLoader {
  const cache = new Map<string, string>();
  function template(name: string): string {
    if (!NAME.test(name)) throw new GongyouError('bad_request', `invalid prompt name "${name}"`);
    let text = cache.get(name);
    if (text === undefined) {
      try {
        text = readFileSync(path.join(dir, `${name}.md`), 'utf8');
      } catch (cause) {
        throw new GongyouError('config_invalid', `prompt "${name}" not found in ${dir}`, { cause });
      }
      cache.set(name, text);
    }
    return text;
  }
  return {
    template,
    render(name, vars = {}) {
      // One pass: a value that itself contains {{x}} (e.g. a worker's text) is never expanded.
      return template(name).replace(PLACEHOLDER, (_, key: string) => {
        const value = vars[key];
        if (value === undefined) throw new GongyouError('config_invalid', `prompt "${name}" needs variable {{${key}}}`);
        return String(value);
      });
    },
  };
}

const defaultLoader = createPromptLoader();

/** Render prompts/<name>.md with `vars`; a missing variable is an error, not an empty string. */
export function renderPrompt(name: string, vars: Record<string, string | number> = {}): string {
  return defaultLoader.render(name, vars);
}
